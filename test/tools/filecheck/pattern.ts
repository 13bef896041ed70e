// One FileCheck pattern: parsed from a directive's text, matched against a buffer, explained when it fails (LLVM's Pattern).

import { escapePosix, PosixRegexError, translatePosixRegex } from "./posix-regex.js";
import { formatDiagnostic, type SourceFile } from "./source.js";

/// The directive a pattern came from; "eof" is the implicit check that carries trailing CHECK-NOT/CHECK-DAG lines.
export type CheckKind = "plain" | "next" | "same" | "not" | "dag" | "label" | "empty" | "eof";

/// A directive kind with its `-COUNT-n` and `{LITERAL}` modifiers.
export interface CheckType {
  readonly kind: CheckKind;
  readonly count: number;
  readonly literal: boolean;
}

/// How patterns are built and matched (FileCheck's command-line switches).
export interface PatternOptions {
  readonly strictWhitespace: boolean;
  readonly matchFullLines: boolean;
  readonly ignoreCase: boolean;
}

/// Values of string variables, shared by all patterns of one run.
export type VariableTable = Map<string, string>;

/// Outcome of matching a pattern: where it matched, that it did not, or diagnostics (e.g. an undefined variable).
export type MatchResult =
  | { readonly found: true; readonly pos: number; readonly len: number; readonly captures: readonly Capture[] }
  | { readonly found: false; readonly errors: readonly string[] };

