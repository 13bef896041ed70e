// Verifiers of the scf ops: op checks, LoopLikeOpInterface and RegionBranchOpInterface type checks, MLIR 19's diagnostics.
import { AttrKind, TypeKind, type ArrayAttr, type DenseArrayAttr, type IntegerAttr, type Operation, type OpVerifyContext, type Region, type Type } from "@allo/ir-core";

import { I64_DYNAMIC } from "../memref/layout.js";

const q = (t: Type): string => `'${String(t)}'`;

/// A place control flow enters: a region (with its entry block's arguments as inputs) or the parent's results.
export interface BranchTarget {
  /// The region index, or -1 for the parent op.
  readonly region: number;
  readonly inputs: readonly Type[];
}

/// How an op's regions pass values around (MLIR's RegionBranchOpInterface).
export interface RegionBranch {
  /// Targets reachable from the parent op (`from === -1`) or from region `from`.
  successors(op: Operation, from: number): BranchTarget[];
  /// Types the parent passes to a target on entry.
  entryOperands(op: Operation): readonly Type[];
}

/// The types a region's terminator passes on: `scf.condition` forwards its trailing operands, the rest all operands.
function terminatorTypes(term: Operation): Type[] {
  const vs = term.operandValues().map((v) => v.type);
  return term.name === "scf.condition" ? vs.slice(1) : term.name === "scf.reduce" ? [] : vs;
}

function isBranchTerminator(op: Operation | null): op is Operation {
  return op !== null && (op.name === "scf.yield" || op.name === "scf.condition" || op.name === "scf.reduce");
}

function edge(from: number, to: BranchTarget): string {
  return `from ${from < 0 ? "parent operands" : `Region #${from}`} to ${to.region < 0 ? "parent results" : `Region #${to.region}`}`;
}

function checkEdge(v: OpVerifyContext, from: number, to: BranchTarget, source: readonly Type[]): boolean {
  if (source.length !== to.inputs.length) {
    return v.error(` region control flow edge ${edge(from, to)}: source has ${source.length} operands, but target successor needs ${to.inputs.length}`);
  }
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== to.inputs[i]) return v.error(` along control flow edge ${edge(from, to)}: source type #${i} ${q(source[i])} should match input type #${i} ${q(to.inputs[i])}`);
  }
  return true;
}

