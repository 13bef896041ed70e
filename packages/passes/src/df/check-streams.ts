// df-check-streams: one producer and one consumer per FIFO, and equal static write/read counts.
import { definePass, type Diagnostic, type Operation } from "@allo/ir-core";
import { symName } from "@allo/dialect-df";
import { dfRegions, errorAt } from "./common.js";
import { DfPassDiag } from "./diag.js";
import { collectStreamElements, staticExecutionCount, type RegionStreams, type StreamElement } from "./stream-elements.js";

/// Checks the FIFOs of one region; returns its stream elements, or null after reporting an error.
export function checkStreams(region: Operation, emit: (d: Diagnostic) => void): RegionStreams | null {
  const streams = collectStreamElements(region, emit);
  if (streams === null) return null;
  for (const el of streams.elements.values()) {
    const producers = kernelsOf(el, true), consumers = kernelsOf(el, false);
    const at = el.accesses[0].op;
    if (producers.length !== 1) { emit(errorAt(at, DfPassDiag.FifoProducers, el.name, producers.length, kernelNames(producers))); return null; }
    if (consumers.length !== 1) { emit(errorAt(at, DfPassDiag.FifoConsumers, el.name, consumers.length, kernelNames(consumers))); return null; }
    const writes = staticCount(el, true), reads = staticCount(el, false);
    if (writes !== null && reads !== null && writes !== reads) {
      emit(errorAt(at, DfPassDiag.StreamCountMismatch, el.name, "@" + symName(producers[0]), writes, "@" + symName(consumers[0]), reads));
      return null;
    }
  }
  return streams;
}

/// The distinct kernels that put to (`isPut`) or get from `el`, in access order.
function kernelsOf(el: StreamElement, isPut: boolean): Operation[] {
  const out: Operation[] = [];
  for (const a of el.accesses) if (a.isPut === isPut && !out.includes(a.kernel)) out.push(a.kernel);
  return out;
}

/// `@a, @b`, or `none`.
function kernelNames(ks: readonly Operation[]): string {
  return ks.length ? ks.map((k) => "@" + symName(k)).join(", ") : "none";
}

/// How many times `el` is written (`isPut`) or read per run, when every access's loop trip counts are static.
function staticCount(el: StreamElement, isPut: boolean): number | null {
  let n = 0;
  for (const a of el.accesses) {
    if (a.isPut !== isPut) continue;
    const c = staticExecutionCount(a.op, a.kernel);
    if (c === null) return null;
    n += c;
  }
  return n;
}

/// Checks every df.region of `module`.
export function checkAllStreams(module: Operation, emit: (d: Diagnostic) => void): boolean {
  return dfRegions(module).every((r) => checkStreams(r, emit) !== null);
}

/// The `df-check-streams` pass.
export const DfCheckStreams = definePass({
  argument: "df-check-streams",
  summary: "Check that every FIFO has one producer and one consumer and, where loop bounds are static, equal write and read counts",
  anchor: "builtin.module",
  run(module, ctx) {
    if (!checkAllStreams(module, (d) => ctx.emit(d))) ctx.signalPassFailure();
    ctx.markAllAnalysesPreserved();
  },
});
