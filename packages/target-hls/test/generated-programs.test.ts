// Generated df programs (the passes' property-test generators) give the same result in HLS C-simulation as in the simulator.
import { expect } from "chai";
import fc from "fast-check";
import { existsSync } from "node:fs";
import { parsePassPipeline, PassManager, renderDiagnostic, type MemRefType } from "@allo/ir-core";
import { findEntry, entryArgs } from "@allo/target-sim";
import { runCsim } from "@allo/target-hls";
import "@allo/passes";
import { parseOrThrow, runSeeded, sameArrays, seededArray } from "../../passes/test/df-support.js";
import { chainProgram, fanProgram, shardProgram, systolic } from "../../../test/tools/df-programs.js";

/// Simulates `text`, lowers it with df-to-hw, runs it in C-simulation on the same inputs and compares every argument.
function sameInCsim(text: string): void {
  const expected = runSeeded(parseOrThrow(text));
  const module = parseOrThrow(text);
  const inputs = entryArgs(findEntry(module)).map((a, i) => seededArray(a.type as MemRefType, 1 + i));
  const p = parsePassPipeline("builtin.module(df-to-hw)");
  if (!p.ok) throw new Error("df-to-hw is not registered");
  const diags: string[] = [];
  if (!new PassManager().setPipeline(p.pm).run(module, (d) => diags.push(renderDiagnostic(d)))) throw new Error(diags.join(""));
  const r = runCsim(module, inputs);
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join("") + r.cpp.slice(0, 2000));
  expected.forEach((e, i) => {
    const diff = sameArrays(e, r.outputs[i] as typeof e, 0);
    expect(diff, `argument #${i}`).to.equal(null);
  });
}

describe("target-hls: generated df programs in C-simulation", function () {
  this.timeout(600_000);
  before(function () {
    if (!existsSync("/usr/bin/g++")) { console.log("      skipped: g++ not found"); this.skip(); }
  });
  it("producer/consumer chains", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 16 }), (s, d, n) => sameInCsim(chainProgram(s, d, n))), { numRuns: 3 });
  });
  it("fan-out / fan-in graphs", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), (w, d, n) => sameInCsim(fanProgram(w, d, n))), { numRuns: 3 });
  });
  it("systolic grids", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), (m, n, k) => sameInCsim(systolic(m, n, k, 2, "i32"))), { numRuns: 3 });
  });
  it("sharded layouts", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (a, b, t, r) => sameInCsim(shardProgram(a, b, t, r))), { numRuns: 3 });
  });
});
