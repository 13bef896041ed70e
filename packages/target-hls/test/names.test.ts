// Identifier sanitising and hostile-name tests: any symbol, stream or value name becomes a valid, unique C++
// identifier, and nothing in the input can inject text into the emitted C++.
import { commentSafe, emitHls, isCppKeyword, isReservedIdentifier, NameScope, runCsim, sanitizeIdentifier } from "@allo/target-hls";
import { expect } from "chai";
import fc from "fast-check";
import { skipIfMissing } from "../../../test/tools/requires.js";
import { compileCpp, parse, render } from "./helpers.js";

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/// `s` as an MLIR string literal.
function mlirString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (c < 32 || c === 127) out += "\\" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

describe("target-hls: identifier sanitising", () => {
  it("keeps readable names and fixes the rest", () => {
    expect(sanitizeIdentifier("fifo_A[1][2]", "s")).to.equal("fifo_A_1_2");
    expect(sanitizeIdentifier("gemm_0_1", "f")).to.equal("gemm_0_1");
    expect(sanitizeIdentifier("a.b$c-d", "v")).to.equal("a_b_c_d");
    expect(sanitizeIdentifier("int", "v")).to.equal("int_v");
    expect(sanitizeIdentifier("main", "f")).to.equal("main_v");
    expect(sanitizeIdentifier("__init", "f")).to.equal("init");
    expect(sanitizeIdentifier("a__b", "f")).to.equal("a_b");
    expect(sanitizeIdentifier("9lives", "f")).to.equal("f9lives");
    expect(sanitizeIdentifier("", "fifo")).to.equal("fifo");
    expect(sanitizeIdentifier("\"; system(\"rm\");//", "f")).to.equal("system_rm");
    expect(sanitizeIdentifier("π", "v")).to.equal("u3c0");
  });

  it("always yields a valid identifier that is no keyword and no reserved pattern", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.constantFrom("v", "f", "s"), (raw, prefix) => {
      const s = sanitizeIdentifier(raw, prefix);
      expect(s).to.match(IDENT);
      expect(isCppKeyword(s), s).to.equal(false);
      expect(isReservedIdentifier(s), s).to.equal(false);
      expect(s.length).to.be.at.most(64);
    }), { numRuns: 2000 });
  });

  it("hands out unique names, and a nested scope never shadows its parent", () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: "grapheme-ascii", maxLength: 6 }), { maxLength: 60 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 30 }), (outer, inner) => {
      const g = new NameScope();
      const a = outer.map((r) => g.claim(r, "v"));
      const child = new NameScope(g);
      const b = inner.map((r) => child.claim(r, "v"));
      const all = [...a, ...b];
      expect(new Set(all).size).to.equal(all.length);
      for (const n of all) expect(n).to.match(IDENT);
    }), { numRuns: 500 });
  });

  it("lets only harmless text into comments", () => {
    expect(commentSafe("fifo_A[1][2]")).to.equal("fifo_A[1][2]");
    for (const bad of ["a\nb", "a\\", "a??/", "é", "x\r"]) expect(commentSafe(bad), JSON.stringify(bad)).to.equal(null);
  });
});

/// A design whose PEs, FIFOs and arguments all have hostile names: a chain of `names.length` PEs, each adding 1.
function hostileDesign(peNames: readonly string[], fifoNames: readonly string[], top: string): string {
  const n = peNames.length;
  const fifo = (k: number) => `!hw.fifo<i32, 2>`;
  let s = `hw.design @${mlirString(top)}(%a.b$c: memref<4xi32>, %main: memref<4xi32>) {\n`;
  for (let k = 0; k < n - 1; k++) s += `  %f${k} = hw.fifo ${mlirString(fifoNames[k])} : ${fifo(k)}\n`;
  for (let k = n - 1; k >= 0; k--) {
    const args = k === 0 ? `%a.b$c, %f0` : k === n - 1 ? `%f${k - 1}, %main` : `%f${k - 1}, %f${k}`;
    const types = k === 0 ? `memref<4xi32>, ${fifo(0)}` : k === n - 1 ? `${fifo(k - 1)}, memref<4xi32>` : `${fifo(k - 1)}, ${fifo(k)}`;
    s += `  hw.instance @${mlirString(peNames[k])}(${args}) : ${types}\n`;
  }
  s += "}\n";
  for (let k = 0; k < n; k++) {
    const inT = k === 0 ? "memref<4xi32>" : fifo(k - 1);
    const outT = k === n - 1 ? "memref<4xi32>" : fifo(k);
    s += `func.func @${mlirString(peNames[k])}(%int: ${inT}, %return: ${outT}) attributes {hw.pe} {\n`;
    s += "  %one = arith.constant 1 : i32\n  affine.for %std = 0 to 4 {\n";
    s += k === 0 ? "    %x = affine.load %int[%std] : memref<4xi32>\n" : `    %x = hw.read %int : ${inT}\n`;
    s += "    %hls = arith.addi %x, %one : i32\n";
    s += k === n - 1 ? "    affine.store %hls, %return[%std] : memref<4xi32>\n" : `    hw.write %return, %hls : ${outT}\n`;
    s += "  }\n  return\n}\n";
  }
  return s;
}