/// MLIR's verifyTypesAlongControlFlowEdges.
export function verifyRegionBranch(op: Operation, v: OpVerifyContext, rb: RegionBranch): boolean {
  const entry = rb.entryOperands(op);
  for (const t of rb.successors(op, -1)) if (!checkEdge(v, -1, t, entry)) return false;
  for (let r = 0; r < op.regions.length; r++) {
    const terms: Operation[] = [];
    for (let b = op.regions[r].firstBlock; b !== null; b = b.next) if (isBranchTerminator(b.lastOp)) terms.push(b.lastOp);
    if (terms.length === 0) continue;
    for (const t of rb.successors(op, r)) {
      const first = terminatorTypes(terms[0]);
      for (const other of terms.slice(1)) {
        const ts = terminatorTypes(other);
        if (ts.length !== first.length || ts.some((x, i) => x !== first[i])) return v.error(` along control flow edge from ${r} to ${t.region < 0 ? "parent results" : `Region #${t.region}`}: operand types do not match`);
      }
      if (!checkEdge(v, r, t, first)) return false;
    }
  }
  return true;
}

/// The argument types of a region's entry block.
export function entryArgTypes(r: Region, drop = 0): Type[] {
  return r.empty ? [] : r.entry.args.slice(drop).map((a) => a.type);
}

/// The values a loop passes around (MLIR's LoopLikeOpInterface).
export interface LoopLike {
  readonly inits: readonly Type[];
  readonly iterArgs: readonly Type[];
  readonly yielded: readonly Type[];
  readonly results: readonly Type[] | null;
}

/// MLIR's verifyLoopLikeOpInterface.
export function verifyLoopLike(v: OpVerifyContext, l: LoopLike): boolean {
  if (l.inits.length !== l.iterArgs.length) return v.error(`different number of inits and region iter_args: ${l.inits.length} != ${l.iterArgs.length}`);
  if (l.yielded.length !== 0 && l.iterArgs.length !== l.yielded.length) return v.error(`different number of region iter_args and yielded values: ${l.iterArgs.length} != ${l.yielded.length}`);
  if (l.results !== null && l.results.length !== l.iterArgs.length) return v.error(`different number of loop results and region iter_args: ${l.results.length} != ${l.iterArgs.length}`);
  for (let i = 0; i < l.inits.length; i++) {
    if (l.inits[i] !== l.iterArgs[i]) return v.error(`${i}-th init and ${i}-th region iter_arg have different type: ${q(l.inits[i])} != ${q(l.iterArgs[i])}`);
  }
  for (let i = 0; i < l.yielded.length; i++) {
    if (l.iterArgs[i] !== l.yielded[i]) return v.error(`${i}-th region iter_arg and ${i}-th yielded value have different type: ${q(l.iterArgs[i])} != ${q(l.yielded[i])}`);
  }
  if (l.results !== null) {
    for (let i = 0; i < l.results.length; i++) {
      if (l.iterArgs[i] !== l.results[i]) return v.error(`${i}-th region iter_arg and ${i}-th loop result have different type: ${q(l.iterArgs[i])} != ${q(l.results[i])}`);
    }
  }
  return true;
}

/// The operand types of the terminator of a region's first block (empty if it has none).
export function yieldedTypes(r: Region, name: string): Type[] {
  const t = r.empty ? null : r.entry.lastOp;
  return t !== null && t.name === name ? t.operandValues().map((x) => x.type) : [];
}

/// MLIR's verifyAndGetTerminator: the first block's terminator if it is `name`, else an error with a note.
export function terminatorOrError(v: OpVerifyContext, r: Region, name: string, message: string): Operation | null {
  const t = r.empty ? null : r.entry.lastOp;
  if (t !== null && t.name === name) return t;
  if (t !== null) v.errorWithNote(message, "terminator here", t);
  else v.error(message);
  return null;
}

/// `scf.for` (ForOp::verify): as many results as init values, bounds of one type.
export function verifyFor(op: Operation, v: OpVerifyContext): boolean {
  if (op.operands.length - 3 !== op.results.length) return v.error("mismatch in number of loop-carried values and defined values");
  return true;
}

/// `scf.for` after its body: loop-carried values, control-flow edges, ForOp::verifyRegions.
export function verifyForRegions(op: Operation, v: OpVerifyContext, rb: RegionBranch): boolean {
  const body = op.regions[0];
  const inits = op.operandValues().slice(3).map((x) => x.type);
  const iterArgs = entryArgTypes(body, 1);
  const results = op.results.map((r) => r.type);
  if (!verifyLoopLike(v, { inits, iterArgs, yielded: yieldedTypes(body, "scf.yield"), results })) return false;
  if (!verifyRegionBranch(op, v, rb)) return false;
  if (body.empty || body.entry.args.length === 0 || body.entry.args[0].type !== op.operand(0).type) return v.error("expected induction variable to be same type as bounds and step");
  if (iterArgs.length !== results.length) return v.error("mismatch in number of basic block args and defined values");
  for (let i = 0; i < results.length; i++) {
    if (inits[i] !== results[i]) return v.error(`types mismatch between ${i}th iter operand and defined value`);
    if (iterArgs[i] !== results[i]) return v.error(`types mismatch between ${i}th iter region arg and defined value`);
  }
  return true;
}

/// `scf.while` (WhileOp::verify): `scf.condition` ends the before region, `scf.yield` the after region.
export function verifyWhile(op: Operation, v: OpVerifyContext): boolean {
  if (terminatorOrError(v, op.regions[0], "scf.condition", "expects the 'before' region to terminate with 'scf.condition'") === null) return false;
  return terminatorOrError(v, op.regions[1], "scf.yield", "expects the 'after' region to terminate with 'scf.yield'") !== null;
}

/// `scf.while` after its regions: loop-carried values and control-flow edges.
export function verifyWhileRegions(op: Operation, v: OpVerifyContext, rb: RegionBranch): boolean {
  const l: LoopLike = {
    inits: op.operandValues().map((x) => x.type), iterArgs: entryArgTypes(op.regions[0]), yielded: yieldedTypes(op.regions[1], "scf.yield"), results: null,
  };
  return verifyRegionBranch(op, v, rb) && verifyLoopLike(v, l); // trait order of WhileOp: RegionBranch before LoopLike
}

// The value of an `arith.constant` integer, or null.
function constantInt(op: Operation | null): number | null {
  if (op === null || op.name !== "arith.constant") return null;
  const a = op.props.get("value");
  return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr).num : null;
}

