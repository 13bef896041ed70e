// Shared helpers of the target-hls tests: parsing with every dialect, emitting, compiling with g++.
import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import "@allo/passes";
import * as core from "@allo/ir-core";
import { parseString, printOpGeneric, renderDiagnostic, type Diagnostic, type Operation } from "@allo/ir-core";
import { defaultIncludeDir, emitHls, type HlsEmitOptions, type HlsEmitResult } from "@allo/target-hls";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/// This package's directory.
export const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
/// The hand-lowered hw inputs.
export const INPUTS = join(PACKAGE, "test", "inputs");
/// The spec examples (df programs).
export const EXAMPLES = fileURLToPath(new URL("../../../../shared/spec/examples", import.meta.url));

/// Parses and verifies MLIR text; throws with rendered diagnostics if it is invalid.
export function parse(text: string, name = "<test>"): Operation {
  const r = parseString(text, name);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => renderDiagnostic(d)).join(""));
  return r.op;
}

/// Parses a file.
export function parseFile(path: string): Operation {
  return parse(readFileSync(path, "utf8"), path);
}

/// Emits `op`; throws with the diagnostics if emission failed.
export function emitOk(op: Operation, options: HlsEmitOptions = {}): HlsEmitResult {
  const r = emitHls(op, options);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => renderDiagnostic(d)).join(""));
  return r;
}

/// Renders diagnostics as the CLI does.
export function render(ds: readonly Diagnostic[]): string {
  return ds.map((d) => renderDiagnostic(d)).join("");
}

/// The warning flags the emitted C++ must be clean under (stricter than C-simulation's -Wall -Werror).
export const STRICT_FLAGS = ["-std=c++17", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Wshadow", "-Wno-unknown-pragmas"];

/// Compiles `cpp` (an object file only, no main) and returns g++'s status and diagnostics.
export function compileCpp(cpp: string, flags: readonly string[] = STRICT_FLAGS): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "allo-hls-test-"));
  try {
    writeFileSync(join(dir, "kernel.cpp"), cpp);
    const r = spawnSync("g++", [...flags, "-I", defaultIncludeDir(), "-c", "kernel.cpp", "-o", "kernel.o"], { cwd: dir, encoding: "utf8" });
    return { status: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// True if the pass registry has the `df-to-hw` pipeline.
export function hasDfToHw(): boolean {
  const c = core as unknown as { lookupPass?: (n: string) => unknown; parsePassPipeline?: (t: string) => { ok: boolean } };
  if (typeof c.parsePassPipeline !== "function") return false;
  return c.parsePassPipeline("builtin.module(df-to-hw)").ok;
}

interface PassApi {
  parsePassPipeline(text: string): { ok: true; pm: unknown } | { ok: false; error: { render(tool: string): string } };
  PassManager: new (anchor: string | null, nesting: number, options: { printOpOnDiagnostic: (op: Operation) => string }) => {
    setPipeline(pm: unknown): { run(op: Operation, emit: (d: Diagnostic) => void): boolean };
  };
  Nesting: { Explicit: number };
}

/// Runs `df-to-hw` on `module` in place; throws with the diagnostics on failure.
export function lowerToHw(module: Operation): void {
  const api = core as unknown as PassApi;
  const parsed = api.parsePassPipeline("builtin.module(df-to-hw)");
  if (!parsed.ok) throw new Error(parsed.error.render("test"));
  const pm = new api.PassManager("builtin.module", api.Nesting.Explicit, { printOpOnDiagnostic: printOpGeneric }).setPipeline(parsed.pm);
  const diags: Diagnostic[] = [];
  if (!pm.run(module, (d) => diags.push(d))) throw new Error(render(diags));
}
