// Passes as data: `definePass({argument, anchor, options, statistics, run})` and the pass instances a pipeline holds.
import { Diagnostic, InternalError } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import type { Operation } from "../ir/ir.js";
import type { OpDef } from "../ir/opdef.js";
import { diagLocOf, opError } from "../ir/verifier.js";
import { printOption, type OptionsSchema, type OptionValues } from "./options.js";

/// A statistic: its printed name and description (MLIR's `Statistic{this, "num-cse'd", "..."}`).
export interface StatisticSpec { readonly name: string; readonly desc: string }
/// Statistics of a pass keyed by the property name `run` increments; a string is the description (the key is the name).
export type StatisticsSchema = Readonly<Record<string, StatisticSpec | string>>;

/// What `run` receives besides the op.
export interface PassRunContext<O, S extends string> {
  /// The parsed options.
  readonly options: Readonly<O>;
  /// True if option `key` was given explicitly (MLIR's Option::hasValue), not just defaulted.
  isSet(key: keyof O & string): boolean;
  /// Counters, printed by `--mlir-pass-statistics`.
  readonly stats: Record<S, number>;
  /// Reports a diagnostic (an error does not by itself fail the pass; call `signalPassFailure`).
  emit(d: Diagnostic): void;
  /// Reports `'op' op message` at `op` (MLIR's op->emitOpError()).
  emitOpError(op: Operation, message: string): void;
  /// Reports `message` at `op`'s location (MLIR's op->emitError()).
  emitError(op: Operation, message: string): void;
  /// Marks the pass as failed: the pipeline stops after it.
  signalPassFailure(): void;
  /// Records that nothing changed (lets `--mlir-print-ir-after-change` skip the dump).
  markAllAnalysesPreserved(): void;
  /// Runs a nested pipeline on `op` (as MLIR's Pass::runPipeline); false on failure.
  runPipeline(pm: PipelineRunner, op: Operation): boolean;
}

/// Something that can run a pipeline on an op from inside a pass (implemented by OpPassManager).
export interface PipelineRunner {
  readonly anchor: string | null;
}

/// A pass definition.
export interface PassDef<S extends OptionsSchema = OptionsSchema, K extends string = string> {
  /// The command-line argument (`cse`, `affine-loop-unroll`).
  readonly argument: string;
  /// The class-like name mlir-opt prints in IR dumps and timing (`CSE`, `Canonicalizer`).
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  /// The op this pass runs on, or null for any op.
  readonly anchor: string | null;
  readonly options: S;
  readonly statistics: Readonly<Record<K, StatisticSpec>>;
  /// True if the pass may run on ops named `name` with record `def` (op-agnostic passes restrict themselves here).
  canScheduleOn(name: string, def: OpDef | null): boolean;
  /// True if the pass changes IR only through the pipelines it runs on its op (its own code only reads and reports):
  /// when the last of them left the op verified, it is not verified again after the pass.
  readonly changesOnlyThroughPipelines: boolean;
  run(op: Operation, ctx: PassRunContext<OptionValues<S>, K>): void;
}

/// What `definePass` takes.
export interface PassSpec<S extends OptionsSchema, T extends StatisticsSchema> {
  argument: string;
  /// Display name; defaults to the argument in CamelCase (`affine-loop-unroll` -> `AffineLoopUnroll`).
  name?: string;
  summary: string;
  description?: string;
  anchor: string | null;
  options?: S;
  statistics?: T;
  canScheduleOn?: (name: string, def: OpDef | null) => boolean;
  /// See PassDef.changesOnlyThroughPipelines (default false).
  changesOnlyThroughPipelines?: boolean;
  run(op: Operation, ctx: PassRunContext<OptionValues<S>, Extract<keyof T, string>>): void;
}

function camel(arg: string): string {
  return arg.split(/[-_]/).map((w) => (w.length ? w[0].toUpperCase() + w.slice(1) : w)).join("");
}

