// The pass and pass-pipeline registries, option parsing against a schema, and the --help / --list-passes text.
import { InternalError } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { OptKind, parseScalar, printOption, splitList, splitOptions, valueName, type OptionsSchema, type OptionSpec } from "./options.js";
import { Pass, type PassDef } from "./pass.js";
import type { OpPassManager } from "./pass-manager.js";

/// A registered named pipeline (`registerPassPipeline`).
export interface PipelineDef {
  readonly argument: string;
  readonly summary: string;
  readonly options: OptionsSchema;
  /// Appends the pipeline's passes to `pm`; returns an error message on failure.
  build(pm: OpPassManager, options: Record<string, unknown>): string | void;
}

const passes = new Map<string, PassDef>();
const pipelines = new Map<string, PipelineDef>();

/// Registers a pass under its argument (idempotent for the same definition).
export function registerPass<S extends OptionsSchema, K extends string>(def: PassDef<S, K>): void {
  const d = def as unknown as PassDef;
  const prior = passes.get(d.argument);
  if (prior !== undefined && prior !== d) throw new InternalError(`pass '${d.argument}' registered twice`);
  passes.set(d.argument, d);
}

/// Registers a named pipeline such as `df-to-hw`: `build` adds passes to the pass manager it is given.
export function registerPassPipeline<S extends OptionsSchema>(
  argument: string, summary: string, build: (pm: OpPassManager, options: { [K in keyof S]: unknown }) => string | void, options?: S,
): void {
  if (pipelines.has(argument)) throw new InternalError(`pass pipeline '${argument}' registered twice`);
  pipelines.set(argument, { argument, summary, options: options ?? {}, build: build as PipelineDef["build"] });
}

/// The pass registered as `argument`, or null.
export function lookupPass(argument: string): PassDef | null { return passes.get(argument) ?? null; }
/// The pipeline registered as `argument`, or null.
export function lookupPassPipeline(argument: string): PipelineDef | null { return pipelines.get(argument) ?? null; }
/// Every registered pass, sorted by argument.
export function registeredPasses(): PassDef[] { return [...passes.values()].sort((a, b) => cmp(a.argument, b.argument)); }
/// Every registered pipeline, sorted by argument.
export function registeredPassPipelines(): PipelineDef[] { return [...pipelines.values()].sort((a, b) => cmp(a.argument, b.argument)); }

function cmp(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }

/// What an option's parser writes to stderr before MLIR's error: a line llvm::cl prints as `tool: <text>` (`for the
/// --x option: ...`), or (`raw`) a pass-pipeline option's own error text, printed as it is.
export interface ClMessage { readonly text: string; readonly raw: boolean }

/// An option error: `clMessage` is what the option parser prints first (may be null), `message` is MLIR's error text.
export interface OptionError { readonly clMessage: ClMessage | null; readonly message: string }

function clError(arg: string, what: string, raw = false): OptionError {
  return { clMessage: raw ? { text: what, raw } : { text: `for the --${arg} option: ${what}`, raw }, message: "" };
}

/// Parses `{...}` option text against a schema into `values` (which holds the defaults or earlier values).
/// Keys set explicitly are added to `explicit` (MLIR's Option::hasValue).
export function parseOptionsInto(schema: OptionsSchema, text: string, values: Record<string, unknown>, explicit?: Set<string>): OptionError | null {
  const byArg = new Map<string, [string, OptionSpec<unknown>]>();
  for (const [k, s] of Object.entries(schema)) byArg.set(s.arg, [k, s]);
  const listsSeen = new Set<string>();
  for (const { key, value } of splitOptions(text)) {
    const entry = byArg.get(key);
    if (entry === undefined) return { clMessage: null, message: DiagMessages.NoSuchOption.text.replace("{0}", key) + "\n" };
    const [k, s] = entry;
    explicit?.add(k);
    if (value === null && s.kind !== OptKind.Bool) return clError(s.arg, "requires a value!");
    if (s.list) {
      if (!listsSeen.has(k)) { listsSeen.add(k); values[k] = []; }
      for (const el of splitList(value ?? "")) {
        const r = parseScalar(s, el);
        if (!r.ok) return clError(s.arg, r.message, r.raw);
        (values[k] as unknown[]).push(r.value);
      }
    } else {
      const r = parseScalar(s, value ?? "");
      if (!r.ok) return clError(s.arg, r.message, r.raw);
      values[k] = r.value;
    }
  }
  return null;
}

