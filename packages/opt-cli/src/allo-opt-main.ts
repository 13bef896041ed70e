// The allo-opt driver behind the `allo-opt` binary: mlir-opt's flags, pass flags and --help; runs in-process for tests.
import { readFileSync } from "node:fs";
import yargs from "yargs";
import {
  listPassesText, passesHelp, passListWidth, registeredPassPipelines, registeredPasses, type StatisticsDisplay, type TimingDisplay,
} from "@allo/ir-core";
import { normalizeArgs, readInput, writeOutputAtomic } from "./io.js";
import { runOpt } from "./opt-main.js";
import { extractPassFlags, makePassTransform, wantsPasses, type PassCliOptions } from "./pass-cli.js";

/// The tool's own options: name, value kind, help (as mlir-opt words them), default.
interface Flag { readonly name: string; readonly type: "boolean" | "string"; readonly value?: string; readonly help: string; readonly def?: boolean | string; readonly choices?: readonly [string, string][] }

const flags: readonly Flag[] = [
  { name: "o", type: "string", value: "filename", help: "Output filename", def: "-" },
  { name: "split-input-file", type: "boolean", help: "Split the input file into pieces and process each chunk independently", def: false },
  { name: "verify-diagnostics", type: "boolean", help: "Check that emitted diagnostics match expected-* lines on the corresponding line", def: false },
  { name: "mlir-print-op-generic", type: "boolean", help: "Print the generic op form", def: false },
  { name: "mlir-print-debuginfo", type: "boolean", help: "Print debug info in MLIR output", def: false },
  { name: "allow-unregistered-dialect", type: "boolean", help: "Allow operation with no registered dialects", def: false },
  { name: "no-implicit-module", type: "boolean", help: "Disable implicit addition of a top-level module op during parsing", def: false },
  { name: "pass-pipeline", type: "string", value: "string", help: "Textual description of the pass pipeline to run" },
  { name: "verify-each", type: "boolean", help: "Run the verifier after each transformation pass", def: true },
  { name: "dump-pass-pipeline", type: "boolean", help: "Print the pipeline that will be run", def: false },
  { name: "list-passes", type: "boolean", help: "Print the registered passes and pass pipelines with their options", def: false },
  { name: "mlir-print-ir-before", type: "string", value: "pass-arg", help: "Print IR before specified passes" },
  { name: "mlir-print-ir-after", type: "string", value: "pass-arg", help: "Print IR after specified passes" },
  { name: "mlir-print-ir-before-all", type: "boolean", help: "Print IR before each pass", def: false },
  { name: "mlir-print-ir-after-all", type: "boolean", help: "Print IR after each pass", def: false },
  { name: "mlir-print-ir-after-change", type: "boolean", help: "When printing the IR after a pass, only print if the IR changed", def: false },
  { name: "mlir-print-ir-after-failure", type: "boolean", help: "When printing the IR after a pass, only print if the pass failed", def: false },
  { name: "mlir-print-ir-module-scope", type: "boolean", help: "When printing IR for print-ir-[before|after]{-all} always print the top-level operation", def: false },
  { name: "mlir-disable-threading", type: "boolean", help: "Disable multi-threading within MLIR (allo-opt is single-threaded; accepted for compatibility)", def: false },
  { name: "mlir-timing", type: "boolean", help: "Display execution times", def: false },
  { name: "mlir-timing-display", type: "string", value: "value", help: "Display method for timing data", def: "tree", choices: [["list", "display the results in a list sorted by total time"], ["tree", "display the results ina with a nested tree view"]] },
  { name: "mlir-pass-statistics", type: "boolean", help: "Display the statistics of each pass", def: false },
  { name: "mlir-pass-statistics-display", type: "string", value: "value", help: "Display method for pass statistics", def: "pipeline", choices: [["list", "display the results in a merged list sorted by pass name"], ["pipeline", "display the results with a nested pipeline view"]] },
  { name: "mlir-pass-pipeline-crash-reproducer", type: "string", value: "string", help: "Generate a .mlir reproducer file at the given output path if the pass manager crashes or fails" },
  { name: "mlir-pass-pipeline-local-reproducer", type: "boolean", help: "When generating a crash reproducer, attempt to generated a reproducer with the smallest pipeline.", def: false },
  { name: "run-reproducer", type: "boolean", help: "Run the pipeline stored in the reproducer", def: false },
];

