// llvm::Regex as a JavaScript RegExp: LLVM's POSIX extended regular expressions (Henry Spencer's regcomp.c), compiled
// without flags as MLIR's `--verify-diagnostics` compiles `-re` checks. Patterns and subjects are taken as UTF-8 bytes,
// as LLVM sees them, so `.` matches one byte of a multi-byte character.
import { Buffer } from "node:buffer";
import { setFlagsFromString } from "node:v8";

let linearFallback = false;
/// Makes V8 finish a match that backtracks excessively with its linear-time engine (patterns without
/// back-references), so that a pattern like `(a+)+$` cannot hang --verify-diagnostics; LLVM's matcher simulates
/// the automaton and never takes exponential time on them either. Set when the first pattern is compiled.
function enableLinearFallback(): void {
  if (linearFallback) return;
  setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
  linearFallback = true;
}

/// A pattern that llvm::Regex rejects; the message is llvm_regerror's text (e.g. "brackets ([ ]) not balanced").
export class LlvmRegexError extends Error {}

/// A regular expression as llvm::Regex compiles it (POSIX extended syntax: bracket expressions with `[:class:]`,
/// `[=c=]` and `[.name.]`, `{m,n}` intervals, back-references `\1`-`\9`, `[[:<:]]`/`[[:>:]]` word boundaries; a
/// backslash before any other character is that character) and matches it (anywhere in the subject).
///
/// Known differences, all in patterns no test would write: LLVM's matcher passes at most one word boundary per
/// position, after any `^`/`$` there, so `[[:>:]]$` or `[[:<:]][[:<:]]` never match in LLVM but can here; a
/// back-reference to a group repeated `{0}` times reads stale code in LLVM; an iteration of `{m,n}` or `+` beyond
/// the first that matches the empty string does not set the groups in it here (JavaScript drops it).
export class LlvmRegex {
  /// The translation, matched against the subject's bytes (as latin1), followed by END_MARK for a pattern with
  /// back-references (without, the translation uses no lookaround, so V8's linear-time fallback can take it).
  readonly translated: RegExp;
  /// For a pattern with back-references: the pattern with each back-reference replaced by its group's pattern, as
  /// regcomp.c's matcher screens it (a sticky RegExp). When no real match is found, LLVM's engine still reports one
  /// if this matches the empty string at the end of the subject (regexec's `m->coldp == stop` exit).
  readonly screenAtEnd: RegExp | null;

  /// Compiles `pattern`; throws LlvmRegexError as llvm::Regex::isValid reports.
  constructor(pattern: string) {
    enableLinearFallback();
    const bytes = latin1Bytes(pattern);
    const screening = new Translator(bytes, null);
    const screen = screening.translate();
    if (screening.referenced.size === 0) {
      this.translated = new RegExp(screen);
      this.screenAtEnd = null;
    } else {
      this.translated = new RegExp(new Translator(bytes, screening.referenced).translate());
      this.screenAtEnd = new RegExp(screen, "y");
    }
  }

  /// Whether `subject` has a match, as llvm::Regex::match.
  test(subject: string): boolean {
    const bytes = latin1Bytes(subject);
    if (this.screenAtEnd === null) return this.translated.test(bytes);
    if (this.translated.test(bytes + END_MARK)) return true;
    this.screenAtEnd.lastIndex = bytes.length;
    return this.screenAtEnd.test(bytes);
  }
}

/// `text` with the metacharacters of llvm::Regex backslash-escaped, as llvm::Regex::escape.
export function escapeLlvmRegex(text: string): string {
  return text.replace(/[()^$|*+?.[\]\\{}]/g, "\\$&");
}

/// The UTF-8 bytes of `s`, one character per byte.
function latin1Bytes(s: string): string {
  return Buffer.from(s, "utf8").toString("latin1");
}

/// Appended to the subject (never matched by a translated atom): `$` looks for it, and a group's witness captures it.
const END_MARK = "\u0100";
const END_MARK_SOURCE = "\\u0100";
const ANY_BYTE = "[\\x00-\\xff]";

/// llvm_regerror's texts.
const ErrorText = {
  ECOLLATE: "invalid collating element",
  ECTYPE: "invalid character class",
  EESCAPE: "trailing backslash (\\)",
  ESUBREG: "invalid backreference number",
  EBRACK: "brackets ([ ]) not balanced",
  EPAREN: "parentheses not balanced",
  EBRACE: "braces not balanced",
  BADBR: "invalid repetition count(s)",
  ERANGE: "invalid character range",
  BADRPT: "repetition-operator operand invalid",
  EMPTY: "empty (sub)expression",
} as const;

/// The largest repetition count (RE_DUP_MAX).
const DUP_MAX = 255;

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const lower = "abcdefghijklmnopqrstuvwxyz";
const digits = "0123456789";
const punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const controls = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join("") + "\x7f";

