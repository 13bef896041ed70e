// Canonicalization patterns of the cf ops (MLIR 19's ControlFlowOps.cpp), appended to the op records' lists on import.
import {
  AttrKind, Builtin, getBoolAttr, getDenseElementsAttr, getDenseI32ArrayAttr, getVectorType, matchConstant, operandGroups, pattern,
  registry, type Block, type BlockArgument, type DenseArrayAttr, type DenseElementsAttr, type IntegerAttr, type IntegerType, type Operation,
  type PatternRewriter, type RewritePattern, type Value,
} from "@allo/ir-core";
import { AssertOp, BranchOp, CondBranchOp, SwitchOp } from "./ops.js";
import { denseInt } from "./syntax.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`cf canonicalization needs '${name}'`);
  return d;
}

/// The integer constant `v` holds, or null.
function constantInt(v: Value): bigint | null {
  const a = matchConstant(v);
  return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr).big : null;
}

/// `cf.br ^dest(operands)` at the insertion point.
function createBr(rw: PatternRewriter, dest: Block, operands: readonly Value[], loc: Operation["loc"]): Operation {
  return rw.create(BranchOp, { operands, successors: [dest], loc });
}

/// A destination and the operands passed to it.
interface Edge { dest: Block; operands: Value[] }

/// Follows a successor that only holds an unconditional branch (not to itself) whose arguments are used only by that
/// branch, remapping the forwarded arguments (MLIR's collapseBranch); null if it cannot.
function collapseBranch(e: Edge): Edge | null {
  const b = e.dest;
  const br = b.firstOp;
  if (br === null || br !== b.lastOp || br.name !== "cf.br") return null;
  for (const a of b.args) for (const u of a.uses()) if (u.owner !== br) return null;
  const dest = br.successors[0];
  if (dest === b) return null;
  const operands = br.operandValues().map((v) => (v.definingOp === null && v.parentBlock === b ? e.operands[(v as BlockArgument).index] : v));
  return { dest, operands };
}

// ---- cf.assert ----

/// An assert of constant true is erased (AssertOp::canonicalize).
const eraseTrueAssert = pattern({
  name: "AssertOp::canonicalize", root: "cf.assert",
  matchAndRewrite(op, rw) {
    const c = constantInt(op.operand(0));
    if (c === null || c === 0n) return false;
    rw.eraseOp(op);
    return true;
  },
});

// ---- cf.br ----

/// A branch to a block whose only predecessor is the branch's block merges the two; else a branch to a block that only
/// branches on goes to that block's destination (BranchOp::canonicalize).
const simplifyBranch = pattern({
  name: "BranchOp::canonicalize", root: "cf.br",
  matchAndRewrite(op, rw) {
    const succ = op.successors[0], parent = op.parent!;
    if (succ !== parent && succ.predecessors().length === 1) {
      rw.mergeBlocks(succ, parent, op.operandValues());
      rw.eraseOp(op);
      return true;
    }
    if (succ === parent) return false;
    const c = collapseBranch({ dest: succ, operands: op.operandValues() });
    if (c === null) return false;
    rw.replaceOp(op, createBr(rw, c.dest, c.operands, op.loc).results);
    return true;
  },
});

// ---- cf.cond_br ----

function condEdges(op: Operation): [Edge, Edge] {
  const g = operandGroups(op, op.def!);
  return [{ dest: op.successors[0], operands: g[1] }, { dest: op.successors[1], operands: g[2] }];
}

function createCondBr(rw: PatternRewriter, cond: Value, t: Edge, f: Edge, loc: Operation["loc"]): Operation {
  return rw.create(CondBranchOp, {
    operands: [cond, ...t.operands, ...f.operands], successors: [t.dest, f.dest], loc,
    props: { operandSegmentSizes: getDenseI32ArrayAttr([1, t.operands.length, f.operands.length]) },
  });
}

/// cond_br on a constant -> br to the taken successor (SimplifyConstCondBranchPred).
const simplifyConstCondBranchPred = pattern({
  name: "SimplifyConstCondBranchPred", root: "cf.cond_br",
  matchAndRewrite(op, rw) {
    const c = constantInt(op.operand(0));
    if (c === null) return false;
    const e = condEdges(op)[c !== 0n ? 0 : 1];
    rw.replaceOp(op, createBr(rw, e.dest, e.operands, op.loc).results);
    return true;
  },
});

/// cond_br to blocks that only branch on -> cond_br to their destinations (SimplifyPassThroughCondBranch).
const simplifyPassThroughCondBranch = pattern({
  name: "SimplifyPassThroughCondBranch", root: "cf.cond_br",
  matchAndRewrite(op, rw) {
    const [t, f] = condEdges(op);
    const ct = collapseBranch(t), cf = collapseBranch(f);
    if (ct === null && cf === null) return false;
    rw.replaceOp(op, createCondBr(rw, op.operand(0), ct ?? t, cf ?? f, op.loc).results);
    return true;
  },
});

