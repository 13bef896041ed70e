// Maps and integer sets together with their operands: composition with affine.apply producers, canonicalization
// (symbol promotion, dedup, constant symbols), and bound-aware simplification, as MLIR's AffineOps.cpp does.
import {
  AffineExprFlattener, AffineExprKind, AttrKind, ceilDiv, floorDiv, gcd, getAffineConstantExpr, getAffineDimExpr,
  getAffineMap, getAffineSymbolExpr, getIntegerSet, mod, replaceDimsAndSymbols, shiftDims, shiftSymbols, simplifyAffineMap,
  walkAffineExpr, type AffineExpr, type AffineMap, type IntegerAttr, type IntegerSet, type Value,
} from "@allo/ir-core";
import { forOp, getForInductionVarOwner, mapOf } from "./accessors.js";
import { constantValueOf, isValidSymbol } from "./validity.js";

/// `map` with its dims shifted up by `shift` (MLIR's AffineMap::shiftDims).
export function shiftMapDims(map: AffineMap, shift: number, offset = 0): AffineMap {
  return getAffineMap(map.numDims + shift, map.numSymbols, map.results.map((e) => shiftDims(e, map.numDims, shift, offset)));
}

/// `map` with its symbols shifted up by `shift` (MLIR's AffineMap::shiftSymbols).
export function shiftMapSymbols(map: AffineMap, shift: number, offset = 0): AffineMap {
  return getAffineMap(map.numDims, map.numSymbols + shift, map.results.map((e) => shiftSymbols(e, map.numSymbols, shift, offset)));
}

function replaceExpr(e: AffineExpr, from: AffineExpr, to: AffineExpr): AffineExpr {
  if (e === from) return to;
  if (e.lhs === null) return e;
  const l = replaceExpr(e.lhs, from, to), r = replaceExpr(e.rhs!, from, to);
  if (l === e.lhs && r === e.rhs) return e;
  return rebuild(e.kind, l, r);
}

function rebuild(kind: AffineExprKind, l: AffineExpr, r: AffineExpr): AffineExpr {
  switch (kind) {
    case AffineExprKind.Add: return l.add(r);
    case AffineExprKind.Mul: return l.mul(r);
    case AffineExprKind.Mod: return l.mod(r);
    case AffineExprKind.FloorDiv: return l.floorDiv(r);
    default: return l.ceilDiv(r);
  }
}

/// A map or an integer set, seen as its dims, symbols and expressions.
interface MapOrSet<T> {
  numDims: number;
  numSymbols: number;
  exprs: readonly AffineExpr[];
  rebuild(numDims: number, numSymbols: number, exprs: AffineExpr[]): T;
}

function asMap(m: AffineMap): MapOrSet<AffineMap> {
  return { numDims: m.numDims, numSymbols: m.numSymbols, exprs: m.results, rebuild: (d, s, es) => getAffineMap(d, s, es) };
}
function asSet(st: IntegerSet): MapOrSet<IntegerSet> {
  return { numDims: st.numDims, numSymbols: st.numSymbols, exprs: st.constraints, rebuild: (d, s, es) => getIntegerSet(d, s, es, st.eqFlags) };
}

function replaceAll<T>(m: MapOrSet<T>, dims: readonly AffineExpr[], syms: readonly AffineExpr[], nd: number, ns: number): T {
  return m.rebuild(nd, ns, m.exprs.map((e) => replaceDimsAndSymbols(e, dims, syms)));
}

/// Dims that are valid symbols become symbols (MLIR's canonicalizePromotedSymbols); `operands` is updated in place.
function canonicalizePromotedSymbols<T>(m: MapOrSet<T>, operands: Value[]): T {
  const resultOperands: Value[] = [];
  const remapped: Value[] = [];
  const dimRemapping: AffineExpr[] = [];
  let nextDim = 0, nextSym = 0;
  for (let i = 0; i < m.numDims + m.numSymbols; i++) {
    if (i < m.numDims) {
      if (isValidSymbol(operands[i])) {
        dimRemapping.push(getAffineSymbolExpr(m.numSymbols + nextSym++));
        remapped.push(operands[i]);
      } else {
        dimRemapping.push(getAffineDimExpr(nextDim++));
        resultOperands.push(operands[i]);
      }
    } else resultOperands.push(operands[i]);
  }
  resultOperands.push(...remapped);
  operands.length = 0;
  operands.push(...resultOperands);
  return replaceAll(m, dimRemapping, [], nextDim, m.numSymbols + nextSym);
}

