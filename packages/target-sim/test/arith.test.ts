// Exact integer wrap-around at every width and float rounding as numpy rounds, checked against bigint/f64 references.
import { expect } from "chai";
import fc from "fast-check";
import { float16BitsToNumber, numberToFloat16Bits } from "../src/index.js";
import { runErr, runOk } from "./support.js";

type V = number | bigint;

/// Canonical form the simulator uses: signed for signless/si types wider than 1 bit, 0/1 for i1.
function canon(w: number, b: bigint): bigint { return w === 1 ? BigInt.asUintN(1, b) : BigInt.asIntN(w, b); }
function norm(b: bigint): V { return b > -(2n ** 53n) && b < 2n ** 53n ? Number(b) : b; }

function binary(op: string, ty: string, a: V, b: V): V {
  const r = runOk(`func.func @f(%a: ${ty}, %b: ${ty}) -> ${ty} {\n  %c = arith.${op} %a, %b : ${ty}\n  return %c : ${ty}\n}\n`, { a, b });
  return r.results[0] as V;
}

function cmp(pred: string, ty: string, a: V, b: V): V {
  return runOk(`func.func @f(%a: ${ty}, %b: ${ty}) -> i1 {\n  %c = arith.cmpi ${pred}, %a, %b : ${ty}\n  return %c : i1\n}\n`, { a, b }).results[0] as V;
}

const widths: [string, number][] = [["i1", 1], ["i5", 5], ["i8", 8], ["i16", 16], ["i32", 32], ["i33", 33], ["i48", 48], ["i64", 64], ["index", 64]];

/// An arbitrary canonical value of width w.
function arbInt(w: number): fc.Arbitrary<bigint> {
  const lo = w === 1 ? 0n : -(2n ** BigInt(w - 1)), hi = w === 1 ? 1n : 2n ** BigInt(w - 1) - 1n;
  return fc.oneof(fc.bigInt({ min: lo, max: hi }), fc.constantFrom(lo, hi, 0n, w === 1 ? 1n : -1n, 1n));
}

function ceilDiv(a: bigint, b: bigint): bigint { const q = a / b; return a % b !== 0n && (a < 0n) === (b < 0n) ? q + 1n : q; }
function floorDiv(a: bigint, b: bigint): bigint { const q = a / b; return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q; }

const intOps: Record<string, (w: number, a: bigint, b: bigint) => bigint | null> = {
  addi: (w, a, b) => a + b,
  subi: (w, a, b) => a - b,
  muli: (w, a, b) => a * b,
  divsi: (w, a, b) => (BigInt.asIntN(w, b) === 0n ? null : BigInt.asIntN(w, a) / BigInt.asIntN(w, b)),
  divui: (w, a, b) => (BigInt.asUintN(w, b) === 0n ? null : BigInt.asUintN(w, a) / BigInt.asUintN(w, b)),
  remsi: (w, a, b) => (BigInt.asIntN(w, b) === 0n ? null : BigInt.asIntN(w, a) % BigInt.asIntN(w, b)),
  remui: (w, a, b) => (BigInt.asUintN(w, b) === 0n ? null : BigInt.asUintN(w, a) % BigInt.asUintN(w, b)),
  ceildivsi: (w, a, b) => (BigInt.asIntN(w, b) === 0n ? null : ceilDiv(BigInt.asIntN(w, a), BigInt.asIntN(w, b))),
  floordivsi: (w, a, b) => (BigInt.asIntN(w, b) === 0n ? null : floorDiv(BigInt.asIntN(w, a), BigInt.asIntN(w, b))),
  andi: (w, a, b) => BigInt.asUintN(w, a) & BigInt.asUintN(w, b),
  ori: (w, a, b) => BigInt.asUintN(w, a) | BigInt.asUintN(w, b),
  xori: (w, a, b) => BigInt.asUintN(w, a) ^ BigInt.asUintN(w, b),
  shli: (w, a, b) => (BigInt.asUintN(w, b) >= BigInt(w) ? null : BigInt.asUintN(w, a) << BigInt.asUintN(w, b)),
  shrsi: (w, a, b) => (BigInt.asUintN(w, b) >= BigInt(w) ? null : BigInt.asIntN(w, a) >> BigInt.asUintN(w, b)),
  shrui: (w, a, b) => (BigInt.asUintN(w, b) >= BigInt(w) ? null : BigInt.asUintN(w, a) >> BigInt.asUintN(w, b)),
  maxsi: (w, a, b) => (BigInt.asIntN(w, a) > BigInt.asIntN(w, b) ? a : b),
  minsi: (w, a, b) => (BigInt.asIntN(w, a) < BigInt.asIntN(w, b) ? a : b),
  maxui: (w, a, b) => (BigInt.asUintN(w, a) > BigInt.asUintN(w, b) ? a : b),
  minui: (w, a, b) => (BigInt.asUintN(w, a) < BigInt.asUintN(w, b) ? a : b),
};

