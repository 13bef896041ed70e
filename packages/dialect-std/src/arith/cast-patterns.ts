// Canonicalization patterns of arith casts and extended arithmetic (MLIR 19's ArithCanonicalization.td): truncations
// of extensions and shifts, bitcast pairs, and extended ops whose second result is unused or trivial.
import {
  AttrKind, Builtin, getFusedLoc, getIntegerAttr, matchConstant, pattern, registry, TypeKind, type Attribute, type DenseElementsAttr, type IntegerAttr,
  type IntegerType, type Operation, type PatternRewriter, type RewritePattern, type ShapedType, type Type, type Value,
} from "@allo/ir-core";
import { cmpIPredicates, getOverflowAttr, getPredicateAttr } from "./attrs.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`arith canonicalization needs '${name}'`);
  return d;
}

const defining = (v: Value, name: string): Operation | null => (v.definingOp?.name === name ? v.definingOp : null);

/// The bit width of an integer or index type, or of the elements of a vector or tensor of them.
function widthOf(t: Type): number {
  const e = t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor ? (t as ShapedType).elementType : t;
  return e.kind === TypeKind.Index ? 64 : (e as IntegerType).width;
}

/// An integer constant or splat (MLIR's getIntOrSplatIntValue), or null.
function intOrSplat(a: Attribute | null): bigint | null {
  if (a === null) return null;
  if (a.kind === AttrKind.Integer) return (a as IntegerAttr).big;
  if (a.kind !== AttrKind.DenseElements || !(a as DenseElementsAttr).splat) return null;
  const v = (a as DenseElementsAttr).values[0];
  return typeof v === "string" ? null : BigInt(v);
}

/// Creates op `name` at the fused location of `matched` (DRR's odsLoc: see `loc` in ./canonicalize.ts).
function create(rw: PatternRewriter, name: string, operands: readonly Value[], types: readonly Type[], matched: readonly Operation[], props: Record<string, Attribute> = {}): Operation {
  return rw.create(def(name), { operands, resultTypes: types, props, loc: getFusedLoc(matched.map((m) => m.loc)) });
}

/// trunci(ext(x)) -> ext(x) when only extension bits are dropped (TruncIExtSIToExtSI, TruncIExtUIToExtUI).
const truncIOfExt = (name: string, ext: string): RewritePattern => pattern({
  name, root: "arith.trunci", benefit: 2,
  matchAndRewrite(op, rw) {
    const e = defining(op.operand(0), ext);
    if (e === null) return false;
    const x = e.operand(0), tr = op.results[0].type;
    if (!(widthOf(e.results[0].type) > widthOf(tr) && widthOf(tr) > widthOf(x.type))) return false;
    rw.replaceOp(op, create(rw, ext, [x], [tr], [op, e]).results);
    return true;
  },
});

/// trunci(shrsi(x, c)) -> trunci(shrui(x, c)) when the shift drops exactly the truncated bits (TruncIShrSIToTrunciShrUI).
const truncIShrSIToTrunciShrUI = pattern({
  name: "TruncIShrSIToTrunciShrUI", root: "arith.trunci", benefit: 2,
  matchAndRewrite(op, rw) {
    const shr = defining(op.operand(0), "arith.shrsi");
    if (shr === null) return false;
    const c = matchConstant(shr.operand(1));
    const x = shr.operand(0);
    if (c === null || intOrSplat(c) !== BigInt(widthOf(x.type) - widthOf(op.results[0].type))) return false;
    const at = [op, shr.operand(1).definingOp!];
    const k = create(rw, "arith.constant", [], [shr.operand(1).type], at, { value: c });
    const u = create(rw, "arith.shrui", [x, k.results[0]], [x.type], at);
    rw.replaceOp(op, create(rw, "arith.trunci", [u.results[0]], [op.results[0].type], at).results);
    return true;
  },
});

