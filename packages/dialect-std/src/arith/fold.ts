// Folders of the arith ops, as MLIR 19's ArithOps.cpp: APInt semantics in bigint, float semantics per type.
import {
  AttrKind, Builtin, floatBits, floatFromBits, getBoolAttr, getDenseElementsAttr, getFloatAttr, getIntegerAttr, getNaNFloatAttr,
  getTensorType, getUnrankedTensorType, getVectorType, roundToFloatType, Trait, TypeKind, type Attribute,
  type DenseElementsAttr, type DenseValue, type FloatAttr, type FloatType, type FoldResult, type IntegerAttr,
  type IntegerType, type Operation, type RankedTensorType, type ShapedType, type Type, type Value, type VectorType,
} from "@allo/ir-core";
import { cmpFPredicates, cmpIPredicates, getPredicateAttr } from "./attrs.js";

type Operands = readonly (Attribute | null)[];

// ---- types ----

function elementOf(t: Type): Type {
  return t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor || t.kind === TypeKind.MemRef ? (t as ShapedType).elementType : t;
}
function isIntLike(t: Type): boolean { return t.kind === TypeKind.Integer || t.kind === TypeKind.Index; }
/// The APInt width of an integer-like type: its width, 64 for index.
function intWidth(t: Type): number { return t.kind === TypeKind.Index ? 64 : (t as IntegerType).width; }
/// Float types whose arithmetic a double reproduces exactly after rounding.
function foldableFloat(t: Type): t is FloatType {
  if (t.kind !== TypeKind.Float) return false;
  const n = (t as FloatType).name;
  return n === "f16" || n === "bf16" || n === "f32" || n === "f64" || n === "tf32";
}
function isStaticShaped(t: Type): boolean {
  return (t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor) && (t as ShapedType).hasStaticShape;
}

/// The type of the same shape (scalar, vector or tensor) with i1 elements (MLIR's getI1SameShape).
export function i1SameShape(t: Type): Type {
  switch (t.kind) {
    case TypeKind.Vector: return getVectorType((t as VectorType).shape, Builtin.i1, (t as VectorType).scalableDims);
    case TypeKind.Tensor: return getTensorType((t as RankedTensorType).shape, Builtin.i1, (t as RankedTensorType).encoding);
    case TypeKind.UnrankedTensor: return getUnrankedTensorType(Builtin.i1);
    default: return Builtin.i1;
  }
}

// ---- integer helpers (values are APInt bit patterns: unsigned bigints below 2^width) ----

const toS = (x: bigint, w: number): bigint => BigInt.asIntN(w, x);
const toU = (x: bigint, w: number): bigint => BigInt.asUintN(w, x);
const maxS = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;
const minS = (w: number): bigint => -(1n << BigInt(w - 1));
const allOnes = (w: number): bigint => (1n << BigInt(w)) - 1n;

/// An integer constant, scalar or splat (MLIR's m_ConstantInt), with its width.
function intConst(a: Attribute | null): { v: bigint; w: number } | null {
  if (a === null) return null;
  if (a.kind === AttrKind.Integer) {
    const ia = a as IntegerAttr;
    const w = intWidth(ia.type);
    return { v: toU(ia.big, w), w };
  }
  if (a.kind === AttrKind.DenseElements) {
    const d = a as DenseElementsAttr;
    const et = d.type.elementType;
    if (!d.splat || !isIntLike(et) || typeof d.values[0] === "string") return null;
    const w = intWidth(et);
    return { v: toU(BigInt(d.values[0]), w), w };
  }
  return null;
}
const isZero = (a: Attribute | null): boolean => intConst(a)?.v === 0n;
const isOne = (a: Attribute | null): boolean => intConst(a)?.v === 1n;
function isAllOnes(c: { v: bigint; w: number } | null): boolean { return c !== null && c.v === allOnes(c.w); }

/// The value attribute of a constant-like defining op, or null.
function constantOf(v: Value): Attribute | null {
  const d = v.definingOp;
  return d !== null && d.hasTrait(Trait.ConstantLike) ? d.props.get("value") : null;
}
/// The defining op of `v` if it is named `name`.
function defining(v: Value, name: string): Operation | null {
  const d = v.definingOp;
  return d !== null && d.name === name ? d : null;
}

/// A dense value of an integer-like element type (as the parser stores it).
function intDense(t: Type, v: bigint): DenseValue { return getIntegerAttr(t, v).value; }
function intElems(d: DenseElementsAttr): bigint[] | null {
  const w = intWidth(d.type.elementType);
  const n = d.splat ? 1 : d.values.length;
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) { const x = d.values[i]; if (typeof x === "string") return null; out.push(toU(BigInt(x), w)); }
  return out;
}

/// The zero attribute of `t` (MLIR's Builder::getZeroAttr); null where no constant can be built.
function zeroAttr(t: Type): Attribute | null {
  const e = elementOf(t);
  const scalar = (): Attribute | null => (isIntLike(e) ? getIntegerAttr(e, 0) : e.kind === TypeKind.Float ? getFloatAttr(e as FloatType, 0) : null);
  if (t === e) return scalar();
  if (!isStaticShaped(t) || scalar() === null) return null;
  return getDenseElementsAttr(t as ShapedType, [0]);
}

