// Affine expressions: interned immutable trees with MLIR 19's construction-time simplifications.

import { printAffineExpr } from './print.js';

/// Kinds of affine expression nodes, in MLIR's order (binary kinds first, then leaves).
export enum AffineExprKind {
  Add = 0,
  Mul = 1,
  Mod = 2,
  FloorDiv = 3,
  CeilDiv = 4,
  Constant = 5,
  DimId = 6,
  SymbolId = 7,
}

// Bit flags cached on every node at construction time.
const FLAG_SYMBOLIC_OR_CONSTANT = 1;
const FLAG_PURE_AFFINE = 2;

// Token guarding the constructor: expressions are only created through the interning factories.
const CONSTRUCT_TOKEN: unique symbol = Symbol('AffineExpr');

/// Integer semantics note: values are JS numbers. Results are exact while every intermediate
/// value stays within +-2^53; MLIR's int64 wrap-around beyond that is not reproduced.
///
/// An affine expression node. Nodes are immutable and interned: two structurally equal
/// expressions are always the same object, so `===` is structural equality.
export class AffineExpr {
  /// Node kind.
  readonly kind: AffineExprKind;
  /// Dense unique id (creation order), usable as a map key.
  readonly id: number;
  /// Left operand of a binary node, `null` for leaves.
  readonly lhs: AffineExpr | null;
  /// Right operand of a binary node, `null` for leaves.
  readonly rhs: AffineExpr | null;
  /// Constant value (Constant), position (DimId / SymbolId), 0 for binary nodes.
  readonly value: number;
  /// Largest dim position used in the tree, -1 if none.
  readonly maxDim: number;
  /// Largest symbol position used in the tree, -1 if none.
  readonly maxSymbol: number;
  /// Cached `getLargestKnownDivisor()`.
  private readonly lkd: number;
  /// Cached predicate bits.
  private readonly flags: number;

  /// Internal: use getAffineDimExpr / getAffineSymbolExpr / getAffineConstantExpr / affineAdd...
  constructor(
    token: typeof CONSTRUCT_TOKEN,
    kind: AffineExprKind,
    id: number,
    lhs: AffineExpr | null,
    rhs: AffineExpr | null,
    value: number,
  ) {
    if (token !== CONSTRUCT_TOKEN) throw new TypeError('AffineExpr is created through its factory functions');
    this.kind = kind;
    this.id = id;
    this.lhs = lhs;
    this.rhs = rhs;
    this.value = value;
    if (lhs !== null && rhs !== null) {
      this.maxDim = lhs.maxDim > rhs.maxDim ? lhs.maxDim : rhs.maxDim;
      this.maxSymbol = lhs.maxSymbol > rhs.maxSymbol ? lhs.maxSymbol : rhs.maxSymbol;
    } else {
      this.maxDim = kind === AffineExprKind.DimId ? value : -1;
      this.maxSymbol = kind === AffineExprKind.SymbolId ? value : -1;
    }
    this.flags = computeFlags(kind, lhs, rhs);
    this.lkd = computeLargestKnownDivisor(kind, lhs, rhs, value);
  }

