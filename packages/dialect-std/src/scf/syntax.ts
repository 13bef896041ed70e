// Hand-written scf syntax (MLIR's SCF.cpp print/parse): for, if, while, parallel, execute_region, forall and the switch cases.
import {
  Builtin, getDenseI32ArrayAttr, getDenseI64ArrayAttr, regionGroup, registerCustomDirective, Region, TypeKind, type Attribute,
  type DenseArrayAttr, type Directive, type FormatParseState, type FunctionType, type Operation, type OperationState, type OpParser,
  type OpPrinter, type OpSyntax, type ParsedArgument, type Type, type UnresolvedOperand, type Value,
} from "@allo/ir-core";
import { I64_DYNAMIC } from "../memref/layout.js";
import { parseDynamicIndexList, printDynamicIndexList, sortedAttrs } from "../memref/syntax.js";

/// Prints `<prefix>(%inner = %outer, ...)` (nothing when empty).
function printInitializationList(p: OpPrinter, args: readonly Value[], inits: readonly Value[], prefix: string): void {
  if (inits.length === 0) return;
  p.write(prefix + "(");
  for (let i = 0; i < inits.length; i++) {
    if (i) p.write(", ");
    p.printOperand(args[i]);
    p.write(" = ");
    p.printOperand(inits[i]);
  }
  p.write(")");
}

// `-> type` or `-> (types)`, the arrow required.
function parseArrowTypeList(p: OpParser): Type[] {
  if (!p.atPunct("->")) p.parsePunct("->");
  return p.parseOptionalArrowTypeList();
}

/// `scf.for %iv = %lb to %ub step %step iter_args(%a = %init) -> (T) [: i32] { ... }`.
export const forSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    const body = op.regions[0].entry;
    const inits = op.operandValues().slice(3);
    p.write(" ");
    p.printOperand(body.args[0]);
    p.write(" = ");
    p.printOperand(op.operand(0));
    p.write(" to ");
    p.printOperand(op.operand(1));
    p.write(" step ");
    p.printOperand(op.operand(2));
    printInitializationList(p, body.args.slice(1), inits, " iter_args");
    if (inits.length) { p.write(" -> ("); p.printTypes(inits.map((x) => x.type)); p.write(")"); }
    p.write(" ");
    const ivType = body.args[0].type;
    if (ivType !== Builtin.index) { p.write(" : "); p.printType(ivType); p.write(" "); }
    p.printRegion(op.regions[0], false, inits.length > 0);
    p.printOptionalAttrDict(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const iv = p.parseArgument(false);
    p.parsePunct("=");
    const lb = p.parseOperand();
    p.parseKeyword("to");
    const ub = p.parseOperand();
    p.parseKeyword("step");
    const step = p.parseOperand();
    const args: ParsedArgument[] = [iv];
    const inits: UnresolvedOperand[] = [];
    const hasIterArgs = p.parseOptionalKeyword("iter_args");
    if (hasIterArgs) {
      p.parseAssignmentList(args, inits);
      state.resultTypes.push(...parseArrowTypeList(p));
    }
    if (args.length !== state.resultTypes.length + 1) p.error("custom op 'scf.for' mismatch in number of loop-carried values and defined values", state.offset);
    const type = p.parseOptionalPunct(":") ? p.parseType() : Builtin.index;
    iv.type = type;
    state.operands.push(p.resolveOperand(lb, type), p.resolveOperand(ub, type), p.resolveOperand(step, type));
    for (let i = 0; i < inits.length; i++) {
      args[i + 1].type = state.resultTypes[i];
      state.operands.push(p.resolveOperand(inits[i], state.resultTypes[i]));
    }
    const body = state.addRegion(new Region());
    p.parseRegion(body, args);
    p.ensureTerminator(body, "scf.yield", state.loc);
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
};

/// `scf.if %c [-> (T)] { ... } [else { ... }]`.
export const ifSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.write(" ");
    p.printOperand(op.operand(0));
    const withResults = op.results.length > 0;
    if (withResults) { p.write(" -> ("); p.printTypes(op.results.map((r) => r.type)); p.write(")"); }
    p.write(" ");
    p.printRegion(op.regions[0], false, withResults);
    if (!op.regions[1].empty) {
      p.write(" else ");
      p.printRegion(op.regions[1], false, withResults);
    }
    p.printOptionalAttrDict(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const thenRegion = state.addRegion(new Region());
    const elseRegion = state.addRegion(new Region());
    state.operands.push(p.resolveOperand(p.parseOperand(), Builtin.i1));
    state.resultTypes.push(...p.parseOptionalArrowTypeList());
    p.parseRegion(thenRegion);
    p.ensureTerminator(thenRegion, "scf.yield", state.loc);
    if (p.parseOptionalKeyword("else")) {
      p.parseRegion(elseRegion);
      p.ensureTerminator(elseRegion, "scf.yield", state.loc);
    }
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
};

