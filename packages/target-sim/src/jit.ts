// Translates a unit's instruction list into one JavaScript function: basic blocks become the cases of a
// `switch` on a dense block number inside a loop, each instruction straight-line code with its slot numbers
// as constants. A blocking put/get starts a block, so a task resumes by entering the block of its pc.
// The output only contains numbers and fixed identifiers (no names from the IR), so it is safe to evaluate.
// ALLO_SIM_DUMP=1 prints each generated function to stderr.
import { extTable, Frame, Op, Trap, type Unit, type UnitFn } from "./bytecode.js";
import { execCold, oob } from "./cold.js";
import { SimMessages } from "./diag.js";
import type { MemRef } from "./memory.js";
import { blockOn, type Fifo, type StreamArray, type Task } from "./streams.js";
import { cmpJs, cmpWide, wideArith } from "./wide.js";

/// The number of words of the instruction at `pc`.
export function insnLength(code: Int32Array, pc: number): number {
  switch (code[pc] as Op) {
    case Op.Halt: return 1;
    case Op.Jmp: return 2;
    case Op.Jz: case Op.Jnz: case Op.Mov: case Op.MovN: case Op.MovO:
    case Op.PutN: case Op.PutW: case Op.PutB: case Op.GetN: case Op.GetW: case Op.GetB: return 3;
    case Op.Jge: case Op.AddI32: case Op.SubI32: case Op.MulI32: case Op.AddW: case Op.SubW: case Op.MulW:
    case Op.AndN: case Op.OrN: case Op.XorN: case Op.CmpLt: case Op.CmpLe: case Op.CmpEq: case Op.CmpNe: case Op.CmpGt: case Op.CmpGe:
    case Op.IMin: case Op.IMax: case Op.IFloorDiv: case Op.ICeilDiv: case Op.IMod:
    case Op.AddF32: case Op.SubF32: case Op.MulF32: case Op.DivF32: case Op.AddF64: case Op.SubF64: case Op.MulF64: case Op.DivF64:
    case Op.Ld1: case Op.St1: return 4;
    case Op.Loop: case Op.AddS: case Op.SubS: case Op.MulS: case Op.AddU: case Op.SubU: case Op.MulU: case Op.Select: case Op.Lin1:
    case Op.Ld2: case Op.St2: return 5;
    case Op.Ld3: case Op.St3: return 6;
    case Op.Lin2: return 7;
    case Op.Lin3: return 9;
    case Op.CmpW: return 7;
    case Op.FifoH: return 4 + code[pc + 3];
    case Op.PutH: case Op.GetH: return 5 + code[pc + 4];
    case Op.LdN: case Op.LdB: case Op.StN: case Op.StB: case Op.FifoX: case Op.PutX: case Op.GetX: return 4 + code[pc + 3];
    case Op.Call: { const na = code[pc + 2]; return 4 + na + code[pc + 3 + na]; }
    case Op.Ret: return 2 + code[pc + 1];
    case Op.Ext: return code[pc + 2];
    default: throw new Error(`bad opcode ${code[pc]} at ${pc}`);
  }
}

function isBlocking(op: number): boolean {
  return op === Op.PutN || op === Op.PutW || op === Op.PutB || op === Op.GetN || op === Op.GetW || op === Op.GetB || op === Op.PutX || op === Op.GetX ||
    op === Op.PutH || op === Op.GetH;
}

// ---- run-time helpers the generated code calls ----

function trapAt(pc: number, e: Trap): Trap { e.pc = pc; return e; }
function oobAt(pc: number, i: number, dim: number, size: number): Trap { return trapAt(pc, oob(i, dim, size)); }

/// The element of `sa` at `idx`, or null when out of range (a hoisted resolution must not trap).
export function elementOrNull(sa: StreamArray, idx: readonly number[]): Fifo | null {
  let lin = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k], dk = sa.shape[k];
    if (!(i >= 0 && i < dk)) return null;
    lin = lin * dk + i;
  }
  return sa.fifos[lin];
}

