// The allo-opt driver: read, split, parse, verify, transform, print — with mlir-opt's diagnostics.
import {
  AsmPrinter, DiagnosticError, diagnosticOpPrinter, parseSource, printOptionsForUnverified, setDiagnosticOpPrinter, SourceBuffer, Timer, timingReport, verify, type Diagnostic,
  type Operation, type PrintOptions, type TimingDisplay, type TimingFormat,
} from "@allo/ir-core";
import { renderWithSources, resolveLocations } from "./render.js";
import { verifyRoundTrip } from "./roundtrip.js";
import { splitInput } from "./split-input.js";
import { checkExpectations } from "./verify-diagnostics.js";

/// What a transform may use besides `emit`: the timer to nest its timings under, and raw stderr output (IR dumps,
/// reports) kept in order with the diagnostics.
export interface TransformHooks {
  readonly timer: Timer | null;
  write(text: string): void;
}

/// Runs after parsing and verification; reports problems through `emit` and returns false on failure.
export type Transform = (module: Operation, emit: (d: Diagnostic) => void, buffer: SourceBuffer, hooks: TransformHooks) => boolean;

/// Options of one allo-opt run.
export interface OptOptions {
  readonly inputName: string;
  readonly inputText: string;
  /// `--split-input-file`: the marker to split the input at, or null to take it whole.
  readonly splitInputFile: string | null;
  /// `--output-split-marker`: what goes between the outputs of the chunks.
  readonly outputSplitMarker: string;
  readonly verifyDiagnostics: boolean;
  /// `--mlir-print-op-on-diagnostic`: errors at an op carry a `see current operation` note (not under
  /// --verify-diagnostics, as in MLIR).
  readonly printOpOnDiagnostic: boolean;
  /// How the result prints (`--mlir-print-op-generic`, `--mlir-print-debuginfo`, `--mlir-print-local-scope`).
  readonly print: PrintOptions;
  readonly allowUnregistered: boolean;
  readonly noImplicitModule: boolean;
  /// Skip printing the result (e.g. `--verify-each` only runs, or a translation consumes the module).
  readonly transform: Transform | null;
  /// Replaces the IR printer (translations print C++ or LLVM IR instead).
  readonly emit: ((module: Operation) => string) | null;
  /// `--mlir-timing`: print an execution time report per input buffer (null: off).
  readonly timing?: TimingDisplay | null;
  /// `--mlir-output-format`: the timing report as text (the default) or JSON.
  readonly timingFormat?: TimingFormat;
  /// `--verify-roundtrip`: after parsing, check that the IR prints and parses back to the same IR (roundtrip.ts).
  readonly verifyRoundtrip?: boolean;
  /// The transform may leave IR that does not verify (passes under --verify-each=false): as MLIR's printer, verify it
  /// before printing and print the generic form if that fails, unless --mlir-print-assume-verified.
  readonly unverifiedOutput?: boolean;
}

/// Text for stdout/-o: a string, or chunks of UTF-8 bytes (printed IR, which a file takes as it is).
export type OptOutput = string | readonly Uint8Array[];

/// What a run produced: the output, the text for stderr, and the exit code.
export interface OptResult { output: OptOutput; errors: string; exitCode: number }

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/// `output` as a string.
export function outputText(output: OptOutput): string {
  return typeof output === "string" ? output : output.map((c) => decoder.decode(c)).join("");
}

