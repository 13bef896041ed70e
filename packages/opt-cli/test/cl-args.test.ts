// allo-opt's command line follows llvm::cl as mlir-opt-19's does: boolean spellings, options that require a value,
// optional values (`--split-input-file[=marker]`), enumerated values and pass names, `--no-implicit-module` beside pass
// flags; and `--split-input-file` splits, warns about near misses and joins outputs as mlir-opt-19 does.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import "../src/dialects.js";
import "@allo/passes";
import { alloOptMain } from "../src/allo-opt-main.js";

const fn = "func.func @f(%a: i32) -> i32 {\n  %c0 = arith.constant 0 : i32\n  %x = arith.addi %a, %c0 : i32\n  return %x : i32\n}\n";
const body = (name: string) => `func.func @${name}() {\n  return\n}\n`;

interface Case { readonly args: string[]; readonly input?: string; readonly status: number; readonly stderr: string | RegExp }

const cases: Case[] = [
  { args: ["-o"], status: 1, stderr: "allo-opt: for the -o option: requires a value!\n" },
  { args: ["-p"], status: 1, stderr: "allo-opt: for the -p option: requires a value!\n" },
  { args: ["--pass-pipeline"], status: 1, stderr: "allo-opt: for the --pass-pipeline option: requires a value!\n" },
  { args: ["--mlir-timing-display"], status: 1, stderr: "allo-opt: for the --mlir-timing-display option: requires a value!\n" },
  { args: ["--mlir-timing-display=bogus"], status: 1, stderr: "allo-opt: for the --mlir-timing-display option: Cannot find option named 'bogus'!\n" },
  { args: ["--mlir-print-ir-after="], status: 1, stderr: "allo-opt: for the --mlir-print-ir-after option: Cannot find option named ''!\n" },
  { args: ["--mlir-print-ir-before=foo"], status: 1, stderr: "allo-opt: for the --mlir-print-ir-before option: Cannot find option named 'foo'!\n" },
  { args: ["--verify-diagnostics=yes"], status: 1, stderr: "allo-opt: for the --verify-diagnostics option: 'yes' is invalid value for boolean argument! Try 0 or 1\n" },
  { args: ["--help=1"], status: 1, stderr: "allo-opt: for the --help option: does not allow a value! '1' specified.\n" },
  { args: ["--no-verify-each"], status: 1, stderr: "allo-opt: Unknown command line argument '--no-verify-each'.  Try: 'allo-opt --help'\nallo-opt: Did you mean '--verify-each'?\n" },
  { args: ["--verify-each=0", "--mlir-print-op-generic=TRUE", "--mlir-print-debuginfo=False"], status: 0, stderr: "" },
  { args: ["--mlir-print-op-generic=1"], status: 0, stderr: "" },
  // Integer options as llvm::cl reads them (radix prefixes, a leading 0 for octal, the parser's range).
  { args: ["--mlir-elide-elementsattrs-if-larger"], status: 1, stderr: "allo-opt: for the --mlir-elide-elementsattrs-if-larger option: requires a value!\n" },
  { args: ["--mlir-elide-elementsattrs-if-larger=08"], status: 1, stderr: "allo-opt: for the --mlir-elide-elementsattrs-if-larger option: '08' value invalid for uint argument!\n" },
  { args: ["--mlir-elide-elementsattrs-if-larger=-1"], status: 1, stderr: "allo-opt: for the --mlir-elide-elementsattrs-if-larger option: '-1' value invalid for uint argument!\n" },
  { args: ["--mlir-elide-elementsattrs-if-larger=4294967296"], status: 1, stderr: "allo-opt: for the --mlir-elide-elementsattrs-if-larger option: '4294967296' value invalid for uint argument!\n" },
  { args: ["--mlir-print-elementsattrs-with-hex-if-larger=x"], status: 1, stderr: "allo-opt: for the --mlir-print-elementsattrs-with-hex-if-larger option: 'x' value invalid for long argument!\n" },
  { args: ["--mlir-elide-elementsattrs-if-larger", "0b1", "--mlir-print-elementsattrs-with-hex-if-larger=-7"], input: "func.func @f() -> tensor<2xi8> {\n  %c = arith.constant dense<[1, 2]> : tensor<2xi8>\n  return %c : tensor<2xi8>\n}\n", status: 0, stderr: "" },
  { args: ["--mlir-print-elementsattrs-with-hex-if-larger=010"], input: "func.func @f() -> tensor<9xi8> {\n  %c = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8, 9]> : tensor<9xi8>\n  return %c : tensor<9xi8>\n}\n", status: 0, stderr: "" },
  {
    args: ["--mlir-print-op-on-diagnostic=false"], input: "func.func @f() -> i32 {\n  %0 = \"arith.addi\"() : () -> i32\n  return %0 : i32\n}\n", status: 1,
    stderr: "<input>:2:8: error: 'arith.addi' op expected 2 operands, but found 0\n  %0 = \"arith.addi\"() : () -> i32\n       ^\n",
  },
  { args: ["--mlir-print-skip-regions", "--mlir-print-op-generic"], status: 0, stderr: "" },
  { args: ["--no-implicit-module", "--canonicalize"], status: 0, stderr: "" },
  { args: ["--cse", "--no-implicit-module", "-o", "-"], status: 0, stderr: "" },
  { args: ["--split-input-file="], status: 0, stderr: "" },
  { args: ["--split-input-file"], input: "", status: 0, stderr: "" },
  { args: ["--split-input-file", "--output-split-marker=// =="], input: body("a") + "// -----\n" + body("b"), status: 0, stderr: "" },
  { args: ["--split-input-file=// ====="], input: body("a") + "// =====\n" + body("b") + "// -----\n" + body("c"), status: 0, stderr: "" },
  {
    // Six dashes split (the chunk then starts with `-`), four and `-----0` are near misses, as is a marker at the very end.
    args: ["--split-input-file"], input: body("a") + "// ------\n" + body("b") + "// ----\n" + body("c") + "// -----0\n" + body("d") + "// -----",
    status: 1, stderr: /^<input>:8:7: warning: near miss with file split marker\n\/\/ ----\n {6}\^\n<input>:12:7: warning: near miss/,
  },
];

