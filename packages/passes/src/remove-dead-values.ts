// remove-dead-values: removes non-live function arguments and results, dead operands/results/arguments of region
// branch ops, and dead side-effect-free ops, using a liveness analysis (MLIR 19's RemoveDeadValues.cpp and
// LivenessAnalysis.cpp). Region branch ops are modelled for scf (for, if, while, execute_region, index_switch),
// affine (for, if) and memref.alloca_scope; the operands of other terminators are live while their parent is.
import {
  AttrKind, definePass, getArrayAttr, getDenseI32ArrayAttr, getFunctionType, getTypeAttr, hasTrait, isBranchOp, isMemoryEffectFree,
  lookupSymbolFrom, Operation, PlaceholderValue, Trait, walk, type ArrayAttr, type Attribute, type IntegerAttr, type Block, type FunctionType, type Region, type SymbolRefAttr, type TypeAttr, type Value,
} from "@allo/ir-core";
import { forOp } from "@allo/dialect-affine";
import { collectSymbolRefs, isSymbol, symbolVisibility } from "./symbol-dce.js";

/// A successor of a region branch point: a region (entered with `inputs` as its entry arguments) or the parent (null).
interface Successor { readonly region: Region | null; readonly inputs: readonly Value[] }

const REGION_BRANCH = new Set(["scf.for", "scf.if", "scf.while", "scf.execute_region", "scf.index_switch", "affine.for", "affine.if", "memref.alloca_scope"]);
const isRegionBranch = (op: Operation): boolean => REGION_BRANCH.has(op.name);
const isCall = (op: Operation): boolean => op.name === "func.call";
const isFunc = (op: Operation): boolean => op.name === "func.func";

function affineTripCount(op: Operation): number | null { return forOp.trivialConstantTripCount(op); }

/// Successors of `op` from `from` (null: entering from the parent), as MLIR's getSuccessorRegions.
function successors(op: Operation, from: Region | null): Successor[] {
  const parent: Successor = { region: null, inputs: op.results };
  const r = op.regions;
  switch (op.name) {
    case "scf.for": return [{ region: r[0], inputs: r[0].entry.args.slice(1) }, parent];
    case "affine.for": {
      const body: Successor = { region: r[0], inputs: r[0].entry.args.slice(1) };
      const tc = affineTripCount(op);
      if (from === null && tc !== null) return tc > 0 ? [body] : [parent];
      if (from !== null && tc === 1) return [parent];
      return [body, parent];
    }
    case "scf.if": case "affine.if":
      if (from !== null) return [parent];
      return [{ region: r[0], inputs: [] }, r[1].empty ? parent : { region: r[1], inputs: [] }];
    case "scf.while":
      if (from === null || from === r[1]) return [{ region: r[0], inputs: r[0].entry.args }];
      return [{ region: r[1], inputs: r[1].entry.args }, parent];
    case "scf.execute_region": case "memref.alloca_scope": return from === null ? [{ region: r[0], inputs: [] }] : [parent];
    case "scf.index_switch": return from === null ? r.map((x) => ({ region: x, inputs: [] })) : [parent];
    default: return [];
  }
}

/// Indices of the operands of `op` (from === null) or of the terminator of `from` forwarded to `s`'s inputs.
function forwarded(op: Operation, from: Region | null, s: Successor): number[] {
  const range = (a: number, n: number) => Array.from({ length: n }, (_v, i) => a + i);
  if (from === null) {
    switch (op.name) {
      case "scf.for": return range(3, op.operands.length - 3);
      case "affine.for": { const [l, u, n] = forOp.segmentSizes(op); return range(l + u, n); }
      case "scf.while": return range(0, op.operands.length);
      default: return s.inputs.length === 0 ? [] : range(0, 0);
    }
  }
  const term = from.entry.lastOp!;
  if (term.name === "scf.condition") return s.region === null || s.region !== op.regions[0] ? range(1, term.operands.length - 1) : [];
  return range(0, term.operands.length);
}