/// A bool attribute of type `t` (i1 or a static shape of i1), as MLIR's getBoolAttribute.
function boolAttrOf(t: Type, b: boolean): Attribute | null {
  if (t.kind === TypeKind.Integer) return getBoolAttr(b);
  if (!isStaticShaped(t)) return null;
  return getDenseElementsAttr(t as ShapedType, [b ? -1 : 0]);
}

type IntFn = (a: bigint, b: bigint, w: number) => bigint | null;

/// MLIR's constFoldBinaryOp on integers: two scalars or two dense attributes of one type; null if `fn` fails anywhere.
function foldInts(ops: Operands, fn: IntFn, resultType: ((t: Type) => Type) | null = null): Attribute | null {
  const a = ops[0], b = ops[1];
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (a.kind === AttrKind.Integer && b.kind === AttrKind.Integer) {
    const x = a as IntegerAttr, y = b as IntegerAttr;
    if (x.type !== y.type) return null;
    const w = intWidth(x.type);
    const r = fn(toU(x.big, w), toU(y.big, w), w);
    return r === null ? null : getIntegerAttr(resultType === null ? x.type : resultType(x.type), r);
  }
  if (a.kind === AttrKind.DenseElements && b.kind === AttrKind.DenseElements) {
    const x = a as DenseElementsAttr, y = b as DenseElementsAttr;
    if (x.type !== y.type || !isIntLike(x.type.elementType)) return null;
    const w = intWidth(x.type.elementType);
    const xs = intElems(x), ys = intElems(y);
    if (xs === null || ys === null) return null;
    const rt = (resultType === null ? x.type : resultType(x.type)) as ShapedType;
    const n = x.splat && y.splat ? 1 : x.type.numElements;
    const out: DenseValue[] = [];
    for (let i = 0; i < n; i++) {
      const r = fn(xs[x.splat ? 0 : i], ys[y.splat ? 0 : i], w);
      if (r === null) return null;
      out.push(intDense(rt.elementType, r));
    }
    return getDenseElementsAttr(rt, out);
  }
  return null;
}

/// MLIR's constFoldCastOp: one scalar or dense operand, each element mapped by `fn` (null: no fold).
function foldCast(a: Attribute | null, resType: Type, fn: (x: Attribute) => Attribute | null): Attribute | null {
  if (a === null || a === undefined) return null;
  if (a.kind === AttrKind.Integer || a.kind === AttrKind.Float) return fn(a);
  if (a.kind !== AttrKind.DenseElements || !isStaticShaped(resType)) return null;
  const d = a as DenseElementsAttr;
  const et = d.type.elementType;
  const n = d.splat ? 1 : d.values.length;
  const out: DenseValue[] = [];
  for (let i = 0; i < n; i++) {
    const x = d.values[i];
    if (typeof x === "string") return null;
    const src = isIntLike(et) ? getIntegerAttr(et, BigInt(x)) : foldableFloat(et) ? getFloatAttr(et, Number(x)) : null;
    if (src === null) return null;
    const r = fn(src);
    if (r === null) return null;
    out.push(r.kind === AttrKind.Integer ? (r as IntegerAttr).value : (r as FloatAttr).value);
  }
  return getDenseElementsAttr(resType as ShapedType, out);
}

function one(a: Attribute | Value | null): FoldResult { return a === null ? null : [a]; }

/// Adds the trait folders MLIR runs when an op's own folder fails or folds in place: Commutative moves constant
/// operands last (in place), Idempotent folds `op(x, x)` to `x`.
export function withTraitFolds(fold: (op: Operation, ops: Operands) => FoldResult, commutative: boolean, idempotent: boolean): (op: Operation, ops: Operands) => FoldResult {
  if (!commutative && !idempotent) return fold;
  return (op, ops) => {
    const r = fold(op, ops);
    const inPlace = r !== null && r.every((x, i) => x === op.results[i]);
    if (r !== null && !inPlace) return r;
    if (commutative && ops[0] !== null && ops[0] !== undefined && (ops[1] === null || ops[1] === undefined)) {
      const a = op.operand(0), b = op.operand(1);
      op.operands[0].set(b);
      op.operands[1].set(a);
      return op.results;
    }
    if (idempotent && op.operand(0) === op.operand(1)) return [op.operand(0)];
    return r;
  };
}

// ---- float helpers ----

/// A float constant, scalar or splat (m_ConstantFloat), of a foldable type.
function floatConst(a: Attribute | null): number | null {
  if (a === null || a === undefined) return null;
  if (a.kind === AttrKind.Float) return foldableFloat((a as FloatAttr).type) ? (a as FloatAttr).value : null;
  if (a.kind === AttrKind.DenseElements) {
    const d = a as DenseElementsAttr;
    return d.splat && foldableFloat(d.type.elementType) && typeof d.values[0] === "number" ? d.values[0] : null;
  }
  return null;
}

type FloatFn = (a: number, b: number) => number;

