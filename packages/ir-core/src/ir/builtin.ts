// The builtin dialect: `builtin.module` and `builtin.unrealized_conversion_cast`.
import { AnyType, StrAttr, SymbolNameAttr } from "./constraints.js";
import type { Operation, Value } from "./ir.js";
import { defineOp, optProp, region, registry, Trait, variadic, type DialectDef } from "./opdef.js";

/// `module @name attributes {...} { ... }`.
export const ModuleOp = defineOp({
  name: "builtin.module",
  summary: "A top level container operation",
  props: [optProp("sym_name", SymbolNameAttr), optProp("sym_visibility", StrAttr)],
  regions: [region("bodyRegion", false, true)],
  // GraphRegion: MLIR's ModuleOp is a RegionKindInterface op whose body has no SSA dominance.
  traits: [Trait.IsolatedFromAbove, Trait.NoTerminator, Trait.SymbolTable, Trait.SingleBlock, Trait.NoRegionArguments, Trait.AffineScope, Trait.GraphRegion],
  defaultDialect: "builtin",
  format: "($sym_name^)? attr-dict-with-keyword $bodyRegion",
  verify: (op, v) => {
    // Discardable attributes of a module must belong to a dialect (ModuleOp::verify).
    for (const e of op.attrs.entries) {
      if (!e.name.includes(".")) return v.error(`can only contain attributes with dialect-prefixed names, found: '${e.name}'`);
    }
    return true;
  },
});

/// `%0 = builtin.unrealized_conversion_cast %a : i32 to i64`.
export const UnrealizedConversionCastOp = defineOp({
  name: "builtin.unrealized_conversion_cast",
  summary: "An unrealized conversion from one set of types to another",
  operands: [variadic("inputs", AnyType)],
  results: [variadic("outputs", AnyType)],
  traits: [Trait.Pure],
  format: "($inputs^ `:` type($inputs))? `to` type($outputs) attr-dict",
  verify: (op, v) => op.results.length !== 0 || v.error("expected at least one result for cast operation"),
  fold: foldUnrealizedCast,
});

/// MLIR's UnrealizedConversionCastOp::fold: a cast to its own input types is its inputs; a cast of all the results
/// of another cast, back to that cast's input types, is that cast's inputs.
function foldUnrealizedCast(op: Operation): readonly Value[] | null {
  const ins = op.operands, outs = op.results;
  if (ins.length === outs.length && ins.every((o, i) => o.value.type === outs[i].type)) return op.operandValues();
  if (ins.length === 0) return null;
  const first = ins[0].value.definingOp;
  if (first === null || first.name !== op.name || first.results.length !== ins.length) return null;
  if (!ins.every((o, i) => o.value === first.results[i])) return null;
  if (first.operands.length !== outs.length || !first.operands.every((o, i) => o.value.type === outs[i].type)) return null;
  return first.operandValues();
}

/// The builtin dialect.
export const BuiltinDialect: DialectDef = { name: "builtin", ops: [ModuleOp, UnrealizedConversionCastOp] };
registry.register(BuiltinDialect);
