// File input and atomic output for the CLIs.
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, basename } from "node:path";

/// Reads a file (or stdin for `-`), or gives mlir-opt's message for a file it cannot read.
export function readInput(path: string): { name: string; text: string } | { error: string } {
  try {
    if (path === "-") return { name: "<stdin>", text: readFileSync(0, "utf8") };
    return { name: path, text: readFileSync(path, "utf8") };
  } catch (e) {
    return { error: `cannot open input file '${path}': ${systemErrorText(e)}` };
  }
}

/// The one-line report of an exception that escaped `tool`: a bug (the stack only when ALLO_DEBUG is set), or the
/// JavaScript stack exhausted by IR nested too deeply for a recursive part of the tool.
export function unexpectedErrorText(tool: string, e: unknown): string {
  if (e instanceof RangeError && /call stack/.test(e.message)) return `${tool}: error: the IR is nested too deeply to process (the JavaScript stack is exhausted)\n`;
  return `${tool}: internal error: ${e instanceof Error ? (process.env.ALLO_DEBUG ? e.stack : e.message) : String(e)}\n`;
}

/// Makes a failed write to stdout end the process as LLVM's tools end: silently with status 74 (EX_IOERR) when the
/// reader has gone (`allo-opt big.mlir | head`), else with one line naming the error (a full disk) and status 1.
export function exitOnStdoutError(tool: string): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") process.stderr.write(`${tool}: IO failure on output stream: ${systemErrorText(e)}\n`);
    process.exit(e.code === "EPIPE" ? 74 : 1);
  });
}

/// Writes `data` (text, bytes, or chunks of bytes) to `path` atomically (temp file + rename); `-` writes stdout.
export function writeOutputAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): string | null {
  if (path === "-") {
    if (typeof data === "string" || data instanceof Uint8Array) process.stdout.write(data);
    else for (const c of data) process.stdout.write(c);
    return null;
  }
  // Devices and pipes (`-o /dev/null`) are written in place: renaming over them would replace them.
  if (existsSync(path) && !statSync(path).isFile()) {
    try { writeData(path, data); return null; } catch (e) { return outputFileError(path, e); }
  }
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeData(tmp, data);
    renameSync(tmp, path);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    return outputFileError(path, e);
  }
}

/// What mlir-opt's output file becomes when a run fails after reading its input: removed (a regular file of that name
/// is deleted, so that nothing stale passes for the result; stdout and devices are left alone).
export function removeFailedOutput(path: string): void {
  if (path === "-") return;
  try {
    if (statSync(path).isFile()) rmSync(path);
  } catch { /* nothing there, or nothing we may remove: as mlir-opt, stay silent */ }
}

/// mlir-opt's message for an output file it cannot write, naming the file asked for (not the temporary one).
export function outputFileError(path: string, e: unknown): string {
  return `cannot open output file '${path}': ${systemErrorText(e)}`;
}

/// The C library's text for the common errors (what LLVM prints); libuv's, capitalised, for the others.
const errnoText: Readonly<Record<string, string>> = {
  ENOENT: "No such file or directory", EACCES: "Permission denied", EISDIR: "Is a directory", ENOTDIR: "Not a directory",
  EROFS: "Read-only file system", ENOSPC: "No space left on device", EPERM: "Operation not permitted", EEXIST: "File exists",
};

/// The text of a failed file operation's error as LLVM prints it (`No such file or directory`).
export function systemErrorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known = err.code !== undefined ? errnoText[err.code] : undefined;
  if (known !== undefined) return known;
  const m = /^[A-Z0-9]+: ([^,]+)/.exec(err.message ?? "");
  return m !== null ? m[1][0].toUpperCase() + m[1].slice(1) : String(err.message ?? e);
}

function writeData(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  if (typeof data === "string" || data instanceof Uint8Array) { writeFileSync(path, data); return; }
  const fd = openSync(path, "w");
  try {
    for (const c of data) for (let at = 0; at < c.length;) at += writeSync(fd, c, at);
  } finally { closeSync(fd); }
}

/// mlir-opt accepts `-flag` and `--flag`; yargs wants `--flag` for long names.
export function normalizeArgs(argv: readonly string[]): string[] {
  return argv.map((a) => (/^-[a-zA-Z][a-zA-Z0-9-]+(=.*)?$/.test(a) && a.length > 2 && a[2] !== "=" ? "-" + a : a));
}