/// constFoldBinaryOp on floats, rounding each result to the type.
function foldFloats(ops: Operands, fn: FloatFn): Attribute | null {
  const a = ops[0], b = ops[1];
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (a.kind === AttrKind.Float && b.kind === AttrKind.Float) {
    const x = a as FloatAttr, y = b as FloatAttr;
    if (x.type !== y.type || !foldableFloat(x.type)) return null;
    return getFloatAttr(x.type, fn(x.value, y.value));
  }
  if (a.kind === AttrKind.DenseElements && b.kind === AttrKind.DenseElements) {
    const x = a as DenseElementsAttr, y = b as DenseElementsAttr;
    const et = x.type.elementType;
    if (x.type !== y.type || !foldableFloat(et)) return null;
    const n = x.splat && y.splat ? 1 : x.type.numElements;
    const out: DenseValue[] = [];
    for (let i = 0; i < n; i++) out.push(getFloatAttr(et, fn(Number(x.at(i)), Number(y.at(i)))).value);
    return getDenseElementsAttr(x.type, out);
  }
  return null;
}

/// llvm::maximum / llvm::minimum: NaN wins, -0 < +0.
function maximum(a: number, b: number): number {
  if (Number.isNaN(a)) return a;
  if (Number.isNaN(b)) return b;
  if (a === 0 && b === 0 && Object.is(a, -0) !== Object.is(b, -0)) return Object.is(a, -0) ? b : a;
  return a < b ? b : a;
}
function minimum(a: number, b: number): number {
  if (Number.isNaN(a)) return a;
  if (Number.isNaN(b)) return b;
  if (a === 0 && b === 0 && Object.is(a, -0) !== Object.is(b, -0)) return Object.is(a, -0) ? a : b;
  return b < a ? b : a;
}
/// llvm::minnum (LLVM 19): a NaN operand yields the other one; -0 < +0.
function minnum(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  if (a === 0 && b === 0 && Object.is(a, -0) !== Object.is(b, -0)) return Object.is(a, -0) ? a : b;
  return b < a ? b : a;
}

/// An integer (APInt bits, signed or not) converted to a float type, rounding to nearest even.
export function intToFloat(v: bigint, t: FloatType): number {
  if (t.name === "f64") return Number(v);
  const p = t.semantics.precision;
  const neg = v < 0n;
  let m = neg ? -v : v;
  const bits = m.toString(2).length;
  if (m !== 0n && bits > p) {
    const sh = BigInt(bits - p);
    let q = m >> sh;
    const rem = m & ((1n << sh) - 1n), half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    m = q << sh;
  }
  const r = Number(m);
  return roundToFloatType(t, neg ? -r : r);
}

/// A float truncated toward zero into `w` bits (APFloat::convertToInteger); null if out of range or not finite.
function floatToInt(v: number, w: number, signed: boolean): bigint | null {
  if (!Number.isFinite(v)) return null;
  const t = BigInt(Math.trunc(v));
  if (signed ? t < minS(w) || t > maxS(w) : t < 0n || t > allOnes(w)) return null;
  return t;
}

// ---- integer arithmetic ----

/// `arith.constant` folds to its value.
export function foldConstant(op: Operation): FoldResult { return one(op.props.get("value")); }

/// addi(x, 0) -> x; addi(subi(a, b), b) -> a; addi(b, subi(a, b)) -> a; constants.
export function foldAddI(op: Operation, ops: Operands): FoldResult {
  const lhs = op.operand(0), rhs = op.operand(1);
  if (isZero(ops[1])) return [lhs];
  const s1 = defining(lhs, "arith.subi");
  if (s1 !== null && rhs === s1.operand(1)) return [s1.operand(0)];
  const s2 = defining(rhs, "arith.subi");
  if (s2 !== null && lhs === s2.operand(1)) return [s2.operand(0)];
  return one(foldInts(ops, (a, b) => a + b));
}

/// subi(x, x) -> 0; subi(x, 0) -> x; subi(addi(a, b), b) -> a; subi(addi(a, b), a) -> b; constants.
export function foldSubI(op: Operation, ops: Operands): FoldResult {
  const lhs = op.operand(0), rhs = op.operand(1);
  if (lhs === rhs) {
    const z = zeroAttr(op.results[0].type);
    if (z !== null) return [z];
  }
  if (isZero(ops[1])) return [lhs];
  const add = defining(lhs, "arith.addi");
  if (add !== null) {
    if (rhs === add.operand(1)) return [add.operand(0)];
    if (rhs === add.operand(0)) return [add.operand(1)];
  }
  return one(foldInts(ops, (a, b) => a - b));
}

/// muli(x, 0) -> 0; muli(x, 1) -> x; constants.
export function foldMulI(op: Operation, ops: Operands): FoldResult {
  if (isZero(ops[1])) return [op.operand(1)];
  if (isOne(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b) => a * b));
}

/// divui(x, 1) -> x; constants unless dividing by zero.
export function foldDivUI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b) => (b === 0n ? null : a / b)));
}

