// The JavaScript translation and the instruction loop (ALLO_SIM_INTERP=1) agree exactly: outputs, results,
// statistics and diagnostics, on programs that exercise each path of the translation (loops as functions,
// values kept in locals across calls, cold and out-of-line instructions inside loops, blocking and waking,
// several writers on one stream, traps, deadlocks, leftover data).
import { expect } from "chai";
import { readdirSync } from "node:fs";
import { example, examplesDir, randF32, randInts, run, type Data, type RunOutcome } from "./support.js";
import { systolic } from "../../../test/tools/df-programs.js";

/// `run` under both engines.
function both(src: string, inputs: Record<string, Data> = {}): [RunOutcome, RunOutcome] {
  const saved = process.env.ALLO_SIM_INTERP;
  try {
    delete process.env.ALLO_SIM_INTERP;
    const jit = run(src, inputs);
    process.env.ALLO_SIM_INTERP = "1";
    const interp = run(src, inputs);
    return [jit, interp];
  } finally {
    if (saved === undefined) delete process.env.ALLO_SIM_INTERP;
    else process.env.ALLO_SIM_INTERP = saved;
  }
}

/// What must agree: the outcome without the run time.
function observable(r: RunOutcome): unknown {
  if (!r.ok) return { text: r.text };
  const out: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(r.out)) out[k] = Array.from(v as ArrayLike<number | bigint>, (x) => String(x));
  return { out, results: r.results.map((x) => String(x)), ops: r.stats.streamOps, tasks: r.stats.tasks };
}

function agree(src: string, inputs: Record<string, Data> = {}): RunOutcome {
  const [jit, interp] = both(src, inputs);
  expect(observable(jit)).to.deep.equal(observable(interp));
  return jit;
}

