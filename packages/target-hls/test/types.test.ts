// Type mapping and literal tests: MLIR scalars to C++ types, exact float and integer literals (checked by g++).
import { Builtin, getFloatType, getIntegerType, Signedness, type Type } from "@allo/ir-core";
import { floatLit, isTypeError, scalarInfo, signedLit, unsignedLit } from "@allo/target-hls";
import { expect } from "chai";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { skipIfMissing } from "../../../test/tools/requires.js";
import { parse, emitOk } from "./helpers.js";

const i = (w: number, s: Signedness = Signedness.Signless): Type => getIntegerType(w, s);

describe("target-hls: type mapping", () => {
  const cases: [Type, string, string][] = [
    [i(1), "bool", "bool"],
    [i(7), "ap_int<7>", "int8"],
    [i(8), "int8_t", "int8"],
    [i(12), "ap_int<12>", "int16"],
    [i(16), "int16_t", "int16"],
    [i(32), "int32_t", "int32"],
    [i(33), "ap_int<33>", "int64"],
    [i(64), "int64_t", "int64"],
    [i(7, Signedness.Unsigned), "ap_uint<7>", "uint8"],
    [i(16, Signedness.Unsigned), "uint16_t", "uint16"],
    [i(32, Signedness.Unsigned), "uint32_t", "uint32"],
    [i(64, Signedness.Unsigned), "uint64_t", "uint64"],
    [i(8, Signedness.Signed), "int8_t", "int8"],
    [i(24, Signedness.Signed), "ap_int<24>", "int32"],
    [Builtin.index, "int", "int64"],
    [Builtin.f16, "half", "float16"],
    [Builtin.f32, "float", "float32"],
    [Builtin.f64, "double", "float64"],
  ];
  for (const [t, cpp, host] of cases) {
    it(`${String(t)} -> ${cpp}`, () => {
      const info = scalarInfo(t);
      if (isTypeError(info)) throw new Error(info.error);
      expect(info.cpp).to.equal(cpp);
      expect(info.host).to.equal(host);
    });
  }

  it("rejects types without a Vitis C++ type", () => {
    for (const t of [i(65), i(128), Builtin.bf16, getFloatType("f8E4M3FN")!, getFloatType("f80")!]) {
      expect(isTypeError(scalarInfo(t)), String(t)).to.equal(true);
    }
  });

  it("includes ap_int.h and hls_half.h only where a type needs them", () => {
    const plain = emitOk(parse("func.func @f(%a: memref<4xi32>) {\n  return\n}\n")).cpp;
    for (const h of ["ap_int.h", "hls_half.h", "hls_stream.h"]) expect(plain).to.not.contain(h);
    expect(plain).to.contain("#include <cstdint>");
    const ap = emitOk(parse("func.func @f(%a: memref<4xi7>, %b: f16) {\n  return\n}\n")).cpp;
    expect(ap).to.contain('#include "ap_int.h"').and.contain('#include "hls_half.h"').and.contain("ap_int<7> a[4], half b");
  });
});

describe("target-hls: literals", function () {
  this.timeout(120_000);
  let dir = "";
  before(function () {
    skipIfMissing(this, "g++");
    dir = mkdtempSync(join(tmpdir(), "allo-hls-lit-"));
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  /// Compiles `exprs` (C++ expressions of type T) and returns the printed bits of each, one per line.
  function bitsOf(type: string, bitsType: string, exprs: readonly string[]): string[] {
    const src = `#include <cstdint>\n#include <cstdio>\n#include <cstring>\n#include <limits>\n` +
      `static const ${type} values[] = {\n${exprs.map((e) => `  ${e},`).join("\n")}\n};\n` +
      `int main() {\n  for (const ${type}& v : values) {\n    ${bitsType} b;\n    std::memcpy(&b, &v, sizeof b);\n    std::printf("%llu\\n", (unsigned long long)b);\n  }\n}\n`;
    writeFileSync(join(dir, "lit.cpp"), src);
    const cc = spawnSync("g++", ["-std=c++17", "-Wall", "-Werror", "lit.cpp", "-o", "lit"], { cwd: dir, encoding: "utf8" });
    expect(cc.status, cc.stderr).to.equal(0);
    const run = spawnSync(join(dir, "lit"), { encoding: "utf8" });
    return run.stdout.trim().split("\n");
  }

  it("prints every float exactly (shortest round-trip decimal)", () => {
    const values = fc.sample(fc.float({ noNaN: false }), { numRuns: 3000, seed: 42 });
    values.push(0.1, 1 / 3, 3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38, -0, Infinity, -Infinity, 16777217, 0.5, 1);
    const fl = values.map((v) => Math.fround(v));
    const lits = fl.map((v) => floatLit(v, "float").text);
    const bits = bitsOf("float", "uint32_t", lits);
    const want = fl.map((v) => { const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, v); return String(Number.isNaN(v) ? 0x7fc00000 : b.getUint32(0)); });
    bits.forEach((b, k) => expect(b, `${fl[k]} printed as ${lits[k]}`).to.equal(want[k]));
    expect(floatLit(0.1, "float").text).to.equal("0.1f");
    expect(floatLit(1, "float").text).to.equal("1.0f");
    expect(floatLit(-2.5, "float").text).to.equal("-2.5f");
  });

  it("prints every double exactly", () => {
    const values = fc.sample(fc.double(), { numRuns: 3000, seed: 7 });
    values.push(0.1, 5e-324, Number.MAX_VALUE, -0, 1e21, 123456789012345680000);
    const lits = values.map((v) => floatLit(v, "double").text);
    const bits = bitsOf("double", "uint64_t", lits);
    values.forEach((v, k) => {
      const b = new DataView(new ArrayBuffer(8));
      b.setFloat64(0, v);
      const want = Number.isNaN(v) ? null : String(b.getBigUint64(0));
      if (want !== null) expect(bits[k], `${v} printed as ${lits[k]}`).to.equal(want);
    });
  });

  it("prints integer extremes without overflowing a literal", () => {
    const exprs = [signedLit(-(2n ** 31n), 32), signedLit(-(2n ** 63n), 64), signedLit(2n ** 62n, 64), unsignedLit(-1n, 32), unsignedLit(-1n, 64), signedLit(-5n, 16)];
    expect(exprs.map((e) => e.text)).to.deep.equal(["INT32_MIN", "INT64_MIN", "4611686018427387904LL", "4294967295u", "18446744073709551615ull", "-5"]);
    const bits = bitsOf("long long", "uint64_t", exprs.map((e) => `(long long)(${e.text})`));
    expect(bits).to.deep.equal(["18446744071562067968", "9223372036854775808", "4611686018427387904", "4294967295", "18446744073709551615", "18446744073709551611"]);
  });
});
