// The scheduler loop of the JavaScript translation: runs a task's function, then acts on the step it returns.
import { Trap, type Frame } from "./bytecode.js";
import { entryTable } from "./jit.js";
import { elementAt } from "./jit-runtime.js";
import { addWaiter, type ReadyQueue } from "./ready.js";
import { outOfRange, type Fifo, type StreamArray, type Task } from "./streams.js";

/// A trap with the task that raised it.
export class TaskTrap {
  readonly trap: Trap;
  readonly task: Task;
  constructor(trap: Trap, task: Task) {
    this.trap = trap;
    this.task = task;
  }
}

/// The FIFO of the stream-array op at `pc` of `f`, whose operands are unchanged since it ran: the stream
/// array is in `slot`, `n` index slots follow `at`. Out of range, the op's trap.
function elementOf(f: Frame, pc: number, slot: number, at: number, n: number): Fifo {
  const idx: number[] = [];
  for (let k = 0; k < n; k++) idx.push(f.num[f.code[at + k]]);
  return elementAt(pc, f.obj[f.code[slot]] as StreamArray, idx);
}

/// `e` with its op (that of the instruction it names, else where `f` stands).
function withOp(e: Trap, f: Frame): Trap {
  if (e.op === null) e.op = f.unit.opOf(e.pc >= 0 ? e.pc : f.pc);
  return e;
}

/// The task the loop runs (for the trap of an error, raised in its top frame).
let running: Task | null = null;

/// Runs tasks from `q` until none is ready, each through its unit's JavaScript translation.
export function runAllCompiled(q: ReadyQueue): void {
  try {
    loop(q);
  } catch (e) {
    throw e instanceof Trap && running !== null ? new TaskTrap(withOp(e, running.frames[running.frames.length - 1]), running) : e;
  } finally {
    running = null;
  }
}

/// The loop itself. Steps and opcodes are literals: TypeScript 7 does not inline const enums, and a property
/// load per use would cost. Blocking and taking the next task repeat `ReadyQueue.block` and `next` (see there).
function loop(q: ReadyQueue): void {
  let t = q.next();
  while (t !== null) {
    const f = t.frames[t.frames.length - 1];
    running = t;
    const st = (f.unit.entry ?? entryTable(f.unit))[f.pc](t, f, q);
    const kind = st & 3;
    if (kind === 0 /* Step.Continue */) {
      t.frames[t.frames.length - 1].pc = st / 4;
      continue;
    }
    if (kind === 3 /* Step.Done */) t.state = 2;
    else {
      const pc = (st - kind) / 4;
      f.pc = pc;
      // a blocking stream op: its FIFO is its first object operand (plain or resolved before the loop), or an
      // element of the stream array there
      const code = f.code, op = code[pc];
      const slot = kind === 1 /* Step.BlockGet */ ? pc + 2 : pc + 1;
      const fifo = op === 67 /* Op.PutX */ || op === 68 /* Op.GetX */ ? elementOf(f, pc, slot, pc + 4, code[pc + 3]) : f.obj[code[slot]] as Fifo;
      if (fifo === outOfRange) elementOf(f, pc, slot + 1, pc + 5, code[pc + 4]);
      const put = kind === 2 /* Step.BlockPut */;
      t.state = 1;
      t.waitFifo = fifo;
      t.waitPut = put;
      if (put ? fifo.putWaiter !== null : fifo.getWaiter !== null) addWaiter(t, fifo, put);
      else if (put) fifo.putWaiter = t;
      else fifo.getWaiter = t;
    }
    if (q.count === 0) return;
    t = q.ring[q.head]!;
    q.head = (q.head + 1) & (q.ring.length - 1);
    q.count--;
  }
}