function elementAt(pc: number, sa: StreamArray, idx: readonly number[]): Fifo {
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
  const code = f.code;
  const callee = t.units[code[pc + 1]];
  const nf = new Frame(callee);
  const na = code[pc + 2];
  for (let i = 0; i < na; i++) { const s = code[pc + 3 + i], d = callee.argSlots[i]; nf.num[d] = f.num[s]; nf.obj[d] = f.obj[s]; }
  f.pc = pc;
  t.frames.push(nf);
}

/// Returns from the top frame; true if the task is done (the outermost frame returned).
function ret(t: Task, f: Frame, pc: number): boolean {
  const code = f.code, num = f.num, obj = f.obj;
  const n = code[pc + 1];
  if (t.frames.length === 1) {
    const res: unknown[] = [];
    for (let i = 0; i < n; i++) { const s = code[pc + 2 + i]; res.push(num[s], obj[s]); }
    t.results = res;
    f.pc = pc;
    t.state = 2;
    return true;
  }
  t.frames.pop();
  const cf = t.frames[t.frames.length - 1];
  const cc = cf.code, cpc = cf.pc;
  const na = cc[cpc + 2];
  const nr = cc[cpc + 3 + na];
  for (let i = 0; i < n; i++) { const s = code[pc + 2 + i], d = cc[cpc + 4 + na + i]; cf.num[d] = num[s]; cf.obj[d] = obj[s]; }
  cf.pc = cpc + 4 + na + nr;
  return false;
}

function clone(m: MemRef): MemRef { return m.clone(); }

/// Blocks `t` on `q` at instruction `pc`. Rare paths call helpers (never property accesses), so that the
/// optimised code has no feedback-less access to deoptimise on when a task first blocks or wakes another.
function blockAt(t: Task, f: Frame, q: Fifo, pc: number, put: boolean): number {
  f.pc = pc;
  blockOn(t, q, put);
  return 0;
}
function wakeGet(s: ReadyQueue, q: Fifo): void { s.wakeGetters(q); }
function wakePut(s: ReadyQueue, q: Fifo): void { s.wakePutters(q); }
function halt(t: Task, f: Frame, pc: number): number {
  f.pc = pc;
  t.state = 2;
  return 0;
}

const helpers = { oobAt, elementAt, elementOrNull, cold, ext, call, ret, wideArith, cmpWide, clone, blockAt, wakeGet, wakePut, halt };
const helperNames = Object.keys(helpers).join(", ");

/// The JavaScript function of `unit` (translated on first use).
export function unitFunction(unit: Unit): UnitFn {
  if (unit.fn === null) unit.fn = translate(unit);
  return unit.fn;
}