/// Checks that `cpp` has no text from outside the identifier alphabet in code, strings or comments.
function checkNoInjection(cpp: string): void {
  for (const line of cpp.split("\n")) {
    // String literals: only `#include "x.h"` and stream names, both identifier-like.
    for (const m of line.matchAll(/"([^"]*)"/g)) expect(m[1], line).to.match(/^[A-Za-z0-9_.]*$/);
    expect(line, "non-ASCII in output").to.match(/^[\x20-\x7e]*$/);
    expect(line.endsWith("\\"), "line continuation").to.equal(false);
    expect(line).to.not.contain("/*");
  }
  for (const bad of [/\bsystem\(/, /\breboot\(/, /rm -rf/, /\bint main\b/, /\bint x;/]) expect(cpp).to.not.match(bad);
}

describe("target-hls: hostile names", function () {
  this.timeout(120_000);
  const pes = [
    'a"; system("rm -rf /"); //', "class", "main", "a-b", "a_b", "a.b", "π 流", "__init", "9", "std", "producer\n*/ int x; /*",
    "hls", "a\\", "int32_t", "INT32_MAX",
  ];
  const fifos = [
    'x"); system("reboot"); /*', "int", "fifo_A[1][2]", "fifo_A_1_2", "αβγ", "", "__reserved", "9lives\\", "*/", "??/", "a\nb",
    "x", "x", "return",
  ];
  const top = 'top"); } int main() { system("rm -rf /"); } void f(';

  it("emits valid, unique identifiers and no injected text", () => {
    const r = emitHls(parse(hostileDesign(pes, fifos, top)));
    expect(r.ok, render(r.diagnostics)).to.equal(true);
    if (process.env.ALLO_SHOW) console.log(r.cpp);
    checkNoInjection(r.cpp);
    const fns = [...r.cpp.matchAll(/^void ([A-Za-z0-9_]+)\(/gm)].map((m) => m[1]);
    expect(fns.length).to.equal(pes.length + 1);
    expect(new Set(fns).size).to.equal(fns.length);
    const streams = [...r.cpp.matchAll(/static hls::stream<int32_t> ([A-Za-z0-9_]+)\("([A-Za-z0-9_]+)"\)/g)];
    expect(fifos.length).to.equal(pes.length - 1);
    expect(streams.length).to.equal(fifos.length);
    expect(new Set(streams.map((m) => m[1])).size).to.equal(fifos.length);
    for (const m of streams) expect(m[1]).to.equal(m[2]);
  });

  it("compiles without warnings and simulates correctly", function () {
    skipIfMissing(this, "g++");
    const module = parse(hostileDesign(pes, fifos, top));
    const r = emitHls(module);
    const cc = compileCpp(r.cpp);
    expect(cc.status, cc.stderr).to.equal(0);
    expect(cc.stderr).to.equal("");
    const A = Int32Array.from([1, -2, 300, 2147483647 - pes.length + 1]);
    const sim = runCsim(module, [{ dtype: "int32", shape: [4], data: A }, { dtype: "int32", shape: [4], data: new Int32Array(4) }]);
    expect(sim.ok, render(sim.diagnostics)).to.equal(true);
    expect(Array.from(sim.outputs[1].data as Int32Array)).to.deep.equal(Array.from(A).map((x) => (x + pes.length) | 0));
  });

  it("survives arbitrary names (property)", () => {
    const name = fc.string({ unit: "binary", maxLength: 24 });
    fc.assert(fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 5 }), fc.array(name, { minLength: 4, maxLength: 4 }), name, (p, f, t) => {
      if (p.includes(t)) return;
      const r = emitHls(parse(hostileDesign(p, f, t)));
      expect(r.ok, render(r.diagnostics)).to.equal(true);
      checkNoInjection(r.cpp);
    }), { numRuns: 200 });
  });
});
