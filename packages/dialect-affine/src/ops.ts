// The affine dialect: op records (MLIR 19's AffineOps.td and the hand-written dma ops).
import {
  AffineMapAttrC, AnyMemRef, AnyType, AttrKind, BoolAttrC, defineOp, Index, IndexAttrC, operand, prop, region, registry,
  Trait, TypeKind, variadic, type ArrayAttr, type AttrConstraint, type Attribute, type DenseElementsAttr, type DialectDef,
  type IntegerAttr, type IntegerType, type LocationRef, type OpBuilder, type Operation, type Type, type TypeConstraint,
} from "@allo/ir-core";
import { effectTraits, memEffect, type MemEffect, type ValueEffect } from "@allo/dialect-std";
import { dmaStartGroups } from "./syntax.js";
import { foldApply, foldDmaStart, foldFor, foldIf, foldLoad, foldMemRefCastOnly, foldMinMax, foldParallel, foldStore } from "./fold.js";
import {
  applySyntax, dmaStartSyntax, dmaWaitSyntax, forSyntax, ifSyntax, loadSyntax, maxSyntax, minSyntax, parallelSyntax,
  prefetchSyntax, storeSyntax, vectorLoadSyntax, vectorStoreSyntax,
} from "./syntax.js";
import {
  verifyApply, verifyDelinearize, verifyDmaStart, verifyDmaWait, verifyForRegions, verifyIf, verifyLoad, verifyMinMax,
  verifyParallel, verifyPrefetch, verifyStore, verifyVectorLoad, verifyVectorStore, verifyYield,
} from "./verify.js";
import { forOp } from "./accessors.js";
import { applyPatterns, forPatterns, ifPatterns, loadPatterns, maxPatterns, minPatterns, prefetchPatterns, storePatterns, vectorLoadPatterns, vectorStorePatterns } from "./canonicalize.js";

const AnyVector: TypeConstraint = { desc: "vector of any type values", check: (t) => t.kind === TypeKind.Vector };

function ac(desc: string, check: (a: Attribute) => boolean, kind?: AttrKind): AttrConstraint { return { desc, check, kind }; }
const isI = (a: Attribute, w: number): boolean => a.kind === AttrKind.Integer && (a as IntegerAttr).type.kind === TypeKind.Integer && ((a as IntegerAttr).type as IntegerType).width === w;
/// `I32ElementsAttr`.
const I32ElementsAttr = ac("32-bit signless integer elements attribute", (a) => {
  if (a.kind !== AttrKind.DenseElements) return false;
  const et = (a as DenseElementsAttr).type.elementType;
  return et.kind === TypeKind.Integer && (et as IntegerType).width === 32;
}, AttrKind.DenseElements);
/// `I64SmallVectorArrayAttr`.
const I64ArrayAttr = ac("64-bit integer array attribute", (a) => a.kind === AttrKind.Array && (a as ArrayAttr).elements.every((x) => isI(x, 64)), AttrKind.Array);
/// `TypedArrayAttrBase<AtomicRMWKindAttr>`.
const ReductionsAttr = ac("Reduction ops", (a) => a.kind === AttrKind.Array && (a as ArrayAttr).elements.every((x) => isI(x, 64)), AttrKind.Array);
/// `ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<3>]>`.
const LocalityHintAttr = ac("32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3",
  (a) => isI(a, 32) && (a as IntegerAttr).num >= 0 && (a as IntegerAttr).num <= 3, AttrKind.Integer);

/// Traits and `extra.effects` of an op with fixed memory effects (the memref dialect's convention, see its effects.ts).
function effects(...es: MemEffect[]): { traits: Trait[]; extra: { effects: MemEffect[] } } {
  return { traits: effectTraits(es), extra: { effects: es } };
}

/// affine.dma_start reads its source and tag and writes its destination (MLIR's hand-written getEffects).
function dmaStartEffects(op: Operation): ValueEffect[] {
  const g = dmaStartGroups(op);
  return [
    { kind: "read", value: g.src, resource: "default" }, { kind: "write", value: g.dst, resource: "default" },
    { kind: "read", value: g.tag, resource: "default" },
  ];
}

/// `%r = affine.apply #map(%d)[%s]`.
export const ApplyOp = defineOp({
  name: "affine.apply",
  summary: "affine apply operation",
  operands: [variadic("mapOperands", Index)],
  results: [operand("result", Index)],
  props: [prop("map", AffineMapAttrC)],
  traits: [Trait.Pure],
  syntax: applySyntax,
  verify: verifyApply,
  fold: foldApply,
  canonicalize: applyPatterns,
});

