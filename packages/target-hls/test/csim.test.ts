// C-simulation tests: g++-compiled emitted C++ against the reference simulator (target-sim) on hand-lowered hw
// designs, the spec examples (through df-to-hw, when registered), and integer/float semantics kernels.
import type { Operation } from "@allo/ir-core";
import { runCsim, type CsimResult, type HostArray } from "@allo/target-hls";
import { entryArgs, findEntry, simulate, valueFromNpy, valueToNpy, type NpyArray } from "@allo/target-sim";
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { skipIfMissing, skipWithReason } from "../../../test/tools/requires.js";
import { EXAMPLES, hasDfToHw, INPUTS, lowerToHw, parse, render } from "./helpers.js";

/// A deterministic pseudo-random generator (xorshift32).
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

/// Random contents for an argument of memref type `t` (text of its element type decides the dtype).
function randomArray(t: string, shape: number[], r: () => number): NpyArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const int = (lo: number, hi: number) => Math.floor(lo + r() * (hi - lo));
  switch (t) {
    case "f32": return { dtype: "float32", shape, data: Float32Array.from({ length: n }, () => Math.round(r() * 4000 - 2000) / 16) };
    case "i32": return { dtype: "int32", shape, data: Int32Array.from({ length: n }, () => int(-(2 ** 31), 2 ** 31)) };
    case "i16": return { dtype: "int16", shape, data: Int16Array.from({ length: n }, () => int(-32768, 32768)) };
    case "ui16": return { dtype: "uint16", shape, data: Uint16Array.from({ length: n }, () => int(0, 65536)) };
    default: throw new Error(`no random data for ${t}`);
  }
}

/// The reference: target-sim's run of `entry` of `module` on `inputs`; every argument after the run.
function reference(module: Operation, inputs: readonly NpyArray[]): NpyArray[] {
  const entry = findEntry(module);
  const args = entryArgs(entry);
  const r = simulate(module, entry, args.map((a, i) => valueFromNpy(String(i), a.type, inputs[i])));
  if (!r.ok) throw new Error(render(r.diagnostics));
  return args.map((a, i) => valueToNpy(String(i), a.type, r.args[i]));
}

/// Random inputs for every argument of the entry of `module`.
function inputsFor(module: Operation, seed: number): NpyArray[] {
  const r = rng(seed);
  return entryArgs(findEntry(module)).map((a) => {
    const t = a.type as unknown as { shape: number[]; elementType: unknown };
    return randomArray(String(t.elementType), t.shape.slice(), r);
  });
}

/// Expects two sets of arrays to be bit-identical.
function expectSame(actual: readonly HostArray[], expected: readonly NpyArray[], what: string): void {
  expect(actual.length).to.equal(expected.length);
  actual.forEach((a, i) => {
    expect(a.dtype, `${what}: dtype of argument #${i}`).to.equal(expected[i].dtype);
    expect(a.shape, `${what}: shape of argument #${i}`).to.deep.equal(expected[i].shape);
    const x = Array.from(a.data as ArrayLike<number | bigint>), y = Array.from(expected[i].data as ArrayLike<number | bigint>);
    const bad = x.findIndex((v, k) => !Object.is(v, y[k]));
    expect(bad, `${what}: argument #${i} differs at flat index ${bad}: ${String(x[bad])} vs ${String(y[bad])}`).to.equal(-1);
  });
}

function csimOk(module: Operation, inputs: readonly HostArray[]): CsimResult {
  const r = runCsim(module, inputs);
  expect(r.ok, render(r.diagnostics)).to.equal(true);
  return r;
}

