// df-specialize: folds each df.meta_if condition to a constant and keeps the taken branch.
import { definePass, printOpGeneric, type Diagnostic, type Operation } from "@allo/ir-core";
import { enclosingKernel, symName } from "@allo/dialect-df";
import { constantInt, eraseDeadKernelOps, errorAt } from "./common.js";
import { DfPassDiag } from "./diag.js";

/// Replaces every df.meta_if whose condition folds by its taken branch, then erases what is left dead of the
/// conditions in the (outermost) kernels where one folded (`eraseDeadKernelOps`); with `strict`, reports one that
/// does not fold.
export function specializeMetaIfs(module: Operation, emit: (d: Diagnostic) => void, strict: boolean): { ok: boolean; folded: number } {
  let folded = 0;
  const specialized = new Set<Operation>();
  const work: Operation[] = [];
  outermostMetaIfs([module], work);
  const stuck: Operation[] = [];
  while (work.length) {
    const op = work.pop()!;
    const c = constantInt(op.operand(0));
    if (c === null) { stuck.push(op); continue; }
    const kernel = outermostKernel(op);
    if (kernel !== null) specialized.add(kernel);
    const block = op.regions[c !== 0 ? 0 : 1].firstBlock;
    const moved: Operation[] = [];
    if (block !== null) for (const inner of block.ops()) if (inner.name !== "df.yield") { inner.moveBefore(op); moved.push(inner); }
    op.erase();
    outermostMetaIfs(moved, work);
    folded++;
  }
  for (const kernel of specialized) eraseDeadKernelOps(kernel);
  if (strict) {
    for (const op of stuck) {
      const k = enclosingKernel(op);
      // Kernels still to be instantiated (an unbound mapping) are specialised in a later round.
      if (k === null || k.attrs.get("df.pid") === null) continue;
      const d = errorAt(op, DfPassDiag.MetaIfNotConstant, symName(k));
      d.attachNote("see current operation: " + printOpGeneric(op));
      emit(d);
      return { ok: false, folded };
    }
  }
  return { ok: true, folded };
}

/// The outermost df.kernel around `op`, or null.
function outermostKernel(op: Operation): Operation | null {
  let k = enclosingKernel(op);
  for (let outer = k; outer !== null; outer = enclosingKernel(outer)) k = outer;
  return k;
}

/// Appends the df.meta_if ops in `roots` (and nested in them) that are not inside another df.meta_if.
function outermostMetaIfs(roots: readonly Operation[], out: Operation[]): void {
  const stack = roots.slice();
  while (stack.length) {
    const op = stack.pop()!;
    if (op.name === "df.meta_if") { out.push(op); continue; }
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) stack.push(o);
  }
}

/// The `df-specialize` pass.
export const DfSpecialize = definePass({
  argument: "df-specialize",
  summary: "Fold df.meta_if conditions per kernel instance and keep the taken branch",
  anchor: "builtin.module",
  statistics: { folded: { name: "num-folded", desc: "df.meta_if ops folded" } },
  run(module, ctx) {
    const r = specializeMetaIfs(module, (d) => ctx.emit(d), true);
    ctx.stats.folded += r.folded;
    if (!r.ok) ctx.signalPassFailure();
    if (r.folded === 0) ctx.markAllAnalysesPreserved();
  },
});