const preds: Record<string, (s: [bigint, bigint], u: [bigint, bigint]) => boolean> = {
  eq: (s) => s[0] === s[1], ne: (s) => s[0] !== s[1],
  slt: (s) => s[0] < s[1], sle: (s) => s[0] <= s[1], sgt: (s) => s[0] > s[1], sge: (s) => s[0] >= s[1],
  ult: (_s, u) => u[0] < u[1], ule: (_s, u) => u[0] <= u[1], ugt: (_s, u) => u[0] > u[1], uge: (_s, u) => u[0] >= u[1],
};

describe("target-sim: integer arithmetic", () => {
  for (const [ty, w] of widths) {
    for (const [op, ref] of Object.entries(intOps)) {
      if (ty === "index" && (op === "shli" || op === "shrsi" || op === "shrui")) continue;
      it(`arith.${op} on ${ty} wraps exactly`, () => {
        fc.assert(fc.property(arbInt(w), arbInt(w), (a, b) => {
          const want = ref(w, a, b);
          fc.pre(want !== null);
          expect(BigInt(binary(op, ty, norm(a), norm(b)))).to.equal(canon(w, want!));
        }), { numRuns: 40 });
      });
    }
    it(`arith.cmpi on ${ty} reads signed and unsigned predicates`, () => {
      fc.assert(fc.property(arbInt(w), arbInt(w), fc.constantFrom(...Object.keys(preds)), (a, b, p) => {
        const want = preds[p]([BigInt.asIntN(w, a), BigInt.asIntN(w, b)], [BigInt.asUintN(w, a), BigInt.asUintN(w, b)]);
        expect(cmp(p, ty, norm(a), norm(b))).to.equal(want ? 1 : 0);
      }), { numRuns: 40 });
    });
  }

  it("wraps i8 accumulation in a loop", () => {
    const src = `func.func @f(%n: index) -> i8 {
  %z = arith.constant 0 : i8
  %one = arith.constant 1 : i8
  %r:2 = affine.for %i = 0 to 300 iter_args(%s = %z, %k = %one) -> (i8, i8) {
    %s2 = arith.addi %s, %k : i8
    %k2 = arith.addi %k, %one : i8
    affine.yield %s2, %k2 : i8, i8
  }
  return %r#0 : i8
}
`;
    let s = 0, k = 1;
    for (let i = 0; i < 300; i++) { s = ((s + k) << 24) >> 24; k = ((k + 1) << 24) >> 24; }
    expect(runOk(src).results[0]).to.equal(s);
  });

  it("overflows i64 exactly (21! wraps)", () => {
    const src = `func.func @fact(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %c0 = arith.constant 0 : i64
  %done = arith.cmpi sle, %n, %c0 : i64
  %r = scf.if %done -> (i64) {
    scf.yield %c1 : i64
  } else {
    %m = arith.subi %n, %c1 : i64
    %f = func.call @fact(%m) : (i64) -> i64
    %p = arith.muli %n, %f : i64
    scf.yield %p : i64
  }
  return %r : i64
}
`;
    let f = 1n;
    for (let i = 1n; i <= 25n; i++) {
      f = BigInt.asIntN(64, f * i);
      expect(BigInt(runOk(src, { n: Number(i) }).results[0] as V)).to.equal(f);
    }
  });

  it("reports division by zero at the op", () => {
    const t = runErr(`func.func @f(%a: i32, %b: i32) -> i32 {\n  %c = arith.divsi %a, %b : i32\n  return %c : i32\n}\n`, { a: 1, b: 0 });
    expect(t).to.contain("t.mlir:2:8: error: 'arith.divsi' op division by zero");
  });

  it("casts between widths and kinds", () => {
    const cast = (op: string, from: string, to: string, a: V): V =>
      runOk(`func.func @f(%a: ${from}) -> ${to} {\n  %c = arith.${op} %a : ${from} to ${to}\n  return %c : ${to}\n}\n`, { a }).results[0] as V;
    expect(cast("extsi", "i8", "i32", -1)).to.equal(-1);
    expect(cast("extui", "i8", "i32", -1)).to.equal(255);
    expect(cast("extsi", "i1", "i32", 1)).to.equal(-1);
    expect(cast("extui", "i1", "i32", 1)).to.equal(1);
    expect(cast("trunci", "i32", "i8", 300)).to.equal(44);
    expect(cast("trunci", "i32", "i1", 3)).to.equal(1);
    expect(cast("extui", "i32", "i64", -1)).to.equal(4294967295);
    expect(cast("extsi", "i32", "i64", -5)).to.equal(-5);
    expect(cast("index_cast", "i32", "index", -7)).to.equal(-7);
    expect(cast("index_castui", "i32", "index", -1)).to.equal(4294967295);
    expect(cast("index_cast", "index", "i8", 257)).to.equal(1);
    expect(cast("sitofp", "i32", "f32", 16777217)).to.equal(16777216);
    expect(cast("uitofp", "i8", "f32", -1)).to.equal(255);
    expect(cast("fptosi", "f32", "i32", -2.75)).to.equal(-2);
    expect(cast("fptoui", "f32", "i8", 200)).to.equal(-56);
    expect(cast("sitofp", "i64", "f64", 2n ** 60n + 1n)).to.equal(2 ** 60);
    expect(cast("truncf", "f64", "f32", 0.1)).to.equal(Math.fround(0.1));
    expect(cast("extf", "f16", "f32", 0.5)).to.equal(0.5);
    expect(cast("truncf", "f32", "f16", Math.fround(0.1))).to.equal(float16BitsToNumber(numberToFloat16Bits(Math.fround(0.1))));
    const dv = new DataView(new ArrayBuffer(4));
    dv.setFloat32(0, 1.5);
    expect(cast("bitcast", "f32", "i32", 1.5)).to.equal(dv.getInt32(0));
    expect(cast("bitcast", "i32", "f32", dv.getInt32(0))).to.equal(1.5);
    expect(cast("bitcast", "f16", "i16", 1)).to.equal(0x3c00);
  });

  it("keeps ui16 values above 32767 through memrefs", () => {
    const src = `func.func @f(%A: memref<4xui16>, %B: memref<4xui16>) {
  affine.for %i = 0 to 4 {
    %v = affine.load %A[%i] : memref<4xui16>
    affine.store %v, %B[%i] : memref<4xui16>
  }
  return
}
`;
    const A = Uint16Array.from([0, 32768, 65535, 40000]);
    expect(Array.from(runOk(src, { A }).out.B as Uint16Array)).to.deep.equal(Array.from(A));
  });
});

