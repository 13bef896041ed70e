// Flattening-based affine expression simplification (MLIR's SimpleAffineExprFlattener / simplifyAffineExpr).

import {
  AffineExpr,
  AffineExprKind,
  affineAdd,
  affineCeilDiv,
  affineFloorDiv,
  affineMod,
  affineMul,
  affineSub,
  gcd,
  getAffineBinaryOpExpr,
  getAffineConstantExpr,
  getAffineDimExpr,
  getAffineSymbolExpr,
} from './expr.js';

/// Builds an expression from a flat coefficient row laid out as
/// `[dims..., symbols..., locals..., constant]`; `localExprs[i]` gives the meaning of local `i`.
/// Terms are added in column order through the simplifying operators (MLIR getAffineExprFromFlatForm).
export function getAffineExprFromFlatForm(
  flat: readonly number[],
  numDims: number,
  numSymbols: number,
  localExprs: readonly AffineExpr[],
): AffineExpr {
  const numIds = numDims + numSymbols;
  if (flat.length - numIds - 1 !== localExprs.length) throw new RangeError('unexpected number of local expressions');
  let expr = getAffineConstantExpr(0);
  for (let j = 0; j < numIds; j++) {
    const c = flat[j]!;
    if (c === 0) continue;
    const id = j < numDims ? getAffineDimExpr(j) : getAffineSymbolExpr(j - numDims);
    expr = affineAdd(expr, affineMul(id, getAffineConstantExpr(c)));
  }
  const last = flat.length - 1;
  for (let j = numIds; j < last; j++) {
    const c = flat[j]!;
    if (c === 0) continue;
    expr = affineAdd(expr, affineMul(localExprs[j - numIds]!, getAffineConstantExpr(c)));
  }
  const constTerm = flat[last]!;
  if (constTerm !== 0) expr = affineAdd(expr, getAffineConstantExpr(constTerm));
  return expr;
}

// One entry of the sorted term list used to rebuild semi-affine expressions.
interface SemiAffineTerm {
  keyA: number;
  keyB: number;
  coefficient: number;
  expr: AffineExpr;
}

// Records a term under key (keyA, keyB); a repeated key reuses the first term recorded for it.
function addTerm(
  indices: SemiAffineTerm[],
  byKey: Map<string, SemiAffineTerm>,
  keyA: number,
  keyB: number,
  coefficient: number,
  expr: AffineExpr,
): void {
  const key = `${keyA},${keyB}`;
  let term = byKey.get(key);
  if (term === undefined) {
    term = { keyA, keyB, coefficient, expr };
    byKey.set(key, term);
  }
  indices.push(term);
}

function compareTerms(a: SemiAffineTerm, b: SemiAffineTerm): number {
  return a.keyA !== b.keyA ? a.keyA - b.keyA : a.keyB - b.keyB;
}