/// The `[:name:]` classes of regcomp.c (C locale).
const characterClasses = new Map<string, string>([
  ["alnum", upper + lower + digits], ["alpha", upper + lower], ["blank", " \t"], ["cntrl", controls],
  ["digit", digits], ["graph", upper + lower + digits + punct], ["lower", lower],
  ["print", upper + lower + digits + punct + " "], ["punct", punct], ["space", "\t\n\v\f\r "], ["upper", upper],
  ["xdigit", "0123456789ABCDEFabcdef"],
]);

/// The names of `[.name.]` and `[=name=]` (regcomp.c's cnames), by character code.
const collatingNames = new Map<string, number>([
  ..."NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC IS4 IS3 IS2 IS1"
    .split(" ").map((name, code): [string, number] => [name, code]),
  ["alert", 7], ["backspace", 8], ["tab", 9], ["newline", 10], ["vertical-tab", 11], ["form-feed", 12],
  ["carriage-return", 13], ["FS", 28], ["GS", 29], ["RS", 30], ["US", 31], ["space", 32], ["exclamation-mark", 33],
  ["quotation-mark", 34], ["number-sign", 35], ["dollar-sign", 36], ["percent-sign", 37], ["ampersand", 38],
  ["apostrophe", 39], ["left-parenthesis", 40], ["right-parenthesis", 41], ["asterisk", 42], ["plus-sign", 43],
  ["comma", 44], ["hyphen", 45], ["hyphen-minus", 45], ["period", 46], ["full-stop", 46], ["slash", 47],
  ["solidus", 47],
  ..."zero one two three four five six seven eight nine".split(" ").map((name, i): [string, number] => [name, 48 + i]),
  ["colon", 58], ["semicolon", 59], ["less-than-sign", 60], ["equals-sign", 61], ["greater-than-sign", 62],
  ["question-mark", 63], ["commercial-at", 64], ["left-square-bracket", 91], ["backslash", 92],
  ["reverse-solidus", 92], ["right-square-bracket", 93], ["circumflex", 94], ["circumflex-accent", 94],
  ["underscore", 95], ["low-line", 95], ["grave-accent", 96], ["left-brace", 123], ["left-curly-bracket", 123],
  ["vertical-line", 124], ["right-brace", 125], ["right-curly-bracket", 125], ["tilde", 126], ["DEL", 127],
]);

const isDigit = (c: string) => c >= "0" && c <= "9";
const isAlpha = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");

/// An atom with its repetition, translated; `empty` when regcomp.c drops it (repeated `{0}` times).
interface Piece {
  readonly source: string;
  readonly empty: boolean;
}

/// What a back-reference to a closed group of the pattern translates to: JavaScript capture groups standing for the
/// group itself and (for a group that is referenced) its witness, which captures END_MARK when the group took part in
/// the match (a back-reference to a group that did not take part fails in LLVM's engine but matches the empty string
/// in JavaScript, so it first checks the witness); and, for screening, the group's pattern.
interface ClosedGroup {
  readonly capture: number;
  readonly witness: number | null;
  readonly inner: string;
}

/// regcomp.c's ERE parser (p_ere, p_ere_exp, p_bracket, ...) over the pattern's bytes, emitting JavaScript source
/// and stopping at the first error as regcomp.c does.
class Translator {
  private pos = 0;
  /// Groups opened so far (regcomp.c's nsub).
  private groups = 0;
  /// JavaScript capture groups emitted so far.
  private captures = 0;
  /// Back-reference targets: groups 1-9 once closed.
  private readonly closed = new Map<number, ClosedGroup>();
  /// The groups that back-references refer to.
  readonly referenced = new Set<number>();

  /// `witnessed`: the groups to give a witness; null to translate for screening (groups capture nothing and a
  /// back-reference repeats its group's pattern).
  constructor(private readonly pattern: string, private readonly witnessed: ReadonlySet<number> | null) {}

  translate(): string {
    return this.alternation(null);
  }

  // regcomp.c's MORE, MORE2, PEEK, PEEK2, SEE, SEETWO, NEXT, EAT and EATTWO.
  private more(): boolean { return this.pos < this.pattern.length; }
  private more2(): boolean { return this.pos + 1 < this.pattern.length; }
  private peek(): string { return this.pattern[this.pos] ?? ""; }
  private peek2(): string { return this.pattern[this.pos + 1] ?? ""; }
  private see(c: string): boolean { return this.peek() === c; }
  private seeTwo(a: string, b: string): boolean { return this.more2() && this.peek() === a && this.peek2() === b; }
  private next(): string { return this.pattern[this.pos++]; }
  private eat(c: string): boolean {
    if (!this.see(c)) return false;
    this.pos++;
    return true;
  }
  private eatTwo(a: string, b: string): boolean {
    if (!this.seeTwo(a, b)) return false;
    this.pos += 2;
    return true;
  }
  private fail(text: string): never { throw new LlvmRegexError(text); }

