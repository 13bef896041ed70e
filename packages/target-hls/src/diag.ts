// The HLS target's diagnostics table (codes 8100-8199: emitter 81xx, C-simulation 815x-819x) and location helpers.
import {
  AttrKind, errorMessage as e, fileLoc, makeDiag, unknownDiagLoc, type Diagnostic, type DiagLocation, type DiagMessage,
  type FileLineColLoc, type Location, type NameLoc, type Operation, type CallSiteLoc, type FusedLoc,
} from "@allo/ir-core";

/// Messages of the HLS target. Codes are never reused or renumbered.
export const HlsDiag = {
  // emitter
  UnsupportedOp: e(8101, "'{0}' op is not supported by the HLS C++ emitter"),
  UnsupportedType: e(8102, "type {0} cannot be emitted as Vitis HLS C++: {1}"),
  DynamicShape: e(8103, "memref type {0} must have a static shape and identity layout to become a C array"),
  FifoCycle: e(8104, "the FIFO graph of @{0} has a cycle, so C-simulation cannot run its PEs one after another: PEs {1} through FIFOs {2}"),
  NothingToEmit: e(8105, "the module has no hw.design and no func.func to emit"),
  UnknownCallee: e(8106, "'{0}' refers to @{1}, which is not a func.func of this module"),
  MultipleResults: e(8107, "function @{0} returns {1} values; an HLS function returns at most one"),
  BadPartition: e(8108, "argument #{0} of {1}: {2}"),
  AmbiguousTop: e(8109, "the module has {0} candidate top functions ({1}); choose one with the 'top' option"),
  TopNotFound: e(8110, "no hw.design or func.func named @{0}"),
  FifoEndpoints: e(8111, "FIFO '{0}' of @{1} must be written by exactly one instance and read by exactly one, but has {2} writer(s) and {3} reader(s)"),
  DesignBodyOp: e(8112, "'{0}' op in the body of hw.design @{1} is not supported (expected hw.fifo, hw.instance or a constant)"),
  UnsupportedValue: e(8113, "value of type {0} cannot be used here by the HLS C++ emitter: {1}"),
  UnsupportedForm: e(8114, "'{0}' op: {1}"),
  // C-simulation
  CompilerMissing: e(8150, "C-simulation needs g++, which was not found ({0})"),
  CompileFailed: e(8151, "g++ rejected the generated C++ ({0}):\n{1}"),
  SimFailed: e(8152, "C-simulation failed (exit status {0}):\n{1}"),
  SimReadEmpty: e(8153, "C-simulation read an empty stream: in hardware the design would deadlock or the PE call order is wrong:\n{0}"),
  SimLeftover: e(8154, "C-simulation finished with data left in {0} stream(s):\n{1}"),
  InputMismatch: e(8155, "input #{0} ('{1}') must be {2} of shape [{3}], got {4} of shape [{5}]"),
  InputCount: e(8156, "the top function takes {0} arguments, but {1} inputs were given"),
  SimTimeout: e(8157, "C-simulation did not finish within {0} ms"),
  SimIO: e(8158, "C-simulation I/O failed: {0}"),
} as const;

/// A key of the table.
export type HlsDiagCode = keyof typeof HlsDiag;

function locOf(loc: Location): DiagLocation {
  switch (loc.kind) {
    case AttrKind.FileLineColLoc: {
      const l = loc as FileLineColLoc;
      return fileLoc(l.file, l.line, l.col);
    }
    case AttrKind.NameLoc: return locOf((loc as NameLoc).child);
    case AttrKind.CallSiteLoc: return locOf((loc as CallSiteLoc).callee);
    case AttrKind.FusedLoc: {
      for (const l of (loc as FusedLoc).locations) {
        const d = locOf(l);
        if (d.file !== null || d.buffer !== null) return d;
      }
      return unknownDiagLoc;
    }
    default: return unknownDiagLoc;
  }
}

/// The diagnostic location of an op (its file:line:col, when it has one).
export function opLocation(op: Operation | null): DiagLocation {
  return op === null ? unknownDiagLoc : locOf(op.loc);
}

/// Builds a diagnostic of the HLS table at `op`.
export function hlsDiag(msg: DiagMessage, op: Operation | null, ...args: unknown[]): Diagnostic {
  return makeDiag(msg, opLocation(op), ...args);
}
