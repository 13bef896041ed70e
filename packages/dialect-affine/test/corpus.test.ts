// The shared corpus's Affine files (MLIR 19 tests): our custom and generic prints equal mlir-opt-19's recorded outputs.
//
// A file that fails only because of another package is reported as skipped with the reason: we retry it with
// `-> T {` function results written `-> (T) {` (the func.func parser reads a `{` there as result attributes)
// and with --allow-unregistered-dialect (mlir-opt-19 knows the `test` dialect); if that passes, or the only
// error is an unknown non-affine op, the blocker is elsewhere.
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

function optionsOf(e: Entry, generic: boolean): RunOptions {
  return { split: e.flags.includes("--split-input-file"), allowUnregistered: e.flags.includes("--allow-unregistered-dialect"), generic };
}

function workaround(text: string): string {
  return text.replace(/\) -> ([^({\n][^{\n]*?) \{$/gm, ") -> ($1) {");
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
        const o = optionsOf(e, generic);
        const r = ours(src, o);
        if (r.diags.length === 0 && r.out === expected) return;
        const retry = ours(workaround(src), { ...o, allowUnregistered: true });
        if (retry.diags.length === 0 && retry.out === expected) {
          const why = r.diags.length ? r.diags[0].message : "output differs";
          skipWithReason(this, `skipped: blocked outside the affine dialect (${why})`);
        }
        const unknown = retry.diags.find((d) => /custom op '(?!affine\.)[\w.]+' is unknown/.test(d.message));
        if (unknown !== undefined) {
          skipWithReason(this, `skipped: ${unknown.message}`);
        }
        expect(r.diags.map(String)).to.deep.equal([]);
        expect(r.out).to.equal(expected);
      });
    }
  }
});
