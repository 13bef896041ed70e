// IR nested deeper than the parser accepts is refused with a located diagnostic, and whatever escapes a tool is one
// line, never a JavaScript stack trace.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { maxRegionDepth } from "@allo/ir-core";
import { unexpectedErrorText } from "../src/io.js";

const alloOpt = resolve(import.meta.dirname, "../bin/allo-opt.js");

/// A function whose body nests `n` scf.if regions (n + 1 regions with the function's) around a store.
function nestedIfs(n: number): string {
  return "func.func @f(%c: i1, %m: memref<i1>) {\n" + "scf.if %c {\n".repeat(n) + "memref.store %c, %m[] : memref<i1>\n" + "}\n".repeat(n) + "return\n}\n";
}

describe("deeply nested IR", () => {
  it(`is accepted up to ${maxRegionDepth} nested regions and printed back, in custom and generic form`, () => {
    for (const flags of [[], ["--mlir-print-op-generic"]]) {
      const r = spawnSync("node", [alloOpt, "-", "--cse", ...flags], { input: nestedIfs(maxRegionDepth - 1), encoding: "utf8" });
      expect(r.stderr).to.equal("");
      expect(r.status).to.equal(0);
      expect(r.stdout.match(/scf\.if/g)?.length).to.equal(maxRegionDepth - 1);
    }
  });

  it("is refused beyond that with an error at the region that goes too deep", () => {
    // Ten times the limit would exhaust the JavaScript stack of every recursive part.
    const r = spawnSync("node", [alloOpt, "-"], { input: nestedIfs(10 * maxRegionDepth), encoding: "utf8" });
    expect(r.status).to.equal(1);
    expect(r.stderr.split("\n")[0]).to.equal(`<stdin>:${maxRegionDepth + 1}:11: error: regions nested more than ${maxRegionDepth} deep`);
    expect(r.stderr).to.not.match(/RangeError|at .*\.js:\d+/);
    expect(r.stdout).to.equal("");
  });

  it("is a parse error where the parser ran out of stack when an attribute nests too deeply", () => {
    const input = `func.func @f() attributes {a = ${"[".repeat(50_000)}${"]".repeat(50_000)}} {\n  return\n}\n`;
    const r = spawnSync("node", [alloOpt, "-"], { input, encoding: "utf8" });
    expect(r.status).to.equal(1);
    expect(r.stderr.split("\n")[0]).to.match(/^<stdin>:1:\d+: error: nested too deeply to parse \(the JavaScript stack is exhausted\)$/);
  });
});

describe("an exception that escapes a tool", () => {
  it("is one line naming the tool", () => {
    expect(unexpectedErrorText("allo-opt", new Error("boom"))).to.equal("allo-opt: internal error: boom\n");
  });
  it("says the IR is nested too deeply when the JavaScript stack is exhausted", () => {
    let overflow: unknown = null;
    const recurse = (n: number): number => n + recurse(n + 1);
    try { recurse(0); } catch (e) { overflow = e; }
    expect(unexpectedErrorText("allo-run", overflow)).to.equal("allo-run: error: the IR is nested too deeply to process (the JavaScript stack is exhausted)\n");
  });
});
