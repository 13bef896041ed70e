// The memref dialect (MLIR 19's MemRefOps.td): allocation, access, views, globals, DMA and atomics.
import {
  AffineMapAttrC, getBoolAttr, AnyAttr, AnyType, AttrKind, BoolAttrC, Builtin, DenseI64ArrayAttrC, defineOp, FlatSymbolRefAttr,
  Index, operand, optional, optProp, prop, region, registry, result, StrAttr, SymbolNameAttr, Trait, TypeKind, UnitAttrC,
  variadic, type ArrayAttr, type AttrConstraint, type Attribute, type DialectDef, type IntegerAttr, type IntegerType, type MemRefType,
  type Operation, type OpParser, type OpPrinter, type Type, type TypeAttr, type TypeConstraint,
} from "@allo/ir-core";
import { ArithDialect } from "../arith/ops.js";
import { effectTraits, memEffect, memoryEffectsOf, type MemEffect, type ValueEffect } from "./effects.js";
import * as F from "./fold.js";
import { isStrided } from "./layout.js";
import { constantIntValue } from "./mixed.js";
import {
  allocaScopeSyntax, atomicRmwKindName, dmaStartSyntax, genericAtomicRmwSyntax, parseAtomicRmwKind, prefetchSyntax, transposeSyntax,
} from "./syntax.js";
import * as V from "./verify.js";

// ---- type constraints (ODS descriptions as MLIR prints them) ----

const isMemRef = (t: Type) => t.kind === TypeKind.MemRef;
const isAnyMemRef = (t: Type) => t.kind === TypeKind.MemRef || t.kind === TypeKind.UnrankedMemRef;
const isIntOrFloat = (t: Type) => t.kind === TypeKind.Float || (t.kind === TypeKind.Integer && (t as IntegerType).isSignless);
const tc = (desc: string, check: (t: Type) => boolean): TypeConstraint => ({ desc, check });

const MemRefC = tc("memref of any type values", isMemRef);
const AnyRankedOrUnrankedMemRef = tc("ranked or unranked memref of any type values", isAnyMemRef);
const StridedMemRef = tc("strided memref of any type values", (t) => isMemRef(t) && isStrided(t as MemRefType));
const StridedMemRefRank0 = tc("strided memref of any type values of rank 0", (t) => isMemRef(t) && isStrided(t as MemRefType) && (t as MemRefType).shape.length === 0);
const Non0RankedOrUnrankedMemRef = tc("unranked.memref of any type values or non-0-ranked.memref of any type values",
  (t) => t.kind === TypeKind.UnrankedMemRef || (isMemRef(t) && (t as MemRefType).shape.length !== 0));
const StaticShapeMemRef = tc("statically shaped memref of any type values", (t) => isMemRef(t) && (t as MemRefType).hasStaticShape);
const MemRef1D = tc("1D memref of any type values", (t) => isMemRef(t) && (t as MemRefType).shape.length === 1);
const MemRef1DI8 = tc("1D memref of 8-bit signless integer values", (t) => isMemRef(t) && (t as MemRefType).shape.length === 1 && (t as MemRefType).elementType === Builtin.i8);
const ShapeMemRef = tc("1D memref of signless integer or index values", (t) => {
  if (!isMemRef(t) || (t as MemRefType).shape.length !== 1) return false;
  const e = (t as MemRefType).elementType;
  return e.kind === TypeKind.Index || (e.kind === TypeKind.Integer && (e as IntegerType).isSignless);
});
const IntOrFloat = tc("signless integer or floating-point", isIntOrFloat);
const IntOrFloatMemRef = tc("memref of signless integer or floating-point values", (t) => isMemRef(t) && isIntOrFloat((t as MemRefType).elementType));

// ---- attribute constraints ----

