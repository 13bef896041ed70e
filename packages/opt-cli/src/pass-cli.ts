// The pass-related flags of allo-opt: pass flags in command-line order, --pass-pipeline/-p, IR printing, timing,
// statistics, reproducers — turned into a PassManager run per input buffer, as mlir-opt's MlirOptMain does.
import { mkdirSync, writeFileSync } from "node:fs";
import {
  addPassFlag, CrashReproducerInstrumentation, externalResourcesOf, generatedReproducerPipeline, generatedReproducerText, IRPrinterInstrumentation,
  lookupPass, lookupPassPipeline, Nesting, parsePassPipeline, parseReproducerConfig, PassManager, renderDiagnostic, PassTimingInstrumentation,
  diagnosticOpPrinter, printOptionsForUnverified, setExternalResources, Severity, statisticsReport, unknownDiagLoc, Diagnostic, DiagMessages, type IRDumpPath, type OpPassManager,
  type PipelineError, type PrintOptions, type StatisticsDisplay,
} from "@allo/ir-core";
import { CliDiag } from "./cli-diagnostics.js";
import { systemErrorText, writeOutputAtomic } from "./io.js";
import type { Transform } from "./opt-main.js";

/// A pass or pipeline named on the command line (`--canonicalize=max-iterations=3`).
export interface PassFlag { readonly name: string; readonly options: string }

/// Splits `args` into pass flags (registered passes and pipelines, in order) and the other arguments.
/// `reserved` names the tool's own options, which win over a pass of the same name.
export function extractPassFlags(args: readonly string[], reserved: ReadonlySet<string>): { passFlags: PassFlag[]; rest: string[] } {
  const passFlags: PassFlag[] = [];
  const rest: string[] = [];
  let afterDashDash = false;
  for (const a of args) {
    if (afterDashDash || !a.startsWith("--")) { rest.push(a); if (a === "--") afterDashDash = true; continue; }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!reserved.has(name) && (lookupPass(name) !== null || lookupPassPipeline(name) !== null)) {
      passFlags.push({ name, options: eq < 0 ? "" : a.slice(eq + 1) });
    } else rest.push(a);
  }
  return { passFlags, rest };
}

/// The pass-related settings of one allo-opt run.
export interface PassCliOptions {
  readonly toolName: string;
  /// The last --pass-pipeline / -p value, or null.
  readonly passPipeline: string | null;
  readonly passFlags: readonly PassFlag[];
  readonly verifyEach: boolean;
  readonly verifyDiagnostics: boolean;
  readonly printOpOnDiagnostic: boolean;
  readonly printIrBefore: readonly string[];
  readonly printIrAfter: readonly string[];
  readonly printIrBeforeAll: boolean;
  readonly printIrAfterAll: boolean;
  readonly printIrAfterChange: boolean;
  readonly printIrAfterFailure: boolean;
  readonly printIrModuleScope: boolean;
  /// `--mlir-print-ir-tree-dir`: IR dumps go to files of a tree rooted here (null or empty: to stderr).
  readonly printIrTreeDir: string | null;
  /// How IR dumps print.
  readonly print: PrintOptions;
  readonly statistics: StatisticsDisplay | null;
  readonly dumpPassPipeline: boolean;
  readonly crashReproducer: string | null;
  /// `--mlir-generate-reproducer`: after the pipeline succeeded, write the IR and the pipeline here.
  readonly generateReproducer: string | null;
  readonly localReproducer: boolean;
  readonly runReproducer: boolean;
  readonly disableThreading: boolean;
}

/// True if the options ask for any pass work (otherwise allo-opt only parses, verifies and prints).
export function wantsPasses(o: PassCliOptions): boolean {
  return o.passPipeline !== null || o.passFlags.length > 0 || o.runReproducer || o.dumpPassPipeline || o.statistics !== null ||
    o.generateReproducer !== null;
}

