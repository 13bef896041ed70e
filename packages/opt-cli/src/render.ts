// Renders diagnostics with source lines: file:line:col locations are looked up in the known buffers.
import { bufferLoc, renderDiagnostic, type Diagnostic, type SourceBuffer } from "@allo/ir-core";

/// Resolves file-only locations (from `loc(...)` attributes) to the buffer of that name, then renders (lines without a
/// location start with `unknownPrefix`, see renderDiagnostic).
export function renderWithSources(d: Diagnostic, buffers: readonly SourceBuffer[], unknownPrefix?: string): string {
  return renderDiagnostic(resolveLocations(d, buffers), { unknownPrefix });
}

/// A copy of `d` (and its notes) whose file:line:col locations point into `buffers` where possible.
export function resolveLocations(d: Diagnostic, buffers: readonly SourceBuffer[]): Diagnostic {
  const fix = (x: Diagnostic): void => {
    const l = x.loc;
    if (l.buffer === null && l.file !== null) {
      const b = buffers.find((bb) => bb.name === l.file);
      if (b !== undefined) {
        const off = b.offsetOf(l.line, l.col);
        if (off >= 0) (x as { loc: typeof l }).loc = bufferLoc(b, off, off);
      }
    }
  };
  fix(d);
  d.notes.forEach(fix);
  return d;
}