function intAttrC(desc: string, type: IntegerType, ok: (v: number) => boolean): AttrConstraint {
  return {
    desc,
    check: (a) => a.kind === AttrKind.Integer && (a as IntegerAttr).type === type && ok((a as IntegerAttr).num),
    print: (p: OpPrinter, a: Attribute) => p.printAttributeWithoutType(a),
    parse: (p: OpParser) => p.parseOptionalAttribute(type),
    kind: AttrKind.Integer,
  };
}
const AlignmentAttr = intAttrC("64-bit signless integer attribute whose minimum value is 0", Builtin.i64, (v) => v >= 0);
const I64AttrC = intAttrC("64-bit signless integer attribute", Builtin.i64, () => true);
const PositiveI32Attr = intAttrC("32-bit signless integer attribute whose value is positive", Builtin.i32, (v) => v > 0);
const LocalityHintAttr = intAttrC("32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3", Builtin.i32, (v) => v >= 0 && v <= 3);
const VisibilityAttr: AttrConstraint = { ...StrAttr, startsHere: (p) => p.atString() };
const MemRefTypeAttr: AttrConstraint = { desc: "memref type attribute", check: (a) => a.kind === AttrKind.TypeAttr && (a as TypeAttr).type.kind === TypeKind.MemRef, kind: AttrKind.TypeAttr };
const IndexListArrayAttr: AttrConstraint = {
  desc: "Array of 64-bit integer array attributes",
  kind: AttrKind.Array,
  check: (a) => a.kind === AttrKind.Array && (a as ArrayAttr).elements.every((g) => g.kind === AttrKind.Array &&
    (g as ArrayAttr).elements.every((i) => i.kind === AttrKind.Integer && (i as IntegerAttr).type === Builtin.i64)),
};
const AtomicRMWKindAttr: AttrConstraint = {
  desc: "allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14",
  check: (a) => a.kind === AttrKind.Integer && (a as IntegerAttr).type === Builtin.i64 && (a as IntegerAttr).num >= 0 && (a as IntegerAttr).num <= 14,
  print: (p, a) => p.write(atomicRmwKindName(a)),
  parse: parseAtomicRmwKind,
};

/// Effect lists with their coarse traits.
function effects(...es: MemEffect[]): { traits: Trait[]; extra: { effects: MemEffect[] } } {
  return { traits: effectTraits(es), extra: { effects: es } };
}

// ---- allocation ----

function allocLike(mnemonic: "alloc" | "alloca", summary: string): ReturnType<typeof defineOp> {
  const e = effects(memEffect("alloc", "memref", mnemonic === "alloca" ? "automatic-allocation-scope" : "default"));
  return defineOp({
    name: `memref.${mnemonic}`,
    summary,
    operands: [variadic("dynamicSizes", Index), variadic("symbolOperands", Index)],
    results: [result("memref", MemRefC)],
    props: [optProp("alignment", AlignmentAttr)],
    traits: [Trait.AttrSizedOperandSegments, ...e.traits],
    format: "`(`$dynamicSizes`)` (`` `[` $symbolOperands^ `]`)? attr-dict `:` type($memref)",
    asmNames: (_op, set) => set(0, mnemonic),
    verify: mnemonic === "alloca" ? V.verifyAlloca : V.verifyAllocLike,
    extra: e.extra,
  });
}

/// `%alloc = memref.alloc(%d)[%s] : memref<8x?xf32, #map>`.
export const AllocOp = allocLike("alloc", "memory allocation operation");
/// `%alloca = memref.alloca(%d) : memref<8x?xf32>`.
export const AllocaOp = allocLike("alloca", "stack memory allocation operation");

const reallocEffects = effects(memEffect("free", "source"), memEffect("alloc", "result"));
/// `memref.realloc %src(%d) : memref<?xf32> to memref<?xf32>`.
export const ReallocOp = defineOp({
  name: "memref.realloc",
  summary: "memory reallocation operation",
  operands: [operand("source", MemRef1D), optional("dynamicResultSize", Index)],
  results: [result("result", MemRef1D)],
  props: [optProp("alignment", AlignmentAttr)],
  traits: reallocEffects.traits,
  format: "$source (`(` $dynamicResultSize^ `)`)? attr-dict `:` type($source) `to` type(results)",
  verify: V.verifyRealloc,
  extra: reallocEffects.extra,
});

const deallocEffects = effects(memEffect("free", "memref"));
/// `memref.dealloc %m : memref<8xf32>`.
export const DeallocOp = defineOp({
  name: "memref.dealloc",
  summary: "memory deallocation operation",
  operands: [operand("memref", AnyRankedOrUnrankedMemRef)],
  traits: deallocEffects.traits,
  format: "$memref attr-dict `:` type($memref)",
  extra: deallocEffects.extra,
  fold: F.foldCastOperands,
});

