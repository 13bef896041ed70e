// Reads a check file into the ordered list of checks FileCheck runs (LLVM's FileCheck::readCheckFile).

import { type CheckKind, type CheckType, Pattern, PatternError, type PatternOptions } from "./pattern.js";
import { formatDiagnostic, type SourceFile } from "./source.js";

/// A positive check with the CHECK-NOT / CHECK-DAG patterns that precede it.
export interface CheckString {
  readonly pattern: Pattern;
  /// The prefix the directive was written with ("CHECK").
  readonly prefix: string;
  readonly dagNot: readonly Pattern[];
}

/// What readCheckFile needs besides the text.
export interface CheckFileOptions extends PatternOptions {
  readonly checkPrefixes: readonly string[];
  readonly commentPrefixes: readonly string[];
  readonly implicitCheckNot: readonly string[];
  readonly allowUnusedPrefixes: boolean;
  /// Whether the check prefixes are the default ones (none given on the command line).
  readonly defaultPrefixes: boolean;
}

type FoundType = CheckType | "none" | "comment" | "bad-not" | "bad-count";

interface Directive {
  readonly prefix: string;
  readonly start: number;
  readonly type: Exclude<FoundType, "none">;
  /// Offset just after the directive's colon (or where parsing stopped, for a bad directive).
  readonly after: number;
}

const isPartOfWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/// Parses the (already canonicalized) check file; throws PatternError with the formatted diagnostics on error.
export function readCheckFile(file: SourceFile, options: CheckFileOptions): CheckString[] {
  const text = file.text;
  const implicit = options.implicitCheckNot.map((p) => implicitPattern(p, options));
  const prefixRe = new RegExp([...options.checkPrefixes, ...options.commentPrefixes].sort((a, b) => b.length - a.length).join("|"), "g");
  const unused = new Set(options.checkPrefixes);
  const checks: CheckString[] = [];
  let dagNot: Pattern[] = [...implicit];
  const scan = { pos: 0, line: 1 };

  for (;;) {
    const d = findDirective(text, prefixRe, scan, options);
    if (d === null) break;
    if (d.type !== "comment") unused.delete(d.prefix);
    scan.pos = d.after;
    if (d.type === "bad-not") throw new PatternError(formatDiagnostic(file, d.after, "error", `unsupported -NOT combo on prefix '${d.prefix}'`));
    if (d.type === "bad-count") throw new PatternError(formatDiagnostic(file, d.after, "error", `invalid count in -COUNT specification on prefix '${d.prefix}'`));
    if (!(options.strictWhitespace && options.matchFullLines)) {
      while (scan.pos < text.length && (text[scan.pos] === " " || text[scan.pos] === "\t")) scan.pos++;
    }
    const start = scan.pos;
    while (scan.pos < text.length && text[scan.pos] !== "\n" && text[scan.pos] !== "\r") scan.pos++;
    if (d.type === "comment") continue;

    const pattern = Pattern.parse(d.type, d.prefix, file, start, scan.pos, scan.line, options);
    const kind = d.type.kind;
    if (kind === "label" && pattern.hasVariable()) {
      throw new PatternError(formatDiagnostic(file, d.start, "error", `found '${d.prefix}-LABEL:' with variable definition or use`));
    }
    if ((kind === "next" || kind === "same" || kind === "empty") && checks.length === 0) {
      const name = kind.toUpperCase();
      throw new PatternError(formatDiagnostic(file, d.start, "error", `found '${d.prefix}-${name}' without previous '${d.prefix}: line`));
    }
    if (kind === "dag" || kind === "not") {
      dagNot.push(pattern);
      continue;
    }
    checks.push({ pattern, prefix: d.prefix, dagNot });
    dagNot = [...implicit];
  }

  if (dagNot.length > 0) {
    checks.push({ pattern: Pattern.eof(file, options), prefix: options.checkPrefixes[0], dagNot });
  }
  const noneFound = unused.size === options.checkPrefixes.length;
  if ((noneFound || (!options.allowUnusedPrefixes && unused.size > 0)) && (implicit.length === 0 || !options.defaultPrefixes)) {
    const list = [...unused].map((p) => `'${p}:'`).join(", ");
    throw new PatternError(`error: no check strings found with prefix${unused.size > 1 ? "es" : ""} ${list}\n`);
  }
  return checks;
}

