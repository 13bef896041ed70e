// The verifier: op records' constraints and traits, terminators, symbol uses, and SSA dominance.
import { Diagnostic, fileLoc, makeDiag, makeNote, unknownDiagLoc, type DiagLocation } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import { AttrKind, type Attribute, type CallSiteLoc, type FileLineColLoc, type FusedLoc, type Location, type NameLoc, type StringAttr } from "./attrs.js";
import { Block, ValueKind, type BlockArgument, type Operation, type OpResult, type Region, type Value } from "./ir.js";
import { Arity, hasTrait, registry, Trait, type OpDef, type OpVerifyContext } from "./opdef.js";
import { symbolNameOf } from "./symbol-table.js";

/// The source position of a location attribute (MLIR's findLocToShow: the first file:line:col inside it), with the
/// callers of the call site it contains as its call stack (at most ten, as mlir-opt shows).
export function diagLocOf(loc: Location): DiagLocation {
  const shown = locToShow(loc, 0);
  const site = callSiteOf(loc, 0);
  if (site === null) return shown ?? unknownDiagLoc;
  // MLIR's location stack: the shown location, then each caller that has one to show; the first is the diagnostic's.
  const stack: DiagLocation[] = shown === null ? [] : [shown];
  let caller = site.caller;
  for (let depth = 0; depth < 10; depth++) {
    const c = locToShow(caller, 0);
    if (c !== null) stack.push(c);
    const next = callSiteOf(caller, 0);
    if (next === null) break;
    caller = next.caller;
  }
  if (stack.length === 0) return unknownDiagLoc;
  return stack.length === 1 ? stack[0] : { ...stack[0], callers: stack.slice(1) };
}

/// The file:line:col a location shows, or null (unknown locations show none); a call site shows its callee's, or if
/// that has none its caller's.
function locToShow(l: Attribute, depth: number): DiagLocation | null {
  if (depth > 64) return null;
  switch (l.kind) {
    case AttrKind.FileLineColLoc: { const f = l as FileLineColLoc; return fileLoc(f.file, f.line, f.col); }
    case AttrKind.NameLoc: return locToShow((l as NameLoc).child, depth + 1);
    case AttrKind.CallSiteLoc: return locToShow((l as CallSiteLoc).callee, depth + 1) ?? locToShow((l as CallSiteLoc).caller, depth + 1);
    case AttrKind.FusedLoc:
      for (const x of (l as FusedLoc).locations) { const d = locToShow(x, depth + 1); if (d !== null) return d; }
      return null;
    default: return null;
  }
}

/// The call site a location is or names, or the first one a fused location holds (MLIR's getCallSiteLoc).
function callSiteOf(l: Attribute, depth: number): CallSiteLoc | null {
  if (depth > 64) return null;
  switch (l.kind) {
    case AttrKind.CallSiteLoc: return l as CallSiteLoc;
    case AttrKind.NameLoc: return callSiteOf((l as NameLoc).child, depth + 1);
    case AttrKind.FusedLoc:
      for (const x of (l as FusedLoc).locations) { const c = callSiteOf(x, depth + 1); if (c !== null) return c; }
      return null;
    default: return null;
  }
}

/// An error of op `op`: `'name' op message` at its location (`code` defaults to OpVerify's).
export function opError(op: Operation, message: string, code: number = DiagMessages.OpVerify.code): Diagnostic {
  return new Diagnostic(Severity.Error, code, `'${op.name}' op ${message}`, diagLocOf(op.loc));
}

/// Prints an op for the "see current operation" note; installed by the printer module's users.
export type OpPrinterFn = (op: Operation) => string;

/// Prints an op inside a diagnostic's message, as MLIR's Diagnostic::appendOp (generic form, a line break first if
/// it takes several lines); installed by the printer module, and by tools whose printing flags it should follow.
let messageOpPrinter: OpPrinterFn = (op) => op.name;
function diagnosticOpText(op: Operation): string {
  const text = messageOpPrinter(op);
  return text.includes("\n") ? "\n" + text : text;
}
/// Installs the printer of ops inside diagnostic messages; returns the one it replaces.
export function setDiagnosticOpPrinter(f: OpPrinterFn): OpPrinterFn {
  const previous = messageOpPrinter;
  messageOpPrinter = f;
  return previous;
}

/// Options of `verify`.
export interface VerifyOptions {
  /// Attach `see current operation: ...` notes (mlir-opt does, except with --verify-diagnostics).
  readonly printOpOnDiagnostic?: OpPrinterFn | null;
}

/// Verifies `root` and everything nested in it; returns the errors (empty when valid).
export function verify(root: Operation, options: VerifyOptions = {}): Diagnostic[] {
  const v = new Verifier(options.printOpOnDiagnostic ?? null);
  v.run(root);
  return v.errors;
}

