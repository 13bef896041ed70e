// One instruction as JavaScript statements, slot numbers as constants. The generated functions see the task
// `t`, its frame `f`, `num = f.num`, `obj = f.obj`, the ready queue `Q` and the functions of jit-runtime.ts;
// they reach slots and leave through a `Ctx` (jit.ts), and leave by returning a step.
import { Op } from "./bytecode.js";
import { cmpJs } from "./wide.js";

/// What a generated function returns to the scheduler loop (jit-run.ts): `pc * 4 + Step`. Returning constants
/// keeps the rare paths free of property accesses, which optimised code could only deoptimise on.
export const enum Step {
  /// Run the task's top frame on at `pc` (another function of the unit, a callee, or a caller).
  Continue = 0,
  /// The stream op at `pc` blocks to get (resp. put); it runs again when the task resumes.
  BlockGet = 1,
  BlockPut = 2,
  /// The task has finished at `pc`.
  Done = 3,
}

/// The value a generated function returns for `step` at `pc`.
export function stepAt(pc: number, step: Step): number { return pc * 4 + step; }

/// How the code of one generated function reaches the frame and leaves.
export interface Ctx {
  /// The number slot, resp. object slot, that word `k` of the instruction at `pc` names: read and written.
  num(pc: number, k: number): string;
  setNum(pc: number, k: number): string;
  obj(pc: number, k: number): string;
  setObj(pc: number, k: number): string;
  /// The expression of the address `pc` (in traps), and of the step `step` at `pc`.
  at(pc: number): string;
  step(pc: number, step: Step): string;
  /// The statement that goes on at instruction `target`.
  jump(target: number): string;
  /// The statement that leaves the function with the step `step` (an expression).
  leave(step: string): string;
  /// `call`, a statement whose runtime function reads the slots `reads` of the frame (number and object parts)
  /// and writes `writes` (null: any slot).
  sync(call: string, reads: readonly number[] | null, writes: readonly number[] | null): string;
}

/// One instruction being translated: its words, slots and exits.
class At {
  constructor(readonly code: Int32Array, readonly pc: number, readonly x: Ctx) {}
  /// Word `k` of the instruction, and the number / object slot it names (read, resp. written).
  c(k: number): number { return this.code[this.pc + k]; }
  n(k: number): string { return this.x.num(this.pc, k); }
  nd(k: number): string { return this.x.setNum(this.pc, k); }
  o(k: number): string { return this.x.obj(this.pc, k); }
  od(k: number): string { return this.x.setObj(this.pc, k); }
  /// The number slots of `cnt` words from `at`.
  idx(at: number, cnt: number): string[] { return Array.from({ length: cnt }, (_, k) => this.n(at + k)); }
  /// This instruction's address.
  get p(): string { return this.x.at(this.pc); }
  /// Leaving with `step` at this instruction.
  leave(step: Step): string { return this.x.leave(this.x.step(this.pc, step)); }
  /// An instruction run by `cold` (it may touch any slot).
  cold(): string { return this.x.sync(`cold(f, ${this.p});`, null, null); }
}

/// `const q = ` the FIFO of a stream array at index slots (checked, the op's diagnostic when out of range).
function element(i: At, s: number, nAt: number, first: number): string {
  const cnt = i.c(nAt);
  const ix = i.idx(first, cnt);
  if (cnt > 3) return `const q = elementAt(${i.p}, ${i.o(s)}, [${ix.join(", ")}]);`;
  const dims = ["sa.d0", "sa.d1", "sa.d2"];
  let out = `const sa = ${i.o(s)};`;
  ix.forEach((v, k) => { out += ` const x${k} = ${v};`; });
  out += ` if (!(${ix.map((_, k) => `x${k} >= 0 && x${k} < ${dims[k]}`).join(" && ")})) throw elementAt(${i.p}, sa, [${ix.map((_, k) => `x${k}`).join(", ")}]);`;
  let lin = "x0";
  for (let k = 1; k < cnt; k++) lin = `(${lin}) * ${dims[k]} + x${k}`;
  return out + ` const q = sa.fifos[${lin}];`;
}