/// Sparse constant propagation and dead code analysis (MLIR's SparseConstantPropagation + DeadCodeAnalysis),
/// simplified: block arguments are unknown; a region of scf.if / affine.for is dead when a constant condition or
/// trip count says so. Ops in dead regions are never visited by the liveness analysis.
class Executable {
  private readonly constants = new Map<Value, Attribute | null>();
  private readonly dead = new Set<Region>();
  constructor(root: Operation) {
    // Ops in pre-order; a region op's results are joined from its terminators after its regions were visited.
    const stack: [Operation, boolean][] = [];
    const pushRegions = (o: Operation) => {
      for (let ri = o.regions.length - 1; ri >= 0; ri--) {
        if (this.dead.has(o.regions[ri])) continue;
        for (let b = o.regions[ri].lastBlock; b !== null; b = b.prev) for (let x = b.lastOp; x !== null; x = x.prev) stack.push([x, false]);
      }
    };
    pushRegions(root);
    while (stack.length) {
      const [op, done] = stack.pop()!;
      if (done) { this.joinResults(op); continue; }
      if (op.regions.length === 0) { this.simulate(op); continue; }
      if (op.name === "scf.if") {
        const c = this.constants.get(op.operand(0));
        if (c !== undefined && c !== null && c.kind === AttrKind.Integer) this.dead.add(op.regions[(c as IntegerAttr).big !== 0n ? 1 : 0]);
      }
      if (op.name === "affine.for" && forOp.trivialConstantTripCount(op) === 0) this.dead.add(op.regions[0]);
      stack.push([op, true]);
      pushRegions(op);
    }
  }
  /// Results of a region branch op: the join (one constant or unknown) of the values forwarded to the parent.
  private joinResults(op: Operation): void {
    if (!isRegionBranch(op)) { for (const r of op.results) this.constants.set(r, null); return; }
    const incoming: (Value[])[] = op.results.map(() => []);
    for (const from of [null, ...op.regions.filter((r) => !r.empty && !this.dead.has(r))]) {
      for (const s of successors(op, from)) {
        if (s.region !== null) continue;
        const idx = forwarded(op, from, s);
        const src = from === null ? op.operandValues() : from.entry.lastOp!.operandValues();
        idx.forEach((i, k) => { if (incoming[k] !== undefined) incoming[k].push(src[i]); });
      }
    }
    op.results.forEach((r, k) => {
      let v: Attribute | null | undefined;
      for (const x of incoming[k]) {
        const c = this.constants.get(x) ?? null;
        if (v === undefined) v = c;
        else if (v !== c) v = null;
      }
      this.constants.set(r, v ?? null);
    });
  }
  private simulate(op: Operation): void {
    if (op.def === null || op.def.fold === null) { for (const r of op.results) this.constants.set(r, null); return; }
    const consts: (Attribute | null)[] = [];
    for (const o of op.operands) consts.push(this.constants.get(o.value) ?? null);
    const saved = op.operandValues(), props = op.props, attrs = op.attrs;
    const r = op.def.fold(op, consts);
    const inPlace = r !== null && (r.length === 0 || r.every((x, i) => x === op.results[i]));
    if (inPlace) {
      // A simulated fold must not change the op: undo an in-place fold.
      saved.forEach((v, i) => { if (op.operands[i].value !== v) op.operands[i].set(v); });
      op.props = props;
      op.attrs = attrs;
    }
    if (r === null || inPlace) { for (const res of op.results) this.constants.set(res, null); return; }
    op.results.forEach((res, i) => {
      const x = r[i] as Attribute | Value;
      this.constants.set(res, (x as Value).valueKind !== undefined && (x as { firstUse?: unknown }).firstUse !== undefined ? this.constants.get(x as Value) ?? null : (x as Attribute));
    });
  }
  /// True if `op` is in a region that may execute.
  isLive(op: Operation): boolean {
    for (let r = op.parentRegion; r !== null; r = r.parent?.parentRegion ?? null) if (this.dead.has(r)) return false;
    return true;
  }
}

