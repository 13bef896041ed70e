// Diagnostics: severity, location, coded messages, notes, and their mlir-opt style rendering.
import type { SourceBuffer } from "../support/source.js";
import { textOfByteString } from "../support/byte-string.js";
import type { DiagMessage } from "./messages.js";
import { Severity } from "./severity.js";

export { Severity };

/// Where a diagnostic points: a buffer and an offset range, or a bare file:line:col, or nothing.
export interface DiagLocation {
  readonly buffer: SourceBuffer | null;
  readonly start: number;
  readonly end: number;
  /// Used when `buffer` is null: a textual location like `"f.mlir":3:4` already resolved.
  readonly file: string | null;
  readonly line: number;
  readonly col: number;
  /// The callers of a call-site location, innermost first, shown as `called from` notes (MLIR's
  /// SourceMgrDiagnosticHandler prints the call stack); absent for other locations.
  readonly callers?: readonly DiagLocation[];
}

/// A location spanning [start, end) of a buffer.
export function bufferLoc(buffer: SourceBuffer, start: number, end = start): DiagLocation {
  return { buffer, start, end, file: null, line: 0, col: 0 };
}

/// A location known only as file:line:col (e.g. from a `loc(...)` attribute).
export function fileLoc(file: string, line: number, col: number): DiagLocation {
  return { buffer: null, start: 0, end: 0, file, line, col };
}

/// No location.
export const unknownDiagLoc: DiagLocation = { buffer: null, start: 0, end: 0, file: null, line: 0, col: 0 };

/// One diagnostic with optional attached notes.
export class Diagnostic {
  readonly severity: Severity;
  readonly code: number;
  readonly message: string;
  readonly loc: DiagLocation;
  readonly notes: Diagnostic[];

  constructor(severity: Severity, code: number, message: string, loc: DiagLocation) {
    this.severity = severity;
    this.code = code;
    this.message = textOfByteString(message); // names and strings quoted from the IR are byte strings
    this.loc = loc;
    this.notes = [];
  }

  /// Attaches a note and returns this diagnostic.
  attachNote(message: string, loc: DiagLocation = unknownDiagLoc): this {
    this.notes.push(new Diagnostic(Severity.Note, 0, message, loc));
    return this;
  }

  /// Attaches a note worded by a table entry and returns this diagnostic.
  attachNoteWith(msg: DiagMessage, loc: DiagLocation, ...args: unknown[]): this {
    this.notes.push(makeNote(msg, loc, ...args));
    return this;
  }
}

/// Formats a message template `{0}`-style with the arguments.
export function formatMessage(template: string, args: readonly unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
}

/// Builds a diagnostic from a table entry.
export function makeDiag(msg: DiagMessage, loc: DiagLocation, ...args: unknown[]): Diagnostic {
  return new Diagnostic(msg.severity, msg.code, formatMessage(msg.text, args), loc);
}

/// Builds a note worded by a table entry.
export function makeNote(msg: DiagMessage, loc: DiagLocation, ...args: unknown[]): Diagnostic {
  return new Diagnostic(Severity.Note, msg.code, formatMessage(msg.text, args), loc);
}

/// Thrown to unwind after a diagnostic was reported (parsers stop at their first error, as MLIR's, except that the
/// undeclared SSA names of an input are reported together at its end).
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;
  /// The diagnostic and those reported with it (a parser reports every undeclared SSA name at once, as MLIR's).
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostic: Diagnostic, more: readonly Diagnostic[] = []) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
    this.diagnostics = [diagnostic, ...more];
  }
}

/// Thrown on a broken internal invariant: a bug, never a user error.
export class InternalError extends Error {}

/// Receives diagnostics; the default handler collects them.
export type DiagnosticHandler = (d: Diagnostic) => void;

/// Collects or forwards diagnostics and remembers whether an error was seen.
export class DiagnosticEngine {
  readonly diagnostics: Diagnostic[] = [];
  private handler: DiagnosticHandler | null;
  errorCount = 0;