/// `memref.alloca_scope -> (f32) { ... }`: frees its allocas on exit.
export const AllocaScopeOp = defineOp({
  name: "memref.alloca_scope",
  summary: "explicitly delimited scope for stack allocation",
  results: [variadic("results", AnyType)],
  regions: [region("bodyRegion", false, true)],
  traits: [Trait.AutomaticAllocationScope, Trait.RecursiveMemoryEffects, Trait.NoRegionArguments],
  implicitTerminator: "memref.alloca_scope.return",
  syntax: allocaScopeSyntax,
});

/// `memref.alloca_scope.return %v : f32`.
export const AllocaScopeReturnOp = defineOp({
  name: "memref.alloca_scope.return",
  summary: "terminator for alloca_scope operation",
  operands: [variadic("results", AnyType)],
  traits: [Trait.Pure, Trait.ReturnLike, Trait.Terminator],
  parents: ["memref.alloca_scope"],
  format: "attr-dict ($results^ `:` type($results))?",
});

// ---- access ----

const loadEffects = effects(memEffect("read", "memref"));
/// `%0 = memref.load %m[%i, %j] : memref<4x?xf32>`.
export const LoadOp = defineOp({
  name: "memref.load",
  summary: "load operation",
  operands: [operand("memref", MemRefC), variadic("indices", Index)],
  results: [result("result", AnyType)],
  props: [optProp("nontemporal", BoolAttrC, getBoolAttr(false))],
  traits: loadEffects.traits,
  format: "$memref `[` $indices `]` attr-dict `:` type($memref)",
  inferTypes: (ctx) => {
    const t = ctx.operandTypes[0]?.[0];
    if (t === undefined || t.kind !== TypeKind.MemRef) return "expected a memref type";
    ctx.resultTypes[0] = [(t as MemRefType).elementType];
    return null;
  },
  verify: V.verifyLoad,
  fold: F.foldCastOperands,
  extra: loadEffects.extra,
});

const storeEffects = effects(memEffect("write", "memref"));
/// `memref.store %v, %m[%i, %j] : memref<4x?xf32>`.
export const StoreOp = defineOp({
  name: "memref.store",
  summary: "store operation",
  operands: [operand("value", AnyType), operand("memref", MemRefC), variadic("indices", Index)],
  props: [optProp("nontemporal", BoolAttrC, getBoolAttr(false))],
  traits: storeEffects.traits,
  format: "$value `,` $memref `[` $indices `]` attr-dict `:` type($memref)",
  inferTypes: (ctx) => {
    const t = ctx.operandTypes[1]?.[0];
    if (t === undefined || t.kind !== TypeKind.MemRef) return "expected a memref type";
    ctx.operandTypes[0] = [(t as MemRefType).elementType];
    return null;
  },
  verify: V.verifyStore,
  fold: F.foldStore,
  extra: storeEffects.extra,
});

const copyEffects = effects(memEffect("read", "source"), memEffect("write", "target"));
/// `memref.copy %a, %b : memref<?xf32> to memref<?xf32>`.
export const CopyOp = defineOp({
  name: "memref.copy",
  summary: "",
  operands: [operand("source", AnyRankedOrUnrankedMemRef), operand("target", AnyRankedOrUnrankedMemRef)],
  traits: copyEffects.traits,
  format: "$source `,` $target attr-dict `:` type($source) `to` type($target)",
  verify: V.verifyCopy,
  fold: F.foldCopy,
  extra: copyEffects.extra,
});

const atomicEffects = effects(memEffect("read", "memref"), memEffect("write", "memref"));
/// `%x = memref.atomic_rmw addf %v, %m[%i] : (f32, memref<10xf32>) -> f32`.
export const AtomicRMWOp = defineOp({
  name: "memref.atomic_rmw",
  summary: "atomic read-modify-write operation",
  operands: [operand("value", IntOrFloat), operand("memref", IntOrFloatMemRef), variadic("indices", Index)],
  results: [result("result", IntOrFloat)],
  props: [prop("kind", AtomicRMWKindAttr)],
  traits: atomicEffects.traits,
  format: "$kind $value `,` $memref `[` $indices `]` attr-dict `:` `(` type($value) `,` type($memref) `)` `->` type($result)",
  verify: (op, v) => V.verifyAtomicRmw(op, v, atomicRmwKindName(op.props.get("kind")!)),
  fold: F.foldAtomicRmw,
  extra: atomicEffects.extra,
});