/// An --implicit-check-not pattern, located in a buffer that shows the option as typed.
function implicitPattern(text: string, options: PatternOptions): Pattern {
  const lead = "-implicit-check-not='";
  const file: SourceFile = { name: "command line", text: `${lead}${text}'` };
  return Pattern.parse({ kind: "not", count: 1, literal: false }, "IMPLICIT-CHECK", file, lead.length, lead.length + text.length, 0, options);
}

/// Finds the next directive at or after `scan.pos`, skipping prefixes that are part of a longer word.
function findDirective(text: string, prefixRe: RegExp, scan: { pos: number; line: number }, options: CheckFileOptions): Directive | null {
  while (scan.pos < text.length) {
    prefixRe.lastIndex = scan.pos;
    const m = prefixRe.exec(text);
    if (m === null) return null;
    const prefix = m[0];
    const skippedEmpty = m.index === scan.pos;
    for (let i = text.indexOf("\n", scan.pos); i >= 0 && i < m.index; i = text.indexOf("\n", i + 1)) scan.line++;
    scan.pos = m.index;
    if (skippedEmpty || !isPartOfWord(text[m.index - 1])) {
      const { type, after } = checkTypeAt(text, m.index, prefix, options);
      if (type !== "none") return { prefix, start: m.index, type, after };
    }
    scan.pos += prefix.length;
    while (scan.pos < text.length && isPartOfWord(text[scan.pos])) scan.pos++;
  }
  return null;
}

/// Classifies what follows a prefix at `start` (LLVM's FindCheckType).
function checkTypeAt(text: string, start: number, prefix: string, options: CheckFileOptions): { type: FoundType; after: number } {
  const none = { type: "none" as const, after: start };
  let i = start + prefix.length;
  if (i >= text.length) return none;
  if (options.commentPrefixes.includes(prefix)) return text[i] === ":" ? { type: "comment", after: i + 1 } : none;

  const lineEnd = text.indexOf("\n", i);
  const restOfLine = (from: number): string => text.slice(from, lineEnd < 0 ? undefined : lineEnd);
  const withModifiers = (kind: CheckKind, count: number): { type: FoundType; after: number } => {
    if (text[i] === ":") return { type: { kind, count, literal: false }, after: i + 1 };
    const m = /^\{\s*LITERAL\s*(?:,\s*LITERAL\s*)*\}:/.exec(restOfLine(i));
    return m === null ? none : { type: { kind, count, literal: true }, after: i + m[0].length };
  };
  if (text[i] === ":" || text[i] === "{") return withModifiers("plain", 1);
  if (text[i] !== "-") return none;
  i++;
  const rest = restOfLine(i);
  if (rest.startsWith("COUNT-")) {
    const m = /^COUNT-(\d+)/.exec(rest);
    if (m === null) return { type: "bad-count", after: i + 6 };
    const count = Number(m[1]);
    i += m[0].length;
    if (count <= 0 || count > 0x7fffffff || (text[i] !== ":" && text[i] !== "{")) return { type: "bad-count", after: i };
    return withModifiers("plain", count);
  }
  if (/^(DAG-NOT|NOT-DAG|NEXT-NOT|NOT-NEXT|SAME-NOT|NOT-SAME|EMPTY-NOT|NOT-EMPTY):/.test(rest)) return { type: "bad-not", after: i };
  for (const [word, kind] of [["NEXT", "next"], ["SAME", "same"], ["NOT", "not"], ["DAG", "dag"], ["LABEL", "label"], ["EMPTY", "empty"]] as const) {
    if (rest.startsWith(word)) {
      i += word.length;
      return withModifiers(kind, 1);
    }
  }
  return none;
}
