// Tests FileCheck in TypeScript on a table of cases and, where LLVM's FileCheck is installed, against its verdicts and messages.

import { expect } from "chai";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FILECHECK_CASES, type FileCheckCase } from "./fixtures/filecheck-cases.js";
import { runFileCheck } from "./filecheck.js";
import { repoRoot } from "./paths.js";
import { skipIfMissing } from "./requires.js";

const LLVM_FILECHECK = "/usr/lib/llvm-14/bin/FileCheck";
const EXIT: Record<FileCheckCase["expect"], number> = { pass: 0, fail: 1, error: 2 };
const CHECK_FILE = "check.txt";

/// The LLVM command-line switches equivalent to `options`.
function toArgs(options: FileCheckCase["options"] = {}): string[] {
  const args: string[] = [];
  if (options.prefixes) args.push(`--check-prefixes=${options.prefixes.join(",")}`);
  if (options.commentPrefixes) args.push(`--comment-prefixes=${options.commentPrefixes.join(",")}`);
  for (const p of options.implicitCheckNot ?? []) args.push(`--implicit-check-not=${p}`);
  const flags: [keyof NonNullable<FileCheckCase["options"]>, string][] = [
    ["strictWhitespace", "--strict-whitespace"],
    ["matchFullLines", "--match-full-lines"],
    ["ignoreCase", "--ignore-case"],
    ["allowEmpty", "--allow-empty"],
    ["allowUnusedPrefixes", "--allow-unused-prefixes"],
    ["enableVarScope", "--enable-var-scope"],
  ];
  for (const [key, flag] of flags) if (options[key]) args.push(flag);
  return args;
}

function ours(c: Omit<FileCheckCase, "name" | "expect">) {
  return runFileCheck(c.check, c.input, { ...c.options, checkFileName: CHECK_FILE, inputName: "<stdin>" });
}

