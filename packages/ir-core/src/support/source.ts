// Source buffers: file name, text and the mapping from offsets to line/column.

/// A named input text with lazily computed line starts, shared by lexer and diagnostics.
export class SourceBuffer {
  readonly name: string;
  readonly text: string;
  /// Line number (1-based) of the first line of `text` in the original file (for split inputs).
  readonly firstLine: number;
  private lineStarts: number[] | null;
  /// The line index found last: lookups mostly move forward a line or two (the parser's).
  private lastLine: number;
  /// Whether the text is ASCII (columns are then offsets), computed on first use.
  private ascii: boolean | null;

  constructor(name: string, text: string, firstLine = 1) {
    this.name = name;
    this.text = text;
    this.firstLine = firstLine;
    this.lineStarts = null;
    this.lastLine = 0;
    this.ascii = null;
  }

  private isAscii(): boolean {
    // eslint-disable-next-line no-control-regex
    return (this.ascii ??= !/[^\x00-\x7f]/.test(this.text));
  }

  private starts(): number[] {
    if (this.lineStarts !== null) return this.lineStarts;
    const s = [0];
    const t = this.text;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) s.push(i + 1);
    return (this.lineStarts = s);
  }

  /// 0-based line index within this buffer of `offset`.
  lineIndex(offset: number): number {
    const s = this.starts();
    let li = this.lastLine;
    if (s[li] <= offset) {
      for (let k = 0; k < 4; k++, li++) if (li + 1 >= s.length || s[li + 1] > offset) return (this.lastLine = li);
    }
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  /// Offset of the start of the line of 0-based index `li`.
  lineStart(li: number): number { return this.starts()[li]; }

  /// 1-based line and column of `offset`, as MLIR reports them.
  lineCol(offset: number): { line: number; col: number } {
    const li = this.lineIndex(offset);
    return { line: li + this.firstLine, col: this.column(li, offset) };
  }

  /// 1-based column of `offset` on the line of 0-based index `li`: MLIR counts the bytes of the line's UTF-8 text.
  column(li: number, offset: number): number {
    const start = this.starts()[li];
    if (this.isAscii()) return offset - start + 1;
    let bytes = 0;
    for (let i = start; i < offset; i++) bytes += utf8Length(this.text.charCodeAt(i));
    return bytes + 1;
  }

  /// The text of the line containing `offset`, without its newline.
  lineText(offset: number): string {
    const s = this.starts();
    const li = this.lineIndex(offset);
    const end = li + 1 < s.length ? s[li + 1] - 1 : this.text.length;
    return this.text.slice(s[li], end).replace(/\r$/, "");
  }

  /// Offset of 1-based `line`/`col` (a byte column, see `column`) within this buffer, or -1 when out of range.
  offsetOf(line: number, col: number): number {
    const s = this.starts();
    const li = line - this.firstLine;
    if (li < 0 || li >= s.length) return -1;
    if (this.isAscii()) return s[li] + col - 1;
    let i = s[li];
    for (let bytes = col - 1; bytes > 0 && i < this.text.length; i++) bytes -= utf8Length(this.text.charCodeAt(i));
    return i;
  }
}

/// The UTF-8 bytes of UTF-16 code unit `c` (a surrogate pair makes 4: 2 for each half).
function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
}
