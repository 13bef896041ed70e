// Memrefs (views, strided layouts, bounds checks), structured control flow, linalg, calls, and hw designs.
import { expect } from "chai";
import { Op } from "../src/bytecode.js";
import { Step } from "../src/jit-emit.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { matmulF32, randF32, randInts, runErr, runOk } from "./support.js";

describe("target-sim: memrefs", () => {
  it("shares storage between subviews and their source (strided layouts)", () => {
    const src = `func.func @f(%A: memref<4x8xi32>) {
  %v = memref.subview %A[1, 2] [2, 3] [1, 2] : memref<4x8xi32> to memref<2x3xi32, strided<[8, 2], offset: 10>>
  %c = arith.constant 7 : i32
  affine.for %i = 0 to 2 {
    affine.for %j = 0 to 3 {
      affine.store %c, %v[%i, %j] : memref<2x3xi32, strided<[8, 2], offset: 10>>
    }
  }
  return
}
`;
    const A = runOk(src).out.A as Int32Array;
    const want = new Int32Array(32);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) want[(1 + i) * 8 + 2 + 2 * j] = 7;
    expect(Array.from(A)).to.deep.equal(Array.from(want));
  });

  it("drops unit dimensions in rank-reducing subviews and takes dynamic offsets", () => {
    const src = `func.func @f(%A: memref<4x4xf32>, %k: index) -> f32 {
  %row = memref.subview %A[%k, 0] [1, 4] [1, 1] : memref<4x4xf32> to memref<4xf32, strided<[1], offset: ?>>
  %c3 = arith.constant 3 : index
  %v = memref.load %row[%c3] : memref<4xf32, strided<[1], offset: ?>>
  return %v : f32
}
`;
    const A = Float32Array.from({ length: 16 }, (_, i) => i);
    expect(runOk(src, { A, k: 2 }).results[0]).to.equal(11);
  });

  it("reports an out-of-bounds access at the op, with the index and the dimension", () => {
    const src = `func.func @f(%A: memref<4xi32>) {
  %c = arith.constant 1 : i32
  affine.for %i = 0 to 5 {
    affine.store %c, %A[%i] : memref<4xi32>
  }
  return
}
`;
    const t = runErr(src);
    expect(t).to.contain("t.mlir:4:5: error: 'affine.store' op index 4 is out of bounds for dimension 0 of size 4");
    expect(t).to.contain("note: in instance @f");
  });

  it("reports an out-of-bounds subview", () => {
    const t = runErr(`func.func @f(%A: memref<4xi32>, %o: index) {
  %v = memref.subview %A[%o] [2] [1] : memref<4xi32> to memref<2xi32, strided<[1], offset: ?>>
  return
}
`, { o: 3 });
    expect(t).to.contain("t.mlir:2:8: error: 'memref.subview' op subview [offset 3, size 2, stride 1] is out of bounds for dimension 0 of size 4");
  });

  it("allocates, copies, casts and reads dims", () => {
    const src = `func.func @f(%A: memref<6xi16>, %n: index) -> index {
  %b = memref.alloc(%n) : memref<?xi16>
  %s = memref.cast %A : memref<6xi16> to memref<?xi16>
  memref.copy %s, %b : memref<?xi16> to memref<?xi16>
  %c0 = arith.constant 0 : index
  %d = memref.dim %b, %c0 : memref<?xi16>
  %one = arith.constant 1 : i16
  affine.for %i = 0 to 6 {
    %v = affine.load %b[%i] : memref<?xi16>
    %w = arith.addi %v, %one : i16
    affine.store %w, %A[%i] : memref<6xi16>
  }
  memref.dealloc %b : memref<?xi16>
  return %d : index
}
`;
    const A = Int16Array.from([1, 2, 3, 32767, -5, 0]);
    const r = runOk(src, { A, n: 6 });
    expect(r.results[0]).to.equal(6);
    expect(Array.from(r.out.A as Int16Array)).to.deep.equal([2, 3, 4, -32768, -4, 1]);
    expect(runErr(src, { A, n: 5 })).to.contain("'memref.copy' op copy: shapes [6] and [5] differ");
  });

  it("reads memref.global initial values", () => {
    const src = `memref.global "private" constant @tbl : memref<4xi32> = dense<[5, 6, 7, 8]>
func.func @f(%i: index) -> i32 {
  %g = memref.get_global @tbl : memref<4xi32>
  %v = memref.load %g[%i] : memref<4xi32>
  return %v : i32
}
`;
    expect(runOk(src, { i: 2 }).results[0]).to.equal(7);
  });
});

