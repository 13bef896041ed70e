// Verifiers of the memref ops, with MLIR 19's diagnostics (MemRefOps.cpp, ViewLikeInterface.cpp).
import {
  AttrKind, Builtin, getMemRefType, getTensorType, kDynamic, lookupSymbolFrom, Trait, TypeKind, type ArrayAttr, type AffineMapAttr,
  type DenseArrayAttr, type DenseElementsAttr, type IntegerAttr, type MemRefType, type Operation, type OpVerifyContext,
  type ShapedType, type StridedLayoutAttr, type StringAttr, type SymbolRefAttr, type Type, type TypeAttr, type UnrankedMemRefType,
} from "@allo/ir-core";
import {
  canonicalizeStridedLayout, fromI64, rankReductionMask, satAdd, satMul, stridedType, stridesAndOffset, type StridesAndOffset,
} from "./layout.js";

const q = (t: Type | string): string => `'${String(t)}'`;

/// The values of a `DenseI64ArrayAttr` property, `kDynamic` for dynamic entries.
export function staticList(op: Operation, name: string): number[] {
  return (op.props.get(name) as DenseArrayAttr).values.map(fromI64);
}

/// The reassociation groups of `collapse_shape` / `expand_shape`.
export function reassociation(op: Operation): number[][] {
  return (op.props.get("reassociation") as ArrayAttr).elements.map((g) => (g as ArrayAttr).elements.map((i) => (i as IntegerAttr).num));
}

function rankOf(t: Type): number { return (t as MemRefType).shape.length; }

// The symbols of the layout's affine map (a strided layout has one per dynamic offset or stride).
function layoutSymbolCount(t: MemRefType): number {
  const l = t.layout;
  if (l === null) return 0;
  if (l.kind === AttrKind.AffineMap) return (l as AffineMapAttr).map.numSymbols;
  if (l.kind !== AttrKind.StridedLayout) return 0;
  const s = l as StridedLayoutAttr;
  return (s.offset === kDynamic ? 1 : 0) + s.strides.filter((x) => x === kDynamic).length;
}

/// `alloc` / `alloca`: dynamic sizes and layout symbols match the type.
export function verifyAllocLike(op: Operation, v: OpVerifyContext): boolean {
  const t = op.results[0].type as MemRefType;
  const sizes = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values;
  if (sizes[0] !== t.shape.filter((d) => d === kDynamic).length) return v.error("dimension operand count does not equal memref dynamic dimension count");
  const symbols = layoutSymbolCount(t);
  if (sizes[1] !== symbols) return v.error(`symbol operand count does not equal memref symbol count: expected ${symbols}, got ${sizes[1]}`);
  return true;
}

/// `alloca` also needs an enclosing AutomaticAllocationScope.
export function verifyAlloca(op: Operation, v: OpVerifyContext): boolean {
  let p = op.parentOp;
  while (p !== null && !p.hasTrait(Trait.AutomaticAllocationScope)) p = p.parentOp;
  if (p === null) return v.error("requires an ancestor op with AutomaticAllocationScope trait");
  return verifyAllocLike(op, v);
}

function hasIdentityLayout(t: MemRefType): boolean { return t.layout === null; }

/// `realloc`: identity layouts, same memory space and element type, a size operand iff dynamic.
export function verifyRealloc(op: Operation, v: OpVerifyContext): boolean {
  const src = op.operand(0).type as MemRefType;
  const res = op.results[0].type as MemRefType;
  if (!hasIdentityLayout(src)) return v.plainError(`unsupported layout for source memref type ${q(src)}`);
  if (!hasIdentityLayout(res)) return v.plainError(`unsupported layout for result memref type ${q(res)}`);
  if (src.memorySpace !== res.memorySpace) return v.plainError(`different memory spaces specified for source memref type ${q(src)} and result memref type ${q(res)}`);
  if (src.elementType !== res.elementType) return v.plainError(`different element types specified for source memref type ${q(src)} and result memref type ${q(res)}`);
  const dynamic = res.shape.includes(kDynamic);
  if (dynamic && op.operands.length < 2) return v.plainError(`missing dimension operand for result type ${q(res)}`);
  if (!dynamic && op.operands.length > 1) return v.plainError(`unnecessary dimension operand for result type ${q(res)}`);
  return true;
}

