// The ready queue: the tasks that can run, in the order they became ready, and blocking and waking on FIFOs.
import type { Fifo, Task } from "./streams.js";

/// A ring buffer of ready tasks. A task is in it at most once, so it never holds more than there are tasks
/// (`reserve` keeps it that large); slots it has passed keep their task (all tasks live until the run ends).
/// The fields are public because the JavaScript translation repeats `block` in its scheduler loop and `wake` in
/// its generated code rather than calling them: V8 optimises a small function on its own as soon as it is
/// hot, and each such compilation is a cost of a short run.
export class ReadyQueue {
  ring: (Task | null)[];
  head: number;
  count: number;

  constructor() {
    this.ring = new Array<Task | null>(64).fill(null);
    this.head = 0;
    this.count = 0;
  }

  /// Makes the ring hold `n` tasks.
  reserve(n: number): void {
    const ring = this.ring;
    if (n <= ring.length) return;
    let size = ring.length;
    while (size < n) size *= 2;
    const bigger = new Array<Task | null>(size).fill(null);
    for (let i = 0; i < this.count; i++) bigger[i] = ring[(this.head + i) & (ring.length - 1)];
    this.ring = bigger;
    this.head = 0;
  }

  /// Appends a ready task.
  push(t: Task): void {
    const ring = this.ring;
    ring[(this.head + this.count) & (ring.length - 1)] = t;
    this.count++;
  }

  /// The ready tasks, in order.
  queued(): Task[] {
    const out: Task[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.ring[(this.head + i) & (this.ring.length - 1)]!);
    return out;
  }

  /// The next ready task, or null when none is ready.
  next(): Task | null {
    if (this.count === 0) return null;
    const t = this.ring[this.head]!;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.count--;
    return t;
  }

  /// Blocks `t` on `q` (to put if `put`, else to get); returns the next ready task, or null.
  block(t: Task, q: Fifo, put: boolean): Task | null {
    t.state = 1;
    t.waitFifo = q;
    t.waitPut = put;
    if (put ? q.putWaiter !== null : q.getWaiter !== null) addWaiter(t, q, put);
    else if (put) q.putWaiter = t;
    else q.getWaiter = t;
    return this.next();
  }

  /// Makes the tasks waiting to get from `q` (`getters`), resp. to put into it, ready. (A waiter is blocked: a
  /// task waits on one FIFO, and only waking it there removes it. Its `waitFifo` only matters while blocked.)
  wake(q: Fifo, getters: boolean): void {
    const t = getters ? q.getWaiter! : q.putWaiter!;
    if (getters) q.getWaiter = null;
    else q.putWaiter = null;
    t.state = 0;
    this.push(t);
    if ((getters ? q.moreGetWaiters : q.morePutWaiters) !== null) this.wakeMore(q, getters);
  }

  /// Wakes the further waiters of `q` (several tasks put into or get from one stream before stream lowering).
  wakeMore(q: Fifo, getters: boolean): void {
    const more = getters ? q.moreGetWaiters! : q.morePutWaiters!;
    if (getters) q.moreGetWaiters = null;
    else q.morePutWaiters = null;
    for (const t of more) {
      t.state = 0;
      this.push(t);
    }
  }
}

/// Adds a further waiter to `q`.
export function addWaiter(t: Task, q: Fifo, put: boolean): void {
  if (put) (q.morePutWaiters ??= []).push(t);
  else (q.moreGetWaiters ??= []).push(t);
}
