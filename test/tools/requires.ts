// Finds external tools and skips mocha tests, with a recorded reason, when one is missing.

import { accessSync, constants, statSync } from "node:fs";
import { basename, delimiter, join } from "node:path";

/// The property under which a skip reason is stored on a mocha test or suite (read by summary-reporter.cjs).
export const SKIP_REASON = "skipReason";

const found = new Map<string, string | null>();

/// Resolves `tool` (a name searched on PATH, or a path containing "/") to an executable file, or null.
export function findTool(tool: string): string | null {
  let path = found.get(tool);
  if (path === undefined) {
    const candidates = tool.includes("/") ? [tool] : (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((d) => join(d, tool));
    path = candidates.find(isExecutable) ?? null;
    found.set(tool, path);
  }
  return path;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/// Skips the running test, or from a hook the whole suite, printing `reason` in the summary reporter.
export function skipWithReason(ctx: Mocha.Context, reason: string): never {
  const runnable = ctx.test;
  const isHook = (runnable as { type?: string } | undefined)?.type === "hook";
  const target: object | undefined = isHook ? runnable?.parent : runnable;
  if (target) Object.assign(target, { [SKIP_REASON]: reason });
  ctx.skip();
}

/// Returns the path of `tool` (name or absolute path); if it is missing, skips with "skipped: <name> not found".
export function skipIfMissing(ctx: Mocha.Context, tool: string): string {
  return findTool(tool) ?? skipWithReason(ctx, `skipped: ${basename(tool)} not found`);
}
