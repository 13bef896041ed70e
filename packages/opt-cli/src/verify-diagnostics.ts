// `--verify-diagnostics`: match emitted diagnostics against `expected-error {{...}}` designators, as MLIR's
// SourceMgrDiagnosticVerifierHandler does.
import { bufferLoc, Diagnostic, Severity, type SourceBuffer } from "@allo/ir-core";
import { escapeLlvmRegex, LlvmRegex, LlvmRegexError } from "./llvm-regex.js";
import { CliDiag } from "./cli-diagnostics.js";

/// The codes of the errors --verify-diagnostics reports.

interface Expectation {
  readonly kind: Severity;
  readonly line: number;
  /// The text between the designator's outer `{{` and `}}`.
  readonly text: string;
  /// Where `expected-` starts.
  readonly offset: number;
  /// Whether a diagnostic message satisfies the designator.
  readonly matches: (message: string) => boolean;
  matched: boolean;
}

/// The designators of a buffer, and the errors of those that are rejected (an `-re` text that is not a valid regex).
export interface Expectations {
  readonly expectations: Expectation[];
  readonly errors: Diagnostic[];
}

/// MLIR's designator regex, matched against a line without its trailing white space.
const designator = /expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below))? *\{\{([^]*)\}\}$/;

/// Parses the designators of a buffer.
export function parseExpectations(buf: SourceBuffer): Expectations {
  const expectations: Expectation[] = [];
  const errors: Diagnostic[] = [];
  const lines = buf.text.split("\n");
  let offset = 0;
  let lastNonDesignator = 1;
  const pendingBelow: Expectation[] = [];
  lines.forEach((lineText, i) => {
    const line = i + 1;
    const m = designator.exec(lineText.replace(/[ \t\n\v\f\r]+$/, ""));
    if (m === null) {
      lastNonDesignator = line;
      for (const e of pendingBelow.splice(0)) (e as { line: number }).line = line;
    } else {
      const at = m[4];
      let target = line;
      if (at !== undefined) {
        if (at === "above") target = lastNonDesignator;
        else if (at !== "below") target = line + Number(at);
      }
      const text = m[5];
      const start = offset + m.index;
      const matcher = m[2] !== undefined ? regexMatcher(text) : (message: string) => message.includes(text);
      if (typeof matcher === "string") {
        errors.push(new Diagnostic(Severity.Error, CliDiag.InvalidDesignator, matcher, bufferLoc(buf, start, start + text.length)));
      } else {
        const e: Expectation = { kind: m[1] as Severity, line: target, text, offset: start, matches: matcher, matched: false };
        if (at === "below") pendingBelow.push(e);
        expectations.push(e);
      }
    }
    offset += lineText.length + 1;
  });
  return { expectations, errors };
}

/// The matcher of an `-re` designator's text, or why the text is rejected, as MLIR's ExpectedDiag::computeRegex:
/// text outside `{{...}}` is literal, each `{{...}}` block must be a valid regex on its own, and the blocks become
/// groups of one regex (so a block's back-references count the groups before it; if that regex is invalid, nothing
/// matches).
function regexMatcher(text: string): ((message: string) => boolean) | string {
  let combined = "";
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf("{{");
    if (open < 0) {
      combined += escapeLlvmRegex(rest);
      break;
    }
    combined += escapeLlvmRegex(rest.slice(0, open));
    rest = rest.slice(open + 2);
    const close = rest.indexOf("}}");
    if (close < 0) return "found start of regex with no end '}}'";
    const block = rest.slice(0, close);
    const compiled = compileLlvmRegex(block);
    if (typeof compiled === "string") return `invalid regex: ${compiled}`;
    combined += `(${block})`;
    rest = rest.slice(close + 2);
  }
  const regex = compileLlvmRegex(combined);
  return typeof regex === "string" ? () => false : (message) => regex.test(message);
}

/// `pattern` compiled, or why llvm::Regex rejects it.
function compileLlvmRegex(pattern: string): LlvmRegex | string {
  try {
    return new LlvmRegex(pattern);
  } catch (e) {
    if (e instanceof LlvmRegexError) return e.message;
    throw e;
  }
}

/// Checks emitted diagnostics (already resolved to `buf`) against the designators; returns the errors to report:
/// rejected designators first (mlir-opt reports them before anything is parsed), then diagnostics that were not
/// expected, then expectations that were not met.
export function checkExpectations(buf: SourceBuffer, emitted: readonly Diagnostic[]): Diagnostic[] {
  const { expectations, errors } = parseExpectations(buf);
  const failures = [...errors];
  const all: Diagnostic[] = [];
  for (const d of emitted) { all.push(d); all.push(...d.notes); }
  for (const d of all) {
    const line = d.loc.buffer === buf ? buf.lineCol(d.loc.start).line : -1;
    // As MLIR: the first designator of the line whose text matches takes the diagnostic (one designator may take
    // several); one that matches but expects another severity is a near miss, reported at the (last such) designator.
    let taken = false;
    let nearMiss: Expectation | null = null;
    for (const x of expectations) {
      if (x.line !== line || !x.matches(d.message)) continue;
      if (x.kind === d.severity) { x.matched = taken = true; break; }
      nearMiss = x;
    }
    if (taken || (d.severity === Severity.Note && d.message.startsWith("see current operation"))) continue;
    if (nearMiss !== null) {
      const at = bufferLoc(buf, nearMiss.offset, nearMiss.offset);
      failures.push(new Diagnostic(Severity.Error, CliDiag.WrongSeverity, `'${d.severity}' diagnostic emitted when expecting a '${nearMiss.kind}'`, at));
    } else failures.push(new Diagnostic(Severity.Error, CliDiag.Unexpected, `unexpected ${d.severity}: ${d.message}`, d.loc));
  }
  for (const e of expectations) {
    if (e.matched) continue;
    failures.push(new Diagnostic(Severity.Error, CliDiag.NotProduced, `expected ${e.kind} "${e.text}" was not produced`, bufferLoc(buf, e.offset, e.offset + e.text.length)));
  }
  return failures;
}
