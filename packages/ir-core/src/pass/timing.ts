// Execution timing as mlir-opt's --mlir-timing prints it: a tree (or list) of wall-clock timers.
import type { Operation } from "../ir/ir.js";
import { Pass } from "./pass.js";
import { OpToOpPassAdaptor, type OpPassManager, type PipelineElement } from "./pass-manager.js";
import type { PassInstrumentation } from "./instrumentation.js";

/// One timer: accumulated wall time of a named activity, with nested timers keyed by identity.
export class Timer {
  readonly name: string;
  readonly children: Timer[] = [];
  private readonly byKey = new Map<unknown, Timer>();
  /// Hidden timers do not show in the tree (their children move up), as MLIR hides single-pipeline adaptors.
  hidden = false;
  seconds = 0;
  private started = -1;
  constructor(name: string) { this.name = name; }

  /// The child timer for `key`, created on first use.
  nest(key: unknown, name: string): Timer {
    let t = this.byKey.get(key);
    if (t === undefined) { t = new Timer(name); this.byKey.set(key, t); this.children.push(t); }
    return t;
  }
  start(): void { this.started = performance.now(); }
  stop(): void {
    if (this.started >= 0) this.seconds += (performance.now() - this.started) / 1000;
    this.started = -1;
  }
  /// Times `f`.
  time<T>(f: () => T): T {
    this.start();
    try { return f(); } finally { this.stop(); }
  }
}

/// How the report is laid out (`--mlir-timing-display`).
export type TimingDisplay = "tree" | "list";

/// How the report is written (`--mlir-output-format`): MLIR's text table, or its JSON array.
export type TimingFormat = "text" | "json";

const RULE = "===" + "-".repeat(73) + "===\n";
const TITLE = "... Execution time report ...";

function percent(seconds: number, total: number): number { return total > 0 ? (seconds / total) * 100 : 0; }

/// The rows of a report, written by MLIR's text or JSON output strategy (Timing.cpp). allo-ts runs on one thread, so
/// user time equals wall time and, as in MLIR, only the wall time is shown.
interface TimingWriter {
  header(total: number): string;
  /// A row of the list display, and `Rest` and `Total` (the last row of a report).
  listRow(name: string, seconds: number, total: number, last: boolean): string;
  /// A row of the tree display that opens a timer's children, and the line that closes them.
  treeRow(indent: number, name: string, seconds: number, total: number): string;
  treeEnd(indent: number): string;
  footer(): string;
}

const textWriter: TimingWriter = {
  header: (total) => RULE + " ".repeat(Math.floor((80 - TITLE.length) / 2)) + TITLE + "\n" + RULE +
    `  Total Execution Time: ${total.toFixed(4)} seconds\n\n  ----Wall Time----  ----Name----\n`,
  listRow: (name, s, total) => `${s.toFixed(4).padStart(10)} (${percent(s, total).toFixed(1).padStart(5)}%)  ${name}\n`,
  treeRow: (indent, name, s, total) => textWriter.listRow(" ".repeat(indent) + name, s, total, false),
  treeEnd: () => "",
  footer: () => "",
};

/// `"wall": {"duration": %8.4f, "percentage": %5.1f}`; names are written as they are, unescaped, as MLIR writes them.
function jsonTime(s: number, total: number): string {
  return `"wall": {"duration": ${s.toFixed(4).padStart(8)}, "percentage": ${percent(s, total).toFixed(1).padStart(5)}}`;
}

const jsonWriter: TimingWriter = {
  header: () => "[\n",
  listRow: (name, s, total, last) => `{${jsonTime(s, total)}, "name": "${name}"}${last ? "" : ","}\n`,
  treeRow: (indent, name, s, total) => `${" ".repeat(indent)}{${jsonTime(s, total)}, "name": "${name}", "passes": [\n`,
  treeEnd: (indent) => `${" ".repeat(indent)}{}]},\n`,
  footer: () => "]\n",
};

/// Formats the report of a root timer (whose own time is the total), as mlir-opt's --mlir-timing prints it in the
/// given display and output format.
export function timingReport(root: Timer, display: TimingDisplay, format: TimingFormat = "text"): string {
  const w = format === "json" ? jsonWriter : textWriter;
  const total = root.seconds;
  let out = w.header(total);
  let childSum = 0;
  for (const c of root.children) childSum += c.seconds;
  if (display === "tree") {
    const visit = (t: Timer, indent: number): void => {
      if (t.hidden) { for (const c of t.children) visit(c, indent); return; }
      out += w.treeRow(indent, t.name, t.seconds, total);
      for (const c of t.children) visit(c, indent + 2);
      out += w.treeEnd(indent);
    };
    for (const c of root.children) visit(c, 0);
  } else {
    const merged = new Map<string, number>();
    const visit = (t: Timer): void => {
      merged.set(t.name, (merged.get(t.name) ?? 0) + t.seconds);
      for (const c of t.children) visit(c);
    };
    for (const c of root.children) visit(c);
    out += w.listRow("root", total, total, false);
    const rows = [...merged.entries()].sort((a, b) => b[1] - a[1]);
    for (const [name, s] of rows) out += w.listRow(name, s, total, false);
  }
  out += w.listRow("Rest", Math.max(0, total - childSum), total, false);
  out += w.listRow("Total", total, total, true);
  return out + w.footer();
}

/// Times each pass and nested pipeline under `parent` (MLIR's PassTiming instrumentation).
export class PassTimingInstrumentation implements PassInstrumentation {
  private readonly stack: Timer[];
  constructor(parent: Timer) { this.stack = [parent]; }
  private get top(): Timer { return this.stack[this.stack.length - 1]; }

  runBeforePipeline(pm: OpPassManager): void {
    const t = this.top.nest(`pipeline:${pm.anchorName}`, `'${pm.anchorName}' Pipeline`);
    this.stack.push(t);
    t.start();
  }
  runAfterPipeline(): void { this.stack.pop()!.stop(); }
  runBeforePass(p: PipelineElement, _op: Operation): void {
    let t: Timer;
    if (p instanceof OpToOpPassAdaptor) {
      t = this.top.nest(p, p.adaptorName);
      if (p.managers.length <= 1) t.hidden = true;
    } else t = this.top.nest(p, (p as Pass).name);
    this.stack.push(t);
    t.start();
  }
  runAfterPass(): void { this.stack.pop()!.stop(); }
  runAfterPassFailed(): void { this.stack.pop()!.stop(); }
}
