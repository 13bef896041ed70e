// The df dialect's ops: region, stream, kernel, get_pid, param, put, get, meta_if, call, yield.
import {
  AnyType, ArrayAttrC, AttrKind, Builtin, defineOp, FlatSymbolRefAttr, FunctionTypeAttr, getStringAttr, I1, Index,
  operand, optProp, prop, region, registry, result, StrAttr, SymbolNameAttr, Trait, variadic, type ArrayAttr,
  type AttrConstraint, type DialectDef, type InferTypesContext, type Type,
} from "@allo/ir-core";
import { dfAttrSyntax, LayoutArrayAttr } from "./attrs.js";
import { CallParamsAttr, kernelSyntax, metaIfSyntax, regionSyntax } from "./syntax.js";
import { AnyStream, dfTypeSyntax, streamInfo } from "./types.js";
import {
  verifyCallOp, verifyGetOp, verifyGetPidOp, verifyKernelOp, verifyMetaIfOp, verifyParamOp, verifyPutOp, verifyRegionOp,
} from "./verify.js";

/// A string property printed and parsed as a bare string literal in formats (MLIR parses a format's StrAttr
/// with a NoneType, so no `: type` suffix is consumed; `"P0" : index` must not read as a typed string).
const NameAttr: AttrConstraint = {
  desc: "string attribute",
  check: (a) => a.kind === AttrKind.String,
  parse: (p) => { const s = p.parseOptionalString(); return s === null ? null : getStringAttr(s); },
};

/// `params` of df.region: an array of parameter names (strings).
const ParamNamesAttr: AttrConstraint = {
  desc: "array of parameter names",
  kind: AttrKind.Array,
  check: (a) => a.kind === AttrKind.Array && (a as ArrayAttr).elements.every((e) => e.kind === AttrKind.String),
};

/// `mapping` of df.kernel: an array of integers and parameter names.
const MappingAttr: AttrConstraint = {
  desc: "array of integers and parameter names",
  kind: AttrKind.Array,
  check: (a) => a.kind === AttrKind.Array && (a as ArrayAttr).elements.every((e) => e.kind === AttrKind.Integer || e.kind === AttrKind.String),
};

/// `df.region @name<P0, P1>(%A: T, ...) { streams and kernels }`: a dataflow graph.
export const RegionOp = defineOp({
  name: "df.region",
  summary: "A dataflow graph of streams and kernels",
  props: [prop("sym_name", SymbolNameAttr), prop("function_type", FunctionTypeAttr), optProp("params", ParamNamesAttr), optProp("arg_attrs", ArrayAttrC)],
  regions: [region("body")],
  traits: [Trait.IsolatedFromAbove, Trait.Symbol, Trait.SymbolTable, Trait.NoTerminator, Trait.SingleBlock],
  syntax: regionSyntax,
  verify: verifyRegionOp,
});

/// `%s = df.stream : !df.stream<T, D>` or `!df.stream_array<[..], T, D>`; an optional `name` labels it.
export const StreamOp = defineOp({
  name: "df.stream",
  summary: "Declares a stream or an array of streams",
  results: [result("stream", AnyStream)],
  props: [optProp("name", StrAttr)],
  parents: ["df.region"],
  format: "attr-dict `:` type($stream)",
});

/// `df.kernel @k mapping [P0, P1] args(%a, ..) layouts [..] : T, .. { ^bb0(..): .. }`: a grid of instances.
export const KernelOp = defineOp({
  name: "df.kernel",
  summary: "A unit of computation instantiated over a grid",
  operands: [variadic("args", AnyType)],
  props: [prop("sym_name", SymbolNameAttr), prop("mapping", MappingAttr), optProp("layouts", LayoutArrayAttr)],
  regions: [region("body")],
  traits: [Trait.Symbol, Trait.SingleBlock, Trait.AffineScope, Trait.RecursiveMemoryEffects],
  implicitTerminator: "df.yield",
  parents: ["df.region", "df.kernel"],
  syntax: kernelSyntax,
  verify: verifyKernelOp,
});

/// `%i, %j = df.get_pid : index, index`: the instance's position in its kernel's grid.
export const GetPidOp = defineOp({
  name: "df.get_pid",
  summary: "The position of the instance in its kernel's grid",
  results: [variadic("pids", Index)],
  traits: [Trait.Pure],
  format: "attr-dict `:` type($pids)",
  asmNames: (op, set) => {
    if (op.results.length === 1) set(0, "pid");
    else for (let i = 0; i < op.results.length; i++) set(i, `pid${i}`);
  },
  verify: verifyGetPidOp,
});

