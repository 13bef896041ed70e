// allo-opt's own flags and what it does once they are parsed (by yargs in alloOptMain, or by parseSimpleArgs for the
// plain command lines the allo-opt binary handles without loading yargs).
import { readFileSync } from "node:fs";
import { listPassesText, registry, type PrintOptions, type StatisticsDisplay, type TimingDisplay, type TimingFormat } from "@allo/ir-core";
import type { ClFlag } from "./cl-args.js";
import { readInput, removeFailedOutput, writeOutputAtomic } from "./io.js";
import { outputText, runOpt } from "./opt-main.js";
import { makePassTransform, wantsPasses, type PassCliOptions, type PassFlag } from "./pass-cli.js";
import { defaultSplitMarker } from "./split-input.js";

/// One of the tool's own options: its llvm::cl rules, the value's name in --help, help (as mlir-opt words it), default.
export interface Flag extends ClFlag { readonly value?: string; readonly help: string; readonly def?: boolean | string }

/// allo-opt's own options.
export const flags: readonly Flag[] = [
  { name: "o", type: "string", value: "filename", help: "Output filename", def: "-" },
  { name: "split-input-file", type: "string", value: "string", optionalValue: defaultSplitMarker, help: "Split the input file into chunks using the given or default marker and process each chunk independently" },
  { name: "output-split-marker", type: "string", value: "string", help: "Split marker to use for merging the ouput", def: defaultSplitMarker },
  { name: "verify-diagnostics", type: "boolean", help: "Check that emitted diagnostics match expected-* lines on the corresponding line", def: false },
  { name: "mlir-print-op-generic", type: "boolean", help: "Print the generic op form", def: false },
  { name: "mlir-print-debuginfo", type: "boolean", help: "Print debug info in MLIR output", def: false },
  { name: "mlir-print-local-scope", type: "boolean", help: "Print with local scope and inline information (eliding aliases for attributes, types, and locations)", def: false },
  { name: "mlir-print-skip-regions", type: "boolean", help: "Skip regions when printing ops.", def: false },
  { name: "mlir-print-value-users", type: "boolean", help: "Print users of operation results and block arguments as a comment", def: false },
  { name: "mlir-print-unique-ssa-ids", type: "boolean", help: "Print unique SSA ID numbers for values, block arguments and naming conflicts across all regions", def: false },
  { name: "mlir-pretty-debuginfo", type: "boolean", help: "Print pretty debug info in MLIR output", def: false },
  { name: "mlir-print-assume-verified", type: "boolean", help: "Skip op verification when using custom printers", def: false },
  { name: "mlir-print-op-on-diagnostic", type: "boolean", help: "When a diagnostic is emitted on an operation, also print the operation as an attached note", def: true },
  { name: "mlir-elide-elementsattrs-if-larger", type: "string", integer: "uint", value: "uint", help: "Elide ElementsAttrs with \"...\" that have more elements than the given upper limit" },
  { name: "mlir-print-elementsattrs-with-hex-if-larger", type: "string", integer: "long", value: "long", help: "Print DenseElementsAttrs with a hex string that have more elements than the given upper limit (use -1 to disable)" },
  { name: "show-dialects", type: "boolean", help: "Print the list of registered dialects and exit", def: false },
  { name: "allow-unregistered-dialect", type: "boolean", help: "Allow operation with no registered dialects", def: false },
  { name: "no-implicit-module", type: "boolean", help: "Disable implicit addition of a top-level module op during parsing", def: false },
  { name: "pass-pipeline", type: "string", value: "string", help: "Textual description of the pass pipeline to run" },
  { name: "verify-each", type: "boolean", help: "Run the verifier after each transformation pass", def: true },
  { name: "verify-roundtrip", type: "boolean", help: "Round-trip the IR after parsing and ensure it succeeds", def: false },
  { name: "dump-pass-pipeline", type: "boolean", help: "Print the pipeline that will be run", def: false },
  { name: "list-passes", type: "boolean", help: "Print the registered passes and pass pipelines with their options", def: false },
  { name: "mlir-print-ir-before", type: "string", value: "pass-arg", passList: true, help: "Print IR before specified passes" },
  { name: "mlir-print-ir-after", type: "string", value: "pass-arg", passList: true, help: "Print IR after specified passes" },
  { name: "mlir-print-ir-before-all", type: "boolean", help: "Print IR before each pass", def: false },
  { name: "mlir-print-ir-after-all", type: "boolean", help: "Print IR after each pass", def: false },
  { name: "mlir-print-ir-after-change", type: "boolean", help: "When printing the IR after a pass, only print if the IR changed", def: false },
  { name: "mlir-print-ir-after-failure", type: "boolean", help: "When printing the IR after a pass, only print if the pass failed", def: false },
  { name: "mlir-print-ir-module-scope", type: "boolean", help: "When printing IR for print-ir-[before|after]{-all} always print the top-level operation", def: false },
  { name: "mlir-print-ir-tree-dir", type: "string", value: "string", help: "When printing the IR before/after a pass, print file tree rooted at this directory" },
  { name: "mlir-disable-threading", type: "boolean", help: "Disable multi-threading within MLIR (allo-opt is single-threaded; accepted for compatibility)", def: false },
  { name: "mlir-timing", type: "boolean", help: "Display execution times", def: false },
  { name: "mlir-timing-display", type: "string", value: "value", help: "Display method for timing data", def: "tree", choices: [["list", "display the results in a list sorted by total time"], ["tree", "display the results ina with a nested tree view"]] },
  { name: "mlir-output-format", type: "string", value: "value", help: "Output format for timing data", def: "text", choices: [["text", "display the results in text format"], ["json", "display the results in JSON format"]] },
  { name: "mlir-pass-statistics", type: "boolean", help: "Display the statistics of each pass", def: false },
  { name: "mlir-pass-statistics-display", type: "string", value: "value", help: "Display method for pass statistics", def: "pipeline", choices: [["list", "display the results in a merged list sorted by pass name"], ["pipeline", "display the results with a nested pipeline view"]] },
  { name: "mlir-pass-pipeline-crash-reproducer", type: "string", value: "string", help: "Generate a .mlir reproducer file at the given output path if the pass manager crashes or fails" },
  { name: "mlir-pass-pipeline-local-reproducer", type: "boolean", help: "When generating a crash reproducer, attempt to generated a reproducer with the smallest pipeline.", def: false },
  { name: "run-reproducer", type: "boolean", help: "Run the pipeline stored in the reproducer", def: false },
  { name: "mlir-generate-reproducer", type: "string", value: "filename", help: "Generate an mlir reproducer at the provided filename (no crash required)" },
];

