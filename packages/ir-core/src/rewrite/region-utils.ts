// Region simplification (MLIR's RegionUtils.cpp): unreachable blocks, dead ops and dead block arguments, and (in
// block-merging.ts) merging of identical blocks.
import { Operation, type Block, type BlockArgument, type Region, type Value } from "../ir/ir.js";
import { hasTrait, Trait } from "../ir/opdef.js";
import { dropRedundantArguments, mergeIdenticalBlocks } from "./block-merging.js";
import { eraseSuccessorOperand, successorOperandRange } from "./branch-operands.js";
import type { PatternRewriter } from "./pattern.js";
import { wouldOpBeTriviallyDead } from "./side-effects.js";

function postOrder(entry: Block): Block[] {
  // A lone block can only branch to itself.
  if (entry.next === null && entry.prev === null) return [entry];
  const out: Block[] = [];
  const seen = new Set<Block>([entry]);
  const stack: [Block, number][] = [[entry, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const succ = top[0].lastOp?.successors ?? [];
    if (top[1] < succ.length) {
      const s = succ[top[1]++];
      if (!seen.has(s)) { seen.add(s); stack.push([s, 0]); }
    } else { out.push(top[0]); stack.pop(); }
  }
  return out;
}

/// Erases blocks not reachable from their region's entry, in `regions` and nested regions; true if any.
export function eraseUnreachableBlocks(rw: PatternRewriter, regions: readonly Region[]): boolean {
  let erased = false;
  const worklist: Region[] = regions.slice();
  while (worklist.length) {
    const region = worklist.pop()!;
    const first = region.firstBlock;
    if (first === null) continue;
    if (first.next === null) {
      for (let op = first.firstOp; op !== null; op = op.next) for (const r of op.regions) worklist.push(r);
      continue;
    }
    const reachable = new Set(postOrder(first));
    let b: Block | null = first;
    while (b !== null) {
      const next: Block | null = b.next;
      if (!reachable.has(b)) {
        // Drop uses of values defined in the block (they may be used in other unreachable blocks).
        for (let op = b.firstOp; op !== null; op = op.next) dropResultUses(op);
        for (const a of b.args) while (a.firstUse !== null) a.firstUse.owner.dropAllReferences();
        rw.eraseBlock(b);
        erased = true;
      } else {
        for (let op = b.firstOp; op !== null; op = op.next) for (const r of op.regions) worklist.push(r);
      }
      b = next;
    }
  }
  return erased;
}

/// Detaches every user of `op`'s results from all its operands (so `op` can go before its users).
function dropResultUses(op: Operation): void {
  for (let i = 0; i < op.results.length; i++) {
    const r = op.results[i];
    while (r.firstUse !== null) r.firstUse.owner.dropAllReferences();
  }
}

// ---- dead code elimination over regions (runRegionDCE) ----

/// The stamp of the last runRegionDCE; an op is live in a run iff its `liveStamp` is the run's stamp.
let lastStamp = 0;

/// Values and ops proven live. Ops carry the run's stamp in `Operation.liveStamp` (runs do not nest: nothing calls
/// back into region simplification while liveness is computed or dead ops are erased).
class LiveMap {
  changed = false;
  /// Set when a region with blocks unreachable from its entry was seen.
  sawUnreachableBlocks = false;
  private readonly stamp = ++lastStamp;
  private readonly values = new Set<Value>();
  /// Users and successor arguments a sweep found not (yet) live while deciding another value's liveness.
  private readonly queriedDead: (Operation | Value)[] = [];
  /// A result is live with its op (MLIR does not track results separately).
  wasProvenLiveValue(v: Value): boolean {
    const d = v.definingOp;
    return d !== null ? d.liveStamp === this.stamp : this.values.has(v);
  }
  wasProvenLiveOp(op: Operation): boolean { return op.liveStamp === this.stamp; }
  setProvedLiveValue(v: Value): void {
    const d = v.definingOp;
    if (d !== null) { this.setProvedLiveOp(d); return; }
    if (!this.values.has(v)) { this.changed = true; this.values.add(v); }
  }
  setProvedLiveOp(op: Operation): void { if (op.liveStamp !== this.stamp) { this.changed = true; op.liveStamp = this.stamp; } }
  /// wasProvenLiveOp for a user of the value being decided; a negative answer is remembered.
  isLiveUser(op: Operation): boolean {
    if (op.liveStamp === this.stamp) return true;
    this.queriedDead.push(op);
    return false;
  }
  /// wasProvenLiveValue for a successor argument a use forwards to; a negative answer is remembered.
  isLiveArgument(v: Value): boolean {
    if (this.wasProvenLiveValue(v)) return true;
    this.queriedDead.push(v);
    return false;
  }
  /// True if something a sweep judged not live became live later in it; forgets the sweep's answers. A sweep whose
  /// negative answers all still hold would be repeated identically by another sweep (which would change nothing).
  answeredTooEarly(): boolean {
    let early = false;
    for (const x of this.queriedDead) if (x instanceof Operation ? this.wasProvenLiveOp(x) : this.wasProvenLiveValue(x)) { early = true; break; }
    this.queriedDead.length = 0;
    return early;
  }
}

function isUseSpeciallyKnownDead(use: { owner: Operation; index: number }, live: LiveMap): boolean {
  const op = use.owner;
  const n = op.successors.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const range = successorOperandRange(op, i);
    if (range === null) continue;
    const [start, count] = range;
    if (use.index >= start && use.index < start + count) {
      const arg = op.successors[i].args[use.index - start];
      return arg !== undefined && !live.isLiveArgument(arg);
    }
  }
  return false;
}

