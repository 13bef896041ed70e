// The MLIR lexer: one scanner over char codes; token kind and range kept in fields.
import { DiagMessages, type DiagMessage } from "../diag/messages.js";
import { toByteString } from "../support/byte-string.js";
import { SourceBuffer } from "../support/source.js";

/// Token kinds.
export const enum Tok {
  EOF, Error, BareIdent, AtIdent, PercentIdent, CaretIdent, HashIdent, BangIdent, Integer, Float, String,
  Arrow, Colon, Comma, LParen, RParen, LBrace, RBrace, LSquare, RSquare, Less, Greater, Equal, Question, Star,
  Plus, Minus, Ellipsis, FileMetadataBegin, FileMetadataEnd, Vertical,
}

/// Printable names of token kinds, for "expected ..." messages.
export const tokNames: readonly string[] = [
  "end of file", "error", "identifier", "symbol", "SSA value", "block", "attribute alias", "type alias", "integer",
  "float", "string", "'->'", "':'", "','", "'('", "')'", "'{'", "'}'", "'['", "']'", "'<'", "'>'", "'='", "'?'",
  "'*'", "'+'", "'-'", "'...'", "'{-#'", "'#-}'", "'|'",
];

function isIdStart(c: number): boolean { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95; }
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isIdChar(c: number): boolean { return isIdStart(c) || isDigit(c) || c === 36 || c === 46; }
function isSuffixChar(c: number): boolean { return isIdChar(c) || c === 45; }
function isHex(c: number): boolean { return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70); }

/// Scans MLIR tokens from a buffer. `kind`, `start`, `end` describe the current token.
export class Lexer {
  readonly buffer: SourceBuffer;
  readonly src: string;
  pos: number;
  kind: Tok;
  start: number;
  end: number;
  /// What is wrong at an Error token (which starts where MLIR's lexer reports it).
  error: DiagMessage;
  /// The end offset of the body the last skipBalancedBody passed.
  bodyEnd: number;

  constructor(buffer: SourceBuffer) {
    this.buffer = buffer;
    this.src = buffer.text;
    this.pos = 0;
    this.kind = Tok.EOF;
    this.start = 0;
    this.end = 0;
    this.error = DiagMessages.UnexpectedChar;
    this.bodyEnd = 0;
    this.next();
  }

  /// The current token's text.
  spelling(): string { return this.src.slice(this.start, this.end); }

  /// Restarts scanning at `offset`.
  resetTo(offset: number): void {
    this.pos = offset;
    this.next();
  }

  private err(at: number, error: DiagMessage): void {
    this.kind = Tok.Error;
    this.start = at;
    this.end = this.pos = at + 1;
    this.error = error;
  }

