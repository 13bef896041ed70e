// `--split-input-file`: cut a file at `// -----` lines into buffers named as mlir-opt names them.
import { SourceBuffer } from "@allo/ir-core";

/// The marker line between chunks.
export const splitMarker = "// -----";

/// Splits `text` into chunk buffers as mlir-opt's splitAndProcessBuffer does: at every `// -----` (not only at line
/// starts), where a marker followed by another `-` is a near miss that does not split. Chunk names follow mlir-opt:
/// `within split at FILE:LINE offset `, LINE being the line a chunk starts on (right after its marker).
export function splitInput(name: string, text: string): SourceBuffer[] {
  const out: SourceBuffer[] = [];
  const prefix = splitMarker.slice(0, -2);
  let start = 0, from = 0;
  for (;;) {
    const at = text.indexOf(prefix, from);
    if (at < 0) break;
    const after = at + prefix.length;
    from = after;
    if (text.startsWith("--", after) && after + 2 < text.length && text.charCodeAt(after + 2) !== 45) {
      out.push(new SourceBuffer(`within split at ${name}:${lineOf(text, start)} offset `, text.slice(start, at)));
      start = after + 2;
      from = start;
    }
  }
  out.push(new SourceBuffer(`within split at ${name}:${lineOf(text, start)} offset `, text.slice(start)));
  return out;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