/// --help, laid out as llvm::cl prints it, with every pass and its options.
function helpText(): string {
  const width = (f: Flag) => 2 + 2 + (f.name.length === 1 ? -1 : 0) + f.name.length + (f.value !== undefined ? f.value.length + 3 : 0) + 3;
  let g = passListWidth();
  for (const f of flags) g = Math.max(g, width(f));
  let out = "OVERVIEW: allo-ts modular optimizer driver (mlir-opt compatible)\n\nUSAGE: allo-opt [options] <input file>\n\nOPTIONS:\n\nGeneral options:\n\n";
  const sorted = [...flags, { name: "p", type: "string", value: "string", help: "Alias for --pass-pipeline" } as Flag].sort((a, b) => (a.name < b.name ? -1 : 1));
  let passesShown = false;
  for (const f of sorted) {
    if (!passesShown && f.name > "c") { out += passesHelp(g); passesShown = true; }
    const head = `  ${f.name.length === 1 ? "-" : "--"}${f.name}${f.value !== undefined ? `=<${f.value}>` : ""}`;
    out += head + " ".repeat(Math.max(1, g - width(f))) + " - " + f.help + "\n";
    for (const [c, h] of f.choices ?? []) out += `    =${c}` + " ".repeat(Math.max(1, g - c.length - 8)) + " -   " + h + "\n";
  }
  if (!passesShown) out += passesHelp(g);
  return out + "\nGeneric Options:\n\n  --help       - Display available options (--help-hidden for more)\n  --version    - Display the version of this program\n";
}

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

function editDistance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/// mlir-opt's message for an unknown option, with the nearest known option, or null if all are known.
function unknownFlag(args: readonly string[], reserved: ReadonlySet<string>): string | null {
  const known = new Set([...reserved, "help", "h", "p", "version"]);
  const bools = new Set(flags.filter((f) => f.type === "boolean").map((f) => f.name));
  for (const a of args) {
    if (a === "-" || a === "--" || !a.startsWith("-")) continue;
    const name = a.replace(/^--?/, "").replace(/=.*$/, "");
    if (known.has(name) || (name.startsWith("no-") && bools.has(name.slice(3)))) continue;
    let best = "", dist = Infinity;
    for (const k of [...reserved, ...registeredPasses().map((p) => p.argument), ...registeredPassPipelines().map((p) => p.argument)]) {
      const d = editDistance(name, k);
      if (d < dist) { dist = d; best = k; }
    }
    return `allo-opt: Unknown command line argument '${a.replace(/=.*$/, "")}'.  Try: 'allo-opt --help'\n` + (best ? `allo-opt: Did you mean '--${best}'?\n` : "");
  }
  return null;
}