  /// True for Add, Mul, Mod, FloorDiv and CeilDiv nodes.
  isBinary(): boolean {
    return this.kind <= AffineExprKind.CeilDiv;
  }
  /// True for constant leaves.
  isConstant(): boolean {
    return this.kind === AffineExprKind.Constant;
  }
  /// True for dimension leaves.
  isDim(): boolean {
    return this.kind === AffineExprKind.DimId;
  }
  /// True for symbol leaves.
  isSymbol(): boolean {
    return this.kind === AffineExprKind.SymbolId;
  }
  /// True if this is the constant `v`.
  isConstantValue(v: number): boolean {
    return this.kind === AffineExprKind.Constant && this.value === v;
  }
  /// True if the expression is made only of symbols and constants (no dims).
  isSymbolicOrConstant(): boolean {
    return (this.flags & FLAG_SYMBOLIC_OR_CONSTANT) !== 0;
  }
  /// True if pure affine: mul needs a constant operand, div/mod a constant right operand.
  isPureAffine(): boolean {
    return (this.flags & FLAG_PURE_AFFINE) !== 0;
  }
  /// Greatest integer known to divide the expression (MLIR getLargestKnownDivisor).
  getLargestKnownDivisor(): number {
    return this.lkd;
  }
  /// True if the expression is known to be a multiple of `factor` (MLIR isMultipleOf).
  isMultipleOf(factor: number): boolean {
    switch (this.kind) {
      case AffineExprKind.SymbolId:
      case AffineExprKind.DimId:
        return factor * factor === 1;
      case AffineExprKind.Constant:
        return this.value % factor === 0;
      case AffineExprKind.Mul: {
        const l = this.lhs!.lkd;
        const u = this.rhs!.lkd;
        return l % factor === 0 || u % factor === 0 || (l * u) % factor === 0;
      }
      default:
        return gcdU64(this.lhs!.lkd, this.rhs!.lkd) % factor === 0;
    }
  }
  /// True if dimension `position` occurs in the expression.
  isFunctionOfDim(position: number): boolean {
    if (this.kind === AffineExprKind.DimId) return this.value === position;
    if (this.lhs === null || position > this.maxDim) return false;
    return this.lhs.isFunctionOfDim(position) || this.rhs!.isFunctionOfDim(position);
  }
  /// True if symbol `position` occurs in the expression.
  isFunctionOfSymbol(position: number): boolean {
    if (this.kind === AffineExprKind.SymbolId) return this.value === position;
    if (this.lhs === null || position > this.maxSymbol) return false;
    return this.lhs.isFunctionOfSymbol(position) || this.rhs!.isFunctionOfSymbol(position);
  }
  /// `this + other` with MLIR's simplifications.
  add(other: AffineExpr | number): AffineExpr {
    return affineAdd(this, toExpr(other));
  }
  /// `this - other` (= this + other * -1).
  sub(other: AffineExpr | number): AffineExpr {
    return affineSub(this, toExpr(other));
  }
  /// `this * other` with MLIR's simplifications.
  mul(other: AffineExpr | number): AffineExpr {
    return affineMul(this, toExpr(other));
  }
  /// `this floordiv other`.
  floorDiv(other: AffineExpr | number): AffineExpr {
    return affineFloorDiv(this, toExpr(other));
  }
  /// `this ceildiv other`.
  ceilDiv(other: AffineExpr | number): AffineExpr {
    return affineCeilDiv(this, toExpr(other));
  }
  /// `this mod other`.
  mod(other: AffineExpr | number): AffineExpr {
    return affineMod(this, toExpr(other));
  }
  /// `-this` (= this * -1).
  neg(): AffineExpr {
    return affineNeg(this);
  }
  /// Prints with the default d0.../s0... names, as mlir-opt does.
  toString(): string {
    return printAffineExpr(this);
  }
}

function toExpr(v: AffineExpr | number): AffineExpr {
  return typeof v === 'number' ? getAffineConstantExpr(v) : v;
}

function computeFlags(kind: AffineExprKind, lhs: AffineExpr | null, rhs: AffineExpr | null): number {
  switch (kind) {
    case AffineExprKind.Constant:
    case AffineExprKind.SymbolId:
      return FLAG_SYMBOLIC_OR_CONSTANT | FLAG_PURE_AFFINE;
    case AffineExprKind.DimId:
      return FLAG_PURE_AFFINE;
    default: {
      const l = lhs!;
      const r = rhs!;
      let f = 0;
      if (l.isSymbolicOrConstant() && r.isSymbolicOrConstant()) f |= FLAG_SYMBOLIC_OR_CONSTANT;
      let pure: boolean;
      if (kind === AffineExprKind.Add) pure = l.isPureAffine() && r.isPureAffine();
      else if (kind === AffineExprKind.Mul)
        pure = l.isPureAffine() && r.isPureAffine() && (l.isConstant() || r.isConstant());
      else pure = l.isPureAffine() && r.isConstant();
      if (pure) f |= FLAG_PURE_AFFINE;
      return f;
    }
  }
}