interface Capture {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

interface Substitution {
  /// The text shown in "with X equal to" notes: the variable name or the @LINE expression.
  readonly name: string;
  /// Offset of the name in the check file, for "undefined variable" errors.
  readonly loc: number;
  /// Insertion point in the POSIX regex.
  readonly index: number;
  /// Fixed value (for @LINE), or null for a string variable read at match time.
  readonly value: string | null;
}

/// Describes a check type as LLVM prints it in messages ("CHECK-NEXT", "CHECK-COUNT", "implicit EOF").
export function describeCheck(type: CheckType, prefix: string): string {
  const suffix: Record<CheckKind, string> = {
    plain: type.count > 1 ? "-COUNT" : "",
    next: "-NEXT",
    same: "-SAME",
    not: "-NOT",
    dag: "-DAG",
    label: "-LABEL",
    empty: "-EMPTY",
    eof: "",
  };
  if (type.kind === "eof") return "implicit EOF";
  return `${prefix}${suffix[type.kind]}${type.literal ? "{LITERAL}" : ""}`;
}

/// Raised while reading the check file; carries the formatted diagnostic and FileCheck's exit status for it.
export class PatternError extends Error {
  constructor(
    message: string,
    /// LLVM exits 1, not 2, for an unbalanced "]" inside a variable's regex.
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/// A parsed check pattern.
export class Pattern {
  private fixed: string | null = null;
  private regex = "";
  private readonly substitutions: Substitution[] = [];
  private readonly defs = new Map<string, number>();
  private readonly compiled = new Map<string, RegExp>();
  /// Number of the next capturing group in `regex` (group 0 is the whole match).
  private nextGroup = 1;

  private constructor(
    readonly type: CheckType,
    readonly file: SourceFile,
    readonly loc: number,
    readonly line: number,
    private readonly options: PatternOptions,
  ) {}

  /// The implicit pattern that matches at the end of the input, placed at the end of the check file.
  static eof(file: SourceFile, options: PatternOptions): Pattern {
    return new Pattern({ kind: "eof", count: 1, literal: false }, file, file.text.length, 0, options);
  }

  /// Parses `file.text[start, end)` as the pattern of a directive on check-file line `line`; throws PatternError.
  static parse(type: CheckType, prefix: string, file: SourceFile, start: number, end: number, line: number, options: PatternOptions): Pattern {
    const p = new Pattern(type, file, start, line, options);
    p.parseText(prefix, start, end);
    return p;
  }

  /// Whether the pattern defines or uses a variable (not allowed on CHECK-LABEL).
  hasVariable(): boolean {
    return this.substitutions.length > 0 || this.defs.size > 0;
  }

  private error(offset: number, message: string): PatternError {
    return new PatternError(formatDiagnostic(this.file, offset, "error", message));
  }

  private parseText(prefix: string, start: number, end: number): void {
    const text = this.file.text;
    const fullLines = this.options.matchFullLines && this.type.kind !== "not";
    if (!(this.options.strictWhitespace && this.options.matchFullLines)) {
      while (end > start && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
    }
    const source = text.slice(start, end);
    if (source === "" && this.type.kind !== "empty") throw this.error(start, `found empty check string with prefix '${prefix}:'`);
    if (source !== "" && this.type.kind === "empty") throw this.error(start, `found non-empty check string for empty check with prefix '${prefix}:'`);
    if (this.type.kind === "empty") {
      this.regex = "(\n$)";
      return;
    }
    if (this.type.literal || (!fullLines && (source.length < 2 || (!source.includes("{{") && !source.includes("[["))))) {
      this.fixed = source;
      return;
    }
    const spaces = this.options.strictWhitespace ? "" : " *";
    if (fullLines) this.regex += `^${spaces}`;
    let pos = start;
    while (pos < end) {
      if (text.startsWith("{{", pos)) {
        const close = text.indexOf("}}", pos + 2);
        if (close < 0 || close + 2 > end) throw this.error(pos, "found start of regex string with no end '}}'");
        this.addGroup(pos + 2, close, false);
        pos = close + 2;
      } else if (text.startsWith("[[", pos) && !text.startsWith("[[[", pos)) {
        pos = this.parseSubstitutionBlock(pos, end);
      } else {
        const next = Math.min(indexOrEnd(text, "{{", pos + 1, end), indexOrEnd(text, "[[", pos + 1, end));
        this.regex += escapePosix(text.slice(pos, next));
        pos = next;
      }
    }
    if (fullLines) this.regex += `${spaces}$`;
  }

  /// Validates the POSIX regex at [start, end) of the check file and appends it as a new capturing group.
  /// A variable definition may have an empty regex, as in LLVM; `{{}}` may not.
  private addGroup(start: number, end: number, isDefinition: boolean): void {
    const source = this.file.text.slice(start, end);
    this.nextGroup++;
    if (isDefinition && source === "") {
      this.regex += "()";
      return;
    }
    try {
      this.nextGroup += translatePosixRegex(source).groups;
    } catch (e) {
      if (e instanceof PosixRegexError) throw this.error(start, `invalid regex: ${e.message}`);
      throw e;
    }
    this.regex += `(${source})`;
  }

  /// Offset of the `]]` closing a substitution block whose body starts at `start` (LLVM's FindRegexVarEnd).
  private blockEnd(start: number, end: number): number {
    const text = this.file.text;
    let depth = 0;
    for (let i = start; i < end; i++) {
      if (depth === 0 && text.startsWith("]]", i) && i + 1 < end) return i;
      const c = text[i];
      if (c === "\\") i++;
      else if (c === "[") depth++;
      else if (c === "]") {
        if (depth === 0) throw new PatternError(formatDiagnostic(this.file, i, "error", 'missing closing "]" for regex variable'), 1);
        depth--;
      }
    }
    throw this.error(start - 2, "Invalid substitution block, no ]] found");
  }

  /// Parses `[[NAME]]`, `[[NAME:regex]]` or `[[@LINE+n]]` at `open`; returns the offset after its `]]`.
  private parseSubstitutionBlock(open: number, end: number): number {
    const text = this.file.text;
    const bodyStart = open + 2;
    const close = this.blockEnd(bodyStart, end);
    const body = text.slice(bodyStart, close);
    if (body.startsWith("#")) throw this.error(bodyStart, "numeric substitution blocks are not supported by this FileCheck");
    const colon = body.indexOf(":");
    const nameEnd = colon < 0 ? body.length : colon;
    const space = body.slice(0, nameEnd).search(/[ \t]/);
    if (space >= 0) throw this.error(bodyStart + space, "unexpected whitespace");
    const name = /^[$@]?[A-Za-z_][A-Za-z0-9_]*/.exec(body)?.[0];
    if (name === undefined) throw new PatternError(`${formatDiagnostic(this.file, bodyStart, "error", body === "" ? "empty variable name" : "invalid variable name")}\n`);
    const pseudo = name.startsWith("@");
    if (colon >= 0) {
      if (pseudo || colon !== name.length) throw this.error(bodyStart, "invalid name in string variable definition");
      this.defs.set(name, this.nextGroup);
      this.addGroup(bodyStart + colon + 1, close, true);
      return close + 2;
    }
    if (pseudo) {
      this.addLineSubstitution(body, bodyStart);
      return close + 2;
    }
    if (name.length !== body.length) throw this.error(bodyStart, "invalid name in string variable use");
    const group = this.defs.get(name);
    if (group === undefined) {
      this.substitutions.push({ name, loc: bodyStart, index: this.regex.length, value: null });
    } else {
      if (group > 9) throw this.error(bodyStart, "Can't back-reference more than 9 variables");
      this.regex += `\\${group}`;
    }
    return close + 2;
  }

  /// Handles the legacy `[[@LINE]]`, `[[@LINE+n]]` and `[[@LINE-n]]` forms.
  private addLineSubstitution(body: string, loc: number): void {
    const m = /^@LINE(?:([+-])(\d+))?$/.exec(body);
    if (m === null) throw new PatternError(`${formatDiagnostic(this.file, loc, "error", `invalid pseudo numeric variable '${/^@\w*/.exec(body)?.[0]}'`)}\n`);
    const offset = m[2] === undefined ? 0 : Number(m[2]) * (m[1] === "-" ? -1 : 1);
    this.substitutions.push({ name: body, loc, index: this.regex.length, value: String(this.line + offset) });
  }

  /// Matches against `buffer` (a slice of `input` starting at `base`), defining variables on success.
  match(input: SourceFile, base: number, buffer: string, vars: VariableTable): MatchResult {
    if (this.type.kind === "eof") return { found: true, pos: buffer.length, len: 0, captures: [] };
    if (this.fixed !== null && !this.options.ignoreCase) {
      const pos = buffer.indexOf(this.fixed);
      return pos < 0 ? { found: false, errors: [] } : { found: true, pos, len: this.fixed.length, captures: [] };
    }
    const source = this.fixed !== null ? escapePosix(this.fixed) : this.substitute(vars);
    if (typeof source !== "string") return { found: false, errors: source };
    const m = this.compile(source).exec(buffer);
    if (m === null) return { found: false, errors: [] };
    const captures: Capture[] = [];
    for (const [name, group] of this.defs) {
      vars.set(name, m[group] ?? "");
      const span = m.indices?.[group];
      if (span) captures.push({ name, start: base + span[0], end: base + span[1] });
    }
    const skip = this.type.kind === "empty" ? 1 : 0;
    return { found: true, pos: m.index + skip, len: m[0].length - skip, captures };
  }

  /// The POSIX regex with variable values spliced in, or the "undefined variable" errors.
  private substitute(vars: VariableTable): string | string[] {
    let out = this.regex;
    const errors: string[] = [];
    for (let i = this.substitutions.length - 1; i >= 0; i--) {
      const s = this.substitutions[i];
      const value = s.value ?? vars.get(s.name);
      if (value === undefined) {
        errors.unshift(formatDiagnostic(this.file, s.loc, "error", `undefined variable: ${s.name}`));
        continue;
      }
      out = out.slice(0, s.index) + (s.value ?? escapePosix(value)) + out.slice(s.index);
    }
    return errors.length === 0 ? out : errors;
  }

  private compile(source: string): RegExp {
    let re = this.compiled.get(source);
    if (re === undefined) {
      const flags = (this.options.ignoreCase ? "i" : "") + (this.defs.size > 0 ? "d" : "");
      re = new RegExp(translatePosixRegex(source).source, flags);
      this.compiled.set(source, re);
    }
    return re;
  }

  /// `note: with "X" equal to "v"` lines for each substitution, at `offset` of `input`.
  substitutionNotes(input: SourceFile, offset: number, vars: VariableTable): string[] {
    const out: string[] = [];
    for (const s of this.substitutions) {
      const value = s.value ?? vars.get(s.name);
      if (value === undefined) continue;
      const shown = s.value ?? escapePosix(value);
      out.push(formatDiagnostic(input, offset, "note", `with "${writeEscaped(s.name)}" equal to "${writeEscaped(shown)}"`));
    }
    return out;
  }

  /// `note: captured var "X"` lines for the variables a match defined.
  captureNotes(input: SourceFile, captures: readonly Capture[]): string[] {
    return [...captures].sort((a, b) => a.start - b.start).map((c) => formatDiagnostic(input, c.start, "note", `captured var "${c.name}"`, c));
  }

  /// The "possible intended match here" note: the closest line start within 4096 characters (LLVM's printFuzzyMatch).
  /// For a pattern made only of variable uses LLVM compares with an empty string and reads uninitialized memory;
  /// here that distance is 0.
  fuzzyMatchNote(input: SourceFile, base: number, buffer: string): string[] {
    const example = this.fixed ?? this.regex;
    let lines = 0;
    let best = -1;
    let bestQuality = 0;
    const limit = Math.min(4096, buffer.length);
    for (let i = 0; i < limit; i++) {
      const c = buffer[i];
      if (c === "\n") lines++;
      if (c === " " || c === "\t") continue;
      const candidate = buffer.slice(i, i + example.length).split("\n")[0];
      const quality = editDistance(candidate, example) + lines / 100;
      if (best < 0 || quality < bestQuality) {
        best = i;
        bestQuality = quality;
      }
    }
    if (best <= 0 || bestQuality >= 50) return [];
    return [formatDiagnostic(input, base + best, "note", "possible intended match here")];
  }
}

function indexOrEnd(text: string, needle: string, from: number, end: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 || i > end ? end : i;
}

/// Levenshtein distance (LLVM's StringRef::edit_distance with replacements allowed).
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/// Escapes like llvm::raw_ostream::write_escaped.
function writeEscaped(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\t") out += "\\t";
    else if (c === "\n") out += "\\n";
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += c;
  }
  return out;
}
