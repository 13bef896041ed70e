#!/usr/bin/env node
// allo-opt: parse, verify, transform and print MLIR, with mlir-opt's flags. A plain command line runs without
// loading the full option parser (yargs), which is a tenth of the start-up.
import "./dialects.js";
import "@allo/passes";
import { exitOnStdoutError, normalizeArgs, unexpectedErrorText } from "./io.js";
import { runAlloOpt } from "./opt-flags.js";
import { parseSimpleArgs } from "./simple-args.js";

exitOnStdoutError("allo-opt");

const args = process.argv.slice(2);
try {
  const simple = parseSimpleArgs(normalizeArgs(args));
  const r = simple !== null ? runAlloOpt(simple, []) : (await import("./allo-opt-main.js")).alloOptMain(args);
  process.stderr.write(r.stderr);
  process.stdout.write(r.stdout);
  process.exitCode = r.exitCode;
} catch (e) {
  process.stderr.write(unexpectedErrorText("allo-opt", e));
  process.exitCode = 1;
}