  /// Advances to the next token.
  next(): void {
    const s = this.src;
    const n = s.length;
    let p = this.pos;
    for (;;) {
      if (p >= n) { this.kind = Tok.EOF; this.start = this.end = this.pos = n; return; }
      const c = s.charCodeAt(p);
      // As MLIR's lexer, a NUL byte is whitespace (only the buffer's end terminates it).
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0) { p++; continue; }
      if (c === 47 && s.charCodeAt(p + 1) === 47) { // comment
        while (p < n && s.charCodeAt(p) !== 10) p++;
        continue;
      }
      break;
    }
    const start = p;
    this.start = start;
    const c = s.charCodeAt(p++);
    let k: Tok;
    switch (c) {
      case 58: k = Tok.Colon; break;
      case 44: k = Tok.Comma; break;
      case 40: k = Tok.LParen; break;
      case 41: k = Tok.RParen; break;
      case 125: k = Tok.RBrace; break;
      case 91: k = Tok.LSquare; break;
      case 93: k = Tok.RSquare; break;
      case 60: k = Tok.Less; break;
      case 62: k = Tok.Greater; break;
      case 61: k = Tok.Equal; break;
      case 63: k = Tok.Question; break;
      case 42: k = Tok.Star; break;
      case 43: k = Tok.Plus; break;
      case 124: k = Tok.Vertical; break;
      case 123:
        if (s.charCodeAt(p) === 45 && s.charCodeAt(p + 1) === 35) { p += 2; k = Tok.FileMetadataBegin; } else k = Tok.LBrace;
        break;
      case 45:
        if (s.charCodeAt(p) === 62) { p++; k = Tok.Arrow; } else k = Tok.Minus;
        break;
      case 46:
        if (s.charCodeAt(p) === 46 && s.charCodeAt(p + 1) === 46) { p += 2; k = Tok.Ellipsis; break; }
        this.err(p, DiagMessages.EllipsisDots); return;
      case 34: { // string
        p = this.scanString(p);
        if (p < 0) return;
        k = Tok.String;
        break;
      }
      case 64: { // @
        if (s.charCodeAt(p) === 34) {
          p = this.scanString(p + 1);
          if (p < 0) return;
        } else {
          const d = s.charCodeAt(p);
          if (!isIdStart(d)) { this.err(p, DiagMessages.BadAtIdentifier); return; }
          while (p < n && isSuffixChar(s.charCodeAt(p)) && s.charCodeAt(p) !== 45) p++;
        }
        k = Tok.AtIdent;
        break;
      }
      case 37: case 94: case 33: case 35: { // % ^ ! #
        if (c === 35 && s.charCodeAt(p) === 45 && s.charCodeAt(p + 1) === 125) { p += 2; k = Tok.FileMetadataEnd; break; }
        const d = s.charCodeAt(p);
        if (isDigit(d)) while (p < n && isDigit(s.charCodeAt(p))) p++;
        else if (isSuffixChar(d)) while (p < n && isSuffixChar(s.charCodeAt(p))) p++;
        else {
          this.err(start, c === 37 ? DiagMessages.InvalidSSAName : c === 94 ? DiagMessages.InvalidBlockName : c === 33 ? DiagMessages.InvalidTypeId : DiagMessages.InvalidAttrName);
          return;
        }
        k = c === 37 ? Tok.PercentIdent : c === 94 ? Tok.CaretIdent : c === 33 ? Tok.BangIdent : Tok.HashIdent;
        break;
      }
      default:
        if (isDigit(c)) {
          if (c === 48 && s.charCodeAt(p) === 120 && isHex(s.charCodeAt(p + 1))) {
            p++;
            while (p < n && isHex(s.charCodeAt(p))) p++;
            k = Tok.Integer;
            break;
          }
          while (p < n && isDigit(s.charCodeAt(p))) p++;
          if (s.charCodeAt(p) !== 46) { k = Tok.Integer; break; }
          p++;
          while (p < n && isDigit(s.charCodeAt(p))) p++;
          const e = s.charCodeAt(p);
          if (e === 101 || e === 69) {
            const sgn = s.charCodeAt(p + 1);
            if (isDigit(sgn) || ((sgn === 43 || sgn === 45) && isDigit(s.charCodeAt(p + 2)))) {
              p += 2;
              while (p < n && isDigit(s.charCodeAt(p))) p++;
            }
          }
          k = Tok.Float;
          break;
        }
        if (isIdStart(c)) {
          while (p < n && isIdChar(s.charCodeAt(p))) p++;
          k = Tok.BareIdent;
          break;
        }
        this.err(start, DiagMessages.UnexpectedChar);
        return;
    }
    this.kind = k;
    this.end = this.pos = p;
  }

  /// Scans the rest of a string literal from `p` (past its opening quote) as MLIR's lexString; returns the offset
  /// past the closing quote, or -1 after making an Error token at the offending character (a line break, the end of
  /// the buffer, the backslash of an unknown escape).
  private scanString(p: number): number {
    const s = this.src, n = s.length;
    for (;;) {
      if (p >= n) { this.err(p, DiagMessages.UnterminatedString); return -1; }
      const d = s.charCodeAt(p++);
      if (d === 34) return p;
      if (d === 10 || d === 11 || d === 12) { this.err(p - 1, DiagMessages.UnterminatedString); return -1; }
      if (d !== 92) continue;
      const e = s.charCodeAt(p);
      if (e === 34 || e === 92 || e === 110 || e === 116) p++;
      else if (isHex(e) && isHex(s.charCodeAt(p + 1))) p += 2;
      else { this.err(p - 1, DiagMessages.InvalidEscape); return -1; }
    }
  }

  /// Moves past a balanced `<...>` body starting at the current `<` token (its end goes to `bodyEnd`); false if the
  /// body is not closed (nothing moves then).
  skipBalancedBody(): boolean {
    const s = this.src;
    let p = this.start;
    let depth = 0;
    const stack: number[] = [];
    while (p < s.length) {
      const c = s.charCodeAt(p++);
      if (c === 34) { // skip strings
        while (p < s.length && s.charCodeAt(p) !== 34) { if (s.charCodeAt(p) === 92) p++; p++; }
        p++;
        continue;
      }
      if (c === 60 || c === 40 || c === 91 || c === 123) { stack.push(c); depth++; continue; }
      if (c === 62 && p >= 2 && s.charCodeAt(p - 2) === 45 && stack[stack.length - 1] !== 60) continue; // '->'
      if (c === 62 || c === 41 || c === 93 || c === 125) {
        stack.pop();
        if (--depth === 0) {
          this.pos = this.bodyEnd = p;
          this.next();
          return true;
        }
      }
    }
    return false;
  }

  /// The name of the current `@`-symbol token, decoded when quoted.
  stringValueOrBare(): string {
    if (this.src.charCodeAt(this.start + 1) === 34) return this.stringValue();
    return this.src.slice(this.start + 1, this.end);
  }

  /// Decodes the current String (or quoted AtIdent) token's value.
  stringValue(): string {
    let a = this.start, b = this.end;
    if (this.src.charCodeAt(a) === 64) a++;
    return decodeString(this.src, a + 1, b - 1);
  }
}

/// Decodes the escapes of a string literal body `src[a, b)` into a byte string.
export function decodeString(src: string, a: number, b: number): string {
  let out = "";
  let run = a;
  for (let i = a; i < b; i++) {
    if (src.charCodeAt(i) !== 92) continue;
    out += toByteString(src.slice(run, i));
    const c = src[i + 1];
    if (c === "n") { out += "\n"; i++; }
    else if (c === "t") { out += "\t"; i++; }
    else if (c === "\\" || c === '"') { out += c; i++; }
    else { // `\xx`: the lexer lets no other escape through
      out += String.fromCharCode(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    }
    run = i + 1;
  }
  return out + toByteString(src.slice(run, b));
}