/// `scf.while (%a = %init) : (T) -> R { ... scf.condition(%c) %x : R } do { ^bb0(%y: R): ... }`.
export const whileSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    const before = op.regions[0];
    printInitializationList(p, before.empty ? [] : before.entry.args, op.operandValues(), " ");
    p.write(" : ");
    p.printFunctionalType(op.operandValues().map((x) => x.type), op.results.map((r) => r.type));
    p.write(" ");
    p.printRegion(before, false);
    p.write(" do ");
    p.printRegion(op.regions[1]);
    p.printOptionalAttrDictWithKeyword(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const before = state.addRegion(new Region());
    const after = state.addRegion(new Region());
    const args: ParsedArgument[] = [];
    const inits: UnresolvedOperand[] = [];
    p.parseOptionalAssignmentList(args, inits);
    p.parsePunct(":");
    const at = p.currentOffset();
    const t = p.parseType();
    if (t.kind !== TypeKind.Function) p.error("invalid kind of type specified", at);
    const ft = t as FunctionType;
    state.resultTypes.push(...ft.results);
    if (ft.inputs.length !== inits.length) p.error(`custom op 'scf.while' expected as many input types as operands (expected ${inits.length} got ${ft.inputs.length})`, at);
    state.operands.push(...p.resolveOperands(inits, ft.inputs));
    args.forEach((a, i) => { a.type = ft.inputs[i]; });
    p.parseRegion(before, args);
    p.parseKeyword("do");
    p.parseRegion(after);
    p.parseOptionalAttrDictWithKeyword(state.attrs);
    return true;
  },
};

/// `scf.parallel (%i) = (%lb) to (%ub) step (%s) [init (%x)] [-> T] { ... }`.
export const parallelSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    const seg = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values;
    const vs = op.operandValues();
    let at = 0;
    const group = (n: number) => { const g = vs.slice(at, at + n); at += n; return g; };
    p.write(" (");
    p.printOperands(op.regions[0].entry.args);
    p.write(") = (");
    p.printOperands(group(seg[0]));
    p.write(") to (");
    p.printOperands(group(seg[1]));
    p.write(") step (");
    p.printOperands(group(seg[2]));
    p.write(")");
    const inits = group(seg[3]);
    if (inits.length) { p.write(" init ("); p.printOperands(inits); p.write(")"); }
    p.printOptionalArrowTypeList(op.results.map((r) => r.type));
    p.write(" ");
    p.printRegion(op.regions[0], false);
    p.printOptionalAttrDict(sortedAttrs(op, ["operandSegmentSizes"]));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const ivs = p.parseArgumentList("paren", false);
    const bounds = (): UnresolvedOperand[] => {
      const at = p.currentOffset();
      const us = p.parseOperandList("paren");
      if (us.length !== ivs.length) p.error(`expected ${ivs.length} operands`, at);
      state.operands.push(...p.resolveOperands(us, Builtin.index));
      return us;
    };
    p.parsePunct("=");
    const lower = bounds();
    p.parseKeyword("to");
    const upper = bounds();
    p.parseKeyword("step");
    const steps = bounds();
    const inits = p.parseOptionalKeyword("init") ? p.parseOperandList("paren") : [];
    state.resultTypes.push(...p.parseOptionalArrowTypeList());
    const body = state.addRegion(new Region());
    for (const iv of ivs) iv.type = Builtin.index;
    p.parseRegion(body, ivs);
    state.props.set("operandSegmentSizes", getDenseI32ArrayAttr([lower.length, upper.length, steps.length, inits.length]));
    p.parseOptionalAttrDict(state.attrs);
    state.operands.push(...p.resolveOperands(inits, state.resultTypes, state.offset));
    p.ensureTerminator(body, "scf.reduce", state.loc);
    return true;
  },
};

/// `scf.execute_region [-> T] { ... }`.
export const executeRegionSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.printOptionalArrowTypeList(op.results.map((r) => r.type));
    p.write(" ");
    p.printRegion(op.regions[0], false, true);
    p.printOptionalAttrDict(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    state.resultTypes.push(...p.parseOptionalArrowTypeList());
    p.parseRegion(state.addRegion(new Region()));
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
};

/// True if all lower bounds are 0 and all steps 1 (ForallOp::isNormalized), looking through `arith.constant`.
function isNormalized(lbs: readonly number[], steps: readonly number[], dynLbs: readonly Value[], dynSteps: readonly Value[]): boolean {
  const all = (statics: readonly number[], dyn: readonly Value[], want: number) => {
    let k = 0;
    return statics.every((s) => {
      if (s !== I64_DYNAMIC) return s === want;
      const d = dyn[k++].definingOp;
      const a = d !== null && d.name === "arith.constant" ? d.props.get("value") : null;
      return a !== null && (a as Attribute & { value?: unknown }).value === want;
    });
  };
  return all(lbs, dynLbs, 0) && all(steps, dynSteps, 1);
}