function canonicalizeMapOrSet<T>(m0: MapOrSet<T>, toView: (t: T) => MapOrSet<T>, operands: Value[]): T | null {
  if (operands.length === 0) return null;
  const m = toView(canonicalizePromotedSymbols(m0, operands));
  const usedDims = new Array<boolean>(m.numDims).fill(false);
  const usedSyms = new Array<boolean>(m.numSymbols).fill(false);
  for (const e of m.exprs) {
    walkAffineExpr(e, (x) => {
      if (x.kind === AffineExprKind.DimId) usedDims[x.value] = true;
      else if (x.kind === AffineExprKind.SymbolId) usedSyms[x.value] = true;
    });
  }
  const result: Value[] = [];
  const placeholder = getAffineConstantExpr(0);
  const seenDims = new Map<Value, AffineExpr>();
  const dimRemapping: AffineExpr[] = new Array<AffineExpr>(m.numDims).fill(placeholder);
  let nextDim = 0;
  for (let i = 0; i < m.numDims; i++) {
    if (!usedDims[i]) continue;
    const v = operands[i];
    const seen = seenDims.get(v);
    if (seen === undefined) {
      dimRemapping[i] = getAffineDimExpr(nextDim++);
      result.push(v);
      seenDims.set(v, dimRemapping[i]);
    } else dimRemapping[i] = seen;
  }
  const seenSyms = new Map<Value, AffineExpr>();
  const symRemapping: AffineExpr[] = new Array<AffineExpr>(m.numSymbols).fill(placeholder);
  let nextSym = 0;
  for (let i = 0; i < m.numSymbols; i++) {
    if (!usedSyms[i]) continue;
    const v = operands[i + m.numDims];
    const cst = constantValueOf(v);
    if (cst !== null && cst.kind === AttrKind.Integer) {
      symRemapping[i] = getAffineConstantExpr((cst as IntegerAttr).num);
      continue;
    }
    const seen = seenSyms.get(v);
    if (seen === undefined) {
      symRemapping[i] = getAffineSymbolExpr(nextSym++);
      result.push(v);
      seenSyms.set(v, symRemapping[i]);
    } else symRemapping[i] = seen;
  }
  operands.length = 0;
  operands.push(...result);
  return replaceAll(m, dimRemapping, symRemapping, nextDim, nextSym);
}

/// Canonicalizes `map` and its `operands` (in place): valid symbols used as dims become symbols, unused and
/// duplicate operands are dropped, constant symbols are folded into the map (MLIR's canonicalizeMapAndOperands).
export function canonicalizeMapAndOperands(map: AffineMap, operands: Value[]): AffineMap {
  return canonicalizeMapOrSet(asMap(map), asMap, operands) ?? map;
}

/// The integer-set counterpart of canonicalizeMapAndOperands.
export function canonicalizeSetAndOperands(set: IntegerSet, operands: Value[]): IntegerSet {
  return canonicalizeMapOrSet(asSet(set), asSet, operands) ?? set;
}

function isApply(v: Value | null): boolean {
  return v !== null && v.definingOp !== null && v.definingOp.name === "affine.apply";
}