function processValue(v: Value, live: LiveMap): void {
  for (let u = v.firstUse; u !== null; u = u.nextUse) {
    if (isUseSpeciallyKnownDead(u, live)) continue;
    if (live.isLiveUser(u.owner)) { live.setProvedLiveValue(v); return; }
  }
}

function propagateTerminatorLiveness(op: Operation, live: LiveMap): void {
  live.setProvedLiveOp(op);
  for (let i = 0; i < op.successors.length; i++) {
    const range = successorOperandRange(op, i);
    const succ = op.successors[i];
    if (range === null) { for (const a of succ.args) live.setProvedLiveValue(a); continue; }
    // Produced operands (none for our branch ops) would be live; forwarded ones are decided by their argument.
  }
}

function propagateOpLiveness(op: Operation, live: LiveMap): void {
  for (const r of op.regions) propagateRegionLiveness(r, live);
  if (op.def !== null && hasTrait(op.def, Trait.Terminator)) { propagateTerminatorLiveness(op, live); return; }
  if (op.def === null && op.successors.length > 0) { propagateTerminatorLiveness(op, live); return; }
  if (live.wasProvenLiveOp(op)) return;
  if (!wouldOpBeTriviallyDead(op)) { live.setProvedLiveOp(op); return; }
  for (let i = 0; i < op.results.length; i++) processValue(op.results[i], live);
}

function propagateRegionLiveness(region: Region, live: LiveMap): void {
  const entry = region.firstBlock;
  if (entry === null) return;
  if (entry.next === null) {
    for (let op = entry.lastOp; op !== null; op = op.prev) propagateOpLiveness(op, live);
    return;
  }
  const order = postOrder(entry);
  if (!live.sawUnreachableBlocks) {
    let n = 0;
    for (let b: Block | null = entry; b !== null; b = b.next) n++;
    if (n !== order.length) live.sawUnreachableBlocks = true;
  }
  for (const b of order) {
    for (let op = b.lastOp; op !== null; op = op.prev) propagateOpLiveness(op, live);
    if (b === entry) continue;
    for (const a of b.args) if (!live.wasProvenLiveValue(a)) processValue(a, live);
  }
}