/// divsi(x, 1) -> x; constants unless dividing by zero or overflowing (MIN / -1).
export function foldDivSI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b, w) => {
    const x = toS(a, w), y = toS(b, w);
    if (y === 0n || (x === minS(w) && y === -1n)) return null;
    return x / y;
  }));
}

/// ceildivui(x, 1) -> x; constants unless dividing by zero.
export function foldCeilDivUI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b) => (b === 0n ? null : a % b === 0n ? a / b : a / b + 1n)));
}

/// ceildivsi(x, 1) -> x; constants, except where MLIR's intermediate negations overflow (an operand is MIN).
export function foldCeilDivSI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b, w) => {
    const x = toS(a, w), y = toS(b, w);
    if (y === 0n) return null;
    if (x === 0n) return 0n;
    if (x > 0n && y > 0n) return (x - 1n) / y + 1n;
    if (x < 0n && y < 0n) return x === minS(w) || y === minS(w) ? null : (-x - 1n) / -y + 1n;
    if (x < 0n) return x === minS(w) ? null : -(-x / y);
    return y === minS(w) ? null : -(x / -y);
  }));
}

/// floordivsi(x, 1) -> x; constants unless dividing by zero or overflowing.
export function foldFloorDivSI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b, w) => {
    const x = toS(a, w), y = toS(b, w);
    if (y === 0n || (x === minS(w) && y === -1n)) return null;
    const q = x / y;
    return q * y !== x && (x < 0n) !== (y < 0n) ? q - 1n : q;
  }));
}

/// remui(x, 1) -> 0; constants unless dividing by zero.
export function foldRemUI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return one(zeroAttr(op.results[0].type));
  return one(foldInts(ops, (a, b) => (b === 0n ? null : a % b)));
}

/// remsi(x, 1) -> 0; constants unless dividing by zero (the sign follows the dividend).
export function foldRemSI(op: Operation, ops: Operands): FoldResult {
  if (isOne(ops[1])) return one(zeroAttr(op.results[0].type));
  return one(foldInts(ops, (a, b, w) => (b === 0n ? null : toS(a, w) % toS(b, w))));
}

/// True if `v` is `xori %x, <all ones>` (a bitwise not of `x`).
function isNotOf(v: Value, x: Value): boolean {
  const d = defining(v, "arith.xori");
  return d !== null && d.operand(0) === x && isAllOnes(intConst(constantOf(d.operand(1))));
}

/// andi(x, 0) -> 0; andi(x, -1) -> x; andi(x, not x) -> 0; andi(a, andi(a, b)) -> andi(a, b); constants.
export function foldAndI(op: Operation, ops: Operands): FoldResult {
  const lhs = op.operand(0), rhs = op.operand(1);
  if (isZero(ops[1])) return [rhs];
  if (isAllOnes(intConst(ops[1]))) return [lhs];
  if (isNotOf(rhs, lhs) || isNotOf(lhs, rhs)) return one(zeroAttr(op.results[0].type));
  for (const [prevV, other] of [[lhs, rhs], [rhs, lhs]] as const) {
    const prev = defining(prevV, "arith.andi");
    if (prev !== null && (other === prev.operand(0) || other === prev.operand(1))) return [prev.results[0]];
  }
  return one(foldInts(ops, (a, b) => a & b));
}

/// ori(x, 0) -> x; ori(x, -1) -> -1; ori(x, not x) -> -1; constants.
export function foldOrI(op: Operation, ops: Operands): FoldResult {
  const lhs = op.operand(0), rhs = op.operand(1);
  const c = intConst(ops[1]);
  if (c !== null && c.v === 0n) return [lhs];
  if (isAllOnes(c)) return [ops[1]!];
  if (isNotOf(rhs, lhs)) return [rhs.definingOp!.operand(1)];
  if (isNotOf(lhs, rhs)) return [lhs.definingOp!.operand(1)];
  return one(foldInts(ops, (a, b) => a | b));
}

/// xori(x, 0) -> x; xori(x, x) -> 0; xori(xori(x, a), a) -> x (either order); constants.
export function foldXOrI(op: Operation, ops: Operands): FoldResult {
  const lhs = op.operand(0), rhs = op.operand(1);
  if (isZero(ops[1])) return [lhs];
  if (lhs === rhs) return one(zeroAttr(op.results[0].type));
  const p1 = defining(lhs, "arith.xori");
  if (p1 !== null) {
    if (p1.operand(1) === rhs) return [p1.operand(0)];
    if (p1.operand(0) === rhs) return [p1.operand(1)];
  }
  const p2 = defining(rhs, "arith.xori");
  if (p2 !== null) {
    if (p2.operand(1) === lhs) return [p2.operand(0)];
    if (p2.operand(0) === lhs) return [p2.operand(1)];
  }
  return one(foldInts(ops, (a, b) => a ^ b));
}