/// `load`: the result is the element type; one index per dimension.
export function verifyLoad(op: Operation, v: OpVerifyContext): boolean {
  const t = op.operand(0).type as MemRefType;
  if (op.results[0].type !== t.elementType) return v.error("failed to verify that result type matches element type of 'memref'");
  const n = op.operands.length - 1;
  if (n !== t.shape.length) return v.error(`incorrect number of indices for load, expected ${t.shape.length} but got ${n}`);
  return true;
}

/// `store`: the value is of the element type; one index per dimension.
export function verifyStore(op: Operation, v: OpVerifyContext): boolean {
  const t = op.operand(1).type as MemRefType;
  if (op.operand(0).type !== t.elementType) return v.error("failed to verify that type of 'value' matches element type of 'memref'");
  if (op.operands.length !== 2 + t.shape.length) return v.error("store index operand count not equal to memref rank");
  return true;
}

/// MLIR's CastOp::areCastCompatible.
export function castCompatible(a: Type, b: Type): boolean {
  if (a.kind === TypeKind.MemRef && b.kind === TypeKind.MemRef) {
    const at = a as MemRefType, bt = b as MemRefType;
    if (at.elementType !== bt.elementType) return false;
    if (at.layout !== bt.layout) {
      const as = stridesAndOffset(at), bs = stridesAndOffset(bt);
      if (as === null || bs === null || as.strides.length !== bs.strides.length) return false;
      const ok = (x: number, y: number) => x === kDynamic || y === kDynamic || x === y;
      if (!ok(as.offset, bs.offset)) return false;
      for (let i = 0; i < as.strides.length; i++) if (!ok(as.strides[i], bs.strides[i])) return false;
    }
    if (at.memorySpace !== bt.memorySpace || at.shape.length !== bt.shape.length) return false;
    for (let i = 0; i < at.shape.length; i++) {
      if (at.shape[i] !== kDynamic && bt.shape[i] !== kDynamic && at.shape[i] !== bt.shape[i]) return false;
    }
    return true;
  }
  const memrefLike = (t: Type) => t.kind === TypeKind.MemRef || t.kind === TypeKind.UnrankedMemRef;
  if (!memrefLike(a) || !memrefLike(b) || (a.kind === TypeKind.UnrankedMemRef && b.kind === TypeKind.UnrankedMemRef)) return false;
  const space = (t: Type) => (t as MemRefType | UnrankedMemRefType).memorySpace;
  return (a as ShapedType).elementType === (b as ShapedType).elementType && space(a) === space(b);
}

/// `cast` (CastOpInterface).
export function verifyCast(op: Operation, v: OpVerifyContext): boolean {
  const a = op.operand(0).type, b = op.results[0].type;
  if (!castCompatible(a, b)) return v.error(`operand type ${q(a)} and result type ${q(b)} are cast incompatible`);
  return true;
}

/// `copy`: SameOperandsElementType and SameOperandsShape.
export function verifyCopy(op: Operation, v: OpVerifyContext): boolean {
  const a = op.operand(0).type as ShapedType, b = op.operand(1).type as ShapedType;
  if (a.elementType !== b.elementType) return v.error("requires the same element type for all operands");
  if (a.hasRank && b.hasRank) {
    const sa = a.shape, sb = b.shape;
    if (sa.length !== sb.length || sa.some((d, i) => d !== kDynamic && sb[i] !== kDynamic && d !== sb[i])) return v.error("requires the same shape for all operands");
  }
  return true;
}

