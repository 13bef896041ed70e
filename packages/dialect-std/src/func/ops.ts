// The func dialect: func.func, func.return, func.call, func.call_indirect, func.constant.
import {
  AnyType, FlatSymbolRefAttr, FunctionTypeAttr, FunctionTypeC, lookupSymbolFrom, optProp, prop, region, registry, StrAttr, symbolNameOf,
  SymbolNameAttr, Trait, TypeKind, ArrayAttrC, defineOp, operand, variadic, AttrKind, type DialectDef, type FunctionType, type Operation,
  type SymbolRefAttr, type ArrayAttr, type DictionaryAttr, type OpVerifyContext,
} from "@allo/ir-core";
import { functionSyntax, functionTypeOf } from "./syntax.js";

/// `func.func @name(%args) -> results { ... }`.
export const FuncOp = defineOp({
  name: "func.func",
  summary: "An operation with a name containing a single `SSACFG` region",
  props: [prop("sym_name", SymbolNameAttr), prop("function_type", FunctionTypeAttr), optProp("sym_visibility", StrAttr), optProp("arg_attrs", ArrayAttrC), optProp("res_attrs", ArrayAttrC)],
  regions: [region("body")],
  traits: [Trait.IsolatedFromAbove, Trait.Symbol, Trait.AffineScope, Trait.AutomaticAllocationScope],
  defaultDialect: "func",
  syntax: functionSyntax,
  verifyRegions: verifyFunctionLike,
});

/// MLIR's function_interface_impl::verifyTrait (run once the body is verified): argument and result attribute
/// arrays, their dialect attributes, and the entry block against the signature.
export function verifyFunctionLike(op: Operation, v: OpVerifyContext): boolean {
  const ft = functionTypeOf(op);
  const lists: [string, string, number][] = [["arg_attrs", "argument", ft.inputs.length], ["res_attrs", "result", ft.results.length]];
  for (const [key, what, n] of lists) {
    const all = op.props.get(key) ?? op.attrs.get(key);
    if (all === null || all.kind !== AttrKind.Array) continue;
    const es = (all as ArrayAttr).elements;
    if (es.length !== n) return v.error(`expects ${what} attribute array to have the same number of elements as the number of function ${what}s, got ${es.length}, but expected ${n}`);
    for (let i = 0; i < n; i++) {
      if (es[i].kind !== AttrKind.Dictionary) return v.error(`expects ${what} attribute dictionary to be a DictionaryAttr, but got \`${String(es[i])}\``);
      for (const e of (es[i] as DictionaryAttr).entries) {
        const dot = e.name.indexOf(".");
        if (dot < 0) return v.error(`${what === "argument" ? "arguments" : "results"} may only have dialect attributes`);
        const d = registry.dialect(e.name.slice(0, dot));
        const msg = what === "argument" ? d?.verifyRegionArgAttribute?.(op, 0, i, e.name, e.value) : d?.verifyRegionResultAttribute?.(op, 0, i, e.name, e.value);
        if (msg !== undefined && msg !== null) return v.plainError(msg);
      }
    }
  }
  if (op.regions.length !== 1) return v.error("expects one region");
  const body = op.regions[0];
  if (body.empty) return true;
  const args = body.entry.args;
  if (args.length !== ft.inputs.length) return v.error(`entry block must have ${ft.inputs.length} arguments to match function signature`);
  for (let i = 0; i < args.length; i++) {
    if (args[i].type !== ft.inputs[i]) return v.error(`type of entry block argument #${i}('${String(args[i].type)}') must match the type of the corresponding argument in function signature('${String(ft.inputs[i])}')`);
  }
  return true;
}

/// `return %a : i32`.
export const ReturnOp = defineOp({
  name: "func.return",
  summary: "Function return operation",
  operands: [variadic("operands", AnyType)],
  traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
  parents: ["func.func"],
  format: "attr-dict ($operands^ `:` type($operands))?",
  verify: (op, v) => {
    const fn = op.parentOp!;
    const ft = functionTypeOf(fn);
    const name = String(fn.props.get("sym_name") === null ? "" : (fn.props.get("sym_name") as unknown as { value: string }).value);
    if (op.operands.length !== ft.results.length) return v.error(`has ${op.operands.length} operands, but enclosing function (@${name}) returns ${ft.results.length}`);
    for (let i = 0; i < op.operands.length; i++) {
      if (op.operand(i).type !== ft.results[i]) return v.plainError(`type of return operand ${i} ('${String(op.operand(i).type)}') doesn't match function result type ('${String(ft.results[i])}') in function @${name}`);
    }
    return true;
  },
});