/// Defines a pass. Options are parsed by the schema, never inside `run`.
export function definePass<S extends OptionsSchema = Record<never, never>, T extends StatisticsSchema = Record<never, never>>(spec: PassSpec<S, T>): PassDef<S, Extract<keyof T, string>> {
  const stats: Record<string, StatisticSpec> = {};
  for (const [k, v] of Object.entries(spec.statistics ?? {})) stats[k] = typeof v === "string" ? { name: k, desc: v } : v;
  const anchor = spec.anchor;
  return {
    argument: spec.argument,
    name: spec.name ?? camel(spec.argument),
    summary: spec.summary,
    description: spec.description ?? "",
    anchor,
    options: (spec.options ?? {}) as S,
    statistics: stats as Record<Extract<keyof T, string>, StatisticSpec>,
    canScheduleOn: spec.canScheduleOn ?? ((name: string) => anchor === null || name === anchor),
    changesOnlyThroughPipelines: spec.changesOnlyThroughPipelines ?? false,
    run: spec.run,
  };
}

/// A pass in a pipeline: its definition, its option values and its statistics counters.
export class Pass {
  readonly def: PassDef;
  readonly options: Record<string, unknown>;
  readonly stats: Record<string, number>;
  /// The options given explicitly.
  readonly explicit: Set<string>;

  constructor(def: PassDef, options?: Record<string, unknown>, explicit?: Iterable<string>) {
    this.def = def;
    this.explicit = new Set(explicit ?? (options !== undefined ? Object.keys(options) : []));
    this.options = {};
    for (const [k, s] of Object.entries(def.options)) {
      const v = options !== undefined && k in options ? options[k] : s.defaultValue;
      this.options[k] = Array.isArray(v) ? v.slice() : v;
    }
    this.stats = {};
    for (const k of Object.keys(def.statistics)) this.stats[k] = 0;
  }

  /// The display name (`CSE`).
  get name(): string { return this.def.name; }
  /// The argument (`cse`).
  get argument(): string { return this.def.argument; }
  /// The anchor op name, or null.
  get anchor(): string | null { return this.def.anchor; }

  /// `arg{opt=v ...}` as MLIR prints a pass in a pipeline: options sorted by name, every option printed.
  toString(): string {
    const specs = Object.entries(this.def.options).sort((a, b) => (a[1].arg < b[1].arg ? -1 : a[1].arg > b[1].arg ? 1 : 0));
    if (specs.length === 0) return this.def.argument;
    return `${this.def.argument}{${specs.map(([k, s]) => printOption(s, this.options[k])).join(" ")}}`;
  }

  /// A fresh copy with the same options (statistics reset).
  clone(): Pass { return new Pass(this.def, this.options, this.explicit); }
}

/// What a pass run did besides its effect on the IR.
export interface PassRunState {
  failed: boolean;
  preserved: boolean;
  /// True if the last nested pipeline the pass ran was on its own op and left that op verified.
  verifiedByPipeline: boolean;
}

/// Builds the context object `run` receives for a run on `op`. `runNested` runs a pipeline and says whether it
/// succeeded and left the op it ran on verified; `noteFor` renders the `see current operation` note of op errors (or null).
export function makeRunContext(
  pass: Pass, op: Operation, emitDiag: (d: Diagnostic) => void,
  runNested: (pm: PipelineRunner, op: Operation) => { ok: boolean; verified: boolean }, noteFor: ((op: Operation) => string) | null,
): { ctx: PassRunContext<Record<string, unknown>, string>; state: PassRunState } {
  const state: PassRunState = { failed: false, preserved: false, verifiedByPipeline: false };
  const withNote = (op: Operation, d: Diagnostic): void => {
    if (noteFor !== null) d.attachNote(noteFor(op), diagLocOf(op.loc));
    emitDiag(d);
  };
  const ctx: PassRunContext<Record<string, unknown>, string> = {
    options: pass.options,
    isSet: (key) => pass.explicit.has(key),
    stats: pass.stats,
    emit: emitDiag,
    emitOpError: (op, message) => withNote(op, opError(op, message)),
    emitError: (op, message) => withNote(op, new Diagnostic(Severity.Error, DiagMessages.PassError.code, message, diagLocOf(op.loc))),
    signalPassFailure: () => { state.failed = true; },
    markAllAnalysesPreserved: () => { state.preserved = true; },
    runPipeline: (pm, target) => {
      if (pm.anchor !== null && pm.anchor !== target.name) throw new InternalError(`nested pipeline on '${pm.anchor}' run on '${target.name}'`);
      const r = runNested(pm, target);
      state.verifiedByPipeline = r.ok && r.verified && target === op;
      return r.ok;
    },
  };
  return { ctx, state };
}