/// `global`: a static memref type; the initial value is `unit` or elements of the matching tensor type.
export function verifyGlobal(op: Operation, v: OpVerifyContext): boolean {
  const t = (op.props.get("type") as TypeAttr).type;
  if (t.kind !== TypeKind.MemRef || !(t as MemRefType).hasStaticShape) return v.error(`type should be static shaped memref, but got ${q(t)}`);
  const init = op.props.get("initial_value");
  if (init !== null && init.kind !== AttrKind.Unit) {
    const isElements = init.kind === AttrKind.DenseElements || init.kind === AttrKind.SparseElements || init.kind === AttrKind.DenseResourceElements || init.kind === AttrKind.DenseStringElements;
    if (!isElements) return v.error(`initial value should be a unit or elements attribute, but got ${String(init)}`);
    const mt = t as MemRefType;
    const want = getTensorType(mt.shape, mt.elementType);
    const got = (init as DenseElementsAttr).type;
    if (got !== want) return v.error(`initial value expected to be of type ${q(want)}, but was of type ${q(got)}`);
  }
  const align = op.props.get("alignment");
  if (align !== null && align.kind === AttrKind.Integer) {
    const a = (align as IntegerAttr).big;
    if (a <= 0n || (a & (a - 1n)) !== 0n) return v.plainError(`alignment attribute value ${a} is not a power of 2`);
  }
  return true;
}

/// `get_global`: names a `memref.global` of the result type.
export function verifyGetGlobal(op: Operation, v: OpVerifyContext): boolean {
  const ref = op.props.get("name") as SymbolRefAttr;
  const g = lookupSymbolFrom(op, ref);
  if (g === null || g.name !== "memref.global") return v.error(`'${ref.leaf}' does not reference a valid global memref`);
  const gt = (g.props.get("type") as TypeAttr).type;
  const rt = op.results[0].type;
  if (gt !== rt) return v.error(`result type ${q(rt)} does not match type ${q(gt)} of the global memref @${(g.props.get("sym_name") as StringAttr).value}`);
  return true;
}

// MLIR's verifyListOfOperandsOrIntegers.
function verifyList(v: OpVerifyContext, name: string, num: number, statics: readonly number[], dynamics: number): boolean {
  if (statics.length !== num) return v.plainError(`expected ${num} ${name} values, got ${statics.length}`);
  const want = statics.filter((x) => x === kDynamic).length;
  if (dynamics !== want) return v.plainError(`expected ${want} dynamic ${name} values`);
  return true;
}

/// OffsetSizeAndStrideOpInterface: list lengths against `maxRanks` and the dynamic operand counts.
export function verifyOffsetSizeStride(op: Operation, v: OpVerifyContext, maxRanks: readonly [number, number, number]): boolean {
  const offsets = staticList(op, "static_offsets"), sizes = staticList(op, "static_sizes"), strides = staticList(op, "static_strides");
  if (!(offsets.length === 1 && maxRanks[0] === 1) && offsets.length !== sizes.length) {
    return v.plainError(`expected mixed offsets rank to match mixed sizes rank (${offsets.length} vs ${sizes.length}) so the rank of the result type is well-formed.`);
  }
  if (sizes.length !== strides.length) return v.plainError(`expected mixed sizes rank to match mixed strides rank (${sizes.length} vs ${strides.length}) so the rank of the result type is well-formed.`);
  const seg = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values;
  if (!(verifyList(v, "offset", maxRanks[0], offsets, seg[1]) && verifyList(v, "size", maxRanks[1], sizes, seg[2]) && verifyList(v, "stride", maxRanks[2], strides, seg[3]))) return false;
  for (const o of offsets) if (o < 0 && o !== kDynamic) return v.plainError(`expected offsets to be non-negative, but got ${o}`);
  for (const s of sizes) if (s < 0 && s !== kDynamic) return v.plainError(`expected sizes to be non-negative, but got ${s}`);
  return true;
}

