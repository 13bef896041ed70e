// Dataflow semantics: generated chains, fan-out/fan-in graphs and systolic grids compute their references;
// deadlocks and leftover data are reported with the blocked instances, and never hang.
import { expect } from "chai";
import fc from "fast-check";
import { matmulF32, randF32, randInts, run, runErr, runOk } from "./support.js";
import { systolic } from "../../../test/tools/df-programs.js";

type Ty = "i8" | "i32" | "f32";

function wrapTo(ty: Ty, x: number): number {
  return ty === "i8" ? (x << 24) >> 24 : ty === "i32" ? x | 0 : Math.fround(x);
}

function arrOf(ty: Ty, xs: number[]): Int8Array | Int32Array | Float32Array {
  return ty === "i8" ? Int8Array.from(xs) : ty === "i32" ? Int32Array.from(xs) : Float32Array.from(xs);
}

/// A chain src -> st1 -> ... -> sink through streams of the given depths; stage k adds k.
function chainSource(ty: Ty, n: number, depths: number[], order: number[]): string {
  const M = `memref<${n}x${ty}>`;
  const S = (k: number) => `!df.stream<${ty}, ${depths[k]}>`;
  const add = ty === "f32" ? "arith.addf" : "arith.addi";
  const cst = (k: number) => (ty === "f32" ? `${k}.0 : f32` : `${k} : ${ty}`);
  const kernels: string[] = [];
  kernels.push(`  df.kernel @src mapping [1] args(%A) : ${M} {
  ^bb0(%lA: ${M}):
    affine.for %i = 0 to ${n} {
      %v = affine.load %lA[%i] : ${M}
      df.put %s0, %v : ${S(0)}
    }
  }`);
  for (let k = 1; k < depths.length; k++) {
    kernels.push(`  df.kernel @st${k} mapping [1] {
    %c = arith.constant ${cst(k)}
    affine.for %i = 0 to ${n} {
      %v = df.get %s${k - 1} : ${S(k - 1)}
      %w = ${add} %v, %c : ${ty}
      df.put %s${k}, %w : ${S(k)}
    }
  }`);
  }
  const last = depths.length - 1;
  kernels.push(`  df.kernel @sink mapping [1] args(%B) : ${M} {
  ^bb0(%lB: ${M}):
    affine.for %i = 0 to ${n} {
      %v = df.get %s${last} : ${S(last)}
      affine.store %v, %lB[%i] : ${M}
    }
  }`);
  const streams = depths.map((_, k) => `  %s${k} = df.stream : ${S(k)}`).join("\n");
  return `df.region @top(%A: ${M}, %B: ${M}) {\n${streams}\n${order.map((i) => kernels[i]).join("\n")}\n}\n`;
}

/// One producer fans out to F workers (worker p multiplies by p+1) and one collector sums their results.
function fanSource(n: number, F: number, depth: number): string {
  const M = `memref<${n}xi32>`, S = `!df.stream_array<[${F}], i32, ${depth}>`;
  return `df.region @top(%A: ${M}, %B: ${M}) {
  %in = df.stream : ${S}
  %out = df.stream : ${S}
  df.kernel @sink mapping [1] args(%B) : ${M} {
  ^bb0(%lB: ${M}):
    %z = arith.constant 0 : i32
    affine.for %i = 0 to ${n} {
      %s = affine.for %p = 0 to ${F} iter_args(%acc = %z) -> (i32) {
        %w = df.get %out[%p] : ${S}
        %a = arith.addi %acc, %w : i32
        affine.yield %a : i32
      }
      affine.store %s, %lB[%i] : ${M}
    }
  }
  df.kernel @work mapping [${F}] {
    %p = df.get_pid : index
    %pi = arith.index_cast %p : index to i32
    %one = arith.constant 1 : i32
    %c = arith.addi %pi, %one : i32
    affine.for %i = 0 to ${n} {
      %v = df.get %in[%p] : ${S}
      %w = arith.muli %v, %c : i32
      df.put %out[%p], %w : ${S}
    }
  }
  df.kernel @src mapping [1] args(%A) : ${M} {
  ^bb0(%lA: ${M}):
    affine.for %i = 0 to ${n} {
      %v = affine.load %lA[%i] : ${M}
      affine.for %p = 0 to ${F} {
        df.put %in[%p], %v : ${S}
      }
    }
  }
}
`;
}