/// trunci(shrui(muli(ext(x), ext(y)), w)) -> the high half of mul*_extended(x, y) (TruncIShrUIMulIToMul*Extended).
const truncIShrUIMulIToMulExtended = (name: string, ext: string, mul: string): RewritePattern => pattern({
  name, root: "arith.trunci", benefit: 5,
  matchAndRewrite(op, rw) {
    const shr = defining(op.operand(0), "arith.shrui");
    const m = shr === null ? null : defining(shr.operand(0), "arith.muli");
    const ex = m === null ? null : defining(m.operand(0), ext), ey = m === null ? null : defining(m.operand(1), ext);
    if (shr === null || m === null || ex === null || ey === null) return false;
    const c = matchConstant(shr.operand(1));
    if (c === null) return false;
    const x = ex.operand(0), y = ey.operand(0), tr = op.results[0].type;
    if (x.type !== tr || y.type !== tr || widthOf(m.results[0].type) <= widthOf(x.type)) return false;
    if (intOrSplat(c) !== BigInt(widthOf(m.results[0].type) - widthOf(x.type))) return false;
    rw.replaceOp(op, [create(rw, mul, [x, y], [tr, tr], [op, ex, ey, m, shr.operand(1).definingOp!]).results[1]]);
    return true;
  },
});

/// bitcast(bitcast(x)) -> x (BitcastOfBitcast; as MLIR 19, the types of x and the result are not compared).
const bitcastOfBitcast = pattern({
  name: "BitcastOfBitcast", root: "arith.bitcast", benefit: 2,
  matchAndRewrite(op, rw) {
    const inner = defining(op.operand(0), "arith.bitcast");
    if (inner === null) return false;
    rw.replaceOp(op, [inner.operand(0)]);
    return true;
  },
});

/// An extended op whose second result is unused -> the plain op, with x for the unused result
/// (AddUIExtendedToAddI, MulSIExtendedToMulI, MulUIExtendedToMulI).
const extendedToPlain = (name: string, root: string, plain: string): RewritePattern => pattern({
  name, root,
  matchAndRewrite(op, rw) {
    if (!op.results[1].useEmpty) return false;
    const x = op.operand(0);
    const n = create(rw, plain, [x, op.operand(1)], [x.type], [op], { overflowFlags: getOverflowAttr(0) });
    rw.replaceOp(op, [n.results[0], x]);
    return true;
  },
});

/// mulsi_extended(x, 1) -> x, extsi(cmpi slt, x, 0) (MulSIExtendedRHSOne).
const mulSIExtendedRHSOne = pattern({
  name: "MulSIExtendedRHSOne", root: "arith.mulsi_extended",
  matchAndRewrite(op, rw) {
    if (intOrSplat(matchConstant(op.operand(1))) !== 1n) return false;
    const x = op.operand(0);
    if (x.type.kind !== TypeKind.Integer && x.type.kind !== TypeKind.Index) return false;
    const zero = create(rw, "arith.constant", [], [x.type], [op], { value: getIntegerAttr(x.type, 0) });
    const cmp = create(rw, "arith.cmpi", [x, zero.results[0]], [Builtin.i1], [op], { predicate: getPredicateAttr(cmpIPredicates.indexOf("slt")) });
    rw.replaceOp(op, [x, create(rw, "arith.extsi", [cmp.results[0]], [x.type], [op]).results[0]]);
    return true;
  },
});

/// The cast and extended-arithmetic patterns, by root op, in MLIR's order.
export const arithCastPatterns: readonly (readonly [string, readonly RewritePattern[]])[] = [
  ["arith.addui_extended", [extendedToPlain("AddUIExtendedToAddI", "arith.addui_extended", "arith.addi")]],
  ["arith.bitcast", [bitcastOfBitcast]],
  ["arith.mulsi_extended", [extendedToPlain("MulSIExtendedToMulI", "arith.mulsi_extended", "arith.muli"), mulSIExtendedRHSOne]],
  ["arith.mului_extended", [extendedToPlain("MulUIExtendedToMulI", "arith.mului_extended", "arith.muli")]],
  ["arith.trunci", [
    truncIOfExt("TruncIExtSIToExtSI", "arith.extsi"), truncIOfExt("TruncIExtUIToExtUI", "arith.extui"), truncIShrSIToTrunciShrUI,
    truncIShrUIMulIToMulExtended("TruncIShrUIMulIToMulSIExtended", "arith.extsi", "arith.mulsi_extended"),
    truncIShrUIMulIToMulExtended("TruncIShrUIMulIToMulUIExtended", "arith.extui", "arith.mului_extended"),
  ]],
];
