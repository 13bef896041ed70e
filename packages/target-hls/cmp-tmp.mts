import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import "@allo/passes";
import { parseString, renderDiagnostic, parsePassPipeline, PassManager, Nesting, printOpGeneric, type Diagnostic } from "@allo/ir-core";
import { runCsim, type HostArray } from "@allo/target-hls";
import { simulate, findEntry, entryArgs, valueFromNpy, valueToNpy, type NpyArray } from "@allo/target-sim";
import { readFileSync } from "node:fs";
const file = process.argv[2];
const text = readFileSync(file, "utf8");
function parse() { const r = parseString(text, file); if (!r.ok) { for (const d of r.diagnostics) process.stderr.write(renderDiagnostic(d)); process.exit(1); } return r.op; }
const ref = parse();
const entry = findEntry(ref);
const args = entryArgs(entry);
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const inputs: NpyArray[] = args.map((a) => {
  const t = a.type as any;
  const shape = t.shape.slice(); const n = shape.reduce((x: number, y: number) => x * y, 1);
  const et = String(t.elementType);
  if (et === "f32") return { dtype: "float32", shape, data: new Float32Array(n).map(() => Math.round(rnd() * 200 - 100) / 8) };
  if (et === "i32") return { dtype: "int32", shape, data: new Int32Array(n).map(() => Math.floor(rnd() * 2000 - 1000)) };
  if (et === "i16") return { dtype: "int16", shape, data: new Int16Array(n).map(() => Math.floor(rnd() * 65536 - 32768)) };
  if (et === "ui16") return { dtype: "uint16", shape, data: new Uint16Array(n).map(() => Math.floor(rnd() * 65536)) };
  throw new Error(et);
}) as NpyArray[];
const vals = args.map((a, i) => valueFromNpy(String(i), a.type, inputs[i]));
const sr = simulate(ref, entry, vals);
if (!sr.ok) { for (const d of sr.diagnostics) process.stderr.write(renderDiagnostic(d)); process.exit(1); }
const refOut = args.map((a, i) => valueToNpy(String(i), a.type, sr.args[i]));
const low = parse();
const parsed = parsePassPipeline("builtin.module(df-to-hw)");
if (!parsed.ok) process.exit(1);
const pm = new PassManager("builtin.module", Nesting.Explicit, { printOpOnDiagnostic: printOpGeneric }).setPipeline(parsed.pm);
const diags: Diagnostic[] = [];
if (!pm.run(low, (d: Diagnostic) => diags.push(d))) { for (const d of diags) process.stderr.write(renderDiagnostic(d)); process.exit(1); }
const t0 = Date.now();
const cr = runCsim(low, inputs as HostArray[], { keepDir: process.argv[3] === "keep" });
for (const d of cr.diagnostics) process.stderr.write(renderDiagnostic(d));
if (!cr.ok) { console.log("FAIL", file, cr.dir); process.exit(1); }
let same = true;
cr.outputs.forEach((o, i) => { const a = Array.from(o.data as any), b = Array.from(refOut[i].data as any); if (a.length !== b.length || a.some((x, k) => !Object.is(x, b[k]))) { same = false; console.log("diff in arg", i, a.slice(0, 8), b.slice(0, 8)); } });
console.log(same ? "OK  " : "DIFF", file, `${Date.now() - t0} ms`, cr.dir ?? "");