/// What one allo-opt invocation produced.
export interface AlloOptResult {
  /// Text for stdout (the output when it goes to `-`).
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/// Parsed command-line arguments, as yargs gives them: option values by name (an array when given several times) and
/// the positional arguments in `_`.
export type ParsedArgs = Record<string, unknown> & { _: (string | number)[] };

/// The last value of a string flag given several times, or null.
function last(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? String(v[v.length - 1]) : String(v);
}

/// All values of a repeatable comma-separated flag.
function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).filter((x) => x.length > 0);
}

/// Runs allo-opt with parsed arguments and the pass flags found among them.
export function runAlloOpt(argv: ParsedArgs, passFlags: readonly PassFlag[], stdin: () => string = () => readFileSync(0, "utf8")): AlloOptResult {
  if (argv["list-passes"]) return { stdout: listPassesText(), stderr: "", exitCode: 0 };
  if (argv["show-dialects"]) return { stdout: `Available Dialects: ${registry.dialectNames().join(",")}\n`, stderr: "", exitCode: 0 };
  const bool = (name: string) => Boolean(Array.isArray(argv[name]) ? (argv[name] as unknown[]).at(-1) : argv[name]);

  if (argv._.length > 1) return { stdout: "", stderr: "allo-opt: Too many positional arguments specified!\nCan specify at most 1 positional arguments: See: allo-opt --help\n", exitCode: 1 };
  const file = String(argv._[0] ?? "-");
  const input = file === "-" ? { name: "<stdin>", text: stdin() } : readInput(file);
  if ("error" in input) return { stdout: "", stderr: `${input.error}\n`, exitCode: 1 };

  // Unset limits keep the printer's defaults.
  const limit = (name: string): number | undefined => { const v = last(argv[name]); return v === null ? undefined : Number(v); };
  const print: PrintOptions = {
    generic: bool("mlir-print-op-generic"), debugInfo: bool("mlir-print-debuginfo"), localScope: bool("mlir-print-local-scope"),
    skipRegions: bool("mlir-print-skip-regions"), elementsHexAbove: limit("mlir-print-elementsattrs-with-hex-if-larger"),
    elideElementsAbove: limit("mlir-elide-elementsattrs-if-larger"),
    valueUsers: bool("mlir-print-value-users"), uniqueIds: bool("mlir-print-unique-ssa-ids"),
    prettyDebugInfo: bool("mlir-pretty-debuginfo"), assumeVerified: bool("mlir-print-assume-verified"),
  };
  const passOptions: PassCliOptions = {
    toolName: "allo-opt",
    passPipeline: last(argv["pass-pipeline"]),
    passFlags,
    verifyEach: bool("verify-each"),
    verifyDiagnostics: bool("verify-diagnostics"),
    printOpOnDiagnostic: bool("mlir-print-op-on-diagnostic"),
    printIrBefore: list(argv["mlir-print-ir-before"]),
    printIrAfter: list(argv["mlir-print-ir-after"]),
    printIrBeforeAll: bool("mlir-print-ir-before-all"),
    printIrAfterAll: bool("mlir-print-ir-after-all"),
    printIrAfterChange: bool("mlir-print-ir-after-change"),
    printIrAfterFailure: bool("mlir-print-ir-after-failure"),
    printIrModuleScope: bool("mlir-print-ir-module-scope"),
    printIrTreeDir: last(argv["mlir-print-ir-tree-dir"]),
    print,
    statistics: bool("mlir-pass-statistics") ? (last(argv["mlir-pass-statistics-display"]) as StatisticsDisplay) : null,
    dumpPassPipeline: bool("dump-pass-pipeline"),
    crashReproducer: last(argv["mlir-pass-pipeline-crash-reproducer"]),
    generateReproducer: last(argv["mlir-generate-reproducer"]),
    localReproducer: bool("mlir-pass-pipeline-local-reproducer"),
    runReproducer: bool("run-reproducer"),
    disableThreading: bool("mlir-disable-threading"),
  };
  const r = runOpt({
    inputName: input.name, inputText: input.text, splitInputFile: last(argv["split-input-file"]), outputSplitMarker: last(argv["output-split-marker"]) ?? defaultSplitMarker, verifyDiagnostics: bool("verify-diagnostics"),
    printOpOnDiagnostic: bool("mlir-print-op-on-diagnostic"), print, allowUnregistered: bool("allow-unregistered-dialect"),
    noImplicitModule: bool("no-implicit-module"), transform: wantsPasses(passOptions) ? makePassTransform(passOptions) : null, emit: null,
    timing: bool("mlir-timing") ? (last(argv["mlir-timing-display"]) as TimingDisplay) : null,
    timingFormat: last(argv["mlir-output-format"]) as TimingFormat, verifyRoundtrip: bool("verify-roundtrip"),
    unverifiedOutput: !passOptions.verifyEach,
  });
  const out = last(argv.o) ?? "-";
  if (out === "-") return { stdout: outputText(r.output), stderr: r.errors, exitCode: r.exitCode };
  if (r.exitCode === 0) {
    const err = writeOutputAtomic(out, r.output);
    if (err !== null) return { stdout: "", stderr: r.errors + `${err}\n`, exitCode: 1 };
  } else removeFailedOutput(out);
  return { stdout: "", stderr: r.errors, exitCode: r.exitCode };
}
