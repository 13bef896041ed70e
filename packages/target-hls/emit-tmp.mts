import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-hw";
import { parseString, renderDiagnostic } from "@allo/ir-core";
import { emitHls } from "@allo/target-hls";
import { readFileSync } from "node:fs";
const text = readFileSync(process.argv[2], "utf8");
const r = parseString(text, process.argv[2]);
if (!r.ok) { for (const d of r.diagnostics) process.stderr.write(renderDiagnostic(d)); process.exit(1); }
const e = emitHls(r.op);
for (const d of e.diagnostics) process.stderr.write(renderDiagnostic(d));
process.stdout.write(e.cpp);