/// Creates a pass instance with options parsed from `text`.
export function createPass(def: PassDef, text = ""): { pass: Pass } | { error: OptionError } {
  const pass = new Pass(def);
  const err = parseOptionsInto(def.options, text, pass.options, pass.explicit);
  return err !== null ? { error: err } : { pass };
}

/// The default values of a schema.
export function defaultOptions(schema: OptionsSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(schema)) out[k] = Array.isArray(s.defaultValue) ? s.defaultValue.slice() : s.defaultValue;
  return out;
}

/// Prints option values as `{a=1 b=2}` (sorted by argument; "" when the schema is empty).
export function printOptions(schema: OptionsSchema, values: Record<string, unknown>): string {
  const specs = Object.entries(schema).sort((a, b) => cmp(a[1].arg, b[1].arg));
  if (specs.length === 0) return "";
  return `{${specs.map(([k, s]) => printOption(s, values[k])).join(" ")}}`;
}

// ---- help text, laid out as llvm::cl and mlir-opt lay it out ----

/// The width llvm::cl reserves for one option line (`  --arg=<value>` plus its padding).
export function optionWidth(s: OptionSpec<unknown>): number {
  const vn = valueName(s);
  return 2 + 2 + s.arg.length + (vn.length ? vn.length + 3 : 0) + 3;
}

function schemaWidth(schema: OptionsSchema): number {
  let w = 0;
  for (const s of Object.values(schema)) w = Math.max(w, optionWidth(s));
  return w;
}

/// The description column the pass list needs (MLIR's PassNameParser::getOptionWidth).
export function passListWidth(): number {
  let w = 0;
  for (const p of passes.values()) w = Math.max(w, schemaWidth(p.options) + 2 + 4);
  for (const p of pipelines.values()) w = Math.max(w, schemaWidth(p.options) + 2 + 4);
  return w;
}

/// One option line: `indent` spaces, `  --arg=<value>`, padding, ` - help`; enum values follow as `    =name ... -   help`.
export function formatOptionHelp(s: OptionSpec<unknown>, indent: number, globalWidth: number): string {
  const vn = valueName(s);
  const head = `  --${s.arg}${vn.length ? `=<${vn}>` : ""}`;
  const local = globalWidth - indent;
  let out = " ".repeat(indent) + head + " ".repeat(Math.max(0, local - optionWidth(s))) + " - " + s.help + "\n";
  if (s.enumValues !== null) {
    for (const e of s.enumValues) out += `    =${e.name}` + " ".repeat(Math.max(0, local - e.name.length - 8)) + " -   " + e.help + "\n";
  }
  return out;
}

function entryHelp(arg: string, summary: string, schema: OptionsSchema, indent: number, descIndent: number): string {
  const pad = Math.max(0, descIndent - indent - 4);
  let out = " ".repeat(indent) + "--" + arg.padEnd(pad) + "-   " + summary + "\n";
  const specs = Object.values(schema).sort((a, b) => cmp(a.arg, b.arg));
  for (const s of specs) out += formatOptionHelp(s, indent, descIndent);
  return out;
}

/// The `Compiler passes to run` block of --help: every pass and pipeline with its options.
export function passesHelp(globalWidth: number): string {
  let out = "  Compiler passes to run\n    Passes:\n";
  for (const p of registeredPasses()) out += entryHelp(p.argument, p.summary, p.options, 6, globalWidth);
  const pls = registeredPassPipelines();
  if (pls.length) {
    out += "    Pass Pipelines:\n";
    for (const p of pls) out += entryHelp(p.argument, p.summary, p.options, 6, globalWidth);
  }
  return out;
}

/// `--list-passes`: the passes and pipelines as mlir's printRegisteredPasses prints them.
export function listPassesText(): string {
  let w = 0;
  for (const p of passes.values()) w = Math.max(w, schemaWidth(p.options) + 2 + 4, p.argument.length + 8);
  for (const p of pipelines.values()) w = Math.max(w, schemaWidth(p.options) + 2 + 4, p.argument.length + 8);
  let out = "Passes:\n";
  for (const p of registeredPasses()) out += entryHelp(p.argument, p.summary, p.options, 2, w);
  const pls = registeredPassPipelines();
  if (pls.length) {
    out += "Pass Pipelines:\n";
    for (const p of pls) out += entryHelp(p.argument, p.summary, p.options, 2, w);
  }
  return out;
}
