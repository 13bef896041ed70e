// Runs parsed checks over the input in order, with CHECK-LABEL regions, CHECK-DAG groups and CHECK-NOT gaps (LLVM's checkInput).

import type { CheckString } from "./check-file.js";
import { describeCheck, type Pattern, type VariableTable } from "./pattern.js";
import { formatDiagnostic, type SourceFile } from "./source.js";

interface Match {
  readonly pos: number;
  readonly end: number;
}

/// Checks `input` against `checks`; diagnostics are appended to `messages`. Returns whether every check passed.
export function checkInput(checks: readonly CheckString[], input: SourceFile, vars: VariableTable, enableVarScope: boolean, messages: string[]): boolean {
  return new Matcher(input, vars, messages).run(checks, enableVarScope);
}

class Matcher {
  constructor(
    private readonly input: SourceFile,
    private readonly vars: VariableTable,
    private readonly messages: string[],
  ) {}

  run(checks: readonly CheckString[], enableVarScope: boolean): boolean {
    const end = this.input.text.length;
    let failed = false;
    let bufferStart = 0;
    let i = 0;
    let j = 0;
    for (;;) {
      let regionStart = bufferStart;
      let regionEnd = end;
      if (j < checks.length) {
        if (checks[j].pattern.type.kind !== "label") {
          j++;
          continue;
        }
        const label = this.check(checks[j], bufferStart, end, true);
        if (label === null) return false;
        regionEnd = label.end;
        bufferStart = label.end;
        j++;
      }
      if (i !== 0 && enableVarScope) {
        for (const name of this.vars.keys()) if (!name.startsWith("$")) this.vars.delete(name);
      }
      for (; i < j; i++) {
        const m = this.check(checks[i], regionStart, regionEnd, false);
        if (m === null) {
          failed = true;
          i = j;
          break;
        }
        regionStart = m.end;
      }
      if (j === checks.length) break;
    }
    return !failed;
  }

  /// Matches one check (its CHECK-DAG/NOT group first, unless only scanning for labels) inside [start, end).
  private check(cs: CheckString, start: number, end: number, labelScan: boolean): Match | null {
    const pat = cs.pattern;
    let lastPos = start;
    const notStrings: Pattern[] = [];
    if (!labelScan) {
      const dagEnd = this.checkDag(cs, start, end, notStrings);
      if (dagEnd === null) return null;
      lastPos = dagEnd;
    }
    let matchEnd = lastPos;
    let firstPos = lastPos;
    for (let k = 1; k <= pat.type.count; k++) {
      const r = this.matchAt(pat, matchEnd, end);
      if (!r.found) {
        this.noMatch(true, cs.prefix, pat, k, matchEnd, end, r.errors);
        return null;
      }
      if (k === 1) firstPos = matchEnd + r.pos;
      matchEnd += r.pos + r.len;
    }
    if (!labelScan && (this.wrongLine(cs, lastPos, firstPos) || this.checkNot(cs, lastPos, firstPos, notStrings))) return null;
    return { pos: firstPos, end: matchEnd };
  }

  private matchAt(pat: Pattern, start: number, end: number): ReturnType<Pattern["match"]> {
    return pat.match(this.input, start, this.input.text.slice(start, end), this.vars);
  }

  /// Matches the CHECK-DAG patterns before a check, each group without overlaps; returns where the check may start.
  private checkDag(cs: CheckString, start: number, end: number, notStrings: Pattern[]): number | null {
    let startPos = start;
    let ranges: Match[] = [];
    for (let idx = 0; idx < cs.dagNot.length; idx++) {
      const pat = cs.dagNot[idx];
      if (pat.type.kind === "not") {
        notStrings.push(pat);
        continue;
      }
      if (!this.matchDag(cs.prefix, pat, startPos, end, ranges)) return null;
      const next = cs.dagNot[idx + 1];
      if (next !== undefined && next.type.kind !== "not") continue;
      // End of a CHECK-DAG group: the CHECK-NOTs before it apply up to its first match.
      if (notStrings.length > 0) {
        if (this.checkNot(cs, startPos, ranges[0].pos, notStrings)) return null;
        notStrings.length = 0;
      }
      startPos = ranges[ranges.length - 1].end;
      ranges = [];
    }
    return startPos;
  }

