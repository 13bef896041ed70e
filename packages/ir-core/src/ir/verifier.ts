// The verifier: op records' constraints and traits, terminators, symbol uses, and SSA dominance.
import { Diagnostic, fileLoc, unknownDiagLoc, type DiagLocation } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import { AttrKind, type Attribute, type FileLineColLoc, type Location, type StringAttr } from "./attrs.js";
import { Block, ValueKind, type BlockArgument, type Operation, type OpResult, type Region, type Value } from "./ir.js";
import { Arity, hasTrait, registry, Trait, type OpDef, type OpVerifyContext } from "./opdef.js";

/// The source position of a location attribute (the first file:line:col inside it).
export function diagLocOf(loc: Location): DiagLocation {
  let l: Attribute = loc;
  for (let depth = 0; depth < 16; depth++) {
    switch (l.kind) {
      case AttrKind.FileLineColLoc: { const f = l as FileLineColLoc; return fileLoc(f.file, f.line, f.col); }
      case AttrKind.NameLoc: l = (l as unknown as { child: Attribute }).child; break;
      case AttrKind.CallSiteLoc: l = (l as unknown as { callee: Attribute }).callee; break;
      case AttrKind.FusedLoc: {
        const ls = (l as unknown as { locations: readonly Attribute[] }).locations;
        if (!ls.length) return unknownDiagLoc;
        l = ls[0];
        break;
      }
      default: return unknownDiagLoc;
    }
  }
  return unknownDiagLoc;
}

/// An error of op `op`: `'name' op message` at its location (`code` defaults to OpVerify's).
export function opError(op: Operation, message: string, code: number = DiagMessages.OpVerify.code): Diagnostic {
  return new Diagnostic(Severity.Error, code, `'${op.name}' op ${message}`, diagLocOf(op.loc));
}

/// Prints an op for the "see current operation" note; installed by the printer module's users.
export type OpPrinterFn = (op: Operation) => string;

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

class Verifier {
  readonly errors: Diagnostic[] = [];
  constructor(private readonly printOp: OpPrinterFn | null) {}

  private report(op: Operation, d: Diagnostic): false {
    if (this.printOp !== null) {
      const text = this.printOp(op);
      d.attachNote("see current operation: " + (text.includes("\n") ? "\n" : "") + text, diagLocOf(op.loc));
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
    if (!this.verifyOperation(op)) return false;
    return op.regions.length === 0 || this.verifyDominance(op);
  }

  private verifyOperation(root: Operation): boolean {
    const work: (Operation | Block)[] = [root];
    const seen = new Set<Operation | Block>();
    while (work.length) {
      const top = work[work.length - 1];
      const isBlock = top instanceof Block;
      if (seen.has(top)) {
        work.pop();
        if (!(isBlock ? this.exitBlock(top) : this.exitOp(top as Operation))) return false;
        continue;
      }
      seen.add(top);
      if (isBlock) {
        if (!this.enterBlock(top)) return false;
        for (let o = top.lastOp; o !== null; o = o.prev) if (!isIsolated(o)) work.push(o);
        continue;
      }
      const op = top as Operation;
      if (!this.verifyOp(op)) return false;
      for (let r = op.regions.length - 1; r >= 0; r--) for (let b = op.regions[r].lastBlock; b !== null; b = b.prev) work.push(b);
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
      return this.report(last, new Diagnostic(Severity.Error, DiagMessages.MissingTerminator.code, "block with no terminator, has " + printOpShort(last), diagLocOf(last.loc)));
    }
    return true;
  }

  private exitOp(op: Operation): boolean {
    let ok = true;
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) {
      if (isIsolated(o) && !this.verifyOpAndDominance(o)) ok = false;
    }
    if (!ok) return false;
    const def = op.def;
    if (def === null) {
      const d = op.dialect;
      if (registry.hasDialect(d) && registry.dialect(d)!.allowUnknownOps !== true) return this.ctx(op).error(`unregistered operation found in dialect ('${d}') that does not allow unknown operations`);
      return true;
    }
    const v = this.ctx(op);
    if (def.implicitTerminator !== null) {
      for (const r of op.regions) {
        const last = r.firstBlock?.lastOp ?? null;
        if (last !== null && last.name !== def.implicitTerminator) {
          return this.report(last, new Diagnostic(Severity.Error, DiagMessages.OpVerify.code, `'${last.name}' op expects parent op '${op.name}'`, diagLocOf(last.loc)));
        }
      }
    }
    if (hasTrait(def, Trait.IsolatedFromAbove)) {
      for (const r of op.regions) {
        const bad = usesFromAbove(r, op);
        if (bad !== null) return this.ctx(bad.user).errorWithNote("using value defined outside the region", "required by region isolation constraints", op);
      }
    }
    return def.verifyRegions === null || def.verifyRegions(op, v);
  }

