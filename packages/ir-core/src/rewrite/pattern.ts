// Rewrite patterns, the PatternRewriter (the only mutator patterns use) and fold results.
import type { Attribute } from "../ir/attrs.js";
import { cloneOp, OpBuilder, type BuilderListener } from "../ir/builder.js";
import { Block, walk, type OpOperand, type Operation, type Region, type Value } from "../ir/ir.js";

/// What a folder returns: null (no fold), or one attribute/value per result (an in-place fold returns the op's own results).
export type FoldResult = null | readonly (Attribute | Value)[];

/// A match-and-rewrite pattern on a root op name (or any op when `root` is null).
export interface RewritePattern {
  readonly name: string;
  readonly root: string | null;
  readonly benefit: number;
  /// Rewrites `op` through `rw`; returns true iff the IR changed.
  matchAndRewrite(op: Operation, rw: PatternRewriter): boolean;
}

/// Declares a pattern (`benefit` defaults to 1).
export function pattern(p: { name: string; root: string | null; benefit?: number; matchAndRewrite(op: Operation, rw: PatternRewriter): boolean }): RewritePattern {
  return { name: p.name, root: p.root, benefit: p.benefit ?? 1, matchAndRewrite: p.matchAndRewrite };
}

/// Listener of rewrites: the greedy driver uses it to keep its worklist current.
export interface RewriteListener extends BuilderListener {
  notifyOperationModified?(op: Operation): void;
  notifyOperationReplaced?(op: Operation, values: readonly Value[]): void;
  /// Called before `op` is erased (its operands are still attached).
  notifyOperationErased?(op: Operation): void;
  notifyBlockInserted?(block: Block): void;
  /// Called before `block` is erased.
  notifyBlockErased?(block: Block): void;
}

/// The builder patterns mutate IR through; every change is reported to its listener (MLIR's RewriterBase).
export class PatternRewriter extends OpBuilder {
  declare listener: RewriteListener | null;

