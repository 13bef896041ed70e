// File input and atomic output for the CLIs.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";

/// Reads a file (or stdin for `-`); returns null and a message if it cannot be read.
export function readInput(path: string): { name: string; text: string } | { error: string } {
  try {
    if (path === "-") return { name: "<stdin>", text: readFileSync(0, "utf8") };
    return { name: path, text: readFileSync(path, "utf8") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `could not open input file '${path}': ${code === "ENOENT" ? "No such file or directory" : String((e as Error).message)}` };
  }
}

/// Writes `data` to `path` atomically (temp file + rename); `-` writes stdout.
export function writeOutputAtomic(path: string, data: string | Uint8Array): string | null {
  if (path === "-") { process.stdout.write(data); return null; }
  // Devices and pipes (`-o /dev/null`) are written in place: renaming over them would replace them.
  if (existsSync(path) && !statSync(path).isFile()) {
    try { writeFileSync(path, data); return null; } catch (e) { return `could not write output file '${path}': ${(e as Error).message}`; }
  }
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    return `could not write output file '${path}': ${(e as Error).message}`;
  }
}

/// mlir-opt accepts `-flag` and `--flag`; yargs wants `--flag` for long names.
export function normalizeArgs(argv: readonly string[]): string[] {
  return argv.map((a) => (/^-[a-zA-Z][a-zA-Z0-9-]+(=.*)?$/.test(a) && a.length > 2 && a[2] !== "=" ? "-" + a : a));
}