/// The context an op record's verifier reports through; one per Verifier, pointed at the op being verified.
class VerifyContext implements OpVerifyContext {
  op: Operation | null = null;
  constructor(private readonly report: (at: Operation, d: Diagnostic) => false) {}
  error(message: string, code?: number): false { return this.report(this.op!, opError(this.op!, message, code)); }
  plainError(message: string, code: number = DiagMessages.OpVerify.code): false {
    return this.report(this.op!, new Diagnostic(Severity.Error, code, message, diagLocOf(this.op!.loc)));
  }
  plainErrorAt(at: Operation, message: string, code: number = DiagMessages.OpVerify.code): false {
    return this.report(at, new Diagnostic(Severity.Error, code, message, diagLocOf(at.loc)));
  }
  errorWithNotes(message: string, notes: readonly string[]): false {
    const d = opError(this.op!, message);
    for (const n of notes) d.attachNote(n, diagLocOf(this.op!.loc));
    return this.report(this.op!, d);
  }
  errorWithNote(message: string, note: string, noteOp: Operation | null, code?: number): false {
    const d = opError(this.op!, message, code);
    d.attachNote(note, noteOp !== null ? diagLocOf(noteOp.loc) : unknownDiagLoc);
    return this.report(this.op!, d);
  }
}

/// The operand checks of the ops verified under one root, done while the ops are verified (one pass over the operands):
/// `isolationSuspect` is set if an operand may come from outside an isolated root, `dominanceSuspect` if one may not
/// dominate its use. Only then do the exact walks run (usesFromAbove, verifyDominance), which find and report the
/// same first error as always; valid IR never needs them.
class UseChecks {
  isolationSuspect = false;
  dominanceSuspect = false;
  private readonly isolated: boolean;
  private dom: DominanceInfo | null = null;
  constructor(private readonly root: Operation) {
    this.isolated = root.def !== null && hasTrait(root.def, Trait.IsolatedFromAbove);
  }

  /// Checks the operands of `op`, an op in the root's regions (not inside a nested op isolated from above).
  check(op: Operation): void {
    let graphParent: boolean | null = null;
    for (let i = 0; i < op.operands.length; i++) {
      const val = op.operands[i].value;
      if (definedEarlierInBlock(val, op)) continue;
      if (this.isolated && !this.isolationSuspect && !definedInside(val, this.root)) this.isolationSuspect = true;
      if (this.dominanceSuspect) continue;
      if (graphParent === null) graphParent = isGraphRegionOwner(op.parentOp);
      if (graphParent) continue;
      if (this.dom === null) this.dom = new DominanceInfo();
      if (!this.dom.dominates(val, op)) this.dominanceSuspect = true;
    }
  }
}

/// Where the verifier is in an op with regions: the region and block it is in, the next op of that block, and the
/// ops isolated from above met so far in its regions (verified when the op is exited).
interface VerifyFrame { op: Operation | null; region: number; block: Block | null; next: Operation | null; isolated: Operation[] }

/// Sets frame `depth` (reused by the ops of one verifyOperation call) to the start of `op`'s regions.
function enterFrame(frames: VerifyFrame[], depth: number, op: Operation): void {
  const f = frames[depth];
  if (f === undefined) { frames.push({ op, region: -1, block: null, next: null, isolated: [] }); return; }
  f.op = op;
  f.region = -1;
  f.block = null;
  f.next = null;
  f.isolated.length = 0;
}

const noIsolatedOps: readonly Operation[] = [];

class Verifier {
  readonly errors: Diagnostic[] = [];
  private readonly context = new VerifyContext((at, d) => this.report(at, d));
  /// Ops with a verifySymbolUses hook verified so far, and the count when each symbol table was entered: a table
  /// whose count has not moved at its exit has no symbol user in its scope (most IR has none) and needs no walk.
  private symbolUsers = 0;
  private readonly symbolUsersAtEntry = new Map<Operation, number>();
  constructor(private readonly printOp: OpPrinterFn | null) {}

  /// Reports `d`, an error of `op`: as MLIR's Operation::emitError, the `see current operation` note comes first.
  private report(op: Operation, d: Diagnostic): false {
    if (this.printOp !== null) {
      const text = this.printOp(op);
      d.notes.unshift(makeNote(DiagMessages.SeeCurrentOperation, diagLocOf(op.loc), (text.includes("\n") ? "\n" : "") + text));
    }
    this.errors.push(d);
    return false;
  }

  /// MLIR's OperationVerifier: an op is checked on entrance (attributes, traits, invariants, custom verifier), its
  /// blocks on entrance (non-empty, successors last) and on exit (terminator), the op again on exit (ops isolated
  /// from above nested in it, each verified on its own with its dominance, then region invariants).
  run(root: Operation): void {
    this.verifyOpAndDominance(root);
  }

  private verifyOpAndDominance(op: Operation): boolean {
    const uses = new UseChecks(op);
    if (!this.verifyOperation(op, uses)) return false;
    return op.regions.length === 0 || !uses.dominanceSuspect || this.verifyDominance(op);
  }

