// FileCheck in TypeScript: checks text against CHECK directives with LLVM FileCheck's semantics and diagnostics.

import { type CheckString, readCheckFile } from "./filecheck/check-file.js";
import { checkInput } from "./filecheck/matcher.js";
import { PatternError } from "./filecheck/pattern.js";

/// Options of one FileCheck run; each mirrors the LLVM FileCheck switch of the same name.
export interface FileCheckOptions {
  /// Name shown for the check file in diagnostics.
  readonly checkFileName: string;
  /// Name shown for the input in diagnostics ("<stdin>" when read from standard input).
  readonly inputName: string;
  /// --check-prefixes; default ["CHECK"].
  readonly prefixes?: readonly string[];
  /// --comment-prefixes; default ["COM", "RUN"].
  readonly commentPrefixes?: readonly string[];
  /// --implicit-check-not patterns, applied between every two checks.
  readonly implicitCheckNot?: readonly string[];
  /// --strict-whitespace: do not collapse runs of spaces and tabs.
  readonly strictWhitespace?: boolean;
  /// --match-full-lines: every positive pattern must match a whole line.
  readonly matchFullLines?: boolean;
  /// --ignore-case.
  readonly ignoreCase?: boolean;
  /// --allow-empty: accept an empty input.
  readonly allowEmpty?: boolean;
  /// --allow-unused-prefixes: do not fail when some prefix has no directive.
  readonly allowUnusedPrefixes?: boolean;
  /// --enable-var-scope: variables not starting with `$` are forgotten after each CHECK-LABEL.
  readonly enableVarScope?: boolean;
}

/// Verdict of a run: exitCode is LLVM's (0 pass, 1 a check failed, 2 bad check file, prefixes or empty input).
export interface FileCheckResult {
  readonly ok: boolean;
  readonly exitCode: 0 | 1 | 2;
  /// Diagnostics in LLVM's format, each with its trailing newline.
  readonly messages: readonly string[];
}

const DEFAULT_PREFIXES = ["CHECK"];
const DEFAULT_COMMENT_PREFIXES = ["COM", "RUN"];

/// Checks `inputText` against the directives in `checkFileText`, with LLVM FileCheck 14's verdicts and messages.
/// Not supported: numeric blocks `[[#...]]` (legacy `[[@LINE+n]]` is), `-D` definitions, and the input dump LLVM
/// prints after the messages. Regular expressions are POSIX as in LLVM; see filecheck/posix-regex.ts for the differences.
export function runFileCheck(checkFileText: string, inputText: string, options: FileCheckOptions): FileCheckResult {
  const fail = (exitCode: 1 | 2, messages: readonly string[]): FileCheckResult => ({ ok: false, exitCode, messages });
  const checkPrefixes = options.prefixes ?? DEFAULT_PREFIXES;
  const commentPrefixes = options.commentPrefixes ?? DEFAULT_COMMENT_PREFIXES;
  const prefixError = validatePrefixes(options);
  if (prefixError !== null) return fail(2, [prefixError]);

  const strictWhitespace = options.strictWhitespace ?? false;
  const checkFile = { name: options.checkFileName, text: canonicalize(checkFileText, strictWhitespace) };
  let checks: CheckString[];
  try {
    checks = readCheckFile(checkFile, {
      checkPrefixes,
      commentPrefixes,
      implicitCheckNot: options.implicitCheckNot ?? [],
      strictWhitespace,
      matchFullLines: options.matchFullLines ?? false,
      ignoreCase: options.ignoreCase ?? false,
      allowUnusedPrefixes: options.allowUnusedPrefixes ?? false,
      defaultPrefixes: options.prefixes === undefined,
    });
  } catch (e) {
    if (e instanceof PatternError) return fail(e.exitCode, [e.message]);
    throw e;
  }
  if (inputText === "" && !options.allowEmpty) return fail(2, [`FileCheck error: '${options.inputName}' is empty.\n`]);

  const input = { name: options.inputName, text: canonicalize(inputText, strictWhitespace) };
  const messages: string[] = [];
  const ok = checkInput(checks, input, new Map(), options.enableVarScope ?? false, messages);
  return ok ? { ok, exitCode: 0, messages } : fail(1, messages);
}

/// Drops the "\r" of "\r\n" and, unless whitespace is strict, collapses runs of spaces and tabs to one space.
function canonicalize(text: string, strictWhitespace: boolean): string {
  const unix = text.replace(/\r\n/g, "\n");
  return strictWhitespace ? unix : unix.replace(/[ \t]+/g, " ");
}

/// LLVM's ValidateCheckPrefixes: returns the error line, or null when the prefixes are fine.
function validatePrefixes(options: FileCheckOptions): string | null {
  const seen = new Set<string>([
    ...(options.prefixes === undefined ? DEFAULT_PREFIXES : []),
    ...(options.commentPrefixes === undefined ? DEFAULT_COMMENT_PREFIXES : []),
  ]);
  const groups: [string, readonly string[]][] = [
    ["check", options.prefixes ?? []],
    ["comment", options.commentPrefixes ?? []],
  ];
  for (const [kind, prefixes] of groups) {
    for (const prefix of prefixes) {
      if (prefix === "") return `error: supplied ${kind} prefix must not be the empty string\n`;
      if (!/^[a-zA-Z0-9_-]*$/.test(prefix)) {
        return `error: supplied ${kind} prefix must start with a letter and contain only alphanumeric characters, hyphens, and underscores: '${prefix}'\n`;
      }
      if (seen.has(prefix)) return `error: supplied ${kind} prefix must be unique among check and comment prefixes: '${prefix}'\n`;
      seen.add(prefix);
    }
  }
  return null;
}