  /// Records in `ranges` (sorted) the first match of `pat` after `start` that overlaps no earlier match of its group.
  private matchDag(prefix: string, pat: Pattern, start: number, end: number, ranges: Match[]): boolean {
    let pos = start;
    for (let mi = 0; ; mi++) {
      const r = this.matchAt(pat, pos, end);
      if (!r.found) {
        this.noMatch(true, prefix, pat, 1, pos, end, r.errors);
        return false;
      }
      const m = { pos: pos + r.pos, end: pos + r.pos + r.len };
      let overlap = false;
      for (; mi < ranges.length; mi++) {
        if (m.pos < ranges[mi].end) {
          overlap = ranges[mi].pos < m.end;
          break;
        }
      }
      if (!overlap) {
        ranges.splice(mi, 0, m);
        return true;
      }
      pos = ranges[mi].end;
    }
  }

  /// Reports every CHECK-NOT pattern found in [start, end); returns whether any was.
  private checkNot(cs: CheckString, start: number, end: number, notStrings: readonly Pattern[]): boolean {
    let failed = false;
    for (const pat of notStrings) {
      const r = this.matchAt(pat, start, end);
      if (!r.found) {
        this.noMatch(false, cs.prefix, pat, 1, start, end, r.errors);
        failed ||= r.errors.length > 0;
        continue;
      }
      const pos = start + r.pos;
      this.messages.push(
        formatDiagnostic(pat.file, pat.loc, "error", `${describeCheck(pat.type, cs.prefix)}: excluded string found in input`),
        formatDiagnostic(this.input, pos, "note", "found here", { start: pos, end: pos + r.len }),
        ...pat.substitutionNotes(this.input, pos, this.vars),
        ...pat.captureNotes(this.input, r.captures),
      );
      failed = true;
    }
    return failed;
  }

  /// CHECK-NEXT / CHECK-EMPTY must match on the next line, CHECK-SAME on the same one; reports and returns a violation.
  private wrongLine(cs: CheckString, prevEnd: number, matchPos: number): boolean {
    const { kind } = cs.pattern.type;
    if (kind !== "next" && kind !== "empty" && kind !== "same") return false;
    const { count, firstNewline } = countNewlines(this.input.text, prevEnd, matchPos);
    let message: string;
    if (kind === "same") {
      if (count === 0) return false;
      message = `${cs.prefix}-SAME: is not on the same line as the previous match`;
    } else if (count === 1) {
      return false;
    } else {
      const name = `${cs.prefix}${kind === "empty" ? "-EMPTY" : "-NEXT"}`;
      message = count === 0 ? `${name}: is on the same line as previous match` : `${name}: is not on the line after the previous match`;
    }
    const pat = cs.pattern;
    this.messages.push(
      formatDiagnostic(pat.file, pat.loc, "error", message),
      formatDiagnostic(this.input, matchPos, "note", "'next' match was here"),
      formatDiagnostic(this.input, prevEnd, "note", "previous match ended here"),
    );
    if (kind !== "same" && count > 1) {
      this.messages.push(formatDiagnostic(this.input, firstNewline, "note", "non-matching line after previous match is here"));
    }
    return true;
  }

  /// Reports a pattern that was not found in [start, end) (LLVM's printNoMatch): silent for an absent CHECK-NOT
  /// pattern unless it had errors, which replace the "not found" lines.
  private noMatch(expected: boolean, prefix: string, pat: Pattern, matched: number, start: number, end: number, errors: readonly string[]): void {
    if (!expected && errors.length === 0) return;
    this.messages.push(...errors);
    if (errors.length === 0) {
      const count = pat.type.count > 1 ? ` (${matched} out of ${pat.type.count})` : "";
      this.messages.push(
        formatDiagnostic(pat.file, pat.loc, "error", `${describeCheck(pat.type, prefix)}: expected string not found in input${count}`),
        formatDiagnostic(this.input, start, "note", "scanning from here"),
      );
    }
    this.messages.push(...pat.substitutionNotes(this.input, start, this.vars));
    if (expected) this.messages.push(...pat.fuzzyMatchNote(this.input, start, this.input.text.slice(start, end)));
  }
}

/// Counts line breaks in [start, end), a "\r\n" or "\n\r" pair counting once; also returns where the first one ends.
function countNewlines(text: string, start: number, end: number): { count: number; firstNewline: number } {
  let count = 0;
  let firstNewline = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== "\n" && c !== "\r") continue;
    count++;
    const d = text[i + 1];
    if (i + 1 < end && (d === "\n" || d === "\r") && d !== c) i++;
    if (count === 1) firstNewline = i + 1;
  }
  return { count, firstNewline };
}
