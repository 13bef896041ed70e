// CLI tests: `allo-translate --mlir-to-hls` and `allo-run --target hls-csim` (the built tools in packages/opt-cli/dist).
import { emitHls } from "@allo/target-hls";
import { readNpy, writeNpy } from "@allo/target-sim";
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { skipIfMissing, skipWithReason } from "../../../test/tools/requires.js";
import { EXAMPLES, INPUTS, parse } from "./helpers.js";

const DIST = fileURLToPath(new URL("../../opt-cli/dist", import.meta.url));

function tool(name: string, args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [join(DIST, `${name}.js`), ...args], { cwd, encoding: "utf8" });
}

describe("target-hls: command line", function () {
  this.timeout(120_000);
  let dir = "";
  before(function () {
    for (const t of ["allo-translate", "allo-run"]) if (!existsSync(join(DIST, `${t}.js`))) skipWithReason(this, `skipped: ${t} not found`);
    dir = mkdtempSync(join(tmpdir(), "allo-hls-cli-"));
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it("allo-translate --mlir-to-hls writes the emitter's C++ to -o", () => {
    const file = join(INPUTS, "block_stream.hw.mlir");
    const r = tool("allo-translate", ["--mlir-to-hls", file, "-o", "out.cpp"], dir);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.equal("");
    expect(readFileSync(join(dir, "out.cpp"), "utf8")).to.equal(emitHls(parse(readFileSync(file, "utf8"))).cpp);
    const stdout = tool("allo-translate", ["--mlir-to-hls", file, "--hls-top", "top"], dir);
    expect(stdout.stdout).to.equal(readFileSync(join(dir, "out.cpp"), "utf8"));
  });

  it("allo-translate reports errors as diagnostics, never a stack trace, and writes no -o file", () => {
    writeFileSync(join(dir, "bad.mlir"), "func.func @f(%a: memref<4xbf16>) {\n  return\n}\n");
    const r = tool("allo-translate", ["--mlir-to-hls", "bad.mlir", "-o", "bad.cpp"], dir);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.equal("bad.mlir:1:1: error: type bf16 cannot be emitted as Vitis HLS C++: Vitis HLS has no C++ type for this float format (supported: f16, f32, f64)\nfunc.func @f(%a: memref<4xbf16>) {\n^\n");
    expect(existsSync(join(dir, "bad.cpp"))).to.equal(false);
    const none = tool("allo-translate", ["bad.mlir"], dir);
    expect(none.status).to.equal(1);
    expect(none.stderr).to.equal("allo-translate: expected a translation (--mlir-to-hls)\n");
    const missing = tool("allo-translate", ["--mlir-to-hls", "nope.mlir"], dir);
    expect(missing.stderr).to.equal("cannot open input file 'nope.mlir': No such file or directory\n"); // mlir-translate's words
  });

  it("allo-run --target hls-csim lowers a df program and agrees with --target sim", function () {
    skipIfMissing(this, "g++");
    const A = { dtype: "int16" as const, shape: [16, 16], data: Int16Array.from({ length: 256 }, (_, k) => (k * 2654435761) % 65536 - 32768) };
    writeFileSync(join(dir, "A.npy"), writeNpy(A));
    const file = join(EXAMPLES, "block_stream.mlir");
    const hls = tool("allo-run", [file, "--target", "hls-csim", "--in", "A=A.npy", "--out", "B=B_hls.npy"], dir);
    expect(hls.status, hls.stderr).to.equal(0);
    const sim = tool("allo-run", [file, "--target", "sim", "--in", "A=A.npy", "--out", "B=B_sim.npy"], dir);
    expect(sim.status, sim.stderr).to.equal(0);
    const b = readNpy(readFileSync(join(dir, "B_hls.npy")));
    expect(b.dtype).to.equal("int16");
    expect(Array.from(b.data as Int16Array)).to.deep.equal(Array.from(readNpy(readFileSync(join(dir, "B_sim.npy"))).data as Int16Array));
    expect(Array.from(b.data as Int16Array)).to.deep.equal(Array.from(A.data).map((x) => ((x * 2 + 32768) & 0xffff) - 32768));
  });

  it("allo-run --target hls-csim runs hw input directly and reports C-simulation failures", function () {
    skipIfMissing(this, "g++");
    const ok = tool("allo-run", [join(INPUTS, "chain.hw.mlir"), "--target", "hls-csim", "--out", "D=D.npy"], dir);
    expect(ok.status, ok.stderr).to.equal(0);
    writeFileSync(join(dir, "short.mlir"), `hw.design @top(%B: memref<2xf32>) {
  %f = hw.fifo "f" : !hw.fifo<f32, 2>
  hw.instance @p(%f) : !hw.fifo<f32, 2>
  hw.instance @c(%f, %B) : !hw.fifo<f32, 2>, memref<2xf32>
}
func.func @p(%f: !hw.fifo<f32, 2>) attributes {hw.pe} {
  %one = arith.constant 1.0 : f32
  hw.write %f, %one : !hw.fifo<f32, 2>
  return
}
func.func @c(%f: !hw.fifo<f32, 2>, %b: memref<2xf32>) attributes {hw.pe} {
  affine.for %i = 0 to 2 {
    %v = hw.read %f : !hw.fifo<f32, 2>
    affine.store %v, %b[%i] : memref<2xf32>
  }
  return
}
`);
    const bad = tool("allo-run", ["short.mlir", "--target", "hls-csim"], dir);
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.contain("error: C-simulation read an empty stream").and.contain("hls::stream 'f' read while empty");
    expect(bad.stderr).to.not.match(/\n\s+at /);
  });
});
