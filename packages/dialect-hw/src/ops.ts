// The hw dialect's ops: design, fifo, instance, write, read.
import {
  AnyType, ArrayAttrC, AttrKind, defineOp, FlatSymbolRefAttr, FunctionTypeAttr, getStringAttr, operand, optProp, prop,
  region, registry, result, StrAttr, SymbolNameAttr, Trait, variadic, type AttrConstraint, type DialectDef,
  type InferTypesContext,
} from "@allo/ir-core";
import { hwAttrSyntax } from "./attrs.js";
import { designSyntax } from "./syntax.js";
import { AnyFifo, fifoInfo, hwTypeSyntax } from "./types.js";
import { fifoName, verifyDesignOp, verifyFifoOp, verifyInstanceOp, verifyReadOp, verifyWriteOp } from "./verify.js";

/// A string property printed and parsed as a bare string literal in formats (MLIR parses a format's StrAttr
/// with a NoneType, so no `: type` suffix is consumed; `"P0" : index` must not read as a typed string).
const NameAttr: AttrConstraint = {
  desc: "string attribute",
  check: (a) => a.kind === AttrKind.String,
  parse: (p) => { const s = p.parseOptionalString(); return s === null ? null : getStringAttr(s); },
};

/// `hw.design @top(%A: T, ...) { fifos, instances, constants }`: the top level of a lowered design.
export const DesignOp = defineOp({
  name: "hw.design",
  summary: "A design of FIFO channels and processing-element instances",
  props: [
    prop("sym_name", SymbolNameAttr), prop("function_type", FunctionTypeAttr), optProp("sym_visibility", StrAttr),
    optProp("arg_attrs", ArrayAttrC), optProp("res_attrs", ArrayAttrC),
  ],
  regions: [region("body")],
  traits: [Trait.IsolatedFromAbove, Trait.Symbol, Trait.NoTerminator, Trait.SingleBlock],
  syntax: designSyntax,
  verify: verifyDesignOp,
});

/// `%f = hw.fifo "fifo_A[1][2]" : !hw.fifo<T, D>`: a FIFO channel.
export const FifoOp = defineOp({
  name: "hw.fifo",
  summary: "A FIFO channel between processing elements",
  results: [result("result", AnyFifo)],
  props: [prop("name", NameAttr)],
  parents: ["hw.design"],
  format: "$name attr-dict `:` type($result)",
  asmNames: (op, set) => { const n = fifoName(op); if (n !== "") set(0, n); },
  verify: verifyFifoOp,
});

/// `hw.instance @pe(%a, %f) : T, !hw.fifo<..>`: an instance of a processing element (a `func.func` with `hw.pe`).
export const InstanceOp = defineOp({
  name: "hw.instance",
  summary: "An instance of a processing element",
  operands: [variadic("args", AnyType)],
  props: [prop("callee", FlatSymbolRefAttr)],
  parents: ["hw.design"],
  format: "$callee `(` $args `)` attr-dict (`:` type($args)^)?",
  verify: verifyInstanceOp,
});

function inferWrite(ctx: InferTypesContext): string | null {
  const t = ctx.operandTypes[0]?.[0];
  const info = t === undefined ? null : fifoInfo(t);
  if (info === null) return "expected a !hw.fifo type";
  ctx.operandTypes[1] = [info.element];
  return null;
}

function inferRead(ctx: InferTypesContext): string | null {
  const t = ctx.operandTypes[0]?.[0];
  const info = t === undefined ? null : fifoInfo(t);
  if (info === null) return "expected a !hw.fifo type";
  ctx.resultTypes[0] = [info.element];
  return null;
}

/// `hw.write %f, %v : !hw.fifo<T, D>`: pushes a value (blocks while full).
export const WriteOp = defineOp({
  name: "hw.write",
  summary: "Writes a value into a FIFO",
  operands: [operand("fifo", AnyFifo), operand("value", AnyType)],
  traits: [Trait.MemWrite],
  format: "$fifo `,` $value attr-dict `:` type($fifo)",
  inferTypes: inferWrite,
  verify: verifyWriteOp,
});

/// `%v = hw.read %f : !hw.fifo<T, D>`: pops a value (blocks while empty).
export const ReadOp = defineOp({
  name: "hw.read",
  summary: "Reads a value from a FIFO",
  operands: [operand("fifo", AnyFifo)],
  results: [result("result", AnyType)],
  traits: [Trait.MemRead, Trait.MemWrite],
  format: "$fifo attr-dict `:` type($fifo)",
  inferTypes: inferRead,
  verify: verifyReadOp,
});

/// The hw dialect.
export const HwDialect: DialectDef = {
  name: "hw",
  ops: [DesignOp, FifoOp, InstanceOp, WriteOp, ReadOp],
  types: hwTypeSyntax,
  attrs: hwAttrSyntax,
};
registry.register(HwDialect);
