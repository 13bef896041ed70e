// The allo-run driver: parse, verify, run a pass pipeline, bind .npy inputs, simulate, write .npy outputs.
import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import "@allo/passes";
import {
  Diagnostic, DiagnosticError, Nesting, parsePassPipeline, parseSource, PassManager, printOpGeneric, Severity, SourceBuffer,
  unknownDiagLoc, verify, type Operation,
} from "@allo/ir-core";
import {
  entryArgs, entryResults, findEntry, NpyError, readNpy, SimError, SimMessages, simulate, valueFromNpy, valueToNpy,
  writeNpy, zeroValue, type EntryArg, type NpyArray, type RtValue,
} from "@allo/target-sim";
import { readFileSync } from "node:fs";
import { runHlsCsim } from "./run-hls.js";
import { systemErrorText, writeOutputAtomic } from "./io.js";
import { renderWithSources } from "./render.js";

/// The targets allo-run can execute on.
export const runTargets = ["sim", "hls-csim"] as const;

/// `--timeout`'s default: a run that loops forever stops with an error instead of hanging.
export const defaultTimeoutSeconds = 120;

/// Options of one allo-run invocation.
export interface RunOptions {
  readonly inputName: string;
  readonly inputText: string;
  /// `--entry`: the df.region, hw.design or func.func to run ("" = choose).
  readonly entry: string;
  /// `--pass-pipeline` ("" = none).
  readonly pipeline: string;
  /// `--in NAME=FILE` pairs, in order.
  readonly inputs: readonly string[];
  /// `--out NAME=FILE` pairs, in order.
  readonly outputs: readonly string[];
  readonly target: string;
  /// Print run statistics (stream operations, time) to stderr.
  readonly stats: boolean;
  /// `--timeout`: seconds after which a run stops with an error (0: no limit).
  readonly timeoutSeconds: number;
}

/// What a run produced: the text for stderr and stdout, and the exit code.
export interface RunResult { stdout: string; stderr: string; exitCode: number }

class RunFailure {
  readonly text: string;
  constructor(text: string) { this.text = text; }
}

function splitPair(flag: string, s: string): { name: string; file: string } {
  const eq = s.indexOf("=");
  if (eq <= 0 || eq === s.length - 1) throw new RunFailure(`allo-run: ${flag} expects NAME=FILE, got '${s}'\n`);
  return { name: s.slice(0, eq), file: s.slice(eq + 1) };
}

/// The entry argument (or result, `resultN`) a NAME designates: its source name (`A` or `%A`) or its position.
function resolveName(name: string, args: readonly EntryArg[], nresults: number): { arg: number } | { result: number } | null {
  const bare = name.startsWith("%") ? name.slice(1) : name;
  const byName = args.find((a) => a.name === bare);
  if (byName !== undefined) return { arg: byName.index };
  if (/^[0-9]+$/.test(bare) && Number(bare) < args.length) return { arg: Number(bare) };
  const m = /^(?:arg)([0-9]+)$/.exec(bare);
  if (m !== null && Number(m[1]) < args.length && !args.some((a) => a.name === bare)) return { arg: Number(m[1]) };
  const r = /^result([0-9]+)$/.exec(bare);
  if (r !== null && Number(r[1]) < nresults) return { result: Number(r[1]) };
  return null;
}

function argList(args: readonly EntryArg[]): string {
  return args.map((a) => (a.name !== null ? `%${a.name}` : `#${a.index}`)).join(", ") || "none";
}

/// A diagnostic with its source line; one about the command line (no location) is prefixed with the tool's name.
function simDiagText(d: Diagnostic, buf: SourceBuffer): string { return renderWithSources(d, [buf], "allo-run: "); }

function fail(diags: readonly Diagnostic[], buf: SourceBuffer): never {
  throw new RunFailure(diags.map((d) => simDiagText(d, buf)).join(""));
}

