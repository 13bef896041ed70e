// The instruction loop: runs ready tasks one after another, switching to the next when one blocks on a FIFO.
// The default engine translates units to JavaScript (jit.ts); this loop runs the same instructions directly
// and is the reference the tests compare it with (ALLO_SIM_INTERP=1 selects it).
import { extTable, Frame, maxCallDepth, Trap } from "./bytecode.js";
import { execCold, oob } from "./cold.js";
import { SimMessages } from "./diag.js";
import type { MemRef, NumStorage } from "./memory.js";
import { outOfRange, type Fifo, type StreamArray } from "./streams.js";
import { wideArith } from "./wide.js";
import { runAllCompiled, TaskTrap } from "./jit-run.js";
import type { ReadyQueue } from "./ready.js";
import { hoistedElement } from "./jit-runtime.js";

export { TaskTrap };

/// Runs tasks from `q` until none is ready: through the JavaScript translation of each unit, or with
/// the instruction loop below when the environment sets ALLO_SIM_INTERP=1 (a slower reference).
export function runAll(q: ReadyQueue): void {
  if (process.env.ALLO_SIM_INTERP === "1") runAllInterpreted(q);
  else runAllCompiled(q);
}

const TWO53 = 9007199254740992;


/// The element of a stream array addressed by `n` index slots after `at`.
function element(sa: StreamArray, code: Int32Array, at: number, n: number, num: Float64Array): Fifo {
  let lin = 0;
  for (let k = 0; k < n; k++) {
    const i = num[code[at + k]];
    const dk = sa.shape[k];
    if (!(i >= 0 && i < dk)) {
      const idx: number[] = [];
      for (let j = 0; j < n; j++) idx.push(num[code[at + j]]);
      throw new Trap(SimMessages.StreamIndex, [idx.join(", "), sa.name, sa.shape.join(", ")]);
    }
    lin = lin * dk + i;
  }
  return sa.fifos[lin];
}

