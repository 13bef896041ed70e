// Aggressive region simplification (MLIR 19's RegionUtils.cpp): merging blocks whose bodies are identical except for
// operands defined outside them (they become new arguments of the merged block, passed by its predecessors), and
// dropping block arguments that every predecessor passes the same value.
import type { Location } from "../ir/attrs.js";
import { ValueKind, type Block, type BlockArgument, type OpResult, type Operation, type Region, type Value } from "../ir/ir.js";
import { appendSuccessorOperands, eraseSuccessorOperand, isBranchOp, successorOperandRange } from "./branch-operands.js";
import type { PatternRewriter } from "./pattern.js";

/// Each (terminator, successor index) branching to `block` (MLIR's pred_iterator with getSuccessorIndex).
function predecessorEdges(block: Block): [Operation, number][] {
  const out: [Operation, number][] = [];
  for (let b = block.parent!.firstBlock; b !== null; b = b.next) {
    const t = b.lastOp;
    if (t !== null) for (let i = 0; i < t.successors.length; i++) if (t.successors[i] === block) out.push([t, i]);
  }
  return out;
}

/// MLIR's Value::getLoc: the defining op's location, or the block argument's.
function valueLoc(v: Value): Location {
  return v.valueKind === ValueKind.OpResult ? v.definingOp!.loc : (v as BlockArgument).loc;
}

/// True if `v` is used by an op of another block (MLIR's Value::isUsedOutsideOfBlock).
function isUsedOutsideOfBlock(v: Value, block: Block): boolean {
  for (let u = v.firstUse; u !== null; u = u.nextUse) if (u.owner.parent !== block) return true;
  return false;
}

/// True if a result of `op` is used by an op of another block (MLIR's Operation::isUsedOutsideOfBlock).
function isOpUsedOutsideOfBlock(op: Operation, block: Block): boolean {
  return op.results.some((r) => isUsedOutsideOfBlock(r, block));
}

/// MLIR's OperationEquivalence::isEquivalentTo ignoring operand values and locations: the same name, properties,
/// attributes, numbers of regions, successors, operands and results, and the same operand and result types.
function equivalentIgnoringOperands(a: Operation, b: Operation): boolean {
  if (a.name !== b.name || a.attrs !== b.attrs || a.props !== b.props || a.regions.length !== b.regions.length) return false;
  if (a.successors.length !== b.successors.length || a.operands.length !== b.operands.length || a.results.length !== b.results.length) return false;
  for (let i = 0; i < a.operands.length; i++) if (a.operand(i).type !== b.operand(i).type) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i].type !== b.results[i].type) return false;
  return true;
}

/// A block and the position of each value it defines: its arguments, then the results of its ops in order
/// (MLIR's BlockEquivalenceData).
class BlockData {
  private readonly order = new Map<Operation, number>();
  constructor(readonly block: Block) {
    let n = block.args.length;
    for (let op = block.firstOp; op !== null; op = op.next) {
      if (op.results.length === 0) continue;
      this.order.set(op, n);
      n += op.results.length;
    }
  }
  orderOf(v: Value): number {
    return v.valueKind === ValueKind.OpResult ? this.order.get(v.definingOp!)! + (v as OpResult).index : (v as BlockArgument).index;
  }
}

/// False if `v` is the result of the terminator of a predecessor of `block`: it would not dominate the merged block.
function isValidSuccessorArg(block: Block, v: Value): boolean {
  const parent = v.parentBlock!;
  if (v.definingOp === null || v.definingOp !== parent.lastOp) return true;
  return !predecessorEdges(block).some(([t]) => t.parent === parent);
}

/// Blocks to merge into a leader, and the (op index, operand index) pairs where their bodies differ (MLIR's
/// BlockMergeCluster).
class MergeCluster {
  readonly blocks: Block[] = [];
  private readonly operandsToMerge = new Map<string, [number, number]>();
  constructor(readonly leader: BlockData) {}