  constructor(handler: DiagnosticHandler | null = null) {
    this.handler = handler;
  }

  /// Reports a diagnostic.
  emit(d: Diagnostic): Diagnostic {
    if (d.severity === Severity.Error) this.errorCount++;
    if (this.handler !== null) this.handler(d);
    else this.diagnostics.push(d);
    return d;
  }

  /// Reports an error from the table.
  error(msg: DiagMessage, loc: DiagLocation, ...args: unknown[]): Diagnostic {
    return this.emit(makeDiag(msg, loc, ...args));
  }
}

function resolve(loc: DiagLocation): { prefix: string; buffer: SourceBuffer | null } {
  if (loc.buffer !== null) {
    const { line, col } = loc.buffer.lineCol(loc.start);
    return { prefix: `${loc.buffer.name}:${line}:${col}: `, buffer: loc.buffer };
  }
  if (loc.file !== null) return { prefix: `${loc.file}:${loc.line}:${loc.col}: `, buffer: null };
  return { prefix: "", buffer: null };
}

function sameLoc(a: DiagLocation, b: DiagLocation): boolean {
  if (a.buffer !== null || b.buffer !== null) return a.buffer === b.buffer && a.start === b.start;
  return a.file === b.file && a.line === b.line && a.col === b.col;
}

/// Renders a diagnostic as mlir-opt prints it: `file:line:col: error: msg`, the source line, a caret; a line without a
/// location starts with `options.unknownPrefix` (mlir-opt's `<unknown>:0: `; a tool may put its name there). Safe to
/// pass to `Array.map` (the index it adds is not an options object).
export function renderDiagnostic(d: Diagnostic, options?: { readonly unknownPrefix?: string }): string {
  const unknownPrefix = options?.unknownPrefix ?? "<unknown>:0: ";
  let out = "";
  const one = (x: Diagnostic, showLine: boolean) => {
    const { prefix, buffer } = resolve(x.loc);
    out += `${prefix.length ? prefix : unknownPrefix}${x.severity}: ${x.message}\n`;
    if (buffer !== null && showLine) {
      const text = buffer.lineText(x.loc.start);
      const col = buffer.lineCol(x.loc.start).col;
      const width = Math.max(1, Math.min(x.loc.end - x.loc.start, text.length - col + 1));
      out += sourceLineAndCaret(text, " ".repeat(col - 1) + "^" + "~".repeat(width - 1));
    }
  };
  one(d, true);
  // As mlir-opt: a note at the location of the line before does not repeat the source line. mlir-opt compares location
  // attributes: after a call stack the last caller's, which a note's (the op's call site) is not.
  let prev: DiagLocation | null = d.loc;
  for (const c of d.loc.callers ?? []) { one(new Diagnostic(Severity.Note, d.code, "called from", c), true); prev = null; }
  for (const n of d.notes) { one(n, prev === null || !sameLoc(n.loc, prev)); prev = n.loc; }
  return out;
}

/// LLVM's SMDiagnostic::print of a source line and its caret line: tabs expanded to the next multiple of 8 columns
/// in both, and no caret line when the source line is not ASCII (LLVM cannot align one then).
function sourceLineAndCaret(text: string, caret: string): string {
  if (/[^\x00-\x7f]/.test(text)) return text + "\n";
  if (!text.includes("\t")) return text + "\n" + caret + "\n";
  let line = "", marks = "";
  for (let i = 0; i < text.length || i < caret.length; i++) {
    const tab = text.charCodeAt(i) === 9;
    const n = tab ? 8 - (line.length % 8) : 1;
    if (i < text.length) line += tab ? " ".repeat(n) : text[i];
    if (i < caret.length) marks += caret[i].repeat(n);
  }
  return line + "\n" + marks.trimEnd() + "\n";
}
