// Bounding the time of a run: the run is called from a vm script with a timeout, whose watchdog thread stops the
// JavaScript engine wherever it is (an endless loop inside a kernel included), so the simulated code needs no checks.
import { Script } from "node:vm";

/// Thrown by `runWithin` when the time limit stopped the run.
export class RunTimedOut extends Error {}

const slot = "__alloSimRunWithin";
const caller = new Script(`globalThis.${slot}()`, { filename: "allo-sim-time-limit" });

/// Calls `f`, stopping it after `ms` milliseconds with RunTimedOut.
export function runWithin(ms: number, f: () => void): void {
  const g = globalThis as Record<string, unknown>;
  g[slot] = f;
  try {
    caller.runInThisContext({ timeout: ms });
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new RunTimedOut(`stopped after ${ms} ms`);
    throw e;
  } finally {
    delete g[slot];
  }
}
