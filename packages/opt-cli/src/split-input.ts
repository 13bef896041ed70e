// `--split-input-file`: cut a file at `// -----` lines into buffers named as mlir-opt names them.
import { SourceBuffer } from "@allo/ir-core";

/// The marker line between chunks.
export const splitMarker = "// -----";

/// Splits `text` into chunk buffers. Chunk names follow mlir-opt: `within split at FILE:LINE offset `,
/// where LINE is the marker's line; each chunk starts right after its marker.
export function splitInput(name: string, text: string): SourceBuffer[] {
  const out: SourceBuffer[] = [];
  const re = /^\/\/ -----[ \t]*$/gm;
  let start = 0, startLine = 1, m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(new SourceBuffer(`within split at ${name}:${startLine} offset `, text.slice(start, m.index)));
    startLine = lineOf(text, m.index);
    start = m.index + splitMarker.length;
  }
  out.push(new SourceBuffer(`within split at ${name}:${startLine} offset `, text.slice(start)));
  return out;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