function computeLargestKnownDivisor(
  kind: AffineExprKind,
  lhs: AffineExpr | null,
  rhs: AffineExpr | null,
  value: number,
): number {
  switch (kind) {
    case AffineExprKind.DimId:
    case AffineExprKind.SymbolId:
      return 1;
    case AffineExprKind.Constant:
      return Math.abs(value);
    case AffineExprKind.CeilDiv:
    case AffineExprKind.FloorDiv: {
      // If the RHS constant divides the LHS's known divisor, the quotient divides the result.
      const r = rhs!;
      if (r.kind === AffineExprKind.Constant && r.value !== 0) {
        const lhsDiv = lhs!.getLargestKnownDivisor();
        if (lhsDiv % r.value === 0) return normalizeZero(lhsDiv / r.value);
      }
      return 1;
    }
    case AffineExprKind.Mul:
      return lhs!.getLargestKnownDivisor() * rhs!.getLargestKnownDivisor();
    default:
      return gcdU64(lhs!.getLargestKnownDivisor(), rhs!.getLargestKnownDivisor());
  }
}

//===----------------------------------------------------------------------===//
// Integer helpers with MLIR semantics
//===----------------------------------------------------------------------===//

function normalizeZero(v: number): number {
  return v === 0 ? 0 : v;
}

/// Greatest common divisor of |a| and |b| (gcd(0, 0) = 0).
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const TWO_64 = 1n << 64n;
/// std::gcd on the uint64 reinterpretation of two int64 values, result reinterpreted as int64
/// (what MLIR's getLargestKnownDivisor computes; differs from gcd() only for negative inputs).
function gcdU64(a: number, b: number): number {
  if (a >= 0 && b >= 0) return gcd(a, b);
  let x = BigInt(a);
  let y = BigInt(b);
  if (x < 0n) x += TWO_64;
  if (y < 0n) y += TWO_64;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return Number(BigInt.asIntN(64, x));
}

/// Floor division `floor(a / b)`, exact for safe integers; `b` must be non-zero.
export function floorDiv(a: number, b: number): number {
  const r = a % b;
  let q = (a - r) / b;
  if (r !== 0 && r < 0 !== b < 0) q -= 1;
  return normalizeZero(q);
}

/// Ceiling division `ceil(a / b)`, exact for safe integers; `b` must be non-zero.
export function ceilDiv(a: number, b: number): number {
  const r = a % b;
  let q = (a - r) / b;
  if (r !== 0 && r < 0 === b < 0) q += 1;
  return normalizeZero(q);
}

/// MLIR's `mod`: the result is in [0, b) for b > 0 (sign of the divisor, like floordiv).
export function mod(a: number, b: number): number {
  const r = a % b;
  return normalizeZero(r !== 0 && r < 0 !== b < 0 ? r + b : r);
}

//===----------------------------------------------------------------------===//
// Interning
//===----------------------------------------------------------------------===//

let nextExprId = 0;
const constantTable = new Map<number, AffineExpr>();
const dimTable: AffineExpr[] = [];
const symbolTable: AffineExpr[] = [];
// lhs.id -> (rhs.id * 8 + kind) -> node
const binaryTable = new Map<number, Map<number, AffineExpr>>();

/// Number of distinct expressions created so far (ids are 0 .. count-1).
export function getAffineExprCount(): number {
  return nextExprId;
}

/// The interned dimension expression `d<pos>`.
export function getAffineDimExpr(pos: number): AffineExpr {
  let e = dimTable[pos];
  if (e === undefined) {
    if (!Number.isInteger(pos) || pos < 0) throw new RangeError(`invalid dim position ${pos}`);
    e = new AffineExpr(CONSTRUCT_TOKEN, AffineExprKind.DimId, nextExprId++, null, null, pos);
    dimTable[pos] = e;
  }
  return e;
}

/// The interned symbol expression `s<pos>`.
export function getAffineSymbolExpr(pos: number): AffineExpr {
  let e = symbolTable[pos];
  if (e === undefined) {
    if (!Number.isInteger(pos) || pos < 0) throw new RangeError(`invalid symbol position ${pos}`);
    e = new AffineExpr(CONSTRUCT_TOKEN, AffineExprKind.SymbolId, nextExprId++, null, null, pos);
    symbolTable[pos] = e;
  }
  return e;
}

/// The interned constant expression `v` (an integer; -0 is normalized to 0).
export function getAffineConstantExpr(v: number): AffineExpr {
  let e = constantTable.get(v);
  if (e === undefined) {
    if (!Number.isInteger(v)) throw new RangeError(`affine constant must be an integer, got ${v}`);
    v = normalizeZero(v);
    e = constantTable.get(v);
    if (e !== undefined) return e;
    e = new AffineExpr(CONSTRUCT_TOKEN, AffineExprKind.Constant, nextExprId++, null, null, v);
    constantTable.set(v, e);
  }
  return e;
}

