// Custom syntax of cf.switch's cases (MLIR's parseSwitchOpCases / printSwitchOpCases).
import {
  getDenseElementsAttr, getDenseI32ArrayAttr, getVectorType, operandGroups, registerCustomDirective, TypeKind, type Block,
  type DenseArrayAttr, type DenseElementsAttr, type DenseValue, type Directive, type FormatParseState, type IntegerType, type Operation, type OpParser,
  type OpPrinter, type Type, type UnresolvedOperand, type Value,
} from "@allo/ir-core";

/// An integer as a dense elements value: a number when exact, else a bigint.
export function denseInt(v: bigint): DenseValue {
  return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v;
}

/// `^bb1` or `^bb1(%a, %b : i32, f32)` (MLIR's printSuccessorAndUseList).
export function printSuccessorAndUseList(p: OpPrinter, dest: Block, operands: readonly Value[]): void {
  p.printSuccessor(dest);
  if (operands.length === 0) return;
  p.write("(");
  p.printOperands(operands);
  p.write(" : ");
  p.printTypes(operands.map((v) => v.type));
  p.write(")");
}

/// `^bb1` with an optional `(%a : i32)`, as parsed by parseSwitchOpCases.
function parseSuccessorAndUseList(p: OpParser): { dest: Block; operands: UnresolvedOperand[]; types: Type[] } {
  const dest = p.parseSuccessor();
  if (!p.parseOptionalPunct("(")) return { dest, operands: [], types: [] };
  const operands = p.parseOperandList("none");
  const types = p.parseColonTypeList();
  p.parsePunct(")");
  return { dest, operands, types };
}

// custom<SwitchOpCases>(ref(type($flag)), $defaultDestination, $defaultOperands, type($defaultOperands), $case_values,
//                       $caseDestinations, $caseOperands, type($caseOperands), $case_operand_segments)
registerCustomDirective("SwitchOpCases", {
  print(p: OpPrinter, op: Operation, _args: readonly Directive[]): void {
    const groups = operandGroups(op, op.def!);
    p.write("  default: ");
    printSuccessorAndUseList(p, op.successors[0], groups[1]);
    const values = op.props.get("case_values") as DenseElementsAttr | null;
    if (values === null) return;
    const width = (values.type.elementType as IntegerType).width;
    const segments = (op.props.get("case_operand_segments") as DenseArrayAttr).values;
    let at = 0;
    for (let i = 0; i < values.type.numElements; i++) {
      p.write(",");
      p.printNewline();
      p.write(`  ${BigInt.asUintN(width, BigInt(values.at(i))).toString()}: `);
      printSuccessorAndUseList(p, op.successors[1 + i], groups[2].slice(at, at + segments[i]));
      at += segments[i];
    }
    p.printNewline();
  },
  parse(p: OpParser, fs: FormatParseState, _args: readonly Directive[]): void {
    const flag = fs.operandTypes[0]![0];
    p.parseKeyword("default");
    p.parsePunct(":");
    const def = parseSuccessorAndUseList(p);
    fs.state.successors.push(def.dest);
    fs.operands[1] = def.operands;
    fs.operandTypes[1] = def.types;
    const values: DenseValue[] = [], segments: number[] = [], operands: UnresolvedOperand[] = [], types: Type[] = [];
    const width = flag.kind === TypeKind.Integer ? (flag as IntegerType).width : 64;
    while (p.parseOptionalPunct(",")) {
      const v = p.parseOptionalIntegerBig();
      if (v === null) p.error("expected integer value");
      values.push(denseInt(BigInt.asIntN(width, v)));
      p.parsePunct(":");
      const c = parseSuccessorAndUseList(p);
      fs.state.successors.push(c.dest);
      operands.push(...c.operands);
      types.push(...c.types);
      segments.push(c.operands.length);
    }
    fs.operands[2] = operands;
    fs.operandTypes[2] = types;
    if (values.length) fs.state.props.set("case_values", getDenseElementsAttr(getVectorType([values.length], flag), values));
    fs.state.props.set("case_operand_segments", getDenseI32ArrayAttr(segments));
  },
});