function foldShift(op: Operation, ops: Operands, fn: (a: bigint, b: number, w: number) => bigint): FoldResult {
  if (isZero(ops[1])) return [op.operand(0)];
  return one(foldInts(ops, (a, b, w) => (b >= BigInt(w) ? null : fn(a, Number(b), w))));
}
/// shli(x, 0) -> x; constants when the shift is below the width.
export function foldShLI(op: Operation, ops: Operands): FoldResult { return foldShift(op, ops, (a, b) => a << BigInt(b)); }
/// shrui(x, 0) -> x; constants when the shift is below the width.
export function foldShRUI(op: Operation, ops: Operands): FoldResult { return foldShift(op, ops, (a, b) => a >> BigInt(b)); }
/// shrsi(x, 0) -> x; constants when the shift is below the width.
export function foldShRSI(op: Operation, ops: Operands): FoldResult { return foldShift(op, ops, (a, b, w) => toS(a, w) >> BigInt(b)); }

function foldMinMax(op: Operation, ops: Operands, absorbing: (w: number) => bigint, neutral: (w: number) => bigint, pick: (a: bigint, b: bigint, w: number) => bigint): FoldResult {
  if (op.operand(0) === op.operand(1)) return [op.operand(1)];
  const c = intConst(ops[1]);
  if (c !== null) {
    if (c.v === toU(absorbing(c.w), c.w)) return [op.operand(1)];
    if (c.v === toU(neutral(c.w), c.w)) return [op.operand(0)];
  }
  return one(foldInts(ops, pick));
}
/// maxsi(x, x) -> x; maxsi(x, MAX) -> MAX; maxsi(x, MIN) -> x; constants.
export function foldMaxSI(op: Operation, ops: Operands): FoldResult { return foldMinMax(op, ops, maxS, minS, (a, b, w) => (toS(a, w) < toS(b, w) ? b : a)); }
/// maxui(x, x) -> x; maxui(x, UMAX) -> UMAX; maxui(x, 0) -> x; constants.
export function foldMaxUI(op: Operation, ops: Operands): FoldResult { return foldMinMax(op, ops, allOnes, () => 0n, (a, b) => (a < b ? b : a)); }
/// minsi(x, x) -> x; minsi(x, MIN) -> MIN; minsi(x, MAX) -> x; constants.
export function foldMinSI(op: Operation, ops: Operands): FoldResult { return foldMinMax(op, ops, minS, maxS, (a, b, w) => (toS(b, w) < toS(a, w) ? b : a)); }
/// minui(x, x) -> x; minui(x, 0) -> 0; minui(x, UMAX) -> x; constants.
export function foldMinUI(op: Operation, ops: Operands): FoldResult { return foldMinMax(op, ops, () => 0n, allOnes, (a, b) => (b < a ? b : a)); }

/// addui_extended(x, 0) -> x, false; constants -> sum, carry.
export function foldAddUIExtended(op: Operation, ops: Operands): FoldResult {
  if (isZero(ops[1] ?? constantOf(op.operand(1)))) {
    const f = zeroAttr(op.results[1].type);
    return f === null ? null : [op.operand(0), f];
  }
  const sum = foldInts(ops, (a, b) => a + b);
  if (sum === null) return null;
  const carry = foldInts([sum, ops[0]], (s, a, w) => (toU(s, w) < a ? 1n : 0n), i1SameShape);
  return carry === null ? null : [sum, carry];
}

/// mulsi_extended(x, 0) -> 0, 0; constants -> low, high.
export function foldMulSIExtended(_op: Operation, ops: Operands): FoldResult {
  if (isZero(ops[1])) return [ops[1]!, ops[1]!];
  const low = foldInts(ops, (a, b) => a * b);
  const high = foldInts(ops, (a, b, w) => (toS(a, w) * toS(b, w)) >> BigInt(w));
  return low === null || high === null ? null : [low, high];
}

/// mului_extended(x, 0) -> 0, 0; mului_extended(x, 1) -> x, 0; constants -> low, high.
export function foldMulUIExtended(op: Operation, ops: Operands): FoldResult {
  if (isZero(ops[1])) return [ops[1]!, ops[1]!];
  if (isOne(ops[1])) {
    const z = zeroAttr(op.operand(0).type);
    return z === null ? null : [op.operand(0), z];
  }
  const low = foldInts(ops, (a, b) => a * b);
  const high = foldInts(ops, (a, b, w) => (a * b) >> BigInt(w));
  return low === null || high === null ? null : [low, high];
}

// ---- float arithmetic ----

/// negf(negf(x)) -> x; constants (not NaN: MLIR flips its sign bit, which our float attributes do not keep).
export function foldNegF(op: Operation, ops: Operands): FoldResult {
  const inner = defining(op.operand(0), "arith.negf");
  if (inner !== null) return [inner.operand(0)];
  const a = ops[0];
  if (a === null || a === undefined) return null;
  const neg = (x: Attribute): Attribute | null => {
    const fa = floatAttr(x);
    return fa === null || Number.isNaN(fa.value) ? null : getFloatAttr(fa.type, -fa.value);
  };
  return one(a.kind === AttrKind.Float ? neg(a) : foldCast(a, (a as DenseElementsAttr).type, neg));
}

