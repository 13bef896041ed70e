// The scf dialect (MLIR 19's SCFOps.td): for, forall, if, while, parallel/reduce, execute_region, index_switch and their terminators.
import {
  AnyType, AttrKind, DenseI64ArrayAttrC, defineOp, I1, Index, operand, optProp, prop, region, registry, SignlessIntOrIndex, Trait,
  variadic, type AttrConstraint, type DialectDef, type Operation, type Type,
} from "@allo/ir-core";
import {
  executeRegionSyntax, forallSyntax, forSyntax, ifSyntax, inParallelSyntax, parallelSyntax, whileSyntax,
} from "./syntax.js";
import { constantInt } from "./canonicalize.js";
import { foldIf } from "./fold.js";
import * as V from "./verify.js";
import type { BranchTarget, RegionBranch } from "./verify.js";

// Memory effects follow ../memref/effects.ts: loops and branches have RecursiveMemoryEffects, terminators are Pure.

const resultTypes = (op: Operation): Type[] => op.results.map((r) => r.type);
const toParent = (op: Operation): BranchTarget => ({ region: -1, inputs: resultTypes(op) });
const toRegion = (op: Operation, i: number, drop = 0): BranchTarget => ({ region: i, inputs: V.entryArgTypes(op.regions[i], drop) });

const forBranch: RegionBranch = {
  successors: (op) => [toRegion(op, 0, 1), toParent(op)],
  entryOperands: (op) => op.operandValues().slice(3).map((v) => v.type),
};

/// `scf.for %iv = %lb to %ub step %s iter_args(%acc = %init) -> (f32) { ... scf.yield %next : f32 }`.
export const ForOp = defineOp({
  name: "scf.for",
  summary: "for operation",
  operands: [operand("lowerBound", SignlessIntOrIndex), operand("upperBound", SignlessIntOrIndex), operand("step", SignlessIntOrIndex), variadic("initArgs", AnyType)],
  results: [variadic("results", AnyType)],
  regions: [region("region", false, true)],
  traits: [Trait.AutomaticAllocationScope, Trait.RecursiveMemoryEffects],
  implicitTerminator: "scf.yield",
  syntax: forSyntax,
  allTypesMatch: [["lowerBound", "upperBound", "step"]],
  verify: V.verifyFor,
  verifyRegions: (op, v) => V.verifyForRegions(op, v, forBranch),
  // A loop of constant step 1 terminates whatever its bounds (ForOp::getSpeculatability).
  extra: { speculatable: (op: Operation) => (constantInt(op.operand(2)) === 1n ? "recursive" : false) },
});

const ifBranch: RegionBranch = {
  successors: (op, from) => (from >= 0 ? [toParent(op)] : [toRegion(op, 0), op.regions[1].empty ? { region: -1, inputs: [] } : toRegion(op, 1)]),
  entryOperands: () => [],
};

/// `%r = scf.if %c -> (f32) { ... } else { ... }`.
export const IfOp = defineOp({
  name: "scf.if",
  summary: "if-then-else operation",
  operands: [operand("condition", I1)],
  results: [variadic("results", AnyType)],
  regions: [region("thenRegion", false, true), region("elseRegion")],
  traits: [Trait.RecursiveMemoryEffects, Trait.NoRegionArguments],
  implicitTerminator: "scf.yield",
  syntax: ifSyntax,
  verify: (op, v) => (op.results.length !== 0 && op.regions[1].empty ? v.error("must have an else block if defining values") : true),
  verifyRegions: (op, v) => V.verifyRegionBranch(op, v, ifBranch),
  fold: foldIf,
});

const whileBranch: RegionBranch = {
  successors: (op, from) => (from === 0 ? [toParent(op), toRegion(op, 1)] : [toRegion(op, 0)]),
  entryOperands: (op) => op.operandValues().map((v) => v.type),
};

/// `%r = scf.while (%a = %init) : (f32) -> f32 { ... scf.condition(%c) %a : f32 } do { ^bb0(%b: f32): ... }`.
export const WhileOp = defineOp({
  name: "scf.while",
  summary: "a generic 'while' loop",
  operands: [variadic("inits", AnyType)],
  results: [variadic("results", AnyType)],
  regions: [region("before", false, true), region("after", false, true)],
  traits: [Trait.RecursiveMemoryEffects, Trait.SingleBlock],
  syntax: whileSyntax,
  verify: V.verifyWhile,
  verifyRegions: (op, v) => V.verifyWhileRegions(op, v, whileBranch),
});

/// `scf.condition(%c) %a, %b : f32, i32`: ends the before region of `scf.while`.
export const ConditionOp = defineOp({
  name: "scf.condition",
  summary: "loop continuation condition",
  operands: [operand("condition", I1), variadic("args", AnyType)],
  traits: [Trait.Pure, Trait.Terminator],
  parents: ["scf.while"],
  format: "`(` $condition `)` attr-dict ($args^ `:` type($args))?",
});

/// `scf.parallel (%i) = (%lb) to (%ub) step (%s) init (%x) -> f32 { ... scf.reduce(%v : f32) { ... } }`.
export const ParallelOp = defineOp({
  name: "scf.parallel",
  summary: "parallel for operation",
  operands: [variadic("lowerBound", Index), variadic("upperBound", Index), variadic("step", Index), variadic("initVals", AnyType)],
  results: [variadic("results", AnyType)],
  regions: [region("region", false, true)],
  traits: [Trait.AutomaticAllocationScope, Trait.AttrSizedOperandSegments, Trait.RecursiveMemoryEffects],
  implicitTerminator: "scf.reduce",
  syntax: parallelSyntax,
  verify: V.verifyParallel,
});

