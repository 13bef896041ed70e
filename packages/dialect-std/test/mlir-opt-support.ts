// Shared helpers of the dialect tests: our parse/print as mlir-opt runs it, mlir-opt-19 itself, the corpus path.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseString, printOp, type Diagnostic } from "@allo/ir-core";

export const mlirOpt = "/usr/bin/mlir-opt-19";
export const hasMlirOpt = existsSync(mlirOpt);
export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus/mlir");

/// Skips the test (with the reason) when mlir-opt-19 is absent.
export function requireMlirOpt(ctx: Mocha.Context): void {
  if (hasMlirOpt) return;
  Object.assign(ctx.test ?? {}, { skipReason: "skipped: mlir-opt-19 not found" });
  console.log("      skipped: mlir-opt-19 not found");
  ctx.skip();
}

/// Flags of `ours`/`theirs`.
export interface Opts { generic?: boolean; split?: boolean; allowUnregistered?: boolean }

/// Parses, verifies and prints like `mlir-opt [--split-input-file] [--mlir-print-op-generic]`.
export function ours(text: string, o: Opts = {}): { out: string; diags: Diagnostic[] } {
  const chunks = o.split ? text.split(/^\/\/ -----[ \t]*$/m) : [text];
  const diags: Diagnostic[] = [];
  const outs = chunks.map((c) => {
    const r = parseString(c, "input.mlir", { allowUnregistered: o.allowUnregistered ?? false });
    if (!r.ok) { diags.push(...r.diagnostics); return ""; }
    return printOp(r.op, { generic: o.generic ?? false }) + "\n";
  });
  return { out: outs.join("// -----\n"), diags };
}

/// mlir-opt-19 with the same flags (stdin to stdout).
export function theirs(text: string, o: Opts = {}): string {
  const flags = [o.split ? "--split-input-file" : "", o.allowUnregistered ? "--allow-unregistered-dialect" : "", o.generic ? "--mlir-print-op-generic" : ""];
  const p = spawnSync(mlirOpt, [...flags.filter(Boolean), "-"], { input: text, encoding: "utf8" });
  expect(p.status, p.stderr).to.equal(0);
  return p.stdout;
}

/// Declares the verifier-diagnostic tests of `dialect`: each `[name, input, message]` case fails with `message`
/// as its first diagnostic, and mlir-opt-19 reports the same error.
export function describeInvalid(dialect: string, cases: readonly (readonly [string, string, string])[]): void {
  describe(`${dialect}: verifier diagnostics`, () => {
    for (const [name, text, message] of cases) {
      it(name, () => {
        const r = parseString(text, "input.mlir");
        expect(r.ok, "expected a diagnostic").to.equal(false);
        if (!r.ok) expect(r.diagnostics[0].message).to.equal(message);
      });
    }
    it("mlir-opt-19 reports the same first errors", function () {
      requireMlirOpt(this);
      for (const [name, text, message] of cases) {
        const p = spawnSync(mlirOpt, ["-"], { input: text, encoding: "utf8" });
        expect(p.stderr, name).to.include(`error: ${message}`);
      }
    });
  });
}