/// addf(x, -0.0) -> x; constants.
export function foldAddF(op: Operation, ops: Operands): FoldResult {
  if (Object.is(floatConst(ops[1]), -0)) return [op.operand(0)];
  return one(foldFloats(ops, (a, b) => a + b));
}
/// subf(x, +0.0) -> x; constants.
export function foldSubF(op: Operation, ops: Operands): FoldResult {
  if (Object.is(floatConst(ops[1]), 0)) return [op.operand(0)];
  return one(foldFloats(ops, (a, b) => a - b));
}
/// mulf(x, 1.0) -> x; constants.
export function foldMulF(op: Operation, ops: Operands): FoldResult {
  if (floatConst(ops[1]) === 1) return [op.operand(0)];
  return one(foldFloats(ops, (a, b) => a * b));
}
/// divf(x, 1.0) -> x; constants.
export function foldDivF(op: Operation, ops: Operands): FoldResult {
  if (floatConst(ops[1]) === 1) return [op.operand(0)];
  return one(foldFloats(ops, (a, b) => a / b));
}
/// Constants; the remainder takes the sign of the dividend (APFloat::mod).
export function foldRemF(_op: Operation, ops: Operands): FoldResult { return one(foldFloats(ops, (a, b) => a % b)); }
/// maximumf(x, x) -> x; maximumf(x, -inf) -> x; constants.
export function foldMaximumF(op: Operation, ops: Operands): FoldResult {
  if (op.operand(0) === op.operand(1)) return [op.operand(1)];
  if (floatConst(ops[1]) === -Infinity) return [op.operand(0)];
  return one(foldFloats(ops, maximum));
}
/// minimumf(x, x) -> x; minimumf(x, +inf) -> x; constants.
export function foldMinimumF(op: Operation, ops: Operands): FoldResult {
  if (op.operand(0) === op.operand(1)) return [op.operand(1)];
  if (floatConst(ops[1]) === Infinity) return [op.operand(0)];
  return one(foldFloats(ops, minimum));
}
/// maxnumf(x, x) -> x; maxnumf(x, -inf) -> x; constants, folded as MLIR 19 does with `maximum` (NaN wins).
export function foldMaxNumF(op: Operation, ops: Operands): FoldResult {
  if (op.operand(0) === op.operand(1)) return [op.operand(1)];
  if (floatConst(ops[1]) === -Infinity) return [op.operand(0)];
  return one(foldFloats(ops, maximum));
}
/// minnumf(x, x) -> x; minnumf(x, +inf) -> x; constants.
export function foldMinNumF(op: Operation, ops: Operands): FoldResult {
  if (op.operand(0) === op.operand(1)) return [op.operand(1)];
  if (floatConst(ops[1]) === Infinity) return [op.operand(0)];
  return one(foldFloats(ops, minnum));
}

// ---- comparisons and select ----

/// `lhs pred rhs` for an arith.cmpi predicate value on APInt bits of width `w`.
export function applyCmpI(pred: number, a: bigint, b: bigint, w: number): boolean {
  switch (cmpIPredicates[pred]) {
    case "eq": return a === b;
    case "ne": return a !== b;
    case "slt": return toS(a, w) < toS(b, w);
    case "sle": return toS(a, w) <= toS(b, w);
    case "sgt": return toS(a, w) > toS(b, w);
    case "sge": return toS(a, w) >= toS(b, w);
    case "ult": return a < b;
    case "ule": return a <= b;
    case "ugt": return a > b;
    default: return a >= b;
  }
}

/// `lhs pred rhs` for an arith.cmpf predicate value (`u*` predicates are true when unordered).
export function applyCmpF(pred: number, a: number, b: number): boolean {
  const name = cmpFPredicates[pred];
  if (name === "false") return false;
  if (name === "true") return true;
  const unordered = Number.isNaN(a) || Number.isNaN(b);
  if (name === "ord") return !unordered;
  if (name === "uno") return unordered;
  if (unordered) return name[0] === "u";
  switch (name.slice(1)) {
    case "eq": return a === b;
    case "gt": return a > b;
    case "ge": return a >= b;
    case "lt": return a < b;
    case "le": return a <= b;
    default: return a !== b;
  }
}

const equalOperandsTrue = new Set(["eq", "sle", "sge", "ule", "uge"]);
/// cmpi with the constant moved right: the predicate with its operands swapped.
const swappedCmpI: Record<string, string> = { slt: "sgt", sgt: "slt", sle: "sge", sge: "sle", ult: "ugt", ugt: "ult", ule: "uge", uge: "ule", eq: "eq", ne: "ne" };

function isI1OrVectorOfI1(t: Type): boolean {
  const e = t.kind === TypeKind.Vector ? (t as VectorType).elementType : t;
  return e.kind === TypeKind.Integer && (e as IntegerType).width === 1;
}