/// `scf.reduce(%v : f32) { ^bb0(%l: f32, %r: f32): ... scf.reduce.return %x : f32 }`: ends `scf.parallel`.
export const ReduceOp = defineOp({
  name: "scf.reduce",
  summary: "reduce operation for scf.parallel",
  operands: [variadic("operands", AnyType)],
  regions: [region("reductions", true, true)],
  traits: [Trait.Terminator, Trait.RecursiveMemoryEffects],
  parents: ["scf.parallel"],
  format: "(`(` $operands^ `:` type($operands) `)`)? $reductions attr-dict",
  verifyRegions: V.verifyReduceRegions,
});

/// `scf.reduce.return %x : f32`.
export const ReduceReturnOp = defineOp({
  name: "scf.reduce.return",
  summary: "terminator for reduce operation",
  operands: [operand("result", AnyType)],
  traits: [Trait.Pure, Trait.Terminator],
  parents: ["scf.reduce"],
  format: "$result attr-dict `:` type($result)",
  verify: V.verifyReduceReturn,
});

const singleRegionBranch: RegionBranch = {
  successors: (op, from) => (from >= 0 ? [toParent(op)] : op.regions.map((_r, i) => ({ region: i, inputs: [] }))),
  entryOperands: () => [],
};

/// `%r = scf.execute_region -> i32 { ... }`: runs its (multi-block) region once.
export const ExecuteRegionOp = defineOp({
  name: "scf.execute_region",
  summary: "operation that executes its region exactly once",
  results: [variadic("results", AnyType)],
  regions: [region("region")],
  syntax: executeRegionSyntax,
  verify: (op, v) => {
    const r = op.regions[0];
    if (r.empty) return v.error("region needs to have at least one block");
    if (r.entry.args.length > 0) return v.error("region cannot have any arguments");
    return true;
  },
  verifyRegions: (op, v) => V.verifyRegionBranch(op, v, singleRegionBranch),
});

/// `%r = scf.index_switch %i -> f32 case 2 { ... } default { ... }`.
export const IndexSwitchOp = defineOp({
  name: "scf.index_switch",
  summary: "switch-case operation on an index argument",
  operands: [operand("arg", Index)],
  results: [variadic("results", AnyType)],
  props: [prop("cases", DenseI64ArrayAttrC)],
  regions: [region("defaultRegion", false, true), region("caseRegions", true, true)],
  traits: [Trait.RecursiveMemoryEffects],
  implicitTerminator: "scf.yield",
  format: "$arg attr-dict (`->` type($results)^)? custom<SwitchCases>($cases, $caseRegions) `\\n` `` `default` $defaultRegion",
  verify: V.verifyIndexSwitch,
  verifyRegions: (op, v) => V.verifyRegionBranch(op, v, singleRegionBranch),
});

/// `scf.yield %a, %b : f32, i32`: ends the regions of for, if, while (after), execute_region and index_switch.
export const YieldOp = defineOp({
  name: "scf.yield",
  summary: "loop yield and termination operation",
  operands: [variadic("results", AnyType)],
  traits: [Trait.Pure, Trait.ReturnLike, Trait.Terminator],
  parents: ["scf.execute_region", "scf.for", "scf.if", "scf.index_switch", "scf.while"],
  format: "attr-dict ($results^ `:` type($results))?",
});

const DeviceMappingArrayAttr: AttrConstraint = { desc: "Device Mapping array attribute", check: (a) => a.kind === AttrKind.Array };

/// `scf.forall (%i) in (%n) shared_outs(%o = %t) -> (tensor<?xf32>) { ... scf.forall.in_parallel { ... } }`.
export const ForallOp = defineOp({
  name: "scf.forall",
  summary: "evaluate a block multiple times in parallel",
  operands: [variadic("dynamicLowerBound", Index), variadic("dynamicUpperBound", Index), variadic("dynamicStep", Index), variadic("outputs", AnyType)],
  results: [variadic("results", AnyType)],
  props: [
    prop("staticLowerBound", DenseI64ArrayAttrC), prop("staticUpperBound", DenseI64ArrayAttrC), prop("staticStep", DenseI64ArrayAttrC),
    optProp("mapping", DeviceMappingArrayAttr),
  ],
  regions: [region("region", false, true)],
  traits: [Trait.AttrSizedOperandSegments, Trait.AutomaticAllocationScope, Trait.RecursiveMemoryEffects],
  implicitTerminator: "scf.forall.in_parallel",
  syntax: forallSyntax,
  verify: V.verifyForall,
});

/// `scf.forall.in_parallel { tensor.parallel_insert_slice ... }`: ends `scf.forall`.
export const InParallelOp = defineOp({
  name: "scf.forall.in_parallel",
  summary: "terminates a `forall` block",
  regions: [region("region", false, true)],
  traits: [Trait.Pure, Trait.Terminator, Trait.NoTerminator, Trait.GraphRegion],
  parents: ["scf.forall"],
  syntax: inParallelSyntax,
  verify: V.verifyInParallel,
});

/// The scf dialect.
export const SCFDialect: DialectDef = {
  name: "scf",
  ops: [
    ConditionOp, ExecuteRegionOp, ForOp, ForallOp, InParallelOp, IfOp, ParallelOp, ReduceOp, ReduceReturnOp, WhileOp, IndexSwitchOp,
    YieldOp,
  ],
};
registry.register(SCFDialect);
