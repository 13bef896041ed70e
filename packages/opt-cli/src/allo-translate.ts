#!/usr/bin/env node
// allo-translate: translate MLIR to other representations (mlir-translate's flags), e.g. `--mlir-to-hls` for Vitis HLS C++.
import yargs from "yargs";
import "./dialects.js";
import { checkClArgs, unknownOptionMessage, type ClFlag } from "./cl-args.js";
import { exitOnStdoutError, normalizeArgs, readInput, removeFailedOutput, unexpectedErrorText, writeOutputAtomic } from "./io.js";
import { defaultSplitMarker } from "./split-input.js";
import { runTranslate, translations } from "./translate-main.js";
import { versionText } from "./version.js";

exitOnStdoutError("allo-translate");

const clFlags: ClFlag[] = [
  { name: "o", type: "string" }, { name: "split-input-file", type: "string", optionalValue: defaultSplitMarker },
  { name: "output-split-marker", type: "string" }, { name: "hls-top", type: "string" },
  ...["verify-diagnostics", "allow-unregistered-dialect", "no-implicit-module", ...translations.map((t) => t.name)].map((name): ClFlag => ({ name, type: "boolean" })),
];
const checked = checkClArgs("allo-translate", normalizeArgs(process.argv.slice(2)), clFlags, new Map());
const unknown = "error" in checked ? null : unknownOptionMessage("allo-translate", checked.args, new Set([...clFlags.map((f) => f.name), "help", "version"]), clFlags.map((f) => f.name));
if ("error" in checked || unknown !== null) {
  process.stderr.write("error" in checked ? checked.error : unknown!);
  process.exit(1);
}
let y = yargs(checked.args)
  .scriptName("allo-translate")
  .usage("$0 [file|-] --<translation> [options]\n\nallo-ts translation driver (mlir-translate compatible)")
  .parserConfiguration({ "boolean-negation": false })
  .option("o", { type: "string", default: "-", describe: "Output filename" })
  .option("split-input-file", { type: "string", describe: "Split the input file into chunks using the given or default marker and process each chunk independently" })
  .option("output-split-marker", { type: "string", default: defaultSplitMarker, describe: "Split marker to use for merging the ouput" })
  .option("verify-diagnostics", { type: "boolean", default: false, describe: "Check that emitted diagnostics match expected-* lines on the corresponding line" })
  .option("allow-unregistered-dialect", { type: "boolean", default: false, describe: "Allow operation with no registered dialects" })
  .option("no-implicit-module", { type: "boolean", default: false, describe: "Disable implicit addition of a top-level module op during parsing" })
  .option("hls-top", { type: "string", default: "", describe: "--mlir-to-hls: the hw.design or func.func to make the top function (default: the only hw.design, else the only uncalled function)" });
for (const t of translations) y = y.option(t.name, { type: "boolean", default: false, describe: t.help });
const argv = y
  .version(versionText)
  .strictOptions()
  .fail((msg) => { process.stderr.write(`allo-translate: ${msg}\n`); process.exit(1); })
  .parseSync() as Record<string, unknown> & { _: (string | number)[] };

const chosen = translations.filter((t) => argv[t.name] === true);
if (chosen.length !== 1) {
  process.stderr.write(`allo-translate: ${chosen.length === 0 ? "expected a translation" : "only one translation may be given"} (${translations.map((t) => `--${t.name}`).join(", ")})\n`);
  process.exit(1);
}
if (argv._.length > 1) {
  process.stderr.write(`allo-translate: expected one input file, got ${argv._.length}\n`);
  process.exit(1);
}
const last = (v: unknown): string => String(Array.isArray(v) ? v[v.length - 1] : v);
const input = readInput(String(argv._[0] ?? "-"));
if ("error" in input) {
  process.stderr.write(`${input.error}\n`);
  process.exit(1);
}
let code = 1;
try {
  const r = runTranslate({
    inputName: input.name, inputText: input.text, translation: chosen[0], splitInputFile: argv["split-input-file"] === undefined ? null : last(argv["split-input-file"]),
    outputSplitMarker: last(argv["output-split-marker"]),
    verifyDiagnostics: argv["verify-diagnostics"] === true, allowUnregistered: argv["allow-unregistered-dialect"] === true,
    noImplicitModule: argv["no-implicit-module"] === true, options: { hlsTop: last(argv["hls-top"]) },
  });
  process.stderr.write(r.errors);
  const out = last(argv.o);
  code = r.exitCode;
  if (r.exitCode === 0 || out === "-") {
    const err = writeOutputAtomic(out, r.output);
    if (err !== null) { process.stderr.write(`${err}\n`); code = 1; }
  } else removeFailedOutput(out);
} catch (e) {
  process.stderr.write(unexpectedErrorText("allo-translate", e));
}
process.exitCode = code;
