// The math dialect op scf tests use: math.fma (mlir/include/mlir/Dialect/Math/IR/MathOps.td); the rest is not modelled.
import { defineOp, FloatLike, operand, prop, registry, result, Trait, type DialectDef } from "@allo/ir-core";
import { FastMathAttrC, fastMathNone } from "../arith/attrs.js";

/// `%r = math.fma %a, %b, %c : f32` (Math_FloatTernaryOp).
export const FmaOp = defineOp({
  name: "math.fma",
  summary: "floating point fused multipy-add operation",
  operands: [operand("a", FloatLike), operand("b", FloatLike), operand("c", FloatLike)],
  results: [result("result", FloatLike)],
  props: [prop("fastmath", FastMathAttrC, fastMathNone)],
  traits: [Trait.Pure, Trait.SameOperandsAndResultType, Trait.ElementwiseMappable],
  format: "$a `,` $b `,` $c (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
});

/// The math dialect (the op above).
export const MathDialect: DialectDef = { name: "math", ops: [FmaOp] };
registry.register(MathDialect);