/// SubViewOp::inferResultType: the non-rank-reduced result type of a subview.
export function inferSubViewType(src: MemRefType, offsets: readonly number[], sizes: readonly number[], strides: readonly number[]): MemRefType {
  const so = stridesAndOffset(src)!;
  let offset = so.offset;
  for (let i = 0; i < offsets.length; i++) offset = satAdd(offset, satMul(offsets[i], so.strides[i]));
  return stridedType(src, sizes, so.strides.map((s, i) => satMul(s, strides[i])), offset);
}

function occurrences(xs: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/// MLIR's computeMemRefRankReductionMask: the dims of `original` dropped in `reduced` (told apart by their strides), or
/// null; `sizes` are the static sizes (`kDynamic` where dynamic).
export function memrefRankReductionMask(original: MemRefType, reduced: MemRefType, sizes: readonly number[]): boolean[] | null {
  const unused = original.shape.map(() => false);
  if (original.shape.length === reduced.shape.length) return unused;
  sizes.forEach((s, i) => { if (s === 1) unused[i] = true; });
  const count = () => unused.filter((x) => x).length;
  if (count() + reduced.shape.length === original.shape.length) return unused;
  const os = stridesAndOffset(original), rs = stridesAndOffset(reduced);
  if (os === null || rs === null) return null;
  const left = occurrences(os.strides), cand = occurrences(rs.strides);
  for (let d = 0; d < unused.length; d++) {
    if (!unused[d]) continue;
    const s = os.strides[d];
    const l = left.get(s) ?? 0, c = cand.get(s) ?? 0;
    if (l > c) left.set(s, l - 1);
    else if (l === c) unused[d] = false;
    else return null;
  }
  return count() + reduced.shape.length === original.shape.length ? unused : null;
}

function compatibleStrides(a: StridesAndOffset, b: StridesAndOffset, dropped: readonly boolean[]): boolean {
  for (let i = 0, j = 0; i < a.strides.length; i++) {
    if (dropped[i]) continue;
    if (a.strides[i] !== b.strides[j++]) return false;
  }
  return true;
}

/// `subview`: the result is the inferred type or a rank-reduced version of it.
export function verifySubView(op: Operation, v: OpVerifyContext): boolean {
  const base = op.operand(0).type as MemRefType;
  if (!verifyOffsetSizeStride(op, v, [base.shape.length, base.shape.length, base.shape.length])) return false;
  const res = op.results[0].type as MemRefType;
  if (base.memorySpace !== res.memorySpace) return v.plainError(`different memory spaces specified for base memref type ${q(base)} and subview memref type ${q(res)}`);
  if (stridesAndOffset(base) === null) return v.plainError(`base type ${q(base)} is not strided`);
  const sizes = staticList(op, "static_sizes");
  const expected = inferSubViewType(base, staticList(op, "static_offsets"), sizes, staticList(op, "static_strides"));
  const layoutMismatch = () => v.plainError(`expected result type to be ${q(expected)} or a rank-reduced version. (mismatch of result layout) `);
  if (expected !== res) {
    if (res.shape.length > expected.shape.length) return v.plainError("expected result rank to be smaller or equal to the source rank. ");
    if (rankReductionMask(expected.shape, res.shape) === null) return v.plainError(`expected result type to be ${q(expected)} or a rank-reduced version. (mismatch of result sizes) `);
    if (expected.elementType !== res.elementType) return v.plainError(`expected result element type to be ${q(expected.elementType)}`);
  }
  const eso = stridesAndOffset(expected)!, rso = stridesAndOffset(res);
  if (rso === null || eso.offset !== rso.offset) return layoutMismatch();
  const dropped = memrefRankReductionMask(expected, res, sizes);
  if (dropped === null || !compatibleStrides(eso, rso, dropped)) return layoutMismatch();
  return true;
}

/// `reinterpret_cast`: the result type agrees with the static offset, sizes and strides.
export function verifyReinterpretCast(op: Operation, v: OpVerifyContext): boolean {
  const res = op.results[0].type as MemRefType;
  if (!verifyOffsetSizeStride(op, v, [1, res.shape.length, res.shape.length])) return false;
  const src = op.operand(0).type as ShapedType & { memorySpace: unknown };
  if (src.memorySpace !== res.memorySpace) return v.plainError(`different memory spaces specified for source type ${q(src)} and result memref type ${q(res)}`);
  if (src.elementType !== res.elementType) return v.plainError(`different element types specified for source type ${q(src)} and result memref type ${q(res)}`);
  const sizes = staticList(op, "static_sizes");
  for (let i = 0; i < res.shape.length; i++) {
    if (res.shape[i] !== kDynamic && sizes[i] !== kDynamic && res.shape[i] !== sizes[i]) return v.plainError(`expected result type with size = ${sizes[i]} instead of ${res.shape[i]} in dim = ${i}`);
  }
  const so = stridesAndOffset(res);
  if (so === null) return v.plainError(`expected result type to have strided layout but found ${q(res)}`);
  const offset = staticList(op, "static_offsets")[0];
  if (so.offset !== kDynamic && offset !== kDynamic && so.offset !== offset) return v.plainError(`expected result type with offset = ${offset} instead of ${so.offset}`);
  const strides = staticList(op, "static_strides");
  for (let i = 0; i < so.strides.length; i++) {
    if (so.strides[i] !== kDynamic && strides[i] !== kDynamic && so.strides[i] !== strides[i]) return v.plainError(`expected result type with stride = ${strides[i]} instead of ${so.strides[i]} in dim = ${i}`);
  }
  return true;
}

// MLIR's verifyCollapsedShape.
function verifyCollapsedShape(v: OpVerifyContext, collapsed: readonly number[], expanded: readonly number[], groups: readonly number[][]): boolean {
  if (collapsed.length !== groups.length) return v.error(`invalid number of reassociation groups: found ${groups.length}, expected ${collapsed.length}`);
  let next = 0;
  for (let g = 0; g < groups.length; g++) {
    let foundDynamic = false;
    for (const d of groups[g]) {
      if (d !== next++) return v.error("reassociation indices must be contiguous");
      if (d >= expanded.length) return v.error(`reassociation index ${d} is out of bounds`);
      if (expanded[d] === kDynamic) foundDynamic = true;
    }
    if ((collapsed[g] === kDynamic) !== foundDynamic) return v.error(`collapsed dim (${g}) must be dynamic if and only if reassociation group is dynamic`);
    if (!foundDynamic) {
      let size = 1;
      for (const d of groups[g]) size *= expanded[d];
      if (size !== collapsed[g]) return v.error(`collapsed dim size (${collapsed[g]}) must equal reassociation group size (${size})`);
    }
  }
  if (collapsed.length === 0) {
    if (expanded.some((d) => d !== 1)) return v.error("rank 0 memrefs can only be extended/collapsed with/from ones");
  } else if (next !== expanded.length) return v.error(`expanded rank (${expanded.length}) inconsistent with number of reassociation indices (${next})`);
  return true;
}

/// MLIR's computeCollapsedLayoutMap (non-strict): null when collapsing non-contiguous dims.
export function collapsedLayout(src: MemRefType, groups: readonly number[][]): StridesAndOffset | null {
  const so = stridesAndOffset(src);
  if (so === null) return null;
  const shape = src.shape;
  const strides = groups.map((g) => {
    let k = g.length;
    while (k > 1 && shape[g[k - 1]] === 1) k--;
    return shape[g[k - 1]] !== kDynamic || k === 1 ? so.strides[g[k - 1]] : kDynamic;
  });
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    let stride = strides[gi];
    const g = groups[gi];
    for (let k = g.length - 1; k >= 1; k--) {
      stride = satMul(stride, shape[g[k]]);
      const srcStride = so.strides[g[k] - 1];
      if (shape[g[k] - 1] === 1) continue;
      if (stride !== kDynamic && srcStride !== kDynamic && stride !== srcStride) return null;
    }
  }
  return { strides, offset: so.offset };
}

