// OpPassManager (a nested pipeline anchored on an op name), its adaptors, and the PassManager that runs it.
import { Diagnostic, DiagnosticError, makeDiag, unknownDiagLoc } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import type { Operation } from "../ir/ir.js";
import { hasTrait, registry, Trait } from "../ir/opdef.js";
import { diagLocOf, opError, verify } from "../ir/verifier.js";
import { PassInstrumentor, type PassInstrumentation } from "./instrumentation.js";
import { makeRunContext, Pass, type PipelineRunner } from "./pass.js";

/// How `addPass` treats a pass anchored on another op: nest it implicitly (mlir-opt's pass flags) or refuse.
export enum Nesting { Implicit, Explicit }

/// Runs nested pass managers on the ops directly inside the regions of the current op (MLIR's OpToOpPassAdaptor).
export class OpToOpPassAdaptor {
  readonly managers: OpPassManager[];
  constructor(managers: OpPassManager[]) { this.managers = managers; }
  /// `Pipeline Collection : ['func.func', 'any']`, the adaptor's timing name.
  get adaptorName(): string { return `Pipeline Collection : [${this.managers.map((m) => `'${m.anchorName}'`).join(", ")}]`; }
  toString(): string { return this.managers.map((m) => m.toString()).join(","); }
  clone(): OpToOpPassAdaptor { return new OpToOpPassAdaptor(this.managers.map((m) => m.clone())); }
}

/// One element of a pipeline.
export type PipelineElement = Pass | OpToOpPassAdaptor;

/// A pipeline of passes anchored on an op name (`null` means any op: `any(...)`).
export class OpPassManager implements PipelineRunner {
  readonly anchor: string | null;
  nesting: Nesting;
  elements: PipelineElement[];

  constructor(anchor: string | null = "builtin.module", nesting: Nesting = Nesting.Explicit) {
    this.anchor = anchor;
    this.nesting = nesting;
    this.elements = [];
  }

  /// `any` for op-agnostic managers, else the anchor op name.
  get anchorName(): string { return this.anchor ?? "any"; }
  /// The number of top-level elements (adaptors count as one), as `--dump-pass-pipeline` reports.
  get size(): number { return this.elements.length; }

  /// Appends a nested pass manager on `anchor` (a new adaptor, merged with neighbours before running) and returns it.
  nest(anchor: string | null): OpPassManager {
    const pm = new OpPassManager(anchor, this.nesting);
    this.elements.push(new OpToOpPassAdaptor([pm]));
    return pm;
  }

  /// Appends `pass`; a pass anchored on another op is nested implicitly, or refused (error text) with explicit nesting.
  addPass(pass: Pass): string | null {
    const a = pass.anchor;
    if (a !== null && this.anchor !== a) {
      if (this.nesting === Nesting.Explicit && this.anchor !== null) {
        return DiagMessages.PassNesting.text.replace("{0}", pass.name).replace("{1}", a).replace("{2}", this.anchorName);
      }
      if (this.nesting === Nesting.Implicit) return this.nest(a).addPass(pass);
    }
    this.elements.push(pass);
    return null;
  }

  /// `builtin.module(func.func(cse),canonicalize{...})`.
  toString(): string { return `${this.anchorName}(${this.elements.map((e) => e.toString()).join(",")})`; }

  /// The text `--dump-pass-pipeline` writes to stderr.
  dumpText(): string { return `Pass Manager with ${this.size} passes:\n${this.toString()}\n\n`; }

  /// A deep copy (fresh statistics).
  clone(): OpPassManager {
    const pm = new OpPassManager(this.anchor, this.nesting);
    pm.elements = this.elements.map((e) => e.clone());
    return pm;
  }

  /// Every pass, depth first.
  *allPasses(): Generator<Pass> {
    for (const e of this.elements) {
      if (e instanceof Pass) yield e;
      else for (const m of e.managers) yield* m.allPasses();
    }
  }

  /// True if this manager may run on `op` (named: same name; `any`: registered, isolated, accepted by every pass).
  canScheduleOn(op: Operation): boolean {
    if (this.anchor !== null) return op.name === this.anchor;
    if (op.def === null || !hasTrait(op.def, Trait.IsolatedFromAbove)) return false;
    for (const e of this.elements) if (e instanceof Pass && !e.def.canScheduleOn(op.name, op.def)) return false;
    return true;
  }

  /// `canScheduleOn` by op name (used when merging adaptors).
  canScheduleOnName(name: string): boolean {
    if (this.anchor !== null) return name === this.anchor;
    const def = registry.lookupOp(name);
    if (def === null || !hasTrait(def, Trait.IsolatedFromAbove)) return false;
    for (const e of this.elements) if (e instanceof Pass && !e.def.canScheduleOn(name, def)) return false;
    return true;
  }