describe("target-sim: dataflow properties", () => {
  it("producer/consumer chains compute their reference", () => {
    fc.assert(fc.property(
      fc.constantFrom<Ty>("i8", "i32", "f32"), fc.integer({ min: 1, max: 60 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), fc.integer(),
      (ty, n, depths, seed, shuffleSeed) => {
        const order = Array.from({ length: depths.length + 1 }, (_, i) => i);
        let s = shuffleSeed >>> 0;
        for (let i = order.length - 1; i > 0; i--) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; const j = s % (i + 1); [order[i], order[j]] = [order[j], order[i]]; }
        const A = ty === "f32" ? Array.from(randF32(n, seed)) : randInts(n, seed, ty === "i8" ? -128 : -1e9, ty === "i8" ? 128 : 1e9);
        const want = A.map((a) => { let v = a; for (let k = 1; k < depths.length; k++) v = wrapTo(ty, v + k); return v; });
        const r = runOk(chainSource(ty, n, depths, order), { A: arrOf(ty, A) });
        expect(Array.from(r.out.B as ArrayLike<number>)).to.deep.equal(want);
        expect(r.stats.streamOps).to.equal(2 * n * depths.length);
      }), { numRuns: 60 });
  });

  it("fan-out/fan-in graphs compute their reference", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1000 }), (n, F, depth, seed) => {
      const A = randInts(n, seed, -(2 ** 31), 2 ** 31);
      const want = A.map((a) => { let s = 0; for (let p = 0; p < F; p++) s = (s + Math.imul(a, p + 1)) | 0; return s; });
      const r = runOk(fanSource(n, F, depth), { A: Int32Array.from(A) });
      expect(Array.from(r.out.B as Int32Array)).to.deep.equal(want);
    }), { numRuns: 40 });
  });

  it("systolic grids of random size compute the matrix product", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), (M, N, K, depth, seed) => {
      const A = randF32(M * K, seed), B = randF32(K * N, seed + 1);
      const r = runOk(systolic(M, N, K, depth), { A, B });
      expect(Array.from(r.out.C as Float32Array)).to.deep.equal(Array.from(matmulF32(A, B, M, K, N)));
      expect(r.stats.tasks).to.equal((M + 2) * (N + 2));
    }), { numRuns: 30 });
  });

  it("integer systolic grids wrap like numpy int32", () => {
    const M = 3, N = 4, K = 6;
    const A = Int32Array.from(randInts(M * K, 5, -(2 ** 31), 2 ** 31)), B = Int32Array.from(randInts(K * N, 6, -(2 ** 31), 2 ** 31));
    const want = new Int32Array(M * N);
    for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) { let s = 0; for (let k = 0; k < K; k++) s = (s + Math.imul(A[i * K + k], B[k * N + j])) | 0; want[i * N + j] = s; }
    expect(Array.from(runOk(systolic(M, N, K, 2, "i32"), { A, B }).out.C as Int32Array)).to.deep.equal(Array.from(want));
  });

  it("copies whole blocks through block streams", () => {
    const src = `df.region @top(%A: memref<8xi32>, %B: memref<8xi32>) {
  %s = df.stream : !df.stream<memref<2xi32>, 1>
  df.kernel @p mapping [1] args(%A) : memref<8xi32> {
  ^bb0(%lA: memref<8xi32>):
    %blk = memref.alloc() : memref<2xi32>
    affine.for %b = 0 to 4 {
      affine.for %k = 0 to 2 {
        %v = affine.load %lA[%b * 2 + %k] : memref<8xi32>
        affine.store %v, %blk[%k] : memref<2xi32>
      }
      df.put %s, %blk : !df.stream<memref<2xi32>, 1>
    }
  }
  df.kernel @c mapping [1] args(%B) : memref<8xi32> {
  ^bb0(%lB: memref<8xi32>):
    affine.for %b = 0 to 4 {
      %blk = df.get %s : !df.stream<memref<2xi32>, 1>
      affine.for %k = 0 to 2 {
        %v = affine.load %blk[%k] : memref<2xi32>
        affine.store %v, %lB[%b * 2 + %k] : memref<8xi32>
      }
    }
  }
}
`;
    // the producer reuses one buffer: each put must copy it
    const A = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(runOk(src, { A }).out.B as Int32Array)).to.deep.equal(Array.from(A));
  });
});