// ---- floats ----

function f16(x: number): number { return float16BitsToNumber(numberToFloat16Bits(x)); }

/// Round-to-nearest-even of a double to bfloat16 (normal range), from the double's bits.
function bf16(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const bits = dv.getBigUint64(0);
  const drop = 52n - 7n; // bf16 keeps 7 fraction bits
  const keep = bits >> drop, rest = bits & ((1n << drop) - 1n), half = 1n << (drop - 1n);
  const up = rest > half || (rest === half && (keep & 1n) === 1n);
  dv.setBigUint64(0, (keep + (up ? 1n : 0n)) << drop);
  return dv.getFloat64(0);
}

function floatBin(op: string, ty: string, a: number, b: number): number {
  return runOk(`func.func @f(%a: ${ty}, %b: ${ty}) -> ${ty} {\n  %c = arith.${op} %a, %b : ${ty}\n  return %c : ${ty}\n}\n`, { a, b }).results[0] as number;
}

const fops: Record<string, (a: number, b: number) => number> = {
  addf: (a, b) => a + b, subf: (a, b) => a - b, mulf: (a, b) => a * b, divf: (a, b) => a / b,
};

describe("target-sim: float rounding", () => {
  const sameFloat = (x: number, y: number) => (Number.isNaN(x) ? Number.isNaN(y) : Object.is(x, y));
  for (const [op, f] of Object.entries(fops)) {
    it(`arith.${op} on f32 rounds like numpy`, () => {
      fc.assert(fc.property(fc.float({ noNaN: true }), fc.float({ noNaN: true }), (a, b) => {
        expect(sameFloat(floatBin(op, "f32", a, b), Math.fround(f(a, b)))).to.equal(true);
      }), { numRuns: 60 });
    });
    it(`arith.${op} on f64 is IEEE double`, () => {
      fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        expect(sameFloat(floatBin(op, "f64", a, b), f(a, b))).to.equal(true);
      }), { numRuns: 40 });
    });
    it(`arith.${op} on f16 rounds to nearest even, overflowing to inf`, () => {
      const arb = fc.integer({ min: 0, max: 0x7bff }).chain((bits) => fc.constantFrom(float16BitsToNumber(bits), -float16BitsToNumber(bits)));
      fc.assert(fc.property(arb, arb, (a, b) => {
        expect(sameFloat(floatBin(op, "f16", a, b), f16(f(a, b)))).to.equal(true);
      }), { numRuns: 60 });
    });
    it(`arith.${op} on bf16 rounds to nearest even`, () => {
      const arb = fc.double({ min: 1e-3, max: 1e3, noNaN: true }).map(bf16);
      fc.assert(fc.property(arb, arb, (a, b) => {
        const want = bf16(f(a, b));
        expect(sameFloat(floatBin(op, "bf16", a, b), want)).to.equal(true);
      }), { numRuns: 60 });
    });
  }

  it("accumulates f32 with rounding at every step", () => {
    const src = `func.func @f(%A: memref<1000xf32>) -> f32 {
  %z = arith.constant 0.0 : f32
  %s = affine.for %i = 0 to 1000 iter_args(%acc = %z) -> (f32) {
    %v = affine.load %A[%i] : memref<1000xf32>
    %n = arith.addf %acc, %v : f32
    affine.yield %n : f32
  }
  return %s : f32
}
`;
    const A = Float32Array.from({ length: 1000 }, (_, i) => 0.1 * (i + 1));
    let acc = 0;
    for (const v of A) acc = Math.fround(acc + v);
    expect(runOk(src, { A }).results[0]).to.equal(acc);
  });

  it("compares floats with ordered and unordered predicates", () => {
    const fcmp = (p: string, a: number, b: number) =>
      runOk(`func.func @f(%a: f32, %b: f32) -> i1 {\n  %c = arith.cmpf ${p}, %a, %b : f32\n  return %c : i1\n}\n`, { a, b }).results[0];
    expect(fcmp("olt", 1, 2)).to.equal(1);
    expect(fcmp("olt", NaN, 2)).to.equal(0);
    expect(fcmp("ult", NaN, 2)).to.equal(1);
    expect(fcmp("one", NaN, 2)).to.equal(0);
    expect(fcmp("une", NaN, NaN)).to.equal(1);
    expect(fcmp("ord", 1, 2)).to.equal(1);
    expect(fcmp("uno", 1, NaN)).to.equal(1);
    expect(fcmp("oeq", 0, -0)).to.equal(1);
  });

  it("computes maximumf, minimumf, maxnumf, negf and remf", () => {
    const un = (op: string, a: number) => runOk(`func.func @f(%a: f32) -> f32 {\n  %c = arith.${op} %a : f32\n  return %c : f32\n}\n`, { a }).results[0];
    expect(floatBin("maximumf", "f32", NaN, 1)).to.be.NaN;
    expect(floatBin("maxnumf", "f32", NaN, 1)).to.equal(1);
    expect(Object.is(floatBin("minimumf", "f32", 0, -0), -0)).to.equal(true);
    expect(floatBin("remf", "f32", 7.5, 2)).to.equal(1.5);
    expect(Object.is(un("negf", 0), -0)).to.equal(true);
  });
});