/// cond_br to one block: with equal operands -> br; else, if it is the block's only predecessor, br with selects of the
/// differing operands (SimplifyCondBranchIdenticalSuccessors).
const simplifyCondBranchIdenticalSuccessors = pattern({
  name: "SimplifyCondBranchIdenticalSuccessors", root: "cf.cond_br",
  matchAndRewrite(op, rw) {
    const [t, f] = condEdges(op);
    if (t.dest !== f.dest) return false;
    if (t.operands.length === f.operands.length && t.operands.every((v, i) => v === f.operands[i])) {
      rw.replaceOp(op, createBr(rw, t.dest, t.operands, op.loc).results);
      return true;
    }
    const preds = new Set(t.dest.predecessors());
    if (preds.size !== 1 || !preds.has(op.parent!)) return false;
    const merged = t.operands.map((v, i) => (v === f.operands[i] ? v : rw.create(def("arith.select"), {
      operands: [op.operand(0), v, f.operands[i]], resultTypes: [v.type], loc: op.loc,
    }).results[0]));
    rw.replaceOp(op, createBr(rw, t.dest, merged, op.loc).results);
    return true;
  },
});

/// cond_br in a block whose single predecessor cond_branches on the same condition -> br to the implied successor
/// (SimplifyCondBranchFromCondBranchOnSameCondition).
const simplifyCondBranchFromCondBranchOnSameCondition = pattern({
  name: "SimplifyCondBranchFromCondBranchOnSameCondition", root: "cf.cond_br",
  matchAndRewrite(op, rw) {
    const block = op.parent!;
    const preds = block.predecessors();
    if (preds.length !== 1) return false;
    const predBr = preds[0].lastOp!;
    if (predBr.name !== "cf.cond_br" || predBr.operand(0) !== op.operand(0)) return false;
    const e = condEdges(op)[block === predBr.successors[0] ? 0 : 1];
    rw.replaceOp(op, createBr(rw, e.dest, e.operands, op.loc).results);
    return true;
  },
});

/// Uses of the condition in a successor reached only from this cond_br are `true` (true successor) or `false`
/// (false successor) (CondBranchTruthPropagation).
const condBranchTruthPropagation = pattern({
  name: "CondBranchTruthPropagation", root: "cf.cond_br",
  matchAndRewrite(op, rw) {
    const cond = op.operand(0);
    let replaced = false;
    for (const [i, value] of [[0, true], [1, false]] as const) {
      const dest = op.successors[i];
      if (dest.predecessors().length !== 1) continue;
      let c: Value | null = null;
      for (const use of cond.uses()) {
        if (use.owner.parent !== dest) continue;
        replaced = true;
        c ??= rw.create(def("arith.constant"), { resultTypes: [Builtin.i1], props: { value: getBoolAttr(value) }, loc: op.loc }).results[0];
        const v = c;
        rw.modifyOpInPlace(use.owner, () => use.set(v));
      }
    }
    return replaced;
  },
});

// ---- cf.switch ----

interface Switch { flag: Value; def: Edge; values: bigint[]; cases: Edge[]; width: number }

function switchParts(op: Operation): Switch {
  const g = operandGroups(op, op.def!);
  const attr = op.props.get("case_values") as DenseElementsAttr | null;
  const segments = (op.props.get("case_operand_segments") as DenseArrayAttr).values;
  const width = (op.operand(0).type as IntegerType).width;
  const values = attr === null ? [] : Array.from({ length: attr.type.numElements }, (_x, i) => BigInt.asIntN(width, BigInt(attr.at(i))));
  let at = 0;
  const cases = values.map((_v, i) => {
    const e = { dest: op.successors[1 + i], operands: g[2].slice(at, at + segments[i]) };
    at += segments[i];
    return e;
  });
  return { flag: op.operand(0), def: { dest: op.successors[0], operands: g[1] }, values, cases, width };
}

function createSwitch(rw: PatternRewriter, op: Operation, s: Switch): Operation {
  const props: Record<string, unknown> = {
    case_operand_segments: getDenseI32ArrayAttr(s.cases.map((c) => c.operands.length)),
    operandSegmentSizes: getDenseI32ArrayAttr([1, s.def.operands.length, s.cases.reduce((n, c) => n + c.operands.length, 0)]),
  };
  if (s.values.length) props.case_values = getDenseElementsAttr(getVectorType([s.values.length], s.flag.type), s.values.map(denseInt));
  return rw.create(SwitchOp, {
    operands: [s.flag, ...s.def.operands, ...s.cases.flatMap((c) => c.operands)], successors: [s.def.dest, ...s.cases.map((c) => c.dest)],
    props: props as never, loc: op.loc,
  });
}