describe("target-sim: both engines agree", () => {
  it("on systolic grids of every FIFO depth", () => {
    for (const depth of [1, 2, 3, 4]) {
      const r = agree(systolic(3, 4, 7, depth), { A: randF32(21, depth), B: randF32(28, depth + 10) });
      expect(r.ok).to.equal(true);
    }
  });

  it("on several writers and readers of one stream (the interleaving is the schedule's)", () => {
    const src = `df.region @top(%A: memref<12xi32>, %B: memref<12xi32>, %C: memref<6xi32>) {
  %s = df.stream : !df.stream<i32, 2>
  df.kernel @w mapping [3] args(%A) : memref<12xi32> {
  ^bb0(%lA: memref<12xi32>):
    %p = df.get_pid : index
    affine.for %i = 0 to 6 {
      %v = affine.load %lA[%i + %p * 2] : memref<12xi32>
      df.put %s, %v : !df.stream<i32, 2>
    }
  }
  df.kernel @r mapping [1] args(%B) : memref<12xi32> {
  ^bb0(%lB: memref<12xi32>):
    affine.for %i = 0 to 12 {
      %v = df.get %s : !df.stream<i32, 2>
      affine.store %v, %lB[%i] : memref<12xi32>
    }
  }
  df.kernel @r2 mapping [1] args(%C) : memref<6xi32> {
  ^bb0(%lC: memref<6xi32>):
    affine.for %i = 0 to 6 {
      %v = df.get %s : !df.stream<i32, 2>
      affine.store %v, %lC[%i] : memref<6xi32>
    }
  }
}
`;
    expect(agree(src, { A: Int32Array.from(randInts(12, 3, -100, 100)) }).ok).to.equal(true);
  });

  it("on nested loops, scf.while, calls, 64-bit slow paths, cold and out-of-line instructions inside loops", () => {
    const src = `func.func @mix(%a: i32, %b: i32) -> i32 {
  %c = arith.muli %a, %b : i32
  %d = arith.addi %c, %a : i32
  return %d : i32
}
df.region @top(%A: memref<2x3x2x2xi8>, %B: memref<24xi32>, %C: memref<4xi64>, %D: memref<24xi32>) {
  %s = df.stream : !df.stream<i8, 3>
  %u = df.stream : !df.stream<i32, 2>
  %w = df.stream : !df.stream<i64, 1>
  df.kernel @p mapping [1] args(%A) : memref<2x3x2x2xi8> {
  ^bb0(%lA: memref<2x3x2x2xi8>):
    affine.for %i = 0 to 2 {
      affine.for %j = 0 to 3 {
        affine.for %q = 0 to 4 {
          %v = affine.load %lA[%i, %j, %q floordiv 2, %q mod 2] : memref<2x3x2x2xi8>
          %v2 = arith.addi %v, %v : i8
          df.put %s, %v2 : !df.stream<i8, 3>
        }
      }
    }
  }
  df.kernel @widen mapping [1] args(%D) : memref<24xi32> {
  ^bb0(%lD: memref<24xi32>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c24 = arith.constant 24 : index
    %n = scf.while (%i = %c0) : (index) -> index {
      %more = arith.cmpi slt, %i, %c24 : index
      scf.condition(%more) %i : index
    } do {
    ^bb0(%i: index):
      %v = df.get %s : !df.stream<i8, 3>
      %e = arith.extsi %v : i8 to i32
      memref.store %e, %lD[%i] : memref<24xi32>
      df.put %u, %e : !df.stream<i32, 2>
      %i1 = arith.addi %i, %c1 : index
      scf.yield %i1 : index
    }
  }
  df.kernel @call mapping [1] args(%B) : memref<24xi32> {
  ^bb0(%lB: memref<24xi32>):
    %three = arith.constant 3 : i32
    affine.for %i = 0 to 24 {
      %v = df.get %u : !df.stream<i32, 2>
      %r = func.call @mix(%v, %three) : (i32, i32) -> i32
      affine.store %r, %lB[%i] : memref<24xi32>
    }
  }
  df.kernel @big mapping [1] {
    %big = arith.constant 4611686018427387904 : i64
    %k = arith.constant 7 : i64
    %x = affine.for %i = 0 to 4 iter_args(%prev = %big) -> (i64) {
      %y = arith.addi %prev, %k : i64
      %z = arith.addi %y, %big : i64
      df.put %w, %z : !df.stream<i64, 1>
      affine.yield %y : i64
    }
  }
  df.kernel @sum mapping [1] args(%C) : memref<4xi64> {
  ^bb0(%lC: memref<4xi64>):
    %big = arith.constant 4611686018427387904 : i64
    %zero = arith.constant 0 : i64
    %r = affine.for %i = 0 to 4 iter_args(%acc = %zero) -> (i64) {
      %y = df.get %w : !df.stream<i64, 1>
      %sum = arith.addi %acc, %y : i64
      %lt = arith.cmpi slt, %sum, %big : i64
      %m = arith.select %lt, %sum, %y : i64
      affine.store %m, %lC[%i] : memref<4xi64>
      affine.yield %sum : i64
    }
  }
}
`;
    const r = agree(src, { A: Int8Array.from(randInts(24, 7, -128, 128)) });
    expect(r.ok).to.equal(true);
  });

  it("on traps inside loops: an index out of bounds, a stream index out of range (resolved before the loop or not)", () => {
    const oob = `df.region @top(%A: memref<8xf32>) {
  %s = df.stream : !df.stream<f32, 2>
  df.kernel @p mapping [1] args(%A) : memref<8xf32> {
  ^bb0(%lA: memref<8xf32>):
    affine.for %i = 0 to 9 {
      %v = affine.load %lA[%i] : memref<8xf32>
      df.put %s, %v : !df.stream<f32, 2>
    }
  }
  df.kernel @c mapping [1] {
    affine.for %i = 0 to 9 {
      %v = df.get %s : !df.stream<f32, 2>
    }
  }
}
`;
    const hoisted = `df.region @top() {
  %f = df.stream : !df.stream_array<[3], i32, 2>
  df.kernel @k mapping [3] {
    %p = df.get_pid : index
    %c1 = arith.constant 1 : index
    %n = arith.addi %p, %c1 : index
    %v = arith.constant 5 : i32
    affine.for %i = 0 to 4 {
      df.put %f[%n], %v : !df.stream_array<[3], i32, 2>
      %w = df.get %f[%p] : !df.stream_array<[3], i32, 2>
    }
  }
}
`;
    const varying = `df.region @top() {
  %f = df.stream : !df.stream_array<[3], i32, 4>
  df.kernel @k mapping [1] {
    %v = arith.constant 5 : i32
    affine.for %i = 0 to 4 {
      df.put %f[%i], %v : !df.stream_array<[3], i32, 4>
    }
  }
}
`;
    for (const src of [oob, hoisted, varying]) {
      const r = agree(src, { A: randF32(8, 1) });
      expect(r.ok).to.equal(false);
    }
  });

  it("on deadlocks and leftover data", () => {
    const src = (puts: number, gets: number, depth: number) => `df.region @top() {
  %s = df.stream : !df.stream<i32, ${depth}>
  %t = df.stream : !df.stream<i32, ${depth}>
  df.kernel @p mapping [1] {
    %v = arith.constant 7 : i32
    affine.for %i = 0 to ${puts} {
      df.put %s, %v : !df.stream<i32, ${depth}>
      %u = df.get %t : !df.stream<i32, ${depth}>
    }
  }
  df.kernel @c mapping [1] {
    %v = arith.constant 8 : i32
    affine.for %i = 0 to ${gets} {
      df.put %t, %v : !df.stream<i32, ${depth}>
      df.put %t, %v : !df.stream<i32, ${depth}>
      %w = df.get %s : !df.stream<i32, ${depth}>
    }
  }
}
`;
    for (const [p, g, d] of [[4, 2, 1], [4, 4, 2], [3, 5, 2], [6, 2, 4], [2, 2, 8]]) agree(src(p, g, d));
  });

  it("on every spec example", () => {
    for (const f of readdirSync(examplesDir).filter((n) => n.endsWith(".mlir"))) {
      const r = agree(example(f.slice(0, -5)));
      expect(r.ok, f).to.equal(true);
    }
  });
});
