// Translates a unit's instruction list into JavaScript functions (run by jit-run.ts).
//
// Each outermost loop becomes a function of its own: a `switch` on the block number inside a `for`, with the
// frame's number slots it uses held in locals (a short loop of simple instructions instead runs a function
// shared by all loops of the same instructions, jit-shared.ts). The code outside loops becomes one more
// function whose blocks nest as labelled statements, so that its forward jumps are `break`s and it has no loop
// at all. V8 optimises the small loop functions soon and compiles them quickly, while the straight-line code,
// which runs once per task, stays in V8's baseline tiers. A function runs until the task must leave it (it blocks, calls, returns,
// finishes, or goes on in another function) and returns a step (jit-emit.ts); the scheduler loop then enters
// the function of the task's next pc through the unit's entry table.
// The output only contains numbers and fixed identifiers (no names from the IR), so it is safe to evaluate.
// ALLO_SIM_DUMP=1 prints the generated code to stderr.
import type { Unit, UnitFn } from "./bytecode.js";
import { analyse, type Cfg } from "./jit-cfg.js";
import { emitInsn, Step, stepAt, type Ctx } from "./jit-emit.js";
import { runtime, runtimeNames } from "./jit-runtime.js";
import { isShared, sharedFunction } from "./jit-shared.js";

/// The unit's entry table (translated on first use): the function to run for a task at each entry pc.
export function entryTable(unit: Unit): UnitFn[] {
  if (unit.entry === null) unit.entry = translate(unit);
  return unit.entry;
}

/// Records which slots the instructions of a loop use (a first pass over them).
class SlotUse implements Ctx {
  readonly nums = new Set<number>();
  readonly numsSet = new Set<number>();
  readonly objs = new Set<number>();
  readonly objsSet = new Set<number>();
  /// Some instruction may write any slot (cold instructions, out-of-line instructions).
  anyWrite = false;
  constructor(private readonly code: Int32Array) {}
  num(pc: number, k: number): string { this.nums.add(this.code[pc + k]); return ""; }
  setNum(pc: number, k: number): string { this.nums.add(this.code[pc + k]); this.numsSet.add(this.code[pc + k]); return ""; }
  obj(pc: number, k: number): string { this.objs.add(this.code[pc + k]); return ""; }
  setObj(pc: number, k: number): string { this.objsSet.add(this.code[pc + k]); return ""; }
  at(): string { return ""; }
  step(): string { return ""; }
  jump(): string { return ""; }
  leave(): string { return ""; }
  sync(_call: string, _reads: readonly number[] | null, writes: readonly number[] | null): string {
    if (writes === null) this.anyWrite = true;
    else for (const s of writes) { this.nums.add(s); this.numsSet.add(s); this.objsSet.add(s); }
    return "";
  }
}

/// The code outside loops: slots in the frame, forward jumps are `break`s to labelled blocks.
class MainCtx implements Ctx {
  /// Blocks that need a label: targets of jumps and entries.
  readonly labels = new Set<number>();
  constructor(private readonly code: Int32Array, private readonly cfg: Cfg) {}
  num(pc: number, k: number): string { return `num[${this.code[pc + k]}]`; }
  setNum(pc: number, k: number): string { return this.num(pc, k); }
  obj(pc: number, k: number): string { return `obj[${this.code[pc + k]}]`; }
  setObj(pc: number, k: number): string { return this.obj(pc, k); }
  at(pc: number): string { return String(pc); }
  step(pc: number, step: Step): string { return String(stepAt(pc, step)); }
  jump(target: number): string {
    const tb = this.cfg.blockOf[target];
    if (this.cfg.loopOf[tb] >= 0) return this.leave(this.step(target, Step.Continue));
    this.labels.add(tb);
    return `break L${tb};`;
  }
  leave(step: string): string { return `return ${step};`; }
  sync(call: string): string { return call; }
}

/// A loop: the frame's number slots it uses are locals (`n12`), loaded on entry and stored back when it
/// leaves; object slots it only reads are constants (`o7`). Not so in a loop with an instruction that may
/// touch any slot (cold and out-of-line instructions), around which all of them would have to be stored and
/// reloaded. Jumps inside the loop go through the `switch`, every way out through the epilogue.
class LoopCtx implements Ctx {
  /// Slots are locals.
  readonly local: boolean;
  constructor(private readonly code: Int32Array, private readonly cfg: Cfg, private readonly loop: number, readonly use: SlotUse) {
    this.local = !use.anyWrite;
  }
  num(pc: number, k: number): string { const s = this.code[pc + k]; return this.local ? `n${s}` : `num[${s}]`; }
  setNum(pc: number, k: number): string { return this.num(pc, k); }
  obj(pc: number, k: number): string { const s = this.code[pc + k]; return this.cached(s) ? `o${s}` : `obj[${s}]`; }
  setObj(pc: number, k: number): string { return `obj[${this.code[pc + k]}]`; }
  /// Object slot `s` is a constant.
  cached(s: number): boolean { return this.local && !this.use.objsSet.has(s); }
  at(pc: number): string { return String(pc); }
  step(pc: number, step: Step): string { return String(stepAt(pc, step)); }
  jump(target: number): string {
    const tb = this.cfg.blockOf[target];
    if (this.cfg.loopOf[tb] === this.loop) return `{ b = ${tb}; continue; }`;
    return this.leave(this.step(target, Step.Continue));
  }
  leave(step: string): string { return `{ st = ${step}; break out; }`; }
  sync(call: string, reads: readonly number[] | null, writes: readonly number[] | null): string {
    if (!this.local) return call;
    const back = new Set((reads ?? [...this.use.numsSet]).filter((s) => this.use.numsSet.has(s)));
    const load = new Set(writes ?? this.use.nums);
    return `{ ${[...back].map((s) => `num[${s}] = n${s};`).join(" ")} ${call} ${[...load].map((s) => `n${s} = num[${s}];`).join(" ")} }`;
  }
}

