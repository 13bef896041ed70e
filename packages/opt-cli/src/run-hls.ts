// allo-run --target hls-csim: the design as Vitis HLS C++, compiled with g++ and run by a generated testbench.
import type { Diagnostic, Operation } from "@allo/ir-core";
import { runCsim, type HostArray } from "@allo/target-hls";
import type { NpyArray } from "@allo/target-sim";

/// Every argument after a C-simulation run (and the return value, if any), as .npy arrays.
export type CsimRunResult = { ok: true; args: NpyArray[]; results: NpyArray[] } | { ok: false; diagnostics: readonly Diagnostic[] };

/// Runs `entry` (an hw.design or func.func) of `module` in C-simulation, stopped after `timeoutMs` (0: no limit);
/// null inputs start as zeros.
export function runHlsCsim(module: Operation, entry: Operation, inputs: readonly (NpyArray | null)[], timeoutMs: number): CsimRunResult {
  const sym = entry.getAttr("sym_name") as unknown as { value: string } | null;
  const r = runCsim(module, inputs as readonly (HostArray | null)[], { top: sym?.value ?? "", timeoutMs });
  if (!r.ok) return { ok: false, diagnostics: r.diagnostics };
  return { ok: true, args: r.outputs as NpyArray[], results: r.result !== null ? [r.result as NpyArray] : [] };
}
