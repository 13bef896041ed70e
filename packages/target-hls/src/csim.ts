// C-simulation without Vitis: emit the C++ and a testbench, compile them with g++ against the bundled
// hls_stream.h/ap_int.h/ap_fixed.h/hls_half.h, run, and read the arguments back.
import { Severity, type Diagnostic, type Operation } from "@allo/ir-core";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HlsDiag, hlsDiag } from "./diag.js";
import { emitHls, type TopParam } from "./emitter.js";
import { generateTestbench, inputFile, outputFile, RESULT_FILE, TestbenchExit } from "./testbench.js";
import { HOST_DTYPE_SIZE, type HostDType, type ScalarInfo } from "./types.js";

/// Element storage of a host array (the same layout as target-sim's NpyArray: bool as 0/1 bytes, float16 as raw bits).
export type HostData =
  | Uint8Array | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint16Array | Uint32Array | BigUint64Array
  | Float32Array | Float64Array;

/// A C-ordered array passed to or returned from C-simulation (structurally an NpyArray).
export interface HostArray {
  dtype: HostDType;
  shape: number[];
  data: HostData;
}

/// Options of `runCsim`.
export interface CsimOptions {
  /// The top function (see `HlsEmitOptions.top`).
  readonly top?: string;
  /// The C++ compiler (default `g++`).
  readonly compiler?: string;
  /// Directory of the C-simulation headers (default: this package's `include`).
  readonly includeDir?: string;
  /// Keep the working directory (its path is returned).
  readonly keepDir?: boolean;
  /// Kill the simulation after this many milliseconds (default 120000; 0: no limit).
  readonly timeoutMs?: number;
}

/// What a C-simulation produced.
export interface CsimResult {
  readonly ok: boolean;
  /// Every argument of the top function after the run, in order (empty on failure).
  readonly outputs: readonly HostArray[];
  /// The names of the top function's parameters (C++ names).
  readonly names: readonly string[];
  /// The return value, if the top function returns one.
  readonly result: HostArray | null;
  readonly diagnostics: readonly Diagnostic[];
  /// The emitted kernel C++ (empty if emission failed).
  readonly cpp: string;
  /// The working directory when `keepDir` was set.
  readonly dir: string | null;
}

/// The bundled C-simulation headers.
export function defaultIncludeDir(): string {
  return fileURLToPath(new URL("../include", import.meta.url));
}

const CTORS: Record<HostDType, new (buf: ArrayBuffer) => HostData> = {
  bool: Uint8Array, int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array, uint8: Uint8Array,
  uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array, float16: Uint16Array, float32: Float32Array, float64: Float64Array,
};

function bytesOf(a: HostArray): Uint8Array {
  return new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
}

function readArray(path: string, dtype: HostDType, shape: readonly number[]): HostArray {
  const bytes = readFileSync(path);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return { dtype, shape: shape.slice(), data: new CTORS[dtype](copy) };
}

/// The compiler's first error, with the generated line it points at.
function describeCompileError(stderr: string, files: Readonly<Record<string, string>>): string {
  const lines = stderr.split("\n");
  const first = lines.findIndex((l) => /: (fatal )?error: /.test(l));
  const head = lines.slice(Math.max(0, first), Math.max(0, first) + 30).join("\n").trimEnd();
  const m = first >= 0 ? /^(?:.*\/)?([^/:]+):(\d+):(\d+): /.exec(lines[first]) : null;
  if (m === null || files[m[1]] === undefined) return head || stderr.trim();
  const src = files[m[1]].split("\n")[Number(m[2]) - 1] ?? "";
  return `${m[1]}:${m[2]}: ${src.trim()}\n${head}`;
}

/// A zero-filled array for parameter `p`.
function zeros(p: TopParam): HostArray {
  const shape = p.isArray ? p.shape.slice() : [];
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype: p.elem.host, shape, data: new CTORS[p.elem.host](new ArrayBuffer(n * HOST_DTYPE_SIZE[p.elem.host])) };
}

