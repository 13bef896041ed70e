// The simulator's diagnostics table (8xxx) and the error that carries a diagnostic out of a run.
import {
  AttrKind, Diagnostic, errorMessage as e, fileLoc, formatMessage, Severity, unknownDiagLoc, type CallSiteLoc, type DiagLocation,
  type DiagMessage, type FileLineColLoc, type FusedLoc, type Location, type NameLoc, type Operation,
} from "@allo/ir-core";

function n(code: number, text: string): DiagMessage {
  return { code, severity: Severity.Note, text };
}

/// Messages of the simulator. Codes are never reused or renumbered.
export const SimMessages = {
  UnsupportedOp: e(8001, "the simulator does not support operation '{0}'"),
  OutOfBounds: e(8002, "'{0}' op index {1} is out of bounds for dimension {2} of size {3}"),
  DivisionByZero: e(8003, "'{0}' op division by zero"),
  Deadlock: e(8004, "deadlock: {0} of {1} instances are blocked and none can proceed"),
  BlockedInstance: n(8005, "instance {0} is blocked in '{1}' on stream '{2}' ({3})"),
  WaitForCycle: n(8006, "wait-for cycle: {0}"),
  NoWaitForCycle: n(8007, "{0}"),
  StreamNotEmpty: e(8008, "stream '{0}' has {1} element{2} left at the end of the run"),
  StreamIndex: e(8009, "'{0}' op stream index [{1}] is out of bounds for stream array '{2}' of shape [{3}]"),
  NoSuchEntry: e(8010, "no df.region, hw.design or func.func named '@{0}' to run"),
  NoEntry: e(8011, "the input has no df.region, hw.design or func.func to run"),
  UnknownArgument: e(8012, "'@{0}' has no argument named '{1}' (arguments: {2})"),
  InputShape: e(8013, "input '{0}' has shape [{1}], expected [{2}]"),
  InputDType: e(8014, "input '{0}' has dtype {1}, expected {2} for {3}"),
  UnsupportedType: e(8015, "the simulator does not support values of type {0}"),
  EntryHasParams: e(8016, "region '@{0}' has parameters; it can only run through df.call"),
  UnknownSymbol: e(8017, "'{0}' op '@{1}' does not refer to a {2}"),
  UnboundParam: e(8018, "'{0}' op parameter '{1}' has no value"),
  NonPositiveStep: e(8019, "'{0}' op step must be positive, got {1}"),
  ShapeMismatch: e(8020, "'{0}' op {1}"),
  MultiBlockRegion: e(8021, "'{0}' op the simulator supports only single-block regions"),
  BadMapping: e(8022, "'{0}' op {1}"),
  OutputShape: e(8023, "output '{0}': {1}"),
  BadLayout: e(8024, "'{0}' op {1}"),
  UseOutsideScope: e(8025, "'{0}' op uses a value the simulator cannot provide here ({1})"),
  Internal: e(8026, "internal simulator error: {0}"),
  UnknownOutput: e(8027, "'@{0}' has no argument or result named '{1}' (arguments: {2})"),
  PoisonValue: e(8028, "'{0}' op {1}"),
  TimeLimit: e(8029, "the run did not finish within {0} s (see --timeout): {1} of {2} instances had not finished"),
  UnfinishedInstance: n(8030, "instance {0} was {1}"),
  UnknownTarget: e(8032, "unknown target '{0}' (available: {1})"),
  CallDepth: e(8033, "'{0}' op nests calls more than {1} deep (unbounded recursion?)"),
} as const;

/// A key of the table.
export type SimCode = keyof typeof SimMessages;

/// The diagnostic location of an IR location (the innermost file:line:col).
export function diagLocOf(loc: Location | null): DiagLocation {
  if (loc === null) return unknownDiagLoc;
  switch (loc.kind) {
    case AttrKind.FileLineColLoc: { const l = loc as FileLineColLoc; return fileLoc(l.file, l.line, l.col); }
    case AttrKind.NameLoc: return diagLocOf((loc as NameLoc).child);
    case AttrKind.CallSiteLoc: return diagLocOf((loc as CallSiteLoc).callee);
    case AttrKind.FusedLoc: {
      for (const x of (loc as FusedLoc).locations) { const d = diagLocOf(x); if (d.file !== null) return d; }
      return unknownDiagLoc;
    }
    default: return unknownDiagLoc;
  }
}

/// `file:line:col` of an op, for messages that name other ops.
export function locText(op: Operation | null): string {
  const d = diagLocOf(op?.loc ?? null);
  return d.file !== null ? `${d.file}:${d.line}:${d.col}` : "unknown location";
}

/// Builds a diagnostic from the table at an op's location.
export function simDiag(msg: DiagMessage, op: Operation | null, ...args: unknown[]): Diagnostic {
  return new Diagnostic(msg.severity, msg.code, formatMessage(msg.text, args), diagLocOf(op?.loc ?? null));
}

/// Thrown to stop a run (or its preparation) with diagnostics.
export class SimError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const ds = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(ds.map((d) => d.message).join("; "));
    this.diagnostics = ds;
  }
}

/// Throws a SimError for the table entry at an op.
export function fail(msg: DiagMessage, op: Operation | null, ...args: unknown[]): never {
  throw new SimError(simDiag(msg, op, ...args));
}
