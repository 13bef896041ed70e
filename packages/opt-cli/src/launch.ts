// Starts a tool from its bundle: one CommonJS file per tool (dist/bundle/<tool>.cjs, made by scripts/bundle.mjs)
// compiled with a V8 code cache taken after a warm-up run, which halves start-up (no ESM resolution of ~150
// modules, no compiling of the functions the warm-up ran). When a TypeScript build is newer than the bundle, the
// tool runs from its ESM entry instead, so a `tsc -b` without `npm run build` never runs stale code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/// The tools the bin/ launchers start.
export type ToolName = "allo-opt" | "allo-translate" | "allo-run";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/// Where the bundle of `tool` and its code cache live.
export function bundlePaths(tool: ToolName): { readonly file: string; readonly cache: string } {
  const file = join(packageDir, "dist", "bundle", `${tool}.cjs`);
  return { file, cache: `${file}.cache` };
}

/// Whether `bundleFile` exists and was written after the last TypeScript build of every package under `packagesDir`
/// (`tsc -b` rewrites a package's tsconfig.tsbuildinfo only when it rebuilds the package).
export function bundleIsFresh(bundleFile: string, packagesDir: string = dirname(packageDir)): boolean {
  let built: number;
  try {
    built = statSync(bundleFile).mtimeMs;
  } catch {
    return false;
  }
  for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const info = statSync(join(packagesDir, entry.name, "tsconfig.tsbuildinfo"), { throwIfNoEntry: false });
    if (info !== undefined && info.mtimeMs > built) return false;
  }
  return true;
}

/// A compiled bundle: `cacheRejected` tells whether V8 refused the code cache (another node version or V8 flags);
/// `run` executes the tool once, reading `process.argv` as its command line.
export interface CompiledBundle {
  readonly script: Script;
  readonly cacheRejected: boolean;
  run(): void;
}

/// Compiles the bundle of `tool` as a CommonJS module, with its code cache unless `withCache` is false.
export function compileBundle(tool: ToolName, withCache = true): CompiledBundle {
  const { file, cache } = bundlePaths(tool);
  const text = readFileSync(file, "utf8");
  const body = text.startsWith("#!") ? `//${text.slice(2)}` : text; // the entry's hashbang line
  const source = `(function (exports, require, module, __filename, __dirname) {${body}\n})`;
  let cachedData: Buffer | undefined;
  if (withCache) {
    try {
      cachedData = readFileSync(cache);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(source, { filename: file, cachedData });
  return {
    script,
    cacheRejected: cachedData === undefined || script.cachedDataRejected === true,
    run() {
      const module = { exports: {} };
      (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
    },
  };
}

/// Runs `tool` with `process.argv`: from its bundle when fresh, else from the TypeScript build's ESM entry.
export async function launch(tool: ToolName): Promise<void> {
  if (bundleIsFresh(bundlePaths(tool).file)) compileBundle(tool).run();
  else await import(`./${tool}.js`);
}