/// Random small check files, inputs and options for differential testing. Patterns made only of variable uses
/// (`[[X]]`) are left out: LLVM reads uninitialized memory when suggesting a fuzzy match for them.
const randomCase = fc.record({
  check: fc
    .array(
      fc.tuple(
        fc.constantFrom("CHECK", "CHECK-NEXT", "CHECK-SAME", "CHECK-NOT", "CHECK-DAG", "CHECK-LABEL", "CHECK-EMPTY", "CHECK-COUNT-2"),
        fc.constantFrom("a", "b", "a b", "c  a", "a\tb", "{{a|b}}", "{{^}}a", "b{{$}}", "{{[^a]}}", "[[X:[a-c]]]", "=[[X]]", "[[$G:[ab]+]]", "=[[$G]]", "%[[Z:.*]] =", "[[@LINE]]"),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((checks) => checks.map(([d, p]) => (d === "CHECK-EMPTY" ? `${d}:\n` : `${d}: ${p}\n`)).join("")),
  input: fc.array(fc.constantFrom("a", "b", "c", "", "a b", "b a", "  a\tb", "=a", "x =b", "%x = a", "a\r", "1"), { maxLength: 10 }).map((l) => l.map((x) => `${x}\n`).join("")),
  options: fc.record({
    strictWhitespace: fc.boolean(),
    matchFullLines: fc.boolean(),
    ignoreCase: fc.boolean(),
    enableVarScope: fc.boolean(),
    allowEmpty: fc.boolean(),
    implicitCheckNot: fc.subarray(["x =b"]),
  }),
});

describe("FileCheck", function () {
  describe("verdicts", function () {
    for (const c of FILECHECK_CASES) {
      it(c.name, function () {
        const result = ours(c);
        expect(result.exitCode, result.messages.join("")).to.equal(EXIT[c.expect]);
        expect(result.ok).to.equal(c.expect === "pass");
        if (c.expect !== "pass") expect(result.messages, "a failure explains itself").to.not.be.empty;
      });
    }
  });

  describe("messages", function () {
    it("prints LLVM's error, the check line with a caret, and where scanning started", function () {
      const result = runFileCheck("// CHECK: fooo\n", "hello\n  foo   bar\n", { checkFileName: "t.mlir", inputName: "<stdin>" });
      expect(result.messages.join("")).to.equal(
        [
          "t.mlir:1:11: error: CHECK: expected string not found in input",
          "// CHECK: fooo",
          "          ^",
          "<stdin>:1:1: note: scanning from here",
          "hello",
          "^",
          "<stdin>:2:2: note: possible intended match here",
          " foo bar",
          " ^",
          "",
        ].join("\n"),
      );
    });

    it("underlines what a CHECK-NOT found", function () {
      const result = runFileCheck("CHECK: a\nCHECK-NOT: bad\n", "a\nso bad\n", { checkFileName: "c", inputName: "in" });
      expect(result.messages.join("")).to.contain("c:2:12: error: CHECK-NOT: excluded string found in input\n");
      expect(result.messages.join("")).to.contain("in:2:4: note: found here\nso bad\n   ^~~\n");
    });
  });

  describe("command line", function () {
    const root = repoRoot();
    const cli = join(root, "test", "tools", "filecheck-cli.ts");
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), "filecheck-cli-"))));
    after(() => rmSync(dir, { recursive: true, force: true }));

    // Runs from the repository root, where `--import tsx` resolves.
    const run = (args: string[], input: string) => spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { cwd: root, input, encoding: "utf8" });

    it("reads the input from stdin and exits 0 on success", function () {
      writeFileSync(join(dir, "ok.txt"), "CHECK: b\n");
      const r = run([join(dir, "ok.txt")], "a b\n");
      expect(r.stderr).to.equal("");
      expect(r.status).to.equal(0);
    });

    it("takes --check-prefix twice, --input-file and --implicit-check-not, and exits 1 on failure", function () {
      writeFileSync(join(dir, "multi.txt"), "A: a\nB: b\n");
      writeFileSync(join(dir, "input.txt"), "a\nwarning\nb\n");
      const args = ["--check-prefix=A", "--check-prefix", "B", "--input-file", join(dir, "input.txt"), "--implicit-check-not=warning"];
      const r = run([join(dir, "multi.txt"), ...args], "");
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain("command line:1:22: error: B-NOT: excluded string found in input\n-implicit-check-not='warning'\n");
    });

    it("exits 2 on usage errors", function () {
      expect(run([], "").status).to.equal(2);
      expect(run(["x.txt", "--no-such-option"], "").status).to.equal(2);
    });
  });

  describe("agrees with LLVM FileCheck", function () {
    let llvm: string;
    let dir: string;
    before(function () {
      llvm = skipIfMissing(this, LLVM_FILECHECK);
      dir = mkdtempSync(join(tmpdir(), "filecheck-llvm-"));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    /// Runs LLVM FileCheck on a case: its exit status and its messages (without the command-line echo).
    function llvmRun(c: Omit<FileCheckCase, "name" | "expect">): { status: number | null; messages: string } {
      writeFileSync(join(dir, CHECK_FILE), c.check);
      const real = spawnSync(llvm, [CHECK_FILE, "--dump-input=never", ...toArgs(c.options)], { cwd: dir, input: c.input, encoding: "utf8" });
      return { status: real.status, messages: real.stderr.replace(/^FileCheck command line: .*\n/m, "") };
    }

    for (const c of FILECHECK_CASES) {
      it(c.name, function () {
        const real = llvmRun(c);
        expect(real.status, `LLVM FileCheck disagrees with the table:\n${real.messages}`).to.equal(EXIT[c.expect]);
        expect(ours(c).messages.join("")).to.equal(real.messages);
      });
    }

    it("on random check files, inputs and options", function () {
      this.timeout(60_000);
      fc.assert(
        fc.property(randomCase, (c) => {
          const real = llvmRun(c);
          const result = ours(c);
          expect(result.exitCode, JSON.stringify(c)).to.equal(real.status);
          expect(result.messages.join(""), JSON.stringify(c)).to.equal(real.messages);
        }),
        { numRuns: 300 },
      );
    });
  });
});