const bin = (op: string) => (i: At) => `${i.nd(1)} = ${i.n(2)} ${op} ${i.n(3)};`;
const f32 = (op: string) => (i: At) => `${i.nd(1)} = Math.fround(${i.n(2)} ${op} ${i.n(3)});`;
const cmp = (op: string) => (i: At) => `${i.nd(1)} = ${i.n(2)} ${op} ${i.n(3)} ? 1 : 0;`;
const wrap = (mul: boolean, op: string, shift: string) => (i: At) =>
  `${i.nd(1)} = ((${mul ? `Math.imul(${i.n(2)}, ${i.n(3)})` : `${i.n(2)} ${op} ${i.n(3)}`}) << ${i.c(4)}) ${shift} ${i.c(4)};`;

/// 64-bit add (0), sub (1), mul (2): exact on numbers below 2^53, else the bigint path.
const wide = (k: number) => (i: At) => {
  const slow = i.x.sync(`wideArith(${k}, f, ${i.p});`, [i.c(2), i.c(3)], [i.c(1)]);
  return `{ const r = ${i.n(2)} ${["+", "-", "*"][k]} ${i.n(3)}; if (r > -9007199254740992 && r < 9007199254740992) ${i.nd(1)} = r${k === 2 ? " + 0" : ""}; else ${slow} }`;
};

/// Loads and stores of rank 1 to 3 (bounds checked).
const access = (rank: number, load: boolean) => (i: At) => {
  let s = `{ const m = ${i.o(2)};`;
  for (let k = 0; k < rank; k++) s += ` const i${k} = ${i.n(3 + k)}; if (!(i${k} >= 0 && i${k} < m.d${k})) throw oobAt(${i.p}, i${k}, ${k}, m.d${k});`;
  const lin = `m.offset + ${Array.from({ length: rank }, (_, k) => `i${k} * m.t${k}`).join(" + ")}`;
  return s + (load ? ` ${i.nd(1)} = m.data[${lin}]; }` : ` m.data[${lin}] = ${i.n(1)}; }`);
};

/// `Q.wake(q, getters)` (see ReadyQueue), repeated in the generated code.
const wake = (waiter: string, more: string, getters: boolean) =>
  `{ const u = q.${waiter}; q.${waiter} = null; u.state = 0; const ring = Q.ring; ring[(Q.head + Q.count) & (ring.length - 1)] = u; Q.count++; if (q.${more} !== null) Q.wakeMore(q, ${getters}); }`;

/// A put: `resolve` declares `q`, `store` writes element `w & q.mask`.
const put = (resolve: (i: At) => string, store: (i: At) => string) => (i: At) =>
  `{ ${resolve(i)} const w = q.wr;\nif (w - q.rd === q.depth) ${i.leave(Step.BlockPut)}\n${store(i)} q.wr = w + 1; q.writer = t; if (q.getWaiter !== null) ${wake("getWaiter", "moreGetWaiters", true)} }`;

/// A get: `resolve` declares `q`, `load` reads element `r & q.mask`.
const get = (resolve: (i: At) => string, load: (i: At) => string) => (i: At) =>
  `{ ${resolve(i)} const r = q.rd;\nif (q.wr === r) ${i.leave(Step.BlockGet)}\n${load(i)} q.rd = r + 1; q.reader = t; if (q.putWaiter !== null) ${wake("putWaiter", "morePutWaiters", false)} }`;

const plain = (s: number) => (i: At) => `const q = ${i.o(s)};`;
const putNum = (v: number) => (i: At) => `q.nbuf[w & q.mask] = ${i.n(v)};`;
const getNum = (i: At) => `${i.nd(1)} = q.nbuf[r & q.mask];`;

