// df-instantiate: expands each kernel of mapping [P0, ...] into P0*... single-instance kernels @name_i_j.
import { cloneOp, definePass, getArrayAttr, getDictionaryAttr, getI64Attr, getStringAttr, OpBuilder, walk, type Diagnostic, type Operation } from "@allo/ir-core";
import { kernelMapping, symName } from "@allo/dialect-df";
import { bodyOps, errorAt, indexConstant, instancePid, markInstance } from "./common.js";
import { DfPassDiag } from "./diag.js";

/// Instances one kernel may expand to before the pass refuses.
export const maxInstances = 1_000_000;

/// Expands every kernel with a fully bound mapping; returns false after reporting an error.
export function instantiateKernels(module: Operation, emit: (d: Diagnostic) => void): { ok: boolean; instances: number } {
  let instances = 0;
  const kernels: Operation[] = [];
  // Kernels of parameterised regions are instantiated after df-inline-regions has bound the parameters.
  walk(module, (op) => {
    const region = op.parentOp;
    if (op.name === "df.kernel" && region?.name === "df.region" && region.props.get("params") === null && instancePid(op) === null) kernels.push(op);
  }, "pre");
  for (const kernel of kernels) {
    const mapping = kernelMapping(kernel);
    if (mapping.some((m) => typeof m === "string")) continue; // bound later by df-inline-regions
    const grid = mapping as number[];
    const total = grid.reduce((a, b) => a * b, 1);
    if (total > maxInstances) {
      emit(errorAt(kernel, DfPassDiag.TooManyInstances, symName(kernel), total, maxInstances));
      return { ok: false, instances };
    }
    const name = symName(kernel);
    const b = OpBuilder.before(kernel);
    const pid = grid.map(() => 0);
    const single = getArrayAttr([getI64Attr(1)]);
    for (let n = 0; n < total; n++) {
      const inst = cloneOp(kernel);
      inst.props = getDictionaryAttr([
        ...inst.props.entries, { name: "sym_name", value: getStringAttr(`${name}_${pid.join("_")}`) }, { name: "mapping", value: single },
      ]);
      markInstance(inst, pid, grid);
      b.insert(inst);
      replacePids(inst, pid);
      for (let d = grid.length - 1; d >= 0; d--) { if (++pid[d] < grid[d]) break; pid[d] = 0; }
    }
    kernel.erase();
    instances += total;
  }
  return { ok: true, instances };
}

/// Replaces the `df.get_pid` ops that belong to `kernel` (not to kernels nested in it) by constants.
function replacePids(kernel: Operation, pid: readonly number[]): void {
  for (const op of collectOwn(kernel, "df.get_pid")) {
    const b = OpBuilder.before(op);
    b.loc = op.loc;
    op.results.forEach((r, i) => r.replaceAllUsesWith(indexConstant(b, pid[i] ?? 0)));
    op.erase();
  }
}

/// Ops named `name` inside `kernel` whose nearest enclosing df.kernel is `kernel`.
export function collectOwn(kernel: Operation, name: string): Operation[] {
  const out: Operation[] = [];
  const stack = bodyOps(kernel).reverse();
  while (stack.length) {
    const op = stack.pop()!;
    if (op.name === name) out.push(op);
    if (op.name === "df.kernel") continue;
    for (const r of op.regions) for (let bl = r.firstBlock; bl !== null; bl = bl.next) for (let o = bl.lastOp; o !== null; o = o.prev) stack.push(o);
  }
  return out;
}

/// The `df-instantiate` pass.
export const DfInstantiate = definePass({
  argument: "df-instantiate",
  summary: "Expand each df.kernel over its mapping into single-instance kernels @name_i_j",
  anchor: "builtin.module",
  statistics: { kernels: { name: "num-instances", desc: "Kernel instances created" } },
  run(module, ctx) {
    const r = instantiateKernels(module, (d) => ctx.emit(d));
    ctx.stats.kernels += r.instances;
    if (!r.ok) ctx.signalPassFailure();
    if (r.instances === 0) ctx.markAllAnalysesPreserved();
  },
});