function verifyCallTypes(op: Operation, ft: FunctionType, v: OpVerifyContext): boolean {
  const operandTypes = op.operandValues().map((x) => x.type);
  if (ft.inputs.length !== operandTypes.length) return v.error("incorrect number of operands for callee");
  for (let i = 0; i < ft.inputs.length; i++) {
    if (operandTypes[i] !== ft.inputs[i]) return v.error(`operand type mismatch: expected operand type '${String(ft.inputs[i])}', but provided '${String(operandTypes[i])}' for operand number ${i}`);
  }
  if (ft.results.length !== op.results.length) return v.error("incorrect number of results for callee");
  for (let i = 0; i < ft.results.length; i++) {
    if (op.results[i].type !== ft.results[i]) {
      const list = (ts: readonly unknown[]) => ts.map((t) => `'${String(t)}'`).join(", ");
      return v.errorWithNotes(`result type mismatch at index ${i}`, [`      op result types: ${list(op.results.map((r) => r.type))}`, `function result types: ${list(ft.results)}`]);
    }
  }
  return true;
}

/// `call @f(%a) : (i32) -> i32`.
export const CallOp = defineOp({
  name: "func.call",
  summary: "call operation",
  operands: [variadic("operands", AnyType)],
  results: [variadic("results", AnyType)],
  props: [prop("callee", FlatSymbolRefAttr)],
  format: "$callee `(` $operands `)` attr-dict `:` functional-type($operands, results)",
  verifySymbolUses: (op, v) => {
    const ref = op.props.get("callee") as SymbolRefAttr;
    const fn = lookupSymbolFrom(op, ref);
    if (fn === null || fn.name !== "func.func") return v.error(`'${ref.root}' does not reference a valid function`);
    return verifyCallTypes(op, functionTypeOf(fn), v);
  },
});

/// `call_indirect %f(%a) : (i32) -> i32`.
export const CallIndirectOp = defineOp({
  name: "func.call_indirect",
  summary: "indirect call operation",
  operands: [operand("callee", FunctionTypeC), variadic("callee_operands", AnyType)],
  results: [variadic("results", AnyType)],
  format: "$callee `(` $callee_operands `)` attr-dict `:` type($callee)",
  inferTypes: (ctx) => {
    const ft = ctx.operandTypes[0]?.[0];
    if (ft === undefined || ft.kind !== TypeKind.Function) return "expected function type";
    ctx.operandTypes[1] = (ft as FunctionType).inputs.slice(0, ctx.operandCounts[1]);
    ctx.resultTypes[0] = (ft as FunctionType).results.slice();
    return null;
  },
});

/// `%f = constant @fn : (i32) -> i32`.
export const ConstantOp = defineOp({
  name: "func.constant",
  summary: "constant",
  results: [operand("result", AnyType)],
  props: [prop("value", FlatSymbolRefAttr)],
  traits: [Trait.Pure, Trait.ConstantLike],
  format: "attr-dict $value `:` type(results)",
  asmNames: (op, set) => set(0, "f"),
  verify: (op, v) => {
    const name = (op.props.get("value") as SymbolRefAttr).root;
    const fn = moduleFunction(op, name);
    if (fn === null) return v.error(`reference to undefined function '${name}'`);
    if (functionTypeOf(fn) !== op.results[0].type) return v.error("reference to function with mismatched type");
    return true;
  },
});

/// The `func.func` named `name` in the body of the module enclosing `op` (MLIR's lookupSymbol on the parent ModuleOp).
function moduleFunction(op: Operation, name: string): Operation | null {
  let m = op.parentOp;
  while (m !== null && m.name !== "builtin.module") m = m.parentOp;
  for (let b = m?.regions[0].firstBlock ?? null; b !== null; b = b.next) {
    for (let o = b.firstOp; o !== null; o = o.next) if (o.name === "func.func" && symbolNameOf(o) === name) return o;
  }
  return null;
}

/// The func dialect.
export const FuncDialect: DialectDef = { name: "func", ops: [FuncOp, ReturnOp, CallOp, CallIndirectOp, ConstantOp] };
registry.register(FuncDialect);

