import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import "@allo/passes";
import { parseString, renderDiagnostic, parsePassPipeline, PassManager, Nesting, printOp, printOpGeneric, type Diagnostic } from "@allo/ir-core";
import { emitHls } from "@allo/target-hls";
import { readFileSync } from "node:fs";
const text = readFileSync(process.argv[2], "utf8");
const r = parseString(text, process.argv[2]);
if (!r.ok) { for (const d of r.diagnostics) process.stderr.write(renderDiagnostic(d)); process.exit(1); }
const parsed = parsePassPipeline("builtin.module(df-to-hw)");
if (!parsed.ok) { console.error(parsed.error.render("x")); process.exit(1); }
const pm = new PassManager("builtin.module", Nesting.Explicit, { printOpOnDiagnostic: printOpGeneric }).setPipeline(parsed.pm);
const diags: Diagnostic[] = [];
const ok = pm.run(r.op, (d: Diagnostic) => diags.push(d));
for (const d of diags) process.stderr.write(renderDiagnostic(d));
if (!ok) process.exit(1);
if (process.argv[3] === "ir") { console.log(printOp(r.op)); process.exit(0); }
const e = emitHls(r.op);
for (const d of e.diagnostics) process.stderr.write(renderDiagnostic(d));
process.stdout.write(e.cpp);
