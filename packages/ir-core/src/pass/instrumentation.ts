// Pass instrumentation: hooks around passes and pipelines, and the IR printer behind --mlir-print-ir-*.
import type { Operation } from "../ir/ir.js";
import { symbolNameOf } from "../ir/symbol-table.js";
import { textOfByteString } from "../support/byte-string.js";
import { AsmPrinter, printOptionsForUnverified, topLevelOf, type PrintOptions } from "../syntax/printer.js";
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
  /// The passes run without verification (--verify-each=false), so any dump may show IR that does not verify; else
  /// only dumps after a pass failed may.
  readonly unverified?: boolean;
  /// Where the text goes (stderr in the CLI).
  readonly write: (s: string) => void;
  /// `--mlir-print-ir-tree-dir`: each dump goes to its own file of a directory tree instead (see irDumpPath); the
  /// callee creates the directories and writes the file.
  readonly writeTree?: ((path: IRDumpPath, text: string) => void) | null;
}

/// Where `--mlir-print-ir-tree-dir` puts one dump, below the tree's root: one directory per op from the top-level op
/// down to the op the pass ran on (`builtin_module_no-symbol-name`, `func_func_f`: the op name with `_` for `.`, then
/// its `sym_name` or `no-symbol-name`), and the file (`0_1_canonicalize.mlir`).
export interface IRDumpPath {
  readonly dirs: readonly string[];
  readonly file: string;
}

/// The path of the next dump of `op` for pass `argument`, as MLIR's file-tree IR printer names it: the file name
/// starts with the dump counts of the op's ancestors and of the op, joined with `_`. `counters` holds how many dumps
/// each op had minus one; the op's count goes up by one, an ancestor not dumped yet counts 0 (and its first own dump
/// then counts 1, as in MLIR).
export function irDumpPath(op: Operation, argument: string, counters: Map<Operation, number>): IRDumpPath {
  const own = counters.get(op);
  counters.set(op, own === undefined ? 0 : own + 1);
  const dirs: string[] = [];
  const counts: number[] = [];
  for (let o: Operation | null = op; o !== null; o = o.parentOp) {
    let c = counters.get(o);
    if (c === undefined) { c = 0; counters.set(o, c); }
    counts.push(c);
    const sym = symbolNameOf(o);
    dirs.push(`${o.name.split(".").join("_")}_${sym !== null ? textOfByteString(sym) : "no-symbol-name"}`);
  }
  dirs.reverse();
  counts.reverse();
  return { dirs, file: `${counts.join("_")}_${argument}.mlir` };
}

/// Prints an op as MLIR's `op->print` with local scope (no alias definitions; numbering from the op, or from its
/// closest ancestor isolated from above).
export function printOpLocal(op: Operation, options: PrintOptions = {}): string {
  return new AsmPrinter(options.localScope === true ? options : { ...options, localScope: true }).printInContext(op);
}

/// Prints the op's top-level ancestor as mlir-opt prints a module (alias definitions first).
export function printTopLevelOf(op: Operation, options: PrintOptions = {}): string {
  return new AsmPrinter(options).printTopLevel(topLevelOf(op)).join("");
}

/// A fingerprint of an op and everything nested (generic text with locations), for --mlir-print-ir-after-change.
export function fingerprint(op: Operation): string {
  return new AsmPrinter({ generic: true, debugInfo: true }).printInContext(op);
}

/// The instrumentation behind --mlir-print-ir-before/after(-all/-change/-failure) and --mlir-print-ir-module-scope.
export class IRPrinterInstrumentation implements PassInstrumentation {
  private readonly before = new Map<Pass, string>();
  /// Dumps per op so far, for the file names of --mlir-print-ir-tree-dir.
  private readonly counters = new Map<Operation, number>();
  /// Set once a pass failed (or from the start without verification): the IR may not verify from then on.
  private mayBeInvalid: boolean;
  constructor(readonly config: IRPrintingConfig) { this.mayBeInvalid = config.unverified === true; }

  /// How a dump numbered from `root` prints: as configured, or once the IR may not verify, in generic form if `root`
  /// does not verify (unless --mlir-print-assume-verified), as MLIR's printer checks before each print.
  private printOptions(root: Operation): PrintOptions {
    const print = this.config.print ?? {};
    return this.mayBeInvalid ? printOptionsForUnverified(root, print) : print;
  }

  /// Writes one dump to stderr, or to its file of the tree.
  private emit(p: Pass, op: Operation, text: string): void {
    const tree = this.config.writeTree;
    if (tree === undefined || tree === null) this.config.write(text);
    else tree(irDumpPath(op, p.argument, this.counters), text);
  }

  private wants(list: readonly string[] | "all", p: Pass): boolean { return list === "all" || list.includes(p.argument); }

  private header(kind: string, p: Pass, op: Operation): string {
    let h = `// -----// IR Dump ${kind} (${p.argument})`;
    if (!this.config.moduleScope) {
      const text = op.parent === null ? printTopLevelOf(op, this.printOptions(op)) : printOpLocal(op, this.printOptions(op));
      return h + " //----- //\n" + text;
    }
    h += ` ('${op.name}' operation`;
    const sym = symbolNameOf(op);
    if (sym !== null) h += `: @${sym}`;
    const top = topLevelOf(op);
    return h + ") //----- //\n" + printTopLevelOf(top, this.printOptions(top));
  }

  runBeforePass(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    if (this.config.afterOnlyOnChange) this.before.set(p, fingerprint(op));
    if (this.wants(this.config.before, p)) this.emit(p, op, this.header(`Before ${p.name}`, p, op) + "\n\n");
  }

  runAfterPass(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    if (this.config.afterOnlyOnFailure) return;
    if (this.config.afterOnlyOnChange) {
      const fp = this.before.get(p);
      this.before.delete(p);
      if (fp === fingerprint(op)) return;
    }
    if (this.wants(this.config.after, p)) this.emit(p, op, this.header(`After ${p.name}`, p, op) + "\n\n");
  }

  runAfterPassFailed(p: PipelineElement, op: Operation): void {
    if (!(p instanceof Pass)) return;
    this.before.delete(p);
    this.mayBeInvalid = true;
    if (!this.wants(this.config.after, p)) return;
    let text: string;
    try { text = this.header(`After ${p.name} Failed`, p, op); } catch { return; }
    this.emit(p, op, text + "\n\n");
  }
}