/// Composes `map` with the affine.apply ops defining its operands, one level deep per dim/symbol, then
/// canonicalizes and simplifies (MLIR's static composeAffineMapAndOperands). `operands` is updated in place.
export function composeAffineMapAndOperands(map0: AffineMap, operands: Value[]): AffineMap {
  let map = map0;
  if (map.results.length === 0) {
    map = canonicalizeMapAndOperands(map, operands);
    return simplifyAffineMap(map);
  }
  const dims: (Value | null)[] = operands.slice(0, map.numDims);
  const syms: (Value | null)[] = operands.slice(map.numDims);
  for (;;) {
    let changed = false;
    for (let pos = 0; pos !== dims.length + syms.length; pos++) {
      const isDim = pos < dims.length;
      const p = isDim ? pos : pos - dims.length;
      const v = isDim ? dims[p] : syms[p];
      if (v === null || !isApply(v)) continue;
      if (isDim) dims[p] = null; else syms[p] = null;
      const apply = v.definingOp!;
      let composeMap = mapOf(apply)!;
      const composeOperands = apply.operandValues();
      composeMap = canonicalizeMapAndOperands(composeMap, composeOperands);
      const replacement = shiftMapSymbols(shiftMapDims(composeMap, dims.length), syms.length).results[0];
      const composeDims = composeOperands.slice(0, composeMap.numDims);
      const composeSyms = composeOperands.slice(composeOperands.length - composeMap.numSymbols);
      const toReplace = isDim ? getAffineDimExpr(p) : getAffineSymbolExpr(p);
      dims.push(...composeDims);
      syms.push(...composeSyms);
      map = getAffineMap(dims.length, syms.length, map.results.map((e) => replaceExpr(e, toReplace, replacement)));
      changed = true;
      break;
    }
    if (!changed) break;
  }
  operands.length = 0;
  let nDims = 0, nSyms = 0;
  const dimRepl: AffineExpr[] = [], symRepl: AffineExpr[] = [];
  for (const v of dims) {
    if (v === null) { dimRepl.push(getAffineConstantExpr(0)); continue; }
    dimRepl.push(getAffineDimExpr(nDims++));
    operands.push(v);
  }
  for (const v of syms) {
    if (v === null) { symRepl.push(getAffineConstantExpr(0)); continue; }
    symRepl.push(getAffineSymbolExpr(nSyms++));
    operands.push(v);
  }
  map = map.replaceDimsAndSymbols(dimRepl, symRepl, nDims, nSyms);
  map = canonicalizeMapAndOperands(map, operands);
  return simplifyAffineMap(map);
}

/// Composes until no operand is defined by affine.apply (MLIR's fullyComposeAffineMapAndOperands).
export function fullyComposeAffineMapAndOperands(map0: AffineMap, operands: Value[]): AffineMap {
  let map = map0;
  while (operands.some((v) => isApply(v))) map = composeAffineMapAndOperands(map, operands);
  return map;
}

/// Composes the affine.apply producers of an integer set's operands into it (MLIR's composeSetAndOperands).
export function composeSetAndOperands(set: IntegerSet, operands: Value[]): IntegerSet {
  if (!operands.some((v) => isApply(v))) return set;
  const map = composeAffineMapAndOperands(getAffineMap(set.numDims, set.numSymbols, set.constraints), operands);
  return getIntegerSet(map.numDims, map.numSymbols, map.results, set.eqFlags);
}

// ---- bounds of loop induction variables ----

function ivLowerBound(v: Value): number | null {
  const f = getForInductionVarOwner(v);
  return f !== null && forOp.hasConstantLowerBound(f) ? forOp.constantLowerBound(f) : null;
}

function ivUpperBound(v: Value): number | null {
  const f = getForInductionVarOwner(v);
  if (f === null || !forOp.hasConstantUpperBound(f)) return null;
  const ub = forOp.constantUpperBound(f);
  if (forOp.hasConstantLowerBound(f)) {
    const lb = forOp.constantLowerBound(f);
    return ub - 1 - cppRem(ub - lb - 1, forOp.step(f));
  }
  return ub - 1;
}

/// C++'s `%` (the sign follows the dividend).
function cppRem(a: number, b: number): number {
  const r = a % b;
  return r === 0 ? 0 : r;
}