/// True if `op` has no memory effects (MLIR's isMemoryEffectFree).
function isEffectFree(op: Operation): boolean {
  const e = memoryEffectsOf(op);
  return e !== null && e.length === 0;
}

/// `%x = memref.generic_atomic_rmw %m[%i] : memref<10xf32> { ^bb0(%cur: f32): ... memref.atomic_yield %n : f32 }`.
export const GenericAtomicRMWOp = defineOp({
  name: "memref.generic_atomic_rmw",
  summary: "atomic read-modify-write operation with a region",
  operands: [operand("memref", IntOrFloatMemRef), variadic("indices", Index)],
  results: [result("result", IntOrFloat)],
  regions: [region("atomic_body")],
  traits: atomicEffects.traits,
  implicitTerminator: "memref.atomic_yield",
  syntax: genericAtomicRmwSyntax,
  verify: (op, v) => V.verifyGenericAtomicRmw(op, v, isEffectFree),
  extra: atomicEffects.extra,
});

/// `memref.atomic_yield %v : f32`.
export const AtomicYieldOp = defineOp({
  name: "memref.atomic_yield",
  summary: "yield operation for GenericAtomicRMWOp",
  operands: [operand("result", AnyType)],
  traits: [Trait.Pure, Trait.Terminator],
  parents: ["memref.generic_atomic_rmw"],
  format: "$result attr-dict `:` type($result)",
  verify: V.verifyAtomicYield,
});

/// `memref.prefetch %m[%i], read, locality<3>, data : memref<400xi32>` (effects unknown, as in MLIR).
export const PrefetchOp = defineOp({
  name: "memref.prefetch",
  summary: "prefetch operation",
  operands: [operand("memref", MemRefC), variadic("indices", Index)],
  props: [prop("isWrite", BoolAttrC), prop("localityHint", LocalityHintAttr), prop("isDataCache", BoolAttrC)],
  syntax: prefetchSyntax,
  verify: V.verifyPrefetch,
  fold: F.foldCastOperands,
});

// DMA effects depend on the ranks of the operands, as MLIR's hand-written getEffects.
function dmaStartEffects(op: Operation): ValueEffect[] {
  const vs = op.operandValues();
  const dst = 1 + (vs[0].type as MemRefType).shape.length;
  const tag = dst + 2 + (vs[dst].type as MemRefType).shape.length;
  return [
    { kind: "read", value: vs[0], resource: "default" },
    { kind: "write", value: vs[dst], resource: "default" },
    { kind: "read", value: vs[tag], resource: "default" },
  ];
}

/// `memref.dma_start %src[%i], %dst[%j], %n, %tag[%k] : memref<...>, memref<...>, memref<...>`.
export const DmaStartOp = defineOp({
  name: "memref.dma_start",
  summary: "non-blocking DMA operation that starts a transfer",
  operands: [variadic("operands", AnyType)],
  traits: [Trait.MemRead, Trait.MemWrite],
  syntax: dmaStartSyntax,
  verify: V.verifyDmaStart,
  fold: F.foldCastOperands,
  extra: { effects: dmaStartEffects },
});

// The wait reads and consumes its tag: an unused dma_wait is not dead (MLIR 19 keeps it through canonicalization).
const dmaWaitEffects = effects(memEffect("read", "tagMemRef"), memEffect("write", "tagMemRef"));
/// `memref.dma_wait %tag[%i], %n : memref<1xi32>`.
export const DmaWaitOp = defineOp({
  name: "memref.dma_wait",
  summary: "blocking DMA operation that waits for transfer completion",
  operands: [operand("tagMemRef", MemRefC), variadic("tagIndices", Index), operand("numElements", Index)],
  traits: dmaWaitEffects.traits,
  format: "$tagMemRef `[` $tagIndices `]` `,` $numElements attr-dict `:` type($tagMemRef)",
  verify: V.verifyDmaWait,
  fold: F.foldCastOperands,
  extra: dmaWaitEffects.extra,
});

// ---- queries ----

