// Renders diagnostics with source lines: file:line:col locations are looked up in the known buffers, or in the file of
// that name.
import { readFileSync } from "node:fs";
import { bufferLoc, renderDiagnostic, SourceBuffer, type DiagLocation, type Diagnostic } from "@allo/ir-core";

/// Files read to show the source lines of locations in them, by name (null: not readable), as MLIR's
/// SourceMgrDiagnosticHandler loads a location's file that is not among its buffers.
const filesShown = new Map<string, SourceBuffer | null>();

function fileBuffer(name: string): SourceBuffer | null {
  let b = filesShown.get(name);
  if (b === undefined) {
    try { b = new SourceBuffer(name, readFileSync(name, "utf8")); } catch { b = null; }
    filesShown.set(name, b);
  }
  return b;
}

/// Resolves file-only locations (from `loc(...)` attributes) to the buffer of that name, then renders (lines without a
/// location start with `unknownPrefix`, see renderDiagnostic).
export function renderWithSources(d: Diagnostic, buffers: readonly SourceBuffer[], unknownPrefix?: string): string {
  return renderDiagnostic(resolveLocations(d, buffers), { unknownPrefix });
}

/// A copy of `d` (and its notes) whose file:line:col locations point into `buffers`, or into the file they name, where
/// possible.
export function resolveLocations(d: Diagnostic, buffers: readonly SourceBuffer[]): Diagnostic {
  const inBuffer = (l: DiagLocation): DiagLocation => {
    if (l.buffer !== null || l.file === null) return l;
    const b = buffers.find((bb) => bb.name === l.file) ?? fileBuffer(l.file);
    const off = b === null ? -1 : b.offsetOf(l.line, l.col);
    return off < 0 ? l : bufferLoc(b!, off, off);
  };
  const fix = (x: Diagnostic): void => {
    const l = x.loc;
    const callers = l.callers?.map(inBuffer);
    const at = inBuffer(l);
    if (at !== l || callers !== undefined) (x as { loc: DiagLocation }).loc = callers === undefined ? at : { ...at, callers };
  };
  fix(d);
  d.notes.forEach(fix);
  return d;
}