/// The liveness of values (MLIR's LivenessAnalysis), computed to a fixed point over the whole module.
class Liveness {
  readonly live = new Set<Value>();
  /// Values the analysis has a state for; the others (e.g. an unused loop induction variable) count as live.
  private readonly known = new Set<Value>();
  private readonly callers = new Map<Operation, Operation[]>();
  constructor(readonly root: Operation) {
    walk(root, (o) => {
      if (!isCall(o)) return;
      const f = this.callee(o);
      if (f === null) return;
      const l = this.callers.get(f) ?? [];
      l.push(o);
      this.callers.set(f, l);
    }, "pre");
  }
  callee(call: Operation): Operation | null {
    const ref = call.props.get("callee");
    if (ref === null || ref.kind !== AttrKind.SymbolRef) return null;
    const f = lookupSymbolFrom(call, ref as SymbolRefAttr);
    return f !== null && isFunc(f) ? f : null;
  }
  callersOf(f: Operation): readonly Operation[] { return this.callers.get(f) ?? []; }
  /// Liveness as the cleanup reads it: live, or never reached by the analysis.
  isLive(v: Value): boolean { return this.live.has(v) || !this.known.has(v); }
  private anyLive(vs: readonly Value[]): boolean { return vs.some((v) => this.live.has(v)); }
  /// Whether `op`, holding a terminator, may pass its values on: it has effects or a live result, or it is a
  /// terminator itself whose parent (not a function) does.
  private yieldsToLive(op: Operation): boolean {
    for (let p: Operation | null = op; p !== null && !isFunc(p); p = p.parentOp) {
      if (!isMemoryEffectFree(p) || this.anyLive(p.results)) return true;
      if (p.def === null || !hasTrait(p.def, Trait.Terminator)) return false;
    }
    return false;
  }
  /// A non-forwarded branch operand: live if the op (or a parent op, for a terminator) may have effects or is used.
  private branchOperandLive(op: Operation, isTerminator: boolean): boolean {
    const owner = isTerminator ? op.parentOp! : op;
    for (const r of owner.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) if (!isMemoryEffectFree(o)) return true;
    if (!isMemoryEffectFree(op) || this.anyLive(op.results)) return true;
    if (isTerminator) return !isMemoryEffectFree(owner) || this.anyLive(owner.results);
    return false;
  }
  /// Whether operand `i` of `op` is live under the current marks.
  private operandLive(op: Operation, i: number): boolean {
    const parent = op.parentOp;
    if (op.def !== null && hasTrait(op.def, Trait.Terminator) && parent !== null) {
      if (isFunc(parent) && op.name === "func.return") {
        if (symbolVisibility(parent) !== "private") return true;
        return this.callersOf(parent).some((c) => c.results[i] !== undefined && this.live.has(c.results[i]));
      }
      if (isRegionBranch(parent)) {
        const from = op.parentRegion!;
        let isForwarded = false;
        for (const s of successors(parent, from)) {
          const f = forwarded(parent, from, s);
          const k = f.indexOf(i);
          if (k < 0) continue;
          isForwarded = true;
          if (s.inputs[k] !== undefined && this.live.has(s.inputs[k])) return true;
        }
        if (isForwarded) return false;
        return this.branchOperandLive(op, true);
      }
      // A terminator of an op not modelled here may yield to its results (through terminators, as scf.reduce's).
      if (!isFunc(parent)) return !isMemoryEffectFree(op) || this.yieldsToLive(parent);
    }
    if (isRegionBranch(op)) {
      let isForwarded = false;
      for (const s of successors(op, null)) {
        const f = forwarded(op, null, s);
        const k = f.indexOf(i);
        if (k < 0) continue;
        isForwarded = true;
        if (s.inputs[k] !== undefined && this.live.has(s.inputs[k])) return true;
      }
      if (isForwarded) return false;
      return this.branchOperandLive(op, false);
    }
    if (isCall(op)) {
      const f = this.callee(op);
      if (f === null || f.regions[0].empty) return true;
      const arg = f.regions[0].entry.args[i];
      return arg === undefined || this.live.has(arg);
    }
    return !isMemoryEffectFree(op) || this.anyLive(op.results);
  }
  /// Marks to a fixed point.
  run(): void {
    const exec = new Executable(this.root);
    const ops: Operation[] = [];
    walk(this.root, (o) => { if (exec.isLive(o)) ops.push(o); }, "post");
    for (const o of ops) {
      if (o === this.root) continue;
      for (const x of o.operands) this.known.add(x.value);
      for (const r of o.results) this.known.add(r);
      if (isRegionBranch(o)) {
        for (const from of [null, ...o.regions.filter((r) => !r.empty)]) for (const s of successors(o, from)) for (const v of s.inputs) this.known.add(v);
      }
      if (isCall(o)) { const f = this.callee(o); if (f !== null && !f.regions[0].empty) for (const a of f.regions[0].entry.args) this.known.add(a); }
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (let k = ops.length - 1; k >= 0; k--) {
        const op = ops[k];
        for (let i = 0; i < op.operands.length; i++) {
          const v = op.operand(i);
          if (this.live.has(v)) continue;
          if (this.operandLive(op, i)) { this.live.add(v); changed = true; }
        }
      }
    }
  }
}

