// The allo-opt driver: read, split, parse, verify, transform, print — with mlir-opt's diagnostics.
import {
  DiagnosticError, parseSource, printOp, printOpGeneric, Severity, SourceBuffer, verify, type Diagnostic, type Operation,
} from "@allo/ir-core";
import { renderWithSources, resolveLocations } from "./render.js";
import { splitInput, splitMarker } from "./split-input.js";
import { checkExpectations } from "./verify-diagnostics.js";

/// Runs after parsing and verification; reports problems through `emit` and returns false on failure.
export type Transform = (module: Operation, emit: (d: Diagnostic) => void, buffer: SourceBuffer) => boolean;

/// Options of one allo-opt run.
export interface OptOptions {
  readonly inputName: string;
  readonly inputText: string;
  readonly splitInputFile: boolean;
  readonly verifyDiagnostics: boolean;
  readonly printGeneric: boolean;
  readonly debugInfo: boolean;
  readonly allowUnregistered: boolean;
  readonly noImplicitModule: boolean;
  /// Skip printing the result (e.g. `--verify-each` only runs, or a translation consumes the module).
  readonly transform: Transform | null;
  /// Replaces the IR printer (translations print C++ or LLVM IR instead).
  readonly emit: ((module: Operation) => string) | null;
}

/// What a run produced: the text for stdout/-o, the text for stderr, and the exit code.
export interface OptResult { output: string; errors: string; exitCode: number }

/// Processes the input as mlir-opt does.
export function runOpt(o: OptOptions): OptResult {
  const buffers = o.splitInputFile ? splitInput(o.inputName, o.inputText) : [new SourceBuffer(o.inputName, o.inputText)];
  const outputs: string[] = [];
  let errors = "";
  let failed = false;
  for (const buf of buffers) {
    const r = processBuffer(buf, o);
    outputs.push(r.output);
    errors += r.errors;
    failed ||= r.failed;
  }
  return { output: outputs.join(splitMarker + "\n"), errors, exitCode: failed ? 1 : 0 };
}

function processBuffer(buf: SourceBuffer, o: OptOptions): { output: string; errors: string; failed: boolean } {
  const diags: Diagnostic[] = [];
  const emit = (d: Diagnostic) => { diags.push(resolveLocations(d, [buf])); };
  let output = "";
  let ok = true;
  try {
    const op = parseSource(buf, { allowUnregistered: o.allowUnregistered, noImplicitModule: o.noImplicitModule });
    const errs = verify(op, { printOpOnDiagnostic: o.verifyDiagnostics ? null : printOpGeneric });
    errs.forEach(emit);
    ok = errs.length === 0;
    if (ok && o.transform !== null) ok = o.transform(op, emit, buf);
    if (ok) output = o.emit !== null ? o.emit(op) : printOp(op, { generic: o.printGeneric, debugInfo: o.debugInfo }) + "\n";
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    emit(e.diagnostic);
    ok = false;
  }
  if (o.verifyDiagnostics) {
    const failures = checkExpectations(buf, diags);
    return { output, errors: failures.map((d) => renderWithSources(d, [buf])).join(""), failed: failures.length > 0 };
  }
  const hasError = diags.some((d) => d.severity === Severity.Error);
  return { output, errors: diags.map((d) => renderWithSources(d, [buf])).join(""), failed: !ok || hasError };
}