/// The emitter of each opcode (each compiled by V8 only if a program uses it).
const emitters: Record<number, (i: At) => string> = {
  [Op.Jmp]: (i) => i.x.jump(i.c(1)),
  [Op.Jz]: (i) => `if (${i.n(1)} === 0) ${i.x.jump(i.c(2))}`,
  [Op.Jnz]: (i) => `if (${i.n(1)} !== 0) ${i.x.jump(i.c(2))}`,
  [Op.Jge]: (i) => `if (!(${i.n(1)} < ${i.n(2)})) ${i.x.jump(i.c(3))}`,
  [Op.Loop]: (i) => `{ const v = ${i.n(1)} + ${i.n(2)}; ${i.nd(1)} = v; if (v < ${i.n(3)}) ${i.x.jump(i.c(4))} }`,
  [Op.Mov]: (i) => `${i.nd(1)} = ${i.n(2)}; ${i.od(1)} = ${i.o(2)};`,
  [Op.MovN]: (i) => `${i.nd(1)} = ${i.n(2)};`,
  [Op.MovO]: (i) => `${i.od(1)} = ${i.o(2)};`,
  [Op.Halt]: (i) => i.leave(Step.Done),
  [Op.Call]: (i) => `{ ${i.x.sync(`call(t, f, ${i.p});`, null, [])} ${i.x.leave(String(stepAt(0, Step.Continue)))} }`,
  [Op.Ret]: (i) => `{ ${i.x.sync("", null, [])} ${i.x.leave(`ret(t, f, ${i.p})`)} }`,
  [Op.Ext]: (i) => i.x.sync(`ext(f, ${i.p}, t);`, null, null),
  [Op.AddI32]: (i) => `${i.nd(1)} = (${i.n(2)} + ${i.n(3)}) | 0;`,
  [Op.SubI32]: (i) => `${i.nd(1)} = (${i.n(2)} - ${i.n(3)}) | 0;`,
  [Op.MulI32]: (i) => `${i.nd(1)} = Math.imul(${i.n(2)}, ${i.n(3)});`,
  [Op.AddS]: wrap(false, "+", ">>"), [Op.SubS]: wrap(false, "-", ">>"), [Op.MulS]: wrap(true, "", ">>"),
  [Op.AddU]: wrap(false, "+", ">>>"), [Op.SubU]: wrap(false, "-", ">>>"), [Op.MulU]: wrap(true, "", ">>>"),
  [Op.AddW]: wide(0), [Op.SubW]: wide(1), [Op.MulW]: wide(2),
  [Op.AndN]: bin("&"), [Op.OrN]: bin("|"), [Op.XorN]: bin("^"),
  [Op.CmpLt]: cmp("<"), [Op.CmpLe]: cmp("<="), [Op.CmpEq]: cmp("==="), [Op.CmpNe]: cmp("!=="), [Op.CmpGt]: cmp(">"), [Op.CmpGe]: cmp(">="),
  [Op.CmpW]: (i) => {
    const slow = i.x.sync(`cmpWide(f, ${i.p});`, [i.c(2), i.c(3)], [i.c(1)]);
    return `{ const x = ${i.n(2)}, y = ${i.n(3)}; if (x === x && y === y${i.c(5) === 1 ? " && x >= 0 && y >= 0" : ""}) ${i.nd(1)} = x ${cmpJs[i.c(4)]} y ? 1 : 0; else ${slow} }`;
  },
  [Op.Select]: (i) => `if (${i.n(2)} !== 0) { ${i.nd(1)} = ${i.n(3)}; ${i.od(1)} = ${i.o(3)}; } else { ${i.nd(1)} = ${i.n(4)}; ${i.od(1)} = ${i.o(4)}; }`,
  [Op.Lin1]: (i) => `${i.nd(1)} = ${i.c(2)} + ${i.c(3)} * ${i.n(4)};`,
  [Op.Lin2]: (i) => `${i.nd(1)} = ${i.c(2)} + ${i.c(3)} * ${i.n(4)} + ${i.c(5)} * ${i.n(6)};`,
  [Op.Lin3]: (i) => `${i.nd(1)} = ${i.c(2)} + ${i.c(3)} * ${i.n(4)} + ${i.c(5)} * ${i.n(6)} + ${i.c(7)} * ${i.n(8)};`,
  [Op.IMin]: (i) => `{ const u = ${i.n(2)}, w = ${i.n(3)}; ${i.nd(1)} = u < w ? u : w; }`,
  [Op.IMax]: (i) => `{ const u = ${i.n(2)}, w = ${i.n(3)}; ${i.nd(1)} = u > w ? u : w; }`,
  [Op.IFloorDiv]: (i) => i.cold(), [Op.ICeilDiv]: (i) => i.cold(), [Op.IMod]: (i) => i.cold(),
  [Op.AddF32]: f32("+"), [Op.SubF32]: f32("-"), [Op.MulF32]: f32("*"), [Op.DivF32]: f32("/"),
  [Op.AddF64]: bin("+"), [Op.SubF64]: bin("-"), [Op.MulF64]: bin("*"), [Op.DivF64]: bin("/"),
  [Op.Ld1]: access(1, true), [Op.Ld2]: access(2, true), [Op.Ld3]: access(3, true),
  [Op.St1]: access(1, false), [Op.St2]: access(2, false), [Op.St3]: access(3, false),
  [Op.LdN]: (i) => i.cold(), [Op.LdB]: (i) => i.cold(), [Op.StN]: (i) => i.cold(), [Op.StB]: (i) => i.cold(),
  [Op.PutN]: put(plain(1), putNum(2)),
  [Op.PutH]: put(plain(1), putNum(3)),
  [Op.PutX]: put((i) => element(i, 1, 3, 4), putNum(2)),
  [Op.PutW]: put(plain(1), (i) => `{ const j = w & q.mask; q.nbuf[j] = ${i.n(2)}; q.obuf[j] = ${i.o(2)}; }`),
  [Op.PutB]: put(plain(1), (i) => `q.obuf[w & q.mask] = clone(${i.o(2)});`),
  [Op.GetN]: get(plain(2), getNum),
  [Op.GetH]: get(plain(2), getNum),
  [Op.GetX]: get((i) => element(i, 2, 3, 4), getNum),
  [Op.GetW]: get(plain(2), (i) => `{ const j = r & q.mask; ${i.nd(1)} = q.nbuf[j]; ${i.od(1)} = q.obuf[j]; q.obuf[j] = null; }`),
  [Op.GetB]: get(plain(2), (i) => `{ const j = r & q.mask; ${i.nd(1)} = q.nbuf[j]; ${i.od(1)} = q.obuf[j]; q.obuf[j] = null; }`),
  [Op.FifoX]: (i) => `{ ${element(i, 2, 3, 4)} ${i.od(1)} = q; }`,
  [Op.FifoH]: (i) => {
    // resolved before a loop: `outOfRange` when out of range (the op in the loop traps if it runs)
    const cnt = i.c(3);
    const ix = i.idx(4, cnt);
    if (cnt > 3) return `${i.od(1)} = hoistedElement(${i.o(2)}, [${ix.join(", ")}]);`;
    let lin = "x0";
    for (let k = 1; k < cnt; k++) lin = `(${lin}) * sa.d${k} + x${k}`;
    return `{ const sa = ${i.o(2)};${ix.map((v, k) => ` const x${k} = ${v};`).join("")} ${i.od(1)} = ${ix.map((_, k) => `x${k} >= 0 && x${k} < sa.d${k}`).join(" && ")} ? sa.fifos[${lin}] : outOfRange; }`;
  },
};

/// The statements of the instruction at `pc`.
export function emitInsn(code: Int32Array, pc: number, x: Ctx): string {
  const e = emitters[code[pc]];
  if (e === undefined) throw new Error(`no translation for opcode ${code[pc]}`);
  return e(new At(code, pc, x));
}
