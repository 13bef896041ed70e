// Streams: bounded FIFOs (ring buffers) and arrays of them, with the tasks waiting on each side.
import type { Operation, Type } from "@allo/ir-core";
import type { Frame, Unit } from "./bytecode.js";

/// How a FIFO holds its elements.
export const enum FifoKind { Num, Wide, Block }

/// A kernel instance, hw instance or function activation run by the scheduler.
export class Task {
  readonly id: number;
  /// Display name: `@gemm[1, 2]`, `@producer_0`, `@main`.
  readonly name: string;
  readonly frames: Frame[];
  /// 0 ready or running, 1 blocked, 2 done.
  state: number;
  /// The FIFO a blocked task waits on, and whether it waits to put (else to get).
  waitFifo: Fifo | null;
  waitPut: boolean;
  readonly sched: Scheduling;
  /// Every compiled unit of the program (call targets by index).
  readonly units: readonly Unit[];
  /// The streams, stream arrays and FIFOs bound to the task's arguments and captures.
  readonly refs: unknown[];
  /// Results of the outermost frame once it returned.
  results: unknown[] | null;
  /// The op that started this task (kernel, hw.instance or entry func), for messages.
  readonly origin: Operation;

  constructor(id: number, name: string, first: Frame, sched: Scheduling, units: readonly Unit[], origin: Operation) {
    this.id = id;
    this.name = name;
    this.frames = [first];
    this.state = 0;
    this.waitFifo = null;
    this.waitPut = false;
    this.sched = sched;
    this.units = units;
    this.refs = [];
    this.results = null;
    this.origin = origin;
  }

  /// Starts the kernels of a region (`df.call`) or a nested kernel on behalf of this task.
  spawn(kind: "region" | "kernel", op: Operation, f: Frame, pc: number): void {
    this.sched.spawnFrom(this, kind, op, f, pc);
  }
}

/// What the interpreter needs from the scheduler.
export interface Scheduling {
  spawnFrom(parent: Task, kind: "region" | "kernel", op: Operation, f: Frame, pc: number): void;
}

/// Blocks `t` on `q` (to put if `put`, else to get).
export function blockOn(t: Task, q: Fifo, put: boolean): void {
  t.state = 1;
  t.waitFifo = q;
  t.waitPut = put;
  if (put) {
    if (q.putWaiter === null) q.putWaiter = t;
    else (q.morePutWaiters ??= []).push(t);
  } else if (q.getWaiter === null) q.getWaiter = t;
  else (q.moreGetWaiters ??= []).push(t);
}

/// One bounded FIFO of depth `depth`.
export class Fifo {
  readonly name: string;
  readonly depth: number;
  readonly kind: FifoKind;
  readonly elemType: Type;
  count: number;
  head: number;
  readonly nbuf: Float64Array;
  readonly obuf: unknown[];
  /// The task waiting to get (resp. put), and any further ones (several only before stream lowering).
  getWaiter: Task | null;
  putWaiter: Task | null;
  moreGetWaiters: Task[] | null;
  morePutWaiters: Task[] | null;
  /// The last task that put / got (for the wait-for graph).
  writer: Task | null;
  reader: Task | null;
  puts: number;
  gets: number;
  /// The stream array this FIFO belongs to, or null.
  readonly parent: StreamArray | null;
  /// The op that declared it (`df.stream`, `hw.fifo`), for messages.
  readonly op: Operation | null;

  constructor(name: string, depth: number, kind: FifoKind, elemType: Type, parent: StreamArray | null, op: Operation | null) {
    this.name = name;
    this.depth = depth;
    this.kind = kind;
    this.elemType = elemType;
    this.count = 0;
    this.head = 0;
    this.nbuf = new Float64Array(depth);
    this.obuf = kind === FifoKind.Num ? [] : new Array<unknown>(depth).fill(null);
    this.getWaiter = null;
    this.putWaiter = null;
    this.moreGetWaiters = null;
    this.morePutWaiters = null;
    this.writer = null;
    this.reader = null;
    this.puts = 0;
    this.gets = 0;
    this.parent = parent;
    this.op = op;
  }
}

/// An array of independent FIFOs (`!df.stream_array<[P0, ...], T, D>`), row-major.
export class StreamArray {
  readonly name: string;
  readonly shape: readonly number[];
  /// The first three sizes (1 when absent), for the element address in the hot path.
  readonly d0: number;
  readonly d1: number;
  readonly d2: number;
  readonly fifos: Fifo[];
  constructor(name: string, shape: readonly number[], depth: number, kind: FifoKind, elemType: Type, op: Operation | null) {
    this.name = name;
    this.shape = shape;
    this.d0 = shape.length > 0 ? shape[0] : 1;
    this.d1 = shape.length > 1 ? shape[1] : 1;
    this.d2 = shape.length > 2 ? shape[2] : 1;
    this.fifos = [];
    let n = 1;
    for (const d of shape) n *= d;
    const idx = new Array<number>(shape.length).fill(0);
    for (let i = 0; i < n; i++) {
      this.fifos.push(new Fifo(name + idx.map((x) => `[${x}]`).join(""), depth, kind, elemType, this, op));
      for (let k = shape.length - 1; k >= 0; k--) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
    }
  }
}