  /// Replaces all uses of `op`'s results by `values` and erases `op`.
  replaceOp(op: Operation, values: readonly Value[]): void {
    this.listener?.notifyOperationReplaced?.(op, values);
    for (let i = 0; i < op.results.length; i++) this.replaceAllUsesWith(op.results[i], values[i]);
    this.eraseOp(op);
  }
  /// Replaces `op` by a new op created with `make` at its position.
  replaceOpWithNew(op: Operation, make: (rw: PatternRewriter) => Operation): Operation {
    this.setInsertionPoint(op);
    const n = make(this);
    this.replaceOp(op, n.results);
    return n;
  }
  /// Erases `op` and the ops nested in it, one by one, users before definitions (MLIR's eraseOp): the listener
  /// sees a consistent IR at each notification. `op`'s results must be unused.
  eraseOp(op: Operation): void {
    if (this.listener === null || this.listener.notifyOperationErased === undefined) {
      op.erase();
      return;
    }
    this.eraseTree(op);
  }
  private eraseTree(op: Operation): void {
    for (let ri = op.regions.length - 1; ri >= 0; ri--) {
      const r = op.regions[ri];
      while (r.firstBlock !== null) {
        const first = r.firstBlock;
        const order = first.next === null ? null : postOrderBlocks(first);
        const n = order === null ? 1 : order.length;
        for (let i = 0; i < n; i++) {
          let o = (order === null ? first : order[i]).lastOp;
          while (o !== null) { const p = o.prev; this.eraseTree(o); o = p; }
        }
        for (let i = 0; i < n; i++) {
          const b = order === null ? first : order[i];
          for (let k = 0; k < b.args.length; k++) { const a = b.args[k]; while (a.firstUse !== null) a.firstUse.owner.dropAllReferences(); }
          this.listener?.notifyBlockErased?.(b);
          b.remove();
        }
      }
    }
    this.listener?.notifyOperationErased?.(op);
    for (let i = 0; i < op.results.length; i++) { const res = op.results[i]; while (res.firstUse !== null) res.firstUse.owner.dropAllReferences(); }
    op.erase();
  }
  /// Erases `block` and its ops (last op first); the block must have no predecessors.
  eraseBlock(block: Block): void {
    let o = block.lastOp;
    while (o !== null) { const p = o.prev; this.eraseOp(o); o = p; }
    this.listener?.notifyBlockErased?.(block);
    block.remove();
  }
  /// Runs `change` on `op` in place and notifies the listener.
  modifyOpInPlace(op: Operation, change: () => void): void {
    change();
    this.listener?.notifyOperationModified?.(op);
  }
  /// Replaces the uses of `from` by `to`, notifying each user.
  replaceAllUsesWith(from: Value, to: Value): void {
    if (from === to) return;
    for (let u = from.firstUse; u !== null; u = from.firstUse) {
      const user = u.owner;
      u.set(to);
      this.listener?.notifyOperationModified?.(user);
    }
  }
  /// Replaces the uses of `from` for which `pred` holds by `to`.
  replaceUsesWithIf(from: Value, to: Value, pred: (use: OpOperand) => boolean): void {
    for (const u of from.uses()) {
      if (!pred(u)) continue;
      u.set(to);
      this.listener?.notifyOperationModified?.(u.owner);
    }
  }
  /// Replaces all uses of `from` except those in `except`.
  replaceAllUsesExcept(from: Value, to: Value, except: Operation): void {
    this.replaceUsesWithIf(from, to, (u) => u.owner !== except);
  }
  /// Moves `op` before `before` (possibly into another block), notifying the insertion.
  moveOpBefore(op: Operation, before: Operation): void {
    op.moveBefore(before);
    this.listener?.notifyOperationInserted?.(op);
  }
  /// Moves `op` after `after`, notifying the insertion.
  moveOpAfter(op: Operation, after: Operation): void {
    op.moveAfter(after);
    this.listener?.notifyOperationInserted?.(op);
  }
  /// Moves the blocks of `region` before `before` in `dest`.
  inlineRegionBefore(region: Region, dest: Region, before: Block | null): void {
    let b = region.firstBlock;
    while (b !== null) {
      const n = b.next;
      b.remove();
      dest.insertBlockBefore(b, before);
      this.listener?.notifyBlockInserted?.(b);
      b = n;
    }
  }
  /// Moves the ops of `src` before `before` (in its block; null: at the end of `dest`), replacing `src`'s arguments by
  /// `args`; erases `src`.
  inlineBlockBefore(src: Block, before: Operation | null, args: readonly Value[] = [], dest: Block | null = null): void {
    src.args.forEach((a, i) => this.replaceAllUsesWith(a, args[i]));
    const into = before !== null ? before.parent! : dest!;
    let op = src.firstOp;
    while (op !== null) {
      const n = op.next;
      op.remove();
      into.insertBefore(op, before);
      this.listener?.notifyOperationInserted?.(op);
      op = n;
    }
    this.listener?.notifyBlockErased?.(src);
    src.remove();
  }
  /// Moves the ops of `src` to the end of `dest` (replacing `src`'s arguments by `args`) and erases `src`.
  mergeBlocks(src: Block, dest: Block, args: readonly Value[] = []): void {
    this.inlineBlockBefore(src, null, args, dest);
  }
  /// Splits `block` before `before`: the ops from `before` on move to a new block inserted after `block`.
  splitBlock(block: Block, before: Operation | null): Block {
    const nb = new Block();
    block.parent!.insertBlockBefore(nb, block.next);
    this.listener?.notifyBlockInserted?.(nb);
    let op = before;
    while (op !== null) {
      const n = op.next;
      op.remove();
      nb.append(op);
      this.listener?.notifyOperationInserted?.(op);
      op = n;
    }
    return nb;
  }
  /// Inserts a clone of `op` (with its regions) at the insertion point; nested ops are notified too.
  clone(op: Operation, mapping: Map<Value | Block, Value | Block> = new Map()): Operation {
    const c = cloneOp(op, mapping);
    this.insert(c);
    if (this.listener?.notifyOperationInserted !== undefined) {
      for (const r of c.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) walk(o, (x) => this.listener!.notifyOperationInserted!(x), "pre");
    }
    return c;
  }
}

/// The blocks reachable from `entry`, successors before predecessors (post order), then any unreachable ones.
function postOrderBlocks(entry: Block): Block[] {
  const out: Block[] = [];
  const seen = new Set<Block>([entry]);
  const stack: [Block, number][] = [[entry, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const succ = top[0].lastOp?.successors ?? [];
    if (top[1] < succ.length) {
      const s = succ[top[1]++];
      if (!seen.has(s) && s.parent === entry.parent) { seen.add(s); stack.push([s, 0]); }
    } else { out.push(top[0]); stack.pop(); }
  }
  return out;
}
