// Test helpers: parse/print MLIR chunks as mlir-opt does, run mlir-opt-19, read expected-error lines.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseString, printOp, type Diagnostic } from "@allo/ir-core";
import "@allo/dialect-std";
import "@allo/dialect-affine";
import { skipWithReason } from "../../../test/tools/requires.js";

/// The directory of the package's test inputs.
export const inputsDir = join(dirname(fileURLToPath(import.meta.url)), "inputs");
/// The shared MLIR corpus (beside the repository), if present.
export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus/mlir");
/// mlir-opt-19, if installed.
export const mlirOpt = "/usr/bin/mlir-opt-19";
export const hasMlirOpt = existsSync(mlirOpt);

/// Skips the running test with the project's message ("skipped: mlir-opt-19 not found") when mlir-opt-19 is missing.
export function requireMlirOpt(ctx: Mocha.Context): void {
  if (!hasMlirOpt) skipWithReason(ctx, "skipped: mlir-opt-19 not found");
}

/// One `// -----` chunk of a file with the line it starts at.
export interface Chunk { text: string; firstLine: number }

/// Splits at `// -----` lines as `--split-input-file` does.
export function splitChunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  const re = /^\/\/ -----[ \t]*$/gm;
  let start = 0, line = 1, m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ text: text.slice(start, m.index), firstLine: line });
    line += text.slice(start, m.index + m[0].length).split("\n").length - 1;
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), firstLine: line });
  return out;
}

/// Options of our pipeline.
export interface RunOptions { generic?: boolean; allowUnregistered?: boolean; split?: boolean }

/// Parses, verifies and prints `text` as `mlir-opt [--split-input-file] [--mlir-print-op-generic]` prints it.
export function ours(text: string, o: RunOptions = {}): { out: string; diags: Diagnostic[] } {
  const chunks = o.split ? splitChunks(text) : [{ text, firstLine: 1 }];
  const outs: string[] = [];
  const diags: Diagnostic[] = [];
  for (const c of chunks) {
    const r = parseString(c.text, "input.mlir", { allowUnregistered: o.allowUnregistered ?? false, firstLine: c.firstLine });
    if (!r.ok) { diags.push(...r.diagnostics); outs.push(""); continue; }
    outs.push(printOp(r.op, { generic: o.generic ?? false }) + "\n");
  }
  return { out: outs.join("// -----\n"), diags };
}

/// Runs mlir-opt-19 on `text`; returns stdout, stderr and the exit status.
export function runMlirOpt(text: string, flags: readonly string[]): { out: string; err: string; status: number } {
  const p = spawnSync(mlirOpt, [...flags, "-"], { input: text, encoding: "utf8", maxBuffer: 1 << 26 });
  return { out: p.stdout, err: p.stderr, status: p.status ?? -1 };
}

/// mlir-opt flags matching `o`.
export function mlirFlags(o: RunOptions): string[] {
  const f: string[] = [];
  if (o.split) f.push("--split-input-file");
  if (o.allowUnregistered) f.push("--allow-unregistered-dialect");
  if (o.generic) f.push("--mlir-print-op-generic");
  return f;
}

/// An `expected-error` annotation: the line it applies to and the message substring.
export interface Expectation { line: number; message: string }

/// Reads `// expected-error@+1 {{...}}`, `@-N`, `@below`, `@above` and same-line forms of a chunk (absolute lines).
export function expectations(c: Chunk): Expectation[] {
  const out: Expectation[] = [];
  const lines = c.text.split("\n");
  lines.forEach((l, i) => {
    const m = /expected-error\s*(@[+-]\d+|@below|@above)?\s*\{\{(.*)\}\}/.exec(l);
    if (m === null) return;
    let target = i;
    const at = m[1];
    if (at === "@below") { target = i + 1; while (target < lines.length && lines[target].trim().startsWith("//")) target++; }
    else if (at === "@above") target = i - 1;
    else if (at !== undefined) target = i + Number(at.slice(1));
    out.push({ line: target + c.firstLine, message: m[2] });
  });
  return out;
}

/// The 1-based line of a diagnostic.
export function diagLine(d: Diagnostic): number {
  if (d.loc.buffer !== null) return d.loc.buffer.lineCol(d.loc.start).line;
  return d.loc.line;
}

// ---- a test-only replica of mlir-opt's --test-constant-fold (MLIR's OperationFolder), to compare folders ----

import { getDictionaryAttr, Operation as Op, registry, Trait, walk, type Attribute, type Region, type Value } from "@allo/ir-core";

function insertionRegion(op: Op): Region {
  let block = op.parent!;
  for (;;) {
    const region = block.parent!;
    const parentOp = region.parent!;
    if (parentOp.def === null || parentOp.hasTrait(Trait.IsolatedFromAbove) || parentOp.parent === null) return region;
    block = parentOp.parent;
  }
}

function dialectOf(op: Op): string { return op.name.slice(0, op.name.indexOf(".")); }

/// Folds every op of `root` as `mlir-opt --test-constant-fold` does: ops in reverse pre-order, constants
/// materialized (as arith.constant) and uniqued at the start of their insertion region, unused ones erased.
export function testConstantFold(root: Op): void {
  const ops: Op[] = [];
  walk(root, (o) => ops.push(o), "pre");
  const owned = new Set<Op>();
  const scopes = new Map<Region, Map<string, Op>>();
  const constDef = registry.lookupOp("arith.constant")!;
  const constantOf = (v: Value): Attribute | null => {
    const d = v.definingOp;
    return d !== null && d.hasTrait(Trait.ConstantLike) ? d.getAttr("value") : null;
  };
  for (const op of ops.reverse()) {
    if (op.parent === null) continue;
    if (owned.has(op)) {
      const b = op.parent;
      if (b.firstOp !== op && !owned.has(op.prev!)) { op.remove(); b.insertBefore(op, b.firstOp); }
      continue;
    }
    const fold = op.def?.fold ?? null;
    if (fold === null) continue;
    const results = fold(op, op.operandValues().map(constantOf));
    if (results === null) continue;
    if (results.length === op.results.length && results.every((r, i) => r === op.results[i])) continue;
    const region = insertionRegion(op);
    let scope = scopes.get(region);
    if (scope === undefined) { scope = new Map(); scopes.set(region, scope); }
    const values: Value[] = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (!("kind" in r && "id" in r && !("valueKind" in r))) { values.push(r as Value); continue; }
      const attr = r as Attribute;
      const type = op.results[i].type;
      const keys = [`${dialectOf(op)}|${attr.id}|${type.id}`, `arith|${attr.id}|${type.id}`];
      let c = scope.get(keys[0]) ?? scope.get(keys[1]) ?? null;
      if (c === null) {
        c = new Op({ name: "arith.constant", def: constDef, resultTypes: [type], props: getDictionaryAttr([{ name: "value", value: attr }]) });
        const entry = region.entry;
        entry.insertBefore(c, entry.firstOp);
        owned.add(c);
      }
      for (const k of keys) scope.set(k, c);
      const b = op.parent;
      if (b === c.parent && b.firstOp !== c) { c.remove(); b.insertBefore(c, b.firstOp); }
      values.push(c.results[0]);
    }
    op.results.forEach((res, i) => res.replaceAllUsesWith(values[i]));
    op.erase();
  }
  for (const c of owned) if (c.parent !== null && c.results[0].useEmpty) c.erase();
}