  /// Verifies `root` and the ops nested in it that are not isolated from above (those are verified on their own when
  /// their parent is exited); `uses` collects, on the way, whether the dominance and isolation walks are needed.
  /// An op is entered (verifyOp), then each of its blocks is entered, its ops verified in order, and exited, then the
  /// op is exited; only ops with regions take a frame.
  private verifyOperation(root: Operation, uses: UseChecks): boolean {
    if (!this.verifyOp(root)) return false;
    if (root.regions.length === 0) return this.exitOp(root, uses, noIsolatedOps);
    // Per call: exiting an op verifies the ops isolated from above nested in it with a call of their own.
    const frames: VerifyFrame[] = [];
    let depth = 0;
    enterFrame(frames, depth++, root);
    while (depth > 0) {
      const f = frames[depth - 1];
      const o = f.next;
      if (o !== null) {
        f.next = o.next;
        if (isIsolated(o)) { uses.check(o); f.isolated.push(o); continue; }
        if (!this.verifyOp(o)) return false;
        uses.check(o);
        if (o.regions.length === 0) { if (!this.exitOp(o, uses, noIsolatedOps)) return false; }
        else enterFrame(frames, depth++, o);
        continue;
      }
      // The current block is done (or none was started): exit it and enter the next one, or exit the op.
      let next: Block | null = null;
      if (f.block !== null) {
        if (!this.exitBlock(f.block)) return false;
        next = f.block.next;
      }
      const regions = f.op!.regions;
      while (next === null && f.region + 1 < regions.length) next = regions[++f.region].firstBlock;
      if (next === null) {
        depth--;
        if (!this.exitOp(f.op!, uses, f.isolated)) return false;
        continue;
      }
      if (!this.enterBlock(next)) return false;
      f.block = next;
      f.next = next.firstOp;
    }
    return true;
  }

  private enterBlock(b: Block): boolean {
    if (b.empty) {
      if (mayBeValidWithoutTerminator(b)) return true;
      const owner = b.parent!.parent!;
      return this.report(owner, new Diagnostic(Severity.Error, DiagMessages.EmptyBlockInRegion.code, "empty block: expect at least a terminator", diagLocOf(owner.loc)));
    }
    for (let o = b.firstOp; o !== null && o !== b.lastOp; o = o.next) {
      if (o.successors.length) return this.report(o, new Diagnostic(Severity.Error, DiagMessages.OpVerify.code, "operation with block successors must terminate its parent block", diagLocOf(o.loc)));
    }
    return true;
  }

  private exitBlock(b: Block): boolean {
    if (mayBeValidWithoutTerminator(b)) return true;
    const last = b.lastOp;
    if (last !== null && last.def !== null && !hasTrait(last.def, Trait.Terminator)) {
      return this.report(last, makeDiag(DiagMessages.MissingTerminator, diagLocOf(last.loc), diagnosticOpText(last)));
    }
    return true;
  }

  /// Exits `op`: verifies the ops isolated from above in its regions (`isolated`, in order), then its region invariants.
  private exitOp(op: Operation, uses: UseChecks, isolated: readonly Operation[]): boolean {
    let ok = true;
    for (const o of isolated) if (!this.verifyOpAndDominance(o)) ok = false;
    if (!ok) return false;
    const def = op.def;
    if (def === null) {
      const d = op.dialect;
      if (registry.hasDialect(d) && registry.dialect(d)!.allowUnknownOps !== true) return this.report(op, makeDiag(DiagMessages.UnregisteredVerify, diagLocOf(op.loc), op.name, d));
      return true;
    }
    if (def.implicitTerminator !== null) {
      for (const r of op.regions) {
        const last = r.firstBlock?.lastOp ?? null;
        if (last !== null && last.name !== def.implicitTerminator) {
          return this.report(last, new Diagnostic(Severity.Error, DiagMessages.OpVerify.code, `'${last.name}' op expects parent op '${op.name}'`, diagLocOf(last.loc)));
        }
      }
    }
    if (hasTrait(def, Trait.SymbolTable) && !this.verifySymbolTable(op)) return false;
    if (hasTrait(def, Trait.IsolatedFromAbove) && uses.isolationSuspect) {
      for (const r of op.regions) {
        const bad = usesFromAbove(r, op);
        if (bad !== null) return this.ctx(bad.user).errorWithNote("using value defined outside the region", "required by region isolation constraints", op);
      }
    }
    return def.verifyRegions === null || def.verifyRegions(op, this.ctx(op));
  }

