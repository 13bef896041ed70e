// The simulator gives the same result before df-to-hw, after each of its passes, and at the end: on every spec
// example and on generated programs (chains, fan-out/fan-in, systolic grids, sharded layouts).
import { expect } from "chai";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { walk, type Operation } from "@allo/ir-core";
import { parseOrThrow, runSeeded, sameArrays, stepThroughDfToHw } from "./df-support.js";
import { chainProgram, fanProgram, shardProgram, systolic } from "../../../test/tools/df-programs.js";

const examples = resolve(import.meta.dirname, "../../../../shared/spec/examples");

function checkEquivalent(module: Operation, tol: number): string[] {
  const before = runSeeded(module);
  const steps: string[] = [];
  stepThroughDfToHw(module, (pass) => {
    steps.push(pass);
    const now = runSeeded(module);
    now.forEach((arr, i) => {
      const diff = sameArrays(before[i], arr, tol);
      if (diff !== null) throw new Error(`after ${steps.join(", ")}: argument #${i} differs: ${diff}`);
    });
  });
  let dfLeft = false;
  walk(module, (op) => { if (op.name.startsWith("df.")) dfLeft = true; });
  expect(dfLeft, "df ops left after df-to-hw").to.equal(false);
  return steps;
}

describe("df-to-hw preserves the simulated result", function () {
  this.timeout(120_000);
  const files = existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith(".mlir")) : [];
  for (const f of files) {
    it(`example ${f}: after every pass`, () => {
      const steps = checkEquivalent(parseOrThrow(readFileSync(join(examples, f), "utf8"), f), 1e-4);
      expect(steps).to.include("df-lower-streams");
    });
  }

  it("generated producer/consumer chains", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 24 }), (stages, depth, n) => {
      checkEquivalent(parseOrThrow(chainProgram(stages, depth, n)), 0);
    }), { numRuns: 15 });
  });

  it("generated fan-out / fan-in graphs", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 16 }), (ways, depth, n) => {
      checkEquivalent(parseOrThrow(fanProgram(ways, depth, n)), 0);
    }), { numRuns: 10 });
  });

  it("generated systolic grids", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (m, n, k) => {
      checkEquivalent(parseOrThrow(systolic(m, n, k, 2, "i32")), 0);
    }), { numRuns: 8 });
  });

  it("generated sharded layouts", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (p0, p1, tile, rowsFirst) => {
      checkEquivalent(parseOrThrow(shardProgram(p0, p1, tile, rowsFirst)), 0);
    }), { numRuns: 10 });
  });
});