/// Runs `--pass-pipeline` (MLIR's form `builtin.module(...)`; a bare pass list is anchored on builtin.module).
function runPipeline(module: Operation, text: string, buf: SourceBuffer): void {
  let t = text.trim();
  if (t === "") return;
  if (!/^[A-Za-z_][\w.$-]*\s*\(/.test(t) || !t.endsWith(")")) t = `builtin.module(${t})`;
  const parsed = parsePassPipeline(t);
  if (!parsed.ok) throw new RunFailure(parsed.error.render("allo-run"));
  const pm = new PassManager("builtin.module", Nesting.Explicit, { printOpOnDiagnostic: printOpGeneric }).setPipeline(parsed.pm);
  const diags: Diagnostic[] = [];
  const ok = pm.run(module, (d) => diags.push(d));
  if (!ok || diags.some((d) => d.severity === Severity.Error)) fail(diags, buf);
}

function readArray(file: string, what: string): ReturnType<typeof readNpy> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new RunFailure(`allo-run: cannot open ${what} file '${file}': ${systemErrorText(e)}\n`);
  }
  try {
    return readNpy(bytes);
  } catch (e) {
    if (e instanceof NpyError) throw new RunFailure(`allo-run: ${what} file '${file}': ${e.message}\n`);
    throw e;
  }
}