  /// MLIR's SymbolTable trait (a region invariant): the ops of the body with a string `sym_name` have distinct names,
  /// then the symbol uses of the ops in the table's scope are verified (verifySymbolUses).
  private verifySymbolTable(op: Operation): boolean {
    const seen = new Map<string, Operation>();
    for (const r of op.regions) {
      for (let b = r.firstBlock; b !== null; b = b.next) {
        for (let o = b.firstOp; o !== null; o = o.next) {
          const name = symbolNameOf(o);
          if (name === null) continue;
          const first = seen.get(name);
          if (first === undefined) { seen.set(name, o); continue; }
          const d = makeDiag(DiagMessages.SymbolRedefined, diagLocOf(o.loc), name);
          this.report(o, d);
          d.attachNoteWith(DiagMessages.ExistingSymbol, diagLocOf(first.loc));
          return false;
        }
      }
    }
    return this.symbolUsers === this.symbolUsersAtEntry.get(op) || this.verifySymbolUses(op);
  }

  /// Runs the verifySymbolUses hooks of the ops in `table`'s scope in MLIR's walkSymbolTable order: the ops of a
  /// region in order, then the regions met (last met first), not entering nested symbol tables.
  private verifySymbolUses(table: Operation): boolean {
    const worklist: Region[] = [...table.regions];
    while (worklist.length) {
      const r = worklist.pop()!;
      for (let b = r.firstBlock; b !== null; b = b.next) {
        for (let o = b.firstOp; o !== null; o = o.next) {
          const hook = o.def?.verifySymbolUses ?? null;
          if (hook !== null && !hook(o, this.ctx(o))) return false;
          if (!hasTrait(o.def, Trait.SymbolTable)) worklist.push(...o.regions);
        }
      }
    }
    return true;
  }

  /// The (shared) context for `op`; valid until the next call.
  private ctx(op: Operation): OpVerifyContext {
    this.context.op = op;
    return this.context;
  }

  private verifyOp(op: Operation): boolean {
    // A placeholder stands for what MLIR holds as a null operand (remove-dead-values leaves them where 19 does).
    for (const o of op.operands) if (o.value.valueKind === ValueKind.Placeholder) return this.report(op, new Diagnostic(Severity.Error, DiagMessages.OpVerify.code, "null operand found", diagLocOf(op.loc)));
    const def = op.def;
    const v = this.ctx(op);
    for (const e of op.attrs.entries) {
      const dot = e.name.indexOf(".");
      const hook = dot > 0 ? registry.dialect(e.name.slice(0, dot))?.verifyOperationAttribute : undefined;
      const msg = hook === undefined ? null : hook(op, e.name, e.value);
      if (msg !== null) return v.plainError(msg);
    }
    if (def !== null) {
      if (def.verifySymbolUses !== null) this.symbolUsers++;
      if (hasTrait(def, Trait.SymbolTable)) this.symbolUsersAtEntry.set(op, this.symbolUsers);
      // As ODS orders them: structural traits, then the record's invariants, then the other traits, then `verify`.
      if (!this.verifyCountTraits(op, def, v)) return false;
      if (!this.verifyStructuralTraits(op, def, v)) return false;
      if (!this.verifyProps(op, def, v)) return false;
      if (!this.verifyCounts(op, def, v)) return false;
      if (!this.verifyTraits(op, def, v)) return false;
      if (def.verify !== null && !def.verify(op, v)) return false;
      if (hasTrait(def, Trait.GraphRegion)) {
        for (let i = 0; i < op.regions.length; i++) {
          const r = op.regions[i];
          if (!r.empty && !r.hasOneBlock) return v.error(`expects graph region #${i} to have 0 or 1 blocks`);
        }
      }
    }
    for (const r of op.regions) {
      if (r.firstBlock !== null && hasPredecessor(r.firstBlock)) return this.report(op, new Diagnostic(Severity.Error, DiagMessages.OpVerify.code, "entry block of region may not have predecessors", diagLocOf(op.loc)));
    }
    return true;
  }

  private verifyStructuralTraits(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    // HasParent comes before Terminator, as in most of MLIR's trait lists (func.return, scf.reduce, ...).
    if (def.parents !== null) {
      const p = op.parentOp;
      if (p === null || !def.parents.includes(p.name)) {
        return v.error(`expects parent op ${def.parents.length > 1 ? "to be one of " : ""}'${def.parents.join(", ")}'`);
      }
    }
    if (hasTrait(def, Trait.Terminator)) {
      const b = op.parent;
      if (b !== null && b.lastOp !== op) return v.error("must be the last operation in the parent block");
    }
    if (hasTrait(def, Trait.NoRegionArguments)) {
      for (let i = 0; i < op.regions.length; i++) {
        const b = op.regions[i].firstBlock;
        if (b !== null && b.args.length) return v.error(op.regions.length > 1 ? `region #${i} should have no arguments` : "region should have no arguments");
      }
    }
    if (hasTrait(def, Trait.SingleBlock) || def.implicitTerminator !== null) {
      for (let i = 0; i < op.regions.length; i++) {
        const r = op.regions[i];
        if (r.empty) continue;
        if (!r.hasOneBlock) return v.error(`expects region #${i} to have 0 or 1 blocks`);
        if (!hasTrait(def, Trait.NoTerminator) && r.firstBlock!.empty) return v.error("expects a non-empty block");
      }
    }
    return true;
  }