  /// Merges adjacent adaptors as MLIR's finalizePassList does; returns an error message if a pass cannot run here.
  finalize(): string | null {
    const out: PipelineElement[] = [];
    let last: OpToOpPassAdaptor | null = null;
    for (const e of this.elements) {
      if (e instanceof OpToOpPassAdaptor) {
        if (last !== null && tryMergeInto(e, last)) continue;
        last = e;
        out.push(e);
      } else {
        last = null;
        out.push(e);
      }
    }
    this.elements = out;
    for (const e of this.elements) {
      if (e instanceof OpToOpPassAdaptor) {
        for (const m of e.managers) { const err = m.finalize(); if (err !== null) return err; }
      } else if (this.anchor !== null && e.anchor !== null && e.anchor !== this.anchor) {
        return DiagMessages.UnableToSchedule.text.replace("{0}", e.name).replace("{1}", this.anchorName);
      }
    }
    return null;
  }
}

function tryMergeInto(lhs: OpToOpPassAdaptor, rhs: OpToOpPassAdaptor): boolean {
  const generic = (a: OpToOpPassAdaptor) => a.managers.find((m) => m.anchor === null);
  const conflicts = (g: OpPassManager, others: OpPassManager[]) => others.some((m) => m.anchor === null || g.canScheduleOnName(m.anchor));
  const lg = generic(lhs);
  if (lg !== undefined && conflicts(lg, rhs.managers)) return false;
  const rg = generic(rhs);
  if (rg !== undefined && conflicts(rg, lhs.managers)) return false;
  for (const pm of lhs.managers) {
    const existing = rhs.managers.find((m) => m.anchor === pm.anchor);
    if (existing !== undefined) existing.elements.push(...pm.elements);
    else rhs.managers.push(pm);
  }
  rhs.managers.sort((a, b) => (a.anchor === null ? (b.anchor === null ? 0 : 1) : b.anchor === null ? -1 : a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0));
  return true;
}

/// How a run reports and checks: diagnostics sink, verification, instrumentation.
export interface PassManagerOptions {
  /// Run the verifier after each pass (mlir-opt's --verify-each, on by default).
  verifyEach?: boolean;
  /// Prints an op for `see current operation:` notes on pass and verifier errors (null: no note).
  printOpOnDiagnostic?: ((op: Operation) => string) | null;
  /// Add a note naming the pass after which the IR failed to verify (off under --verify-diagnostics).
  annotateVerifierFailures?: boolean;
  /// Stop a nested pipeline at the first op it fails on (mlir-opt with --mlir-disable-threading); by default every
  /// op is processed and all failures are reported in op order, as multi-threaded mlir-opt reports them.
  stopAtFirstFailure?: boolean;
}

/// The top-level pass manager: a pipeline plus diagnostics, verification and instrumentations.
export class PassManager extends OpPassManager {
  verifyEach: boolean;
  printOpOnDiagnostic: ((op: Operation) => string) | null;
  annotateVerifierFailures: boolean;
  stopAtFirstFailure: boolean;
  readonly instrumentor: PassInstrumentor;
  private emitFn: (d: Diagnostic) => void;
  /// True if the op the last pass ran on is verified as that pass left it (verified after it, or after the last
  /// pass that changed it); false when unknown (not verified, or an adaptor ran passes on nested ops).
  private leftVerified = false;

  constructor(anchor: string | null = "builtin.module", nesting: Nesting = Nesting.Explicit, options: PassManagerOptions = {}) {
    super(anchor, nesting);
    this.verifyEach = options.verifyEach ?? true;
    this.printOpOnDiagnostic = options.printOpOnDiagnostic ?? null;
    this.annotateVerifierFailures = options.annotateVerifierFailures ?? true;
    this.stopAtFirstFailure = options.stopAtFirstFailure ?? false;
    this.instrumentor = new PassInstrumentor();
    this.emitFn = () => {};
  }

  /// Makes this manager run `pm`'s pipeline (keeps options and instrumentations).
  setPipeline(pm: OpPassManager): PassManager {
    const out = new PassManager(pm.anchor, pm.nesting, {
      verifyEach: this.verifyEach, printOpOnDiagnostic: this.printOpOnDiagnostic, annotateVerifierFailures: this.annotateVerifierFailures,
      stopAtFirstFailure: this.stopAtFirstFailure,
    });
    out.elements = pm.elements;
    for (const i of this.instrumentor.list) out.addInstrumentation(i);
    return out;
  }

  /// Adds an instrumentation (IR printing, timing, statistics, crash reproducer...).
  addInstrumentation(i: PassInstrumentation): void { this.instrumentor.add(i); }

  /// Runs the pipeline on `op`; diagnostics go to `emit`. Returns false on failure.
  run(op: Operation, emit: (d: Diagnostic) => void): boolean {
    this.emitFn = emit;
    if (this.anchor !== null && this.anchor !== op.name) {
      emit(makeDiag(DiagMessages.CantRunPassManager, diagLocOf(op.loc), this.anchorName, op.name));
      return false;
    }
    const err = this.finalize();
    if (err !== null) {
      emit(new Diagnostic(Severity.Error, DiagMessages.UnableToSchedule.code, err, unknownDiagLoc));
      return false;
    }
    this.instrumentor.runBeforeRun(this, op);
    const ok = this.runPipelineOn(this, op);
    this.instrumentor.runAfterRun(this, op, ok);
    return ok;
  }