/// `%p = df.param "P0" : index`: the value bound to a parameter of the enclosing region.
export const ParamOp = defineOp({
  name: "df.param",
  summary: "Reads a parameter of the enclosing region",
  results: [result("result", Index)],
  props: [prop("name", NameAttr)],
  traits: [Trait.Pure],
  format: "$name attr-dict `:` type($result)",
  verify: verifyParamOp,
});

function inferPut(ctx: InferTypesContext): string | null {
  const st = ctx.operandTypes[0]?.[0];
  const info = st === undefined ? null : streamInfo(st);
  if (info === null) return "expected a !df.stream or !df.stream_array type";
  ctx.operandTypes[1] = [info.element];
  ctx.operandTypes[2] = new Array<Type>(ctx.operandCounts[2]).fill(Builtin.index);
  return null;
}

function inferGet(ctx: InferTypesContext): string | null {
  const st = ctx.operandTypes[0]?.[0];
  const info = st === undefined ? null : streamInfo(st);
  if (info === null) return "expected a !df.stream or !df.stream_array type";
  ctx.operandTypes[1] = new Array<Type>(ctx.operandCounts[1]).fill(Builtin.index);
  ctx.resultTypes[0] = [info.element];
  return null;
}

/// `df.put %s[%i, %j], %v : !df.stream_array<..>`: pushes a value (blocks while the FIFO is full).
export const PutOp = defineOp({
  name: "df.put",
  summary: "Pushes a value into a stream",
  operands: [operand("stream", AnyStream), operand("value", AnyType), variadic("indices", Index)],
  traits: [Trait.MemWrite],
  format: "$stream (`[` $indices^ `]`)? `,` $value attr-dict `:` type($stream)",
  inferTypes: inferPut,
  verify: verifyPutOp,
});

/// `%v = df.get %s[%i, %j] : !df.stream_array<..>`: pops a value (blocks while the FIFO is empty).
export const GetOp = defineOp({
  name: "df.get",
  summary: "Pops a value from a stream",
  operands: [operand("stream", AnyStream), variadic("indices", Index)],
  results: [result("result", AnyType)],
  traits: [Trait.MemRead, Trait.MemWrite],
  format: "$stream (`[` $indices^ `]`)? attr-dict `:` type($stream)",
  inferTypes: inferGet,
  verify: verifyGetOp,
});

/// `df.meta_if %c { .. } else { .. }`: compile-time specialisation on an i1 of pids, parameters and constants.
export const MetaIfOp = defineOp({
  name: "df.meta_if",
  summary: "Compile-time specialisation of a kernel instance",
  operands: [operand("condition", I1)],
  regions: [region("thenRegion"), region("elseRegion")],
  traits: [Trait.SingleBlock, Trait.RecursiveMemoryEffects, Trait.NoRegionArguments],
  implicitTerminator: "df.yield",
  syntax: metaIfSyntax,
  verify: verifyMetaIfOp,
});

/// `df.call @inner<2, 2>(%a, ..) : T, ..`: instantiates a (parameterised) region inside a kernel.
export const CallOp = defineOp({
  name: "df.call",
  summary: "Instantiates a df.region inside a kernel",
  operands: [variadic("args", AnyType)],
  props: [prop("callee", FlatSymbolRefAttr), optProp("params", CallParamsAttr)],
  format: "$callee (`<` $params^ `>`)? `` `(` $args `)` attr-dict (`:` type($args)^)?",
  verify: verifyCallOp,
});

/// `df.yield`: the implicit terminator of kernel and meta_if bodies (never printed in custom form).
export const YieldOp = defineOp({
  name: "df.yield",
  summary: "Terminates a kernel or meta_if body",
  traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
  parents: ["df.kernel", "df.meta_if"],
  format: "attr-dict",
});

/// The df dialect.
export const DfDialect: DialectDef = {
  name: "df",
  // Constants folded inside a kernel stay in the kernel (each instance is a separate unit of hardware).
  shouldMaterializeInto: (region) => region.parent?.name === "df.kernel",
  ops: [RegionOp, StreamOp, KernelOp, GetPidOp, ParamOp, PutOp, GetOp, MetaIfOp, CallOp, YieldOp],
  types: dfTypeSyntax,
  attrs: dfAttrSyntax,
};
registry.register(DfDialect);