/// cmpi(p, x, x) -> bool; cmpi(ne, ext(i1 x), 0) -> x; constant moved to the right (in place); constants.
export function foldCmpI(op: Operation, ops: Operands): FoldResult {
  const pred = (op.props.get("predicate") as IntegerAttr).num;
  const name = cmpIPredicates[pred];
  const lhs = op.operand(0), rhs = op.operand(1);
  if (lhs === rhs) return one(boolAttrOf(op.results[0].type, equalOperandsTrue.has(name)));
  if (isZero(ops[1]) && name === "ne") {
    const ext = defining(lhs, "arith.extsi") ?? defining(lhs, "arith.extui");
    if (ext !== null && isI1OrVectorOfI1(ext.operand(0).type)) return [ext.operand(0)];
  }
  if (ops[0] !== null && ops[0] !== undefined && (ops[1] === null || ops[1] === undefined)) {
    op.setProp("predicate", getPredicateAttr(cmpIPredicates.indexOf(swappedCmpI[name] as (typeof cmpIPredicates)[number])));
    op.operands[0].set(rhs);
    op.operands[1].set(lhs);
    return op.results;
  }
  return one(foldInts(ops, (a, b, w) => (applyCmpI(pred, a, b, w) ? 1n : 0n), i1SameShape));
}

/// cmpf on two scalar constants (a NaN operand makes both NaN).
export function foldCmpF(op: Operation, ops: Operands): FoldResult {
  let a = ops[0]?.kind === AttrKind.Float ? (ops[0] as FloatAttr).value : null;
  let b = ops[1]?.kind === AttrKind.Float ? (ops[1] as FloatAttr).value : null;
  if (a !== null && Number.isNaN(a)) b = a;
  if (b !== null && Number.isNaN(b)) a = b;
  if (a === null || b === null) return null;
  return [getBoolAttr(applyCmpF((op.props.get("predicate") as IntegerAttr).num, a, b))];
}

/// select(c, x, x) -> x; constant conditions; select(c, true, false) -> c; select on cmpi eq/ne of its operands; dense constants.
export function foldSelect(op: Operation, ops: Operands): FoldResult {
  const cond = op.operand(0), t = op.operand(1), f = op.operand(2);
  if (t === f) return [t];
  if (isOne(ops[0])) return [t];
  if (isZero(ops[0])) return [f];
  if (op.results[0].type === Builtin.i1 && isOne(ops[1]) && isZero(ops[2])) return [cond];
  const cmp = defining(cond, "arith.cmpi");
  if (cmp !== null) {
    const name = cmpIPredicates[(cmp.props.get("predicate") as IntegerAttr).num];
    if (name === "eq" || name === "ne") {
      const l = cmp.operand(0), r = cmp.operand(1);
      if ((l === t && r === f) || (r === t && l === f)) return [name === "ne" ? t : f];
    }
  }
  const c = ops[0], x = ops[1], y = ops[2];
  if (c?.kind === AttrKind.DenseElements && x?.kind === AttrKind.DenseElements && y?.kind === AttrKind.DenseElements) {
    const cd = c as DenseElementsAttr, xd = x as DenseElementsAttr, yd = y as DenseElementsAttr;
    const n = cd.type.numElements;
    const out: DenseValue[] = [];
    for (let i = 0; i < n; i++) out.push(Number(cd.at(i)) !== 0 ? xd.at(i) : yd.at(i));
    return [getDenseElementsAttr(xd.type, out)];
  }
  return null;
}

// ---- casts ----

function intAttr(a: Attribute): IntegerAttr | null { return a.kind === AttrKind.Integer ? (a as IntegerAttr) : null; }
function floatAttr(a: Attribute): FloatAttr | null { return a.kind === AttrKind.Float && foldableFloat((a as FloatAttr).type) ? (a as FloatAttr) : null; }

/// An integer cast: `fn` maps the operand's bits (and width) to the result's bits.
function foldIntCast(op: Operation, ops: Operands, fn: (x: bigint, w: number) => bigint): FoldResult {
  const rt = elementOf(op.results[0].type);
  return one(foldCast(ops[0], op.results[0].type, (a) => {
    const ia = intAttr(a);
    if (ia === null) return null;
    const w = intWidth(ia.type);
    return getIntegerAttr(rt, fn(toU(ia.big, w), w));
  }));
}

/// ext(ext(x)) folds in place into one ext; constants.
function foldExt(op: Operation, ops: Operands, signed: boolean): FoldResult {
  const inner = defining(op.operand(0), op.name);
  if (inner !== null) {
    op.operands[0].set(inner.operand(0));
    return op.results;
  }
  return foldIntCast(op, ops, (x, w) => (signed ? toS(x, w) : x));
}
/// extui(extui(x)) -> extui(x); constants (zero-extended).
export function foldExtUI(op: Operation, ops: Operands): FoldResult { return foldExt(op, ops, false); }
/// extsi(extsi(x)) -> extsi(x); constants (sign-extended).
export function foldExtSI(op: Operation, ops: Operands): FoldResult { return foldExt(op, ops, true); }

