// Pass instrumentation: hooks around passes and pipelines, and the IR printer behind --mlir-print-ir-*.
import type { Operation } from "../ir/ir.js";
import { symbolNameOf } from "../ir/symbol-table.js";
import { AsmPrinter, type PrintOptions } from "../syntax/printer.js";
import { Pass } from "./pass.js";
import type { OpPassManager, OpToOpPassAdaptor, PipelineElement } from "./pass-manager.js";

/// Hooks called around each pass and nested pipeline (MLIR's PassInstrumentation). All are optional.
export interface PassInstrumentation {
  /// Before the top-level pipeline runs on `op`.
  runBeforeRun?(pm: OpPassManager, op: Operation): void;
  /// After the top-level pipeline ran; `ok` is false if it failed.
  runAfterRun?(pm: OpPassManager, op: Operation, ok: boolean): void;
  /// Before a nested pipeline runs on one op; `parent` is its adaptor (null for a pipeline a pass runs itself).
  runBeforePipeline?(pm: OpPassManager, parent: OpToOpPassAdaptor | null): void;
  runAfterPipeline?(pm: OpPassManager, parent: OpToOpPassAdaptor | null): void;
  runBeforePass?(pass: PipelineElement, op: Operation): void;
  /// After a pass succeeded; `preserved` is true if it declared that nothing changed.
  runAfterPass?(pass: PipelineElement, op: Operation, preserved: boolean): void;
  runAfterPassFailed?(pass: PipelineElement, op: Operation): void;
  /// A pass threw (a bug, not a diagnostic): called before runAfterPassFailed.
  passCrashed?(pass: Pass, op: Operation): void;
}

/// Calls the registered instrumentations: "before" hooks in order, "after" hooks in reverse order (as MLIR).
export class PassInstrumentor {
  readonly list: PassInstrumentation[] = [];
  add(i: PassInstrumentation): void { this.list.push(i); }
  runBeforeRun(pm: OpPassManager, op: Operation): void { for (const i of this.list) i.runBeforeRun?.(pm, op); }
  runAfterRun(pm: OpPassManager, op: Operation, ok: boolean): void { for (let k = this.list.length - 1; k >= 0; k--) this.list[k].runAfterRun?.(pm, op, ok); }
  runBeforePipeline(pm: OpPassManager, parent: OpToOpPassAdaptor | null): void { for (const i of this.list) i.runBeforePipeline?.(pm, parent); }
  runAfterPipeline(pm: OpPassManager, parent: OpToOpPassAdaptor | null): void { for (let k = this.list.length - 1; k >= 0; k--) this.list[k].runAfterPipeline?.(pm, parent); }
  runBeforePass(p: PipelineElement, op: Operation): void { for (const i of this.list) i.runBeforePass?.(p, op); }
  runAfterPass(p: PipelineElement, op: Operation, preserved: boolean): void { for (let k = this.list.length - 1; k >= 0; k--) this.list[k].runAfterPass?.(p, op, preserved); }
  runAfterPassFailed(p: PipelineElement, op: Operation): void { for (let k = this.list.length - 1; k >= 0; k--) this.list[k].runAfterPassFailed?.(p, op); }
  passCrashed(p: Pass, op: Operation): void { for (const i of this.list) i.passCrashed?.(p, op); }
}

/// What the IR printer prints and when (mlir-opt's --mlir-print-ir-* flags).
export interface IRPrintingConfig {
  /// Pass arguments to print before (`--mlir-print-ir-before=cse,canonicalize`), or "all".
  readonly before: readonly string[] | "all";
  /// Pass arguments to print after, or "all" (also set by --mlir-print-ir-after-failure).
  readonly after: readonly string[] | "all";
  /// Print after a pass only if it changed the IR.
  readonly afterOnlyOnChange: boolean;
  /// Print after a pass only if it failed.
  readonly afterOnlyOnFailure: boolean;
  /// Print the whole top-level op rather than the op the pass ran on.
  readonly moduleScope: boolean;
  /// How the dumps print (generic form, locations, local scope).
  readonly print?: PrintOptions;
  /// Where the text goes (stderr in the CLI).
  readonly write: (s: string) => void;
}

/// Prints an op as MLIR's `op->print` with local scope (no alias definitions; numbering from the op).
export function printOpLocal(op: Operation, options: PrintOptions = {}): string {
  return new AsmPrinter(options).printInContext(op);
}

/// Prints the op's top-level ancestor as mlir-opt prints a module (alias definitions first).
export function printTopLevelOf(op: Operation, options: PrintOptions = {}): string {
  let top = op;
  while (top.parentOp !== null) top = top.parentOp;
  return new AsmPrinter(options).printTopLevel(top).join("");
}

/// A fingerprint of an op and everything nested (generic text with locations), for --mlir-print-ir-after-change.
export function fingerprint(op: Operation): string {
  return new AsmPrinter({ generic: true, debugInfo: true }).printInContext(op);
}

/// The instrumentation behind --mlir-print-ir-before/after(-all/-change/-failure) and --mlir-print-ir-module-scope.
export class IRPrinterInstrumentation implements PassInstrumentation {
  private readonly before = new Map<Pass, string>();
  constructor(readonly config: IRPrintingConfig) {}

  private wants(list: readonly string[] | "all", p: Pass): boolean { return list === "all" || list.includes(p.argument); }

  private header(kind: string, p: Pass, op: Operation): string {
    let h = `// -----// IR Dump ${kind} (${p.argument})`;
    if (!this.config.moduleScope) {
      const text = op.parent === null ? printTopLevelOf(op, this.config.print) : printOpLocal(op, this.config.print);
      return h + " //----- //\n" + text;
    }
    h += ` ('${op.name}' operation`;
    const sym = symbolNameOf(op);
    if (sym !== null) h += `: @${sym}`;
    return h + ") //----- //\n" + printTopLevelOf(op, this.config.print);
  }

  runBeforePass(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    if (this.config.afterOnlyOnChange) this.before.set(p, fingerprint(op));
    if (this.wants(this.config.before, p)) this.config.write(this.header(`Before ${p.name}`, p, op) + "\n\n");
  }

  runAfterPass(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    if (this.config.afterOnlyOnFailure) return;
    if (this.config.afterOnlyOnChange) {
      const fp = this.before.get(p);
      this.before.delete(p);
      if (fp === fingerprint(op)) return;
    }
    if (this.wants(this.config.after, p)) this.config.write(this.header(`After ${p.name}`, p, op) + "\n\n");
  }

  runAfterPassFailed(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    this.before.delete(p);
    if (!this.wants(this.config.after, p)) return;
    let text: string;
    try { text = this.header(`After ${p.name} Failed`, p, op); } catch { return; }
    this.config.write(text + "\n\n");
  }
}