/// `scf.parallel` (ParallelOp::verify): bounds, induction variables, and the `scf.reduce` terminator.
export function verifyParallel(op: Operation, v: OpVerifyContext): boolean {
  const seg = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values;
  const steps = op.operandValues().slice(seg[0] + seg[1], seg[0] + seg[1] + seg[2]);
  if (steps.length === 0) return v.error("needs at least one tuple element for lowerBound, upperBound and step");
  for (const s of steps) {
    const c = constantInt(s.definingOp);
    if (c !== null && c <= 0) return v.error("constant step operand must be positive");
  }
  const body = op.regions[0];
  const args = body.empty ? [] : body.entry.args;
  if (args.length !== steps.length) return v.error(`expects the same number of induction variables: ${args.length} as bound and step values: ${steps.length}`);
  if (args.some((a) => a.type.kind !== TypeKind.Index)) return v.error("expects arguments for the induction variable to be of index type");
  const reduce = terminatorOrError(v, body, "scf.reduce", "expects body to terminate with 'scf.reduce'");
  if (reduce === null) return false;
  const nResults = op.results.length, nReductions = reduce.regions.length, nInits = seg[3];
  if (nResults !== nReductions) return v.error(`expects number of results: ${nResults} to be the same as number of reductions: ${nReductions}`);
  if (nResults !== nInits) return v.error(`expects number of results: ${nResults} to be the same as number of initial values: ${nInits}`);
  for (let i = 0; i < nReductions; i++) {
    const rt = op.results[i].type, ot = reduce.operand(i).type;
    if (rt !== ot) return v.plainErrorAt(reduce, `'scf.reduce' op expects type of ${i}-th reduction operand: ${q(ot)} to be the same as the ${i}-th result type: ${q(rt)}`);
  }
  return true;
}

/// `scf.reduce` after its regions: two block arguments of the operand type, ended by `scf.reduce.return`.
export function verifyReduceRegions(op: Operation, v: OpVerifyContext): boolean {
  for (let i = 0; i < op.regions.length; i++) {
    const type = op.operand(i).type;
    const r = op.regions[i];
    if (r.empty || r.entry.empty) return v.error(`${i}-th reduction has an empty body`);
    const args = r.entry.args;
    if (args.length !== 2 || args.some((a) => a.type !== type)) return v.error(`expected two block arguments with type ${q(type)} in the ${i}-th reduction region`);
    if (r.entry.lastOp!.name !== "scf.reduce.return") return v.error("reduction bodies must be terminated with an 'scf.reduce.return' op");
  }
  return true;
}

/// `scf.reduce.return`: returns the type of the reduction inputs.
export function verifyReduceReturn(op: Operation, v: OpVerifyContext): boolean {
  const want = op.parent!.args[0]?.type;
  if (want !== undefined && want !== op.operand(0).type) return v.error(`must have type ${q(want)} (the type of the reduction inputs)`);
  return true;
}

