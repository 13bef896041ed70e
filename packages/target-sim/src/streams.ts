// Streams: bounded FIFOs (ring buffers) and arrays of them, with the tasks waiting on each side.
import type { Operation } from "@allo/ir-core";
import type { Frame, Unit } from "./bytecode.js";

/// How a FIFO holds its elements.
export const enum FifoKind { Num, Wide, Block }

/// A kernel instance, hw instance or function activation run by the scheduler.
export class Task {
  readonly id: number;
  /// The display name without the position in the mapping (`@gemm`), and the position (null if none).
  readonly label: string;
  readonly pid: readonly number[] | null;
  readonly frames: Frame[];
  /// 0 ready or running, 1 blocked, 2 done.
  state: number;
  /// The FIFO a blocked task waits on, and whether it waits to put (else to get); stale once it runs again.
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

  constructor(id: number, label: string, pid: readonly number[] | null, first: Frame, sched: Scheduling, units: readonly Unit[], origin: Operation) {
    this.id = id;
    this.label = label;
    this.pid = pid;
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

  /// Display name: `@gemm[1, 2]`, `@producer_0`, `@main` (built when a message needs it).
  get name(): string { return this.pid === null ? this.label : `${this.label}[${this.pid.join(", ")}]`; }

  /// Starts the kernels of a region (`df.call`) or a nested kernel on behalf of this task.
  spawn(kind: "region" | "kernel", op: Operation, f: Frame, pc: number): void {
    this.sched.spawnFrom(this, kind, op, f, pc);
  }
}

/// What the interpreter needs from the scheduler.
export interface Scheduling {
  spawnFrom(parent: Task, kind: "region" | "kernel", op: Operation, f: Frame, pc: number): void;
}

/// The object buffer of FIFOs of numbers (their ops never touch it).
const noObjects: unknown[] = Object.freeze([]) as unknown as unknown[];

/// One bounded FIFO of depth `depth`: a ring of the smallest power-of-two size not below the depth.
export class Fifo {
  /// The stream's name (a stream array's, for its elements), and the element's row-major index in it.
  readonly label: string;
  readonly index: number;
  readonly depth: number;
  readonly kind: FifoKind;
  /// Elements got and put so far: the FIFO holds `wr - rd` elements, the oldest at `rd & mask`.
  rd: number;
  wr: number;
  /// The ring's size minus one.
  readonly mask: number;
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
  /// The stream array this FIFO belongs to, or null.
  readonly parent: StreamArray | null;
  /// The op that declared it (`df.stream`, `hw.fifo`), for messages.
  readonly op: Operation | null;

  constructor(label: string, index: number, depth: number, kind: FifoKind, parent: StreamArray | null, op: Operation | null) {
    this.label = label;
    this.index = index;
    this.depth = depth;
    this.kind = kind;
    this.rd = 0;
    this.wr = 0;
    let size = 1;
    while (size < depth) size *= 2;
    this.mask = size - 1;
    this.nbuf = new Float64Array(size);
    this.obuf = kind === FifoKind.Num ? noObjects : new Array<unknown>(size).fill(null);
    this.getWaiter = null;
    this.putWaiter = null;
    this.moreGetWaiters = null;
    this.morePutWaiters = null;
    this.writer = null;
    this.reader = null;
    this.parent = parent;
    this.op = op;
  }

  /// Elements in the FIFO, puts and gets so far.
  get count(): number { return this.wr - this.rd; }
  get puts(): number { return this.wr; }
  get gets(): number { return this.rd; }

  /// Display name: `fifo_A`, or `fifo_A[1][2]` for an element of a stream array.
  get name(): string {
    if (this.parent === null) return this.label;
    let rest = this.index, out = "";
    const shape = this.parent.shape;
    for (let k = shape.length - 1; k >= 0; k--) { out = `[${rest % shape[k]}]` + out; rest = Math.floor(rest / shape[k]); }
    return this.label + out;
  }
}

/// What a stream op resolved before its loop holds when the element's index is out of range: a FIFO that is
/// always empty and full, so that the op leaves to the scheduler, which raises the op's error.
export const outOfRange = new Fifo("", -1, 0, FifoKind.Num, null, null);

/// An array of independent FIFOs (`!df.stream_array<[P0, ...], T, D>`), row-major.
export class StreamArray {
  readonly name: string;
  readonly shape: readonly number[];
  /// The first three sizes (1 when absent), for the element address in the hot path.
  readonly d0: number;
  readonly d1: number;
  readonly d2: number;
  readonly fifos: Fifo[];
  constructor(name: string, shape: readonly number[], depth: number, kind: FifoKind, op: Operation | null) {
    this.name = name;
    this.shape = shape;
    this.d0 = shape.length > 0 ? shape[0] : 1;
    this.d1 = shape.length > 1 ? shape[1] : 1;
    this.d2 = shape.length > 2 ? shape[2] : 1;
    this.fifos = [];
    let n = 1;
    for (const d of shape) n *= d;
    for (let i = 0; i < n; i++) this.fifos.push(new Fifo(name, i, depth, kind, this, op));
  }
}