describe("allo-opt command line as llvm::cl", () => {
  let dir = "";
  before(() => { dir = mkdtempSync(join(tmpdir(), "allo-cl-")); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of cases) {
    it(`${JSON.stringify(c.args)}${c.input !== undefined ? ` on ${JSON.stringify(c.input.slice(0, 30))}...` : ""}`, function () {
      const file = join(dir, "input.mlir");
      writeFileSync(file, c.input ?? fn);
      const ours = alloOptMain([file, ...c.args]);
      const stderr = ours.stderr.replaceAll(file, "<input>");
      if (typeof c.stderr === "string") expect(stderr).to.equal(c.stderr);
      else expect(stderr).to.match(c.stderr);
      expect(ours.exitCode).to.equal(c.status);
      const theirs = spawnSync("mlir-opt-19", [file, ...c.args], { encoding: "utf8" });
      if (theirs.error !== undefined) { this.skip(); return; } // skipped: mlir-opt-19 not found
      expect(ours.stdout).to.equal(theirs.stdout);
      expect(ours.stderr).to.equal(theirs.stderr.replaceAll("mlir-opt-19", "allo-opt"));
      expect(ours.exitCode).to.equal(theirs.status);
    });
  }

  it("allo-translate reports an unknown option as llvm::cl does, with the nearest known one", () => {
    const r = spawnSync("node", [join(import.meta.dirname, "../bin/allo-translate.js"), "-", "--mlir-to-hsl"], { input: fn, encoding: "utf8" });
    expect(r.stderr).to.equal("allo-translate: Unknown command line argument '--mlir-to-hsl'.  Try: 'allo-translate --help'\nallo-translate: Did you mean '--mlir-to-hls'?\n");
    expect(r.status).to.equal(1);
  });

  for (const [what, name] of [["a missing input file", "missing.mlir"], ["a directory as input", "."]]) {
    it(`reports ${what} in mlir-opt-19's words`, function () {
      const path = join(dir, name);
      const ours = alloOptMain([path]);
      expect(ours.stderr).to.equal(`cannot open input file '${path}': ${name === "." ? "Is a directory" : "No such file or directory"}\n`);
      expect(ours.exitCode).to.equal(1);
      const theirs = spawnSync("mlir-opt-19", [path], { encoding: "utf8" });
      if (theirs.error !== undefined) { this.skip(); return; } // skipped: mlir-opt-19 not found
      expect(ours.stderr).to.equal(theirs.stderr);
    });
  }
});