/// What one allo-opt invocation produced.
export interface AlloOptResult {
  /// Text for stdout (the output when it goes to `-`).
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/// Runs allo-opt on `args` (without the program name); `stdin` supplies input `-`. Never throws for user errors.
export function alloOptMain(args: readonly string[], stdin: () => string = () => readFileSync(0, "utf8")): AlloOptResult {
  const reserved = new Set(flags.map((f) => f.name));
  const { passFlags, rest } = extractPassFlags(normalizeArgs(args), reserved);
  if (rest.includes("--help") || rest.includes("-h")) return { stdout: helpText(), stderr: "", exitCode: 0 };

  const unknown = unknownFlag(rest, reserved);
  if (unknown !== null) return { stdout: "", stderr: unknown, exitCode: 1 };
  let failure: string | null = null;
  let y = yargs(rest).scriptName("allo-opt").help(false).version(false).alias("p", "pass-pipeline").exitProcess(false);
  for (const f of flags) {
    y = y.option(f.name, { type: f.type, default: f.def, describe: f.help, ...(f.choices !== undefined ? { choices: f.choices.map((c) => c[0]) } : {}) });
  }
  const argv = y.strictOptions().fail((msg) => { failure = msg; }).parseSync() as Record<string, unknown> & { _: (string | number)[] };
  if (failure !== null) return { stdout: "", stderr: `allo-opt: ${failure}\n`, exitCode: 1 };
  if (argv["list-passes"]) return { stdout: listPassesText(), stderr: "", exitCode: 0 };
  const bool = (name: string) => Boolean(Array.isArray(argv[name]) ? (argv[name] as unknown[]).at(-1) : argv[name]);

  if (argv._.length > 1) return { stdout: "", stderr: "allo-opt: Too many positional arguments specified!\nCan specify at most 1 positional arguments: See: allo-opt --help\n", exitCode: 1 };
  const file = String(argv._[0] ?? "-");
  const input = file === "-" ? { name: "<stdin>", text: stdin() } : readInput(file);
  if ("error" in input) return { stdout: "", stderr: `allo-opt: ${input.error}\n`, exitCode: 1 };

  const passOptions: PassCliOptions = {
    toolName: "allo-opt",
    passPipeline: last(argv["pass-pipeline"]),
    passFlags,
    verifyEach: bool("verify-each"),
    verifyDiagnostics: bool("verify-diagnostics"),
    printIrBefore: list(argv["mlir-print-ir-before"]),
    printIrAfter: list(argv["mlir-print-ir-after"]),
    printIrBeforeAll: bool("mlir-print-ir-before-all"),
    printIrAfterAll: bool("mlir-print-ir-after-all"),
    printIrAfterChange: bool("mlir-print-ir-after-change"),
    printIrAfterFailure: bool("mlir-print-ir-after-failure"),
    printIrModuleScope: bool("mlir-print-ir-module-scope"),
    printGeneric: bool("mlir-print-op-generic"),
    debugInfo: bool("mlir-print-debuginfo"),
    statistics: bool("mlir-pass-statistics") ? (last(argv["mlir-pass-statistics-display"]) as StatisticsDisplay) : null,
    dumpPassPipeline: bool("dump-pass-pipeline"),
    crashReproducer: last(argv["mlir-pass-pipeline-crash-reproducer"]),
    localReproducer: bool("mlir-pass-pipeline-local-reproducer"),
    runReproducer: bool("run-reproducer"),
    disableThreading: bool("mlir-disable-threading"),
  };
  const r = runOpt({
    inputName: input.name, inputText: input.text, splitInputFile: bool("split-input-file"), verifyDiagnostics: bool("verify-diagnostics"),
    printGeneric: bool("mlir-print-op-generic"), debugInfo: bool("mlir-print-debuginfo"), allowUnregistered: bool("allow-unregistered-dialect"),
    noImplicitModule: bool("no-implicit-module"), transform: wantsPasses(passOptions) ? makePassTransform(passOptions) : null, emit: null,
    timing: bool("mlir-timing") ? (last(argv["mlir-timing-display"]) as TimingDisplay) : null,
  });
  const out = last(argv.o) ?? "-";
  if (out === "-") return { stdout: r.output, stderr: r.errors, exitCode: r.exitCode };
  if (r.exitCode === 0) {
    const err = writeOutputAtomic(out, r.output);
    if (err !== null) return { stdout: "", stderr: r.errors + `allo-opt: ${err}\n`, exitCode: 1 };
  }
  return { stdout: "", stderr: r.errors, exitCode: r.exitCode };
}