  private emitOpDiag(op: Operation, d: Diagnostic): void {
    if (this.printOpOnDiagnostic !== null && d.severity === Severity.Error) d.attachNote(seeCurrentOperation(this.printOpOnDiagnostic(op)), diagLocOf(op.loc));
    this.emitFn(d);
  }

  /// Runs every element of `pm` on `op`, stopping at the first failure.
  runPipelineOn(pm: OpPassManager, op: Operation): boolean {
    for (const e of pm.elements) if (!this.runOne(e, op)) return false;
    return true;
  }

  private runOne(e: PipelineElement, op: Operation): boolean {
    if (op.def === null) { this.emitOpDiag(op, makeDiag(DiagMessages.OpVerify, diagLocOf(op.loc), op.name, DiagMessages.ScheduleUnregistered.text)); return false; }
    if (!hasTrait(op.def, Trait.IsolatedFromAbove)) { this.emitOpDiag(op, opError(op, DiagMessages.ScheduleNotIsolated.text)); return false; }
    if (e instanceof Pass && !e.def.canScheduleOn(op.name, op.def)) { this.emitOpDiag(op, opError(op, DiagMessages.ScheduleUnsupported.text)); return false; }
    const inst = this.instrumentor;
    inst.runBeforePass(e, op);
    let failed = false;
    let preserved = false;
    let verifiedByPipeline = false;
    if (e instanceof OpToOpPassAdaptor) {
      failed = !this.runAdaptor(e, op);
    } else {
      const note = this.printOpOnDiagnostic;
      const { ctx, state } = makeRunContext(e, op, this.emitFn, (pm, target) => this.runNested(pm as OpPassManager, target), note === null ? null : (o) => seeCurrentOperation(note(o)));
      try {
        e.def.run(op, ctx as never);
      } catch (x) {
        if (x instanceof DiagnosticError) this.emitFn(x.diagnostic);
        else this.emitFn(makeDiag(DiagMessages.PassFailed, diagLocOf(op.loc), e.argument, x instanceof Error ? x.message : String(x)));
        state.failed = true;
        inst.passCrashed(e, op);
      }
      failed = state.failed;
      preserved = state.preserved;
      // A pass that changes IR only through its pipelines leaves the op as the last of them did; if that one left it
      // verified, verifying it again cannot fail.
      verifiedByPipeline = e.def.changesOnlyThroughPipelines && state.verifiedByPipeline;
    }
    if (!failed && this.verifyEach && e instanceof Pass && !preserved && !verifiedByPipeline) {
      const errs = verify(op, { printOpOnDiagnostic: this.printOpOnDiagnostic });
      if (errs.length) {
        if (this.annotateVerifierFailures) errs[errs.length - 1].attachNote(`IR failed to verify after pass '${e.name}' (${e.argument})`, diagLocOf(op.loc));
        for (const d of errs) this.emitFn(d);
        failed = true;
      }
    }
    if (!(e instanceof Pass)) this.leftVerified = false;
    else if (!preserved) this.leftVerified = this.verifyEach || verifiedByPipeline;
    if (failed) inst.runAfterPassFailed(e, op);
    else inst.runAfterPass(e, op, preserved);
    return !failed;
  }

  private runAdaptor(a: OpToOpPassAdaptor, op: Operation): boolean {
    let ok = true;
    for (const r of op.regions) {
      for (let b = r.firstBlock; b !== null; b = b.next) {
        for (let child = b.firstOp; child !== null; child = child.next) {
          const pm = a.managers.find((m) => m.canScheduleOn(child!));
          if (pm === undefined) continue;
          this.instrumentor.runBeforePipeline(pm, a);
          const r1 = this.runPipelineOn(pm, child);
          this.instrumentor.runAfterPipeline(pm, a);
          if (!r1) {
            ok = false;
            if (this.stopAtFirstFailure) return false;
          }
        }
      }
    }
    return ok;
  }

  /// A pipeline a pass runs dynamically on `op` (an op it owns or itself); says whether it succeeded and whether its
  /// passes left `op` verified.
  private runNested(pm: OpPassManager, op: Operation): { ok: boolean; verified: boolean } {
    if (!pm.canScheduleOn(op) && pm.anchor !== null) return { ok: false, verified: false };
    pm.finalize();
    this.instrumentor.runBeforePipeline(pm, null);
    this.leftVerified = false;
    const ok = this.runPipelineOn(pm, op);
    this.instrumentor.runAfterPipeline(pm, null);
    return { ok, verified: this.leftVerified };
  }
}

/// `see current operation: <op>`, with the op on its own line when it prints on several (as MLIR's Diagnostic::appendOp).
export function seeCurrentOperation(text: string): string {
  return "see current operation: " + (text.includes("\n") ? "\n" + text : text);
}