describe("target-hls: C-simulation", function () {
  this.timeout(300_000);
  before(function () {
    skipIfMissing(this, "g++");
  });

  describe("hand-written inputs", () => {
    for (const file of readdirSync(INPUTS).filter((f) => f.endsWith(".mlir")).sort()) {
      it(`${file} matches the simulator`, () => {
        const text = readFileSync(join(INPUTS, file), "utf8");
        const inputs = inputsFor(parse(text, file), 11);
        const want = reference(parse(text, file), inputs);
        const got = csimOk(parse(text, file), inputs as HostArray[]);
        expectSame(got.outputs, want, file);
      });
    }

    it("producer_consumer computes B = A + 1", () => {
      const A = Float32Array.from({ length: 256 }, (_, k) => k * 0.25 - 7);
      const r = csimOk(parse(readFileSync(join(INPUTS, "producer_consumer.hw.mlir"), "utf8")), [
        { dtype: "float32", shape: [16, 16], data: A }, { dtype: "float32", shape: [16, 16], data: new Float32Array(256) },
      ]);
      expect(Array.from(r.outputs[1].data as Float32Array)).to.deep.equal(Array.from(A).map((x) => x + 1));
      expect(r.names).to.deep.equal(["A", "B"]);
    });
  });

  describe("spec examples through df-to-hw", () => {
    before(function () {
      if (!hasDfToHw()) skipWithReason(this, "skipped: the df-to-hw pipeline is not registered");
    });
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".mlir")).sort()) {
      it(`${file} matches the simulator`, () => {
        const text = readFileSync(join(EXAMPLES, file), "utf8");
        const inputs = inputsFor(parse(text, file), 5);
        const want = reference(parse(text, file), inputs);
        const hw = parse(text, file);
        lowerToHw(hw);
        expectSame(csimOk(hw, inputs as HostArray[]).outputs, want, file);
      });
    }
  });

  describe("exact arithmetic", () => {
    const N = 64;
    const INT_OPS = ["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui"];
    const DIV_OPS = ["divsi", "remsi", "divui", "remui"];
    const SHIFT_OPS = ["shli", "shrsi", "shrui"];
    const PREDS = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];

    /// A kernel over `iW` storage computing every op on `iV` (V <= W; trunci/extsi around when V < W).
    function intKernel(W: number, V: number): { text: string; rows: number } {
      const t = `i${W}`, v = `i${V}`;
      const lines: string[] = [];
      let row = 0;
      const conv = (x: string) => (V < W ? `%${x}v = arith.trunci %${x} : ${t} to ${v}` : null);
      const use = (x: string) => (V < W ? `%${x}v` : `%${x}`);
      const store = (val: string, signed = true) => {
        if (V < W) lines.push(`%o${row} = arith.${signed ? "extsi" : "extui"} ${val} : ${v} to ${t}`);
        lines.push(`affine.store ${V < W ? `%o${row}` : val}, %O[${row}, %n] : memref<${0}x${N}x${t}>`);
        row++;
      };
      for (const x of ["x", "y", "d", "s"]) { const c = conv(x); if (c) lines.push(c); }
      for (const op of INT_OPS) { lines.push(`%r${row} = arith.${op} ${use("x")}, ${use("y")} : ${v}`); store(`%r${row}`); }
      for (const op of DIV_OPS) { lines.push(`%r${row} = arith.${op} ${use("x")}, ${use("d")} : ${v}`); store(`%r${row}`); }
      for (const op of SHIFT_OPS) { lines.push(`%r${row} = arith.${op} ${use("x")}, ${use("s")} : ${v}`); store(`%r${row}`); }
      for (const p of PREDS) {
        lines.push(`%c${row} = arith.cmpi ${p}, ${use("x")}, ${use("y")} : ${v}`);
        if (V === 1) store(`%c${row}`, false);
        else { lines.push(`%r${row} = arith.extui %c${row} : i1 to ${v}`); store(`%r${row}`); }
      }
      lines.push(`%q${row} = arith.cmpi slt, ${use("x")}, ${use("y")} : ${v}`);
      lines.push(`%r${row} = arith.select %q${row}, ${use("d")}, ${use("s")} : ${v}`);
      store(`%r${row}`);
      if (V > 1 && V < 64) {
        // Widening and narrowing through i64 and i3.
        lines.push(`%w${row} = arith.extui ${use("x")} : ${v} to i64`, `%r${row} = arith.trunci %w${row} : i64 to ${v}`);
        store(`%r${row}`);
        lines.push(`%u${row} = arith.extui ${use("x")} : ${v} to i64`);
        lines.push(`%z${row} = arith.shrui %u${row}, %c1_i64 : i64`);
        lines.push(`%r${row} = arith.trunci %z${row} : i64 to ${v}`);
        store(`%r${row}`, false);
      }
      const rows = row;
      const body = lines.map((l) => "    " + l.replace(`memref<0x`, `memref<${rows}x`)).join("\n");
      const text = `func.func @k(%X: memref<${N}x${t}>, %Y: memref<${N}x${t}>, %D: memref<${N}x${t}>, %S: memref<${N}x${t}>, %O: memref<${rows}x${N}x${t}>) {
  %c1_i64 = arith.constant 1 : i64
  affine.for %n = 0 to ${N} {
    %x = affine.load %X[%n] : memref<${N}x${t}>
    %y = affine.load %Y[%n] : memref<${N}x${t}>
    %d = affine.load %D[%n] : memref<${N}x${t}>
    %s = affine.load %S[%n] : memref<${N}x${t}>
${body}
  }
  return
}
`;
      return { text, rows };
    }

    const CASES: [number, number][] = [[8, 8], [16, 16], [32, 32], [64, 64], [8, 1], [8, 7], [16, 12], [64, 33], [64, 48], [32, 31]];
    for (const [W, V] of CASES) {
      it(`i${V} arithmetic${V < W ? ` (in i${W} storage)` : ""} matches the simulator`, () => {
        const { text, rows } = intKernel(W, V);
        const r = rng(W * 100 + V);
        const big = W === 64;
        const ctor = { 8: Int8Array, 16: Int16Array, 32: Int32Array }[W as 8 | 16 | 32];
        const dtype = `int${W}` as NpyArray["dtype"];
        const mk = (f: (k: number) => bigint): NpyArray => {
          const vals = Array.from({ length: N }, (_, k) => BigInt.asIntN(W, f(k)));
          return { dtype, shape: [N], data: big ? BigInt64Array.from(vals) : ctor!.from(vals.map(Number)) } as NpyArray;
        };
        const rand = () => BigInt(Math.floor(r() * 2 ** 26)) * BigInt(Math.floor(r() * 2 ** 26)) * (r() < 0.5 ? -1n : 1n) + BigInt(Math.floor(r() * 2 ** 20));
        // Edge values first, then random ones; divisors avoid 0 and -1, shift amounts stay below the width.
        const edges = [0n, 1n, -1n, 2n ** BigInt(V - 1) - 1n, -(2n ** BigInt(V - 1)), 2n ** BigInt(V - 1), 3n, -3n];
        const pick = (k: number) => (k < edges.length ? edges[k] : rand() >> BigInt(Math.floor(r() * 60)));
        const narrow = (x: bigint) => BigInt.asIntN(V, x);
        const X = mk((k) => narrow(pick(k)));
        const Y = mk((k) => narrow(pick((k + 3) % N)));
        // (i1 has only one nonzero value, true = -1, and no MIN / -1 overflow since MIN is -1 itself: use -1.)
        const Dv = mk(() => { for (let tries = 0; V > 1; tries++) { const d = narrow(rand() >> BigInt(Math.floor(r() * 60))); if (d !== 0n && d !== -1n) return d; if (tries > 100) return 3n; } return -1n; });
        const S = mk((k) => BigInt(k % V));
        const O = { dtype, shape: [rows, N], data: big ? new BigInt64Array(rows * N) : new ctor!(rows * N) } as NpyArray;
        const inputs = [X, Y, Dv, S, O];
        const want = reference(parse(text), inputs);
        const got = csimOk(parse(text), inputs as HostArray[]);
        expectSame(got.outputs, want, `i${V}`);
      });
    }

    it("f32, f64 and f16 arithmetic, comparisons and conversions match the simulator", () => {
      const kinds: [string, string][] = [["f32", "float32"], ["f64", "float64"], ["f16", "float16"]];
      for (const [t, dtype] of kinds) {
        const ops = ["addf", "subf", "mulf", "divf", "maximumf", "minimumf"].filter((o) => o !== "maximumf" && o !== "minimumf");
        const preds = ["oeq", "one", "olt", "ole", "ogt", "oge", "ord", "ueq", "une", "ult", "ule", "ugt", "uge", "uno"];
        const lines: string[] = [];
        let row = 0;
        for (const op of ops) lines.push(`%r${row} = arith.${op} %x, %y : ${t}`, `affine.store %r${row}, %O[${row++}, %n] : memref<ROWSx32x${t}>`);
        for (const p of preds) lines.push(`%c${row} = arith.cmpf ${p}, %x, %y : ${t}`, `%r${row} = arith.uitofp %c${row} : i1 to ${t}`, `affine.store %r${row}, %O[${row++}, %n] : memref<ROWSx32x${t}>`);
        // fptosi only on values in range (others are poison in MLIR and undefined in C++).
        lines.push(`%lo${row} = arith.constant -1.0e3 : ${t}`, `%hi${row} = arith.constant 1.0e3 : ${t}`, `%zero${row} = arith.constant 0.0 : ${t}`);
        lines.push(`%a${row} = arith.cmpf ogt, %x, %lo${row} : ${t}`, `%b${row} = arith.cmpf olt, %x, %hi${row} : ${t}`, `%ab${row} = arith.andi %a${row}, %b${row} : i1`);
        lines.push(`%xs${row} = arith.select %ab${row}, %x, %zero${row} : ${t}`);
        lines.push(`%i${row} = arith.fptosi %xs${row} : ${t} to i16`, `%r${row} = arith.sitofp %i${row} : i16 to ${t}`, `affine.store %r${row}, %O[${row++}, %n] : memref<ROWSx32x${t}>`);
        lines.push(`%e${row} = arith.negf %x : ${t}`, `affine.store %e${row}, %O[${row++}, %n] : memref<ROWSx32x${t}>`);
        const text = `func.func @k(%X: memref<32x${t}>, %Y: memref<32x${t}>, %O: memref<ROWSx32x${t}>) {
  affine.for %n = 0 to 32 {
    %x = affine.load %X[%n] : memref<32x${t}>
    %y = affine.load %Y[%n] : memref<32x${t}>
${lines.map((l) => "    " + l).join("\n")}
  }
  return
}
`.replaceAll("ROWS", String(row));
        const r = rng(99);
        const special = [0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, 1e-3, 100.125, 3];
        const vals = (shift: number) => Array.from({ length: 32 }, (_, k) => (k < special.length ? special[(k + shift) % special.length] : Math.round((r() - 0.5) * 1e4) / 64));
        const arr = (v: number[]): NpyArray => {
          if (dtype === "float32") return { dtype, shape: [32], data: Float32Array.from(v) };
          if (dtype === "float64") return { dtype, shape: [32], data: Float64Array.from(v) };
          // float16: raw bits through a Float32 -> half rounding the simulator defines.
          const bits = new Uint16Array(v.length);
          const f = new Float32Array(1), u = new Uint32Array(f.buffer);
          v.forEach((x, k) => { f[0] = x; const b = u[0]; const e = ((b >>> 23) & 0xff) - 127 + 15; const sign = (b >>> 16) & 0x8000; bits[k] = Number.isNaN(x) ? 0x7e00 : !Number.isFinite(x) ? sign | 0x7c00 : x === 0 ? sign : e <= 0 ? sign : e >= 31 ? sign | 0x7c00 : sign | (e << 10) | ((b >>> 13) & 0x3ff); });
          return { dtype: "float16", shape: [32], data: bits };
        };
        const O: NpyArray = dtype === "float32" ? { dtype, shape: [row, 32], data: new Float32Array(row * 32) } : dtype === "float64" ? { dtype, shape: [row, 32], data: new Float64Array(row * 32) } : { dtype: "float16", shape: [row, 32], data: new Uint16Array(row * 32) };
        const inputs = [arr(vals(0)), arr(vals(3)), O];
        const want = reference(parse(text), inputs);
        const got = csimOk(parse(text), inputs as HostArray[]);
        // NaN payloads may differ between the simulator and x86; compare NaN-ness there.
        const norm = (a: { data: unknown }) => Array.from(a.data as ArrayLike<number>).map((x) => (dtype === "float16" ? ((x & 0x7c00) === 0x7c00 && (x & 0x3ff) !== 0 ? "nan" : x) : Number.isNaN(x) ? "nan" : Object.is(x, -0) ? "-0" : x));
        expect(norm(got.outputs[2]), t).to.deep.equal(norm(want[2]));
      }
    });
  });

  it("passes arguments of every element type through the testbench", () => {
    // ap_int/ap_uint, bool, index, half and scalars travel as their raw container (int8, uint8, int64, float16 bits).
    const text = `func.func @k(%a: memref<4xi7>, %b: memref<4xui5>, %c: memref<2x2xi1>, %d: memref<3xindex>, %e: memref<2xf16>, %s: i12, %o: memref<4xi7>) {
  affine.for %i = 0 to 4 {
    %x = affine.load %a[%i] : memref<4xi7>
    %y = arith.muli %x, %x : i7
    affine.store %y, %o[%i] : memref<4xi7>
  }
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = memref.load %c[%c0, %c1] : memref<2x2xi1>
  %nt = arith.xori %t, %t : i1
  memref.store %nt, %c[%c0, %c1] : memref<2x2xi1>
  %n = memref.load %d[%c1] : memref<3xindex>
  %n2 = arith.addi %n, %n : index
  memref.store %n2, %d[%c0] : memref<3xindex>
  %h = memref.load %e[%c0] : memref<2xf16>
  %h2 = arith.mulf %h, %h : f16
  memref.store %h2, %e[%c1] : memref<2xf16>
  %si = arith.trunci %s : i12 to i7
  memref.store %si, %a[%c0] : memref<4xi7>
  return
}
`;
    const r = csimOk(parse(text), [
      { dtype: "int8", shape: [4], data: Int8Array.from([-64, 63, 10, -3]) },
      { dtype: "uint8", shape: [4], data: Uint8Array.from([31, 0, 7, 16]) },
      { dtype: "bool", shape: [2, 2], data: Uint8Array.from([1, 1, 0, 1]) },
      { dtype: "int64", shape: [3], data: BigInt64Array.from([0n, 21n, -5n]) },
      { dtype: "float16", shape: [2], data: Uint16Array.from([0x3e00, 0]) }, // 1.5
      { dtype: "int16", shape: [], data: Int16Array.from([-2047]) },
      null as unknown as HostArray,
    ]);
    const wrap7 = (v: number) => ((((v % 128) + 128 + 64) % 128) - 64);
    expect(Array.from(r.outputs[6].data as Int8Array)).to.deep.equal([-64, 63, 10, -3].map((v) => wrap7(v * v)));
    expect(Array.from(r.outputs[0].data as Int8Array)).to.deep.equal([wrap7(-2047), 63, 10, -3]);
    expect(Array.from(r.outputs[1].data as Uint8Array)).to.deep.equal([31, 0, 7, 16]);
    expect(Array.from(r.outputs[2].data as Uint8Array)).to.deep.equal([1, 0, 0, 1]);
    expect(Array.from(r.outputs[3].data as BigInt64Array)).to.deep.equal([42n, 21n, -5n]);
    expect(Array.from(r.outputs[4].data as Uint16Array)).to.deep.equal([0x3e00, 0x4080]); // 2.25
  });

  describe("failures", () => {
    const twoPE = (writes: number, reads: number) => `hw.design @top(%A: memref<4xi32>, %B: memref<4xi32>) {
  %f = hw.fifo "f" : !hw.fifo<i32, 2>
  hw.instance @p(%A, %f) : memref<4xi32>, !hw.fifo<i32, 2>
  hw.instance @c(%f, %B) : !hw.fifo<i32, 2>, memref<4xi32>
}
func.func @p(%a: memref<4xi32>, %f: !hw.fifo<i32, 2>) attributes {hw.pe} {
  affine.for %i = 0 to ${writes} {
    %v = affine.load %a[%i] : memref<4xi32>
    hw.write %f, %v : !hw.fifo<i32, 2>
  }
  return
}
func.func @c(%f: !hw.fifo<i32, 2>, %b: memref<4xi32>) attributes {hw.pe} {
  affine.for %i = 0 to ${reads} {
    %v = hw.read %f : !hw.fifo<i32, 2>
    affine.store %v, %b[%i] : memref<4xi32>
  }
  return
}
`;
    const io = (): HostArray[] => [{ dtype: "int32", shape: [4], data: Int32Array.from([1, 2, 3, 4]) }, { dtype: "int32", shape: [4], data: new Int32Array(4) }];

    it("reports a read of an empty FIFO", () => {
      const r = runCsim(parse(twoPE(2, 4)), io());
      expect(r.ok).to.equal(false);
      expect(r.diagnostics[0].code).to.equal(8153);
      expect(render(r.diagnostics)).to.contain("hls::stream 'f' read while empty");
    });

    it("reports data left in a FIFO", () => {
      const r = runCsim(parse(twoPE(4, 3)), io());
      expect(r.ok).to.equal(false);
      expect(r.diagnostics[0].code).to.equal(8154);
      expect(render(r.diagnostics)).to.contain("hls::stream 'f' has 1 leftover element(s)");
    });

    it("names the element of a stream array that was read while empty", () => {
      const text = `hw.design @top(%A: memref<4xi32>, %B: memref<4xi32>) {
  %f0 = hw.fifo "f[0]" : !hw.fifo<i32, 2>
  %f1 = hw.fifo "f[1]" : !hw.fifo<i32, 2>
  hw.instance @p(%A, %f0, %f1) : memref<4xi32>, !hw.fifo<i32, 2>, !hw.fifo<i32, 2>
  hw.instance @c(%f0, %f1, %B) : !hw.fifo<i32, 2>, !hw.fifo<i32, 2>, memref<4xi32>
}
func.func @p(%a: memref<4xi32>, %f0: !hw.fifo<i32, 2>, %f1: !hw.fifo<i32, 2>) attributes {hw.pe} {
  affine.for %i = 0 to 4 {
    %v = affine.load %a[%i] : memref<4xi32>
    hw.write %f0, %v : !hw.fifo<i32, 2>
  }
  hw.write %f1, %v0 : !hw.fifo<i32, 2>
  return
}
func.func @c(%f0: !hw.fifo<i32, 2>, %f1: !hw.fifo<i32, 2>, %b: memref<4xi32>) attributes {hw.pe} {
  affine.for %i = 0 to 4 {
    %x = hw.read %f0 : !hw.fifo<i32, 2>
    %y = hw.read %f1 : !hw.fifo<i32, 2>
    %s = arith.addi %x, %y : i32
    affine.store %s, %b[%i] : memref<4xi32>
  }
  return
}
`.replace("  hw.write %f1, %v0 : !hw.fifo<i32, 2>\n", "  %z = arith.constant 7 : i32\n  hw.write %f1, %z : !hw.fifo<i32, 2>\n");
      const module = parse(text);
      const r = runCsim(module, io());
      expect(r.ok).to.equal(false);
      expect(render(r.diagnostics)).to.contain("hls::stream 'f[1]' read while empty");
    });

    it("checks the inputs against the top function's signature", () => {
      const r = runCsim(parse(twoPE(4, 4)), [{ dtype: "float32", shape: [4], data: new Float32Array(4) }, { dtype: "int32", shape: [2, 2], data: new Int32Array(4) }]);
      expect(r.ok).to.equal(false);
      expect(render(r.diagnostics)).to.contain("input #0 ('A') must be int32 of shape [4], got float32 of shape [4]").and.contain("input #1 ('B') must be int32 of shape [4], got int32 of shape [2, 2]");
      expect(runCsim(parse(twoPE(4, 4)), io().slice(1)).diagnostics[0].code).to.equal(8156);
    });

    it("reports compile errors with the generated line", () => {
      const r = runCsim(parse(twoPE(4, 4)), io(), { includeDir: "/nonexistent-include-dir" });
      expect(r.ok).to.equal(false);
      expect(r.diagnostics[0].code).to.equal(8151);
      expect(r.diagnostics[0].message).to.match(/kernel\.cpp:2: #include "hls_stream\.h"/);
    });

    it("reports a missing compiler", () => {
      const r = runCsim(parse(twoPE(4, 4)), io(), { compiler: "/nonexistent/g++" });
      expect(r.ok).to.equal(false);
      expect(r.diagnostics[0].code).to.equal(8150);
    });
  });
});