/// Processes the input as mlir-opt does.
export function runOpt(o: OptOptions): OptResult {
  let buffers = [new SourceBuffer(o.inputName, o.inputText)];
  let errors = "";
  if (o.splitInputFile !== null) {
    const split = splitInput(o.inputName, o.inputText, o.splitInputFile);
    buffers = split.chunks;
    errors = split.warnings.map((w) => renderWithSources(w, [split.source])).join("");
  }
  const outputs: OptOutput[] = [];
  let failed = false;
  // Ops inside diagnostic messages print with the tool's flags too (MLIR's OpPrintingFlags read the command line).
  const previousPrinter = setDiagnosticOpPrinter(diagnosticOpPrinter(o.print));
  try {
    for (const buf of buffers) {
      const r = processBuffer(buf, o);
      outputs.push(r.output);
      errors += r.errors;
      failed ||= r.failed;
    }
  } finally { setDiagnosticOpPrinter(previousPrinter); }
  return { output: joinOutputs(outputs, o.outputSplitMarker + "\n"), errors, exitCode: failed ? 1 : 0 };
}

/// The outputs of the buffers, separated by `sep`.
function joinOutputs(outputs: readonly OptOutput[], sep: string): OptOutput {
  if (outputs.length <= 1) return outputs[0] ?? "";
  if (outputs.every((x) => typeof x === "string")) return outputs.join(sep);
  const sepBytes = encoder.encode(sep);
  return outputs.flatMap((x, i) => [...(i ? [sepBytes] : []), ...(typeof x === "string" ? [encoder.encode(x)] : x)]);
}

function processBuffer(buf: SourceBuffer, o: OptOptions): { output: OptOutput; errors: string; failed: boolean } {
  const diags: Diagnostic[] = [];
  // stderr in order: diagnostics (rendered at the end, or checked under --verify-diagnostics) and raw text.
  const stderr: (Diagnostic | string)[] = [];
  const emit = (d: Diagnostic) => { const r = resolveLocations(d, [buf]); diags.push(r); stderr.push(r); };
  const root = o.timing ? new Timer("root") : null;
  root?.start();
  const hooks: TransformHooks = { timer: root, write: (t) => { stderr.push(t); } };
  let output: OptOutput = "";
  let ok = true;
  try {
    const parser = root?.nest("Parser", "Parser") ?? null;
    parser?.start();
    let op: Operation;
    let errs: Diagnostic[];
    // The Parser row includes verification, which MLIR's parseSourceFile does.
    try {
      op = parseSource(buf, { allowUnregistered: o.allowUnregistered, noImplicitModule: o.noImplicitModule });
      errs = verify(op, { printOpOnDiagnostic: o.printOpOnDiagnostic && !o.verifyDiagnostics ? diagnosticOpPrinter(o.print) : null });
    } finally { parser?.stop(); }
    errs.forEach(emit);
    ok = errs.length === 0;
    if (ok && o.verifyRoundtrip === true) {
      ok = verifyRoundTrip(op, {
        print: o.print, allowUnregistered: o.allowUnregistered, printOpOnDiagnostic: o.printOpOnDiagnostic && !o.verifyDiagnostics,
        emit, write: hooks.write,
      });
    }
    if (ok && o.transform !== null) ok = o.transform(op, emit, buf, hooks);
    if (ok) {
      const out = root?.nest("Output", "Output") ?? null;
      out?.start();
      const print = o.unverifiedOutput === true && o.transform !== null ? printOptionsForUnverified(op, o.print) : o.print;
      output = o.emit !== null ? o.emit(op) : new AsmPrinter(print).printTopLevelBytes(op, "\n");
      out?.stop();
    }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    e.diagnostics.forEach(emit);
    ok = false;
  }
  if (root !== null) { root.stop(); stderr.push(timingReport(root, o.timing!, o.timingFormat ?? "text")); }
  if (o.verifyDiagnostics) {
    const failures = checkExpectations(buf, diags);
    const text = stderr.filter((x): x is string => typeof x === "string").join("") + failures.map((d) => renderWithSources(d, [buf])).join("");
    return { output, errors: text, failed: failures.length > 0 };
  }
  // As mlir-opt: the exit status follows the parse/verify/pipeline result (a pass may report an error and succeed).
  return { output, errors: stderr.map((x) => (typeof x === "string" ? x : renderWithSources(x, [buf]))).join(""), failed: !ok };
}
