import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-hw";
import { parseString, renderDiagnostic } from "@allo/ir-core";
import { runCsim } from "@allo/target-hls";
import { readFileSync } from "node:fs";
const text = readFileSync(process.argv[2], "utf8");
const r = parseString(text, process.argv[2]);
if (!r.ok) { for (const d of r.diagnostics) process.stderr.write(renderDiagnostic(d)); process.exit(1); }
const A = new Float32Array(256).map((_, i) => i * 0.5);
const B = new Float32Array(256);
const res = runCsim(r.op, [{ dtype: "float32", shape: [16, 16], data: A }, { dtype: "float32", shape: [16, 16], data: B }], { keepDir: true });
for (const d of res.diagnostics) process.stderr.write(renderDiagnostic(d));
console.log(res.ok, res.dir, res.outputs.map((o) => Array.from(o.data.slice(0, 8) as Float32Array)));