  /// Adds `data`'s block if its body matches the leader's; false otherwise.
  tryAdd(data: BlockData): boolean {
    const lb = this.leader.block, mb = data.block;
    if (lb.args.length !== mb.args.length || lb.args.some((a, i) => a.type !== mb.args[i].type)) return false;
    const mismatched: [number, number][] = [];
    let l = lb.firstOp, r = mb.firstOp, opI = 0;
    for (; l !== null && r !== null; l = l.next, r = r.next, opI++) {
      if (!equivalentIgnoringOperands(l, r)) return false;
      for (let k = 0; k < l.operands.length; k++) {
        const x = l.operand(k), y = r.operand(k);
        if (x === y) continue;
        const xIn = x.parentBlock === lb, yIn = y.parentBlock === mb;
        if (xIn !== yIn) return false;
        if (!xIn) {
          if (!isValidSuccessorArg(lb, x) || !isValidSuccessorArg(mb, y)) return false;
          mismatched.push([opI, k]);
          continue;
        }
        if (this.leader.orderOf(x) !== data.orderOf(y)) return false;
      }
      // The merged op would stand for either block's op, so neither may be used outside its block.
      if (isOpUsedOutsideOfBlock(r, mb) || isOpUsedOutsideOfBlock(l, lb)) return false;
    }
    if (l !== null || r !== null) return false;
    for (const m of mismatched) this.operandsToMerge.set(`${m[0]},${m[1]}`, m);
    if (!this.blocks.includes(mb)) this.blocks.push(mb);
    return true;
  }

