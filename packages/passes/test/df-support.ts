// Test support: run a df program in the simulator with seeded inputs, and step through df-to-hw pass by pass.
import {
  lookupPass, parseString, Pass, PassManager, renderDiagnostic, type MemRefType, type Operation, type Type,
} from "@allo/ir-core";
import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import { expansionRound, needsExpansion } from "@allo/passes";
import { entryArgs, findEntry, simulate, valueFromNpy, valueToNpy, type NpyArray, type NpyDType } from "@allo/target-sim";

/// Parses `text` or throws with the rendered diagnostics.
export function parseOrThrow(text: string, name = "t.mlir"): Operation {
  const r = parseString(text, name);
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join(""));
  return r.op;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

/// Deterministic input data for an argument of type `t`.
export function seededArray(t: Type, seed: number): NpyArray {
  const m = t as MemRefType;
  const n = m.shape.reduce((a, b) => a * b, 1);
  const rnd = lcg(seed);
  const et = String(m.elementType);
  const table: Record<string, [NpyDType, (k: number) => number]> = {
    f32: ["float32", () => Math.fround(rnd() * 4 - 2)], f64: ["float64", () => rnd() * 4 - 2],
    i32: ["int32", () => Math.floor(rnd() * 2000) - 1000], i16: ["int16", () => Math.floor(rnd() * 65536) - 32768],
    ui16: ["uint16", () => Math.floor(rnd() * 65536)], i8: ["int8", () => Math.floor(rnd() * 256) - 128],
  };
  const [dtype, gen] = table[et] ?? (() => { throw new Error(`no generator for ${et}`); })();
  const ctor = { float32: Float32Array, float64: Float64Array, int32: Int32Array, int16: Int16Array, uint16: Uint16Array, int8: Int8Array }[dtype as "float32"];
  const data = new ctor(n);
  for (let i = 0; i < n; i++) data[i] = gen(i);
  return { dtype, shape: m.shape.slice(), data } as NpyArray;
}

/// Runs the entry of `module` on seeded inputs; returns every argument after the run (outputs are written in place).
export function runSeeded(module: Operation, seed = 1): NpyArray[] {
  const entry = findEntry(module);
  const args = entryArgs(entry);
  const values = args.map((a, i) => valueFromNpy(a.name ?? String(i), a.type, seededArray(a.type, seed + i)));
  const r = simulate(module, entry, values);
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join(""));
  return args.map((a, i) => valueToNpy(a.name ?? String(i), a.type, r.args[i]));
}

/// Runs one pass (a registered pass's argument, or a configured pass) on `module`, verifying after it; throws with
/// its diagnostics on failure.
export function runPass(module: Operation, pass: string | Pass): void {
  let p: Pass;
  if (typeof pass === "string") {
    const def = lookupPass(pass);
    if (def === null) throw new Error(`no pass ${pass}`);
    p = new Pass(def);
  } else p = pass.clone();
  const pm = new PassManager();
  pm.addPass(p);
  const diags: string[] = [];
  if (!pm.run(module, (d) => diags.push(renderDiagnostic(d)))) throw new Error(`${p.argument} failed:\n${diags.join("")}`);
}

/// The passes df-to-hw runs, in order, for `module` (the expansion rounds unrolled); calls `after` after each one.
/// `round` replaces the passes of an expansion round (e.g. by the spec's).
export function stepThroughDfToHw(module: Operation, after: (pass: string) => void, round?: readonly string[]): void {
  for (let n = 0; needsExpansion(module); n++) {
    if (n > 16) throw new Error("df-to-hw did not converge");
    for (const p of round ?? expansionRound().elements) {
      if (!(p instanceof Pass) && typeof p !== "string") throw new Error("an expansion round nests a pipeline");
      runPass(module, p);
      after(typeof p === "string" ? p : p.argument);
    }
  }
  for (const p of ["df-shard", "df-lower-streams", "canonicalize"]) { runPass(module, p); after(p); }
}

/// Element-wise equality of two arrays (floats within `tol`).
export function sameArrays(a: NpyArray, b: NpyArray, tol = 0): string | null {
  if (a.dtype !== b.dtype || a.shape.join() !== b.shape.join()) return `shape/dtype ${a.shape}/${a.dtype} vs ${b.shape}/${b.dtype}`;
  for (let i = 0; i < a.data.length; i++) {
    const x = Number(a.data[i]), y = Number(b.data[i]);
    if (x === y || (tol > 0 && Math.abs(x - y) <= tol * Math.max(1, Math.abs(x)))) continue;
    return `element ${i}: ${x} vs ${y}`;
  }
  return null;
}
