// The allo-opt driver behind the `allo-opt` binary: mlir-opt's flags, pass flags and --help; runs in-process for tests.
import { readFileSync } from "node:fs";
import yargs from "yargs";
import { passesHelp, passListWidth, registeredPassPipelines, registeredPasses } from "@allo/ir-core";
import { checkClArgs, unknownOptionMessage } from "./cl-args.js";
import { normalizeArgs } from "./io.js";
import { flags, runAlloOpt, type AlloOptResult, type Flag, type ParsedArgs } from "./opt-flags.js";
import { extractPassFlags } from "./pass-cli.js";
import { versionText } from "./version.js";

/// --help, laid out as llvm::cl prints it, with every pass and its options.
function helpText(): string {
  const width = (f: Flag) => 2 + 2 + (f.name.length === 1 ? -1 : 0) + f.name.length + (f.value !== undefined ? f.value.length + 3 : 0) + (f.optionalValue !== undefined ? 2 : 0) + 3;
  let g = passListWidth();
  for (const f of flags) g = Math.max(g, width(f));
  let out = "OVERVIEW: allo-ts modular optimizer driver (mlir-opt compatible)\n\nUSAGE: allo-opt [options] <input file>\n\nOPTIONS:\n\nGeneral options:\n\n";
  const sorted = [...flags, { name: "p", type: "string", value: "string", help: "Alias for --pass-pipeline" } as Flag].sort((a, b) => (a.name < b.name ? -1 : 1));
  let passesShown = false;
  for (const f of sorted) {
    if (!passesShown && f.name > "c") { out += passesHelp(g); passesShown = true; }
    const value = f.value === undefined ? "" : f.optionalValue !== undefined ? `[=<${f.value}>]` : `=<${f.value}>`;
    const head = `  ${f.name.length === 1 ? "-" : "--"}${f.name}${value}`;
    out += head + " ".repeat(Math.max(1, g - width(f))) + " - " + f.help + "\n";
    for (const [c, h] of f.choices ?? []) out += `    =${c}` + " ".repeat(Math.max(1, g - c.length - 8)) + " -   " + h + "\n";
  }
  if (!passesShown) out += passesHelp(g);
  return out + "\nGeneric Options:\n\n  --help       - Display available options (--help-hidden for more)\n  --version    - Display the version of this program\n";
}

/// Runs allo-opt on `args` (without the program name); `stdin` supplies input `-`. Never throws for user errors.
export function alloOptMain(args: readonly string[], stdin: () => string = () => readFileSync(0, "utf8")): AlloOptResult {
  const reserved = new Set(flags.map((f) => f.name));
  const { passFlags, rest } = extractPassFlags(normalizeArgs(args), reserved);
  if (rest.includes("--help") || rest.includes("-h")) return { stdout: helpText(), stderr: "", exitCode: 0 };
  if (rest.includes("--version")) return { stdout: versionText + "\n", stderr: "", exitCode: 0 };

  const checked = checkClArgs("allo-opt", rest, flags, new Map([["p", "pass-pipeline"]]));
  if ("error" in checked) return { stdout: "", stderr: checked.error, exitCode: 1 };
  const suggestions = [...reserved, ...registeredPasses().map((p) => p.argument), ...registeredPassPipelines().map((p) => p.argument)];
  const unknown = unknownOptionMessage("allo-opt", checked.args, new Set([...reserved, "help", "h", "p", "version"]), suggestions);
  if (unknown !== null) return { stdout: "", stderr: unknown, exitCode: 1 };
  let failure: string | null = null;
  let y = yargs(checked.args).scriptName("allo-opt").help(false).version(false).parserConfiguration({ "boolean-negation": false }).exitProcess(false);
  for (const f of flags) {
    y = y.option(f.name, { type: f.type, default: f.def, describe: f.help, ...(f.choices !== undefined ? { choices: f.choices.map((c) => c[0]) } : {}) });
  }
  const argv = y.strictOptions().fail((msg) => { failure = msg; }).parseSync() as ParsedArgs;
  if (failure !== null) return { stdout: "", stderr: `allo-opt: ${failure}\n`, exitCode: 1 };
  return runAlloOpt(argv, passFlags, stdin);
}
