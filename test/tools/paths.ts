// Locates the repository root from any test tool, whether run from source (tsx) or from test/dist.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/// The directory holding the root package.json of allo-ts.
export function repoRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "allo-ts") return dir;
    if (dirname(dir) === dir) throw new Error("cannot find the allo-ts repository root");
  }
}
