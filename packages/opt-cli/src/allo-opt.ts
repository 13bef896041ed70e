#!/usr/bin/env node
// allo-opt: parse, verify, transform and print MLIR, with mlir-opt's flags.
import yargs from "yargs";
import "./dialects.js";
import { normalizeArgs, readInput, writeOutputAtomic } from "./io.js";
import { runOpt } from "./opt-main.js";

const argv = yargs(normalizeArgs(process.argv.slice(2)))
  .scriptName("allo-opt")
  .usage("$0 [file|-] [options]\n\nallo-ts modular optimizer driver (mlir-opt compatible)")
  .option("o", { type: "string", default: "-", describe: "Output filename" })
  .option("split-input-file", { type: "boolean", default: false, describe: "Split the input file into pieces and process each chunk independently" })
  .option("verify-diagnostics", { type: "boolean", default: false, describe: "Check that emitted diagnostics match expected-* lines on the corresponding line" })
  .option("mlir-print-op-generic", { type: "boolean", default: false, describe: "Print the generic op form" })
  .option("mlir-print-debuginfo", { type: "boolean", default: false, describe: "Print debug info in MLIR output" })
  .option("allow-unregistered-dialect", { type: "boolean", default: false, describe: "Allow operation with no registered dialects" })
  .option("no-implicit-module", { type: "boolean", default: false, describe: "Disable implicit addition of a top-level module op during parsing" })
  .version("0.1.0")
  .strictOptions()
  .fail((msg) => { process.stderr.write(`allo-opt: ${msg}\n`); process.exit(1); })
  .parseSync();

const file = String(argv._[0] ?? "-");
const input = readInput(file);
if ("error" in input) {
  process.stderr.write(`allo-opt: ${input.error}\n`);
  process.exit(1);
}
const r = runOpt({
  inputName: input.name, inputText: input.text, splitInputFile: argv["split-input-file"], verifyDiagnostics: argv["verify-diagnostics"],
  printGeneric: argv["mlir-print-op-generic"], debugInfo: argv["mlir-print-debuginfo"], allowUnregistered: argv["allow-unregistered-dialect"],
  noImplicitModule: argv["no-implicit-module"], transform: null, emit: null,
});
process.stderr.write(r.errors);
if (r.exitCode === 0 || argv.o === "-") {
  const err = writeOutputAtomic(argv.o, r.output);
  if (err !== null) { process.stderr.write(`allo-opt: ${err}\n`); process.exit(1); }
}
process.exit(r.exitCode);
