// `--split-input-file[=MARKER]`: cut a file at marker lines into buffers named as mlir-opt names them.
import { bufferLoc, Diagnostic, Severity, SourceBuffer } from "@allo/ir-core";

/// The marker `--split-input-file` splits at, and `--output-split-marker` joins outputs with, by default.
export const defaultSplitMarker = "// -----";

/// The chunks of a split file and the near misses found on the way (rendered against `source`).
export interface SplitInput {
  readonly source: SourceBuffer;
  readonly chunks: SourceBuffer[];
  readonly warnings: Diagnostic[];
}

/// How many characters of the marker must follow a match of the rest for a split (a shorter match is a near miss).
const checkLen = 2;

/// Splits `text` as mlir-opt-19's splitAndProcessBuffer does: at every occurrence of `marker` (not only at line
/// starts); an occurrence of the marker without its last two characters, or followed by `0`, is a near miss (a warning,
/// and no split); an empty text gives no chunk. Chunk names follow mlir-opt: `within split at FILE:LINE offset `, LINE
/// being the line a chunk starts on.
export function splitInput(name: string, text: string, marker: string): SplitInput {
  const source = new SourceBuffer(name, text);
  const head = marker.slice(0, -checkLen), tail = marker.slice(-checkLen);
  // The pieces between occurrences of `head`, as [start, end) offsets.
  const pieces: [number, number][] = [];
  let from = 0;
  for (let at = head === "" ? -1 : text.indexOf(head); at >= 0; at = text.indexOf(head, from)) {
    pieces.push([from, at]);
    from = at + head.length;
  }
  pieces.push([from, text.length]);
  // A sliding window: a piece starts a chunk when the full marker ends before it, else it extends the current one.
  const ranges: [number, number][] = [];
  const warnings: Diagnostic[] = [];
  let prev: [number, number] = pieces[0];
  for (let i = 1; i < pieces.length; i++) {
    const [start, end] = pieces[i];
    if (prev[0] === prev[1]) { prev = [start, end]; continue; }
    if (text.startsWith(tail, start) && end - start > checkLen && text[start + checkLen] !== "0") {
      ranges.push(prev);
      prev = [start + checkLen, end];
    } else {
      warnings.push(new Diagnostic(Severity.Warning, 0, "near miss with file split marker", bufferLoc(source, start, start)));
      prev = [prev[0], end];
    }
  }
  if (prev[0] !== prev[1]) ranges.push(prev);
  let line = 1, counted = 0;
  const chunks = ranges.map(([start, end]) => {
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
    return new SourceBuffer(`within split at ${name}:${line} offset `, text.slice(start, end));
  });
  return { source, chunks, warnings };
}
