#!/usr/bin/env node
// allo-opt: parse, verify, transform and print MLIR, with mlir-opt's flags. A plain command line runs without
// loading the full option parser (yargs), which is a tenth of the start-up.
import "./dialects.js";
import "@allo/passes";
import { exitOnStdoutError, normalizeArgs, unexpectedErrorText } from "./io.js";
import { runAlloOpt, type AlloOptResult } from "./opt-flags.js";
import { parseSimpleArgs } from "./simple-args.js";

exitOnStdoutError("allo-opt");

const args = process.argv.slice(2);
function finish(r: AlloOptResult): void {
  process.stderr.write(r.stderr);
  process.stdout.write(r.stdout);
  process.exitCode = r.exitCode;
}
function fail(e: unknown): void {
  process.stderr.write(unexpectedErrorText("allo-opt", e));
  process.exitCode = 1;
}
try {
  const simple = parseSimpleArgs(normalizeArgs(args));
  if (simple !== null) finish(runAlloOpt(simple, []));
  else import("./allo-opt-main.js").then((m) => finish(m.alloOptMain(args))).catch(fail);
} catch (e) {
  fail(e);
}