/// Runs tasks from `q` until none is ready. A blocked task saves its pc at the blocking instruction,
/// which runs again when the task resumes. Errors inside instructions surface as TaskTrap.
export function runAllInterpreted(q: ReadyQueue): void {
  let t = q.next();
  if (t === null) return;
  let f = t.frames[t.frames.length - 1];
  let code = f.code;
  let num = f.num;
  let obj = f.obj;
  let pc = f.pc;
  const exts = extTable();
  try {
    for (;;) {
      switch (code[pc]) {
        case 0 /* Jmp */: pc = code[pc + 1]; break;
        case 1 /* Jz */: pc = num[code[pc + 1]] === 0 ? code[pc + 2] : pc + 3; break;
        case 2 /* Jnz */: pc = num[code[pc + 1]] !== 0 ? code[pc + 2] : pc + 3; break;
        case 3 /* Jge */: pc = num[code[pc + 1]] < num[code[pc + 2]] ? pc + 4 : code[pc + 3]; break;
        case 4 /* Loop */: {
          const iv = code[pc + 1];
          const v = num[iv] + num[code[pc + 2]];
          num[iv] = v;
          pc = v < num[code[pc + 3]] ? code[pc + 4] : pc + 5;
          break;
        }
        case 5 /* Mov */: { const d = code[pc + 1], s = code[pc + 2]; num[d] = num[s]; obj[d] = obj[s]; pc += 3; break; }
        case 6 /* MovN */: num[code[pc + 1]] = num[code[pc + 2]]; pc += 3; break;
        case 7 /* MovO */: obj[code[pc + 1]] = obj[code[pc + 2]]; pc += 3; break;
        case 8 /* Halt */: {
          f.pc = pc;
          t.state = 2;
          const nt = q.next();
          if (nt === null) return;
          t = nt; f = t.frames[t.frames.length - 1]; code = f.code; num = f.num; obj = f.obj; pc = f.pc;
          break;
        }
        case 9 /* Call */: {
          if (t.frames.length >= maxCallDepth) throw new Trap(SimMessages.CallDepth, [maxCallDepth]);
          const callee = t.units[code[pc + 1]];
          const nf = new Frame(callee);
          const na = code[pc + 2];
          const as = callee.argSlots;
          for (let i = 0; i < na; i++) { const s = code[pc + 3 + i], d = as[i]; nf.num[d] = num[s]; nf.obj[d] = obj[s]; }
          f.pc = pc;
          t.frames.push(nf);
          f = nf; code = nf.code; num = nf.num; obj = nf.obj; pc = 0;
          break;
        }
        case 10 /* Ret */: {
          const n = code[pc + 1];
          if (t.frames.length === 1) {
            const res: unknown[] = [];
            for (let i = 0; i < n; i++) { const s = code[pc + 2 + i]; res.push(num[s], obj[s]); }
            t.results = res;
            f.pc = pc;
            t.state = 2;
            const nt = q.next();
            if (nt === null) return;
            t = nt; f = t.frames[t.frames.length - 1]; code = f.code; num = f.num; obj = f.obj; pc = f.pc;
            break;
          }
          t.frames.pop();
          const cf = t.frames[t.frames.length - 1];
          const cc = cf.code, cpc = cf.pc;
          const na = cc[cpc + 2];
          const nr = cc[cpc + 3 + na];
          for (let i = 0; i < n; i++) {
            const s = code[pc + 2 + i], d = cc[cpc + 4 + na + i];
            cf.num[d] = num[s]; cf.obj[d] = obj[s];
          }
          f = cf; code = cf.code; num = cf.num; obj = cf.obj; pc = cpc + 4 + na + nr;
          break;
        }
        case 11 /* Ext */: f.pc = pc; exts[code[pc + 1]](f, pc, t); pc += code[pc + 2]; break;

        case 12 /* AddI32 */: num[code[pc + 1]] = (num[code[pc + 2]] + num[code[pc + 3]]) | 0; pc += 4; break;
        case 13 /* SubI32 */: num[code[pc + 1]] = (num[code[pc + 2]] - num[code[pc + 3]]) | 0; pc += 4; break;
        case 14 /* MulI32 */: num[code[pc + 1]] = Math.imul(num[code[pc + 2]], num[code[pc + 3]]); pc += 4; break;
        case 21 /* AddW */: {
          const r = num[code[pc + 2]] + num[code[pc + 3]];
          if (r > -TWO53 && r < TWO53) num[code[pc + 1]] = r; else wideArith(0, f, pc);
          pc += 4;
          break;
        }
        case 22 /* SubW */: {
          const r = num[code[pc + 2]] - num[code[pc + 3]];
          if (r > -TWO53 && r < TWO53) num[code[pc + 1]] = r; else wideArith(1, f, pc);
          pc += 4;
          break;
        }
        case 23 /* MulW */: {
          const r = num[code[pc + 2]] * num[code[pc + 3]];
          if (r > -TWO53 && r < TWO53) num[code[pc + 1]] = r === 0 ? 0 : r; else wideArith(2, f, pc);
          pc += 4;
          break;
        }
        case 27 /* CmpLt */: num[code[pc + 1]] = num[code[pc + 2]] < num[code[pc + 3]] ? 1 : 0; pc += 4; break;
        case 28 /* CmpLe */: num[code[pc + 1]] = num[code[pc + 2]] <= num[code[pc + 3]] ? 1 : 0; pc += 4; break;
        case 29 /* CmpEq */: num[code[pc + 1]] = num[code[pc + 2]] === num[code[pc + 3]] ? 1 : 0; pc += 4; break;
        case 30 /* CmpNe */: num[code[pc + 1]] = num[code[pc + 2]] !== num[code[pc + 3]] ? 1 : 0; pc += 4; break;
        case 31 /* CmpGt */: num[code[pc + 1]] = num[code[pc + 2]] > num[code[pc + 3]] ? 1 : 0; pc += 4; break;
        case 32 /* CmpGe */: num[code[pc + 1]] = num[code[pc + 2]] >= num[code[pc + 3]] ? 1 : 0; pc += 4; break;
        case 33 /* Select */: {
          const d = code[pc + 1], s = num[code[pc + 2]] !== 0 ? code[pc + 3] : code[pc + 4];
          num[d] = num[s]; obj[d] = obj[s];
          pc += 5;
          break;
        }
        case 34 /* Lin1 */: num[code[pc + 1]] = code[pc + 2] + code[pc + 3] * num[code[pc + 4]]; pc += 5; break;
        case 35 /* Lin2 */:
          num[code[pc + 1]] = code[pc + 2] + code[pc + 3] * num[code[pc + 4]] + code[pc + 5] * num[code[pc + 6]];
          pc += 7;
          break;

        case 42 /* AddF32 */: num[code[pc + 1]] = Math.fround(num[code[pc + 2]] + num[code[pc + 3]]); pc += 4; break;
        case 43 /* SubF32 */: num[code[pc + 1]] = Math.fround(num[code[pc + 2]] - num[code[pc + 3]]); pc += 4; break;
        case 44 /* MulF32 */: num[code[pc + 1]] = Math.fround(num[code[pc + 2]] * num[code[pc + 3]]); pc += 4; break;
        case 45 /* DivF32 */: num[code[pc + 1]] = Math.fround(num[code[pc + 2]] / num[code[pc + 3]]); pc += 4; break;
        case 46 /* AddF64 */: num[code[pc + 1]] = num[code[pc + 2]] + num[code[pc + 3]]; pc += 4; break;
        case 47 /* SubF64 */: num[code[pc + 1]] = num[code[pc + 2]] - num[code[pc + 3]]; pc += 4; break;
        case 48 /* MulF64 */: num[code[pc + 1]] = num[code[pc + 2]] * num[code[pc + 3]]; pc += 4; break;
        case 49 /* DivF64 */: num[code[pc + 1]] = num[code[pc + 2]] / num[code[pc + 3]]; pc += 4; break;

        case 50 /* Ld1 */: {
          const m = obj[code[pc + 2]] as MemRef;
          const i = num[code[pc + 3]];
          if (!(i >= 0 && i < m.d0)) throw oob(i, 0, m.d0);
          num[code[pc + 1]] = (m.data as NumStorage)[m.offset + i * m.t0];
          pc += 4;
          break;
        }
        case 51 /* Ld2 */: {
          const m = obj[code[pc + 2]] as MemRef;
          const i = num[code[pc + 3]], j = num[code[pc + 4]];
          if (!(i >= 0 && i < m.d0)) throw oob(i, 0, m.d0);
          if (!(j >= 0 && j < m.d1)) throw oob(j, 1, m.d1);
          num[code[pc + 1]] = (m.data as NumStorage)[m.offset + i * m.t0 + j * m.t1];
          pc += 5;
          break;
        }
        case 55 /* St1 */: {
          const m = obj[code[pc + 2]] as MemRef;
          const i = num[code[pc + 3]];
          if (!(i >= 0 && i < m.d0)) throw oob(i, 0, m.d0);
          (m.data as NumStorage)[m.offset + i * m.t0] = num[code[pc + 1]];
          pc += 4;
          break;
        }
        case 56 /* St2 */: {
          const m = obj[code[pc + 2]] as MemRef;
          const i = num[code[pc + 3]], j = num[code[pc + 4]];
          if (!(i >= 0 && i < m.d0)) throw oob(i, 0, m.d0);
          if (!(j >= 0 && j < m.d1)) throw oob(j, 1, m.d1);
          (m.data as NumStorage)[m.offset + i * m.t0 + j * m.t1] = num[code[pc + 1]];
          pc += 5;
          break;
        }

        case 60 /* PutN */: case 67 /* PutX */: case 71 /* PutH */: {
          const op = code[pc];
          let fq: Fifo, vs: number, len: number;
          if (op === 60 /* PutN */) { fq = obj[code[pc + 1]] as Fifo; vs = code[pc + 2]; len = 3; }
          else if (op === 67 /* PutX */) { fq = element(obj[code[pc + 1]] as StreamArray, code, pc + 4, code[pc + 3], num); vs = code[pc + 2]; len = 4 + code[pc + 3]; }
          else {
            fq = obj[code[pc + 1]] as Fifo;
            if (fq === outOfRange) fq = element(obj[code[pc + 2]] as StreamArray, code, pc + 5, code[pc + 4], num);
            vs = code[pc + 3];
            len = 5 + code[pc + 4];
          }
          const w = fq.wr;
          if (w - fq.rd === fq.depth) {
            f.pc = pc;
            const nt = q.block(t, fq, true);
            if (nt === null) return;
            t = nt; f = t.frames[t.frames.length - 1]; code = f.code; num = f.num; obj = f.obj; pc = f.pc;
            break;
          }
          fq.nbuf[w & fq.mask] = num[vs];
          fq.wr = w + 1;
          fq.writer = t;
          if (fq.getWaiter !== null) q.wake(fq, true);
          pc += len;
          break;
        }
        case 63 /* GetN */: case 68 /* GetX */: case 72 /* GetH */: {
          const op = code[pc];
          let fq: Fifo, len: number;
          if (op === 63 /* GetN */) { fq = obj[code[pc + 2]] as Fifo; len = 3; }
          else if (op === 68 /* GetX */) { fq = element(obj[code[pc + 2]] as StreamArray, code, pc + 4, code[pc + 3], num); len = 4 + code[pc + 3]; }
          else {
            fq = obj[code[pc + 2]] as Fifo;
            if (fq === outOfRange) fq = element(obj[code[pc + 3]] as StreamArray, code, pc + 5, code[pc + 4], num);
            len = 5 + code[pc + 4];
          }
          const r = fq.rd;
          if (fq.wr === r) {
            f.pc = pc;
            const nt = q.block(t, fq, false);
            if (nt === null) return;
            t = nt; f = t.frames[t.frames.length - 1]; code = f.code; num = f.num; obj = f.obj; pc = f.pc;
            break;
          }
          num[code[pc + 1]] = fq.nbuf[r & fq.mask];
          fq.rd = r + 1;
          fq.reader = t;
          if (fq.putWaiter !== null) q.wake(fq, false);
          pc += len;
          break;
        }
        case 61 /* PutW */: case 62 /* PutB */: {
          const fq = obj[code[pc + 1]] as Fifo;
          const w = fq.wr;
          if (w - fq.rd === fq.depth) {
            f.pc = pc;
            const nt = q.block(t, fq, true);
            if (nt === null) return;
            t = nt; f = t.frames[t.frames.length - 1]; code = f.code; num = f.num; obj = f.obj; pc = f.pc;
            break;
          }
          const i = w & fq.mask, s = code[pc + 2];
          if (code[pc] === 62 /* PutB */) fq.obuf[i] = (obj[s] as MemRef).clone();
          else { fq.nbuf[i] = num[s]; fq.obuf[i] = obj[s]; }
          fq.wr = w + 1;
          fq.writer = t;
          if (fq.getWaiter !== null) q.wake(fq, true);
          pc += 3;
          break;
        }
        case 64 /* GetW */: case 65 /* GetB */: {
          const fq = obj[code[pc + 2]] as Fifo;
          const r = fq.rd;
          if (fq.wr === r) {
            f.pc = pc;
            const nt = q.block(t, fq, false);
            if (nt === null) return;
            t = nt; f = t.frames[t.frames.length - 1]; code = f.code; num = f.num; obj = f.obj; pc = f.pc;
            break;
          }
          const i = r & fq.mask, d = code[pc + 1];
          num[d] = fq.nbuf[i];
          obj[d] = fq.obuf[i];
          fq.obuf[i] = null;
          fq.rd = r + 1;
          fq.reader = t;
          if (fq.putWaiter !== null) q.wake(fq, false);
          pc += 3;
          break;
        }
        case 70 /* FifoH */: {
          const n = code[pc + 3];
          const idx: number[] = [];
          for (let k = 0; k < n; k++) idx.push(num[code[pc + 4 + k]]);
          obj[code[pc + 1]] = hoistedElement(obj[code[pc + 2]] as StreamArray, idx);
          pc += 4 + n;
          break;
        }
        case 66 /* FifoX */: {
          const n = code[pc + 3];
          obj[code[pc + 1]] = element(obj[code[pc + 2]] as StreamArray, code, pc + 4, n, num);
          pc += 4 + n;
          break;
        }
        default:
          pc = execCold(f, pc);
      }
    }
  } catch (e) {
    if (e instanceof Trap) {
      f.pc = pc;
      if (e.op === null) e.op = f.unit.opOf(pc);
      throw new TaskTrap(e, t);
    }
    throw e;
  }
}
