// --verify-roundtrip: the parsed IR printed in generic form with locations, parsed back and printed again, as MLIR 19's
// MlirOptMain checks it (its textual half: allo-ts has no bytecode, so the bytecode half is not run).
import {
  AsmPrinter, Diagnostic, DiagnosticError, diagLocOf, diagnosticOpPrinter, escapeString, parseSource, seeCurrentOperation, Severity,
  SourceBuffer, verify,
  type DiagLocation, type Operation, type PrintOptions,
} from "@allo/ir-core";
import { CliDiag } from "./cli-diagnostics.js";

/// How a round trip runs and reports.
export interface RoundTripOptions {
  /// The tool's printing flags: MLIR starts the round trip's OpPrintingFlags from them, then asks for the generic form
  /// with (plain) locations, so `--mlir-print-skip-regions` makes the round trip fail in mlir-opt-19 as here.
  readonly print: PrintOptions;
  readonly allowUnregistered: boolean;
  /// Attach `see current operation` to the error (mlir-opt does, except under --verify-diagnostics).
  readonly printOpOnDiagnostic: boolean;
  /// Prints `op` with `options` (the printer; tests put a broken one here).
  readonly printer?: (op: Operation, options: PrintOptions) => string;
  /// Reports the round trip's error (on the top-level op).
  emit(d: Diagnostic): void;
  /// Raw stderr text: errors in the text printed for the round trip, which MLIR reports from a context without a
  /// diagnostic handler (`loc("-":1:22): error: ...`, no source line, no notes).
  write(text: string): void;
}

const printTopLevel = (op: Operation, options: PrintOptions): string => new AsmPrinter(options).printTopLevel(op).join("");

/// Checks that `op` (a verified top-level op) survives printing and parsing back; false (after reporting why) if not.
export function verifyRoundTrip(op: Operation, o: RoundTripOptions): boolean {
  const printer = o.printer ?? printTopLevel;
  const flags: PrintOptions = { ...o.print, generic: true, debugInfo: true, prettyDebugInfo: false };
  const reference = printer(op, flags);
  let back: Operation | null = null;
  const buffer = new SourceBuffer("-", reference);
  try {
    back = parseSource(buffer, { allowUnregistered: o.allowUnregistered, noImplicitModule: true });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    for (const d of e.diagnostics) writeUnhandled(d, o.write);
  }
  if (back !== null) {
    const errs = verify(back);
    for (const d of errs) writeUnhandled(d, o.write);
    if (errs.length > 0) back = null;
  }
  if (back === null) {
    o.emit(opErrorWithNote(op, CliDiag.RoundTripParseBack, "failed to parse textual content back, cannot verify round-trip.\n", o));
    return false;
  }
  const roundtrip = printer(back, flags);
  if (reference === roundtrip) return true;
  o.emit(opErrorWithNote(op, CliDiag.RoundTripDiffers, "textual roundTrip testing roundtripped module differs from reference:\n" +
    `<<<<<<Reference\n${reference}\n=====\n${roundtrip}\n>>>>>roundtripped\n`, o));
  return false;
}

/// `'op' op message`, with the `see current operation` note MLIR's Operation::emitOpError attaches, printed under the
/// tool's printing flags as any such note.
function opErrorWithNote(op: Operation, code: number, message: string, o: RoundTripOptions): Diagnostic {
  const loc = diagLocOf(op.loc);
  const d = new Diagnostic(Severity.Error, code, `'${op.name}' op ${message}`, loc);
  if (o.printOpOnDiagnostic) {
    d.attachNote(seeCurrentOperation(diagnosticOpPrinter(o.print)(op)), loc);
  }
  return d;
}

/// An error as MLIR's diagnostic engine prints it when no handler takes it: the location as an attribute, then the
/// message (notes and warnings are dropped).
function writeUnhandled(d: Diagnostic, write: (text: string) => void): void {
  if (d.severity !== Severity.Error) return;
  const loc = locationText(d.loc);
  write(`${loc === null ? "" : loc + ": "}error: ${d.message}\n`);
}

function locationText(l: DiagLocation): string | null {
  if (l.buffer !== null) {
    const { line, col } = l.buffer.lineCol(l.start);
    return `loc(${escapeString(l.buffer.name)}:${line}:${col})`;
  }
  if (l.file !== null) return `loc(${escapeString(l.file)}:${l.line}:${l.col})`;
  return null;
}