/// `collapse_shape`: a contiguous regrouping into the expected collapsed type.
export function verifyCollapseShape(op: Operation, v: OpVerifyContext): boolean {
  const src = op.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
  const r0 = src.shape.length, r1 = res.shape.length;
  if (r0 < r1) return v.error(`has source rank ${r0} and result rank ${r1}. This is not a collapse (${r0} < ${r1}).`);
  const groups = reassociation(op);
  if (!verifyCollapsedShape(v, res.shape, src.shape, groups)) return false;
  let expected: MemRefType;
  if (src.layout === null) expected = getMemRefType(res.shape, src.elementType, null, src.memorySpace);
  else {
    const l = collapsedLayout(src, groups);
    if (l === null) return v.error("invalid source layout map or collapsing non-contiguous dims");
    expected = stridedType(src, res.shape, l.strides, l.offset);
  }
  if (expected !== res) return v.error(`expected collapsed type to be ${q(expected)} but found ${q(res)}`);
  return true;
}

// ExpandShapeOp::computeExpandedType.
function expandedType(src: MemRefType, shape: readonly number[], groups: readonly number[][]): MemRefType | null {
  if (src.layout === null) return getMemRefType(shape, src.elementType, null, src.memorySpace);
  const so = stridesAndOffset(src);
  if (so === null) return null;
  const strides = new Array<number>(shape.length).fill(1);
  let at = shape.length - 1;
  for (let g = groups.length - 1; g >= 0; g--) {
    let s = so.strides[g];
    for (let k = 0; k < groups[g].length; k++) {
      strides[at] = s;
      s = satMul(s, shape[at--]);
    }
  }
  return stridedType(src, shape, strides, so.offset);
}