/// `scf.forall (%i, %j) in (%n, 8) [shared_outs(%o = %t) -> (T)] { ... }` or `= (lbs) to (ubs) step (steps)`.
export const forallSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    const seg = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values;
    const vs = op.operandValues();
    let at = 0;
    const group = (n: number) => { const g = vs.slice(at, at + n); at += n; return g; };
    const dynLbs = group(seg[0]), dynUbs = group(seg[1]), dynSteps = group(seg[2]), outs = group(seg[3]);
    const st = (n: string) => (op.props.get(n) as DenseArrayAttr).values;
    const body = op.regions[0].entry;
    const rank = st("staticUpperBound").length;
    p.write(" (");
    p.printOperands(body.args.slice(0, rank));
    if (isNormalized(st("staticLowerBound"), st("staticStep"), dynLbs, dynSteps)) {
      p.write(") in ");
      printDynamicIndexList(p, dynUbs, st("staticUpperBound"), "(", ")");
    } else {
      p.write(") = ");
      printDynamicIndexList(p, dynLbs, st("staticLowerBound"), "(", ")");
      p.write(" to ");
      printDynamicIndexList(p, dynUbs, st("staticUpperBound"), "(", ")");
      p.write(" step ");
      printDynamicIndexList(p, dynSteps, st("staticStep"), "(", ")");
    }
    printInitializationList(p, body.args.slice(rank), outs, " shared_outs");
    p.write(" ");
    if (outs.length) { p.write("-> ("); p.printTypes(op.results.map((r) => r.type)); p.write(") "); }
    p.printRegion(op.regions[0], false, op.results.length > 0);
    p.printOptionalAttrDict(sortedAttrs(op, ["operandSegmentSizes", "staticLowerBound", "staticUpperBound", "staticStep"]));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const ivs = p.parseArgumentList("paren", false);
    const lbs: UnresolvedOperand[] = [], ubs: UnresolvedOperand[] = [], steps: UnresolvedOperand[] = [];
    const list = (into: UnresolvedOperand[]) => {
      const statics = parseDynamicIndexList(p, into, "(", state.offset);
      state.operands.push(...p.resolveOperands(into, Builtin.index));
      return statics;
    };
    let sLbs: number[], sUbs: number[], sSteps: number[];
    if (p.parseOptionalKeyword("in")) {
      sUbs = list(ubs);
      sLbs = ivs.map(() => 0);
      sSteps = ivs.map(() => 1);
    } else {
      p.parsePunct("=");
      sLbs = list(lbs);
      p.parseKeyword("to");
      sUbs = list(ubs);
      p.parseKeyword("step");
      sSteps = list(steps);
    }
    const outArgs: ParsedArgument[] = [];
    const outs: UnresolvedOperand[] = [];
    if (p.parseOptionalKeyword("shared_outs")) {
      p.parseAssignmentList(outArgs, outs);
      state.resultTypes.push(...p.parseOptionalArrowTypeList());
      state.operands.push(...p.resolveOperands(outs, state.resultTypes));
    }
    for (const iv of ivs) iv.type = Builtin.index;
    outArgs.forEach((a, i) => { a.type = state.resultTypes[i]; });
    const body = state.addRegion(new Region());
    p.parseRegion(body, [...ivs, ...outArgs]);
    p.ensureTerminator(body, "scf.forall.in_parallel", state.loc);
    // The implicit terminator gets its block, as MLIR's InParallelOp builder makes it.
    const term = body.entry.lastOp!;
    if (term.name === "scf.forall.in_parallel" && term.regions[0].empty) term.regions[0].appendBlock();
    p.parseOptionalAttrDict(state.attrs);
    state.props.set("staticLowerBound", getDenseI64ArrayAttr(sLbs));
    state.props.set("staticUpperBound", getDenseI64ArrayAttr(sUbs));
    state.props.set("staticStep", getDenseI64ArrayAttr(sSteps));
    state.props.set("operandSegmentSizes", getDenseI32ArrayAttr([lbs.length, ubs.length, steps.length, outs.length]));
    return true;
  },
};

/// `scf.forall.in_parallel { ... }`.
export const inParallelSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.write(" ");
    p.printRegion(op.regions[0], false, false);
    p.printOptionalAttrDict(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const r = state.addRegion(new Region());
    p.parseRegion(r);
    if (r.empty) r.appendBlock();
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
};

// custom<SwitchCases>($cases, $caseRegions): `case 2 { ... }` on their own lines.
registerCustomDirective("SwitchCases", {
  print(p: OpPrinter, op: Operation, args: readonly Directive[]): void {
    const cases = (op.props.get(args[0].text) as DenseArrayAttr).values;
    const regions = regionGroup(op, op.def!, args[1].slot);
    for (let i = 0; i < cases.length && i < regions.length; i++) {
      p.printNewline();
      p.write(`case ${cases[i]} `);
      p.printRegion(regions[i], false);
    }
  },
  parse(p: OpParser, fs: FormatParseState, args: readonly Directive[]): void {
    const state = fs.state;
    while (state.regions.length < args[1].slot) state.addRegion(new Region());
    const cases: number[] = [];
    while (p.parseOptionalKeyword("case")) {
      cases.push(p.parseInteger());
      p.parseRegion(state.addRegion(new Region()));
    }
    state.props.set(args[0].text, getDenseI64ArrayAttr(cases));
  },
});
