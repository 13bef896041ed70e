// The greedy driver's worklist: a LIFO stack of ops with set semantics and O(1) membership and removal.
import type { Operation } from "../ir/ir.js";

/// The worklist that currently keeps its positions in `Operation.worklistIndex` (at most one at a time).
let fieldOwner: Worklist | null = null;

/// A LIFO worklist of ops without duplicates; removed slots become null. The worklist that claims the ops' scratch
/// slot (`claim`) keeps each op's position there, so membership is a field load; a worklist used while another holds
/// the slot (a driver run from inside a pattern) keeps positions in a map instead.
///
/// `reverse` is O(1): the ops listed at that point become a queue below the stack (`list[head..queueEnd)`, taken from
/// the front), which is what popping the reversed list would give; ops pushed later go on the stack above it.
export class Worklist {
  private list: (Operation | null)[] = [];
  /// `list[0..queueEnd)` is the reversed part, `head` its next op.
  private head = 0;
  private queueEnd = 0;
  private live = 0;
  private map: Map<Operation, number> | null = new Map();

  /// Takes the ops' scratch slot if no other worklist has it; pair with `release`.
  claim(): void {
    if (fieldOwner !== null) return;
    fieldOwner = this;
    this.map = null;
    for (let i = 0; i < this.list.length; i++) { const op = this.list[i]; if (op !== null) op.worklistIndex = i; }
  }
  /// Gives the scratch slot back (positions move to a map if ops are left).
  release(): void {
    if (fieldOwner !== this) return;
    fieldOwner = null;
    this.map = new Map();
    for (let i = 0; i < this.list.length; i++) { const op = this.list[i]; if (op !== null) this.map.set(op, i); }
  }

  private indexOf(op: Operation): number {
    if (this.map !== null) return this.map.get(op) ?? -1;
    const i = op.worklistIndex;
    return i >= 0 && i < this.list.length && this.list[i] === op ? i : -1;
  }
  private setIndex(op: Operation, i: number): void {
    if (this.map !== null) this.map.set(op, i);
    else op.worklistIndex = i;
  }

  /// True if no op is left.
  get empty(): boolean { return this.live === 0; }
  /// True if `op` is listed.
  contains(op: Operation): boolean { return this.indexOf(op) >= 0; }
  /// Removes every op.
  clear(): void {
    this.list = [];
    this.head = this.queueEnd = this.live = 0;
    this.map?.clear();
  }
  /// Adds `op` on top unless it is already listed.
  push(op: Operation): void {
    if (this.indexOf(op) >= 0) return;
    this.setIndex(op, this.list.length);
    this.list.push(op);
    this.live++;
  }
  /// Removes and returns the top op; the worklist must not be empty.
  pop(): Operation {
    const l = this.list;
    let op: Operation | null = null;
    while (op === null && l.length > this.queueEnd) op = l.pop()!;
    while (op === null) {
      op = l[this.head];
      l[this.head++] = null;
    }
    this.map?.delete(op);
    this.live--;
    return op;
  }
  /// Removes `op` if it is listed.
  remove(op: Operation): void {
    const i = this.indexOf(op);
    if (i < 0) return;
    this.list[i] = null;
    this.map?.delete(op);
    this.live--;
  }
  /// Reverses the order (the top becomes the bottom).
  reverse(): void {
    if (this.queueEnd === 0) {
      this.queueEnd = this.list.length;
      this.head = 0;
      return;
    }
    // A second reversal: make the list plain (top last) again, reversed.
    const ops: Operation[] = [];
    for (let i = this.list.length - 1; i >= this.queueEnd; i--) { const op = this.list[i]; if (op !== null) ops.push(op); }
    for (let i = this.head; i < this.queueEnd; i++) { const op = this.list[i]; if (op !== null) ops.push(op); }
    // `ops` is in pop order; reversed, the first to pop is the bottom.
    this.list = [];
    this.head = this.queueEnd = 0;
    for (const op of ops) { this.setIndex(op, this.list.length); this.list.push(op); }
  }
}
