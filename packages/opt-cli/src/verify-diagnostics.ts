// `--verify-diagnostics`: match emitted diagnostics against `expected-error {{...}}` designators.
import { bufferLoc, Diagnostic, Severity, type SourceBuffer } from "@allo/ir-core";

interface Expectation {
  readonly kind: Severity;
  readonly line: number;
  readonly text: string;
  readonly regex: RegExp | null;
  readonly offset: number;
  readonly kindLength: number;
  matched: boolean;
}

const designator = /expected-(error|note|remark|warning)(-re)?[ \t]*(@([+-][0-9]+|above|below))?[ \t]*\{\{(.*)\}\}/;

/// Parses the designators of a buffer.
export function parseExpectations(buf: SourceBuffer): Expectation[] {
  const out: Expectation[] = [];
  const lines = buf.text.split("\n");
  let offset = 0;
  let lastNonDesignator = 0;
  const pendingBelow: Expectation[] = [];
  lines.forEach((lineText, i) => {
    const line = i + 1;
    const m = designator.exec(lineText);
    if (m === null) {
      lastNonDesignator = line;
      for (const e of pendingBelow.splice(0)) (e as { line: number }).line = line;
    } else {
      const kind = m[1] as Severity;
      const at = m[4];
      let target = line;
      if (at !== undefined) {
        if (at === "above") target = lastNonDesignator;
        else if (at !== "below") target = line + Number(at);
      }
      const body = m[5];
      const e: Expectation = {
        kind, line: target, text: body, regex: m[2] !== undefined ? mixedRegex(body) : null,
        offset: offset + m.index, kindLength: m[1].length, matched: false,
      };
      if (at === "below") pendingBelow.push(e);
      out.push(e);
    }
    offset += lineText.length + 1;
  });
  return out;
}

/// `text {{regex}} text` as one RegExp (literal parts escaped).
function mixedRegex(s: string): RegExp {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf("{{", i);
    if (open < 0) { out += esc(s.slice(i)); break; }
    out += esc(s.slice(i, open));
    const close = s.indexOf("}}", open + 2);
    if (close < 0) { out += esc(s.slice(open)); break; }
    out += "(?:" + s.slice(open + 2, close) + ")";
    i = close + 2;
  }
  return new RegExp(out);
}
function esc(s: string): string { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

/// Checks emitted diagnostics (already resolved to `buf`) against the designators; returns the errors to report.
export function checkExpectations(buf: SourceBuffer, emitted: readonly Diagnostic[]): Diagnostic[] {
  const exps = parseExpectations(buf);
  const failures: Diagnostic[] = [];
  const all: Diagnostic[] = [];
  for (const d of emitted) { all.push(d); all.push(...d.notes); }
  for (const d of all) {
    const line = d.loc.buffer === buf ? buf.lineCol(d.loc.start).line : -1;
    const e = exps.find((x) => !x.matched && x.kind === d.severity && x.line === line && (x.regex !== null ? x.regex.test(d.message) : d.message.includes(x.text)));
    if (e !== undefined) { e.matched = true; continue; }
    if (d.severity === Severity.Note && d.message.startsWith("see current operation")) continue;
    failures.push(new Diagnostic(Severity.Error, 9001, `unexpected ${d.severity}: ${d.message}`, d.loc));
  }
  for (const e of exps) {
    if (!e.matched) failures.push(new Diagnostic(Severity.Error, 9002, `expected ${e.kind} "${e.text}" was not produced`, bufferLoc(buf, e.offset, e.offset + e.kindLength)));
  }
  return failures;
}