/// A dim is speculatable with a constant index within the rank of a ranked memref (DimOp::getSpeculatability).
function dimSpeculatable(op: Operation): boolean {
  const t = op.operand(0).type;
  const i = constantIntValue(op.operand(1));
  return i !== null && t.kind === TypeKind.MemRef && i < (t as MemRefType).shape.length;
}

/// `%dim = memref.dim %m, %i : memref<4x?xf32>`.
export const DimOp = defineOp({
  name: "memref.dim",
  summary: "dimension index operation",
  operands: [operand("source", Non0RankedOrUnrankedMemRef), operand("index", Index)],
  results: [result("result", Index)],
  format: "attr-dict $source `,` $index `:` type($source)",
  asmNames: (_op, set) => set(0, "dim"),
  fold: F.foldDim,
  extra: { effects: [], speculatable: dimSpeculatable },
});

/// `%0 = memref.rank %m : memref<*xf32>`.
export const RankOp = defineOp({
  name: "memref.rank",
  summary: "rank operation",
  operands: [operand("memref", AnyRankedOrUnrankedMemRef)],
  results: [result("result", Index)],
  traits: [Trait.Pure],
  format: "$memref attr-dict `:` type($memref)",
  fold: F.foldRank,
});

/// `%intptr = memref.extract_aligned_pointer_as_index %m : memref<4xf32> -> index`.
export const ExtractAlignedPointerAsIndexOp = defineOp({
  name: "memref.extract_aligned_pointer_as_index",
  summary: "Extracts a memref's underlying aligned pointer as an index",
  operands: [operand("source", AnyRankedOrUnrankedMemRef)],
  results: [result("aligned_pointer", Index)],
  traits: [Trait.Pure],
  format: "$source `:` type($source) `->` type(results) attr-dict",
  asmNames: (_op, set) => set(0, "intptr"),
});

/// `%base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<?x?xf32> -> ...`.
export const ExtractStridedMetadataOp = defineOp({
  name: "memref.extract_strided_metadata",
  summary: "Extracts a buffer base with offset and strides",
  operands: [operand("source", StridedMemRef)],
  results: [result("base_buffer", StridedMemRefRank0), result("offset", Index), variadic("sizes", Index), variadic("strides", Index)],
  traits: [Trait.Pure],
  format: "$source `:` type($source) `->` type(results) attr-dict",
  asmNames: (op, set) => {
    set(0, "base_buffer");
    set(1, "offset");
    if (op.results.length > 2) {
      set(2, "sizes");
      set(2 + (op.results.length - 2) / 2, "strides");
    }
  },
  verify: V.verifyExtractStridedMetadata,
  fold: F.foldExtractStridedMetadata,
});

// ---- globals ----

/// `memref.global "private" constant @c : memref<2xi32> = dense<[1, 4]> {alignment = 64}`.
export const GlobalOp = defineOp({
  name: "memref.global",
  summary: "declare or define a global memref variable",
  props: [
    prop("sym_name", SymbolNameAttr), optProp("sym_visibility", VisibilityAttr), prop("type", MemRefTypeAttr),
    optProp("initial_value", AnyAttr), optProp("constant", UnitAttrC), optProp("alignment", I64AttrC),
  ],
  traits: [Trait.Symbol],
  format: "($sym_visibility^)? (`constant` $constant^)? $sym_name `:` custom<GlobalMemrefOpTypeAndInitialValue>($type, $initial_value) attr-dict",
  verify: V.verifyGlobal,
});

/// `%0 = memref.get_global @g : memref<2xf32>`.
export const GetGlobalOp = defineOp({
  name: "memref.get_global",
  summary: "get the memref pointing to a global variable",
  props: [prop("name", FlatSymbolRefAttr)],
  results: [result("result", StaticShapeMemRef)],
  traits: [Trait.Pure],
  format: "$name `:` type($result) attr-dict",
  verifySymbolUses: V.verifyGetGlobal,
});

// ---- views and casts ----

/// `%cast = memref.cast %m : memref<4xf32> to memref<?xf32>`.
export const CastOp = defineOp({
  name: "memref.cast",
  summary: "memref cast operation",
  operands: [operand("source", AnyRankedOrUnrankedMemRef)],
  results: [result("dest", AnyRankedOrUnrankedMemRef)],
  traits: [Trait.Pure],
  format: "$source attr-dict `:` type($source) `to` type($dest)",
  asmNames: (_op, set) => set(0, "cast"),
  verify: V.verifyCast,
  fold: F.foldCast,
});