  private ctx(op: Operation): OpVerifyContext {
    return {
      error: (message: string, code?: number) => this.report(op, opError(op, message, code)),
      plainError: (message: string, code: number = DiagMessages.OpVerify.code) => this.report(op, new Diagnostic(Severity.Error, code, message, diagLocOf(op.loc))),
      plainErrorAt: (at: Operation, message: string, code: number = DiagMessages.OpVerify.code) => this.report(at, new Diagnostic(Severity.Error, code, message, diagLocOf(at.loc))),
      errorWithNote: (message: string, note: string, noteOp: Operation | null, code?: number) => {
        const d = opError(op, message, code);
        d.attachNote(note, noteOp !== null ? diagLocOf(noteOp.loc) : unknownDiagLoc);
        return this.report(op, d);
      },
    };
  }

  private verifyOp(op: Operation): boolean {
    for (const o of op.operands) if (o.value.valueKind === ValueKind.Placeholder) return this.report(op, opError(op, "operand uses an unresolved value"));
    const def = op.def;
    const v = this.ctx(op);
    for (const e of op.attrs.entries) {
      const dot = e.name.indexOf(".");
      const hook = dot > 0 ? registry.dialect(e.name.slice(0, dot))?.verifyOperationAttribute : undefined;
      const msg = hook === undefined ? null : hook(op, e.name, e.value);
      if (msg !== null) return v.plainError(msg);
    }
    if (def !== null) {
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
      if (r.firstBlock !== null && r.firstBlock.predecessors().length) return this.report(op, new Diagnostic(Severity.Error, DiagMessages.OpVerify.code, "entry block of region may not have predecessors", diagLocOf(op.loc)));
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
    const counted = (defs: readonly { arity?: Arity; variadic?: boolean }[]) => {
      let fixed = 0, variable = 0;
      for (const d of defs) if (d.variadic === true || (d.arity !== undefined && d.arity !== Arity.Single)) variable++; else fixed++;
      return { fixed, variable };
    };
    const rg = counted(def.regions), n = op.regions.length;
    if (rg.variable === 0) {
      if (rg.fixed === 0 && n !== 0) return v.error("requires zero regions");
      if (rg.fixed === 1 && n !== 1) return v.error("requires one region");
      if (rg.fixed > 1 && n !== rg.fixed) return v.error(`expected ${rg.fixed} regions`);
    } else if (rg.fixed > 0 && n < rg.fixed) return v.error(`expected ${rg.fixed} or more regions`);
    const rs = counted(def.results), nr = op.results.length;
    if (rs.variable === 0) {
      if (rs.fixed === 0 && nr !== 0) return v.error("requires zero results");
      if (rs.fixed === 1 && nr !== 1) return v.error("requires one result");
      if (rs.fixed > 1 && nr !== rs.fixed) return v.error(`expected ${rs.fixed} results`);
    } else if (rs.fixed > 0 && nr < rs.fixed) return v.error(`expected ${rs.fixed} or more results`);
    const ss = counted(def.successors), ns = op.successors.length;
    if (ss.variable === 0) {
      if (ns !== ss.fixed) return v.error(`requires ${ss.fixed} successor${ss.fixed === 1 ? "" : "s"} but found ${ns}`);
    } else if (ss.fixed > 0 && ns < ss.fixed) return v.error(`requires at least ${ss.fixed} successors but found ${ns}`);
    const os = counted(def.operands), no = op.operands.length;
    if (os.variable === 0) {
      if (os.fixed === 0 && no !== 0) return v.error("requires zero operands");
      if (os.fixed === 1 && no !== 1) return v.error("requires a single operand");
      if (os.fixed > 1 && no !== os.fixed) return v.error(`expected ${os.fixed} operands, but found ${no}`);
    } else if (os.fixed > 0 && no < os.fixed) return v.error(`expected ${os.fixed} or more operands, but found ${no}`);
    return true;
  }

  private verifyCounts(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    const check = (what: "operand" | "result", values: readonly Value[], defs: OpDef["operands"], segments: string): boolean => {
      const fixed = defs.filter((d) => d.arity === Arity.Single).length;
      const variadic = defs.length - fixed;
      const seg = op.props.get(segments);
      if (seg !== null && seg.kind === AttrKind.DenseArray) {
        const sizes = (seg as unknown as { values: readonly number[] }).values;
        if (sizes.length !== defs.length) return v.error(`'${segments}' attribute for specifying ${what} segments must have ${defs.length} elements, but got ${sizes.length}`);
        const total = sizes.reduce((a, b) => a + b, 0);
        if (total !== values.length) return v.error(`${what} count (${values.length}) does not match with the total size (${total}) specified in attribute '${segments}'`);
      } else if (variadic === 0 && values.length !== fixed) return v.error(`requires ${fixed} ${what}${fixed === 1 ? "" : "s"} but found ${values.length}`);
      else if (variadic > 0 && values.length < fixed) return v.error(`requires at least ${fixed} ${what}${fixed === 1 ? "" : "s"} but found ${values.length}`);
      let idx = 0;
      for (let i = 0; i < defs.length; i++) {
        const d = defs[i];
        let n = 1;
        if (seg !== null && seg.kind === AttrKind.DenseArray) n = (seg as unknown as { values: readonly number[] }).values[i];
        else if (d.arity !== Arity.Single) n = variadic === 1 ? values.length - fixed : Math.min(1, values.length - fixed);
        for (let k = 0; k < n; k++, idx++) {
          const t = values[idx]?.type;
          if (t !== undefined && !d.constraint.check(t)) return v.error(`${what} #${idx} must be ${d.arity === Arity.Variadic ? "variadic of " : ""}${d.constraint.desc}, but got '${String(t)}'`);
        }
      }
      return true;
    };
    if (!check("operand", op.operandValues(), def.operands, "operandSegmentSizes")) return false;
    if (!check("result", op.results, def.results, "resultSegmentSizes")) return false;
    for (const names of def.allTypesMatch) {
      const ts = names.map((n) => namedType(op, def, n));
      if (ts.some((t) => t !== ts[0])) return v.error(`failed to verify that all of {${names.join(", ")}} have same type`);
    }
    const variadicRegions = def.regions.some((r) => r.variadic);
    if (!variadicRegions && op.regions.length !== def.regions.length) return v.error(`requires ${def.regions.length} region${def.regions.length === 1 ? "" : "s"}`);
    for (let i = 0; i < def.regions.length && i < op.regions.length; i++) {
      if (def.regions[i].sized && !op.regions[i].hasOneBlock) return v.error(`region #${i} ('${def.regions[i].name}') failed to verify constraint: region with 1 blocks`);
    }
    const variadicSucc = def.successors.some((s) => s.variadic);
    if (!variadicSucc && op.successors.length !== def.successors.length) return v.error(`requires ${def.successors.length} successor${def.successors.length === 1 ? "" : "s"} but found ${op.successors.length}`);
    return true;
  }

  private verifyProps(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    for (const p of def.props) {
      const a = op.props.get(p.name);
      if (a === null) {
        if (!p.optional) return v.error(`requires attribute '${p.name}'`);
        continue;
      }
      if (!p.constraint.check(a)) return v.error(`attribute '${p.name}' failed to satisfy constraint: ${p.constraint.desc}`);
    }
    return true;
  }

  private verifyTraits(op: Operation, def: OpDef, v: OpVerifyContext): boolean {
    if (hasTrait(def, Trait.SameOperandsAndResultType)) {
      const ts = [...op.operandValues().map((x) => x.type), ...op.results.map((r) => r.type)];
      if (ts.some((t) => t !== ts[0])) return v.error("requires the same type for all operands and results");
    }
    if (hasTrait(def, Trait.SameTypeOperands)) {
      const ts = op.operandValues().map((x) => x.type);
      if (ts.some((t) => t !== ts[0])) return v.error("requires all operands to have the same type");
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
          if (!dom.dominates(val, op)) {
            const d = opError(op, `operand #${i} does not dominate this use`);
            const defOp = val.definingOp;
            d.notes.push(new Diagnostic(Severity.Note, 0, "operand defined here" + relation(val, op), defOp !== null ? diagLocOf(defOp.loc) : diagLocOf((val as BlockArgument).loc ?? op.loc)));
            return this.report(op, d);
          }
        }
      }
      if (!isIsolated(op)) for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) stack.push(o);
    }
    return true;
  }
}