/// `expand_shape`: the expected expanded type and an output shape that agrees with it.
export function verifyExpandShape(op: Operation, v: OpVerifyContext): boolean {
  const src = op.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
  const r0 = src.shape.length, r1 = res.shape.length;
  if (r0 > r1) return v.error(`has source rank ${r0} and result rank ${r1}. This is not an expansion (${r0} > ${r1}).`);
  const groups = reassociation(op);
  if (!verifyCollapsedShape(v, src.shape, res.shape, groups)) return false;
  const expected = expandedType(src, res.shape, groups);
  if (expected === null) return v.error("invalid source layout map");
  if (expected !== res) return v.error(`expected expanded type to be ${q(expected)} but found ${q(res)}`);
  const out = staticList(op, "static_output_shape");
  if (out.length !== r1) return v.error(`expected number of static shape bounds to be equal to the output rank (${r1}) but found ${out.length} inputs instead`);
  const dyn = out.filter((d) => d === kDynamic).length;
  if (op.operands.length - 1 !== dyn) return v.error(`mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has ${dyn} dynamic dims while output_shape has ${op.operands.length - 1} values`);
  for (let i = 0; i < r1; i++) if (res.shape[i] !== kDynamic && res.shape[i] !== out[i]) return v.error(`invalid output shape provided at pos ${i}`);
  return true;
}

/// `view`: identity layouts, one size operand per dynamic dimension.
export function verifyView(op: Operation, v: OpVerifyContext): boolean {
  const base = op.operand(0).type as MemRefType, view = op.results[0].type as MemRefType;
  if (base.layout !== null) return v.plainError(`unsupported map for base memref type ${q(base)}`);
  if (view.layout !== null) return v.plainError(`unsupported map for result memref type ${q(view)}`);
  if (base.memorySpace !== view.memorySpace) return v.plainError(`different memory spaces specified for base memref type ${q(base)} and view memref type ${q(view)}`);
  if (op.operands.length - 2 !== view.shape.filter((d) => d === kDynamic).length) return v.plainError(`incorrect number of size operands for type ${q(view)}`);
  return true;
}

