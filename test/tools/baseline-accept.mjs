// `npm run baseline:accept [-- DIR]`: copies DIR/local (default test/baselines) over DIR/reference and drops references with no local file.

import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "baselines");
const local = join(root, "local");
const reference = join(root, "reference");

/// Relative paths of the files under `dir` ([] when it does not exist).
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/// Removes the empty folders under `dir`, deepest first.
function removeEmptyDirs(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    removeEmptyDirs(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}

const accepted = listFiles(local);
if (accepted.length === 0) {
  console.log("no local baselines: run the tests first");
  process.exit(1);
}
for (const name of accepted) cpSync(join(local, name), join(reference, name));
const keep = new Set(accepted);
const removed = listFiles(reference).filter((name) => !keep.has(name));
for (const name of removed) rmSync(join(reference, name));
removeEmptyDirs(reference);
console.log(`accepted ${accepted.length} baseline(s), removed ${removed.length} stale reference(s)`);
for (const name of removed) console.log(`  removed reference/${name}`);