  /// Branches up to `stop` (or the end); each must be non-empty (p_ere).
  private alternation(stop: string | null): string {
    const branches: string[] = [];
    do {
      let source = "";
      let empty = true;
      while (this.more() && this.peek() !== "|" && this.peek() !== stop) {
        const piece = this.piece();
        source += piece.source;
        empty &&= piece.empty;
      }
      if (empty) this.fail(ErrorText.EMPTY);
      branches.push(source);
    } while (this.eat("|"));
    return branches.join("|");
  }

  /// One atom and its optional repetition (p_ere_exp).
  private piece(): Piece {
    const c = this.next();
    let atom: string;
    switch (c) {
      case "(": atom = this.group(); break;
      case ")": this.fail(ErrorText.EPAREN);
      case "^": atom = "^"; break;
      // `$` is the end of the subject; with witnesses the subject carries END_MARK after its bytes.
      case "$": atom = this.witnessed === null ? "$" : `(?=${END_MARK_SOURCE})`; break;
      case "*": case "+": case "?": this.fail(ErrorText.BADRPT);
      case ".": atom = ANY_BYTE; break;
      case "[": atom = this.bracket(); break;
      case "\\": atom = this.escape(); break;
      case "{":
        if (this.more() && isDigit(this.peek())) this.fail(ErrorText.BADRPT);
        atom = byteSource(c);
        break;
      default: atom = byteSource(c);
    }
    if (!this.atRepetition()) return { source: atom, empty: false };
    const op = this.next();
    if (c === "^") this.fail(ErrorText.BADRPT);
    const [min, max] = op === "{" ? this.interval() : op === "*" ? [0, null] : op === "+" ? [1, null] : [0, 1];
    if (this.atRepetition()) this.fail(ErrorText.BADRPT);
    return { source: repeated(atom, min, max), empty: max === 0 };
  }

  /// The bounds of `{m}`, `{m,}` or `{m,n}` after its `{`; null: unbounded.
  private interval(): [number, number | null] {
    const min = this.count();
    let max: number | null = min;
    if (this.eat(",")) {
      max = isDigit(this.peek()) ? this.count() : null;
      if (max !== null && min > max) this.fail(ErrorText.BADBR);
    }
    if (!this.eat("}")) {
      while (this.more() && this.peek() !== "}") this.pos++;
      this.fail(this.more() ? ErrorText.BADBR : ErrorText.EBRACE);
    }
    return [min, max];
  }

  /// Whether a repetition operator follows: `*`, `+`, `?`, or `{` before a digit.
  private atRepetition(): boolean {
    const c = this.peek();
    return c === "*" || c === "+" || c === "?" || (c === "{" && this.more2() && isDigit(this.peek2()));
  }

  /// A parenthesized group, after its `(`; `()` is allowed.
  private group(): string {
    if (!this.more()) this.fail(ErrorText.EPAREN);
    const number = ++this.groups;
    const capture = ++this.captures;
    const inner = this.see(")") ? "" : this.alternation(")");
    const witness = this.witnessed?.has(number) ? ++this.captures : null;
    if (number <= 9) this.closed.set(number, { capture, witness, inner });
    if (!this.eat(")")) this.fail(ErrorText.EPAREN);
    if (this.witnessed === null) return `(?:${inner})`;
    return witness === null ? `(${inner})` : `(${inner})(?=${ANY_BYTE}*(${END_MARK_SOURCE}))`;
  }

  /// What follows a backslash: a back-reference `\1`-`\9` to a closed group, or the character itself.
  private escape(): string {
    if (!this.more()) this.fail(ErrorText.EESCAPE);
    const c = this.next();
    if (c < "1" || c > "9") return byteSource(c);
    const number = Number(c);
    const target = this.closed.get(number) ?? this.fail(ErrorText.ESUBREG);
    this.referenced.add(number);
    if (this.witnessed === null) return `(?:${target.inner})`;
    const check = target.witness === null ? "" : `(?=${ANY_BYTE}*${END_MARK_SOURCE}(?!\\${target.witness}))`;
    return `${check}(?:\\${target.capture})`;
  }

  /// A repetition count (p_count).
  private count(): number {
    let count = 0;
    let digitCount = 0;
    while (this.more() && isDigit(this.peek()) && count <= DUP_MAX) {
      count = count * 10 + Number(this.next());
      digitCount++;
    }
    if (digitCount === 0 || count > DUP_MAX) this.fail(ErrorText.BADBR);
    return count;
  }