/// Rebuilds a semi-affine expression from its flat form, ordering the terms by dimension /
/// symbol position like MLIR's getSemiAffineExprFromFlatForm (e.g. `d0 + d0 * s0 + s0 + d1 * s1`).
export function getSemiAffineExprFromFlatForm(
  flat: readonly number[],
  numDims: number,
  numSymbols: number,
  localExprs: readonly AffineExpr[],
): AffineExpr {
  const numIds = numDims + numSymbols;
  if (flat.length - numIds - 1 !== localExprs.length) throw new RangeError('unexpected number of local expressions');
  const maxIds = numDims > numSymbols ? numDims : numSymbols;
  // `indices` may hold duplicate keys; like MLIR's DenseMap::insert, the first entry of a key wins.
  const indices: SemiAffineTerm[] = [];
  const byKey = new Map<string, SemiAffineTerm>();

  let offsetSym = 0;
  let offsetDim = -1;
  for (let j = numDims; j < numIds; j++) {
    if (flat[j] === 0) continue;
    addTerm(indices, byKey, j - numDims, maxIds + offsetSym++, flat[j]!, getAffineSymbolExpr(j - numDims));
  }

  const addedToMap: boolean[] = new Array(localExprs.length).fill(false);
  for (let i = 0; i < localExprs.length; i++) {
    const c = flat[numIds + i]!;
    if (c === 0) continue;
    const expr = localExprs[i]!;
    if (!expr.isBinary()) continue;
    const lhs = expr.lhs!;
    const rhs = expr.rhs!;
    const lhsIsId = lhs.kind === AffineExprKind.DimId || lhs.kind === AffineExprKind.SymbolId;
    const rhsOk = rhs.kind === AffineExprKind.DimId || rhs.kind === AffineExprKind.SymbolId || rhs.isConstant();
    if (!lhsIsId || !rhsOk) continue;
    if (rhs.isConstant()) {
      // Products / divisions / mods by a constant come just before their id's plain term.
      if (lhs.kind === AffineExprKind.DimId) addTerm(indices, byKey, lhs.value, offsetDim--, c, expr);
      else addTerm(indices, byKey, lhs.value, maxIds + offsetSym++, c, expr);
    } else if (lhs.kind === AffineExprKind.DimId) {
      // dim <op> symbol: keyed by (dim position, symbol position).
      addTerm(indices, byKey, lhs.value, rhs.value, c, expr);
    } else {
      addTerm(indices, byKey, lhs.value, maxIds + offsetSym++, c, expr);
    }
    addedToMap[i] = true;
  }

  for (let j = 0; j < numDims; j++) {
    if (flat[j] === 0) continue;
    addTerm(indices, byKey, j, offsetDim--, flat[j]!, getAffineDimExpr(j));
  }

  indices.sort(compareTerms);
  let expr = getAffineConstantExpr(0);
  for (const term of indices) expr = affineAdd(expr, affineMul(term.expr, getAffineConstantExpr(term.coefficient)));

  const last = flat.length - 1;
  for (let j = numIds; j < last; j++) {
    if (flat[j] === 0 || addedToMap[j - numIds]) continue;
    expr = affineAdd(expr, affineMul(localExprs[j - numIds]!, getAffineConstantExpr(flat[j]!)));
  }
  const constTerm = flat[last]!;
  if (constTerm !== 0) expr = affineAdd(expr, getAffineConstantExpr(constTerm));
  return expr;
}

/// Flattens affine expressions into rows `[dims..., symbols..., locals..., constant]`,
/// introducing a local variable for every distinct floordiv / ceildiv / mod quotient and for
/// every semi-affine sub-term (MLIR SimpleAffineExprFlattener). Reusable for several
/// expressions sharing the same locals.
export class AffineExprFlattener {
  /// Number of dimensions.
  readonly numDims: number;
  /// Number of symbols.
  readonly numSymbols: number;
  /// Number of local variables introduced so far.
  numLocals: number;
  /// Expressions the local variables stand for.
  readonly localExprs: AffineExpr[];
  /// Work stack of flat rows; after a successful flatten() the result is on top.
  readonly operandExprStack: number[][];

  /// Creates a flattener for expressions over `numDims` dims and `numSymbols` symbols.
  constructor(numDims: number, numSymbols: number) {
    this.numDims = numDims;
    this.numSymbols = numSymbols;
    this.numLocals = 0;
    this.localExprs = [];
    this.operandExprStack = [];
  }

  /// Number of columns of a row: ids, locals and the constant.
  getNumCols(): number {
    return this.numDims + this.numSymbols + this.numLocals + 1;
  }
  /// Column of the first local variable.
  getLocalVarStartIndex(): number {
    return this.numDims + this.numSymbols;
  }
  /// Column of the constant term.
  getConstantIndex(): number {
    return this.getNumCols() - 1;
  }

  /// Flattens `expr` and pushes its row; returns false (MLIR "failure") on a floordiv, ceildiv
  /// or mod by a non-positive constant, leaving the stack in an unspecified state.
  flatten(expr: AffineExpr): boolean {
    if (expr.lhs !== null) {
      if (!this.flatten(expr.lhs) || !this.flatten(expr.rhs!)) return false;
    }
    switch (expr.kind) {
      case AffineExprKind.Add:
        return this.visitAdd();
      case AffineExprKind.Mul:
        return this.visitMul(expr);
      case AffineExprKind.Mod:
        return this.visitMod(expr);
      case AffineExprKind.FloorDiv:
        return this.visitDiv(expr, false);
      case AffineExprKind.CeilDiv:
        return this.visitDiv(expr, true);
      case AffineExprKind.Constant: {
        const row = this.newRow();
        row[row.length - 1] = expr.value;
        return true;
      }
      case AffineExprKind.DimId: {
        if (expr.value >= this.numDims) throw new RangeError(`d${expr.value} out of range (${this.numDims} dims)`);
        this.newRow()[expr.value] = 1;
        return true;
      }
      default: {
        if (expr.value >= this.numSymbols)
          throw new RangeError(`s${expr.value} out of range (${this.numSymbols} symbols)`);
        this.newRow()[this.numDims + expr.value] = 1;
        return true;
      }
    }
  }

