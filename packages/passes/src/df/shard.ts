// df-shard: applies kernel layouts — each sharded block argument becomes a memref.subview of the global memref.
import {
  definePass, getDenseI32ArrayAttr, getDenseI64ArrayAttr, OpBuilder, TypeKind, type Diagnostic, type MemRefType,
  type Operation,
} from "@allo/ir-core";
import { kernelLayouts, layoutEntries, symName, type LayoutEntry } from "@allo/dialect-df";
import { stridedType, stridesAndOffset, SubViewOp } from "@allo/dialect-std";
import { dfKernels, errorAt, instanceMesh, instancePid } from "./common.js";
import { DfPassDiag } from "./diag.js";

/// The offsets and sizes of the slice of a `shape` tensor that the instance at `pid` of grid `mesh` sees.
export function shardSlice(shape: readonly number[], entries: readonly LayoutEntry[], pid: readonly number[], mesh: readonly number[]): { offsets: number[]; sizes: number[] } {
  const offsets: number[] = [], sizes: number[] = [];
  shape.forEach((d, k) => {
    const axis = entries[k];
    if (axis === null || axis === undefined) { offsets.push(0); sizes.push(d); return; }
    const size = d / mesh[axis];
    offsets.push(pid[axis] * size);
    sizes.push(size);
  });
  return { offsets, sizes };
}

/// Rewrites every kernel instance with layouts; returns false after reporting an error.
export function shardKernels(module: Operation, emit: (d: Diagnostic) => void): { ok: boolean; views: number } {
  const kernels = dfKernels(module).filter((k) => kernelLayouts(k) !== null);
  let views = 0;
  for (const kernel of kernels) {
    const layouts = kernelLayouts(kernel)!;
    const pid = instancePid(kernel), mesh = instanceMesh(kernel);
    const sharded = layouts.some((l) => (layoutEntries(l) ?? []).some((e) => e !== null));
    if (sharded && (pid === null || mesh === null)) {
      emit(errorAt(kernel, DfPassDiag.ShardNoInstance, symName(kernel)));
      return { ok: false, views };
    }
    const entry = kernel.regions[0].entry;
    const b = OpBuilder.atEnd(entry);
    b.setInsertionPointToStart(entry);
    layouts.forEach((layout, i) => {
      const entries = layoutEntries(layout) ?? [];
      if (!entries.some((e) => e !== null)) return;
      const global = kernel.operand(i).type as MemRefType;
      if (global.kind !== TypeKind.MemRef) return;
      const arg = entry.args[i];
      const { offsets, sizes } = shardSlice(global.shape, entries, pid!, mesh!);
      const so = stridesAndOffset(global)!;
      const offset = so.offset + offsets.reduce((acc, o, k) => acc + o * so.strides[k], 0);
      const viewType = stridedType(global, sizes, so.strides, offset);
      arg.type = global;
      b.loc = kernel.loc;
      const view = b.create(SubViewOp, {
        operands: [arg], resultTypes: [viewType],
        props: {
          static_offsets: getDenseI64ArrayAttr(offsets), static_sizes: getDenseI64ArrayAttr(sizes),
          static_strides: getDenseI64ArrayAttr(sizes.map(() => 1)), operandSegmentSizes: getDenseI32ArrayAttr([1, 0, 0, 0]),
        },
      });
      for (const u of arg.uses()) if (u.owner !== view) u.set(view.results[0]);
      views++;
    });
    kernel.setProp("layouts", null);
  }
  return { ok: true, views };
}

/// The `df-shard` pass.
export const DfShard = definePass({
  argument: "df-shard",
  summary: "Apply df.kernel layouts: sharded arguments become memref.subview slices of the global memref",
  anchor: "builtin.module",
  statistics: { views: { name: "num-subviews", desc: "memref.subview ops created" } },
  run(module, ctx) {
    const r = shardKernels(module, (d) => ctx.emit(d));
    ctx.stats.views += r.views;
    if (!r.ok) ctx.signalPassFailure();
    if (r.views === 0) ctx.markAllAnalysesPreserved();
  },
});