/// Emits `module` as C++, compiles it with a generated testbench, runs it on `inputs` (one per top-function
/// argument, in order; null starts that argument as zeros) and returns every argument after the run.
export function runCsim(module: Operation, given: readonly (HostArray | null)[], options: CsimOptions = {}): CsimResult {
  const diags: Diagnostic[] = [];
  const fail = (cpp = "", dir: string | null = null): CsimResult => ({ ok: false, outputs: [], names: [], result: null, diagnostics: diags, cpp, dir });
  const emitted = emitHls(module, { top: options.top });
  diags.push(...emitted.diagnostics);
  if (!emitted.ok) return fail();
  const top = emitted.top;
  if (top === null) {
    diags.push(hlsDiag(HlsDiag.AmbiguousTop, module, "no", "the top function must be a hw.design or a func.func without stream arguments"));
    return fail(emitted.cpp);
  }
  if (given.length !== top.params.length) {
    diags.push(hlsDiag(HlsDiag.InputCount, module, top.params.length, given.length));
    return fail(emitted.cpp);
  }
  const inputs = given.map((a, i) => a ?? zeros(top.params[i]));
  for (let i = 0; i < inputs.length; i++) {
    const p = top.params[i], a = inputs[i];
    const count = a.shape.reduce((x, y) => x * y, 1);
    const want = p.isArray ? p.shape : [];
    const shapeOk = a.shape.length === want.length && a.shape.every((d, k) => d === want[k]);
    if (a.dtype !== p.elem.host || !shapeOk || a.data.byteLength !== count * HOST_DTYPE_SIZE[a.dtype]) {
      diags.push(hlsDiag(HlsDiag.InputMismatch, module, i, p.name, p.elem.host, want.join(", "), a.dtype, a.shape.join(", ")));
    }
  }
  if (diags.some((d) => d.severity === Severity.Error)) return fail(emitted.cpp);

  const compiler = options.compiler ?? "g++";
  const probe = spawnSync(compiler, ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    diags.push(hlsDiag(HlsDiag.CompilerMissing, null, compiler));
    return fail(emitted.cpp);
  }
  const dir = mkdtempSync(join(tmpdir(), "allo-hls-csim-"));
  const keep = options.keepDir === true;
  try {
    const tb = generateTestbench(top);
    const files = { "kernel.cpp": emitted.cpp, "testbench.cpp": tb };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const include = options.includeDir ?? defaultIncludeDir();
    const cc = spawnSync(compiler, [
      "-std=c++17", "-O2", "-Wall", "-Werror", "-Wno-unknown-pragmas", "-I", include, "kernel.cpp", "testbench.cpp", "-o", "csim",
    ], { cwd: dir, encoding: "utf8" });
    if (cc.status !== 0) {
      diags.push(hlsDiag(HlsDiag.CompileFailed, null, compiler, describeCompileError(cc.stderr ?? String(cc.error), files)));
      return fail(emitted.cpp, keep ? dir : null);
    }
    inputs.forEach((a, i) => writeFileSync(join(dir, inputFile(i)), bytesOf(a)));
    const timeout = options.timeoutMs ?? 120_000;
    const run = spawnSync(join(dir, "csim"), [], { cwd: dir, encoding: "utf8", timeout: timeout > 0 ? timeout : undefined, maxBuffer: 64 * 1024 * 1024 });
    // Elements of stream arrays have no name of their own: say which FIFO hls::stream#K is.
    const stderr = (run.stderr ?? "").trimEnd().replace(/hls::stream#(\d+)/g, (m, k: string) => emitted.streamLabels[Number(k) - 1] ?? m);
    if (run.error !== undefined && (run.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
      diags.push(hlsDiag(HlsDiag.SimTimeout, null, timeout));
      return fail(emitted.cpp, keep ? dir : null);
    }
    if (run.status === 3) diags.push(hlsDiag(HlsDiag.SimReadEmpty, null, stderr));
    else if (run.status === TestbenchExit.Leftover) diags.push(hlsDiag(HlsDiag.SimLeftover, null, stderr.split("\n").length, stderr));
    else if (run.status === TestbenchExit.Io) diags.push(hlsDiag(HlsDiag.SimIO, null, stderr));
    else if (run.status !== 0) diags.push(hlsDiag(HlsDiag.SimFailed, null, run.status ?? run.signal ?? "?", stderr));
    if (diags.some((d) => d.severity === Severity.Error)) return fail(emitted.cpp, keep ? dir : null);
    const outputs = top.params.map((p: TopParam, i) => readArray(join(dir, outputFile(i)), p.elem.host, p.isArray ? p.shape : []));
    const resInfo: ScalarInfo | null = top.result;
    const result = resInfo !== null && existsSync(join(dir, RESULT_FILE)) ? readArray(join(dir, RESULT_FILE), resInfo.host, []) : null;
    return { ok: true, outputs, names: top.params.map((p) => p.name), result, diagnostics: diags, cpp: emitted.cpp, dir: keep ? dir : null };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