  /// ODS's count traits (NRegions, NResults, NSuccessors, NOperands and their variadic forms), in ODS's order.
  private verifyCountTraits(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    const fc = def.fixedCounts;
    let fixed = fc.regions, variable = def.regions.length - fixed;
    const n = op.regions.length;
    if (variable === 0) {
      if (fixed === 0 && n !== 0) return v.error("requires zero regions");
      if (fixed === 1 && n !== 1) return v.error("requires one region");
      if (fixed > 1 && n !== fixed) return v.error(`expected ${fixed} regions`);
    } else if (fixed > 0 && n < fixed) return v.error(`expected ${fixed} or more regions`);
    fixed = fc.results, variable = def.results.length - fixed;
    const nr = op.results.length;
    if (variable === 0) {
      if (fixed === 0 && nr !== 0) return v.error("requires zero results");
      if (fixed === 1 && nr !== 1) return v.error("requires one result");
      if (fixed > 1 && nr !== fixed) return v.error(`expected ${fixed} results`);
    } else if (fixed > 0 && nr < fixed) return v.error(`expected ${fixed} or more results`);
    fixed = fc.successors, variable = def.successors.length - fixed;
    const ns = op.successors.length;
    if (variable === 0) {
      if (ns !== fixed) return v.error(`requires ${fixed} successor${fixed === 1 ? "" : "s"} but found ${ns}`);
    } else if (fixed > 0 && ns < fixed) return v.error(`requires at least ${fixed} successors but found ${ns}`);
    fixed = fc.operands, variable = def.operands.length - fixed;
    const no = op.operands.length;
    if (variable === 0) {
      if (fixed === 0 && no !== 0) return v.error("requires zero operands");
      if (fixed === 1 && no !== 1) return v.error("requires a single operand");
      if (fixed > 1 && no !== fixed) return v.error(`expected ${fixed} operands, but found ${no}`);
    } else if (fixed > 0 && no < fixed) return v.error(`expected ${fixed} or more operands, but found ${no}`);
    return true;
  }

  private verifyCounts(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    const fc = def.fixedCounts;
    if (!checkValues(op, v, true, def.operands, fc.operands, "operandSegmentSizes")) return false;
    if (!checkValues(op, v, false, def.results, fc.results, "resultSegmentSizes")) return false;
    for (const names of def.allTypesMatch) {
      const first = namedType(op, def, names[0]);
      for (let i = 1; i < names.length; i++) {
        if (namedType(op, def, names[i]) !== first) return v.error(`failed to verify that all of {${names.join(", ")}} have same type`);
      }
    }
    const variadicRegions = fc.regions !== def.regions.length;
    if (!variadicRegions && op.regions.length !== def.regions.length) return v.error(`requires ${def.regions.length} region${def.regions.length === 1 ? "" : "s"}`);
    for (let i = 0; i < def.regions.length && i < op.regions.length; i++) {
      if (def.regions[i].sized && !op.regions[i].hasOneBlock) return v.error(`region #${i} ('${def.regions[i].name}') failed to verify constraint: region with 1 blocks`);
    }
    const variadicSucc = fc.successors !== def.successors.length;
    if (!variadicSucc && op.successors.length !== def.successors.length) return v.error(`requires ${def.successors.length} successor${def.successors.length === 1 ? "" : "s"} but found ${op.successors.length}`);
    return true;
  }

  /// ODS's attribute checks: required properties present (in name order), then each constraint (in record order).
  private verifyProps(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    // One lookup per property: the first name-ordered missing one wins over the first (record-ordered) failed constraint.
    let missing: string | null = null;
    let failed: (typeof def.props)[number] | null = null;
    for (const p of def.props) {
      const a = op.props.get(p.name);
      if (a === null) { if (!p.optional && (missing === null || p.name < missing)) missing = p.name; }
      else if (failed === null && !p.constraint.check(a)) failed = p;
    }
    if (missing !== null) return v.error(`requires attribute '${missing}'`);
    if (failed !== null) return v.error(`attribute '${failed.name}' failed to satisfy constraint: ${failed.constraint.desc}`);
    return true;
  }

  private verifyTraits(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    if (hasTrait(def, Trait.SameOperandsAndResultType)) {
      const first = op.operands.length ? op.operands[0].value.type : op.results.length ? op.results[0].type : null;
      let same = true;
      for (let i = 0; i < op.operands.length && same; i++) same = op.operands[i].value.type === first;
      for (let i = 0; i < op.results.length && same; i++) same = op.results[i].type === first;
      if (!same) return v.error("requires the same type for all operands and results");
    }
    if (hasTrait(def, Trait.SameTypeOperands)) {
      for (let i = 1; i < op.operands.length; i++) {
        if (op.operands[i].value.type !== op.operands[0].value.type) return v.error("requires all operands to have the same type");
      }
    }
    if (hasTrait(def, Trait.Symbol) && !this.verifySymbol(op, def, v)) return false;
    return true;
  }