/// `reshape`: same element type, identity layouts, a static shape operand for a ranked result.
export function verifyReshape(op: Operation, v: OpVerifyContext): boolean {
  const src = op.operand(0).type as ShapedType, res = op.results[0].type as ShapedType;
  if (src.elementType !== res.elementType) return v.error("element types of source and destination memref types should be the same");
  if (src.kind === TypeKind.MemRef && (src as MemRefType).layout !== null) return v.error("source memref type should have identity affine map");
  const shapeSize = (op.operand(1).type as MemRefType).shape[0];
  if (res.kind === TypeKind.MemRef) {
    if ((res as MemRefType).layout !== null) return v.error("result memref type should have identity affine map");
    if (shapeSize === kDynamic) return v.error("cannot use shape operand with dynamic length to reshape to statically-ranked memref type");
    if (shapeSize !== res.shape.length) return v.error("length of shape operand differs from the result's memref rank");
  }
  return true;
}

/// `extract_strided_metadata`: the result types inferred from the source.
export function verifyExtractStridedMetadata(op: Operation, v: OpVerifyContext): boolean {
  const src = op.operand(0).type as MemRefType;
  const idx = Builtin.index;
  const want = [getMemRefType([], src.elementType, null, src.memorySpace), ...new Array<Type>(1 + 2 * src.shape.length).fill(idx)];
  const got = op.results.map((r) => r.type);
  if (want[1].kind !== TypeKind.Index || got.length !== want.length || got.some((t, i) => t !== want[i])) {
    return v.error(`inferred type(s) ${want.map(q).join(", ")} are incompatible with return type(s) of operation ${got.map(q).join(", ")}`);
  }
  return true;
}

/// `dma_start`: operand kinds and counts derived from the memref ranks.
export function verifyDmaStart(op: Operation, v: OpVerifyContext): boolean {
  const ops = op.operandValues();
  const n = ops.length;
  if (n < 4) return v.error("expected at least 4 operands");
  const isIndex = (t: Type) => t.kind === TypeKind.Index;
  if (ops[0].type.kind !== TypeKind.MemRef) return v.error("expected source to be of memref type");
  const srcRank = rankOf(ops[0].type);
  if (n < srcRank + 4) return v.error(`expected at least ${srcRank + 4} operands`);
  if (!ops.slice(1, 1 + srcRank).every((x) => isIndex(x.type))) return v.error("expected source indices to be of index type");
  const dst = ops[1 + srcRank];
  if (dst.type.kind !== TypeKind.MemRef) return v.error("expected destination to be of memref type");
  const dstRank = rankOf(dst.type);
  let expected = srcRank + dstRank + 4;
  if (n < expected) return v.error(`expected at least ${expected} operands`);
  if (!ops.slice(2 + srcRank, 2 + srcRank + dstRank).every((x) => isIndex(x.type))) return v.error("expected destination indices to be of index type");
  if (!isIndex(ops[2 + srcRank + dstRank].type)) return v.error("expected num elements to be of index type");
  const tag = ops[3 + srcRank + dstRank];
  if (tag.type.kind !== TypeKind.MemRef) return v.error("expected tag to be of memref type");
  const tagRank = rankOf(tag.type);
  expected += tagRank;
  if (n < expected) return v.error(`expected at least ${expected} operands`);
  if (!ops.slice(4 + srcRank + dstRank, expected).every((x) => isIndex(x.type))) return v.error("expected tag indices to be of index type");
  if (n !== expected && n !== expected + 2) return v.error("incorrect number of operands");
  if (n === expected + 2 && !(isIndex(ops[n - 2].type) && isIndex(ops[n - 1].type))) return v.error("expected stride and num elements per stride to be of type index");
  return true;
}

/// `dma_wait`: one tag index per tag dimension.
export function verifyDmaWait(op: Operation, v: OpVerifyContext): boolean {
  const rank = rankOf(op.operand(0).type);
  const n = op.operands.length - 2;
  if (n !== rank) return v.error(`expected tagIndices to have the same number of elements as the tagMemRef rank, expected ${rank}, but got ${n}`);
  return true;
}

