// The allo-opt binary's plain-command-line parser agrees with yargs (which alloOptMain uses) or declines.
import { expect } from "chai";
import yargs from "yargs";
import "@allo/passes";
import { flags, type ParsedArgs } from "../src/opt-flags.js";
import { checkClArgs } from "../src/cl-args.js";
import { normalizeArgs } from "../src/io.js";
import { parseSimpleArgs } from "../src/simple-args.js";

function viaYargs(args: string[]): ParsedArgs {
  const checked = checkClArgs("allo-opt", args, flags, new Map([["p", "pass-pipeline"]]));
  if ("error" in checked) throw new Error(checked.error);
  let y = yargs(checked.args).help(false).version(false).parserConfiguration({ "boolean-negation": false }).exitProcess(false);
  for (const f of flags) y = y.option(f.name, { type: f.type, default: f.def, ...(f.choices !== undefined ? { choices: f.choices.map((c) => c[0]) } : {}) });
  return y.strictOptions().parseSync() as ParsedArgs;
}

/// The parts of parsed arguments allo-opt reads: positionals as strings and every flag's value.
function relevant(a: ParsedArgs): unknown[] {
  return [a._.map(String), ...flags.map((f) => [f.name, a[f.name] ?? null])];
}

describe("allo-opt plain command lines", () => {
  const plain = [
    ["x.mlir"], ["x.mlir", "-o", "/dev/null"], ["--allow-unregistered-dialect", "x.mlir", "-o", "y"], ["-", "-o", "out.mlir"], ["-"], [],
    ["x.mlir", "--mlir-print-op-generic", "--mlir-print-debuginfo"], ["--pass-pipeline=builtin.module(cse)", "x"],
    ["-p", "builtin.module(cse)", "x"], ["x", "--mlir-timing", "--mlir-timing-display=list"], ["x", "--mlir-timing-display", "tree"],
    ["x", "-o", "a", "-o", "b"], ["x", "--split-input-file", "--split-input-file"], ["--split-input-file", "x"], ["x", "--split-input-file=// ====="], ["-mlir-print-op-generic", "./x.mlir"],
    ["x", "--mlir-print-ir-after=cse", "--mlir-print-ir-after", "canonicalize"], ["x", "--o", "y"], ["a", "b"],
  ];
  for (const args of plain) {
    it(`parses ${JSON.stringify(args)} as yargs does`, () => {
      const n = normalizeArgs(args);
      const mine = parseSimpleArgs(n);
      expect(mine).to.not.equal(null);
      expect(relevant(mine!)).to.deep.equal(relevant(viaYargs(n)));
    });
  }

  const other = [
    ["x", "-o", "-"], ["x", "--verify-each=false"], ["x", "--no-verify-each"], ["0123"], ["x", "--mlir-timing-display=bad"],
    ["x", "--", "y"], ["x", "-o"], ["x", "--canonicalize"], ["x", "--mlir-print-ir-after=no-such-pass"], ["x", "--help"], ["x", "-h"], ["x", "--unknown-flag"],
  ];
  for (const args of other) {
    it(`leaves ${JSON.stringify(args)} to yargs`, () => expect(parseSimpleArgs(normalizeArgs(args))).to.equal(null));
  }
});
