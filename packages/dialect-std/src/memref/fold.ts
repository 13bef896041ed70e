// Folders of the memref ops (MLIR 19's MemRefOps.cpp): casts folded into their users, dims of known sizes, trivial
// views and reshapes.
import {
  AttrKind, Builtin, getAffineMapAttr, getIndexAttr, kDynamic, OpBuilder, TypeKind, type AffineMapAttr, type Attribute, type FoldResult,
  type IntegerAttr, type MemRefType, type Operation, type Type, type Value,
} from "@allo/ir-core";
import { ArithConstantOp } from "../arith/ops.js";
import { stridesAndOffset } from "./layout.js";
import { constantOfr, mixedValues, type Ofr } from "./mixed.js";
import { memrefRankReductionMask, reassociation, staticList } from "./verify.js";

type Operands = readonly (Attribute | null)[];

const isRanked = (t: Type): t is MemRefType => t.kind === TypeKind.MemRef;

/// Replaces each operand defined by a `memref.cast` of a ranked memref by the cast's source, except `inner` (MLIR's
/// foldMemRefCast); true if any changed.
export function foldMemRefCast(op: Operation, inner: Value | null = null): boolean {
  let folded = false;
  for (const o of op.operands) {
    const cast = o.value.definingOp;
    if (cast === null || cast.name !== "memref.cast" || o.value === inner || cast.operand(0).type.kind === TypeKind.UnrankedMemRef) continue;
    o.set(cast.operand(0));
    folded = true;
  }
  return folded;
}

/// True if a `memref.cast` only makes sizes, offset or strides more dynamic, so its users may take its source
/// (MLIR's CastOp::canFoldIntoConsumerOp).
export function canFoldIntoConsumer(cast: Operation): boolean {
  const src = cast.operand(0).type, res = cast.results[0].type;
  if (!isRanked(src) || !isRanked(res) || src.elementType !== res.elementType || src.shape.length !== res.shape.length) return false;
  const a = stridesAndOffset(src), b = stridesAndOffset(res);
  if (a === null || b === null) return false;
  const moreStatic = (x: number, y: number) => x !== y && x === kDynamic && y !== kDynamic;
  if (src.shape.some((d, i) => moreStatic(d, res.shape[i]))) return false;
  if (moreStatic(a.offset, b.offset)) return false;
  return !a.strides.some((s, i) => moreStatic(s, b.strides[i]));
}

const inPlace = (op: Operation, changed: boolean): FoldResult => (changed ? op.results : null);

/// cast(cast(x)) -> cast(x); a cast to its operand's type -> the operand (CastOpInterface).
export function foldCast(op: Operation): FoldResult {
  const changed = foldMemRefCast(op);
  if (op.operand(0).type === op.results[0].type) return [op.operand(0)];
  return inPlace(op, changed);
}

/// copy(cast(x), cast(y)) -> copy(x, y) for casts that may fold into their users.
export function foldCopy(op: Operation): FoldResult {
  let changed = false;
  for (const o of op.operands) {
    const cast = o.value.definingOp;
    if (cast !== null && cast.name === "memref.cast" && canFoldIntoConsumer(cast)) { o.set(cast.operand(0)); changed = true; }
  }
  return inPlace(op, changed);
}

/// op(cast(x)) -> op(x) for load, dealloc, dma_start, dma_wait and prefetch.
export function foldCastOperands(op: Operation): FoldResult { return inPlace(op, foldMemRefCast(op)); }

/// store(v, cast(x)) -> store(v, x) (the stored value is kept).
export function foldStore(op: Operation): FoldResult { return inPlace(op, foldMemRefCast(op, op.operand(0))); }

/// atomic_rmw(v, cast(x)) -> atomic_rmw(v, x).
export function foldAtomicRmw(op: Operation): FoldResult { return inPlace(op, foldMemRefCast(op, op.operand(0))); }

/// memory_space_cast(memory_space_cast(x)) -> memory_space_cast(x).
export function foldMemorySpaceCast(op: Operation): FoldResult {
  const inner = op.operand(0).definingOp;
  if (inner === null || inner.name !== "memref.memory_space_cast") return null;
  op.operands[0].set(inner.operand(0));
  return op.results;
}

/// rank of a ranked memref -> constant.
export function foldRank(op: Operation): FoldResult {
  const t = op.operand(0).type;
  return isRanked(t) ? [getIndexAttr(t.shape.length)] : null;
}

// The position of dim `i` among the dynamic dims of `t` (MemRefType::getDynamicDimIndex).
function dynamicDimIndex(t: MemRefType, i: number): number {
  return t.shape.slice(0, i).filter((d) => d === kDynamic).length;
}

/// The dynamic size of `subview`'s result dim `i` (dims dropped by rank reduction skipped).
function subviewDynamicSize(subview: Operation, i: number): Value | null {
  const src = subview.operand(0).type as MemRefType, res = subview.results[0].type as MemRefType;
  const dropped = memrefRankReductionMask(src, res, staticList(subview, "static_sizes"));
  if (dropped === null) return null;
  let k = 0;
  for (let s = 0; s < dropped.length; s++) {
    if (dropped[s]) continue;
    if (k++ === i) {
      const size = mixedValues(subview, 2, "static_sizes")[s];
      return typeof size === "number" ? null : size;
    }
  }
  return null;
}

