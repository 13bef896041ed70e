// Tests the lit runner on throw-away .mlir files whose RUN lines use cat, FileCheck and not in place of the allo tools.

import { expect } from "chai";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { commandWords, defaultTools, expandRunLine, findLitFiles, formatLitFailure, type LitConfig, type LitResult, parseLitScript, runLitFile } from "./lit.js";
import { repoRoot } from "./paths.js";

describe("lit runner", function () {
  this.timeout(30_000);
  const repo = repoRoot();
  let root: string;
  let config: LitConfig;

  before(function () {
    const tools = defaultTools(repo);
    const missing = ["FileCheck", "not"].filter((t) => !existsSync(tools.get(t)!.file));
    if (missing.length > 0) throw new Error(`${missing.join(" and ")} not built: run 'npx tsc -b test' (npm test builds it)`);
    root = mkdtempSync(join(tmpdir(), "lit-runner-"));
    config = { root, tmpDir: join(root, "out"), tools, timeoutMs: 20_000 };
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  /// Writes a lit file under the temporary root and runs it.
  async function run(name: string, text: string): Promise<LitResult> {
    const file = join(root, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return runLitFile(file, config);
  }

  describe("parsing", function () {
    it("reads RUN lines, joins continuations and reads REQUIRES", function () {
      const script = parseLitScript(
        ["// RUN: allo-opt %s \\", "// RUN:   --canonicalize \\", "// RUN: | FileCheck %s", "// REQUIRES: mlir-opt-19, g++", "// RUN: true", "func.func @f()"].join("\n"),
      );
      expect(script.run).to.deep.equal(["allo-opt %s --canonicalize | FileCheck %s", "true"]);
      expect(script.requires).to.deep.equal(["mlir-opt-19", "g++"]);
    });

    it("finds command words after pipes, lists, assignments, redirections and not", function () {
      const words = commandWords(`A=1 allo-opt %s 2>&1 --pass-pipeline='builtin.module(not)' | not filecheck %s && echo "a | b" > %t; (cat %t)`);
      expect(words.map((w) => w.word)).to.deep.equal(["allo-opt", "not", "filecheck", "echo", "cat"]);
    });

    it("substitutes tools in command position only, then %s, %S, %t and %%", function () {
      const file = join(root, "dir", "x.mlir");
      const line = expandRunLine(`allo-opt %s --opt='not FileCheck' | FileCheck %s --check-prefix=A%% && ls %S %t`, file, config);
      const tools = config.tools;
      expect(line).to.equal(
        `${tools.get("allo-opt")!.command} ${file} --opt='not FileCheck' | ${tools.get("FileCheck")!.command} ${file} --check-prefix=A% && ls ${join(root, "dir")} ${join(root, "out", "dir", "x.mlir.tmp")}`,
      );
    });

    it("finds .mlir files outside baselines and Inputs folders", function () {
      for (const d of ["baselines/reference", "sub/Inputs"]) mkdirSync(join(root, "find", d), { recursive: true });
      for (const f of ["b.mlir", "sub/a.mlir", "baselines/reference/c.mlir", "sub/Inputs/e.mlir", "d.txt"]) writeFileSync(join(root, "find", f), "");
      expect(findLitFiles(join(root, "find"))).to.deep.equal([join(root, "find", "b.mlir"), join(root, "find", "sub", "a.mlir")]);
    });
  });

  describe("running", function () {
    it("passes when every RUN line succeeds", async function () {
      const result = await run("pass.mlir", "// RUN: cat %s | FileCheck %s\n// RUN: cat %s | filecheck --check-prefix=OTHER %s\n// CHECK: func.func @f\n// OTHER: return\nfunc.func @f() { return }\n");
      expect(result).to.deep.equal({ status: "pass" });
    });

    it("fails with the RUN line, the exit status and FileCheck's output", async function () {
      const result = await run("fail.mlir", "// RUN: true\n// RUN: cat %s | FileCheck %s\n// CHECK: func.func @{{g}}\nfunc.func @f() { return }\n");
      expect(result.status).to.equal("fail");
      if (result.status !== "fail") return;
      expect(result.runLine).to.equal("cat %s | FileCheck %s");
      expect(result.exitStatus).to.equal("1");
      const report = formatLitFailure(result);
      expect(report).to.contain("RUN: cat %s | FileCheck %s\n");
      expect(report).to.contain("exit status: 1\n");
      expect(report).to.contain(`${join(root, "fail.mlir")}:3:11: error: CHECK: expected string not found in input`);
    });

    it("inverts a status with not", async function () {
      const result = await run("not.mlir", "// RUN: cat %s | not FileCheck --check-prefix=BAD %s\n// BAD: {{miss}}ing\n");
      expect(result).to.deep.equal({ status: "pass" });
    });

    it("runs with pipefail", async function () {
      const result = await run("pipefail.mlir", "// RUN: false | cat\n");
      expect(result.status).to.equal("fail");
    });

    it("gives each file its own %t and runs in the file's folder (%S)", async function () {
      writeFileSync(join(root, "data.txt"), "payload\n");
      const result = await run("temp.mlir", "// RUN: cat %S/data.txt > %t && cat data.txt >> %t\n// RUN: FileCheck %s --input-file %t\n// CHECK: payload\n// CHECK-NEXT: payload\n");
      expect(result).to.deep.equal({ status: "pass" });
    });

    it("skips a file whose RUN line names a missing tool", async function () {
      const result = await run("missing.mlir", "// RUN: no-such-tool-1234 %s | FileCheck %s\n");
      expect(result).to.deep.equal({ status: "skip", reason: "skipped: no-such-tool-1234 not found" });
    });

    it("skips a file that REQUIRES a missing tool", async function () {
      const result = await run("requires.mlir", "// REQUIRES: no-such-tool-5678\n// RUN: true\n");
      expect(result).to.deep.equal({ status: "skip", reason: "skipped: no-such-tool-5678 not found" });
    });

    it("skips a file using an allo tool that is not built", async function () {
      const tools = new Map(config.tools).set("allo-opt", { command: "cat", file: join(root, "absent.js") });
      writeFileSync(join(root, "unbuilt.mlir"), "// RUN: allo-opt %s | FileCheck %s\n");
      const result = await runLitFile(join(root, "unbuilt.mlir"), { ...config, tools });
      expect(result).to.deep.equal({ status: "skip", reason: "skipped: allo-opt not found" });
    });

    it("kills a RUN line, pipeline included, at the time limit", async function () {
      writeFileSync(join(root, "slow.mlir"), "// RUN: sleep 20 | cat\n");
      const started = Date.now();
      const result = await runLitFile(join(root, "slow.mlir"), { ...config, timeoutMs: 300 });
      expect(result.status === "fail" && result.exitStatus).to.equal("killed after the time limit of 300 ms");
      expect(Date.now() - started).to.be.below(5_000);
    });

    it("fails a file without RUN lines", async function () {
      const result = await run("norun.mlir", "// CHECK: x\n");
      expect(result.status).to.equal("fail");
    });
  });
});
