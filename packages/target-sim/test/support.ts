// Test helpers: parse with every dialect, run a program on typed-array inputs, seeded random data, references.
import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import * as core from "@allo/ir-core";
import { parseString, renderDiagnostic, type Diagnostic, type MemRefType, type Operation } from "@allo/ir-core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { entryArgs, findEntry, MemRef, scalarInfo, simulate, type RtValue, type SimStats } from "../src/index.js";

/// The spec examples directory.
export const examplesDir = fileURLToPath(new URL("../../../../shared/spec/examples/", import.meta.url));

/// Reads a spec example.
export function example(name: string): string {
  return readFileSync(examplesDir + name + ".mlir", "utf8");
}

/// Parses (and verifies) `src`; throws with rendered diagnostics on error.
export function parse(src: string, name = "t.mlir"): Operation {
  const r = parseString(src, name);
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join(""));
  return r.op;
}

/// An element array of a memref argument, or a scalar.
export type Data = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | number | bigint;

/// The outcome of `run`.
export type RunOutcome =
  | { ok: true; out: Record<string, Data>; results: RtValue[]; stats: SimStats }
  | { ok: false; text: string; diagnostics: Diagnostic[] };

/// Loads @allo/passes if it is built (its passes register themselves); false if it is not available.
/// It is loaded through the same module system as this file (mocha may load test files as CommonJS
/// through tsx), so that its passes land in the same @allo/ir-core registry the tests use.
export async function loadPasses(): Promise<boolean> {
  try {
    if (typeof require === "function") require("@allo/passes");
    else await import("@allo/passes");
    return true;
  } catch {
    return false;
  }
}

/// True if the pass pipeline machinery and pass `name` are available.
export function hasPass(name: string): boolean {
  const c = core as unknown as { lookupPass?: (n: string) => unknown; lookupPassPipeline?: (n: string) => unknown; parsePassPipeline?: unknown };
  return typeof c.parsePassPipeline === "function" && typeof c.lookupPass === "function" && (c.lookupPass(name) !== null || (c.lookupPassPipeline?.(name) ?? null) !== null);
}

/// Runs `pipeline` (the inside of `builtin.module(...)`) on `module`; throws with diagnostics on failure.
export function runPipeline(module: Operation, pipeline: string): void {
  const c = core as unknown as {
    parsePassPipeline(t: string): { ok: boolean; pm: unknown; error: { message: string } };
    PassManager: new (a: string, n: number, o: object) => { setPipeline(pm: unknown): { run(op: Operation, emit: (d: Diagnostic) => void): boolean } };
    Nesting: { Explicit: number };
  };
  const p = c.parsePassPipeline(`builtin.module(${pipeline})`);
  if (!p.ok) throw new Error(p.error.message);
  const diags: Diagnostic[] = [];
  const ok = new c.PassManager("builtin.module", c.Nesting.Explicit, {}).setPipeline(p.pm).run(module, (d) => diags.push(d));
  if (!ok) throw new Error(diags.map(renderDiagnostic).join(""));
}

/// Runs the program in `src` with the named inputs (others start as zeros) and returns every memref
/// argument after the run, by source name.
export function run(src: string, inputs: Record<string, Data> = {}, opts: { entry?: string; pipeline?: string } = {}): RunOutcome {
  const module = parse(src);
  let entry = findEntry(module, opts.entry);
  const names = entryArgs(entry).map((a) => a.name);
  if (opts.pipeline !== undefined && opts.pipeline !== "") {
    runPipeline(module, opts.pipeline);
    entry = findEntry(module, opts.entry);
  }
  const args = entryArgs(entry);
  const values: RtValue[] = args.map((a, i) => {
    const name = a.name ?? names[i] ?? String(i);
    const given = inputs[name];
    if (a.type.kind === core.TypeKind.MemRef) {
      const t = a.type as MemRefType;
      const m = MemRef.alloc(scalarInfo(t.elementType)!, t.shape)!;
      if (given !== undefined) (m.data as unknown as { set(x: unknown): void }).set(given);
      return m;
    }
    return given === undefined ? 0 : (given as number | bigint);
  });
  const r = simulate(module, entry, values);
  if (!r.ok) return { ok: false, text: r.diagnostics.map(renderDiagnostic).join(""), diagnostics: r.diagnostics };
  const out: Record<string, Data> = {};
  args.forEach((a, i) => {
    const v = r.args[i];
    if (v instanceof MemRef) out[a.name ?? names[i] ?? String(i)] = v.data as unknown as Data;
  });
  return { ok: true, out, results: r.results, stats: r.stats };
}

/// Like `run`, but throws on failure.
export function runOk(src: string, inputs: Record<string, Data> = {}, opts: { entry?: string; pipeline?: string } = {}): { out: Record<string, Data>; results: RtValue[]; stats: SimStats } {
  const r = run(src, inputs, opts);
  if (!r.ok) throw new Error(r.text);
  return r;
}

/// Like `run`, but expects a failure and returns the rendered diagnostics.
export function runErr(src: string, inputs: Record<string, Data> = {}, opts: { entry?: string } = {}): string {
  const r = run(src, inputs, opts);
  if (r.ok) throw new Error("expected the run to fail");
  return r.text;
}

/// A seeded PRNG (mulberry32) returning floats in [0, 1).
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/// `n` f32 values in [-2, 2).
export function randF32(n: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => r() * 4 - 2);
}

/// `n` integers in [lo, hi).
export function randInts(n: number, seed: number, lo: number, hi: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo)));
}

/// C (M x N) = C0 + A (M x K) * B (K x N), accumulated in k order with f32 rounding at every step.
export function matmulF32(A: Float32Array, B: Float32Array, M: number, K: number, N: number, C0?: Float32Array): Float32Array {
  const C = C0 !== undefined ? Float32Array.from(C0) : new Float32Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let acc = C[i * N + j];
      for (let k = 0; k < K; k++) acc = Math.fround(acc + Math.fround(A[i * K + k] * B[k * N + j]));
      C[i * N + j] = acc;
    }
  }
  return C;
}

/// C = A * B on int32 with wrap-around.
export function matmulI32(A: Int32Array, B: Int32Array, M: number, K: number, N: number): Int32Array {
  const C = new Int32Array(M * N);
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
    let acc = 0;
    for (let k = 0; k < K; k++) acc = (acc + Math.imul(A[i * K + k], B[k * N + j])) | 0;
    C[i * N + j] = acc;
  }
  return C;
}
