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

const RULE = "===" + "-".repeat(73) + "===\n";
const TITLE = "... Execution time report ...";

function row(seconds: number, total: number, name: string): string {
  const pct = total > 0 ? (seconds / total) * 100 : 0;
  return `${seconds.toFixed(4).padStart(10)} (${pct.toFixed(1).padStart(5)}%)  ${name}\n`;
}

/// Formats the report of a root timer (whose own time is the total).
export function timingReport(root: Timer, display: TimingDisplay): string {
  const total = root.seconds;
  let out = RULE + " ".repeat(Math.floor((80 - TITLE.length) / 2)) + TITLE + "\n" + RULE;
  out += `  Total Execution Time: ${total.toFixed(4)} seconds\n\n`;
  out += "  ----Wall Time----  ----Name----\n";
  let childSum = 0;
  for (const c of root.children) childSum += c.seconds;
  if (display === "tree") {
    const visit = (t: Timer, depth: number): void => {
      if (t.hidden) { for (const c of t.children) visit(c, depth); return; }
      out += row(t.seconds, total, "  ".repeat(depth) + t.name);
      for (const c of t.children) visit(c, depth + 1);
    };
    for (const c of root.children) visit(c, 0);
  } else {
    const merged = new Map<string, number>();
    const visit = (t: Timer): void => {
      merged.set(t.name, (merged.get(t.name) ?? 0) + t.seconds);
      for (const c of t.children) visit(c);
    };
    for (const c of root.children) visit(c);
    out += row(total, total, "root");
    const rows = [...merged.entries()].sort((a, b) => b[1] - a[1]);
    for (const [name, s] of rows) out += row(s, total, name);
  }
  out += row(Math.max(0, total - childSum), total, "Rest");
  out += row(total, total, "Total");
  return out;
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
