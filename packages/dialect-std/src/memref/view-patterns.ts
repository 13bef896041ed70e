// Canonicalization patterns of the memref view ops (MLIR 19's MemRefOps.cpp): subview and reinterpret_cast (the
// reshapes are in reshape-patterns.ts).
import { kDynamic, pattern, type MemRefType, type Operation, type PatternRewriter, type RewritePattern, type Value } from "@allo/ir-core";
import { createCast } from "./canonicalize.js";
import { canFoldIntoConsumer } from "./fold.js";
import { fromI64, stridedType, stridesAndOffset } from "./layout.js";
import { constantOfr, dispatchMixed, foldDynamicIndexList, isConstantIndex, mixedValues, offsetSizeStrideOperands, type Ofr } from "./mixed.js";
import { inferSubViewType, memrefRankReductionMask, staticList } from "./verify.js";

const staticOf = (list: readonly Ofr[]): number[] => dispatchMixed(list).statics.map(fromI64);

/// `type` without the dims flagged in `dropped`, keeping the offset (the rank-reduced form of an inferred subview type).
function dropDims(type: MemRefType, dropped: readonly boolean[]): MemRefType {
  if (!dropped.includes(true)) return type;
  const so = stridesAndOffset(type)!;
  const keep = (_x: number, i: number) => !dropped[i];
  return stridedType(type, type.shape.filter(keep), so.strides.filter(keep), so.offset);
}

/// Replaces the subview `op` by a subview of `source` with the given mixed offsets, sizes and strides (its type
/// inferred, then rank-reduced by `dropped`) cast back to `op`'s result type.
function replaceByCastSubView(rw: PatternRewriter, op: Operation, source: Value, offsets: readonly Ofr[], sizes: readonly Ofr[], strides: readonly Ofr[], dropped: readonly boolean[]): void {
  const type = dropDims(inferSubViewType(source.type as MemRefType, staticOf(offsets), staticOf(sizes), staticOf(strides)), dropped);
  const { operands, props } = offsetSizeStrideOperands(source, offsets, sizes, strides);
  const n = rw.create(op.def!, { operands, resultTypes: [type], props, loc: op.loc }).results[0];
  rw.replaceOp(op, [createCast(rw, n, op.results[0].type as MemRefType, op.loc)]);
}

/// Constant offsets, then sizes, then strides (one list per rewrite) become static; the subview of the new type is
/// cast back (OpWithOffsetSizesAndStridesConstantArgumentFolder with SubViewReturnTypeCanonicalizer).
const subViewConstantArgumentFolder = pattern({
  name: "OpWithOffsetSizesAndStridesConstantArgumentFolder", root: "memref.subview",
  matchAndRewrite(op, rw) {
    const offsets = mixedValues(op, 1, "static_offsets"), sizes = mixedValues(op, 2, "static_sizes"), strides = mixedValues(op, 3, "static_strides");
    if (!foldDynamicIndexList(offsets, true) && !foldDynamicIndexList(sizes, true) && !foldDynamicIndexList(strides, false)) return false;
    const dropped = memrefRankReductionMask(op.operand(0).type as MemRefType, op.results[0].type as MemRefType, staticList(op, "static_sizes"))!;
    replaceByCastSubView(rw, op, op.operand(0), offsets, sizes, strides, dropped);
    return true;
  },
});

/// subview(cast(x)) -> cast(subview(x)) for a cast that may fold into its users (SubViewOpMemRefCastFolder).
const subViewOpMemRefCastFolder = pattern({
  name: "SubViewOpMemRefCastFolder", root: "memref.subview",
  matchAndRewrite(op, rw) {
    if (op.operandValues().some(isConstantIndex)) return false;
    const cast = op.operand(0).definingOp;
    if (cast?.name !== "memref.cast" || !canFoldIntoConsumer(cast)) return false;
    const src = op.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
    const dropped = memrefRankReductionMask(src, res, staticList(op, "static_sizes"));
    if (dropped === null) return false;
    const offsets = mixedValues(op, 1, "static_offsets"), sizes = mixedValues(op, 2, "static_sizes"), strides = mixedValues(op, 3, "static_strides");
    replaceByCastSubView(rw, op, cast.operand(0), offsets, sizes, strides, dropped);
    return true;
  },
});