/// `prefetch`: one index per dimension.
export function verifyPrefetch(op: Operation, v: OpVerifyContext): boolean {
  if (op.operands.length !== 1 + rankOf(op.operand(0).type)) return v.error("too few indices");
  return true;
}

/// `assume_alignment`: a power-of-two alignment.
export function verifyAssumeAlignment(op: Operation, v: OpVerifyContext): boolean {
  const a = (op.props.get("alignment") as IntegerAttr).num;
  if (a <= 0 || (a & (a - 1)) !== 0) return v.error("alignment must be power of 2");
  return true;
}

const floatKinds = ["addf", "maximumf", "minimumf", "mulf"];
const intKinds = ["addi", "maxs", "maxu", "mins", "minu", "muli", "ori", "andi"];

/// `atomic_rmw`: one subscript per dimension; float kinds on floats, integer kinds on integers.
export function verifyAtomicRmw(op: Operation, v: OpVerifyContext, kind: string): boolean {
  const t = op.operand(1).type as MemRefType;
  const value = op.operand(0).type;
  if (op.results[0].type !== value) return v.error("failed to verify that all of {value, result} have same type");
  if (value !== t.elementType) return v.error("failed to verify that value type matches element type of memref");
  if (t.shape.length !== op.operands.length - 2) return v.error("expects the number of subscripts to be equal to memref rank");
  if (floatKinds.includes(kind) && value.kind !== TypeKind.Float) return v.error(`with kind '${kind}' expects a floating-point type`);
  if (intKinds.includes(kind) && value.kind !== TypeKind.Integer) return v.error(`with kind '${kind}' expects an integer type`);
  return true;
}

/// `generic_atomic_rmw`: one block argument of the result type; a side-effect free body.
export function verifyGenericAtomicRmw(op: Operation, v: OpVerifyContext, isEffectFree: (op: Operation) => boolean): boolean {
  const t = op.operand(0).type as MemRefType;
  if (op.results[0].type !== t.elementType) return v.error("failed to verify that result type matches element type of memref");
  const body = op.regions[0];
  if (body.empty || body.entry.args.length !== 1) return v.error("expected single number of entry block arguments");
  if (op.results[0].type !== body.entry.args[0].type) return v.error("expected block argument of the same type result type");
  for (let b = body.firstBlock; b !== null; b = b.next) {
    for (let o = b.firstOp; o !== null; o = o.next) {
      if (!isEffectFree(o)) return v.plainErrorAt(o, "body of 'memref.generic_atomic_rmw' should contain only operations with no side effects");
    }
  }
  return true;
}

/// `atomic_yield`: yields the parent's result type.
export function verifyAtomicYield(op: Operation, v: OpVerifyContext): boolean {
  const parent = op.parentOp!.results[0].type, t = op.operand(0).type;
  if (parent !== t) return v.error(`types mismatch between yield op: ${q(t)} and its parent: ${q(parent)}`);
  return true;
}

/// `transpose`: the result is the input with permuted sizes and strides.
export function verifyTranspose(op: Operation, v: OpVerifyContext): boolean {
  const map = (op.props.get("permutation") as AffineMapAttr).map;
  if (!map.isPermutation()) return v.error("expected a permutation map");
  const src = op.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
  if (map.numDims !== src.shape.length) return v.error("expected a permutation map of same rank as the input");
  const so = stridesAndOffset(src)!;
  const perm = map.results.map((e) => e.value);
  const expected = canonicalizeStridedLayout(stridedType(src, perm.map((d) => src.shape[d]), perm.map((d) => so.strides[d]), so.offset));
  if (canonicalizeStridedLayout(res) !== expected) return v.error(`result type ${q(res)} is not equivalent to the canonical transposed input type ${q(expected)}`);
  return true;
}