/// `%memspacecast = memref.memory_space_cast %m : memref<?xf32, 5> to memref<?xf32>`.
export const MemorySpaceCastOp = defineOp({
  name: "memref.memory_space_cast",
  summary: "memref memory space cast operation",
  operands: [operand("source", AnyRankedOrUnrankedMemRef)],
  results: [result("dest", AnyRankedOrUnrankedMemRef)],
  traits: [Trait.Pure],
  format: "$source attr-dict `:` type($source) `to` type($dest)",
  asmNames: (_op, set) => set(0, "memspacecast"),
  verify: (op, v) => {
    const a = op.operand(0).type as MemRefType, b = op.results[0].type as MemRefType;
    const ranked = a.kind === TypeKind.MemRef && b.kind === TypeKind.MemRef;
    const ok = a.kind === b.kind && a.elementType === b.elementType && (!ranked || (a.layout === b.layout && a.shape.join() === b.shape.join()));
    return ok || v.error(`operand type '${String(a)}' and result type '${String(b)}' are cast incompatible`);
  },
  fold: F.foldMemorySpaceCast,
});

const offsetSizeStrideOperands = [variadic("offsets", Index), variadic("sizes", Index), variadic("strides", Index)];
const offsetSizeStrideProps = [prop("static_offsets", DenseI64ArrayAttrC), prop("static_sizes", DenseI64ArrayAttrC), prop("static_strides", DenseI64ArrayAttrC)];

/// `%subview = memref.subview %m[0, %i] [2, 2] [1, 1] : memref<4x?xf32> to memref<2x2xf32, strided<[?, 1], offset: ?>>`.
export const SubViewOp = defineOp({
  name: "memref.subview",
  summary: "memref subview operation",
  operands: [operand("source", MemRefC), ...offsetSizeStrideOperands],
  results: [result("result", MemRefC)],
  props: offsetSizeStrideProps,
  traits: [Trait.AttrSizedOperandSegments, Trait.Pure],
  format: "$source `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) " +
    "custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `to` type($result)",
  asmNames: (_op, set) => set(0, "subview"),
  verify: V.verifySubView,
  fold: F.foldSubView,
});

/// `%reinterpret_cast = memref.reinterpret_cast %m to offset: [0], sizes: [%n, 4], strides: [4, 1] : ... to ...`.
export const ReinterpretCastOp = defineOp({
  name: "memref.reinterpret_cast",
  summary: "memref reinterpret cast operation",
  operands: [operand("source", AnyRankedOrUnrankedMemRef), ...offsetSizeStrideOperands],
  results: [result("result", MemRefC)],
  props: offsetSizeStrideProps,
  traits: [Trait.AttrSizedOperandSegments, Trait.Pure],
  format: "$source `to` `offset` `` `:` custom<DynamicIndexList>($offsets, $static_offsets) `` `,` `sizes` `` `:` " +
    "custom<DynamicIndexList>($sizes, $static_sizes) `` `,` `strides` `` `:` custom<DynamicIndexList>($strides, $static_strides) " +
    "attr-dict `:` type($source) `to` type($result)",
  asmNames: (_op, set) => set(0, "reinterpret_cast"),
  verify: V.verifyReinterpretCast,
  fold: F.foldReinterpretCast,
});

/// `%view = memref.view %buf[%shift][%n] : memref<2048xi8> to memref<?x4xf32>`.
export const ViewOp = defineOp({
  name: "memref.view",
  summary: "memref view operation",
  operands: [operand("source", MemRef1DI8), operand("byte_shift", Index), variadic("sizes", Index)],
  results: [result("result", MemRefC)],
  traits: [Trait.Pure],
  format: "$source `[` $byte_shift `]` `` `[` $sizes `]` attr-dict `:` type($source) `to` type(results)",
  asmNames: (_op, set) => set(0, "view"),
  verify: V.verifyView,
});