/// Replaces `op` by a copy without the results in `erase` (MLIR's dropUsesAndEraseResults).
function dropUsesAndEraseResults(op: Operation, erase: readonly boolean[]): void {
  const types = op.results.filter((_r, i) => !erase[i]).map((r) => r.type);
  const n = new Operation({ name: op.name, def: op.def, operands: op.operandValues(), resultTypes: types, props: op.props, attrs: op.attrs, regions: op.regions.length, successors: op.successors, loc: op.loc });
  op.parent!.insertAfter(n, op);
  op.regions.forEach((r, i) => r.takeBody(n.regions[i]));
  let k = 0;
  op.results.forEach((r, i) => {
    if (erase[i]) dropAllUses(r);
    else r.replaceAllUsesWith(n.results[k++]);
  });
  op.erase();
}

function eraseOperands(op: Operation, erase: readonly boolean[]): void {
  op.setOperands(op.operandValues().filter((_v, i) => !erase[i]));
}

/// Drops the uses of `v` (MLIR's dropAllUses): each use is pointed at a detached placeholder, so that erasing the
/// user later leaves `v`'s use list alone.
function dropAllUses(v: Value): void {
  for (const u of v.uses()) u.set(new PlaceholderValue(v.type, "<dropped>", 0));
}

function updateFunctionType(fn: Operation, keepArgs: readonly boolean[] | null, keepResults: readonly boolean[] | null): void {
  const ft = (fn.props.get("function_type") as TypeAttr).type as FunctionType;
  const inputs = keepArgs === null ? ft.inputs : ft.inputs.filter((_t, i) => keepArgs[i]);
  const results = keepResults === null ? ft.results : ft.results.filter((_t, i) => keepResults[i]);
  fn.setProp("function_type", getTypeAttr(getFunctionType(inputs, results)));
  const filterAttrs = (name: string, keep: readonly boolean[] | null) => {
    const a = fn.props.get(name);
    if (a === null || keep === null || a.kind !== AttrKind.Array) return;
    fn.setProp(name, getArrayAttr((a as ArrayAttr).elements.filter((_e, i) => keep[i])));
  };
  filterAttrs("arg_attrs", keepArgs);
  filterAttrs("res_attrs", keepResults);
}

function cleanFuncOp(fn: Operation, la: Liveness): void {
  if (symbolVisibility(fn) !== "private" || fn.regions[0].empty) return;
  const entry = fn.regions[0].entry;
  const args = entry.args.slice();
  const dead = args.map((a) => !la.isLive(a));
  args.forEach((a, i) => { if (dead[i]) dropAllUses(a); });
  for (let i = args.length - 1; i >= 0; i--) if (dead[i]) entry.eraseArgument(i);
  updateFunctionType(fn, dead.map((d) => !d), null);
  const calls = la.callersOf(fn).filter((c) => c.parent !== null);
  for (const c of calls) eraseOperands(c, c.operands.map((_o, i) => dead[i] === true));
  const last = fn.regions[0].lastBlock!.lastOp!;
  const n = last.operands.length;
  const deadRets = new Array<boolean>(n).fill(true);
  for (const c of calls) c.results.forEach((r, i) => { if (la.isLive(r)) deadRets[i] = false; });
  for (let b: Block | null = fn.regions[0].firstBlock; b !== null; b = b.next) {
    const t = b.lastOp;
    if (t !== null && t.operands.length === n) eraseOperands(t, deadRets);
  }
  updateFunctionType(fn, null, deadRets.map((d) => !d));
  for (const c of calls) dropUsesAndEraseResults(c, deadRets);
}

