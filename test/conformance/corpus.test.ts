// Conformance with mlir-opt-19 on the shared MLIR corpus: the four check_corpus.py modes and the invalid/ files.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const corpus = resolve(root, "../shared/corpus/mlir");
const alloOpt = join(root, "packages/opt-cli/bin/allo-opt.js");
const python = process.env.ALLO_PYTHON ?? "python3";
/// Pass counts the project has reached; a run below them is a regression (raise them as conformance improves).
const floors = JSON.parse(readFileSync(join(import.meta.dirname, "floors.json"), "utf8")) as Record<string, number>;

function checkCorpus(flags: string[]): { passed: number; total: number; out: string } {
  const p = spawnSync(python, [join(corpus, "check_corpus.py"), "--ours", `node ${alloOpt}`, ...flags], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /passed (\d+) \/ (\d+)/.exec(p.stdout);
  if (m === null) throw new Error(`check_corpus.py gave no summary: ${p.stdout.slice(-500)}${p.stderr.slice(-500)}`);
  return { passed: Number(m[1]), total: Number(m[2]), out: p.stdout };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".mlir") ? [p] : [];
  });
}

describe("conformance: shared MLIR corpus", function () {
  this.timeout(600_000);
  before(function () {
    if (!existsSync(corpus)) { console.log("      skipped: ../shared/corpus/mlir not found"); this.skip(); }
  });

  const modes: [string, string[], boolean][] = [
    ["loose", [], true], ["loose-generic", ["--generic"], true], ["strict", ["--strict"], false], ["strict-generic", ["--strict", "--generic"], false],
  ];
  for (const [name, flags, needsMlirOpt] of modes) {
    it(`${name}: at least ${floors[name]} files pass`, function () {
      if (needsMlirOpt && !existsSync("/usr/bin/mlir-opt-19")) { console.log("      skipped: mlir-opt-19 not found"); this.skip(); }
      const r = checkCorpus(flags);
      console.log(`      ${name}: ${r.passed} / ${r.total}`);
      expect(r.passed, r.out.split("\n").filter((l) => l.startsWith("FAIL")).slice(0, 20).join("\n")).to.be.at.least(floors[name]);
    });
  }

  it(`invalid/: at least ${floors.invalid} files pass --verify-diagnostics`, () => {
    const inv = files(join(corpus, "invalid"));
    const failed: string[] = [];
    for (const f of inv) {
      const run = /\/\/ RUN:(.*)/.exec(readFileSync(f, "utf8"))?.[1] ?? "";
      const flags = ["--verify-diagnostics", ...(/split-input-file/.test(run) ? ["--split-input-file"] : []), ...(/allow-unregistered-dialect/.test(run) ? ["--allow-unregistered-dialect"] : [])];
      const p = spawnSync("node", [alloOpt, ...flags, f, "-o", "/dev/null"], { encoding: "utf8" });
      if (p.status !== 0) failed.push(`${f}: ${p.stderr.split("\n").slice(0, 2).join(" | ")}`);
    }
    console.log(`      invalid: ${inv.length - failed.length} / ${inv.length}`);
    expect(inv.length - failed.length, failed.join("\n")).to.be.at.least(floors.invalid);
  });
});