/// `affine.for %i = lb to ub step s iter_args(...) -> (...) { ... }`.
export const ForOp = defineOp({
  name: "affine.for",
  summary: "for operation",
  operands: [variadic("lowerBoundOperands", Index), variadic("upperBoundOperands", Index), variadic("inits", AnyType)],
  results: [variadic("results", AnyType)],
  props: [prop("lowerBoundMap", AffineMapAttrC), prop("upperBoundMap", AffineMapAttrC), prop("step", IndexAttrC)],
  regions: [region("region")],
  traits: [Trait.AutomaticAllocationScope, Trait.RecursiveMemoryEffects, Trait.AttrSizedOperandSegments, Trait.SingleBlock],
  implicitTerminator: "affine.yield",
  syntax: forSyntax,
  verifyRegions: verifyForRegions,
  fold: foldFor,
  canonicalize: forPatterns,
  // A loop of step 1 terminates whatever its bounds (AffineForOp::getSpeculatability).
  extra: { loopLike: true, speculatable: (op: Operation) => (forOp.step(op) === 1 ? "recursive" : false) },
});

/// `affine.if #set(%d)[%s] -> (types) { ... } else { ... }`.
export const IfOp = defineOp({
  name: "affine.if",
  summary: "if-then-else operation",
  operands: [variadic("operands", AnyType)],
  results: [variadic("results", AnyType)],
  regions: [region("thenRegion"), region("elseRegion")],
  traits: [Trait.RecursiveMemoryEffects, Trait.NoRegionArguments],
  implicitTerminator: "affine.yield",
  syntax: ifSyntax,
  verify: verifyIf,
  fold: foldIf,
  canonicalize: ifPatterns,
  extra: { speculatable: "recursive" },
});

/// `%v = affine.load %A[%i + 1, symbol(%n)] : memref<...>`.
export const LoadOp = defineOp({
  name: "affine.load",
  summary: "affine load operation",
  operands: [operand("memref", AnyMemRef), variadic("indices", Index)],
  results: [operand("result", AnyType)],
  props: [prop("map", AffineMapAttrC)],
  ...effects(memEffect("read", "memref")),
  syntax: loadSyntax,
  verify: verifyLoad,
  fold: foldLoad,
  canonicalize: loadPatterns,
});

/// `affine.store %v, %A[%i] : memref<...>`.
export const StoreOp = defineOp({
  name: "affine.store",
  summary: "affine store operation",
  operands: [operand("value", AnyType), operand("memref", AnyMemRef), variadic("indices", Index)],
  props: [prop("map", AffineMapAttrC)],
  ...effects(memEffect("write", "memref")),
  syntax: storeSyntax,
  verify: verifyStore,
  fold: foldStore,
  canonicalize: storePatterns,
});

/// `%m = affine.min #map(%d)[%s]`.
export const MinOp = defineOp({
  name: "affine.min",
  summary: "min operation",
  operands: [variadic("operands", Index)],
  results: [operand("result", Index)],
  props: [prop("map", AffineMapAttrC)],
  traits: [Trait.Pure],
  syntax: minSyntax,
  verify: verifyMinMax,
  fold: foldMinMax,
  canonicalize: minPatterns,
});

/// `%m = affine.max #map(%d)[%s]`.
export const MaxOp = defineOp({
  name: "affine.max",
  summary: "max operation",
  operands: [variadic("operands", Index)],
  results: [operand("result", Index)],
  props: [prop("map", AffineMapAttrC)],
  traits: [Trait.Pure],
  syntax: maxSyntax,
  verify: verifyMinMax,
  fold: foldMinMax,
  canonicalize: maxPatterns,
});

/// `affine.parallel (%i, %j) = (0, 0) to (%n, 10) step (2, 1) reduce ("addf") -> (f32) { ... }`.
export const ParallelOp = defineOp({
  name: "affine.parallel",
  summary: "multi-index parallel band operation",
  operands: [variadic("mapOperands", Index)],
  results: [variadic("results", AnyType)],
  props: [
    prop("reductions", ReductionsAttr), prop("lowerBoundsMap", AffineMapAttrC), prop("lowerBoundsGroups", I32ElementsAttr),
    prop("upperBoundsMap", AffineMapAttrC), prop("upperBoundsGroups", I32ElementsAttr), prop("steps", I64ArrayAttr),
  ],
  regions: [region("region")],
  traits: [Trait.AutomaticAllocationScope, Trait.RecursiveMemoryEffects, Trait.SingleBlock],
  implicitTerminator: "affine.yield",
  syntax: parallelSyntax,
  verify: verifyParallel,
  fold: foldParallel,
  extra: { loopLike: true },
});

/// `affine.prefetch %A[%i], read, locality<3>, data : memref<...>`.
export const PrefetchOp = defineOp({
  name: "affine.prefetch",
  summary: "affine prefetch operation",
  operands: [operand("memref", AnyMemRef), variadic("indices", Index)],
  props: [prop("isWrite", BoolAttrC), prop("localityHint", LocalityHintAttr), prop("isDataCache", BoolAttrC), prop("map", AffineMapAttrC)],
  syntax: prefetchSyntax,
  verify: verifyPrefetch,
  fold: foldMemRefCastOnly,
  canonicalize: prefetchPatterns,
});

