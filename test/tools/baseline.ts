// Baseline tests: whole outputs written to test/baselines/local and compared with committed test/baselines/reference.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { unifiedDiff } from "./line-diff.js";
import { repoRoot } from "./paths.js";

const ACCEPT_HINT = "run 'npm run baseline:accept' to accept";

/// Where baselines live: `<root>/local` is written by tests, `<root>/reference` is committed.
export function baselineRoot(): string {
  return join(repoRoot(), "test", "baselines");
}

/// Writes `actual` to local/<name> and throws, with a unified diff, unless reference/<name> holds the same text.
/// `name` may contain "/" to group baselines in folders; a missing reference is a failure too.
export function compareBaseline(name: string, actual: string, root = baselineRoot()): void {
  if (isAbsolute(name) || name.split(/[\\/]/).includes("..")) throw new Error(`baseline name must be a relative path inside the baselines folder: ${name}`);
  const local = join(root, "local", name);
  const reference = join(root, "reference", name);
  mkdirSync(dirname(local), { recursive: true });
  writeFileSync(local, actual);
  if (!existsSync(reference)) {
    throw new Error(`baseline ${name}: no reference (new output written to ${local})\n${ACCEPT_HINT}`);
  }
  const expected = readFileSync(reference, "utf8");
  if (expected === actual) return;
  const diff = unifiedDiff(`reference/${name}`, `local/${name}`, expected, actual);
  throw new Error(`baseline ${name} differs from its reference:\n${diff}${ACCEPT_HINT}`);
}
