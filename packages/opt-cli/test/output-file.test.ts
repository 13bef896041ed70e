// `-o`: the output file is written whole or not at all, and a file that cannot be written is reported as
// mlir-opt-19 reports it, naming the file asked for.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const alloOpt = resolve(import.meta.dirname, "../bin/allo-opt.js");
const input = "func.func @f() {\n  return\n}\n";

function run(tool: string[], args: string[]) {
  return spawnSync(tool[0], [...tool.slice(1), "-", ...args], { input, encoding: "utf8" });
}

describe("allo-opt -o", () => {
  let dir = "";
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "allo-out-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the output file and leaves no temporary file", () => {
    const out = join(dir, "x.mlir");
    const r = run(["node", alloOpt], ["-o", out]);
    expect(r.status).to.equal(0);
    expect(readFileSync(out, "utf8")).to.contain("func.func @f()");
    expect(readdirSync(dir)).to.deep.equal(["x.mlir"]);
  });

  it("reports a file in a missing directory by the name asked for, as mlir-opt-19 does", function () {
    const out = join(dir, "missing", "x.mlir");
    const r = run(["node", alloOpt], ["-o", out]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.equal(`cannot open output file '${out}': No such file or directory\n`);
    expect(readdirSync(dir)).to.deep.equal([]);
    const m = run(["mlir-opt-19"], ["-o", out]);
    if (m.error !== undefined) { this.skip(); return; } // skipped: mlir-opt-19 not found
    expect(r.stderr).to.equal(m.stderr);
    expect(existsSync(out)).to.equal(false);
  });

  it("removes the output file when the run fails after reading its input, as mlir-opt-19 does", function () {
    const out = join(dir, "x.mlir");
    const bad = "func.func @f() {\n  %x =\n}\n";
    for (const tool of [["node", alloOpt], ["mlir-opt-19"]]) {
      writeFileSync(out, "stale\n");
      const r = spawnSync(tool[0], [...tool.slice(1), "-", "-o", out], { input: bad, encoding: "utf8" });
      if (r.error !== undefined) { this.skip(); return; } // skipped: mlir-opt-19 not found
      expect(r.status).to.equal(1);
      expect(existsSync(out), tool[0]).to.equal(false);
    }
  });

  it("leaves the output file alone when the input cannot be read, as mlir-opt-19 does", () => {
    const out = join(dir, "x.mlir");
    writeFileSync(out, "kept\n");
    const r = spawnSync("node", [alloOpt, join(dir, "missing.mlir"), "-o", out], { encoding: "utf8" });
    expect(r.status).to.equal(1);
    expect(readFileSync(out, "utf8")).to.equal("kept\n");
  });

  it("reports a directory given as the output file", () => {
    const r = run(["node", alloOpt], ["-o", dir]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(new RegExp(`^cannot open output file '${dir}': `));
    expect(readdirSync(dir)).to.deep.equal([]);
  });
});