const sameEdge = (a: Edge, b: Edge) => a.dest === b.dest && a.operands.length === b.operands.length && a.operands.every((v, i) => v === b.operands[i]);

/// The edge a switch on `value` takes.
function edgeFor(s: Switch, value: bigint): Edge {
  const i = s.values.indexOf(BigInt.asIntN(s.width, value));
  return i < 0 ? s.def : s.cases[i];
}

const switchPattern = (name: string, rewrite: (op: Operation, rw: PatternRewriter, s: Switch) => boolean): RewritePattern =>
  pattern({ name, root: "cf.switch", matchAndRewrite: (op, rw) => rewrite(op, rw, switchParts(op)) });

/// The single-predecessor switch that branches here on the same flag, and whether this block is its default target.
function predSwitchOnSameFlag(op: Operation): { pred: Switch; isDefault: boolean } | null {
  const block = op.parent!;
  const preds = block.predecessors();
  if (preds.length !== 1) return null;
  const term = preds[0].lastOp!;
  if (term.name !== "cf.switch" || term.operand(0) !== op.operand(0)) return null;
  const pred = switchParts(term);
  return { pred, isDefault: pred.def.dest === block };
}

/// The cf.switch patterns, in the order of MLIR's SwitchOp::getCanonicalizationPatterns.
const switchPatterns: readonly RewritePattern[] = [
  switchPattern("simplifySwitchWithOnlyDefault", (op, rw, s) => {
    if (s.cases.length) return false;
    rw.replaceOp(op, createBr(rw, s.def.dest, s.def.operands, op.loc).results);
    return true;
  }),
  switchPattern("dropSwitchCasesThatMatchDefault", (op, rw, s) => {
    const keep = s.cases.map((c) => !sameEdge(c, s.def));
    if (keep.every((k) => k)) return false;
    rw.replaceOp(op, createSwitch(rw, op, { ...s, values: s.values.filter((_v, i) => keep[i]), cases: s.cases.filter((_c, i) => keep[i]) }).results);
    return true;
  }),
  switchPattern("simplifyConstSwitchValue", (op, rw, s) => {
    const c = constantInt(s.flag);
    if (c === null) return false;
    const e = edgeFor(s, c);
    rw.replaceOp(op, createBr(rw, e.dest, e.operands, op.loc).results);
    return true;
  }),
  switchPattern("simplifyPassThroughSwitch", (op, rw, s) => {
    let changed = false;
    const cases = s.cases.map((c) => { const n = collapseBranch(c); if (n !== null) changed = true; return n ?? c; });
    const d = collapseBranch(s.def);
    if (d !== null) changed = true;
    if (!changed) return false;
    rw.replaceOp(op, createSwitch(rw, op, { ...s, def: d ?? s.def, cases }).results);
    return true;
  }),
  switchPattern("simplifySwitchFromSwitchOnSameCondition", (op, rw, s) => {
    const p = predSwitchOnSameFlag(op);
    if (p === null || p.isDefault) return false;
    const i = p.pred.cases.findIndex((c) => c.dest === op.parent);
    const e = i < 0 ? s.def : edgeFor(s, p.pred.values[i]);
    rw.replaceOp(op, createBr(rw, e.dest, e.operands, op.loc).results);
    return true;
  }),
  switchPattern("simplifySwitchFromDefaultSwitchOnSameCondition", (op, rw, s) => {
    const p = predSwitchOnSameFlag(op);
    if (p === null || !p.isDefault) return false;
    const impossible = new Set(p.pred.values.filter((_v, i) => p.pred.cases[i].dest !== op.parent));
    const keep = s.values.map((v) => !impossible.has(v));
    if (keep.every((k) => k)) return false;
    rw.replaceOp(op, createSwitch(rw, op, { ...s, values: s.values.filter((_v, i) => keep[i]), cases: s.cases.filter((_c, i) => keep[i]) }).results);
    return true;
  }),
];

/// Every cf canonicalization pattern, by op.
export const cfPatterns: readonly (readonly [Operation["def"], readonly RewritePattern[]])[] = [
  [AssertOp, [eraseTrueAssert]],
  [BranchOp, [simplifyBranch]],
  [CondBranchOp, [simplifyConstCondBranchPred, simplifyPassThroughCondBranch, simplifyCondBranchIdenticalSuccessors,
    simplifyCondBranchFromCondBranchOnSameCondition, condBranchTruthPropagation]],
  [SwitchOp, switchPatterns],
];

for (const [record, list] of cfPatterns) {
  const target = record!.canonicalize as RewritePattern[];
  for (const p of list) if (!target.includes(p)) target.push(p);
}