describe("target-sim: control flow and calls", () => {
  it("runs scf.while, scf.if with results and affine.if", () => {
    const src = `func.func @gcd(%a: i32, %b: i32) -> i32 {
  %z = arith.constant 0 : i32
  %r:2 = scf.while (%x = %a, %y = %b) : (i32, i32) -> (i32, i32) {
    %c = arith.cmpi ne, %y, %z : i32
    scf.condition(%c) %x, %y : i32, i32
  } do {
  ^bb0(%x: i32, %y: i32):
    %m = arith.remsi %x, %y : i32
    scf.yield %y, %m : i32, i32
  }
  return %r#0 : i32
}
func.func @clamp(%i: index) -> index {
  %r = affine.if affine_set<(d0) : (d0 - 10 >= 0)>(%i) -> index {
    %c = arith.constant 10 : index
    affine.yield %c : index
  } else {
    affine.yield %i : index
  }
  return %r : index
}
`;
    expect(runOk(src, { a: 1071, b: 462 }, { entry: "gcd" }).results[0]).to.equal(21);
    expect(runOk(src, { i: 25 }, { entry: "clamp" }).results[0]).to.equal(10);
    expect(runOk(src, { i: 3 }, { entry: "clamp" }).results[0]).to.equal(3);
  });

  it("runs affine loops with min/max bounds, steps and mod/floordiv maps", () => {
    const src = `func.func @f(%A: memref<20xi32>, %n: index) {
  affine.for %i = max affine_map<()[s0] -> (0, s0 - 7)>()[%n] to min affine_map<()[s0] -> (20, s0)>()[%n] step 3 {
    %q = affine.apply affine_map<(d0) -> (d0 floordiv 4 + (d0 mod 4) * 10 + d0 ceildiv 3)>(%i)
    %v = arith.index_cast %q : index to i32
    affine.store %v, %A[%i] : memref<20xi32>
  }
  return
}
`;
    const A = runOk(src, { n: 17 }).out.A as Int32Array;
    const want = new Int32Array(20);
    for (let i = 10; i < 17; i += 3) want[i] = Math.floor(i / 4) + (i % 4) * 10 + Math.ceil(i / 3);
    expect(Array.from(A)).to.deep.equal(Array.from(want));
  });

  it("swaps iter_args in a parallel assignment", () => {
    const src = `func.func @f() -> (i32, i32) {
  %a = arith.constant 1 : i32
  %b = arith.constant 2 : i32
  %r:2 = affine.for %i = 0 to 3 iter_args(%x = %a, %y = %b) -> (i32, i32) {
    affine.yield %y, %x : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}
`;
    expect(runOk(src).results).to.deep.equal([2, 1]);
  });

  it("runs scf.for with dynamic bounds and rejects a non-positive step", () => {
    const src = `func.func @f(%lo: index, %hi: index, %st: index) -> index {
  %z = arith.constant 0 : index
  %r = scf.for %i = %lo to %hi step %st iter_args(%s = %z) -> (index) {
    %n = arith.addi %s, %i : index
    scf.yield %n : index
  }
  return %r : index
}
`;
    expect(runOk(src, { lo: 3, hi: 20, st: 4 }).results[0]).to.equal(3 + 7 + 11 + 15 + 19);
    expect(runErr(src, { lo: 3, hi: 20, st: 0 })).to.contain("'scf.for' op step must be positive, got 0");
  });
});

describe("target-sim: linalg", () => {
  it("runs fill, matmul and add on views", () => {
    const src = `func.func @f(%A: memref<6x5xf32>, %B: memref<5x4xf32>, %C: memref<6x4xf32>, %D: memref<6x4xf32>) {
  %z = arith.constant 0.5 : f32
  linalg.fill ins(%z : f32) outs(%C : memref<6x4xf32>)
  linalg.matmul ins(%A, %B : memref<6x5xf32>, memref<5x4xf32>) outs(%C : memref<6x4xf32>)
  linalg.add ins(%C, %C : memref<6x4xf32>, memref<6x4xf32>) outs(%D : memref<6x4xf32>)
  return
}
`;
    const A = randF32(30, 1), B = randF32(20, 2);
    const r = runOk(src, { A, B });
    const C = matmulF32(A, B, 6, 5, 4, new Float32Array(24).fill(0.5));
    expect(Array.from(r.out.C as Float32Array)).to.deep.equal(Array.from(C));
    expect(Array.from(r.out.D as Float32Array)).to.deep.equal(Array.from(C, (x) => Math.fround(x + x)));
  });

  it("runs integer matmul with wrap-around and mixed element types", () => {
    const src = `func.func @f(%A: memref<3x4xi8>, %B: memref<4x2xi8>, %C: memref<3x2xi32>) {
  linalg.matmul ins(%A, %B : memref<3x4xi8>, memref<4x2xi8>) outs(%C : memref<3x2xi32>)
  return
}
`;
    const A = Int8Array.from(randInts(12, 3, -128, 128)), B = Int8Array.from(randInts(8, 4, -128, 128));
    const want = new Int32Array(6);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 4; k++) want[i * 2 + j] += A[i * 4 + k] * B[k * 2 + j];
    expect(Array.from(runOk(src, { A, B }).out.C as Int32Array)).to.deep.equal(Array.from(want));
  });
});