function eraseDeadSuccessorOperands(term: Operation | null, live: LiveMap): void {
  if (term === null) return;
  for (let i = term.successors.length - 1; i >= 0; i--) {
    const range = successorOperandRange(term, i);
    if (range === null) continue;
    const [start, count] = range;
    const succ = term.successors[i];
    for (let k = count - 1; k >= 0; k--) {
      const arg = succ.args[k];
      if (arg !== undefined && !live.wasProvenLiveValue(arg)) eraseSuccessorOperand(term, i, start + k);
    }
  }
}

function deleteDeadness(rw: PatternRewriter, regions: readonly Region[], live: LiveMap): boolean {
  let erased = false;
  for (let ri = 0; ri < regions.length; ri++) {
    const entry = regions[ri].firstBlock;
    if (entry === null) continue;
    if (entry.next === null) {
      if (deleteDeadOps(rw, entry, live)) erased = true;
      continue;
    }
    for (const b of postOrder(entry)) {
      eraseDeadSuccessorOperands(b.lastOp, live);
      if (deleteDeadOps(rw, b, live)) erased = true;
    }
    // Dead arguments of the other blocks go too, which (as in MLIR 19) does not count as a change.
    for (let b: Block | null = entry.next; b !== null; b = b.next) {
      for (let i = b.args.length - 1; i >= 0; i--) {
        const a: BlockArgument = b.args[i];
        if (!live.wasProvenLiveValue(a)) b.eraseArgument(i);
      }
    }
  }
  return erased;
}

/// Erases the ops of `b` not proven live, last first, and the dead ops nested in the live ones.
function deleteDeadOps(rw: PatternRewriter, b: Block, live: LiveMap): boolean {
  let erased = false;
  let op = b.lastOp;
  while (op !== null) {
    const prev: Operation | null = op.prev;
    if (!live.wasProvenLiveOp(op)) {
      erased = true;
      dropResultUses(op);
      rw.eraseOp(op);
    } else if (op.regions.length !== 0 && deleteDeadness(rw, op.regions, live)) erased = true;
    op = prev;
  }
  return erased;
}

/// Deletes dead ops (including dead cycles) and dead non-entry block arguments (MLIR's runRegionDCE).
export function runRegionDCE(rw: PatternRewriter, regions: readonly Region[]): boolean {
  return deleteDeadness(rw, regions, computeLiveness(regions));
}

/// Which ops and block arguments of `regions` are live.
function computeLiveness(regions: readonly Region[]): LiveMap {
  const live = new LiveMap();
  // MLIR sweeps until nothing changes; a sweep that would change nothing is skipped (see answeredTooEarly).
  do {
    live.changed = false;
    for (const r of regions) propagateRegionLiveness(r, live);
  } while (live.changed && live.answeredTooEarly());
  return live;
}

/// Runs the region simplifications; `mergeBlocks` (region-simplify=aggressive) also merges identical blocks and drops
/// block arguments every predecessor passes the same value.
export function simplifyRegions(rw: PatternRewriter, regions: readonly Region[], mergeBlocks: boolean): boolean {
  // Liveness visits the same regions as eraseUnreachableBlocks; only if it meets unreachable blocks is there anything
  // to erase first (then liveness is computed again on what is left). Otherwise one walk is saved.
  let a = false, b: boolean;
  const live = computeLiveness(regions);
  if (live.sawUnreachableBlocks) {
    a = eraseUnreachableBlocks(rw, regions);
    b = runRegionDCE(rw, regions);
  } else b = deleteDeadness(rw, regions, live);
  let c = false;
  if (mergeBlocks) {
    c = mergeIdenticalBlocks(rw, regions);
    // MLIR 19 does not count dropped arguments as a change (the driver stops unless something else changed).
    dropRedundantArguments(rw, regions);
  }
  return a || b || c;
}