/// Builds the transform that sets up and runs the pass manager on each parsed buffer.
export function makePassTransform(o: PassCliOptions): Transform {
  return (module, emit, buffer, hooks) => {
    const reportPipelineError = (e: PipelineError): false => {
      hooks.write(e.clText(o.toolName));
      emit(e.diagnostic);
      return false;
    };
    let pipeline: OpPassManager = new PassManager(module.name, Nesting.Implicit);
    let verifyEach = o.verifyEach;
    if (o.runReproducer) {
      // mlir-opt reads the `mlir_reproducer` resource instead of keeping it to print back.
      setExternalResources(module, externalResourcesOf(module).filter((g) => g.name !== "mlir_reproducer"));
      const cfg = parseReproducerConfig(buffer.text);
      if (cfg !== null) {
        const r = parsePassPipeline(cfg.pipeline);
        // mlir-opt prints a syntax error of the stored pipeline as it is, not wrapped in an unlocated error.
        if (!r.ok && r.error.caret !== null) { hooks.write(renderDiagnostic(r.error.caret)); return false; }
        if (!r.ok) return reportPipelineError(r.error);
        pipeline = r.pm;
        verifyEach = cfg.verifyEach;
      }
    }
    if (o.passPipeline !== null) {
      if (o.passFlags.length > 0) {
        emit(unlocated(DiagMessages.PipelineWithPassFlags.text, DiagMessages.PipelineWithPassFlags.code));
        return false;
      }
      const r = parsePassPipeline(o.passPipeline);
      if (!r.ok) return reportPipelineError(r.error);
      pipeline = r.pm;
    } else {
      for (const f of o.passFlags) {
        const err = addPassFlag(pipeline, f.name, f.options);
        if (err !== null) return reportPipelineError(err);
      }
    }
    const note = o.printOpOnDiagnostic && !o.verifyDiagnostics ? diagnosticOpPrinter(o.print) : null;
    const pm = new PassManager(pipeline.anchor, pipeline.nesting, {
      verifyEach, printOpOnDiagnostic: note, annotateVerifierFailures: !o.verifyDiagnostics, stopAtFirstFailure: o.disableThreading,
    });
    pm.elements = pipeline.elements;
    if (o.dumpPassPipeline) hooks.write(pm.dumpText());
    if (o.crashReproducer !== null) {
      const path = o.crashReproducer;
      pm.addInstrumentation(new CrashReproducerInstrumentation({
        path, emit, disableThreading: o.disableThreading, verifyEach, local: o.localReproducer,
        write: (text) => { try { writeFileSync(path, text); return null; } catch (e) { return (e as Error).message; } },
      }));
    }
    const before = o.printIrBeforeAll ? "all" : o.printIrBefore;
    const after = o.printIrAfterAll || o.printIrAfterFailure ? "all" : o.printIrAfter;
    // A dump that could not be written is reported as mlir-opt reports it, and the run goes on, but fails at the end.
    let treeFailed = false;
    if (o.printIrBeforeAll || o.printIrBefore.length > 0 || after === "all" || after.length > 0) {
      const root = o.printIrTreeDir ?? "";
      const writeTree = root === "" ? null : (path: IRDumpPath, text: string) => {
        const err = writeDumpFile(root, path, text);
        if (err !== null) { hooks.write(err); treeFailed = true; }
      };
      pm.addInstrumentation(new IRPrinterInstrumentation({
        before, after, afterOnlyOnChange: o.printIrAfterChange, afterOnlyOnFailure: o.printIrAfterFailure, moduleScope: o.printIrModuleScope,
        print: o.print, unverified: !verifyEach, write: hooks.write, writeTree,
      }));
    }
    if (hooks.timer !== null) pm.addInstrumentation(new PassTimingInstrumentation(hooks.timer));
    let ok = pm.run(module, emit);
    if (o.statistics !== null) hooks.write(statisticsReport(pm, o.statistics));
    if (ok && o.generateReproducer !== null) {
      // As any print, of IR that may not verify (the passes ran without verification) in generic form if it does not.
      const print = verifyEach ? o.print : printOptionsForUnverified(module, o.print);
      const text = generatedReproducerText(module, generatedReproducerPipeline(module.name, pm), print);
      const err = writeOutputAtomic(o.generateReproducer, text);
      if (err !== null) {
        emit(new Diagnostic(Severity.Error, CliDiag.ReproducerWrite, `failed to create output stream: ${err}`, unknownDiagLoc));
        ok = false;
      }
    }
    return ok && !treeFailed;
  };
}

/// `a` with `b` appended as LLVM's sys::path::append does (one `/` between them), so that messages name the path as
/// given (`node:path` would normalise `a/../b`).
function appendPath(a: string, b: string): string {
  return a === "" ? b : a.endsWith("/") ? a + b : `${a}/${b}`;
}

/// Writes one dump of --mlir-print-ir-tree-dir: creates the root and each directory below it (one level at a time,
/// an existing one is fine), then the file (atomically); returns mlir-opt's message if a step failed.
function writeDumpFile(root: string, path: IRDumpPath, text: string): string | null {
  let dir = root;
  for (let i = -1; i < path.dirs.length; i++) {
    if (i >= 0) dir = appendPath(dir, path.dirs[i]);
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") return `Error while creating directory ${dir}: ${systemErrorText(e)}\n`;
    }
  }
  const file = appendPath(dir, path.file);
  const err = writeOutputAtomic(file, text);
  return err === null ? null : `Error opening output file ${file}: ${err}\n`;
}

function unlocated(message: string, code: number): Diagnostic {
  return new Diagnostic(Severity.Error, code, message, unknownDiagLoc);
}