const reshapeEffects = effects(memEffect("read", "shape"));
/// `%reshape = memref.reshape %src(%shape) : (memref<4x1xf32>, memref<1xi32>) -> memref<4xf32>`.
export const ReshapeOp = defineOp({
  name: "memref.reshape",
  summary: "memref reshape operation",
  operands: [operand("source", AnyRankedOrUnrankedMemRef), operand("shape", ShapeMemRef)],
  results: [result("result", AnyRankedOrUnrankedMemRef)],
  traits: reshapeEffects.traits,
  format: "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)",
  asmNames: (_op, set) => set(0, "reshape"),
  verify: V.verifyReshape,
  extra: reshapeEffects.extra,
});

/// `%collapse_shape = memref.collapse_shape %m [[0, 1], [2]] : memref<?x?x?xf32> into memref<?x?xf32>`.
export const CollapseShapeOp = defineOp({
  name: "memref.collapse_shape",
  summary: "operation to produce a memref with a smaller rank.",
  operands: [operand("src", StridedMemRef)],
  results: [result("result", StridedMemRef)],
  props: [prop("reassociation", IndexListArrayAttr)],
  traits: [Trait.Pure],
  format: "$src $reassociation attr-dict `:` type($src) `into` type($result)",
  asmNames: (_op, set) => set(0, "collapse_shape"),
  verify: V.verifyCollapseShape,
  fold: (op) => F.foldReshape(op, "memref.expand_shape"),
});

/// `%expand_shape = memref.expand_shape %m [[0, 1]] output_shape [%n, 32] : memref<?xf32> into memref<?x32xf32>`.
export const ExpandShapeOp = defineOp({
  name: "memref.expand_shape",
  summary: "operation to produce a memref with a higher rank.",
  operands: [operand("src", StridedMemRef), variadic("output_shape", Index)],
  results: [result("result", StridedMemRef)],
  props: [prop("reassociation", IndexListArrayAttr), prop("static_output_shape", DenseI64ArrayAttrC)],
  traits: [Trait.Pure],
  format: "$src $reassociation `output_shape` custom<DynamicIndexList>($output_shape, $static_output_shape) attr-dict `:` " +
    "type($src) `into` type($result)",
  asmNames: (_op, set) => set(0, "expand_shape"),
  verify: V.verifyExpandShape,
  fold: (op) => F.foldReshape(op, "memref.collapse_shape"),
});

/// `%transpose = memref.transpose %m (d0, d1) -> (d1, d0) : memref<?x?xf32> to memref<?x?xf32, strided<[1, ?]>>`.
export const TransposeOp = defineOp({
  name: "memref.transpose",
  summary: "`transpose` produces a new strided memref (metadata-only)",
  operands: [operand("in", StridedMemRef)],
  results: [result("result", StridedMemRef)],
  props: [prop("permutation", AffineMapAttrC)],
  traits: [Trait.Pure],
  syntax: transposeSyntax,
  asmNames: (_op, set) => set(0, "transpose"),
  verify: V.verifyTranspose,
  fold: F.foldTranspose,
});

/// `memref.assume_alignment %m, 16 : memref<?xf32>` (MLIR 19: no result; effects unknown).
export const AssumeAlignmentOp = defineOp({
  name: "memref.assume_alignment",
  summary: "assertion that gives alignment information to the input memref",
  operands: [operand("memref", MemRefC)],
  props: [prop("alignment", PositiveI32Attr)],
  format: "$memref `,` $alignment attr-dict `:` type($memref)",
  verify: V.verifyAssumeAlignment,
});

/// The memref dialect; its folders' constants are `arith.constant`s (MemRefDialect::materializeConstant).
export const MemRefDialect: DialectDef = {
  name: "memref",
  materializeConstant: (b, value, type, loc) => ArithDialect.materializeConstant?.(b, value, type, loc) ?? null,
  ops: [
    AssumeAlignmentOp, AtomicRMWOp, AtomicYieldOp, CopyOp, GenericAtomicRMWOp, LoadOp, AllocOp, AllocaOp, AllocaScopeOp,
    AllocaScopeReturnOp, CastOp, CollapseShapeOp, DeallocOp, DimOp, DmaStartOp, DmaWaitOp, ExpandShapeOp, ExtractAlignedPointerAsIndexOp,
    ExtractStridedMetadataOp, GetGlobalOp, GlobalOp, MemorySpaceCastOp, PrefetchOp, RankOp, ReallocOp, ReinterpretCastOp, ReshapeOp,
    StoreOp, TransposeOp, ViewOp, SubViewOp,
  ],
};
registry.register(MemRefDialect);