function relation(val: Value, user: Operation): string {
  const defBlock = val.parentBlock;
  if (defBlock === null) return "";
  if (defBlock === user.parent) return " (op in the same block)";
  const defRegion = defBlock.parent;
  if (defRegion !== null && defRegion.isAncestor(user.parentRegion)) return " (op in a parent region)";
  const defOp = val.definingOp;
  if (defOp !== null && user.parentRegion !== null) {
    for (let p = defOp.parentOp; p !== null; p = p.parentOp) if (p.parent !== null && p.parent.parent === user.parentRegion) return " (op in a child region)";
  }
  return " (op is neither in a parent nor in a child region)";
}

/// The type of the operand, result or typed property `name` of `op` (the first value of a variadic group).
function namedType(op: Operation, def: OpDef, name: string): unknown {
  const first = (values: readonly Value[], defs: OpDef["operands"], segName: string): unknown => {
    const k = defs.findIndex((d) => d.name === name);
    const seg = op.props.get(segName);
    const sizes = seg !== null && seg.kind === AttrKind.DenseArray ? (seg as unknown as { values: readonly number[] }).values : null;
    const fixed = defs.filter((d) => d.arity === Arity.Single).length, variadic = defs.length - fixed;
    let at = 0;
    for (let i = 0; i < k; i++) {
      at += sizes !== null ? sizes[i] : defs[i].arity === Arity.Single ? 1 : variadic === 1 ? values.length - fixed : Math.min(1, values.length - fixed);
    }
    return values[at]?.type;
  };
  if (def.operands.some((o) => o.name === name)) return first(op.operandValues(), def.operands, "operandSegmentSizes");
  if (def.results.some((o) => o.name === name)) return first(op.results, def.results, "resultSegmentSizes");
  const a = op.props.get(name);
  return a === null ? undefined : (a as { type?: unknown }).type;
}

/// An op whose regions are verified on their own (MLIR verifies them in parallel at the parent's exit).
function isIsolated(op: Operation): boolean {
  return op.regions.length !== 0 && hasTrait(op.def, Trait.IsolatedFromAbove);
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

function printOpShort(op: Operation): string {
  return op.name;
}

/// True if the regions of `op` are graph regions (no dominance): unregistered ops and GraphRegion ops.
function isGraphRegionOwner(op: Operation | null): boolean {
  if (op === null) return false;
  return op.def === null || hasTrait(op.def, Trait.GraphRegion);
}

function usesFromAbove(r: Region, owner: Operation): { user: Operation } | null {
  const stack: Region[] = [r];
  while (stack.length) {
    const reg = stack.pop()!;
    for (let b = reg.firstBlock; b !== null; b = b.next) {
      for (let op = b.firstOp; op !== null; op = op.next) {
        for (const o of op.operands) {
          const pb = o.value.parentBlock;
          if (pb === null) continue;
          let inside = false;
          for (let x: Region | null = pb.parent; x !== null; x = x.parent?.parentRegion ?? null) if (x.parent === owner) { inside = true; break; }
          if (!inside) return { user: op };
        }
        for (const rr of op.regions) stack.push(rr);
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