/// Runs allo-run on one input; never throws for user errors.
export function runRun(o: RunOptions): RunResult {
  const buf = new SourceBuffer(o.inputName, o.inputText);
  let stdout = "";
  let stderr = "";
  try {
    if (!(runTargets as readonly string[]).includes(o.target)) {
      fail([new Diagnostic(Severity.Error, SimMessages.UnknownTarget.code, SimMessages.UnknownTarget.text.replace("{0}", o.target).replace("{1}", runTargets.join(", ")), unknownDiagLoc)], buf);
    }
    let module: Operation;
    try {
      module = parseSource(buf, {});
    } catch (e) {
      if (e instanceof DiagnosticError) fail([...e.diagnostics], buf);
      throw e;
    }
    const errs = verify(module, { printOpOnDiagnostic: printOpGeneric });
    if (errs.length) fail(errs, buf);

    // Names are taken before the pipeline runs (passes may rebuild the entry's arguments).
    const before = findOrFail(module, o.entry, buf);
    const names = entryArgs(before).map((a) => a.name);
    const entryName = symOf(before);
    // hls-csim runs hw designs: a df program is lowered first unless a pipeline is given.
    const pipeline = o.target === "hls-csim" && o.pipeline.trim() === "" && before.name === "df.region" ? "builtin.module(df-to-hw)" : o.pipeline;
    runPipeline(module, pipeline, buf);
    const entry = pipeline.trim() === "" ? before : findOrFail(module, o.entry !== "" ? o.entry : "", buf, entryName);
    const args = entryArgs(entry).map((a, i) => ({ ...a, name: a.name ?? (names.length === entryArgs(entry).length ? names[i] : null) }));
    const nres = entryResults(entry).length;

    // inputs
    const values: (RtValue | null)[] = args.map(() => null);
    const arrays: (NpyArray | null)[] = args.map(() => null);
    for (const s of o.inputs) {
      const { name, file } = splitPair("--in", s);
      const r = resolveName(name, args, 0);
      if (r === null || !("arg" in r)) fail([simErr(SimMessages.UnknownArgument, symOf(entry), name, argList(args))], buf);
      if (arrays[r.arg] !== null) throw new RunFailure(`allo-run: argument '${name}' is given twice with --in\n`);
      const arr = readArray(file, "input");
      arrays[r.arg] = arr;
      if (o.target !== "hls-csim") values[r.arg] = valueFromNpy(name, args[r.arg].type, arr);
    }
    for (let i = 0; i < args.length; i++) {
      if (values[i] !== null || o.target === "hls-csim") continue;
      const z = zeroValue(args[i].type);
      if (z === null) throw new RunFailure(`allo-run: argument ${args[i].name !== null ? `'${args[i].name}'` : `#${i}`} of type ${String(args[i].type)} needs an input (--in)\n`);
      values[i] = z;
    }
    const outs = o.outputs.map((s) => {
      const { name, file } = splitPair("--out", s);
      const r = resolveName(name, args, nres);
      if (r === null) fail([simErr(SimMessages.UnknownOutput, symOf(entry), name, argList(args) + (nres ? `, result0..result${nres - 1}` : ""))], buf);
      return { name, file, r };
    });

    if (o.target === "hls-csim") {
      const cr = runHlsCsim(module, entry, arrays, o.timeoutSeconds * 1000);
      if (!cr.ok) fail(cr.diagnostics, buf);
      for (const out of outs) {
        const arr = "arg" in out.r ? cr.args[out.r.arg] : cr.results[out.r.result];
        const err = writeOutputAtomic(out.file, writeNpy(arr));
        if (err !== null) throw new RunFailure(`allo-run: ${err}\n`);
      }
      if (entry.name === "func.func" && cr.results.length > 0 && outs.every((x) => "arg" in x.r)) {
        stdout += cr.results.map((a, i) => `result${i} = ${String((a.data as ArrayLike<unknown>)[0])}\n`).join("");
      }
      return { stdout, stderr, exitCode: 0 };
    }
    const res = simulate(module, entry, values as RtValue[], { timeLimitMs: o.timeoutSeconds * 1000 });
    if (!res.ok) fail(res.diagnostics, buf);
    if (o.stats) {
      const s = res.stats;
      stderr += `allo-run: ${s.tasks} instances, ${s.streamOps} stream operations in ${(s.seconds * 1000).toFixed(1)} ms (${(s.streamOps / Math.max(s.seconds, 1e-9) / 1e6).toFixed(2)} M stream ops/s)\n`;
    }
    const types = entryResults(entry);
    for (const out of outs) {
      const isArg = "arg" in out.r;
      const v = isArg ? res.args[(out.r as { arg: number }).arg] : res.results[(out.r as { result: number }).result];
      const t = isArg ? args[(out.r as { arg: number }).arg].type : types[(out.r as { result: number }).result];
      const bytes = writeNpy(valueToNpy(out.name, t, v));
      const err = writeOutputAtomic(out.file, bytes);
      if (err !== null) throw new RunFailure(`allo-run: ${err}\n`);
    }
    if (entry.name === "func.func" && nres > 0 && outs.every((x) => "arg" in x.r)) {
      stdout += res.results.map((v, i) => `result${i} = ${typeof v === "object" ? String(types[i]) : String(v)}\n`).join("");
    }
    return { stdout, stderr, exitCode: 0 };
  } catch (e) {
    if (e instanceof RunFailure) return { stdout, stderr: stderr + e.text, exitCode: 1 };
    if (e instanceof SimError) return { stdout, stderr: stderr + e.diagnostics.map((d) => simDiagText(d, buf)).join(""), exitCode: 1 };
    if (e instanceof DiagnosticError) return { stdout, stderr: stderr + simDiagText(e.diagnostic, buf), exitCode: 1 };
    throw e;
  }
}

function symOf(op: Operation): string {
  const a = op.getAttr("sym_name") as unknown as { value: string } | null;
  return a?.value ?? "";
}

function simErr(msg: { code: number; severity: Severity; text: string }, ...args: unknown[]): Diagnostic {
  return new Diagnostic(msg.severity, msg.code, msg.text.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])), unknownDiagLoc);
}

function findOrFail(module: Operation, entry: string, buf: SourceBuffer, fallback = ""): Operation {
  try {
    if (entry === "" && fallback !== "") {
      try { return findEntry(module, fallback); } catch { /* the pipeline renamed or replaced it: choose again */ }
    }
    return findEntry(module, entry);
  } catch (e) {
    if (e instanceof SimError) fail(e.diagnostics, buf);
    throw e;
  }
}
