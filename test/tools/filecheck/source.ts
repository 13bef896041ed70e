// Named text buffers and diagnostics printed as LLVM's SourceMgr prints them: `file:line:col: kind: message`, the line, a caret.

/// One buffer diagnostics point into (the check file, the input, or a command-line pattern).
export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

/// Severity label of a diagnostic.
export type DiagKind = "error" | "warning" | "remark" | "note";

/// Half-open offset range [start, end) inside a SourceFile, underlined with `~`.
export interface Range {
  readonly start: number;
  readonly end: number;
}

const TAB_STOP = 8;

/// Formats a diagnostic at `offset` of `file` exactly as llvm::SMDiagnostic::print does (no colours).
export function formatDiagnostic(file: SourceFile, offset: number, kind: DiagKind, message: string, range?: Range): string {
  const { text } = file;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  const lineNo = countNewlines(text, offset) + 1;
  const col = Buffer.byteLength(text.slice(lineStart, offset)) + 1;
  const header = `${file.name}:${lineNo}:${col}: ${kind}: ${message}\n`;
  if (/[^\x00-\x7f]/.test(line)) return `${header}${expandTabs(line)}\n`;

  const caret = Array.from({ length: line.length + 1 }, () => " ");
  if (range && range.start <= lineEnd && range.end >= lineStart) {
    const from = Math.max(range.start, lineStart) - lineStart;
    const to = Math.min(range.end, lineEnd) - lineStart;
    caret.fill("~", from, to);
  }
  caret[Math.min(offset - lineStart, line.length)] = "^";
  return `${header}${expandTabs(line)}\n${alignCaret(caret.join("").trimEnd(), line)}\n`;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function expandTabs(line: string): string {
  let out = "";
  for (const c of line) {
    if (c !== "\t") {
      out += c;
      continue;
    }
    do out += " ";
    while (out.length % TAB_STOP !== 0);
  }
  return out;
}

function alignCaret(caret: string, line: string): string {
  let out = "";
  for (let i = 0; i < caret.length; i++) {
    if (line[i] !== "\t") {
      out += caret[i];
      continue;
    }
    do out += caret[i];
    while (out.length % TAB_STOP !== 0);
  }
  return out;
}
