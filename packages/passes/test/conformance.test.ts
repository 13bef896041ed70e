// Each pass on fixed inputs, compared with mlir-opt-19 on the same inputs (output after normalising SSA names,
// diagnostics and exit code).
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { alloOptMain } from "@allo/opt-cli";
import { skipWithReason } from "../../../test/tools/requires.js";
import { mlirOpt, noMlirOpt, normalizeSSA } from "./support.js";

const inputs = join(fileURLToPath(new URL(".", import.meta.url)), "inputs");
/// A lit test of test/passes used as an input (its RUN and CHECK comments do not change the output).
const lit = (file: string): string => join("..", "..", "..", "..", "test", "passes", file);

/// [input file, allo-opt/mlir-opt arguments].
const cases: readonly (readonly [string, readonly string[]])[] = [
  ["cse-basic.mlir", ["--cse"]],
  ["cse-regions.mlir", ["--cse"]],
  ["cse-regions.mlir", ["-p", "builtin.module(func.func(cse))"]],
  ["canon-loops.mlir", ["--canonicalize"]],
  ["canon-loops.mlir", ["--canonicalize=max-iterations=1"]],
  ["canon-loops.mlir", ["--canonicalize=top-down=false"]],
  ["canon-unrealized-casts.mlir", ["--canonicalize"]],
  ["canon-bitcast-nan.mlir", ["--canonicalize"]],
  ["canon-dedup.mlir", ["--canonicalize"]],
  ["canon-hoist.mlir", ["--canonicalize"]],
  ["canon-hoist.mlir", ["--canonicalize=max-iterations=1"]],
  ["canon-constant-locs.mlir", ["--canonicalize", "--mlir-print-debuginfo"]],
  ["canon-constant-locs.mlir", ["--canonicalize=top-down=false", "--mlir-print-debuginfo"]],
  ["canon-scf.mlir", ["--canonicalize"]],
  ["canon-scf.mlir", ["--canonicalize=top-down=false"]],
  ["cse-basic.mlir", ["--canonicalize"]],
  [lit("canonicalize-memref.mlir"), ["--canonicalize", "--allow-unregistered-dialect"]],
  [lit("canonicalize-memref.mlir"), ["--canonicalize=top-down=false", "--allow-unregistered-dialect"]],
  [lit("canonicalize-memref.mlir"), ["--canonicalize=max-iterations=1", "--allow-unregistered-dialect"]],
  [lit("canonicalize-memref.mlir"), ["--canonicalize", "--allow-unregistered-dialect", "--mlir-print-debuginfo"]],
  [lit("canonicalize-arith.mlir"), ["--canonicalize"]],
  [lit("canonicalize-arith.mlir"), ["--canonicalize=top-down=false"]],
  [lit("canonicalize-arith.mlir"), ["--canonicalize", "--mlir-print-debuginfo"]],
  [lit("canonicalize-scf-regions.mlir"), ["--canonicalize"]],
  [lit("canonicalize-scf-regions.mlir"), ["--canonicalize=top-down=false"]],
  [lit("canonicalize-scf-regions.mlir"), ["--canonicalize=max-iterations=1"]],
  [lit("canonicalize-cf.mlir"), ["--canonicalize", "--allow-unregistered-dialect"]],
  [lit("canonicalize-cf.mlir"), ["--canonicalize=top-down=false", "--allow-unregistered-dialect"]],
  [lit("canonicalize-cf.mlir"), ["--mlir-print-op-generic", "--allow-unregistered-dialect"]],
  [lit("canonicalize-merge-blocks.mlir"), ["--canonicalize=region-simplify=aggressive", "--allow-unregistered-dialect"]],
  [lit("canonicalize-merge-blocks.mlir"), ["--canonicalize=region-simplify=aggressive top-down=false", "--allow-unregistered-dialect"]],
  [lit("canonicalize-merge-blocks.mlir"), ["--canonicalize=region-simplify=aggressive max-iterations=1", "--allow-unregistered-dialect"]],
  [lit("canonicalize-merge-blocks.mlir"), ["--canonicalize=region-simplify=aggressive", "--allow-unregistered-dialect", "--mlir-print-debuginfo"]],
  [lit("canonicalize-merge-blocks.mlir"), ["--canonicalize", "--allow-unregistered-dialect"]],
  ["canon-drop-arguments.mlir", ["--canonicalize=region-simplify=aggressive", "--allow-unregistered-dialect"]],
  ["canon-dead-arguments.mlir", ["--canonicalize", "--allow-unregistered-dialect"]],
  [lit("canonicalize-cf.mlir"), ["--canonicalize=region-simplify=aggressive", "--allow-unregistered-dialect"]],
  [lit("canonicalize-scf-regions.mlir"), ["--canonicalize=region-simplify=aggressive"]],
  ["symbol-dce.mlir", ["--symbol-dce"]],
  ["licm.mlir", ["--loop-invariant-code-motion"]],
  ["licm-speculation.mlir", ["--loop-invariant-code-motion", "--allow-unregistered-dialect"]],
  [lit("loop-invariant-code-motion-div.mlir"), ["--loop-invariant-code-motion"]],
  ["remove-dead-values.mlir", ["--remove-dead-values"]],
  ["remove-dead-values-errors.mlir", ["--remove-dead-values", "--split-input-file", "--allow-unregistered-dialect"]],
  ["nested-modules.mlir", ["--remove-dead-values"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll=unroll-factor=3"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll=unroll-full"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll=unroll-full unroll-full-threshold=3"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll=unroll-up-to-factor unroll-factor=5"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll=unroll-factor=4 cleanup-unroll"]],
  ["affine-unroll.mlir", ["--affine-loop-unroll=unroll-num-reps=2 unroll-factor=2"]],
  ["affine-normalize.mlir", ["--affine-loop-normalize"]],
  ["affine-normalize.mlir", ["--affine-loop-normalize=promote-single-iter"]],
  ["lower-affine.mlir", ["--lower-affine"]],
  ["lower-affine-fold.mlir", ["--lower-affine"]],
  ["lower-affine-dma-vector.mlir", ["--lower-affine"]],
  ["lower-affine-compose.mlir", ["--lower-affine", "--allow-unregistered-dialect"]],
  ["lower-affine-delinearize.mlir", ["--lower-affine"]],
  ["inline.mlir", ["--inline"]],
  ["inline.mlir", ["--inline=max-iterations=1"]],
  ["inline.mlir", ["--inline=inlining-threshold=0"]],
  ["inline.mlir", ["--inline=default-pipeline=cse"]],
  ["inline.mlir", ["--inline", "--mlir-print-ir-after-all"]],
  [lit("inline-multiblock.mlir"), ["--inline"]],
  [lit("inline-multiblock.mlir"), ["--inline=default-pipeline="]],
  [lit("inline-multiblock.mlir"), ["--inline=max-iterations=1", "--mlir-print-debuginfo"]],
  ["two-funcs.mlir", ["-p", "builtin.module(func.func(cse),func.func(canonicalize))", "--mlir-print-ir-after-all", "--mlir-disable-threading"]],
  ["nested-modules.mlir", ["-p", "builtin.module(func.func(cse),builtin.module(func.func(canonicalize)))", "--mlir-print-ir-after-all"]],
  ["cse-basic.mlir", ["-p", "builtin.module(func.func(cse,canonicalize),symbol-dce)", "--mlir-print-ir-before=cse", "--mlir-print-ir-after=canonicalize", "--mlir-print-ir-module-scope", "--mlir-disable-threading"]],
  ["cse-basic.mlir", ["-p", "builtin.module(func.func(cse,canonicalize),symbol-dce)", "--mlir-print-ir-after-change", "--mlir-print-ir-after-all"]],
  ["cse-basic.mlir", ["-p", "any(cse)", "--mlir-print-ir-before-all"]],
  ["cse-basic.mlir", ["-p", "builtin.module(func.func(symbol-dce))"]],
  ["cse-basic.mlir", ["-p", "builtin.module(func.func(cse,canonicalize),func.func(symbol-dce))", "--mlir-print-ir-after-failure"]],
  ["cse-basic.mlir", ["-p", "any(affine-loop-unroll)"]],
  ["cse-basic.mlir", ["-p", "func.func(cse)"]],
  ["cse-basic.mlir", ["--cse", "--canonicalize", "--affine-loop-unroll", "--symbol-dce", "--dump-pass-pipeline"]],
];

/// Pipelines given to --pass-pipeline (with --dump-pass-pipeline): syntax errors, option errors, nesting errors.
const pipelines: readonly string[] = [
  "builtin.module(func.func(cse))", "builtin.module(foo)", "builtin.module(cse{foo=1})", "builtin.module(canonicalize{max-iterations=x})",
  "builtin.module(func.func(cse)", "builtin.module(func.func(cse)))", "cse", "builtin.module(cse{)", "builtin.module(func.func(cse) canonicalize)",
  "builtin.module(canonicalize{ max-iterations=3  region-simplify=aggressive })", "builtin.module(canonicalize{enable-patterns=a,b disable-patterns=\"c,d\"})",
  "builtin.module(func.func())", "any(cse)", "builtin.module(,)", "builtin.module(cse,,cse)", "builtin.module(cse {})",
  "builtin.module(canonicalize{max-iterations=1}(cse))", "builtin.module(cse)x", "builtin.module(func.func(cse)x,cse)",
  "builtin.module(canonicalize{region-simplify=foo})", "builtin.module(canonicalize{max-iterations})",
  "builtin.module(canonicalize{enable-patterns='x y',{a,b}})", "builtin.module(canonicalize{top-down=0})", "builtin.module(canonicalize{enable-patterns=})",
  "builtin.module(affine-loop-unroll)", "builtin.module(func.func(affine-loop-unroll),affine-loop-unroll)",
  "builtin.module(func.func(affine-loop-unroll{unroll-full=maybe}))", "builtin.module(func.func(affine-loop-unroll{unroll-factor=-1}))",
  "builtin.module(func.func(affine-loop-unroll{unroll-factor=0x10 unroll-full}))", "builtin.module(func.func(affine-loop-unroll{unroll-factor='8'}))",
  "builtin.module(func.func(affine-loop-unroll{unroll-factor=}))", "builtin.module(any(affine-loop-unroll))",
  "builtin.module(inline{op-pipelines=func.func(cse),func.func(canonicalize)})",
  "builtin.module(inline{default-pipeline={canonicalize{max-iterations=2 top-down=false}}})",
  "builtin.module(func.func(cse),func.func(canonicalize),any(cse))", "builtin.module()", " builtin.module( func.func( cse ) , canonicalize ) ",
];

function run(tool: "allo" | "mlir", args: readonly string[]): { out: string; err: string; code: number } {
  if (tool === "allo") {
    const r = alloOptMain(args);
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  }
  const r = spawnSync(mlirOpt!, args, { encoding: "utf8" });
  return { out: r.stdout, err: r.stderr.replace(/mlir-opt-19/g, "allo-opt"), code: r.status ?? 1 };
}

describe("passes: conformance with mlir-opt-19", function () {
  this.timeout(60_000);
  before(function () {
    if (mlirOpt === null) skipWithReason(this, noMlirOpt);
  });
  for (const [file, args] of cases) {
    it(`${file} ${args.join(" ")}`, () => {
      const argv = [join(inputs, file), ...args];
      const ours = run("allo", argv);
      const theirs = run("mlir", argv);
      expect(normalizeSSA(ours.err), "stderr").to.equal(normalizeSSA(theirs.err));
      expect(normalizeSSA(ours.out), "stdout").to.equal(normalizeSSA(theirs.out));
      expect(ours.code, "exit code").to.equal(theirs.code);
    });
  }
});

describe("passes: pipeline text and errors as mlir-opt-19", function () {
  this.timeout(60_000);
  before(function () { if (mlirOpt === null) skipWithReason(this, noMlirOpt); });
  for (const p of pipelines) {
    it(p, () => {
      const argv = [join(inputs, "cse-basic.mlir"), `--pass-pipeline=${p}`, "--dump-pass-pipeline", "-o", "/dev/null"];
      const ours = run("allo", argv);
      const theirs = run("mlir", argv);
      expect(ours.err).to.equal(theirs.err);
      expect(ours.code).to.equal(theirs.code);
    });
  }
  for (const flags of [["--cse", "--canonicalize=max-iterations=x"], ["--canonicalize=foo"], ["-p", "builtin.module(cse)", "--cse"],
    ["--pass-pipeline=builtin.module(cse)", "-p", "builtin.module(canonicalize)"], ["--affine-loop-unroll=unroll-factor=2", "--cse"]]) {
    it(flags.join(" "), () => {
      const argv = [join(inputs, "cse-basic.mlir"), ...flags, "--dump-pass-pipeline"];
      const ours = run("allo", argv);
      const theirs = run("mlir", argv);
      expect(ours.err).to.equal(theirs.err);
      expect(normalizeSSA(ours.out)).to.equal(normalizeSSA(theirs.out));
      expect(ours.code).to.equal(theirs.code);
    });
  }
});