  /// Merges the blocks into the leader; false if there are none or some predecessor cannot pass new operands.
  merge(rw: PatternRewriter): boolean {
    if (this.blocks.length === 0) return false;
    const leader = this.leader.block;
    if (this.operandsToMerge.size !== 0) {
      if (!canUpdatePredecessorOperands(leader) || !this.blocks.every(canUpdatePredecessorOperands)) return false;
      const pairs = [...this.operandsToMerge.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const cursors: Operation[] = [leader.firstOp!, ...this.blocks.map((b) => b.firstOp!)];
      const newArguments: Value[][] = cursors.map(() => []);
      const numOldArguments = leader.args.length;
      let at = 0;
      for (const [opI, k] of pairs) {
        for (let i = 0; i < cursors.length; i++) {
          for (let s = at; s < opI; s++) cursors[i] = cursors[i].next!;
          const operand = cursors[i].operands[k];
          const v = operand.value;
          newArguments[i].push(v);
          if (i === 0) operand.set(leader.addArgument(v.type, valueLoc(v)));
        }
        at = opI;
      }
      const lists = pruneRedundantArguments(rw, newArguments, numOldArguments, leader);
      const update = (b: Block, list: readonly Value[]) => { for (const [t, i] of predecessorEdges(b)) appendSuccessorOperands(t, i, list); };
      update(leader, lists[0]);
      this.blocks.forEach((b, i) => update(b, lists[i + 1]));
    }
    for (const b of this.blocks) {
      for (const [t, i] of predecessorEdges(b)) t.successors[i] = leader;
      rw.eraseBlock(b);
    }
    return true;
  }
}

/// True if every predecessor of `block` ends in a branch op, whose successor operands can be changed.
function canUpdatePredecessorOperands(block: Block): boolean {
  return predecessorEdges(block).every(([t]) => isBranchOp(t));
}

/// MLIR's pruneRedundantArguments: a new argument of `block` (past its first `numOldArguments`) whose values repeat an
/// earlier new argument's in every list (the leader's list and each merged block's) is replaced by that argument and
/// erased. Returns the lists without the pruned entries. As MLIR, only the first position of each of the leader's
/// values is tried.
function pruneRedundantArguments(rw: PatternRewriter, lists: readonly Value[][], numOldArguments: number, block: Block): Value[][] {
  const first = new Map<Value, number>();
  lists[0].forEach((v, j) => { if (!first.has(v)) first.set(v, j); });
  const replacement = new Map<number, number>();
  for (let j = 0; j < lists[0].length; j++) {
    const k = first.get(lists[0][j])!;
    if (k !== j && lists.every((l) => l[k] === l[j])) replacement.set(j, k);
  }
  const erased: number[] = [];
  for (const [j, k] of replacement) {
    rw.replaceAllUsesWith(block.args[numOldArguments + j], block.args[numOldArguments + k]);
    erased.push(numOldArguments + j);
  }
  for (const i of erased.sort((a, b) => b - a)) block.eraseArgument(i);
  return lists.map((l) => l.filter((_, j) => !replacement.has(j)));
}

/// Merges the identical blocks of `region` (other than the entry block), grouped by their successors.
function mergeIdenticalBlocksOf(rw: PatternRewriter, region: Region): boolean {
  const entry = region.firstBlock;
  if (entry === null || entry.next === null) return false;
  const groups: { readonly successors: readonly Block[]; readonly blocks: Block[] }[] = [];
  for (let b: Block | null = entry.next; b !== null; b = b.next) {
    const succ = b.lastOp?.successors ?? [];
    const g = groups.find((x) => x.successors.length === succ.length && x.successors.every((s, i) => s === succ[i]));
    if (g !== undefined) g.blocks.push(b);
    else groups.push({ successors: succ.slice(), blocks: [b] });
  }
  let merged = false;
  for (const { blocks } of groups) {
    if (blocks.length === 1) continue;
    const clusters: MergeCluster[] = [];
    for (const b of blocks) {
      if (b.ops().some((op) => op.regions.some((r) => !r.empty))) continue;
      if (b.args.some((a) => isUsedOutsideOfBlock(a, b))) continue;
      const data = new BlockData(b);
      if (!clusters.some((c) => c.tryAdd(data))) clusters.push(new MergeCluster(data));
    }
    for (const c of clusters) if (c.merge(rw)) merged = true;
  }
  return merged;
}

/// Runs `visit` on `regions` and the regions nested in them, from a worklist taken from the back (MLIR's
/// SmallSetVector); a region for which `visit` returns true is visited again.
function visitRegions(regions: readonly Region[], visit: (r: Region) => boolean, revisit: boolean): boolean {
  const list: Region[] = [], inList = new Set<Region>();
  const push = (r: Region) => { if (!inList.has(r)) { inList.add(r); list.push(r); } };
  regions.forEach(push);
  let changed = false;
  while (list.length !== 0) {
    const r = list.pop()!;
    inList.delete(r);
    if (visit(r)) {
      changed = true;
      if (revisit) push(r);
    }
    for (let b = r.firstBlock; b !== null; b = b.next) for (let op = b.firstOp; op !== null; op = op.next) op.regions.forEach(push);
  }
  return changed;
}

/// Merges identical blocks in `regions` and nested regions, adding block arguments for the operands that differ
/// (MLIR's mergeIdenticalBlocks); true if any were merged.
export function mergeIdenticalBlocks(rw: PatternRewriter, regions: readonly Region[]): boolean {
  return visitRegions(regions, (r) => mergeIdenticalBlocksOf(rw, r), true);
}

/// Drops each argument of `block` that every predecessor (all branch ops, along `edges`) passes the same value, using
/// that value instead.
function dropRedundantArgumentsOf(rw: PatternRewriter, block: Block, edges: readonly (readonly [Operation, number])[]): boolean {
  const dropped: number[] = [];
  block.args.forEach((arg, idx) => {
    let common: Value | null = null;
    for (const [t, i] of edges) {
      const range = successorOperandRange(t, i);
      if (range === null) return;
      const v = t.operand(range[0] + idx);
      if (common === null) common = v;
      else if (v !== common) return;
    }
    // A block whose only predecessor passes it its own argument is unreachable (MLIR would not stop replacing it).
    if (common === null || common === arg) return;
    dropped.push(idx);
    rw.replaceAllUsesWith(arg, common);
  });
  for (let k = dropped.length - 1; k >= 0; k--) {
    block.eraseArgument(dropped[k]);
    for (const [t, i] of edges) eraseSuccessorOperand(t, i, successorOperandRange(t, i)![0] + dropped[k]);
  }
  return dropped.length !== 0;
}

/// Drops block arguments that every predecessor passes the same value, in `regions` and nested regions (MLIR's
/// dropRedundantArguments); true if any were dropped.
export function dropRedundantArguments(rw: PatternRewriter, regions: readonly Region[]): boolean {
  return visitRegions(regions, (r) => {
    // Dropping arguments changes no successor, so the predecessors are found once per region.
    const edges = new Map<Block, [Operation, number][]>();
    for (let b = r.firstBlock; b !== null; b = b.next) {
      const t = b.lastOp;
      if (t === null) continue;
      for (let i = 0; i < t.successors.length; i++) {
        let l = edges.get(t.successors[i]);
        if (l === undefined) edges.set(t.successors[i], (l = []));
        l.push([t, i]);
      }
    }
    let changed = false;
    for (let b = r.firstBlock; b !== null; b = b.next) {
      if (b.args.length !== 0 && dropRedundantArgumentsOf(rw, b, edges.get(b) ?? [])) changed = true;
    }
    return changed;
  }, false);
}
