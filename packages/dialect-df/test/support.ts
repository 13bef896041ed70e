// Test support shared by the df and hw tests: round trips, mlir-opt-19 conformance, split files with expected-error lines.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { parseString, printOp, registry, renderDiagnostic, type Diagnostic, type Operation } from "@allo/ir-core";
import { repoRoot } from "../../../test/tools/paths.js";
import { findTool, skipWithReason } from "../../../test/tools/requires.js";

/// The repository root.
export const root = repoRoot();

/// Reads a file of the repository.
export function repoFile(...parts: string[]): string {
  return readFileSync(join(root, ...parts), "utf8");
}

/// Parses and verifies `text` (registered dialects only unless `allowUnregistered`), failing the test on errors.
export function parseOk(text: string, name = "t.mlir", allowUnregistered = false): Operation {
  const r = parseString(text, name, { allowUnregistered });
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join(""));
  return r.op;
}

/// The first diagnostic of parsing and verifying `text`; fails the test when there is none.
export function firstError(text: string, allowUnregistered = false): Diagnostic {
  const r = parseString(text, "t.mlir", { allowUnregistered });
  if (r.ok) throw new Error("expected an error, but the input parsed and verified");
  return r.diagnostics[0];
}

/// Checks the round trips of a file: custom print is a fixed point, generic print re-parses to the same custom print.
/// Returns the custom and generic prints.
export function checkRoundTrips(text: string, name: string): { custom: string; generic: string } {
  const op = parseOk(text, name);
  const custom = printOp(op);
  const generic = printOp(op, { generic: true });
  expect(printOp(parseOk(custom, name + " (custom print)")), "custom -> custom is a fixed point").to.equal(custom);
  expect(printOp(parseOk(generic, name + " (generic print)")), "custom -> generic -> custom").to.equal(custom);
  expect(printOp(parseOk(generic, name + " (generic print)"), { generic: true }), "generic -> generic").to.equal(generic);
  return { custom, generic };
}

/// The mlir-opt-19 executable, or null.
export function mlirOpt(): string | null {
  return findTool("/usr/bin/mlir-opt-19") ?? findTool("mlir-opt-19");
}

/// Runs mlir-opt-19 --allow-unregistered-dialect (with `extra` flags) on `input`; skips the test when it is absent.
export function runMlirOpt(ctx: Mocha.Context, input: string, extra: readonly string[] = []): { status: number; stdout: string; stderr: string } {
  const tool = mlirOpt();
  if (tool === null) skipWithReason(ctx, "skipped: mlir-opt-19 not found");
  const r = spawnSync(tool, ["--allow-unregistered-dialect", ...extra, "-"], { input, encoding: "utf8" });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/// Asserts that mlir-opt-19 accepts a generic print and prints it back byte for byte in generic form.
export function checkMlirOptAccepts(ctx: Mocha.Context, generic: string): void {
  const r = runMlirOpt(ctx, generic, ["--mlir-print-op-generic"]);
  expect(r.stderr, "mlir-opt-19 diagnostics").to.equal("");
  expect(r.status).to.equal(0);
  // mlir-opt ends its output with one more newline than printOp (allo-opt adds it too).
  expect(r.stdout, "mlir-opt-19 reprints the generic form unchanged").to.equal(generic + "\n");
}

/// One `// -----` chunk of a lit file with its `expected-error` designators (lines relative to the chunk).
export interface Chunk {
  readonly text: string;
  /// Line of the chunk's first line in the whole file.
  readonly firstLine: number;
  readonly expected: { readonly line: number; readonly message: string }[];
}

/// Splits a `--split-input-file` lit file and reads its `expected-error@+N {{...}}` lines.
export function splitChunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  let line = 1;
  for (const part of text.split(/^\/\/ -----[ \t]*$/m)) {
    const lines = part.split("\n");
    const expected: { line: number; message: string }[] = [];
    lines.forEach((l, i) => {
      const m = /expected-error(?:@([+-][0-9]+|above|below))?\s*\{\{(.*)\}\}/.exec(l);
      if (m === null) return;
      let at = i + 1;
      if (m[1] === "above") at -= 1;
      else if (m[1] === "below") at += 1;
      else if (m[1] !== undefined) at += Number(m[1]);
      expected.push({ line: at, message: m[2] });
    });
    out.push({ text: part, firstLine: line, expected });
    line += lines.length - 1;
  }
  return out;
}

/// The line (within its buffer) a diagnostic points at.
export function diagLine(d: Diagnostic): number {
  return d.loc.buffer !== null ? d.loc.buffer.lineCol(d.loc.start).line : d.loc.line;
}

/// Dialect names a chunk uses beyond the given ones (e.g. `arith` before dialect-std registers it).
export function missingDialects(text: string): string[] {
  const used = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s"])([a-z_]+)\.[a-z_]+/gm)) if (!/^(df|hw|func|builtin)$/.test(m[1])) used.add(m[1]);
  return [...used].filter((d) => ["arith", "memref", "scf", "affine", "linalg"].includes(d) && !registry.hasDialect(d));
}

/// Defines one mocha test per chunk of a verify-diagnostics lit file: the chunk fails with exactly its expected errors
/// at the expected lines. Returns a function that, after the tests ran, gives every diagnostic code seen.
export function defineInvalidTests(file: string): () => Set<number> {
  const seen = new Set<number>();
  const text = repoFile(file);
  for (const chunk of splitChunks(text)) {
    if (chunk.expected.length === 0) continue;
    const title = `line ${chunk.firstLine}: ${chunk.expected.map((e) => e.message).join("; ")}`;
    it(title, function () {
      const missing = missingDialects(chunk.text);
      if (missing.length) skipWithReason(this, `skipped: dialect ${missing.join(", ")} not registered yet`);
      const r = parseString(chunk.text, file, { allowUnregistered: false });
      expect(r.ok, "the chunk must fail").to.equal(false);
      const diags = r.ok ? [] : r.diagnostics;
      for (const d of diags) seen.add(d.code);
      const got = diags.map((d) => ({ line: diagLine(d), message: d.message }));
      for (const e of chunk.expected) {
        expect(got.some((g) => g.line === e.line && g.message.includes(e.message)), `expected at line ${e.line}: ${e.message}\ngot: ${JSON.stringify(got)}`).to.equal(true);
      }
      expect(got.length, `unexpected diagnostics: ${JSON.stringify(got)}`).to.equal(chunk.expected.length);
    });
  }
  return () => seen;
}

/// Registers the dialects the spec's programs use besides df and hw: dialect-std (func, arith, memref, scf, linalg)
/// and, once it exports its ops, dialect-affine. Missing ones make the tests that need them skip.
export async function loadStdDialects(): Promise<void> {
  await import("@allo/dialect-std");
  try {
    await import("@allo/dialect-affine" as string);
  } catch {
    // not built yet: tests needing affine skip with a reason
  }
}

/// True if `path` (relative to the repository root) exists.
export function repoHas(...parts: string[]): boolean {
  return existsSync(join(root, ...parts));
}
