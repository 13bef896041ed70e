// Translates the POSIX extended regular expressions of LLVM's Regex (as FileCheck uses them) into JavaScript RegExp source.
//
// Kept faithful to LLVM (llvm/lib/Support/regcomp.c with REG_EXTENDED | REG_NEWLINE):
//  - `\` before anything but 1-9 makes that character literal: `\d` matches "d", `\n` matches "n";
//    `\1`..`\9` are back-references.
//  - `.` and `[^...]` never match a newline; `^` and `$` also match at line boundaries.
//  - bracket expressions take a leading `]` literally, know `[:digit:]`-style classes, and treat `\` literally.
//  - a repetition operator directly after another (`*?`, `+*`) is the error "repetition-operator operand invalid".
// Known differences left: JavaScript picks the leftmost-first alternative where POSIX picks the leftmost-longest
// match (`{{a|ab}}` on "ab" captures "a" here, "ab" in LLVM); LLVM counts bytes where JavaScript counts UTF-16 units.

/// The JavaScript form of one POSIX regular expression.
export interface TranslatedRegex {
  /// Source text for `new RegExp(source)`; anchors are spelled as lookarounds, so no "m" flag is needed.
  readonly source: string;
  /// Number of capturing groups, as LLVM's `Regex::getNumMatches`.
  readonly groups: number;
}

/// Raised for a pattern LLVM's regcomp rejects; the message is regcomp's own wording.
export class PosixRegexError extends Error {}

const CLASSES: Readonly<Record<string, string>> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "\\x21-\\x7e",
  lower: "a-z",
  print: "\\x20-\\x7e",
  punct: "!-\\/:-@\\[-`{-~",
  space: " \\t\\n\\r\\f\\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f",
};

/// Escapes `text` so that LLVM's Regex matches it literally (as `Regex::escape`).
export function escapePosix(text: string): string {
  return text.replace(/[()^$|*+?.[\]\\{}]/g, "\\$&");
}

/// Translates a POSIX ERE (LLVM dialect) to JavaScript; throws PosixRegexError where regcomp would fail.
export function translatePosixRegex(pattern: string): TranslatedRegex {
  let out = "";
  let groups = 0;
  let depth = 0;
  let canRepeat = false; // an atom precedes: a repetition operator may follow
  let lastWasRepeat = false;
  let branchEmpty = true; // nothing yet in the current alternative
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (isRepetitionAt(pattern, i)) {
      if (lastWasRepeat || !canRepeat) throw new PosixRegexError("repetition-operator operand invalid");
      if (c === "{") {
        const close = pattern.indexOf("}", i);
        if (close < 0 || !/^\{\d+(,\d*)?\}$/.test(pattern.slice(i, close + 1))) throw new PosixRegexError("invalid repetition count(s)");
        out += pattern.slice(i, close + 1);
        i = close + 1;
      } else {
        out += c;
        i++;
      }
      lastWasRepeat = true;
      continue;
    }
    lastWasRepeat = false;
    canRepeat = true;
    const wasEmpty = branchEmpty;
    branchEmpty = false;
    switch (c) {
      case "\\": {
        if (i + 1 >= pattern.length) throw new PosixRegexError("trailing backslash (\\)");
        const next = pattern[i + 1];
        if (next >= "1" && next <= "9") {
          if (Number(next) > groups) throw new PosixRegexError("invalid backreference number");
          out += `\\${next}(?:)`;
        } else {
          out += escapeJs(next);
        }
        i += 2;
        break;
      }
      case "[": {
        const bracket = translateBracket(pattern, i);
        out += bracket.source;
        i = bracket.end;
        break;
      }
      case "(":
        groups++;
        depth++;
        out += "(";
        canRepeat = false;
        branchEmpty = pattern[i + 1] !== ")";
        i++;
        break;
      case ")":
        if (depth === 0) throw new PosixRegexError("parentheses not balanced");
        if (wasEmpty) throw new PosixRegexError("empty (sub)expression");
        depth--;
        out += ")";
        i++;
        break;
      case "|":
        if (wasEmpty) throw new PosixRegexError("empty (sub)expression");
        branchEmpty = true;
        out += "|";
        canRepeat = false;
        i++;
        break;
      case "^":
        out += "(?<![^\\n])";
        canRepeat = false;
        i++;
        break;
      case "$":
        out += "(?![^\\n])";
        i++;
        break;
      case ".":
        out += "[^\\n]";
        i++;
        break;
      default:
        out += escapeJs(c);
        i++;
    }
  }
  if (depth !== 0) throw new PosixRegexError("parentheses not balanced");
  if (branchEmpty) throw new PosixRegexError("empty (sub)expression");
  return { source: out, groups };
}

function isRepetitionAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === "*" || c === "+" || c === "?") return true;
  return c === "{" && i + 1 < pattern.length && pattern[i + 1] >= "0" && pattern[i + 1] <= "9";
}

function escapeJs(c: string): string {
  return /[\\^$.*+?()[\]{}|\/-]/.test(c) ? `\\${c}` : c;
}

/// Translates the bracket expression starting at `start` (the `[`); returns the JS class and the index after it.
function translateBracket(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1;
  let negated = false;
  if (pattern[i] === "^") {
    negated = true;
    i++;
  }
  let body = "";
  let first = true;
  for (;;) {
    if (i >= pattern.length) throw new PosixRegexError("brackets ([ ]) not balanced");
    const c = pattern[i];
    if (c === "]" && !first) break;
    first = false;
    let lo: string;
    if (c === "[" && (pattern[i + 1] === ":" || pattern[i + 1] === "." || pattern[i + 1] === "=")) {
      const kind = pattern[i + 1];
      const close = pattern.indexOf(`${kind}]`, i + 2);
      if (close < 0) throw new PosixRegexError("brackets ([ ]) not balanced");
      const name = pattern.slice(i + 2, close);
      i = close + 2;
      if (kind === ":") {
        const cls = CLASSES[name];
        if (cls === undefined) throw new PosixRegexError("invalid character class");
        body += cls;
        continue;
      }
      if (name.length !== 1) throw new PosixRegexError("invalid collating element");
      lo = name;
    } else {
      lo = c;
      i++;
    }
    if (pattern[i] === "-" && pattern[i + 1] !== "]" && i + 1 < pattern.length) {
      const hi = pattern[i + 1];
      if (hi < lo) throw new PosixRegexError("invalid character range");
      body += `${escapeClass(lo)}-${escapeClass(hi)}`;
      i += 2;
    } else {
      body += escapeClass(lo);
    }
  }
  return { source: negated ? `[^\\n${body}]` : `[${body}]`, end: i + 1 };
}

function escapeClass(c: string): string {
  return /[\\\]\[^-]/.test(c) ? `\\${c}` : c;
}
