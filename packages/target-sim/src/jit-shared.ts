// Short loops of simple instructions, translated apart from their place: slots and addresses are read from the
// instruction words at run time, so that every loop of the same instructions (the edge and drain loops of a
// systolic array, the copy loops of many kernels) runs one function, which V8 compiles once for all of them.
import { Op, type UnitFn } from "./bytecode.js";
import type { Cfg } from "./jit-cfg.js";
import { emitInsn, Step, type Ctx } from "./jit-emit.js";
import { runtime, runtimeNames } from "./jit-runtime.js";

/// How a shared loop reaches slots: through the instruction words, at `P` (where the loop starts) plus offsets.
class SharedCtx implements Ctx {
  constructor(private readonly top: number, private readonly end: number) {}
  num(pc: number, k: number): string { return `num[code[P + ${pc - this.top + k}]]`; }
  setNum(pc: number, k: number): string { return this.num(pc, k); }
  obj(pc: number, k: number): string { return `obj[code[P + ${pc - this.top + k}]]`; }
  setObj(pc: number, k: number): string { return this.obj(pc, k); }
  at(pc: number): string { return `P + ${pc - this.top}`; }
  step(pc: number, step: Step): string { return `(P + ${pc - this.top}) * 4 + ${step}`; }
  jump(target: number): string {
    if (target >= this.top && target < this.end) return `{ b = ${target - this.top}; continue; }`;
    return this.leave(this.step(target, Step.Continue));
  }
  leave(step: string): string { return `return ${step};`; }
  sync(call: string): string { return call; }
}

/// The instructions a shared loop may contain (they name slots only, and leave only to block).
const sharedOps = new Set<number>([
  Op.Ld1, Op.Ld2, Op.St1, Op.St2, Op.PutN, Op.PutH, Op.GetN, Op.GetH, Op.MovN,
  Op.AddI32, Op.SubI32, Op.MulI32, Op.AddF32, Op.SubF32, Op.MulF32, Op.DivF32, Op.AddF64, Op.SubF64, Op.MulF64, Op.DivF64,
]);

/// Loops of at most this many instructions (and the back edge) run a shared function.
const maxSharedLength = 3;

/// True if loop `k` is short and simple: instructions of `sharedOps` and its back edge.
export function isShared(code: Int32Array, cfg: Cfg, insns: number[][], k: number): boolean {
  const [a, z] = cfg.loops[k];
  const pcs = insns.slice(a, z + 1).flat();
  const last = pcs[pcs.length - 1];
  return pcs.length <= maxSharedLength + 1 && code[last] === Op.Loop && code[last + 4] === cfg.leaders[a] &&
    pcs.slice(0, -1).every((pc) => sharedOps.has(code[pc]));
}

/// Shared loop functions by their source (for every unit of every run in this process).
const shared = new Map<string, UnitFn>();

/// The shared function of loop `k`.
export function sharedFunction(code: Int32Array, cfg: Cfg, insns: number[][], k: number): UnitFn {
  const [a, z] = cfg.loops[k];
  const top = cfg.leaders[a], end = z + 1 < cfg.leaders.length ? cfg.leaders[z + 1] : code.length;
  const x = new SharedCtx(top, end);
  const cases: string[] = [];
  for (let b = a; b <= z; b++) cases.push(`case ${cfg.leaders[b] - top}:`, ...insns[b].map((pc) => emitInsn(code, pc, x)));
  const src = `"use strict"; const { ${runtimeNames} } = H;
return function shared(t, f, Q) {
const num = f.num, obj = f.obj, code = f.code, P = f.unit.loopStart[f.pc];
let b = f.pc - P;
for (;;) {
switch (b) {
${cases.join("\n")}
}
return ${x.step(end, Step.Continue)};
}
};`;
  let fn = shared.get(src);
  if (fn === undefined) {
    if (process.env.ALLO_SIM_DUMP) console.error(src);
    fn = new Function("H", src)(runtime) as UnitFn;
    shared.set(src, fn);
  }
  return fn;
}
