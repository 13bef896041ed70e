// Crash/failure reproducers as MLIR 19 writes them (input IR plus an `mlir_reproducer` external resource), and reading them back.
import { Diagnostic, makeDiag } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { externalResourcesOf, setExternalResources } from "../ir/file-metadata.js";
import type { Operation } from "../ir/ir.js";
import { hasTrait, Trait } from "../ir/opdef.js";
import { symbolNameOf } from "../ir/symbol-table.js";
import { diagLocOf } from "../ir/verifier.js";
import { AsmPrinter, type PrintOptions } from "../syntax/printer.js";
import { Pass } from "./pass.js";
import type { OpPassManager, PipelineElement } from "./pass-manager.js";
import type { PassInstrumentation } from "./instrumentation.js";

/// The configuration stored in a reproducer.
export interface ReproducerConfig {
  readonly pipeline: string;
  readonly disableThreading: boolean;
  readonly verifyEach: boolean;
}

function escape(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === "\\" || c < 0x20 || c > 0x7e) out += "\\" + c.toString(16).toUpperCase().padStart(2, "0");
    else out += ch;
  }
  return out;
}

/// The reproducer text: the IR, a blank line, then the `{-# external_resources ... #-}` block.
export function reproducerText(ir: string, c: ReproducerConfig): string {
  return `${ir}\n\n{-#\n  external_resources: {\n    mlir_reproducer: {\n      pipeline: "${escape(c.pipeline)}",\n` +
    `      disable_threading: ${c.disableThreading},\n      verify_each: ${c.verifyEach}\n    }\n  }\n#-}\n`;
}

function unescape(s: string): string {
  return s.replace(/\\([0-9a-fA-F]{2}|.)/g, (_m, x: string) => (x.length === 2 ? String.fromCharCode(parseInt(x, 16)) : x === "n" ? "\n" : x === "t" ? "\t" : x));
}

/// Reads the `mlir_reproducer` resource of a file's metadata block, or null if there is none.
export function parseReproducerConfig(text: string): ReproducerConfig | null {
  const start = text.lastIndexOf("{-#");
  if (start < 0) return null;
  const block = text.slice(start);
  const at = block.indexOf("mlir_reproducer");
  if (at < 0) return null;
  const body = block.slice(at);
  const pm = /pipeline\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body);
  if (pm === null) return null;
  const dt = /disable_threading\s*:\s*(true|false)/.exec(body);
  const ve = /verify_each\s*:\s*(true|false)/.exec(body);
  return { pipeline: unescape(pm[1]), disableThreading: dt !== null && dt[1] === "true", verifyEach: ve === null || ve[1] === "true" };
}

/// The pipeline as the reproducer records it: `op(elem, elem, ...)` (top-level elements joined with ", ").
export function reproducerPipeline(topName: string, pm: OpPassManager): string {
  return `${topName}(${pm.elements.map((e) => e.toString()).join(", ")})`;
}

/// The pipeline --mlir-generate-reproducer records: the top-level elements inside `any(...)`, inside the top-level op's
/// name (`builtin.module(any(func.func(cse),symbol-dce))`), as MLIR 19's makeReproducer prints it. `any` runs the
/// elements on the ops inside the top-level op, not on it: a replay runs them one level deeper than the run that wrote
/// the file, in mlir-opt-19 as here.
export function generatedReproducerPipeline(topName: string, pm: OpPassManager): string {
  return `${topName}(any(${pm.elements.map((e) => e.toString()).join(",")}))`;
}

/// The file --mlir-generate-reproducer writes after a pipeline succeeded: `top` as it is now, printed with the tool's
/// printing flags, with one external resource, `mlir_reproducer` (`disable_threading` and `verify_each` always false,
/// and the input's other external resources left out, as MLIR's makeReproducer writes it).
export function generatedReproducerText(top: Operation, pipeline: string, print: PrintOptions): string {
  const saved = externalResourcesOf(top);
  setExternalResources(top, [{
    name: "mlir_reproducer",
    entries: [
      { key: "pipeline", value: { kind: "string", value: pipeline } },
      { key: "disable_threading", value: { kind: "bool", value: false } },
      { key: "verify_each", value: { kind: "bool", value: false } },
    ],
  }]);
  try {
    return new AsmPrinter(print).printTopLevel(top).join("");
  } finally {
    setExternalResources(top, saved);
  }
}

/// Where reproducers go and how they are announced.
export interface ReproducerSink {
  /// Writes the reproducer; returns an error message if it could not.
  write(text: string): string | null;
  /// The path shown in the diagnostic.
  readonly path: string;
  /// Reports the "Failures have been detected" error.
  emit(d: Diagnostic): void;
  readonly disableThreading: boolean;
  readonly verifyEach: boolean;
  /// Generate a reproducer for the failing pass only (--mlir-pass-pipeline-local-reproducer).
  readonly local: boolean;
}

function describe(p: Pass, op: Operation): string {
  const sym = symbolNameOf(op);
  return `\`${p.name}\` on '${op.name}' operation${sym !== null && hasTrait(op.def, Trait.Symbol) ? `: @${sym}` : ""}`;
}

/// Generates a reproducer when the pipeline fails, as --mlir-pass-pipeline-crash-reproducer does.
export class CrashReproducerInstrumentation implements PassInstrumentation {
  private ir = "";
  private pipeline = "";
  private top: Operation | null = null;
  private readonly running: [Pass, Operation][] = [];
  private done = false;
  constructor(private readonly sink: ReproducerSink) {}

  runBeforeRun(pm: OpPassManager, op: Operation): void {
    this.top = op;
    this.done = false;
    if (!this.sink.local) {
      this.ir = new AsmPrinter().printTopLevel(op).join("");
      this.pipeline = reproducerPipeline(op.name, pm);
    }
  }

  runBeforePass(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    this.running.push([p, op]);
    if (this.sink.local && this.top !== null) {
      this.ir = new AsmPrinter().printTopLevel(this.top).join("");
      const scopes: string[] = [];
      for (let o: Operation | null = op; o !== null && o.parentOp !== null; o = o.parentOp) scopes.push(o.name);
      scopes.reverse();
      this.pipeline = `${this.top.name}(${scopes.map((s) => s + "(").join("")}${p.toString()}${")".repeat(scopes.length)})`;
    }
  }

  runAfterPass(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    const i = this.running.findIndex(([a, b]) => a === p && b === op);
    if (i >= 0) this.running.splice(i, 1);
  }

  runAfterPassFailed(_p: PipelineElement, op: Operation): void {
    if (this.done) return;
    this.generate(op);
  }

  runAfterRun(_pm: OpPassManager, op: Operation, ok: boolean): void {
    if (!ok && !this.done) this.generate(op);
    this.running.length = 0;
  }

  private generate(at: Operation): void {
    this.done = true;
    const err = this.sink.write(reproducerText(this.ir.replace(/\n$/, ""), { pipeline: this.pipeline, disableThreading: this.sink.disableThreading, verifyEach: this.sink.verifyEach }));
    const desc = err === null ? `reproducer generated at \`${this.sink.path}\`` : `failed to create output stream: ${err}`;
    const d = makeDiag(DiagMessages.PipelineFailures, diagLocOf(at.loc));
    d.attachNote(`Pipeline failed while executing [${this.running.map(([p, o]) => describe(p, o)).join(", ")}]: ${desc}`, diagLocOf(at.loc));
    this.sink.emit(d);
  }
}