  private newRow(): number[] {
    const row: number[] = new Array(this.getNumCols()).fill(0);
    this.operandExprStack.push(row);
    return row;
  }

  private visitAdd(): boolean {
    const stack = this.operandExprStack;
    const rhs = stack.pop()!;
    const lhs = stack[stack.length - 1]!;
    for (let i = 0; i < rhs.length; i++) lhs[i]! += rhs[i]!;
    return true;
  }

  private visitMul(expr: AffineExpr): boolean {
    const stack = this.operandExprStack;
    const rhs = stack.pop()!;
    const lhs = stack[stack.length - 1]!;
    if (!expr.rhs!.isConstant()) {
      // Semi-affine product: a local stands for the whole product.
      const a = this.fromFlat(lhs);
      const b = this.fromFlat(rhs);
      this.addLocalVariableSemiAffine(affineMul(a, b), lhs);
      return true;
    }
    const c = rhs[rhs.length - 1]!;
    for (let i = 0; i < lhs.length; i++) lhs[i] = lhs[i]! * c + 0;
    return true;
  }

  // t = e mod c  <=>  t = e - c * q with q = e floordiv c.
  private visitMod(expr: AffineExpr): boolean {
    const stack = this.operandExprStack;
    const rhs = stack.pop()!;
    const lhs = stack[stack.length - 1]!;
    if (!expr.rhs!.isConstant()) {
      const dividend = this.fromFlat(lhs);
      const divisor = this.fromFlat(rhs);
      this.addLocalVariableSemiAffine(affineMod(dividend, divisor), lhs);
      return true;
    }
    const c = rhs[rhs.length - 1]!;
    if (c <= 0) return false;
    let allMultiples = true;
    for (let i = 0; i < lhs.length; i++) {
      if (lhs[i]! % c !== 0) {
        allMultiples = false;
        break;
      }
    }
    if (allMultiples) {
      lhs.fill(0);
      return true;
    }
    // Quotient local, with the GCD of dividend and divisor cancelled out.
    let g = c;
    for (let i = 0; i < lhs.length; i++) g = gcd(g, lhs[i]!);
    const floorDividend = lhs.slice();
    if (g !== 1) for (let i = 0; i < floorDividend.length; i++) floorDividend[i] = floorDividend[i]! / g + 0;
    const floorDivisor = c / g;
    const floorDivExpr = affineFloorDiv(this.fromFlat(floorDividend), getAffineConstantExpr(floorDivisor));
    const loc = this.localExprs.indexOf(floorDivExpr);
    if (loc === -1) {
      this.addLocal(floorDivExpr);
      lhs[this.getLocalVarStartIndex() + this.numLocals - 1] = -c;
    } else {
      lhs[this.getLocalVarStartIndex() + loc] = -c;
    }
    return true;
  }

  // t = e floordiv c  <=>  t = q;  e ceildiv c  <=>  (e + c - 1) floordiv c.
  private visitDiv(expr: AffineExpr, isCeil: boolean): boolean {
    const stack = this.operandExprStack;
    const rhs = stack.pop()!;
    const lhs = stack[stack.length - 1]!;
    if (!expr.rhs!.isConstant()) {
      const a = this.fromFlat(lhs);
      const b = this.fromFlat(rhs);
      this.addLocalVariableSemiAffine(isCeil ? affineCeilDiv(a, b) : affineFloorDiv(a, b), lhs);
      return true;
    }
    const c = rhs[rhs.length - 1]!;
    if (c <= 0) return false;
    let g = c;
    for (let i = 0; i < lhs.length; i++) g = gcd(g, lhs[i]!);
    if (g !== 1) for (let i = 0; i < lhs.length; i++) lhs[i] = lhs[i]! / g + 0;
    const divisor = c / g;
    if (divisor === 1) return true;
    const a = this.fromFlat(lhs);
    const b = getAffineConstantExpr(divisor);
    const divExpr = isCeil ? affineCeilDiv(a, b) : affineFloorDiv(a, b);
    const loc = this.localExprs.indexOf(divExpr);
    if (loc === -1) this.addLocal(divExpr);
    lhs.fill(0);
    lhs[this.getLocalVarStartIndex() + (loc === -1 ? this.numLocals - 1 : loc)] = 1;
    return true;
  }

