// Test support for the passes: run allo-opt in-process and mlir-opt-19 as a process, and compare outputs after
// normalising SSA value names.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/passes";
import { alloOptMain } from "@allo/opt-cli";

/// The mlir-opt-19 binary, or null when it is not installed.
export const mlirOpt: string | null = existsSync("/usr/bin/mlir-opt-19") ? "/usr/bin/mlir-opt-19" : null;

/// The reason a comparison test is skipped when mlir-opt-19 is missing.
export const noMlirOpt = "skipped: mlir-opt-19 not found";

/// Runs allo-opt in-process on `input` with `args`.
export function runAllo(args: readonly string[], input: string): { stdout: string; stderr: string; exitCode: number } {
  return alloOptMain([...args, "-"], () => input);
}

/// Runs mlir-opt-19 on `input` with `args`.
export function runMlir(args: readonly string[], input: string): { stdout: string; stderr: string; exitCode: number } {
  const r = spawnSync(mlirOpt!, [...args, "-"], { input, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr.replace(/mlir-opt-19/g, "allo-opt"), exitCode: r.status ?? (r.signal !== null ? 128 : 1) };
}

/// Renames SSA values (`%foo`, `%0`, `%arg1`) and block labels in order of first appearance per top-level
/// line group, so that outputs differing only in value names compare equal.
export function normalizeSSA(text: string): string {
  const names = new Map<string, string>();
  const blocks = new Map<string, string>();
  return text
    .replace(/%[A-Za-z_0-9$.-]+(#\d+)?/g, (m) => {
      let n = names.get(m);
      if (n === undefined) { n = `%v${names.size}`; names.set(m, n); }
      return n;
    })
    .replace(/\^[A-Za-z_0-9$.-]+/g, (m) => {
      let n = blocks.get(m);
      if (n === undefined) { n = `^b${blocks.size}`; blocks.set(m, n); }
      return n;
    });
}

