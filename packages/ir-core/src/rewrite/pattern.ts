// Rewrite patterns, the PatternRewriter (the only mutator patterns use) and fold results.
import type { Attribute } from "../ir/attrs.js";
import { OpBuilder, type BuilderListener } from "../ir/builder.js";
import type { Block, Operation, Region, Value } from "../ir/ir.js";

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
  notifyOperationErased?(op: Operation): void;
}

/// The builder patterns mutate IR through; every change is reported to its listener.
export class PatternRewriter extends OpBuilder {
  declare listener: RewriteListener | null;

  /// Replaces all uses of `op`'s results by `values` and erases `op`.
  replaceOp(op: Operation, values: readonly Value[]): void {
    this.listener?.notifyOperationReplaced?.(op, values);
    op.results.forEach((r, i) => {
      for (let u = r.firstUse; u !== null; u = r.firstUse) {
        const user = u.owner;
        u.set(values[i]);
        this.listener?.notifyOperationModified?.(user);
      }
    });
    this.eraseOp(op);
  }
  /// Replaces `op` by a new op created with `make` at its position.
  replaceOpWithNew(op: Operation, make: (rw: PatternRewriter) => Operation): Operation {
    this.setInsertionPoint(op);
    const n = make(this);
    this.replaceOp(op, n.results);
    return n;
  }
  /// Erases `op` (and the ops nested in it); its results must be unused.
  eraseOp(op: Operation): void {
    const nested: Operation[] = [];
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) nested.push(o);
    for (const o of nested.reverse()) this.notifyErasedRecursive(o);
    this.listener?.notifyOperationErased?.(op);
    op.erase();
  }
  private notifyErasedRecursive(op: Operation): void {
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) this.notifyErasedRecursive(o);
    this.listener?.notifyOperationErased?.(op);
  }
  /// Runs `change` on `op` in place and notifies the listener.
  modifyOpInPlace(op: Operation, change: () => void): void {
    change();
    this.listener?.notifyOperationModified?.(op);
  }
  /// Replaces the uses of `from` by `to`, notifying each user.
  replaceAllUsesWith(from: Value, to: Value): void {
    for (let u = from.firstUse; u !== null; u = from.firstUse) {
      const user = u.owner;
      u.set(to);
      this.listener?.notifyOperationModified?.(user);
    }
  }
  /// Moves the blocks of `region` before `before` in `dest`.
  inlineRegionBefore(region: Region, dest: Region, before: Block | null): void {
    region.takeBody(dest, before);
  }
  /// Moves the ops of `src` before `before` (in its block), replacing `src`'s arguments by `args`; erases `src`.
  inlineBlockBefore(src: Block, before: Operation, args: readonly Value[] = []): void {
    src.args.forEach((a, i) => this.replaceAllUsesWith(a, args[i]));
    const dest = before.parent!;
    let op = src.firstOp;
    while (op !== null) {
      const n = op.next;
      op.remove();
      dest.insertBefore(op, before);
      this.listener?.notifyOperationInserted?.(op);
      op = n;
    }
    src.remove();
  }
}