  private addLocalVariableSemiAffine(expr: AffineExpr, result: number[]): void {
    const loc = this.localExprs.indexOf(expr);
    if (loc === -1) this.addLocal(expr);
    result.fill(0);
    result[this.getLocalVarStartIndex() + (loc === -1 ? this.numLocals - 1 : loc)] = 1;
  }

  // Inserts a zero column for a new local in every row on the stack.
  private addLocal(expr: AffineExpr): void {
    const at = this.getLocalVarStartIndex() + this.numLocals;
    for (const row of this.operandExprStack) row.splice(at, 0, 0);
    this.localExprs.push(expr);
    this.numLocals++;
  }

  private fromFlat(row: readonly number[]): AffineExpr {
    return getAffineExprFromFlatForm(row, this.numDims, this.numSymbols, this.localExprs);
  }
}

/// Flattens `expr`; returns the row and the local expressions, or null when the expression
/// contains a floordiv / ceildiv / mod by a non-positive constant.
export function flattenAffineExpr(
  expr: AffineExpr,
  numDims: number,
  numSymbols: number,
): { flat: number[]; localExprs: AffineExpr[] } | null {
  const f = new AffineExprFlattener(numDims, numSymbols);
  if (!f.flatten(expr)) return null;
  return { flat: f.operandExprStack[f.operandExprStack.length - 1]!, localExprs: f.localExprs };
}

//===----------------------------------------------------------------------===//
// Semi-affine pre-simplification
//===----------------------------------------------------------------------===//

// Whether `expr` is divisible by symbol `symbolPos` for a division / mod of kind `opKind`.
function isDivisibleBySymbol(expr: AffineExpr, symbolPos: number, opKind: AffineExprKind): boolean {
  switch (expr.kind) {
    case AffineExprKind.Constant:
      return expr.value === 0;
    case AffineExprKind.DimId:
      return false;
    case AffineExprKind.SymbolId:
      return expr.value === symbolPos;
    case AffineExprKind.Add:
      return isDivisibleBySymbol(expr.lhs!, symbolPos, opKind) && isDivisibleBySymbol(expr.rhs!, symbolPos, opKind);
    case AffineExprKind.Mod:
      return (
        isDivisibleBySymbol(expr.lhs!, symbolPos, AffineExprKind.Mod) &&
        isDivisibleBySymbol(expr.rhs!, symbolPos, AffineExprKind.Mod)
      );
    case AffineExprKind.Mul:
      return isDivisibleBySymbol(expr.lhs!, symbolPos, opKind) || isDivisibleBySymbol(expr.rhs!, symbolPos, opKind);
    default:
      // (e floordiv a) floordiv s == (e floordiv s) floordiv a; likewise for ceildiv only.
      if (opKind !== expr.kind) return false;
      return isDivisibleBySymbol(expr.lhs!, symbolPos, expr.kind);
  }
}

// Divides `expr` by symbol `symbolPos`; null where MLIR would produce a null expression.
function symbolicDivide(expr: AffineExpr, symbolPos: number, opKind: AffineExprKind): AffineExpr | null {
  switch (expr.kind) {
    case AffineExprKind.Constant:
      return expr.value !== 0 ? null : getAffineConstantExpr(0);
    case AffineExprKind.DimId:
      return null;
    case AffineExprKind.SymbolId:
      return getAffineConstantExpr(1);
    case AffineExprKind.Add:
    case AffineExprKind.Mod: {
      const sub = expr.kind === AffineExprKind.Add ? opKind : expr.kind;
      const l = symbolicDivide(expr.lhs!, symbolPos, sub);
      const r = symbolicDivide(expr.rhs!, symbolPos, sub);
      return l === null || r === null ? null : getAffineBinaryOpExpr(expr.kind, l, r);
    }
    case AffineExprKind.Mul: {
      if (!isDivisibleBySymbol(expr.lhs!, symbolPos, opKind)) {
        const r = symbolicDivide(expr.rhs!, symbolPos, opKind);
        return r === null ? null : affineMul(expr.lhs!, r);
      }
      const l = symbolicDivide(expr.lhs!, symbolPos, opKind);
      return l === null ? null : affineMul(l, expr.rhs!);
    }
    default: {
      const l = symbolicDivide(expr.lhs!, symbolPos, expr.kind);
      return l === null ? null : getAffineBinaryOpExpr(expr.kind, l, expr.rhs!);
    }
  }
}