  /// MLIR's SymbolOpInterface verifier.
  private verifySymbol(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    const name = op.props.get("sym_name") ?? op.attrs.get("sym_name");
    if (name === null || name.kind !== AttrKind.String) return v.error("requires string attribute 'sym_name'");
    const vis = op.props.get("sym_visibility") ?? op.attrs.get("sym_visibility");
    if (vis !== null) {
      if (vis.kind !== AttrKind.String) return v.error(`requires visibility attribute 'sym_visibility' to be a string attribute, but got ${String(vis)}`);
      const s = (vis as StringAttr).value;
      if (s !== "public" && s !== "private" && s !== "nested") return v.error(`visibility expected to be one of ["public", "private", "nested"], but got ${String(vis)}`);
    }
    // A function-like symbol without a body is a declaration, which must not be public.
    // (Function-like means a callable body with terminators: df.region / hw.design bodies have none and are never declarations.)
    const isDeclaration = op.props.get("function_type") !== null && op.regions.length > 0 && op.regions[0].empty && !op.hasTrait(Trait.NoTerminator);
    if (isDeclaration && (vis === null || (vis as StringAttr).value === "public")) return v.error("symbol declaration cannot have public visibility");
    // A record that names its parents (HasParent) says where it lives; otherwise the parent must be a symbol table.
    const parent = op.parentOp;
    if (def.parents === null && parent !== null && parent.def !== null && !hasTrait(parent.def, Trait.SymbolTable)) {
      return v.error("symbol's parent must have the SymbolTable trait");
    }
    return true;
  }

  // ---- dominance ----

  /// Dominance of the uses in `root`'s regions, not inside nested ops isolated from above (verified on their own).
  private verifyDominance(root: Operation): boolean {
    const dom = new DominanceInfo();
    const stack: Operation[] = [];
    for (const r of root.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) stack.push(o);
    while (stack.length) {
      const op = stack.pop()!;
      const graphParent = isGraphRegionOwner(op.parentOp);
      if (!graphParent) {
        for (let i = 0; i < op.operands.length; i++) {
          const val = op.operands[i].value;
          if (definedEarlierInBlock(val, op)) continue;
          if (!dom.dominates(val, op)) return this.report(op, dominanceError(op, i));
        }
      }
      if (!isIsolated(op)) for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) stack.push(o);
    }
    return true;
  }
}

/// The operand (`isOperand`) or result counts and type constraints of `op` against `defs`, of which `fixed` have
/// arity Single (ODS's generated checks).
function checkValues(op: Operation, v: OpVerifyContext, isOperand: boolean, defs: OpDef["operands"], fixed: number, segments: string): boolean {
  const count = isOperand ? op.operands.length : op.results.length;
  const variadic = defs.length - fixed;
  const sizes = segmentSizes(op, segments);
  const what = isOperand ? "operand" : "result";
  if (sizes !== null) {
    if (sizes.length !== defs.length) return v.error(`'${segments}' attribute for specifying ${what} segments must have ${defs.length} elements, but got ${sizes.length}`);
    let total = 0;
    for (let i = 0; i < sizes.length; i++) total += sizes[i];
    if (total !== count) return v.error(`${what} count (${count}) does not match with the total size (${total}) specified in attribute '${segments}'`);
  } else if (variadic === 0 && count !== fixed) return v.error(`requires ${fixed} ${what}${fixed === 1 ? "" : "s"} but found ${count}`);
  else if (variadic > 0 && count < fixed) return v.error(`requires at least ${fixed} ${what}${fixed === 1 ? "" : "s"} but found ${count}`);
  let idx = 0;
  for (let i = 0; i < defs.length; i++) {
    const d = defs[i];
    let n = 1;
    if (sizes !== null) n = sizes[i];
    else if (d.arity !== Arity.Single) n = variadic === 1 ? count - fixed : Math.min(1, count - fixed);
    for (let k = 0; k < n; k++, idx++) {
      if (idx >= count) continue;
      const t = isOperand ? op.operands[idx].value.type : op.results[idx].type;
      if (!d.constraint.check(t)) return v.error(`${what} #${idx} must be ${d.arity === Arity.Variadic ? "variadic of " : ""}${d.constraint.desc}, but got '${String(t)}'`);
    }
  }
  return true;
}

/// The segment sizes property `name` of `op` (operandSegmentSizes, resultSegmentSizes), or null.
function segmentSizes(op: Operation, name: string): readonly number[] | null {
  if (op.props.entries.length === 0) return null;
  const seg = op.props.get(name);
  return seg !== null && seg.kind === AttrKind.DenseArray ? (seg as unknown as { values: readonly number[] }).values : null;
}

