// df-instantiate: expands each kernel of mapping [P0, ...] into P0*... single-instance kernels @name_i_j.
import {
  cloneRegionInto, cloneWithoutRegions, definePass, getArrayAttr, getDictionaryAttr, getI64Attr, getStringAttr, opt, OpBuilder, type Attribute, type Block,
  type Diagnostic, type Operation, type Value,
} from "@allo/ir-core";
import { kernelMapping, symName } from "@allo/dialect-df";
import { bodyOps, constantInt, dfRegions, eraseDeadKernelOps, errorAt, indexConstant, instancePid, markInstance } from "./common.js";
import { DfPassDiag } from "./diag.js";
import { canonicalizeWithDefaults } from "../canonicalize.js";

/// Instances one kernel may expand to before the pass refuses.
export const maxInstances = 1_000_000;

/// What df-instantiate does to each instance besides copying it.
export interface InstanceOptions {
  /// Specialise its df.meta_if ops as they are copied (see `cloneInstance`).
  readonly specialize: boolean;
  /// Canonicalize it right after copying it (with canonicalize's default options).
  readonly canonicalize: boolean;
}

/// Expands every kernel with a fully bound mapping; returns false after reporting an error.
export function instantiateKernels(module: Operation, emit: (d: Diagnostic) => void, options: InstanceOptions): { ok: boolean; instances: number } {
  let instances = 0;
  const kernels: Operation[] = [];
  // Kernels of parameterised regions are instantiated after df-inline-regions has bound the parameters.
  for (const region of dfRegions(module)) {
    if (region.props.get("params") !== null) continue;
    for (const op of bodyOps(region)) if (op.name === "df.kernel" && instancePid(op) === null) kernels.push(op);
  }
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
      const inst = cloneInstance(kernel, pid, options.specialize);
      inst.props = getDictionaryAttr([
        ...inst.props.entries, { name: "sym_name", value: getStringAttr(`${name}_${pid.join("_")}`) }, { name: "mapping", value: single },
      ]);
      markInstance(inst, pid, grid);
      b.insert(inst);
      if (options.canonicalize) canonicalizeWithDefaults(inst);
      for (let d = grid.length - 1; d >= 0; d--) { if (++pid[d] < grid[d]) break; pid[d] = 0; }
    }
    kernel.erase();
    instances += total;
  }
  return { ok: true, instances };
}

/// Copies `kernel` as its instance at `pid`: the kernel's own `df.get_pid` ops (not those of kernels nested in it)
/// become index constants. With `specialize`, a df.meta_if whose condition then folds becomes a copy of its taken
/// branch and what is left dead of the conditions is erased, as df-specialize would leave it (one whose condition
/// does not fold is copied whole, for df-specialize to report); this copies only the branches the instance keeps.
function cloneInstance(kernel: Operation, pid: readonly number[], specialize: boolean): Operation {
  const mapping = new Map<Value | Block, Value | Block>();
  const memo = new Map<Value, Attribute | null>();
  const b = new OpBuilder();
  let specialized = false;
  const cloneInto = (op: Operation, dest: Block, own: boolean, fold: boolean): void => {
    if (own && op.name === "df.get_pid") {
      b.setInsertionPointToEnd(dest);
      op.results.forEach((r, i) => mapping.set(r, indexConstant(b, pid[i] ?? 0, op.loc)));
      return;
    }
    if (fold && op.name === "df.meta_if") {
      const cond = op.operand(0);
      const c = constantInt((mapping.get(cond) as Value | undefined) ?? cond, memo);
      if (c !== null) {
        specialized = true;
        const taken = op.regions[c !== 0 ? 0 : 1].firstBlock;
        if (taken !== null) for (let o = taken.firstOp; o !== null; o = o.next) if (o.name !== "df.yield") cloneInto(o, dest, own, fold);
        return;
      }
      fold = false; // df-specialize leaves what is nested in a condition it cannot fold alone
    }
    const copy = dest.append(cloneWithoutRegions(op, mapping));
    const nestedOwn = own && op.name !== "df.kernel";
    for (let i = 0; i < op.regions.length; i++) cloneRegionInto(op.regions[i], copy.regions[i], mapping, (o, into) => cloneInto(o, into, nestedOwn, fold));
  };
  const copy = cloneWithoutRegions(kernel, mapping);
  for (let i = 0; i < kernel.regions.length; i++) {
    cloneRegionInto(kernel.regions[i], copy.regions[i], mapping, (o, into) => cloneInto(o, into, true, specialize));
  }
  if (specialized) eraseDeadKernelOps(copy);
  return copy;
}

/// The `df-instantiate` pass.
export const DfInstantiate = definePass({
  argument: "df-instantiate",
  summary: "Expand each df.kernel over its mapping into single-instance kernels @name_i_j",
  anchor: "builtin.module",
  options: {
    specialize: opt.bool("specialize", false, "Specialise each instance's df.meta_if ops while copying it (the result of df-instantiate followed by df-specialize, without copying the branches not taken)"),
    canonicalize: opt.bool("canonicalize", false, "Canonicalize each instance right after copying it (what a following canonicalize would do to it, while the instance is fresh in the cache)"),
  },
  statistics: { kernels: { name: "num-instances", desc: "Kernel instances created" } },
  run(module, ctx) {
    const r = instantiateKernels(module, (d) => ctx.emit(d), ctx.options);
    ctx.stats.kernels += r.instances;
    if (!r.ok) ctx.signalPassFailure();
    if (r.instances === 0) ctx.markAllAnalysesPreserved();
  },
});
