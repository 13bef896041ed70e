// The builtin dialect: `builtin.module` and `builtin.unrealized_conversion_cast`.
import { AnyType, StrAttr, SymbolNameAttr } from "./constraints.js";
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
});

/// The builtin dialect.
export const BuiltinDialect: DialectDef = { name: "builtin", ops: [ModuleOp, UnrealizedConversionCastOp] };
registry.register(BuiltinDialect);