/// The common case of dominance: `val` is an argument of `user`'s block or the result of an op before it there.
function definedEarlierInBlock(val: Value, user: Operation): boolean {
  if (val.valueKind === ValueKind.BlockArgument) return (val as BlockArgument).owner === user.parent;
  if (val.valueKind !== ValueKind.OpResult) return false;
  const d = (val as OpResult).owner;
  return d !== user && d.parent === user.parent && d.isBeforeInBlock(user);
}

/// False if `val` is defined outside the regions of `owner` (as usesFromAbove judges it; values without a block are
/// inside).
function definedInside(val: Value, owner: Operation): boolean {
  const pb = val.parentBlock;
  if (pb === null) return true;
  let x: Region | null = pb.parent;
  while (x !== null && x.parent !== owner) x = x.parent === null ? null : x.parent.parentRegion;
  return x !== null;
}

/// True if some block of `b`'s region branches to `b` (`b.predecessors().length > 0` without the list).
function hasPredecessor(b: Block): boolean {
  const r = b.parent;
  if (r === null) return false;
  for (let x = r.firstBlock; x !== null; x = x.next) {
    const t = x.lastOp;
    if (t !== null) for (let i = 0; i < t.successors.length; i++) if (t.successors[i] === b) return true;
  }
  return false;
}

/// MLIR's diagnoseInvalidOperandDominance: operand `i` of `user` does not dominate it; a note says where the operand
/// is defined (the op defining it, or the op owning the block of a block argument) relative to the use.
function dominanceError(user: Operation, i: number): Diagnostic {
  const d = makeDiag(DiagMessages.Dominance, diagLocOf(user.loc), i);
  const val = user.operand(i);
  const useRegion = user.parentRegion;
  const defBlock = val.parentBlock;
  const defRegion = defBlock?.parent ?? null;
  if (useRegion === null || defBlock === null || defRegion === null) return d; // detached IR: nothing to relate
  const where = defRegion === useRegion ? "the same region" : properlyContains(defRegion, useRegion) ? "a parent region"
    : properlyContains(useRegion, defRegion) ? "a child region" : null;
  const defOp = val.definingOp;
  if (defOp !== null) {
    const relation = defBlock === user.parent ? "op in the same block" : where === null ? "op is neither in a parent nor in a child region" : `op in ${where}`;
    return d.attachNoteWith(DiagMessages.OperandDefinedHere, diagLocOf(defOp.loc), relation);
  }
  let index = 0;
  for (let b = defRegion.firstBlock; b !== null && b !== defBlock; b = b.next) index++;
  const owner = defRegion.parent;
  return d.attachNoteWith(DiagMessages.OperandBlockArgument, owner !== null ? diagLocOf(owner.loc) : unknownDiagLoc, index,
    where === null ? "neither in a parent nor in a child region" : `in ${where}`);
}

/// True if `outer` is a proper ancestor of `inner` (MLIR's Region::isProperAncestor).
function properlyContains(outer: Region, inner: Region): boolean {
  return outer !== inner && outer.isAncestor(inner);
}

/// The type of the operand, result or typed property `name` of `op` (the first value of a variadic group).
function namedType(op: Operation, def: OpDef, name: string): unknown {
  for (let k = 0; k < def.operands.length; k++) if (def.operands[k].name === name) return slotType(op, true, def.operands, def.fixedCounts.operands, k, "operandSegmentSizes");
  for (let k = 0; k < def.results.length; k++) if (def.results[k].name === name) return slotType(op, false, def.results, def.fixedCounts.results, k, "resultSegmentSizes");
  const a = op.props.get(name);
  return a === null ? undefined : (a as { type?: unknown }).type;
}

/// The type of the first operand (`isOperand`) or result bound by slot `k` of `defs` (`fixed` of them of arity
/// Single), or undefined.
function slotType(op: Operation, isOperand: boolean, defs: OpDef["operands"], fixed: number, k: number, segName: string): unknown {
  const count = isOperand ? op.operands.length : op.results.length;
  const sizes = segmentSizes(op, segName);
  const variadic = defs.length - fixed;
  let at = 0;
  for (let i = 0; i < k; i++) {
    at += sizes !== null ? sizes[i] : defs[i].arity === Arity.Single ? 1 : variadic === 1 ? count - fixed : Math.min(1, count - fixed);
  }
  if (!(at >= 0 && at < count)) return undefined;
  return isOperand ? op.operands[at].value.type : op.results[at].type;
}

/// An op whose regions are verified on their own (MLIR verifies them in parallel at the parent's exit).
function isIsolated(op: Operation): boolean {
  return hasTrait(op.def, Trait.IsolatedFromAbove) && op.regions.length !== 0;
}