/// trunci(ext(a)) -> trunci(a) or a; trunci(trunci(a)) -> trunci(a); constants.
export function foldTruncI(op: Operation, ops: Operands): FoldResult {
  const ext = defining(op.operand(0), "arith.extui") ?? defining(op.operand(0), "arith.extsi");
  if (ext !== null) {
    const src = ext.operand(0);
    const sw = intWidth(elementOf(src.type)), dw = intWidth(elementOf(op.results[0].type));
    if (sw > dw) { op.operands[0].set(src); return op.results; }
    if (elementOf(src.type) === elementOf(op.results[0].type)) return [src];
  }
  const tr = defining(op.operand(0), "arith.trunci");
  if (tr !== null) { op.operands[0].set(tr.operand(0)); return op.results; }
  return foldIntCast(op, ops, (x) => x);
}

/// A float-to-float cast folds only when the value converts without loss.
function foldFloatConvert(op: Operation, ops: Operands): FoldResult {
  const rt = elementOf(op.results[0].type);
  if (!foldableFloat(rt)) return null;
  return one(foldCast(ops[0], op.results[0].type, (a) => {
    const fa = floatAttr(a);
    if (fa === null) return null;
    const r = roundToFloatType(rt, fa.value);
    return Object.is(r, fa.value) || Number.isNaN(fa.value) ? getFloatAttr(rt, r) : null;
  }));
}
/// extf of a constant.
export function foldExtF(op: Operation, ops: Operands): FoldResult { return foldFloatConvert(op, ops); }
/// truncf of a constant that the narrower type represents exactly.
export function foldTruncF(op: Operation, ops: Operands): FoldResult { return foldFloatConvert(op, ops); }

function foldIntToFloat(op: Operation, ops: Operands, signed: boolean): FoldResult {
  const rt = elementOf(op.results[0].type);
  if (!foldableFloat(rt)) return null;
  return one(foldCast(ops[0], op.results[0].type, (a) => {
    const ia = intAttr(a);
    if (ia === null) return null;
    const w = intWidth(ia.type);
    return getFloatAttr(rt, intToFloat(signed ? toS(ia.big, w) : toU(ia.big, w), rt));
  }));
}
/// uitofp of a constant (round to nearest even).
export function foldUIToFP(op: Operation, ops: Operands): FoldResult { return foldIntToFloat(op, ops, false); }
/// sitofp of a constant (round to nearest even).
export function foldSIToFP(op: Operation, ops: Operands): FoldResult { return foldIntToFloat(op, ops, true); }

function foldFloatToInt(op: Operation, ops: Operands, signed: boolean): FoldResult {
  const rt = elementOf(op.results[0].type);
  return one(foldCast(ops[0], op.results[0].type, (a) => {
    const fa = floatAttr(a);
    if (fa === null) return null;
    const r = floatToInt(fa.value, intWidth(rt), signed);
    return r === null ? null : getIntegerAttr(rt, r);
  }));
}
/// fptoui of a constant in range (truncated toward zero).
export function foldFPToUI(op: Operation, ops: Operands): FoldResult { return foldFloatToInt(op, ops, false); }
/// fptosi of a constant in range (truncated toward zero).
export function foldFPToSI(op: Operation, ops: Operands): FoldResult { return foldFloatToInt(op, ops, true); }

/// index_cast of a constant: sign-extended or truncated.
export function foldIndexCast(op: Operation, ops: Operands): FoldResult { return foldIntCast(op, ops, (x, w) => toS(x, w)); }
/// index_castui of a constant: zero-extended or truncated.
export function foldIndexCastUI(op: Operation, ops: Operands): FoldResult { return foldIntCast(op, ops, (x) => x); }

/// The bits of a scalar int or float constant (a NaN's own sign and payload included).
function bitsOf(a: Attribute): bigint | null {
  const ia = intAttr(a);
  if (ia !== null) return toU(ia.big, intWidth(ia.type));
  const fa = floatAttr(a);
  if (fa === null) return null;
  return Number.isNaN(fa.value) ? fa.nanBits ?? floatBits(Number.NaN, fa.type) : floatBits(fa.value, fa.type);
}
/// The attribute of `t` with bits `bits` (a NaN keeps them, as MLIR's APFloat does).
function fromBits(t: Type, bits: bigint): Attribute | null {
  if (isIntLike(t)) return getIntegerAttr(t, bits);
  if (!foldableFloat(t)) return null;
  const v = floatFromBits(bits, t, false);
  if (!Number.isNaN(v)) return getFloatAttr(t, v);
  return bits === floatBits(Number.NaN, t) ? getFloatAttr(t, Number.NaN) : getNaNFloatAttr(t, bits);
}

/// bitcast of a constant (dense constants element by element); else a bitcast to its operand's type -> the operand
/// (CastOpInterface).
export function foldBitcast(op: Operation, ops: Operands): FoldResult {
  const r = foldBitcastConstant(op, ops[0] ?? null);
  if (r === null && op.operand(0).type === op.results[0].type) return [op.operand(0)];
  return one(r);
}

function foldBitcastConstant(op: Operation, a: Attribute | null): Attribute | null {
  const rt = elementOf(op.results[0].type);
  if (a === null || (a.kind !== AttrKind.DenseElements && op.results[0].type !== rt)) return null;
  return foldCast(a, op.results[0].type, (x) => {
    const b = bitsOf(x);
    return b === null ? null : fromBits(rt, b);
  });
}
