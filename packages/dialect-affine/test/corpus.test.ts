// The shared corpus's Affine files (MLIR 19 tests): our custom and generic prints equal mlir-opt-19's recorded outputs.
//
// mlir-opt-19 registers MLIR's `test` dialect, which accepts any `test.*` op; this package does not know that
// dialect (opt-cli registers ours), so files using `test.*` ops are parsed with unregistered dialects allowed.
import { expect } from "chai";
import { skipWithReason } from "../../../test/tools/requires.js";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir, ours, type RunOptions } from "./helpers.js";

interface Entry { file: string; flags: string[]; tier: string }

const manifest = join(corpusDir, "manifest.jsonl");
const entries: Entry[] = existsSync(manifest)
  ? readFileSync(manifest, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Entry).filter((e) => e.file.includes("/Affine/") && (e.tier === "A" || e.tier === "B"))
  : [];

function optionsOf(e: Entry, src: string, generic: boolean): RunOptions {
  const allowUnregistered = e.flags.includes("--allow-unregistered-dialect") || src.includes('"test.');
  return { split: e.flags.includes("--split-input-file"), allowUnregistered, generic };
}

describe("affine: shared corpus (strict, custom and generic)", function () {
  this.timeout(60_000);
  before(function () {
    if (entries.length === 0) skipWithReason(this, "skipped: ../shared/corpus/mlir not found");
  });
  for (const e of entries) {
    for (const generic of [false, true]) {
      it(`${e.file.slice("valid/Dialect/Affine/".length)} (${generic ? "generic" : "custom"})`, function () {
        const src = readFileSync(join(corpusDir, e.file), "utf8");
        const rel = e.file.slice("valid/".length, -".mlir".length);
        const expected = readFileSync(join(corpusDir, "expected", `${rel}.${generic ? "generic" : "custom"}.mlir`), "utf8");
        const r = ours(src, optionsOf(e, src, generic));
        expect(r.diags.map(String)).to.deep.equal([]);
        expect(r.out).to.equal(expected);
      });
    }
  }
});