/// The instruction starts of each block.
function blockInsns(cfg: Cfg): number[][] {
  const insns: number[][] = cfg.leaders.map(() => []);
  let block = -1;
  for (const pc of cfg.starts) {
    if (cfg.blockOf[pc] >= 0) block = cfg.blockOf[pc];
    insns[block].push(pc);
  }
  return insns;
}

/// The function of loop `k` (blocks `a` to `z`).
function loopFunction(code: Int32Array, cfg: Cfg, insns: number[][], k: number): string {
  const [a, z] = cfg.loops[k];
  const use = new SlotUse(code);
  for (let b = a; b <= z; b++) for (const pc of insns[b]) emitInsn(code, pc, use);
  const x = new LoopCtx(code, cfg, k, use);
  const cases: string[] = [];
  for (let b = a; b <= z; b++) cases.push(`case ${b}:`, ...insns[b].map((pc) => emitInsn(code, pc, x)));
  const nums = x.local ? [...use.nums] : [], objs = [...use.objs].filter((s) => x.cached(s));
  const after = z + 1 < cfg.leaders.length ? cfg.leaders[z + 1] : code.length;
  return `(function loop${k}(t, f, Q) {
const num = f.num, obj = f.obj;
${nums.length ? `let ${nums.map((s) => `n${s} = num[${s}]`).join(", ")};` : ""}
${objs.length ? `const ${objs.map((s) => `o${s} = obj[${s}]`).join(", ")};` : ""}
let b = BLOCK[f.pc], st = 0;
out: for (;;) {
switch (b) {
${cases.join("\n")}
}
st = ${stepAt(after, Step.Continue)};
break;
}
${x.local ? [...use.numsSet].map((s) => `num[${s}] = n${s};`).join(" ") : ""}
return st;
})`;
}

/// The function of the code outside loops. Block b's label closes right before it, so `break Lb` goes on
/// there; a `switch` at the top enters at any labelled block.
function mainFunction(code: Int32Array, cfg: Cfg, insns: number[][]): string {
  const x = new MainCtx(code, cfg);
  for (const b of cfg.entries) if (cfg.loopOf[b] < 0 && b > 0) x.labels.add(b);
  const bodies: [number, string[]][] = [];
  for (let b = 0; b < cfg.leaders.length; b++) {
    const loop = cfg.loopOf[b];
    if (loop >= 0) {
      // a loop starts here: its function runs it (its blocks are not main's)
      bodies.push([b, [x.leave(x.step(cfg.leaders[b], Step.Continue))]]);
      b = cfg.loops[loop][1];
    } else bodies.push([b, insns[b].map((pc) => emitInsn(code, pc, x))]);
  }
  const order = [...x.labels].sort((p, q) => p - q);
  const lines = [`(function main(t, f, Q) {`, `const num = f.num, obj = f.obj;`, order.slice().reverse().map((b) => `L${b}: {`).join(" ")];
  lines.push(`switch (BLOCK[f.pc]) { ${order.map((b) => `case ${b}: break L${b};`).join(" ")} }`);
  for (const [b, body] of bodies) {
    if (x.labels.has(b)) lines.push(`} // L${b}`);
    lines.push(...body);
  }
  lines.push(`})`);
  return lines.join("\n");
}

/// The functions of `unit` and its entry table.
function translate(unit: Unit): UnitFn[] {
  const code = unit.code;
  const cfg = analyse(code);
  const insns = blockInsns(cfg);
  const shared = cfg.loops.map((_, k) => isShared(code, cfg, insns, k));
  const own = cfg.loops.map((_, k) => k).filter((k) => !shared[k]);
  const fns = [mainFunction(code, cfg, insns), ...own.map((k) => loopFunction(code, cfg, insns, k))];
  // parenthesised function expressions, which V8 compiles with the factory rather than parsing them twice
  const src = `"use strict"; const { ${runtimeNames} } = H;\nreturn [${fns.join(",\n")}];`;
  if (process.env.ALLO_SIM_DUMP) console.error(src);
  const made = new Function("H", "BLOCK", src)(runtime, cfg.blockOf) as UnitFn[];
  const loopFns = cfg.loops.map((_, k) => (shared[k] ? sharedFunction(code, cfg, insns, k) : made[1 + own.indexOf(k)]));
  unit.loopStart = new Int32Array(code.length);
  cfg.loops.forEach(([a, z]) => { for (let b = a; b <= z; b++) for (const pc of insns[b]) unit.loopStart[pc] = cfg.leaders[a]; });
  const entry = new Array<UnitFn>(code.length).fill(made[0]);
  for (const b of cfg.entries) entry[cfg.leaders[b]] = cfg.loopOf[b] < 0 ? made[0] : loopFns[cfg.loopOf[b]];
  return entry;
}