/// `affine.yield %a, %b : f32, f32`.
export const YieldOp = defineOp({
  name: "affine.yield",
  summary: "Yield values to parent operation",
  operands: [variadic("operands", AnyType)],
  traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
  format: "attr-dict ($operands^ `:` type($operands))?",
  verify: verifyYield,
});

/// `%v = affine.vector_load %A[%i] : memref<...>, vector<8xf32>`.
export const VectorLoadOp = defineOp({
  name: "affine.vector_load",
  summary: "affine vector load operation",
  operands: [operand("memref", AnyMemRef), variadic("indices", Index)],
  results: [operand("result", AnyVector)],
  props: [prop("map", AffineMapAttrC)],
  ...effects(memEffect("read", "memref")),
  syntax: vectorLoadSyntax,
  verify: verifyVectorLoad,
  canonicalize: vectorLoadPatterns,
});

/// `affine.vector_store %v, %A[%i] : memref<...>, vector<8xf32>`.
export const VectorStoreOp = defineOp({
  name: "affine.vector_store",
  summary: "affine vector store operation",
  operands: [operand("value", AnyVector), operand("memref", AnyMemRef), variadic("indices", Index)],
  props: [prop("map", AffineMapAttrC)],
  ...effects(memEffect("write", "memref")),
  syntax: vectorStoreSyntax,
  verify: verifyVectorStore,
  canonicalize: vectorStorePatterns,
});

/// `affine.dma_start %src[...], %dst[...], %tag[...], %n (, %stride, %perStride)? : srcType, dstType, tagType`.
/// A hand-written C++ op in MLIR: its maps are discardable attributes `src_map`, `dst_map`, `tag_map`.
export const DmaStartOp = defineOp({
  name: "affine.dma_start",
  summary: "non-blocking DMA operation that starts a transfer",
  operands: [variadic("operands", AnyType)],
  traits: [Trait.MemRead, Trait.MemWrite],
  syntax: dmaStartSyntax,
  verify: verifyDmaStart,
  fold: foldDmaStart,
  extra: { effects: dmaStartEffects },
});

/// `affine.dma_wait %tag[%i], %n : memref<...>`.
export const DmaWaitOp = defineOp({
  name: "affine.dma_wait",
  summary: "blocking DMA operation that waits for transfer completion",
  operands: [variadic("operands", AnyType)],
  // The wait reads and consumes its tag; MLIR 19 keeps an unused dma_wait through canonicalization, so it is
  // not declared read-only (read-only ops without uses are trivially dead).
  traits: [Trait.MemRead, Trait.MemWrite],
  syntax: dmaWaitSyntax,
  verify: verifyDmaWait,
  fold: foldDmaStart,
  extra: { effects: (op: Operation): ValueEffect[] => [{ kind: "read", value: op.operand(0), resource: "default" }, { kind: "write", value: op.operand(0), resource: "default" }] },
});

/// `%r:3 = affine.delinearize_index %idx into (%b0, %b1, %b2) : index, index, index`.
export const DelinearizeIndexOp = defineOp({
  name: "affine.delinearize_index",
  summary: "delinearize an index",
  operands: [operand("linear_index", Index), variadic("basis", Index)],
  results: [variadic("multi_index", Index)],
  traits: [Trait.Pure],
  format: "$linear_index `into` ` ` `(` $basis `)` attr-dict `:` type($multi_index)",
  verify: verifyDelinearize,
});

/// MLIR's AffineDialect::materializeConstant: an `arith.constant` of a typed attribute of `type` (MLIR 19 also
/// materializes `ub.poison`, which allo-ts does not have).
function materializeConstant(b: OpBuilder, value: Attribute, type: Type, loc: LocationRef): Operation | null {
  const def = registry.lookupOp("arith.constant");
  if (def === null) return null;
  const typed = value.kind === AttrKind.Integer || value.kind === AttrKind.Float || value.kind === AttrKind.DenseElements;
  if (!typed || (value as unknown as { type: Type }).type !== type) return null;
  return b.create(def, { resultTypes: [type], props: { value }, loc });
}

/// The affine dialect.
export const AffineDialect: DialectDef = {
  name: "affine",
  materializeConstant,
  ops: [
    ApplyOp, ForOp, IfOp, LoadOp, StoreOp, MinOp, MaxOp, ParallelOp, PrefetchOp, YieldOp, VectorLoadOp, VectorStoreOp,
    DmaStartOp, DmaWaitOp, DelinearizeIndexOp,
  ],
};
registry.register(AffineDialect);