/// A subview with zero offsets, unit strides and the full static source sizes -> its source, or a cast of it
/// (TrivialSubViewOpFolder).
const trivialSubViewOpFolder = pattern({
  name: "TrivialSubViewOpFolder", root: "memref.subview",
  matchAndRewrite(op, rw) {
    const src = op.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
    if (src.shape.length !== res.shape.length) return false;
    if (!mixedValues(op, 1, "static_offsets").every((o) => constantOfr(o) === 0)) return false;
    if (!mixedValues(op, 3, "static_strides").every((o) => constantOfr(o) === 1)) return false;
    if (!mixedValues(op, 2, "static_sizes").every((o, i) => constantOfr(o) === src.shape[i])) return false;
    rw.replaceOp(op, [src === res ? op.operand(0) : createCast(rw, op.operand(0), res, op.loc)]);
    return true;
  },
});

// ---- reinterpret_cast ----

/// A mixed entry as MLIR 19's getConstified* lists compare it: a value, an i64 static entry, or a constant the type knows.
type Constified = { readonly v: Value } | { readonly i64: number } | { readonly index: number };

function constify(list: readonly Ofr[], known: readonly number[]): Constified[] {
  return list.map((x, i) => (known[i] !== kDynamic ? { index: known[i] } : typeof x === "number" ? { i64: x } : { v: x }));
}
function sameConstified(a: readonly Constified[], b: readonly Constified[]): boolean {
  const key = (c: Constified) => ("v" in c ? c.v : "i64" in c ? `i${c.i64}` : `x${c.index}`);
  return a.length === b.length && a.every((c, i) => key(c) === key(b[i]));
}

/// reinterpret_cast(extract_strided_metadata(x)) rebuilding x's offset, sizes and strides -> x, or a cast of x
/// (ReinterpretCastOpExtractStridedMetadataFolder).
const reinterpretCastOfExtractStridedMetadata = pattern({
  name: "ReinterpretCastOpExtractStridedMetadataFolder", root: "memref.reinterpret_cast",
  matchAndRewrite(op, rw) {
    const esm = op.operand(0).definingOp;
    if (esm?.name !== "memref.extract_strided_metadata") return false;
    const src = esm.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
    const rank = res.shape.length;
    const s = stridesAndOffset(src)!, r = stridesAndOffset(res)!;
    const esmStrides = constify(esm.results.slice(2 + rank), s.strides), rcStrides = constify(mixedValues(op, 3, "static_strides"), r.strides);
    if (!sameConstified(esmStrides, rcStrides)) return false;
    const esmSizes = constify(esm.results.slice(2, 2 + rank), src.shape), rcSizes = constify(mixedValues(op, 2, "static_sizes"), res.shape);
    if (!sameConstified(esmSizes, rcSizes)) return false;
    if (!sameConstified(constify([esm.results[1]], [s.offset]), constify(mixedValues(op, 1, "static_offsets"), [r.offset]))) return false;
    rw.replaceOp(op, [src === res ? esm.operand(0) : createCast(rw, esm.operand(0), res, op.loc)]);
    return true;
  },
});

/// The patterns of the memref view ops, by op name in MLIR's order.
export const memrefViewPatterns: readonly (readonly [string, readonly RewritePattern[]])[] = [
  ["memref.reinterpret_cast", [reinterpretCastOfExtractStridedMetadata]],
  ["memref.subview", [subViewConstantArgumentFolder, subViewOpMemRefCastFolder, trivialSubViewOpFolder]],
];
