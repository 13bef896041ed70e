// The simulator gives the same result before df-to-hw, after each of its passes, and at the end: on every spec
// example and on generated programs (chains, fan-out/fan-in, systolic grids, sharded layouts).
import { expect } from "chai";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { lookupPass, Pass, printOp, walk, type Operation } from "@allo/ir-core";
import { canonicalizeWithDefaults } from "@allo/passes";
import { parseOrThrow, runPass, runSeeded, sameArrays, stepThroughDfToHw } from "./df-support.js";
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

describe("df-instantiate{specialize} copies what df-instantiate and df-specialize leave", function () {
  this.timeout(120_000);
  const specializing = new Pass(lookupPass("df-instantiate")!, { specialize: true });
  function checkSame(text: string, separatePasses = ["df-instantiate", "df-specialize"]): void {
    const fused = parseOrThrow(text), separate = parseOrThrow(text);
    runPass(fused, specializing);
    for (const p of separatePasses) runPass(separate, p);
    expect(printOp(fused, { debugInfo: true })).to.equal(printOp(separate, { debugInfo: true }));
  }
  const files = existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith(".mlir")) : [];
  it("on every example", () => { for (const f of files) checkSame(readFileSync(join(examples, f), "utf8")); });
  it("on generated systolic grids and sharded layouts", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (m, n, tile, rowsFirst) => {
      checkSame(systolic(m, n, 2, 2, "i32"));
      checkSame(shardProgram(m, n, tile, rowsFirst));
    }), { numRuns: 8 });
  });
  it("specialises a nested kernel on its parent's pid and erases the dead conditions of both", () => {
    checkSame(`df.region @top(%A: memref<6xi32>) {
  df.kernel @outer mapping [2] args(%A) : memref<6xi32> {
  ^bb0(%lA: memref<6xi32>):
    %p = df.get_pid : index
    %c0 = arith.constant 0 : index
    %c3 = arith.constant 3 : index
    %base = arith.muli %p, %c3 : index
    %first = arith.cmpi eq, %p, %c0 : index
    %unused = arith.addi %base, %c3 : index
    df.kernel @inner mapping [3] args(%lA) : memref<6xi32> {
    ^bb0(%x: memref<6xi32>):
      %q = df.get_pid : index
      %i = arith.addi %base, %q : index
      df.meta_if %first {
        %v = arith.index_cast %i : index to i32
        memref.store %v, %x[%i] : memref<6xi32>
      }
    }
  }
}`);
  });
  // df-specialize would report the condition that does not fold; what df-instantiate leaves is kept as it is.
  it("keeps a condition that does not fold, and what is nested in it, for df-specialize", () => {
    checkSame(`df.region @top(%A: memref<2xi32>) {
  df.kernel @k mapping [2] args(%A) : memref<2xi32> {
  ^bb0(%a: memref<2xi32>):
    %i = df.get_pid : index
    %c0 = arith.constant 0 : index
    %v = memref.load %a[%c0] : memref<2xi32>
    %z = arith.constant 0 : i32
    %dyn = arith.cmpi eq, %v, %z : i32
    %first = arith.cmpi eq, %i, %c0 : index
    df.meta_if %dyn {
      df.meta_if %first {
        memref.store %z, %a[%i] : memref<2xi32>
      }
    } else {
      df.meta_if %first {
        memref.store %v, %a[%i] : memref<2xi32>
      }
    }
  }
}`, ["df-instantiate"]);
  });
});

describe("df-instantiate{canonicalize} leaves canonicalize nothing to change in the instances", function () {
  this.timeout(120_000);
  const canonicalizing = new Pass(lookupPass("df-instantiate")!, { canonicalize: true });
  /// The IR of df-instantiate{canonicalize} then canonicalize is that of df-instantiate then canonicalize; returns
  /// whether that canonicalize changed anything after df-instantiate{canonicalize}.
  function checkSame(text: string): boolean {
    const fused = parseOrThrow(text), separate = parseOrThrow(text);
    runPass(fused, canonicalizing);
    const changed = canonicalizeWithDefaults(fused);
    runPass(separate, "df-instantiate");
    runPass(separate, "canonicalize");
    expect(printOp(fused, { debugInfo: true })).to.equal(printOp(separate, { debugInfo: true }));
    return changed;
  }
  const files = existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith(".mlir")) : [];
  it("on every example", () => { for (const f of files) checkSame(readFileSync(join(examples, f), "utf8")); });
  it("on generated systolic grids, chains and sharded layouts, where canonicalize then changes nothing", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (m, n, tile, rowsFirst) => {
      expect(checkSame(systolic(m, n, 2, 2, "i32")), "canonicalize changed a systolic grid").to.equal(false);
      expect(checkSame(chainProgram(m, n, 4)), "canonicalize changed a chain").to.equal(false);
      checkSame(shardProgram(m, n, tile, rowsFirst));
    }), { numRuns: 8 });
  });
});

// Only the locations of some constants differ: with the untaken branches copied, canonicalize merges more constants,
// and a merged constant loses its location.
describe("df-to-hw gives the IR of the spec's expansion rounds, up to locations", function () {
  this.timeout(120_000);
  const specRound = ["df-instantiate", "canonicalize", "df-specialize", "df-inline-regions"];
  function checkSame(text: string): void {
    const fused = parseOrThrow(text), spec = parseOrThrow(text);
    stepThroughDfToHw(fused, () => {});
    stepThroughDfToHw(spec, () => {}, specRound);
    expect(printOp(fused)).to.equal(printOp(spec));
  }
  const files = existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith(".mlir")) : [];
  for (const f of files) it(`example ${f}`, () => checkSame(readFileSync(join(examples, f), "utf8")));
  it("df-lower-streams leaves df-to-hw's last canonicalize nothing to change in generated grids and chains", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), (m, n) => {
      for (const text of [systolic(m, n, 3, 2, "f32"), chainProgram(m, n, 4)]) {
        const module = parseOrThrow(text);
        for (const p of ["df-expand-hierarchy", "df-shard", "df-lower-streams"]) runPass(module, p);
        expect(canonicalizeWithDefaults(module)).to.equal(false);
      }
    }), { numRuns: 8 });
  });
  it("generated systolic grids, fan-out / fan-in graphs and sharded layouts", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (m, n, tile, rowsFirst) => {
      checkSame(systolic(m, n, 3, 2, "f32"));
      checkSame(fanProgram(m, n, 8));
      checkSame(shardProgram(m, n, tile, rowsFirst));
    }), { numRuns: 8 });
  });
});