function cleanRegionBranchOp(op: Operation, la: Liveness): void {
  if (isMemoryEffectFree(op) && !op.results.some((r) => la.isLive(r))) {
    for (const r of op.results) dropAllUses(r);
    op.dropAllReferences();
    op.remove();
    return;
  }
  const resultsToKeep = op.results.map((r) => la.isLive(r));
  const argsToKeep = new Map<Region, boolean[]>();
  for (const r of op.regions) if (!r.empty) argsToKeep.set(r, r.entry.args.map((a) => la.isLive(a)));
  const operandsToKeep = new Array<boolean>(op.operands.length).fill(true);
  for (const s of successors(op, null)) for (const i of forwarded(op, null, s)) operandsToKeep[i] = false;
  const termKeep = new Map<Operation, boolean[]>();
  for (const r of op.regions) {
    if (r.empty) continue;
    const t = r.entry.lastOp!;
    const keep = new Array<boolean>(t.operands.length).fill(true);
    for (const s of successors(op, r)) for (const i of forwarded(op, r, s)) keep[i] = false;
    termKeep.set(t, keep);
  }
  const inputKeep = (s: Successor, k: number): boolean => {
    const v = s.inputs[k];
    if (s.region === null) return resultsToKeep[(v as unknown as { index: number }).index];
    return argsToKeep.get(s.region)![(v as unknown as { index: number }).index];
  };
  const setInput = (s: Successor, k: number, value: boolean): void => {
    const v = s.inputs[k] as unknown as { index: number };
    if (s.region === null) resultsToKeep[v.index] ||= value;
    else argsToKeep.get(s.region)![v.index] ||= value;
  };
  let changed = true;
  while (changed) {
    for (const s of successors(op, null)) forwarded(op, null, s).forEach((i, k) => { operandsToKeep[i] ||= inputKeep(s, k); });
    for (const r of op.regions) {
      if (r.empty) continue;
      const t = r.entry.lastOp!;
      for (const s of successors(op, r)) forwarded(op, r, s).forEach((i, k) => { termKeep.get(t)![i] ||= inputKeep(s, k); });
    }
    changed = false;
    for (const s of successors(op, null)) forwarded(op, null, s).forEach((i, k) => {
      if (!inputKeep(s, k) && operandsToKeep[i]) changed = true;
      setInput(s, k, operandsToKeep[i]);
    });
    for (const r of op.regions) {
      if (r.empty) continue;
      const t = r.entry.lastOp!;
      for (const s of successors(op, r)) forwarded(op, r, s).forEach((i, k) => {
        if (!inputKeep(s, k) && termKeep.get(t)![i]) changed = true;
        setInput(s, k, termKeep.get(t)![i]);
      });
    }
  }
  eraseOperands(op, operandsToKeep.map((k) => !k));
  if (op.name === "affine.for") {
    const [l, u] = forOp.segmentSizes(op);
    const n = op.operands.length - l - u;
    op.setProp("operandSegmentSizes", getDenseI32ArrayAttr([l, u, n]));
  }
  for (const r of op.regions) {
    if (r.empty) continue;
    const keep = argsToKeep.get(r)!;
    const b = r.entry;
    for (let i = b.args.length - 1; i >= 0; i--) if (!keep[i]) { dropAllUses(b.args[i]); b.eraseArgument(i); }
  }
  for (const r of op.regions) {
    if (r.empty) continue;
    const t = r.entry.lastOp!;
    eraseOperands(t, termKeep.get(t)!.map((k) => !k));
  }
  dropUsesAndEraseResults(op, resultsToKeep.map((k) => !k));
}

function cleanSimpleOp(op: Operation, la: Liveness): void {
  if (!isMemoryEffectFree(op) || op.results.some((r) => la.isLive(r))) return;
  for (const r of op.results) dropAllUses(r);
  op.dropAllReferences();
  op.remove();
}

/// True if `op` uses a symbol without being a call (MLIR's SymbolUserOpInterface users other than calls).
function isNonCallSymbolUser(op: Operation): boolean {
  if (isCall(op)) return false;
  const refs: SymbolRefAttr[] = [];
  for (const e of op.props.entries) collectSymbolRefs(e.value, refs);
  return refs.length > 0;
}

/// `remove-dead-values`.
export const RemoveDeadValues = definePass({
  argument: "remove-dead-values",
  summary: "Remove dead values",
  anchor: null,
  run(root, ctx) {
    let bad: Operation | null = null;
    // The first offending op in post-order, as MLIR's walk; an unregistered op with successors is no branch op.
    walk(root, (o) => {
      if (bad !== null || o === root) return;
      if (isBranchOp(o) || (isSymbol(o) && !isFunc(o)) || isNonCallSymbolUser(o)) bad = o;
    }, "post");
    if (bad !== null) {
      ctx.emitError(bad, "cannot optimize an IR with non-function symbol ops, non-call symbol user ops or branch ops\n");
      return;
    }
    const la = new Liveness(root);
    la.run();
    const ops: Operation[] = [];
    walk(root, (o) => { ops.push(o); }, "post");
    for (const o of ops) {
      if (o === root) continue;
      let attached = false;
      for (let p: Operation | null = o; p !== null; p = p.parentOp) if (p === root) { attached = true; break; }
      if (!attached) continue;
      if (isFunc(o)) cleanFuncOp(o, la);
      else if (isRegionBranch(o)) cleanRegionBranchOp(o, la);
      else if (o.def !== null && (hasTrait(o.def, Trait.ReturnLike) || hasTrait(o.def, Trait.Terminator))) continue;
      else if (isCall(o)) continue;
      else cleanSimpleOp(o, la);
    }
  },
});