/// MLIR's mayBeValidWithoutTerminator: a lone block of an op that may have the NoTerminator trait (unregistered
/// ops may; graph-region ops are treated alike).
function mayBeValidWithoutTerminator(b: Block): boolean {
  const r = b.parent;
  if (r === null) return true;
  if (!r.hasOneBlock) return false;
  const op = r.parent;
  return op === null || op.def === null || hasTrait(op.def, Trait.NoTerminator) || hasTrait(op.def, Trait.GraphRegion);
}

/// True if the regions of `op` are graph regions (no dominance): unregistered ops and GraphRegion ops.
function isGraphRegionOwner(op: Operation | null): boolean {
  if (op === null) return false;
  return op.def === null || hasTrait(op.def, Trait.GraphRegion);
}

/// The first op in `r` (not inside nested ops isolated from above, which are checked on their own first) that uses a
/// value defined outside `owner`'s regions (MLIR's verifyIsolatedFromAbove).
function usesFromAbove(r: Region, owner: Operation): { user: Operation } | null {
  const stack: Region[] = [r];
  while (stack.length) {
    const reg = stack.pop()!;
    for (let b = reg.firstBlock; b !== null; b = b.next) {
      for (let op = b.firstOp; op !== null; op = op.next) {
        for (let i = 0; i < op.operands.length; i++) {
          const pb = op.operands[i].value.parentBlock;
          if (pb === null) continue;
          let x: Region | null = pb.parent;
          if (x === reg || x === r) continue;
          while (x !== null && x.parent !== owner) x = x.parent === null ? null : x.parent.parentRegion;
          if (x === null) return { user: op };
        }
        if (op.regions.length !== 0 && !isIsolated(op)) for (const rr of op.regions) stack.push(rr);
      }
    }
  }
  return null;
}

/// Dominator trees of CFG regions, computed on demand.
export class DominanceInfo {
  private readonly idom = new Map<Region, Map<Block, Block | null>>();

  /// True if `val` dominates the use at `user`.
  dominates(val: Value, user: Operation): boolean {
    const defBlock = val.parentBlock;
    if (defBlock === null) return false;
    const region = defBlock.parent;
    if (region === null) return false;
    // Find the ancestor of `user` in `region`.
    let anc: Operation | null = user;
    while (anc !== null && anc.parentRegion !== region) anc = anc.parentOp;
    if (anc === null) return false;
    if (isGraphRegionOwner(region.parent)) return true;
    const useBlock = anc.parent!;
    if (val.valueKind === ValueKind.BlockArgument) return this.blockDominates(defBlock, useBlock);
    const defOp = (val as OpResult).owner;
    if (useBlock === defBlock) return defOp !== anc && defOp.isBeforeInBlock(anc);
    return this.blockDominates(defBlock, useBlock);
  }

  /// True if block `a` dominates block `b` (same region).
  blockDominates(a: Block, b: Block): boolean {
    if (a === b) return true;
    const r = a.parent!;
    let tree = this.idom.get(r);
    if (tree === undefined) { tree = computeIdom(r); this.idom.set(r, tree); }
    if (!tree.has(b)) return true; // unreachable blocks are dominated by everything
    let x: Block | null | undefined = b;
    while (x !== null && x !== undefined) {
      if (x === a) return true;
      x = tree.get(x);
    }
    return false;
  }
}

function computeIdom(r: Region): Map<Block, Block | null> {
  const entry = r.firstBlock!;
  // Reverse post-order over reachable blocks.
  const order: Block[] = [];
  const seen = new Set<Block>();
  const visit: [Block, number][] = [[entry, 0]];
  seen.add(entry);
  while (visit.length) {
    const top = visit[visit.length - 1];
    const succ = top[0].lastOp?.successors ?? [];
    if (top[1] < succ.length) {
      const s = succ[top[1]++];
      if (!seen.has(s)) { seen.add(s); visit.push([s, 0]); }
    } else { order.push(top[0]); visit.pop(); }
  }
  order.reverse();
  const index = new Map<Block, number>();
  order.forEach((b, i) => index.set(b, i));
  const preds = new Map<Block, Block[]>();
  for (const b of order) for (const s of b.lastOp?.successors ?? []) { if (!preds.has(s)) preds.set(s, []); preds.get(s)!.push(b); }
  const idom = new Map<Block, Block | null>();
  idom.set(entry, null);
  const doms: (number | undefined)[] = [0];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i < order.length; i++) {
      let nd: number | undefined;
      for (const p of preds.get(order[i]) ?? []) {
        const pi = index.get(p)!;
        if (doms[pi] === undefined) continue;
        if (nd === undefined) nd = pi;
        else {
          let a: number = pi, b: number = nd;
          while (a !== b) { while (a > b) a = doms[a]!; while (b > a) b = doms[b]!; }
          nd = a;
        }
      }
      if (nd !== undefined && doms[i] !== nd) { doms[i] = nd; changed = true; }
    }
  }
  for (let i = 1; i < order.length; i++) if (doms[i] !== undefined) idom.set(order[i], order[doms[i]!]);
  return idom;
}
