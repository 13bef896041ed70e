// Line diffs (Myers' O(ND) algorithm) printed in unified format.

/// One line of an edit script: kept (" "), removed ("-") or added ("+").
export interface DiffLine {
  readonly op: " " | "-" | "+";
  readonly text: string;
}

/// Shortest edit script turning lines `a` into lines `b`.
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  const keep = (lines: readonly string[]) => lines.map((text): DiffLine => ({ op: " ", text }));
  return [...keep(a.slice(0, prefix)), ...middle, ...keep(a.slice(a.length - suffix))];
}

function myers(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const script: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) script.push({ op: " ", text: a[--x] }), y--;
    if (down) script.push({ op: "+", text: b[--y] });
    else script.push({ op: "-", text: a[--x] });
  }
  while (x > 0) script.push({ op: " ", text: a[--x] }), y--;
  return script.reverse();
}

/// A unified diff of two texts with `context` lines around each change; "" when they are equal.
export function unifiedDiff(oldName: string, newName: string, oldText: string, newText: string, context = 3): string {
  if (oldText === newText) return "";
  const script = diffLines(splitLines(oldText), splitLines(newText));
  const hunks: string[] = [];
  let i = 0;
  while (i < script.length) {
    if (script[i].op === " ") {
      i++;
      continue;
    }
    // Extend the hunk while at most 2 * context unchanged lines separate two changes.
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i; j < script.length && j - end <= 2 * context + 1; j++) if (script[j].op !== " ") end = j;
    const stop = Math.min(script.length, end + context + 1);
    hunks.push(formatHunk(script, start, stop));
    i = stop;
  }
  return `--- ${oldName}\n+++ ${newName}\n${hunks.join("")}`;
}

function formatHunk(script: readonly DiffLine[], start: number, stop: number): string {
  const before = script.slice(0, start);
  const oldStart = before.filter((l) => l.op !== "+").length;
  const newStart = before.filter((l) => l.op !== "-").length;
  const lines = script.slice(start, stop);
  const oldCount = lines.filter((l) => l.op !== "+").length;
  const newCount = lines.filter((l) => l.op !== "-").length;
  // GNU diff's ranges: "start,count", just "start" for one line, and the line before for none.
  const range = (from: number, count: number) => (count === 1 ? `${from + 1}` : `${count === 0 ? from : from + 1},${count}`);
  return `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${lines.map((l) => `${l.op}${l.text}\n`).join("")}`;
}

/// Splits text into lines; a missing final newline is shown as diff's "\ No newline at end of file" marker.
function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n\\ No newline at end of file";
  return lines;
}