/// Constant expressions for every value of `values`.
export function getAffineConstantExprs(values: readonly number[]): AffineExpr[] {
  const out: AffineExpr[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = getAffineConstantExpr(values[i]!);
  return out;
}

/// The interned binary node `lhs <kind> rhs`, WITHOUT any simplification. Prefer affineAdd and
/// friends (or getAffineBinaryOpExpr), which reproduce MLIR's canonical forms.
export function getRawAffineBinaryOpExpr(kind: AffineExprKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (kind > AffineExprKind.CeilDiv) throw new RangeError(`not a binary affine kind: ${kind}`);
  let inner = binaryTable.get(lhs.id);
  if (inner === undefined) {
    inner = new Map();
    binaryTable.set(lhs.id, inner);
  }
  const key = rhs.id * 8 + kind;
  let e = inner.get(key);
  if (e === undefined) {
    e = new AffineExpr(CONSTRUCT_TOKEN, kind, nextExprId++, lhs, rhs, 0);
    inner.set(key, e);
  }
  return e;
}

//===----------------------------------------------------------------------===//
// Operators (MLIR 19 AffineExpr operator+, *, floorDiv, ceilDiv, %)
//===----------------------------------------------------------------------===//

/// Builds `lhs <kind> rhs` through the simplifying operator of that kind (MLIR getAffineBinaryOpExpr).
export function getAffineBinaryOpExpr(kind: AffineExprKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  switch (kind) {
    case AffineExprKind.Add:
      return affineAdd(lhs, rhs);
    case AffineExprKind.Mul:
      return affineMul(lhs, rhs);
    case AffineExprKind.FloorDiv:
      return affineFloorDiv(lhs, rhs);
    case AffineExprKind.CeilDiv:
      return affineCeilDiv(lhs, rhs);
    case AffineExprKind.Mod:
      return affineMod(lhs, rhs);
    default:
      throw new RangeError(`not a binary affine kind: ${kind}`);
  }
}

function simplifyAdd(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | null {
  const lhsConst = lhs.kind === AffineExprKind.Constant;
  const rhsConst = rhs.kind === AffineExprKind.Constant;
  if (lhsConst && rhsConst) return getAffineConstantExpr(lhs.value + rhs.value);

  // Canonicalize so that only the RHS is a constant (4 + d0 -> d0 + 4), and so that a symbolic
  // operand goes to the right of a non-symbolic one.
  if (lhsConst || (lhs.isSymbolicOrConstant() && !rhs.isSymbolicOrConstant())) return affineAdd(rhs, lhs);

  if (rhsConst && rhs.value === 0) return lhs;

  // (d0 + 2) + 3 -> d0 + 5.
  const lAdd = lhs.kind === AffineExprKind.Add;
  if (lAdd && rhsConst && lhs.rhs!.kind === AffineExprKind.Constant)
    return affineAdd(lhs.lhs!, getAffineConstantExpr(lhs.rhs!.value + rhs.value));

  // c1 * e + c2 * e -> (c1 + c2) * e (a bare e counts as e * 1).
  let firstExpr = lhs;
  let c1 = 1;
  if (lhs.kind === AffineExprKind.Mul && lhs.rhs!.kind === AffineExprKind.Constant) {
    c1 = lhs.rhs!.value;
    firstExpr = lhs.lhs!;
  }
  let secondExpr = rhs;
  let c2 = 1;
  if (rhs.kind === AffineExprKind.Mul && rhs.rhs!.kind === AffineExprKind.Constant) {
    c2 = rhs.rhs!.value;
    secondExpr = rhs.lhs!;
  }
  if (firstExpr === secondExpr) return affineMul(firstExpr, getAffineConstantExpr(c1 + c2));

  // (d0 + 2) + d1 -> (d0 + d1) + 2.
  if (lAdd && lhs.rhs!.kind === AffineExprKind.Constant) return affineAdd(affineAdd(lhs.lhs!, rhs), lhs.rhs!);

  // e + (e floordiv q) * -q -> e mod q, also e + ((e floordiv q) * q) * -1 -> e mod q.
  if (!rhs.isBinary()) return null;
  const lrhs = rhs.lhs!;
  const rrhs = rhs.rhs!;
  if (rrhs.kind === AffineExprKind.Constant && rrhs.value === -1 && lrhs.kind === AffineExprKind.Mul) {
    // MLIR 19 does not check the kind of `rhs` on this path (so `... mod -1` also matches).
    const llrhs = lrhs.lhs!;
    const rlrhs = lrhs.rhs!;
    if (llrhs.kind !== AffineExprKind.FloorDiv) return null;
    if (llrhs.rhs === rlrhs && lhs === llrhs.lhs) return affineMod(lhs, rlrhs);
  }
  if (rhs.kind !== AffineExprKind.Mul || lrhs.kind !== AffineExprKind.FloorDiv) return null;
  if (lhs === lrhs.lhs && lrhs.rhs === affineNeg(rrhs)) return affineMod(lhs, lrhs.rhs!);
  return null;
}

/// `a + b` with MLIR's construction-time simplifications (constant folding, constants moved
/// right, `(e + c1) + c2` folding, `c1*e + c2*e` merging, `e - (e floordiv q) * q` -> `e mod q`).
export function affineAdd(a: AffineExpr, b: AffineExpr): AffineExpr {
  return simplifyAdd(a, b) ?? getRawAffineBinaryOpExpr(AffineExprKind.Add, a, b);
}

function simplifyMul(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | null {
  const lhsConst = lhs.kind === AffineExprKind.Constant;
  const rhsConst = rhs.kind === AffineExprKind.Constant;
  if (lhsConst && rhsConst) return getAffineConstantExpr(lhs.value * rhs.value);

  // Constant / symbolic operand goes to the right. (MLIR asserts one side is symbolic; a
  // non-affine product of two dim-dependent operands is kept as is instead of recursing forever.)
  const rhsSym = rhs.isSymbolicOrConstant();
  if ((!rhsSym && lhs.isSymbolicOrConstant()) || (lhsConst && !rhsConst)) return affineMul(rhs, lhs);

  if (rhsConst) {
    if (rhs.value === 1) return lhs;
    if (rhs.value === 0) return rhs;
  }
  if (lhs.kind === AffineExprKind.Mul && lhs.rhs!.kind === AffineExprKind.Constant) {
    // (d0 * 2) * 3 -> d0 * 6.
    if (rhsConst) return affineMul(lhs.lhs!, getAffineConstantExpr(lhs.rhs!.value * rhs.value));
    // (d0 * 2) * s0 -> (d0 * s0) * 2.
    return affineMul(affineMul(lhs.lhs!, rhs), lhs.rhs!);
  }
  return null;
}

/// `a * b` with MLIR's simplifications (constant folding, constant/symbolic operand to the
/// right, `* 1`, `* 0`, `(e * c1) * c2` -> `e * (c1*c2)`, `(e * c) * s` -> `(e * s) * c`).
export function affineMul(a: AffineExpr, b: AffineExpr): AffineExpr {
  return simplifyMul(a, b) ?? getRawAffineBinaryOpExpr(AffineExprKind.Mul, a, b);
}

/// `-a`, i.e. `a * -1`.
export function affineNeg(a: AffineExpr): AffineExpr {
  return affineMul(a, getAffineConstantExpr(-1));
}

/// `a - b`, i.e. `a + b * -1`.
export function affineSub(a: AffineExpr, b: AffineExpr): AffineExpr {
  return affineAdd(a, affineNeg(b));
}

function simplifyFloorDiv(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | null {
  // Division by zero is undefined and kept as is; MLIR 19 does fold negative constant divisors.
  if (rhs.kind !== AffineExprKind.Constant || rhs.value === 0) return null;
  const c = rhs.value;
  if (lhs.kind === AffineExprKind.Constant) return getAffineConstantExpr(floorDiv(lhs.value, c));
  if (c === 1) return lhs;
  // (e * 128) floordiv 64 -> e * 2.
  if (lhs.kind === AffineExprKind.Mul && lhs.rhs!.kind === AffineExprKind.Constant) {
    const m = lhs.rhs!.value;
    if (m % c === 0) return affineMul(lhs.lhs!, getAffineConstantExpr(m / c));
  }
  // (e1 + e2) floordiv c when e1 or e2 is a known multiple of c.
  if (lhs.kind === AffineExprKind.Add) {
    const l = lhs.lhs!;
    const r = lhs.rhs!;
    if (l.getLargestKnownDivisor() % c === 0 || r.getLargestKnownDivisor() % c === 0)
      return affineAdd(affineFloorDiv(l, rhs), affineFloorDiv(r, rhs));
  }
  return null;
}

/// `a floordiv b` with MLIR's simplifications (constant folding, `floordiv 1`, multiples).
export function affineFloorDiv(a: AffineExpr, b: AffineExpr): AffineExpr {
  return simplifyFloorDiv(a, b) ?? getRawAffineBinaryOpExpr(AffineExprKind.FloorDiv, a, b);
}

function simplifyCeilDiv(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | null {
  if (rhs.kind !== AffineExprKind.Constant || rhs.value === 0) return null;
  const c = rhs.value;
  if (lhs.kind === AffineExprKind.Constant) return getAffineConstantExpr(ceilDiv(lhs.value, c));
  if (c === 1) return lhs;
  if (lhs.kind === AffineExprKind.Mul && lhs.rhs!.kind === AffineExprKind.Constant) {
    const m = lhs.rhs!.value;
    if (m % c === 0) return affineMul(lhs.lhs!, getAffineConstantExpr(m / c));
  }
  return null;
}

/// `a ceildiv b` with MLIR's simplifications (constant folding, `ceildiv 1`, `(e * k*c) ceildiv c`).
export function affineCeilDiv(a: AffineExpr, b: AffineExpr): AffineExpr {
  return simplifyCeilDiv(a, b) ?? getRawAffineBinaryOpExpr(AffineExprKind.CeilDiv, a, b);
}

function simplifyMod(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | null {
  // Mod by zero or a negative number is undefined and kept as is.
  if (rhs.kind !== AffineExprKind.Constant || rhs.value < 1) return null;
  const c = rhs.value;
  if (lhs.kind === AffineExprKind.Constant) return getAffineConstantExpr(mod(lhs.value, c));
  // A known multiple of c: (i * 128) mod 64 -> 0.
  if (lhs.getLargestKnownDivisor() % c === 0) return getAffineConstantExpr(0);
  if (lhs.kind === AffineExprKind.Add) {
    const l = lhs.lhs!;
    const r = lhs.rhs!;
    if (l.getLargestKnownDivisor() % c === 0) return affineMod(r, rhs);
    if (r.getLargestKnownDivisor() % c === 0) return affineMod(l, rhs);
  }
  // (e mod a) mod b -> e mod b when b divides a.
  if (lhs.kind === AffineExprKind.Mod) {
    const inner = lhs.rhs!;
    if (inner.kind === AffineExprKind.Constant && inner.value >= 1 && mod(inner.value, c) === 0)
      return affineMod(lhs.lhs!, rhs);
  }
  return null;
}

/// `a mod b` with MLIR's simplifications (constant folding, known multiples, mod of mod).
export function affineMod(a: AffineExpr, b: AffineExpr): AffineExpr {
  return simplifyMod(a, b) ?? getRawAffineBinaryOpExpr(AffineExprKind.Mod, a, b);
}

//===----------------------------------------------------------------------===//
// Substitution, traversal and evaluation
//===----------------------------------------------------------------------===//

/// Replaces `d<i>` by `dims[i]` and `s<i>` by `syms[i]` (positions past the arrays are kept),
/// rebuilding changed nodes through the simplifying operators, as MLIR does.
export function replaceDimsAndSymbols(
  e: AffineExpr,
  dims: readonly AffineExpr[],
  syms: readonly AffineExpr[],
): AffineExpr {
  switch (e.kind) {
    case AffineExprKind.Constant:
      return e;
    case AffineExprKind.DimId:
      return e.value < dims.length ? dims[e.value]! : e;
    case AffineExprKind.SymbolId:
      return e.value < syms.length ? syms[e.value]! : e;
    default: {
      const lhs = e.lhs!;
      const rhs = e.rhs!;
      const newLhs = replaceDimsAndSymbols(lhs, dims, syms);
      const newRhs = replaceDimsAndSymbols(rhs, dims, syms);
      if (newLhs === lhs && newRhs === rhs) return e;
      return getAffineBinaryOpExpr(e.kind, newLhs, newRhs);
    }
  }
}

/// Sparse replacement: every sub-expression found as a key of `map` is replaced by its value.
export function replaceAffineExprs(e: AffineExpr, map: ReadonlyMap<AffineExpr, AffineExpr>): AffineExpr {
  const hit = map.get(e);
  if (hit !== undefined) return hit;
  if (!e.isBinary()) return e;
  const lhs = e.lhs!;
  const rhs = e.rhs!;
  const newLhs = replaceAffineExprs(lhs, map);
  const newRhs = replaceAffineExprs(rhs, map);
  if (newLhs === lhs && newRhs === rhs) return e;
  return getAffineBinaryOpExpr(e.kind, newLhs, newRhs);
}

/// Replaces dims [offset, numDims) by dims shifted up by `shift`.
export function shiftDims(e: AffineExpr, numDims: number, shift: number, offset = 0): AffineExpr {
  const dims: AffineExpr[] = new Array(numDims);
  for (let i = 0; i < numDims; i++) dims[i] = getAffineDimExpr(i < offset ? i : i + shift);
  return replaceDimsAndSymbols(e, dims, []);
}

/// Replaces symbols [offset, numSymbols) by symbols shifted up by `shift`.
export function shiftSymbols(e: AffineExpr, numSymbols: number, shift: number, offset = 0): AffineExpr {
  const syms: AffineExpr[] = new Array(numSymbols);
  for (let i = 0; i < numSymbols; i++) syms[i] = getAffineSymbolExpr(i < offset ? i : i + shift);
  return replaceDimsAndSymbols(e, [], syms);
}

/// Visits every node of `e` in post order (operands before their parent, lhs before rhs).
export function walkAffineExpr(e: AffineExpr, callback: (node: AffineExpr) => void): void {
  if (e.lhs !== null) {
    walkAffineExpr(e.lhs, callback);
    walkAffineExpr(e.rhs!, callback);
  }
  callback(e);
}

/// Evaluates `e` on integer dim / symbol values. Floordiv, ceildiv and mod follow MLIR's
/// constant folder: mod is non-negative for a positive divisor; division by zero and mod by a
/// non-positive value are poison and throw a RangeError.
export function evaluateAffineExpr(e: AffineExpr, dims: readonly number[], syms: readonly number[]): number {
  poisonSeen = false;
  const v = foldImpl(e, dims, syms);
  const poison = poisonSeen;
  poisonSeen = false;
  if (v === null) {
    if (poison) throw new RangeError(`poison while evaluating affine expression ${printAffineExpr(e)}`);
    throw new RangeError(`missing dim or symbol value while evaluating ${printAffineExpr(e)}`);
  }
  return v;
}

/// Like evaluateAffineExpr, but operands may be unknown (null / undefined): returns null when the
/// value cannot be computed (unknown operand or poison). `poison.value` is set on poison if given.
export function constantFoldAffineExpr(
  e: AffineExpr,
  dims: readonly (number | null | undefined)[],
  syms: readonly (number | null | undefined)[],
  poison?: { value: boolean },
): number | null {
  poisonSeen = false;
  const v = foldImpl(e, dims, syms);
  if (poison !== undefined && poisonSeen) poison.value = true;
  poisonSeen = false;
  return v;
}

// Set by foldImpl when it meets a division by zero or a mod by a non-positive value.
let poisonSeen = false;

function foldImpl(
  e: AffineExpr,
  dims: readonly (number | null | undefined)[],
  syms: readonly (number | null | undefined)[],
): number | null {
  switch (e.kind) {
    case AffineExprKind.Constant:
      return e.value;
    case AffineExprKind.DimId:
      return dims[e.value] ?? null;
    case AffineExprKind.SymbolId:
      return syms[e.value] ?? null;
    default:
      break;
  }
  const l = foldImpl(e.lhs!, dims, syms);
  if (l === null) return null;
  const r = foldImpl(e.rhs!, dims, syms);
  if (r === null) return null;
  switch (e.kind) {
    case AffineExprKind.Add:
      return l + r;
    case AffineExprKind.Mul:
      return normalizeZero(l * r);
    case AffineExprKind.Mod:
      if (r < 1) {
        poisonSeen = true;
        return null;
      }
      return mod(l, r);
    case AffineExprKind.FloorDiv:
      if (r === 0) {
        poisonSeen = true;
        return null;
      }
      return floorDiv(l, r);
    default:
      if (r === 0) {
        poisonSeen = true;
        return null;
      }
      return ceilDiv(l, r);
  }
}
