// Records of the MLIR `test` dialect ops (mlir/test/lib/Dialect/Test/TestOps.td) whose definitions change how
// mlir-opt prints them: properties, result and block argument names, custom syntax. Other `test.*` ops stay
// unregistered ops of a dialect that allows them, as mlir-opt's test dialect does for ops it does not know.
import {
  AnyAttr, AnyMemRef, AnyType, ArrayAttrC, AttrKind, Builtin, defineOp, FlatSymbolRefAttr, getStringAttr, I64Attr, Index,
  operand, optProp, prop, region, Region, result, StrAttr, Trait, UnitAttrC, variadic, AnyInteger,
  type ArrayAttr, type DialectDef, type StringAttr,
} from "@allo/ir-core";

/// `%r = "test.reify_bound"(%v) <{type = "EQ"}>`: reifies a bound of an index value or a dimension.
const ReifyBoundOp = defineOp({
  name: "test.reify_bound",
  operands: [operand("var", AnyType)],
  results: [result("result", Index)],
  props: [
    optProp("dim", I64Attr), prop("type", StrAttr, getStringAttr("EQ")), optProp("constant", UnitAttrC),
    optProp("scalable", UnitAttrC), optProp("vscale_min", I64Attr), optProp("vscale_max", I64Attr),
  ],
  traits: [Trait.Pure],
});

/// Results named after the `names` array (its getAsmResultNames).
const CustomResultsNameOp = defineOp({
  name: "test.custom_result_name",
  operands: [variadic("optional", AnyInteger)],
  results: [variadic("r", AnyInteger)],
  props: [prop("names", ArrayAttrC)],
  asmNames: (op, set) => {
    const names = op.props.get("names");
    if (names === null || names.kind !== AttrKind.Array) return;
    (names as ArrayAttr).elements.forEach((n, i) => {
      if (n.kind === AttrKind.String && (n as StringAttr).value !== "") set(i, (n as StringAttr).value);
    });
  },
});

/// `test.polyfor %i, %j { ... }`: index region arguments named by the `arg_names` attribute.
const PolyForOp = defineOp({
  name: "test.polyfor",
  regions: [region("region", false, true)],
  syntax: {
    parse(p, state) {
      const ivs = p.parseArgumentList("none", false);
      for (const iv of ivs) iv.type = Builtin.index;
      p.parseRegion(state.addRegion(new Region()), ivs);
      return true;
    },
    print(p, op) {
      p.write(" ");
      const body = op.regions[0];
      const args = body.empty ? [] : body.entry.args;
      args.forEach((a, i) => { if (i) p.write(", "); p.printRegionArgument(a, null, true); });
      p.write(" ");
      p.printRegion(body, false);
    },
  },
  blockArgNames: (op, _region, set) => {
    const names = op.attrs.get("arg_names");
    if (names === null || names.kind !== AttrKind.Array) return;
    (names as ArrayAttr).elements.forEach((n, i) => { if (n.kind === AttrKind.String) set(i, (n as StringAttr).value); });
  },
});

/// `test.graph_region { ... }`: a region without SSA dominance.
const GraphRegionOp = defineOp({
  name: "test.graph_region",
  regions: [region("region")],
  traits: [Trait.GraphRegion],
  format: "attr-dict-with-keyword $region",
});

/// `"test.fold_to_call_op"() <{callee = @f}>`.
const FoldToCallOp = defineOp({
  name: "test.fold_to_call_op",
  props: [prop("callee", FlatSymbolRefAttr)],
});

/// `"test.constant"() <{value = 0 : i32}> : () -> i32`.
const ConstantOp = defineOp({
  name: "test.constant",
  results: [result("result", AnyType)],
  props: [prop("value", AnyAttr)],
  traits: [Trait.ConstantLike, Trait.Pure],
  fold: (op) => [op.props.get("value")!],
});

/// An op with memref results the memref normalization rewrites (`%Y, %Z = "test.op_norm_ret"(...)`).
const OpNormRet = defineOp({
  name: "test.op_norm_ret",
  operands: [operand("X", AnyMemRef)],
  results: [result("Y", AnyMemRef), result("Z", AnyMemRef)],
});

/// The test dialect as mlir-opt registers it: the ops above, and any other `test.*` op as unregistered.
export const TestDialect: DialectDef = {
  name: "test",
  ops: [ReifyBoundOp, CustomResultsNameOp, PolyForOp, GraphRegionOp, FoldToCallOp, ConstantOp, OpNormRet],
  allowUnknownOps: true,
  // TestDialect::verifyOperationAttribute / verifyRegionArgAttribute / verifyRegionResultAttribute.
  verifyOperationAttribute: (_op, name) => (name === "test.invalid_attr" ? "invalid to use 'test.invalid_attr'" : null),
  verifyRegionArgAttribute: (_op, _r, _i, name) => (name === "test.invalid_attr" ? "invalid to use 'test.invalid_attr'" : null),
  verifyRegionResultAttribute: (_op, _r, _i, name) => (name === "test.invalid_attr" ? "invalid to use 'test.invalid_attr'" : null),
};
