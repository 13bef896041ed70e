// Library entry points: parse, verify and print MLIR text in one call each.
import { DiagnosticError, type Diagnostic } from "./diag/diagnostic.js";
import type { Operation } from "./ir/ir.js";
import { verify } from "./ir/verifier.js";
import { SourceBuffer } from "./support/source.js";
import { parseSource, type ParseOptions } from "./syntax/parser.js";
import { AsmPrinter, type PrintOptions } from "./syntax/printer.js";

/// The result of parsing: the top-level op, or the diagnostics that stopped it.
export type ParseResult = { ok: true; op: Operation } | { ok: false; diagnostics: Diagnostic[] };

/// Parses and (unless `verifyAfterParse` is false) verifies MLIR text.
export function parseString(text: string, name = "<string>", options: ParseOptions & { verifyAfterParse?: boolean; firstLine?: number } = {}): ParseResult {
  const buffer = new SourceBuffer(name, text, options.firstLine ?? 1);
  let op: Operation;
  try {
    op = parseSource(buffer, options);
  } catch (e) {
    if (e instanceof DiagnosticError) return { ok: false, diagnostics: [...e.diagnostics] };
    throw e;
  }
  if (options.verifyAfterParse !== false) {
    const errs = verify(op);
    if (errs.length) return { ok: false, diagnostics: errs };
  }
  return { ok: true, op };
}

/// Prints `op` as mlir-opt prints a top-level operation.
export function printOp(op: Operation, options: PrintOptions = {}): string {
  return new AsmPrinter(options).printTopLevel(op).join("");
}