function translate(unit: Unit): UnitFn {
  const code = unit.code;
  // instruction starts and block leaders
  const starts: number[] = [];
  const leader = new Set<number>([0]);
  for (let pc = 0; pc < code.length; pc += insnLength(code, pc)) {
    starts.push(pc);
    const op = code[pc];
    const next = pc + insnLength(code, pc);
    switch (op) {
      case Op.Jmp: leader.add(code[pc + 1]); leader.add(next); break;
      case Op.Jz: case Op.Jnz: leader.add(code[pc + 2]); leader.add(next); break;
      case Op.Jge: leader.add(code[pc + 3]); leader.add(next); break;
      case Op.Loop: leader.add(code[pc + 4]); leader.add(next); break;
      case Op.Halt: case Op.Ret: case Op.Call: leader.add(next); break;
      default: if (isBlocking(op)) leader.add(pc);
    }
  }
  const blockOf = new Int32Array(code.length + 1).fill(-1);
  const leaders = starts.filter((pc) => leader.has(pc));
  leaders.forEach((pc, i) => { blockOf[pc] = i; });
  const B = (pc: number): number => {
    const b = blockOf[pc];
    if (b < 0) throw new Error(`jump to ${pc}, which starts no block`);
    return b;
  };
  const lines: string[] = [];
  const w = (s: string) => lines.push(s);
  const jump = (target: number) => `{ b = ${B(target)}; continue; }`;
  for (const pc of starts) {
    if (leader.has(pc)) w(`case ${B(pc)}:`);
    const c = (k: number) => code[pc + k];
    const n = (k: number) => `num[${c(k)}]`;
    const o = (k: number) => `obj[${c(k)}]`;
    const bin = (op: string) => w(`${n(1)} = ${n(2)} ${op} ${n(3)};`);
    const idx = (at: number, cnt: number) => Array.from({ length: cnt }, (_, k) => n(at + k));
    // `const q = ` the FIFO of stream array obj[c(s)] at the index slots after c(nAt)
    const element = (s: number, nAt: number, first: number): string => {
      const cnt = c(nAt);
      const ix = idx(first, cnt);
      if (cnt > 3) return `const q = elementAt(${pc}, ${o(s)}, [${ix.join(", ")}]);`;
      const dims = ["sa.d0", "sa.d1", "sa.d2"];
      let out = `const sa = ${o(s)};`;
      ix.forEach((v, k) => { out += ` const x${k} = ${v};`; });
      out += ` if (!(${ix.map((_, k) => `x${k} >= 0 && x${k} < ${dims[k]}`).join(" && ")})) throw elementAt(${pc}, sa, [${ix.map((_, k) => `x${k}`).join(", ")}]);`;
      let lin = "x0";
      for (let k = 1; k < cnt; k++) lin = `(${lin}) * ${dims[k]} + x${k}`;
      return out + ` const q = sa.fifos[${lin}];`;
    };
    const check = (v: string, dim: number, size: string) => w(`if (!(${v} >= 0 && ${v} < ${size})) throw oobAt(${pc}, ${v}, ${dim}, ${size});`);
    switch (code[pc] as Op) {
      case Op.Jmp: w(jump(c(1))); break;
      case Op.Jz: w(`if (${n(1)} === 0) ${jump(c(2))}`); break;
      case Op.Jnz: w(`if (${n(1)} !== 0) ${jump(c(2))}`); break;
      case Op.Jge: w(`if (!(${n(1)} < ${n(2)})) ${jump(c(3))}`); break;
      case Op.Loop: w(`{ const v = ${n(1)} + ${n(2)}; ${n(1)} = v; if (v < ${n(3)}) ${jump(c(4))} }`); break;
      case Op.Mov: w(`${n(1)} = ${n(2)}; ${o(1)} = ${o(2)};`); break;
      case Op.MovN: w(`${n(1)} = ${n(2)};`); break;
      case Op.MovO: w(`${o(1)} = ${o(2)};`); break;
      case Op.Halt: w(`return halt(t, f, ${pc});`); break;
      case Op.Call: w(`call(t, f, ${pc}); return 1;`); break;
      case Op.Ret: w(`return ret(t, f, ${pc}) ? 0 : 1;`); break;
      case Op.Ext: w(`ext(f, ${pc}, t);`); break;
      case Op.AddI32: w(`${n(1)} = (${n(2)} + ${n(3)}) | 0;`); break;
      case Op.SubI32: w(`${n(1)} = (${n(2)} - ${n(3)}) | 0;`); break;
      case Op.MulI32: w(`${n(1)} = Math.imul(${n(2)}, ${n(3)});`); break;
      case Op.AddS: w(`${n(1)} = ((${n(2)} + ${n(3)}) << ${c(4)}) >> ${c(4)};`); break;
      case Op.SubS: w(`${n(1)} = ((${n(2)} - ${n(3)}) << ${c(4)}) >> ${c(4)};`); break;
      case Op.MulS: w(`${n(1)} = (Math.imul(${n(2)}, ${n(3)}) << ${c(4)}) >> ${c(4)};`); break;
      case Op.AddU: w(`${n(1)} = ((${n(2)} + ${n(3)}) << ${c(4)}) >>> ${c(4)};`); break;
      case Op.SubU: w(`${n(1)} = ((${n(2)} - ${n(3)}) << ${c(4)}) >>> ${c(4)};`); break;
      case Op.MulU: w(`${n(1)} = (Math.imul(${n(2)}, ${n(3)}) << ${c(4)}) >>> ${c(4)};`); break;
      case Op.AddW: case Op.SubW: case Op.MulW: {
        const k = code[pc] === Op.AddW ? 0 : code[pc] === Op.SubW ? 1 : 2;
        const sym = ["+", "-", "*"][k];
        w(`{ const r = ${n(2)} ${sym} ${n(3)}; if (r > -9007199254740992 && r < 9007199254740992) ${n(1)} = r${k === 2 ? " + 0" : ""}; else wideArith(${k}, f, ${pc}); }`);
        break;
      }
      case Op.AndN: bin("&"); break;
      case Op.OrN: bin("|"); break;
      case Op.XorN: bin("^"); break;
      case Op.CmpLt: w(`${n(1)} = ${n(2)} < ${n(3)} ? 1 : 0;`); break;
      case Op.CmpLe: w(`${n(1)} = ${n(2)} <= ${n(3)} ? 1 : 0;`); break;
      case Op.CmpEq: w(`${n(1)} = ${n(2)} === ${n(3)} ? 1 : 0;`); break;
      case Op.CmpNe: w(`${n(1)} = ${n(2)} !== ${n(3)} ? 1 : 0;`); break;
      case Op.CmpGt: w(`${n(1)} = ${n(2)} > ${n(3)} ? 1 : 0;`); break;
      case Op.CmpGe: w(`${n(1)} = ${n(2)} >= ${n(3)} ? 1 : 0;`); break;
      case Op.CmpW:
        w(`{ const x = ${n(2)}, y = ${n(3)}; if (x === x && y === y${c(5) === 1 ? " && x >= 0 && y >= 0" : ""}) ${n(1)} = x ${cmpJs[c(4)]} y ? 1 : 0; else cmpWide(f, ${pc}); }`);
        break;
      case Op.Select: w(`if (${n(2)} !== 0) { ${n(1)} = ${n(3)}; ${o(1)} = ${o(3)}; } else { ${n(1)} = ${n(4)}; ${o(1)} = ${o(4)}; }`); break;
      case Op.Lin1: w(`${n(1)} = ${c(2)} + ${c(3)} * ${n(4)};`); break;
      case Op.Lin2: w(`${n(1)} = ${c(2)} + ${c(3)} * ${n(4)} + ${c(5)} * ${n(6)};`); break;
      case Op.Lin3: w(`${n(1)} = ${c(2)} + ${c(3)} * ${n(4)} + ${c(5)} * ${n(6)} + ${c(7)} * ${n(8)};`); break;
      case Op.IMin: w(`{ const a = ${n(2)}, b2 = ${n(3)}; ${n(1)} = a < b2 ? a : b2; }`); break;
      case Op.IMax: w(`{ const a = ${n(2)}, b2 = ${n(3)}; ${n(1)} = a > b2 ? a : b2; }`); break;
      case Op.IFloorDiv: case Op.ICeilDiv: case Op.IMod: w(`cold(f, ${pc});`); break;
      case Op.AddF32: w(`${n(1)} = Math.fround(${n(2)} + ${n(3)});`); break;
      case Op.SubF32: w(`${n(1)} = Math.fround(${n(2)} - ${n(3)});`); break;
      case Op.MulF32: w(`${n(1)} = Math.fround(${n(2)} * ${n(3)});`); break;
      case Op.DivF32: w(`${n(1)} = Math.fround(${n(2)} / ${n(3)});`); break;
      case Op.AddF64: bin("+"); break;
      case Op.SubF64: bin("-"); break;
      case Op.MulF64: bin("*"); break;
      case Op.DivF64: bin("/"); break;
      case Op.Ld1: case Op.Ld2: case Op.Ld3: case Op.St1: case Op.St2: case Op.St3: {
        const op = code[pc];
        const rank = op === Op.Ld1 || op === Op.St1 ? 1 : op === Op.Ld2 || op === Op.St2 ? 2 : 3;
        const ix = idx(3, rank);
        w(`{ const m = ${o(2)};`);
        ix.forEach((v, k) => { w(`const i${k} = ${v};`); check(`i${k}`, k, `m.d${k}`); });
        const lin = `m.offset + ${ix.map((_, k) => `i${k} * m.t${k}`).join(" + ")}`;
        if (op === Op.Ld1 || op === Op.Ld2 || op === Op.Ld3) w(`${n(1)} = m.data[${lin}]; }`);
        else w(`m.data[${lin}] = ${n(1)}; }`);
        break;
      }
      case Op.LdN: case Op.LdB: case Op.StN: case Op.StB: w(`cold(f, ${pc});`); break;
      case Op.PutN: case Op.PutX: case Op.PutW: case Op.PutB: case Op.PutH: {
        const op = code[pc];
        const v = op === Op.PutH ? 3 : 2;
        if (op === Op.PutX) w(`{ ${element(1, 3, 4)}`);
        else if (op === Op.PutH) w(`{ const q = ${o(1)} ?? elementAt(${pc}, ${o(2)}, [${idx(5, c(4)).join(", ")}]);`);
        else w(`{ const q = ${o(1)};`);
        w(`if (q.count === q.depth) return blockAt(t, f, q, ${pc}, true);`);
        w(`let tail = q.head + q.count; if (tail >= q.depth) tail -= q.depth;`);
        if (op === Op.PutB) w(`q.obuf[tail] = clone(${o(v)});`);
        else if (op === Op.PutW) w(`q.nbuf[tail] = ${n(v)}; q.obuf[tail] = ${o(v)};`);
        else w(`q.nbuf[tail] = ${n(v)};`);
        w(`q.count++; q.puts++; q.writer = t; if (q.getWaiter !== null) wakeGet(Q, q); }`);
        break;
      }
      case Op.GetN: case Op.GetX: case Op.GetW: case Op.GetB: case Op.GetH: {
        const op = code[pc];
        if (op === Op.GetX) w(`{ ${element(2, 3, 4)}`);
        else if (op === Op.GetH) w(`{ const q = ${o(2)} ?? elementAt(${pc}, ${o(3)}, [${idx(5, c(4)).join(", ")}]);`);
        else w(`{ const q = ${o(2)};`);
        w(`if (q.count === 0) return blockAt(t, f, q, ${pc}, false);`);
        w(`const h = q.head;`);
        if (op === Op.GetN || op === Op.GetX || op === Op.GetH) w(`${n(1)} = q.nbuf[h];`);
        else w(`${n(1)} = q.nbuf[h]; ${o(1)} = q.obuf[h]; q.obuf[h] = null;`);
        w(`q.head = h + 1 === q.depth ? 0 : h + 1; q.count--; q.gets++; q.reader = t; if (q.putWaiter !== null) wakePut(Q, q); }`);
        break;
      }
      case Op.FifoX: w(`{ ${element(2, 3, 4)} ${o(1)} = q; }`); break;
      case Op.FifoH: w(`${o(1)} = elementOrNull(${o(2)}, [${idx(4, c(3)).join(", ")}]);`); break;
      default: throw new Error(`no translation for opcode ${code[pc]}`);
    }
  }
  // A resume point (any block leader) maps to its block.
  const body = `
const num = f.num, obj = f.obj;
let b = BLOCK[f.pc];
for (;;) {
  switch (b) {
${lines.join("\n")}
  default: throw new Error("simulator: bad block " + b);
  }
}`;
  const factory = new Function("H", "BLOCK", `"use strict"; const { ${helperNames} } = H; return function sim_unit(t, f, Q) {${body}\n};`) as (h: typeof helpers, block: Int32Array) => UnitFn;
  if (process.env.ALLO_SIM_DUMP) console.error(body);
  return factory(helpers, blockOf);
}

/// What the loop needs from the scheduler.
export interface ReadyQueue {
  /// The next ready task, or null when none is ready.
  next(): Task | null;
  /// Makes the tasks waiting to get from `q` (resp. put into it) ready.
  wakeGetters(q: Fifo): void;
  wakePutters(q: Fifo): void;
}

/// A trap with the task that raised it.
export class TaskTrap {
  readonly trap: Trap;
  readonly task: Task;
  constructor(trap: Trap, task: Task) {
    this.trap = trap;
    this.task = task;
  }
}

/// Runs tasks from `q` until none is ready, each through its unit's JavaScript translation.

export function runAllCompiled(q: ReadyQueue): void {
  let t = q.next();
  while (t !== null) {
    const f = t.frames[t.frames.length - 1];
    const u = f.unit;
    let st: number;
    try {
      st = (u.fn ?? unitFunction(u))(t, f, q);
    } catch (e) {
      if (e instanceof Trap) {
        if (e.op === null) e.op = u.opOf(e.pc >= 0 ? e.pc : f.pc);
        throw new TaskTrap(e, t);
      }
      throw e;
    }
    if (st === 0) t = q.next();
  }
}