  /// A bracket expression after its `[`, or a word boundary `[[:<:]]`/`[[:>:]]` (p_bracket).
  private bracket(): string {
    const rest = this.pattern.slice(this.pos, this.pos + 6);
    if (rest === "[:<:]]" || rest === "[:>:]]") {
      this.pos += 6;
      return rest === "[:<:]]" ? "\\b(?=\\w)" : "\\b(?<=\\w)";
    }
    const members = new Array<boolean>(256).fill(false);
    const invert = this.eat("^");
    if (this.eat("]")) members[0x5d] = true;
    else if (this.eat("-")) members[0x2d] = true;
    while (this.more() && this.peek() !== "]" && !this.seeTwo("-", "]")) this.bracketTerm(members);
    if (this.eat("-")) members[0x2d] = true;
    if (!this.more() || this.next() !== "]") this.fail(ErrorText.EBRACK);
    return classSource(invert ? members.map((m) => !m) : members);
  }

  /// One term of a bracket expression: a class, an equivalence class, or a character or range (p_b_term).
  private bracketTerm(members: boolean[]): void {
    if (this.see("-")) this.fail(ErrorText.ERANGE);
    const kind = this.see("[") && this.more2() ? this.peek2() : "";
    if (kind === ":") {
      this.pos += 2;
      if (!this.more()) this.fail(ErrorText.EBRACK);
      if (this.see("-") || this.see("]")) this.fail(ErrorText.ECTYPE);
      const start = this.pos;
      while (this.more() && isAlpha(this.peek())) this.pos++;
      const chars = characterClasses.get(this.pattern.slice(start, this.pos)) ?? this.fail(ErrorText.ECTYPE);
      for (const ch of chars) members[ch.charCodeAt(0)] = true;
      if (!this.more()) this.fail(ErrorText.EBRACK);
      if (!this.eatTwo(":", "]")) this.fail(ErrorText.ECTYPE);
    } else if (kind === "=") {
      this.pos += 2;
      if (!this.more()) this.fail(ErrorText.EBRACK);
      if (this.see("-") || this.see("]")) this.fail(ErrorText.ECOLLATE);
      members[this.collatingElement("=")] = true;
      this.pos += 2;
    } else {
      const first = this.bracketSymbol();
      let last = first;
      if (this.see("-") && this.more2() && this.peek2() !== "]") {
        this.pos++;
        last = this.eat("-") ? 0x2d : this.bracketSymbol();
      }
      // regcomp.c compares the ends as (signed) chars.
      const signed = (b: number) => (b < 128 ? b : b - 256);
      if (signed(first) > signed(last)) this.fail(ErrorText.ERANGE);
      for (let b = signed(first); b <= signed(last); b++) members[b & 0xff] = true;
    }
  }

  /// A character of a bracket expression, or a collating symbol `[.name.]` (p_b_symbol); its byte.
  private bracketSymbol(): number {
    if (!this.more()) this.fail(ErrorText.EBRACK);
    if (!this.eatTwo("[", ".")) return this.next().charCodeAt(0);
    const value = this.collatingElement(".");
    this.pos += 2;
    return value;
  }

  /// The name of a collating element up to `end` followed by `]`, left unconsumed (p_b_coll_elem); its byte.
  private collatingElement(end: string): number {
    const start = this.pos;
    while (this.more() && !this.seeTwo(end, "]")) this.pos++;
    if (!this.more()) this.fail(ErrorText.EBRACK);
    const name = this.pattern.slice(start, this.pos);
    const code = collatingNames.get(name);
    if (code !== undefined) return code;
    if (name.length === 1) return name.charCodeAt(0);
    this.fail(ErrorText.ECOLLATE);
  }
}

/// `atom` repeated `min` to `max` (null: unbounded) times. An optional atom is an alternation with the empty string,
/// as regcomp.c builds it, so that a group in it that matches the empty string takes part in the match (JavaScript
/// drops an optional iteration that matches nothing, which a back-reference would see).
function repeated(atom: string, min: number, max: number | null): string {
  if (min === 0 && max === 1) return `(?:${atom}|)`;
  if (min === 0 && max === null) return `(?:(?:${atom})+|)`;
  return `(?:${atom}){${min},${max ?? ""}}`;
}

/// A byte (a latin1 character) as a JavaScript atom matching exactly it.
function byteSource(c: string): string {
  return /[A-Za-z0-9]/.test(c) ? c : hex(c.charCodeAt(0));
}

/// A JavaScript character class of the bytes in `members` (ranges of consecutive bytes).
function classSource(members: readonly boolean[]): string {
  let out = "";
  for (let b = 0; b < 256; b++) {
    if (!members[b]) continue;
    const first = b;
    while (b + 1 < 256 && members[b + 1]) b++;
    out += b === first ? hex(first) : `${hex(first)}-${hex(b)}`;
  }
  return `[${out}]`;
}

/// A byte as a JavaScript `\xHH` escape.
function hex(b: number): string {
  return `\\x${b.toString(16).padStart(2, "0")}`;
}