describe("target-sim: hw designs", () => {
  it("runs a hw.design of PEs connected by FIFOs", () => {
    const src = `hw.design @top(%A: memref<16xf32>, %B: memref<16xf32>) {
  %pipe = hw.fifo "pipe" : !hw.fifo<f32, 2>
  hw.instance @producer_0(%A, %pipe) : memref<16xf32>, !hw.fifo<f32, 2>
  hw.instance @consumer_0(%pipe, %B) : !hw.fifo<f32, 2>, memref<16xf32>
}
func.func @producer_0(%A: memref<16xf32>, %pipe: !hw.fifo<f32, 2>) attributes {hw.pe} {
  affine.for %i = 0 to 16 {
    %v = affine.load %A[%i] : memref<16xf32>
    hw.write %pipe, %v : !hw.fifo<f32, 2>
  }
  return
}
func.func @consumer_0(%pipe: !hw.fifo<f32, 2>, %B: memref<16xf32>) attributes {hw.pe} {
  %one = arith.constant 1.0 : f32
  affine.for %i = 0 to 16 {
    %v = hw.read %pipe : !hw.fifo<f32, 2>
    %w = arith.addf %v, %one : f32
    affine.store %w, %B[%i] : memref<16xf32>
  }
  return
}
`;
    const A = randF32(16, 9);
    const r = runOk(src, { A });
    expect(Array.from(r.out.B as Float32Array)).to.deep.equal(Array.from(A, (x) => Math.fround(x + 1)));
    expect(r.stats.streamOps).to.equal(32);
    const dead = runErr(src.replace("0 to 16 {\n    %v = hw.read", "0 to 17 {\n    %v = hw.read"));
    expect(dead).to.contain("note: instance @consumer_0 is blocked in 'hw.read' on stream 'pipe' (get on an empty FIFO)");
  });
});

describe("target-sim: kernels and regions", () => {
  it("runs nested kernels that capture values of their parent instance", () => {
    const src = `df.region @top(%A: memref<6xi32>) {
  df.kernel @outer mapping [2] args(%A) : memref<6xi32> {
  ^bb0(%lA: memref<6xi32>):
    %p = df.get_pid : index
    %c3 = arith.constant 3 : index
    %base = arith.muli %p, %c3 : index
    df.kernel @inner mapping [3] args(%lA) : memref<6xi32> {
    ^bb0(%x: memref<6xi32>):
      %q = df.get_pid : index
      %i = arith.addi %base, %q : index
      %v = arith.index_cast %i : index to i32
      %w = arith.muli %v, %v : i32
      memref.store %w, %x[%i] : memref<6xi32>
    }
  }
}
`;
    const r = runOk(src);
    expect(Array.from(r.out.A as Int32Array)).to.deep.equal([0, 1, 4, 9, 16, 25]);
    expect(r.stats.tasks).to.equal(2 + 6);
  });

  it("refuses to run a parameterised region directly", () => {
    const t = runErr(`df.region @inner<P0>(%A: memref<4xf32>) {
  df.kernel @k mapping [P0] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
  }
}
`);
    expect(t).to.contain("t.mlir:1:1: error: region '@inner' has parameters; it can only run through df.call");
  });

  it("reports ops it cannot run at their location before running anything", () => {
    const t = runErr(`func.func @f(%A: memref<4xf32>) -> index {
  %p = memref.extract_aligned_pointer_as_index %A : memref<4xf32> -> index
  return %p : index
}
`);
    expect(t).to.contain("t.mlir:2:8: error: the simulator does not support operation 'memref.extract_aligned_pointer_as_index'");
  });
});

describe("target-sim: instruction set", () => {
  it("switches on the literal opcode values of the Op enum", () => {
    const text = ["interpreter.ts", "cold.ts"].map((f) => readFileSync(fileURLToPath(new URL(`../src/${f}`, import.meta.url)), "utf8")).join("\n");
    const cases = [...text.matchAll(/case (\d+) \/\* (\w+) \*\//g)];
    expect(cases.length).to.be.greaterThan(60);
    const ops = Op as unknown as Record<string, number>;
    for (const m of cases) expect(ops[m[2]], m[2]).to.equal(Number(m[1]));
    const handled = new Set(cases.map((m) => m[2]));
    for (const name of Object.keys(ops).filter((k) => Number.isNaN(Number(k)))) expect(handled.has(name), `opcode ${name} has a case`).to.equal(true);
  });

  it("uses the literal values of the Op and Step enums in the scheduler loop", () => {
    const text = readFileSync(fileURLToPath(new URL("../src/jit-run.ts", import.meta.url)), "utf8");
    const uses = [...text.matchAll(/(\d+) \/\* (Op|Step)\.(\w+) \*\//g)];
    expect(uses.length).to.be.greaterThan(5);
    const enums = { Op, Step } as unknown as Record<string, Record<string, number>>;
    for (const m of uses) expect(enums[m[2]][m[3]], `${m[2]}.${m[3]}`).to.equal(Number(m[1]));
  });
});