/// A constant lower (`isUpper` false) or upper bound of `expr` given constant bounds of its inputs (MLIR's getBoundForAffineExpr).
export function getBoundForAffineExpr(expr: AffineExpr, numDims: number, numSymbols: number, lbs: readonly (number | null)[], ubs: readonly (number | null)[], isUpper: boolean): number | null {
  if (expr.isBinary()) {
    const rhs = expr.rhs!;
    if (expr.kind === AffineExprKind.FloorDiv) {
      if (!rhs.isConstant() || rhs.value < 1) return null;
      const b = getBoundForAffineExpr(expr.lhs!, numDims, numSymbols, lbs, ubs, isUpper);
      return b === null ? null : floorDiv(b, rhs.value);
    }
    if (expr.kind === AffineExprKind.CeilDiv) {
      if (rhs.isConstant() && rhs.value >= 1) {
        const b = getBoundForAffineExpr(expr.lhs!, numDims, numSymbols, lbs, ubs, isUpper);
        return b === null ? null : ceilDiv(b, rhs.value);
      }
      return null;
    }
    if (expr.kind === AffineExprKind.Mod && rhs.isConstant() && rhs.value >= 1) {
      const c = rhs.value;
      const lb = getBoundForAffineExpr(expr.lhs!, numDims, numSymbols, lbs, ubs, false);
      const ub = getBoundForAffineExpr(expr.lhs!, numDims, numSymbols, lbs, ubs, isUpper);
      if (ub !== null && lb !== null && floorDiv(lb, c) === floorDiv(ub, c)) return isUpper ? mod(ub, c) : mod(lb, c);
      return isUpper ? c - 1 : 0;
    }
  }
  const f = new AffineExprFlattener(numDims, numSymbols);
  if (!f.flatten(expr)) return null;
  const flat = f.operandExprStack[f.operandExprStack.length - 1];
  if (f.numLocals > 0) return null;
  let bound = 0;
  for (let i = 0; i < numDims + numSymbols; i++) {
    const c = flat[i];
    if (c > 0) {
      const b = isUpper ? ubs[i] : lbs[i];
      if (b === null || b === undefined) return null;
      bound += b * c;
    } else if (c < 0) {
      const b = isUpper ? lbs[i] : ubs[i];
      if (b === null || b === undefined) return null;
      bound += b * c;
    }
  }
  return bound + flat[flat.length - 1];
}

function largestKnownDivisor(e: AffineExpr, operands: readonly Value[]): number {
  const div = e.getLargestKnownDivisor();
  if (e.kind !== AffineExprKind.DimId) return div;
  const f = getForInductionVarOwner(operands[e.value]);
  if (f === null) return 1;
  if (forOp.hasConstantLowerBound(f) && forOp.constantLowerBound(f) === 0) return forOp.step(f);
  return gcd(forOp.lowerBoundMap(f).getLargestKnownDivisorOfMapExprs(), forOp.step(f));
}

function isNonNegativeBoundedBy(e: AffineExpr, operands: readonly Value[], k: number): boolean {
  if (e.isConstant()) return e.value >= 0 && e.value < k;
  if (e.kind !== AffineExprKind.DimId) return false;
  const f = getForInductionVarOwner(operands[e.value]);
  return f !== null && forOp.hasConstantLowerBound(f) && forOp.constantLowerBound(f) >= 0 && forOp.hasConstantUpperBound(f) && forOp.constantUpperBound(f) <= k;
}

function isQTimesDPlusR(e: AffineExpr, operands: readonly Value[]): { div: number; q: AffineExpr; r: AffineExpr } | null {
  if (e.kind !== AffineExprKind.Add) return null;
  const l = e.lhs!, r = e.rhs!;
  let div = largestKnownDivisor(l, operands);
  if (isNonNegativeBoundedBy(r, operands, div)) return { div, q: l, r };
  div = largestKnownDivisor(r, operands);
  if (isNonNegativeBoundedBy(l, operands, div)) return { div, q: r, r: l };
  return null;
}

function operandBounds(operands: readonly Value[]): { lbs: (number | null)[]; ubs: (number | null)[] } {
  return { lbs: operands.map(ivLowerBound), ubs: operands.map(ivUpperBound) };
}

