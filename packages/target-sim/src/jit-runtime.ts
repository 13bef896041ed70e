// What the generated JavaScript refers to besides the frame and the ready queue: traps, stream array elements,
// cold and out-of-line instructions, calls and returns, the slow paths of 64-bit arithmetic.
import { extTable, Frame, maxCallDepth, Trap } from "./bytecode.js";
import { execCold, oob } from "./cold.js";
import { SimMessages } from "./diag.js";
import { Step, stepAt } from "./jit-emit.js";
import type { MemRef } from "./memory.js";
import { outOfRange, type Fifo, type StreamArray, type Task } from "./streams.js";
import { cmpWide, wideArith } from "./wide.js";

function trapAt(pc: number, e: Trap): Trap { e.pc = pc; return e; }

/// An out-of-bounds trap at instruction `pc`.
function oobAt(pc: number, i: number, dim: number, size: number): Trap { return trapAt(pc, oob(i, dim, size)); }

/// The element of `sa` at `idx` resolved before a loop, or `outOfRange` (the resolution must not trap).
export function hoistedElement(sa: StreamArray, idx: readonly number[]): Fifo {
  let lin = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k], dk = sa.shape[k];
    if (!(i >= 0 && i < dk)) return outOfRange;
    lin = lin * dk + i;
  }
  return sa.fifos[lin];
}

/// The element of `sa` at `idx`; a trap at instruction `pc` when out of range.
export function elementAt(pc: number, sa: StreamArray, idx: readonly number[]): Fifo {
  let lin = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k], dk = sa.shape[k];
    if (!(i >= 0 && i < dk)) throw trapAt(pc, new Trap(SimMessages.StreamIndex, [idx.join(", "), sa.name, sa.shape.join(", ")]));
    lin = lin * dk + i;
  }
  return sa.fifos[lin];
}

function cold(f: Frame, pc: number): void {
  try {
    execCold(f, pc);
  } catch (e) {
    if (e instanceof Trap) e.pc = pc;
    throw e;
  }
}

function ext(f: Frame, pc: number, t: Task): void {
  try {
    extTable()[f.code[pc + 1]](f, pc, t);
  } catch (e) {
    if (e instanceof Trap) e.pc = pc;
    throw e;
  }
}

function call(t: Task, f: Frame, pc: number): void {
  if (t.frames.length >= maxCallDepth) {
    const e = new Trap(SimMessages.CallDepth, [maxCallDepth]);
    e.pc = pc;
    throw e;
  }
  const code = f.code;
  const callee = t.units[code[pc + 1]];
  const nf = new Frame(callee);
  const na = code[pc + 2];
  for (let i = 0; i < na; i++) { const s = code[pc + 3 + i], d = callee.argSlots[i]; nf.num[d] = f.num[s]; nf.obj[d] = f.obj[s]; }
  f.pc = pc;
  t.frames.push(nf);
}

/// Returns from the top frame: the step to the caller's next instruction, or Done for the outermost frame.
function ret(t: Task, f: Frame, pc: number): number {
  const code = f.code, num = f.num, obj = f.obj;
  const n = code[pc + 1];
  if (t.frames.length === 1) {
    const res: unknown[] = [];
    for (let i = 0; i < n; i++) { const s = code[pc + 2 + i]; res.push(num[s], obj[s]); }
    t.results = res;
    return stepAt(pc, Step.Done);
  }
  t.frames.pop();
  const cf = t.frames[t.frames.length - 1];
  const cc = cf.code, cpc = cf.pc;
  const na = cc[cpc + 2];
  const nr = cc[cpc + 3 + na];
  for (let i = 0; i < n; i++) { const s = code[pc + 2 + i], d = cc[cpc + 4 + na + i]; cf.num[d] = num[s]; cf.obj[d] = obj[s]; }
  return stepAt(cpc + 4 + na + nr, Step.Continue);
}

function clone(m: MemRef): MemRef { return m.clone(); }

/// Everything the generated code may call, by the name it uses.
export const runtime = {
  oobAt, elementAt, hoistedElement, outOfRange, cold, ext, call, ret, wideArith, cmpWide, clone,
};

/// The names of `runtime`, as the generated code declares them.
export const runtimeNames = Object.keys(runtime).join(", ");