/// dim of a static size -> constant; dim of a dynamic size of alloc, alloca, view, subview or reinterpret_cast -> the
/// size operand; dim(cast(x)) -> dim(x). Only with a constant in-bounds index.
export function foldDim(op: Operation, ops: Operands): FoldResult {
  const idx = ops[1];
  if (idx === null || idx === undefined || idx.kind !== AttrKind.Integer) return null;
  const t = op.operand(0).type;
  if (!isRanked(t)) return null;
  const i = (idx as IntegerAttr).num;
  if (i < 0 || i >= t.shape.length) return null;
  if (t.shape[i] !== kDynamic) return [getIndexAttr(t.shape[i])];
  const def = op.operand(0).definingOp;
  switch (def?.name) {
    case "memref.alloc": case "memref.alloca": return [def.operand(dynamicDimIndex(t, i))];
    case "memref.view": return [def.operand(2 + dynamicDimIndex(t, i))];
    case "memref.subview": { const v = subviewDynamicSize(def, i); return v === null ? null : [v]; }
    case "memref.reinterpret_cast": {
      const size = mixedValues(def, 2, "static_sizes")[i];
      return size === undefined || typeof size === "number" ? null : [size];
    }
    default: return inPlace(op, foldMemRefCast(op));
  }
}

/// The uses of the offset, size and stride results of `extract_strided_metadata` whose values the source type knows
/// are replaced by constants built before the op (MLIR 19's ExtractStridedMetadataOp::fold).
export function foldExtractStridedMetadata(op: Operation): FoldResult {
  const t = op.operand(0).type as MemRefType;
  const so = stridesAndOffset(t)!;
  const known = [so.offset, ...t.shape, ...so.strides];
  const b = OpBuilder.before(op);
  let changed = false;
  known.forEach((k, i) => {
    const r = op.results[1 + i];
    if (k === kDynamic || r.useEmpty) return;
    const c = b.create(ArithConstantOp, { resultTypes: [Builtin.index], props: { value: getIndexAttr(k) }, loc: op.loc });
    while (r.firstUse !== null) r.firstUse.set(c.results[0]);
    changed = true;
  });
  return inPlace(op, changed);
}

/// reinterpret_cast(reinterpret_cast(x)), reinterpret_cast(cast(x)) and reinterpret_cast(subview(x)) with zero
/// offsets take x (in place); a static reinterpret_cast to its operand's type with offset 0 -> the operand.
export function foldReinterpretCast(op: Operation): FoldResult {
  const src = op.operand(0);
  const prev = src.definingOp;
  let prevSrc: Value | null = null;
  if (prev?.name === "memref.reinterpret_cast" || prev?.name === "memref.cast") prevSrc = prev.operand(0);
  else if (prev?.name === "memref.subview" && mixedValues(prev, 1, "static_offsets").every((o) => constantOfr(o) === 0)) prevSrc = prev.operand(0);
  if (prevSrc !== null) {
    op.operands[0].set(prevSrc);
    return op.results;
  }
  const t = op.results[0].type as MemRefType;
  if (t.hasStaticShape && src.type === t && staticList(op, "static_offsets")[0] === 0) return [src];
  return null;
}

/// A subview to its source's static type -> the source; subview(subview(x)) with zero offsets, unit strides and the
/// same sizes -> the inner subview.
export function foldSubView(op: Operation): FoldResult {
  const src = op.operand(0), res = op.results[0].type as MemRefType;
  if (res.hasStaticShape && res === src.type) return [src];
  const inner = src.definingOp;
  if (inner?.name !== "memref.subview") return null;
  const sizes = mixedValues(op, 2, "static_sizes"), innerSizes = mixedValues(inner, 2, "static_sizes");
  const sameSizes = sizes.length === innerSizes.length && sizes.every((x, i) => x === innerSizes[i]);
  const zeroOffsets = mixedValues(op, 1, "static_offsets").every((o: Ofr) => constantOfr(o) === 0);
  const unitStrides = mixedValues(op, 3, "static_strides").every((o: Ofr) => constantOfr(o) === 1);
  return zeroOffsets && unitStrides && sameSizes && res === src.type ? [src] : null;
}

/// An identity transpose to its operand's type -> the operand; transpose(transpose(x)) -> one transpose (in place).
export function foldTranspose(op: Operation): FoldResult {
  const perm = (op.props.get("permutation") as AffineMapAttr).map;
  if (perm.isIdentity() && op.operand(0).type === op.results[0].type) return [op.operand(0)];
  const inner = op.operand(0).definingOp;
  if (inner?.name !== "memref.transpose") return null;
  const composed = perm.compose((inner.props.get("permutation") as AffineMapAttr).map);
  op.operands[0].set(inner.operand(0));
  op.setProp("permutation", getAffineMapAttr(composed));
  return op.results;
}

/// collapse_shape / expand_shape: to the operand's type -> the operand; of the inverse reshape whose source has the
/// result type -> that source, if that type has at most one dynamic dim, or both reshapes have the same groups and
/// either expand then collapse or have at most one dynamic dim per group (MLIR 19's foldReshapeOp).
export function foldReshape(op: Operation, inverse: string): FoldResult {
  const src = op.operand(0), res = op.results[0].type as MemRefType;
  if (src.type === res) return [src];
  const prev = src.definingOp;
  if (prev?.name !== inverse || prev.operand(0).type !== res) return null;
  const dynamicDims = (shape: readonly number[]) => shape.filter((d) => d === kDynamic).length;
  if (dynamicDims(res.shape) < 2) return [prev.operand(0)];
  const groups = reassociation(op), prevGroups = reassociation(prev);
  if (groups.length !== prevGroups.length || groups.some((g, i) => g.length !== prevGroups[i].length || g.some((d, k) => d !== prevGroups[i][k]))) return null;
  if (res.shape.length < (prev.results[0].type as MemRefType).shape.length) return [prev.operand(0)];
  return groups.every((g) => dynamicDims(res.shape.slice(g[0], g[0] + g.length)) < 2) ? [prev.operand(0)] : null;
}
