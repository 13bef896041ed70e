// The cf dialect (MLIR 19's ControlFlowOps.td): unstructured branches between the blocks of a region, and assert.
import {
  AnyInteger, AnyType, AttrKind, Builtin, defineOp, getDenseI32ArrayAttr, I1, operand, operandGroups, optProp, prop, registry, StrAttr, successor, Trait, TypeKind, variadic,
  type AttrConstraint, type DenseArrayAttr, type DenseElementsAttr, type DialectDef, type Operation, type OpVerifyContext,
  type Value,
} from "@allo/ir-core";
import "./syntax.js";

const DenseI32ArrayAttrC: AttrConstraint = {
  desc: "i32 dense array attribute",
  check: (a) => a.kind === AttrKind.DenseArray && (a as DenseArrayAttr).elementType === Builtin.i32,
};
const AnyIntElementsAttr: AttrConstraint = {
  desc: "integer elements attribute",
  check: (a) => a.kind === AttrKind.DenseElements && (a as DenseElementsAttr).type.elementType.kind === TypeKind.Integer,
};

/// The operand range `[start, count]` each successor receives (MLIR's BranchOpInterface::getSuccessorOperands).
export function successorOperandRanges(op: Operation): [number, number][] {
  const groups = operandGroups(op, op.def!);
  switch (op.name) {
    case "cf.br": return [[0, op.operands.length]];
    case "cf.cond_br": return [[1, groups[1].length], [1 + groups[1].length, groups[2].length]];
    default: {
      const out: [number, number][] = [[1, groups[1].length]];
      let at = 1 + groups[1].length;
      for (const n of (op.props.get("case_operand_segments") as DenseArrayAttr).values) { out.push([at, n]); at += n; }
      return out;
    }
  }
}

/// MLIR's verifyBranchSuccessorOperands: each successor gets as many operands as it has arguments, of their types.
function verifySuccessorOperands(op: Operation, v: OpVerifyContext): boolean {
  const ranges = successorOperandRanges(op);
  for (let i = 0; i < op.successors.length; i++) {
    const [start, count] = ranges[i];
    const dest = op.successors[i];
    if (count !== dest.args.length) return v.plainError(`branch has ${count} operands for successor #${i}, but target block has ${dest.args.length}`);
    for (let k = 0; k < count; k++) {
      if (op.operand(start + k).type !== dest.args[k].type) return v.plainError(`type mismatch for bb argument #${k} of successor #${i}`);
    }
  }
  return true;
}

/// Grows (or shrinks) by `delta` the operand segments of successor `i`'s operands (`operandSegmentSizes`, and
/// `case_operand_segments` for a switch case).
function resizeSuccessorSegment(op: Operation, i: number, delta: number): void {
  if (op.name === "cf.br") return;
  const seg = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values.slice();
  seg[op.name === "cf.cond_br" ? 1 + i : i === 0 ? 1 : 2] += delta;
  op.setProp("operandSegmentSizes", getDenseI32ArrayAttr(seg));
  if (op.name !== "cf.switch" || i === 0) return;
  const cases = (op.props.get("case_operand_segments") as DenseArrayAttr).values.slice();
  cases[i - 1] += delta;
  op.setProp("case_operand_segments", getDenseI32ArrayAttr(cases));
}

/// Erases operand `index`, forwarded to successor `i`, keeping the segment sizes in sync (MutableOperandRange::erase).
function eraseSuccessorOperand(op: Operation, i: number, index: number): void {
  op.eraseOperand(index);
  resizeSuccessorSegment(op, i, -1);
}

/// Appends `values` to the operands forwarded to successor `i`, keeping the segment sizes in sync
/// (MutableOperandRange::append).
function appendSuccessorOperands(op: Operation, i: number, values: readonly Value[]): void {
  const [start, count] = successorOperandRanges(op)[i];
  op.insertOperands(start + count, values);
  resizeSuccessorSegment(op, i, values.length);
}

const branchExtra = { successorOperands: (op: Operation, i: number) => successorOperandRanges(op)[i], eraseSuccessorOperand, appendSuccessorOperands };

/// `cf.assert %cond, "message"`: aborts with the message when the condition is false.
export const AssertOp = defineOp({
  name: "cf.assert",
  summary: "Assert operation with message attribute",
  operands: [operand("arg", I1)],
  props: [prop("msg", StrAttr)],
  format: "$arg `,` $msg attr-dict",
});

/// `cf.br ^bb1(%a : i32)`.
export const BranchOp = defineOp({
  name: "cf.br",
  summary: "branch operation",
  operands: [variadic("destOperands", AnyType)],
  successors: [successor("dest")],
  traits: [Trait.Pure, Trait.Terminator],
  format: "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict",
  verify: verifySuccessorOperands,
  extra: branchExtra,
});

/// `cf.cond_br %c, ^bb1(%a : i32), ^bb2`.
export const CondBranchOp = defineOp({
  name: "cf.cond_br",
  summary: "conditional branch operation",
  operands: [operand("condition", I1), variadic("trueDestOperands", AnyType), variadic("falseDestOperands", AnyType)],
  successors: [successor("trueDest"), successor("falseDest")],
  traits: [Trait.AttrSizedOperandSegments, Trait.Pure, Trait.Terminator],
  format: "$condition `,` $trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,` " +
    "$falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict",
  verify: verifySuccessorOperands,
  extra: branchExtra,
});

/// `cf.switch %flag : i32, [ default: ^bb1, 42: ^bb2(%a : i32) ]`.
export const SwitchOp = defineOp({
  name: "cf.switch",
  summary: "switch operation",
  operands: [operand("flag", AnyInteger), variadic("defaultOperands", AnyType), variadic("caseOperands", AnyType)],
  props: [optProp("case_values", AnyIntElementsAttr), prop("case_operand_segments", DenseI32ArrayAttrC)],
  successors: [successor("defaultDestination"), successor("caseDestinations", true)],
  traits: [Trait.AttrSizedOperandSegments, Trait.Pure, Trait.Terminator],
  // `$case_operand_segments` is an extra argument so that attr-dict leaves it out, as ODS does for VariadicOfVariadic.
  format: "$flag `:` type($flag) `,` `[` `\\n` custom<SwitchOpCases>(ref(type($flag)), $defaultDestination, $defaultOperands, " +
    "type($defaultOperands), $case_values, $caseDestinations, $caseOperands, type($caseOperands), $case_operand_segments) `]` attr-dict",
  verify: (op, v) => {
    const segs = (op.props.get("case_operand_segments") as DenseArrayAttr).values;
    const n = operandGroups(op, op.def!)[2].length, total = segs.reduce((a, b) => a + b, 0);
    if (n !== total) return v.error(`caseOperands count (${n}) does not match with the total size (${total}) specified in attribute 'case_operand_segments'`);
    if (!verifySuccessorOperands(op, v)) return false;
    const values = op.props.get("case_values") as DenseElementsAttr | null;
    const dests = op.successors.length - 1;
    if (values === null) return dests === 0 || v.error(`number of case values (0) should match number of case destinations (${dests})`);
    const flag = op.operand(0).type, et = values.type.elementType;
    if (et !== flag) return v.error(`'flag' type ('${String(flag)}') should match case value type ('${String(et)}')`);
    if (values.type.numElements !== dests) return v.error(`number of case values (${values.type.numElements}) should match number of case destinations (${dests})`);
    return true;
  },
  extra: branchExtra,
});

/// The cf dialect.
export const ControlFlowDialect: DialectDef = { name: "cf", ops: [AssertOp, BranchOp, CondBranchOp, SwitchOp] };
registry.register(ControlFlowDialect);