/// `scf.index_switch` (IndexSwitchOp::verify): distinct cases, each region yielding the result types.
export function verifyIndexSwitch(op: Operation, v: OpVerifyContext): boolean {
  const cases = (op.props.get("cases") as DenseArrayAttr).values;
  const caseRegions = op.regions.slice(1);
  if (cases.length !== caseRegions.length) return v.error(`has ${caseRegions.length} case regions but ${cases.length} case values`);
  const seen = new Set<number>();
  for (const c of cases) {
    if (seen.has(c)) return v.error(`has duplicate case value: ${c}`);
    seen.add(c);
  }
  const check = (r: Region, name: string): boolean => {
    const y = r.empty ? null : r.entry.lastOp;
    if (y === null || y.name !== "scf.yield") return v.error(`expected region to end with scf.yield, but got ${y === null ? "" : y.name}`);
    if (y.operands.length !== op.results.length) {
      return v.errorWithNote(`expected each region to return ${op.results.length} values, but ${name} returns ${y.operands.length}`, "see yield operation here", y);
    }
    for (let i = 0; i < op.results.length; i++) {
      const rt = op.results[i].type, yt = y.operand(i).type;
      if (rt !== yt) return v.errorWithNote(`expected result #${i} of each region to be ${q(rt)}`, `${name} returns ${q(yt)} here`, y);
    }
    return true;
  };
  if (!check(op.regions[0], "default region")) return false;
  for (let i = 0; i < caseRegions.length; i++) if (!check(caseRegions[i], `case region #${i}`)) return false;
  return true;
}

// MLIR's verifyListOfOperandsOrIntegers.
function verifyList(v: OpVerifyContext, name: string, num: number, statics: readonly number[], dynamics: number): boolean {
  if (statics.length !== num) return v.plainError(`expected ${num} ${name} values, got ${statics.length}`);
  const want = statics.filter((x) => x === I64_DYNAMIC).length;
  if (dynamics !== want) return v.plainError(`expected ${want} dynamic ${name} values`);
  return true;
}

/// `scf.forall` (ForallOp::verify): one result per output, index induction variables, consistent bounds.
export function verifyForall(op: Operation, v: OpVerifyContext): boolean {
  const seg = (op.props.get("operandSegmentSizes") as DenseArrayAttr).values;
  const list = (n: string) => (op.props.get(n) as DenseArrayAttr).values;
  const rank = list("staticLowerBound").length;
  const outs = op.operandValues().slice(seg[0] + seg[1] + seg[2]);
  if (op.results.length !== outs.length) return v.error(`produces ${op.results.length} results, but has only ${outs.length} outputs`);
  const args = op.regions[0].empty ? [] : op.regions[0].entry.args;
  if (args.length !== rank + outs.length) return v.error(`region expects ${rank} arguments`);
  for (let i = 0; i < rank; i++) if (args[i].type.kind !== TypeKind.Index) return v.error(`expects ${i}-th block argument to be an index`);
  for (let i = 0; i < outs.length; i++) if (args[rank + i].type !== outs[i].type) return v.error(`type mismatch between ${i}-th output and corresponding block argument`);
  const mapping = op.props.get("mapping") as ArrayAttr | null;
  if (mapping !== null && mapping.elements.length !== 0 && mapping.elements.length !== rank) return v.error("mapping attribute size must match op rank");
  return verifyList(v, "lower bound", rank, list("staticLowerBound"), seg[0]) && verifyList(v, "upper bound", rank, list("staticUpperBound"), seg[1]) &&
    verifyList(v, "step", rank, list("staticStep"), seg[2]);
}

/// `scf.forall.in_parallel` (InParallelOp::verify): only tensor.parallel_insert_slice ops, into the loop's outputs.
export function verifyInParallel(op: Operation, v: OpVerifyContext): boolean {
  const forall = op.parentOp!;
  const body = forall.regions[0];
  const rank = (forall.props.get("staticLowerBound") as DenseArrayAttr).values.length;
  const outArgs = body.empty ? [] : body.entry.args.slice(rank);
  const block = op.regions[0].firstBlock;
  for (let o = block?.firstOp ?? null; o !== null; o = o.next) {
    if (o.name !== "tensor.parallel_insert_slice") return v.error("expected only tensor.parallel_insert_slice ops");
    if (!outArgs.includes(o.operand(1) as never)) return v.plainErrorAt(o, "'tensor.parallel_insert_slice' op may only insert into an output block argument");
  }
  return true;
}