// Collects the summands of a (nested) addition, left to right.
function getSummandExprs(expr: AffineExpr, out: AffineExpr[]): void {
  if (expr.kind !== AffineExprKind.Add) {
    out.push(expr);
    return;
  }
  getSummandExprs(expr.lhs!, out);
  getSummandExprs(expr.rhs!, out);
}

// Returns `e` if `candidate` is `e * -1` or `-1 * e`, else null.
function getNegatedOperand(candidate: AffineExpr): AffineExpr | null {
  if (candidate.kind !== AffineExprKind.Mul) return null;
  if (candidate.lhs!.isConstantValue(-1)) return candidate.rhs!;
  if (candidate.rhs!.isConstantValue(-1)) return candidate.lhs!;
  return null;
}

// True if `lhs mod rhs` is 0 because lhs has the shape `x - x mod rhs` (e.g. after loop peeling).
function isModOfModSubtraction(lhs: AffineExpr, rhs: AffineExpr, numDims: number, numSymbols: number): boolean {
  const summands: AffineExpr[] = [];
  getSummandExprs(lhs, summands);
  for (let i = 0; i < summands.length; i++) {
    const inner = getNegatedOperand(summands[i]!);
    if (inner === null || inner.kind !== AffineExprKind.Mod || inner.rhs !== rhs) continue;
    let diff = getAffineConstantExpr(0);
    for (let j = 0; j < summands.length; j++) if (i !== j) diff = affineAdd(diff, summands[j]!);
    diff = affineSub(diff, inner.lhs!);
    diff = simplifyAffineExpr(diff, numDims, numSymbols);
    if (diff.isConstantValue(0)) return true;
  }
  return false;
}

// Simplifies div / mod by a symbol that divides the dividend (MLIR simplifySemiAffine).
function simplifySemiAffine(expr: AffineExpr, numDims: number, numSymbols: number): AffineExpr {
  switch (expr.kind) {
    case AffineExprKind.Constant:
    case AffineExprKind.DimId:
    case AffineExprKind.SymbolId:
      return expr;
    case AffineExprKind.Add:
    case AffineExprKind.Mul:
      return getAffineBinaryOpExpr(
        expr.kind,
        simplifySemiAffine(expr.lhs!, numDims, numSymbols),
        simplifySemiAffine(expr.rhs!, numDims, numSymbols),
      );
    default: {
      const sLhs = simplifySemiAffine(expr.lhs!, numDims, numSymbols);
      const sRhs = simplifySemiAffine(expr.rhs!, numDims, numSymbols);
      if (isModOfModSubtraction(sLhs, sRhs, numDims, numSymbols)) return getAffineConstantExpr(0);
      if (sRhs.kind !== AffineExprKind.SymbolId || !isDivisibleBySymbol(expr.lhs!, sRhs.value, expr.kind))
        return getAffineBinaryOpExpr(expr.kind, sLhs, sRhs);
      if (expr.kind === AffineExprKind.Mod) return getAffineConstantExpr(0);
      // MLIR would crash on a null quotient; keep the (sub-simplified) division instead.
      return symbolicDivide(sLhs, sRhs.value, expr.kind) ?? getAffineBinaryOpExpr(expr.kind, sLhs, sRhs);
    }
  }
}

/// Simplifies `e` by flattening it to a sum of products and rebuilding it (MLIR
/// simplifyAffineExpr): e.g. `(d0 * 4 + d1 * 4 + 4) floordiv 8` -> `(d0 + d1 + 1) floordiv 2`,
/// `d0 mod 4 + (d0 floordiv 4) * 4` -> `d0`. Semi-affine expressions first get their divisions
/// by a dividing symbol removed. Expressions dividing by a non-positive constant are returned
/// unchanged (apart from the semi-affine step).
export function simplifyAffineExpr(e: AffineExpr, numDims: number, numSymbols: number): AffineExpr {
  if (!e.isPureAffine()) e = simplifySemiAffine(e, numDims, numSymbols);
  const f = new AffineExprFlattener(numDims, numSymbols);
  if (!f.flatten(e)) return e;
  const flat = f.operandExprStack[f.operandExprStack.length - 1]!;
  if (e.isPureAffine()) return getAffineExprFromFlatForm(flat, numDims, numSymbols, f.localExprs);
  if (e === getAffineExprFromFlatForm(flat, numDims, numSymbols, f.localExprs)) return e;
  return getSemiAffineExprFromFlatForm(flat, numDims, numSymbols, f.localExprs);
}