function simplifyExprAndOperands(expr: AffineExpr, numDims: number, numSymbols: number, operands: readonly Value[]): AffineExpr {
  if (!expr.isBinary()) return expr;
  const lhs0 = simplifyExprAndOperands(expr.lhs!, numDims, numSymbols, operands);
  const rhs0 = simplifyExprAndOperands(expr.rhs!, numDims, numSymbols, operands);
  const e = rebuild(expr.kind, lhs0, rhs0);
  if (!e.isBinary() || (e.kind !== AffineExprKind.FloorDiv && e.kind !== AffineExprKind.CeilDiv && e.kind !== AffineExprKind.Mod)) return e;
  const lhs = e.lhs!, rhs = e.rhs!;
  if (!rhs.isConstant()) return e;
  const c = rhs.value;
  if (c <= 0) return e;
  const { lbs, ubs } = operandBounds(operands);
  const lb = lhs.isConstant() ? lhs.value : getBoundForAffineExpr(lhs, numDims, numSymbols, lbs, ubs, false);
  const ub = lhs.isConstant() ? lhs.value : getBoundForAffineExpr(lhs, numDims, numSymbols, lbs, ubs, true);
  if (lb !== null && ub !== null) {
    if (e.kind === AffineExprKind.FloorDiv && floorDiv(lb, c) === floorDiv(ub, c)) return getAffineConstantExpr(floorDiv(lb, c));
    if (e.kind === AffineExprKind.CeilDiv && ceilDiv(lb, c) === ceilDiv(ub, c)) return getAffineConstantExpr(ceilDiv(lb, c));
    if (e.kind === AffineExprKind.Mod && lb >= 0 && lb < c && ub < c) return lhs;
  }
  const qr = isQTimesDPlusR(lhs, operands);
  if (qr !== null) {
    if (c % qr.div === 0 && e.kind === AffineExprKind.FloorDiv) return qr.q.floorDiv(rhs);
    if (qr.div % c === 0 && e.kind === AffineExprKind.Mod) return qr.r.mod(rhs);
    return e;
  }
  if ((isNonNegativeBoundedBy(lhs, operands, c) && e.kind === AffineExprKind.FloorDiv) ||
      (largestKnownDivisor(lhs, operands) % c === 0 && e.kind === AffineExprKind.Mod)) return getAffineConstantExpr(0);
  return e;
}

/// Simplifies the results of `map` using the bounds of loop induction variables among `operands`
/// (MLIR's simplifyMapWithOperands).
export function simplifyMapWithOperands(map: AffineMap, operands: readonly Value[]): AffineMap {
  return getAffineMap(map.numDims, map.numSymbols, map.results.map((e) => simplifyExprAndOperands(e, map.numDims, map.numSymbols, operands)));
}

/// Drops the results of a min (`isMax` false) or max map that can never be the min/max given the operand bounds
/// (MLIR's simplifyMinOrMaxExprWithOperands).
export function simplifyMinOrMaxExprWithOperands(map: AffineMap, operands: readonly Value[], isMax: boolean): AffineMap {
  if (operands.length === 0) return map;
  const { lbs: cl, ubs: cu } = operandBounds(operands);
  const lower: (number | null)[] = [], upper: (number | null)[] = [];
  for (const e of map.results) {
    if (e.isConstant()) { lower.push(e.value); upper.push(e.value); continue; }
    lower.push(getBoundForAffineExpr(e, map.numDims, map.numSymbols, cl, cu, false));
    upper.push(getBoundForAffineExpr(e, map.numDims, map.numSymbols, cl, cu, true));
  }
  const kept: AffineExpr[] = [];
  map.results.forEach((e0, i) => {
    let e = e0;
    const lo = lower[i], up = upper[i];
    if (lo !== null && up !== null && lo === up) e = getAffineConstantExpr(lo);
    if (isMax) {
      if (up === null) { kept.push(e); return; }
      const redundant = lower.some((other, pos) => {
        if (pos === i || other === null) return false;
        if (other > up) return true;
        if (other < up) return false;
        if (upper[pos] !== null && lo !== null && lo === up && other === upper[pos] && i < pos) return false;
        return true;
      });
      if (!redundant) kept.push(e);
    } else {
      if (lo === null) { kept.push(e); return; }
      const redundant = upper.some((other, pos) => {
        if (pos === i || other === null) return false;
        if (other < lo) return true;
        if (other > lo) return false;
        if (lower[pos] !== null && up !== null && lo === up && other === lower[pos] && i < pos) return false;
        return true;
      });
      if (!redundant) kept.push(e);
    }
  });
  return getAffineMap(map.numDims, map.numSymbols, kept);
}