describe("target-sim: deadlocks and leftover data", () => {
  const pingPong = (depth: number) => `df.region @top() {
  %s1 = df.stream : !df.stream<i32, ${depth}>
  %s2 = df.stream : !df.stream<i32, ${depth}>
  df.kernel @ping mapping [1] {
    %v = arith.constant 1 : i32
    affine.for %i = 0 to 4 {
      df.put %s1, %v : !df.stream<i32, ${depth}>
      df.put %s1, %v : !df.stream<i32, ${depth}>
      %w = df.get %s2 : !df.stream<i32, ${depth}>
      %x = df.get %s2 : !df.stream<i32, ${depth}>
    }
  }
  df.kernel @pong mapping [1] {
    %v = arith.constant 2 : i32
    affine.for %i = 0 to 4 {
      df.put %s2, %v : !df.stream<i32, ${depth}>
      df.put %s2, %v : !df.stream<i32, ${depth}>
      %w = df.get %s1 : !df.stream<i32, ${depth}>
      %x = df.get %s1 : !df.stream<i32, ${depth}>
    }
  }
}
`;

  it("reports a cycle through FIFOs that are too shallow", () => {
    const t = runErr(pingPong(1));
    expect(t).to.contain("t.mlir:1:1: error: deadlock: 2 of 2 instances are blocked and none can proceed");
    expect(t).to.contain("t.mlir:8:7: note: instance @ping is blocked in 'df.put' on stream 's1' (put on a full FIFO of depth 1)");
    expect(t).to.contain("t.mlir:17:7: note: instance @pong is blocked in 'df.put' on stream 's2' (put on a full FIFO of depth 1)");
    expect(t).to.match(/note: wait-for cycle: @p[io]ng \(put 's[12]'\) -> @p[io]ng \(put 's[12]'\) -> @p[io]ng/);
    expect(runOk(pingPong(2)).stats.streamOps).to.equal(32);
  });

  it("reports a get that nothing puts", () => {
    const t = runErr(`df.region @top(%B: memref<4xf32>) {
  %s = df.stream : !df.stream<f32, 2>
  df.kernel @c mapping [1] args(%B) : memref<4xf32> {
  ^bb0(%lB: memref<4xf32>):
    %v = df.get %s : !df.stream<f32, 2>
    affine.store %v, %lB[0] : memref<4xf32>
  }
}
`);
    expect(t).to.contain("error: deadlock: 1 of 1 instances are blocked");
    expect(t).to.contain("t.mlir:5:10: note: instance @c is blocked in 'df.get' on stream 's' (get on an empty FIFO)");
    expect(t).to.contain("@c waits on 's', which no live instance puts to");
  });

  it("reports mismatched counts both ways", () => {
    const src = (puts: number, gets: number) => `df.region @top() {
  %s = df.stream : !df.stream<i32, 2>
  df.kernel @p mapping [1] {
    %v = arith.constant 7 : i32
    affine.for %i = 0 to ${puts} {
      df.put %s, %v : !df.stream<i32, 2>
    }
  }
  df.kernel @c mapping [1] {
    affine.for %i = 0 to ${gets} {
      %w = df.get %s : !df.stream<i32, 2>
    }
  }
}
`;
    const more = runErr(src(3, 5));
    expect(more).to.contain("instance @c is blocked in 'df.get' on stream 's'");
    expect(more).to.contain("@c waits on 's', whose producer @p has finished (mismatched put and get counts?)");
    const fewer = runErr(src(3, 1));
    expect(fewer).to.contain("t.mlir:2:8: error: stream 's' has 2 elements left at the end of the run");
    expect(fewer).to.contain("note: 3 puts, 1 get; last put by @p, last got by @c");
    const full = runErr(src(9, 2));
    expect(full).to.contain("instance @p is blocked in 'df.put' on stream 's' (put on a full FIFO of depth 2)");
    expect(full).to.contain("whose consumer @c has finished");
  });

  it("names stream array elements and kernel instances by index", () => {
    const t = runErr(`df.region @top() {
  %f = df.stream : !df.stream_array<[2, 3], i32, 1>
  df.kernel @k mapping [2, 3] {
    %i, %j = df.get_pid : index, index
    %v = df.get %f[%i, %j] : !df.stream_array<[2, 3], i32, 1>
  }
}
`);
    expect(t).to.contain("error: deadlock: 6 of 6 instances are blocked");
    expect(t).to.contain("note: instance @k[1, 2] is blocked in 'df.get' on stream 'f[1][2]' (get on an empty FIFO)");
  });

  it("reports out-of-range stream indices at the op", () => {
    const t = runErr(`df.region @top() {
  %f = df.stream : !df.stream_array<[2], i32, 1>
  df.kernel @k mapping [3] {
    %i = df.get_pid : index
    %v = arith.constant 1 : i32
    df.put %f[%i], %v : !df.stream_array<[2], i32, 1>
  }
}
`);
    expect(t).to.contain("t.mlir:6:5: error: 'df.put' op stream index [2] is out of bounds for stream array 'f' of shape [2]");
    expect(t).to.contain("note: in instance @k[2]");
  });

  it("always ends random chains with a count mismatch with an error, never hangs", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), (puts, gets, depth, stages) => {
      fc.pre(puts !== gets);
      const streams = Array.from({ length: stages }, (_, k) => `  %s${k} = df.stream : !df.stream<i32, ${depth}>`).join("\n");
      const mids = Array.from({ length: stages - 1 }, (_, k) => `  df.kernel @m${k + 1} mapping [1] {
    affine.for %i = 0 to ${puts} {
      %v = df.get %s${k} : !df.stream<i32, ${depth}>
      df.put %s${k + 1}, %v : !df.stream<i32, ${depth}>
    }
  }`).join("\n");
      const src = `df.region @top() {
${streams}
  df.kernel @p mapping [1] {
    %v = arith.constant 1 : i32
    affine.for %i = 0 to ${puts} {
      df.put %s0, %v : !df.stream<i32, ${depth}>
    }
  }
${mids}
  df.kernel @c mapping [1] {
    affine.for %i = 0 to ${gets} {
      %w = df.get %s${stages - 1} : !df.stream<i32, ${depth}>
    }
  }
}
`;
      const r = run(src);
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.text).to.match(puts < gets ? /deadlock: \d+ of \d+ instances are blocked/ : /deadlock|left at the end of the run/);
    }), { numRuns: 60 });
  });
});
