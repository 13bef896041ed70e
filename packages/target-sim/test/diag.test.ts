// The simulator's diagnostics table: unique codes in the 8xxx range, every entry used; both engines agree.
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SimMessages } from "../src/index.js";
import { example, matmulF32, randF32, run } from "./support.js";
import { systolic } from "../../../test/tools/df-programs.js";

const dir = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

describe("target-sim: diagnostics table", () => {
  it("has unique codes in 8000-8999", () => {
    const codes = Object.values(SimMessages).map((m) => m.code);
    expect(new Set(codes).size).to.equal(codes.length);
    for (const c of codes) expect(c).to.be.within(8000, 8999);
  });

  it("uses every entry", () => {
    const files = [
      ...readdirSync(dir("../src/")).filter((f) => f.endsWith(".ts")).map((f) => dir(`../src/${f}`)),
      ...readdirSync(dir("../src/ops/")).map((f) => dir(`../src/ops/${f}`)),
      dir("../../opt-cli/src/run-main.ts"),
    ];
    const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
    for (const k of Object.keys(SimMessages)) expect(text.includes(`SimMessages.${k}`), k).to.equal(true);
  });
});

describe("target-sim: the JavaScript translation and the instruction loop agree", () => {
  const both = (src: string, inputs: Record<string, Float32Array>) => {
    const saved = process.env.ALLO_SIM_INTERP;
    try {
      process.env.ALLO_SIM_INTERP = "1";
      const a = run(src, inputs);
      delete process.env.ALLO_SIM_INTERP;
      const b = run(src, inputs);
      return [a, b];
    } finally {
      if (saved === undefined) delete process.env.ALLO_SIM_INTERP; else process.env.ALLO_SIM_INTERP = saved;
    }
  };

  it("on a systolic array", () => {
    const A = randF32(15, 1), B = randF32(20, 2);
    const [a, b] = both(systolic(3, 4, 5, 1), { A, B });
    expect(a.ok && b.ok).to.equal(true);
    if (a.ok && b.ok) {
      expect(Array.from(a.out.C as Float32Array)).to.deep.equal(Array.from(b.out.C as Float32Array));
      expect(Array.from(a.out.C as Float32Array)).to.deep.equal(Array.from(matmulF32(A, B, 3, 5, 4)));
      expect(a.stats.streamOps).to.equal(b.stats.streamOps);
    }
  });

  it("on unbounded recursion: an error at the call, not a heap that grows until the process dies", () => {
    const src = `func.func @f(%x: i32) -> i32 {\n  %r = func.call @f(%x) : (i32) -> i32\n  return %r : i32\n}\n`;
    const [a, b] = both(src, {});
    expect(a.ok || b.ok).to.equal(false);
    if (!a.ok && !b.ok) {
      expect(a.text).to.equal(b.text);
      expect(a.text).to.contain("t.mlir:2:8: error: 'func.call' op nests calls more than 100000 deep (unbounded recursion?)");
    }
  });

  it("on errors", () => {
    const src = example("producer_consumer").replace("affine.for %i = 0 to 16 {\n      affine.for %j = 0 to 16 {\n        %d", "affine.for %i = 0 to 17 {\n      affine.for %j = 0 to 16 {\n        %d");
    const [a, b] = both(src, {});
    expect(a.ok || b.ok).to.equal(false);
    if (!a.ok && !b.ok) expect(a.text).to.equal(b.text);
  });
});
