// The greedy pattern rewrite driver, mirroring MLIR 19's GreedyPatternRewriteDriver.cpp: a LIFO worklist fed by
// the rewriter's listener, folding through op records, constant CSE and hoisting (OperationFolder), dead-op
// removal, an iteration limit and region simplification. Canonicalize output is compared byte for byte with
// mlir-opt, so the order of every step here is part of the contract.
import { unknownLoc, type Attribute } from "../ir/attrs.js";
import type { OpBuilder } from "../ir/builder.js";
import { Operation, Value, ValueKind, type Block, type Region } from "../ir/ir.js";
import { hasTrait, registry, Trait } from "../ir/opdef.js";
import type { LocationRef } from "../ir/source-positions.js";
import type { Type } from "../ir/types.js";
import { PatternRewriter, type FoldResult, type RewriteListener, type RewritePattern } from "./pattern.js";
import { simplifyRegions } from "./region-utils.js";
import { isOpTriviallyDead } from "./side-effects.js";
import { Worklist } from "./worklist.js";

/// How much region simplification runs after each iteration (canonicalize's `region-simplify`).
export type RegionSimplifyLevel = "disabled" | "normal" | "aggressive";

/// Which ops the driver may rewrite (MLIR's GreedyRewriteStrictness).
export enum Strictness { AnyOp, ExistingAndNewOps, ExistingOps }

/// Driver configuration (MLIR's GreedyRewriteConfig); every field is optional.
export interface GreedyRewriteConfig {
  /// Seed the worklist in pre-order and process it in order (default false, as MLIR; canonicalize sets true).
  readonly useTopDownTraversal?: boolean;
  readonly enableRegionSimplification?: RegionSimplifyLevel;
  /// Iteration limit; -1 for none (default 10).
  readonly maxIterations?: number;
  /// Rewrite limit per iteration; -1 for none (default -1).
  readonly maxNumRewrites?: number;
  readonly strictMode?: Strictness;
  /// Fold ops through their records (default true).
  readonly fold?: boolean;
  /// CSE and hoist constants when seeding the worklist (default true).
  readonly cseConstants?: boolean;
  /// Also told of every change.
  readonly listener?: RewriteListener | null;
}

/// Patterns indexed by root op name, sorted by benefit (stable), with the enable/disable filters applied.
export class FrozenRewritePatternSet {
  readonly byRoot = new Map<string, RewritePattern[]>();
  readonly anyOp: RewritePattern[] = [];
  constructor(patterns: readonly RewritePattern[], filters: { disabled?: readonly string[]; enabled?: readonly string[] } = {}) {
    const dis = new Set(filters.disabled ?? []);
    const en = new Set(filters.enabled ?? []);
    for (const p of patterns) {
      if (dis.has(p.name)) continue;
      if (en.size && !en.has(p.name)) continue;
      if (p.root === null) this.anyOp.push(p);
      else {
        let l = this.byRoot.get(p.root);
        if (l === undefined) this.byRoot.set(p.root, (l = []));
        l.push(p);
      }
    }
    const byBenefit = (a: RewritePattern, b: RewritePattern) => b.benefit - a.benefit;
    for (const l of this.byRoot.values()) l.sort(byBenefit);
    this.anyOp.sort(byBenefit);
  }
}

/// Every canonicalization pattern of the registered ops, in MLIR's order (ops sorted by name, each op's list in order).
export function canonicalizationPatterns(): RewritePattern[] {
  const ops = registry.allOps().slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: RewritePattern[] = [];
  for (const d of ops) for (const p of d.canonicalize) out.push(p);
  return out;
}

// ---- constants and folding ----

const noOperands: readonly (Attribute | null)[] = [];

/// The value of a ConstantLike op (its fold result, or its `value` property), or null.
export function constantValueOf(op: Operation): Attribute | null {
  const def = op.def;
  if (def === null || !hasTrait(def, Trait.ConstantLike)) return null;
  if (def.fold !== null) {
    const r = def.fold(op, op.operands.length === 0 ? noOperands : op.operands.map(() => null));
    if (r !== null && r.length === 1 && !isValue(r[0])) return r[0] as Attribute;
    return null;
  }
  return op.props.get("value");
}

/// The constant a value holds (MLIR's m_Constant), or null.
export function matchConstant(v: Value): Attribute | null {
  const d = v.definingOp;
  return d === null ? null : constantValueOf(d);
}

function isValue(x: Attribute | Value): x is Value {
  return x instanceof Value;
}

/// Folds `op` as MLIR's Operation::fold: the record's folder, then (if that fails or is in place) the trait folders
/// (Commutative moves constant operands last, Idempotent, Involution). Returns null, `[]` for an in-place change, or
/// one attribute/value per result.
export function foldOperation(op: Operation): FoldResult {
  const def = op.def;
  if (def === null) return null;
  let r: FoldResult = null;
  if (def.fold !== null) {
    const constants: (Attribute | null)[] = [];
    for (let i = 0; i < op.operands.length; i++) constants.push(matchConstant(op.operands[i].value));
    r = def.fold(op, constants);
  }
  let inPlace = false;
  if (r !== null) {
    inPlace = r.length === 0 || (r.length === op.results.length && r.every((x, i) => x === op.results[i]));
    if (!inPlace) return r;
  }
  const t = foldTraits(op);
  if (t !== null) return t;
  return inPlace ? [] : null;
}

/// True if some constant operand comes before a non-constant one (the Commutative folder would reorder them).
function constantBeforeNonConstant(op: Operation): boolean {
  let seenConstant = false;
  for (let i = 0; i < op.operands.length; i++) {
    if (matchConstant(op.operands[i].value) !== null) seenConstant = true;
    else if (seenConstant) return true;
  }
  return false;
}

/// The traits foldTraits acts on, as a mask of `OpDef.traitBits`.
const foldingTraits = (1 << Trait.Commutative) | (1 << Trait.Idempotent) | (1 << Trait.Involution);

function foldTraits(op: Operation): FoldResult {
  const def = op.def!;
  if ((def.traitBits & foldingTraits) === 0) return null;
  for (const trait of def.traits) {
    if (trait === Trait.Commutative && op.operands.length >= 2) {
      if (!constantBeforeNonConstant(op)) continue;
      const vals = op.operandValues();
      const isConst = vals.map((v) => matchConstant(v) !== null);
      const first = isConst.indexOf(true);
      if (first < 0) continue;
      const head = vals.slice(0, first);
      const rest = vals.slice(first);
      const nonConst = rest.filter((_, i) => !isConst[first + i]);
      const consts = rest.filter((_, i) => isConst[first + i]);
      if (nonConst.length === 0) continue;
      const next = [...head, ...nonConst, ...consts];
      for (let i = 0; i < next.length; i++) op.operands[i].set(next[i]);
      return [];
    }
    if (trait === Trait.Idempotent && op.results.length === 1) {
      if (op.operands.length === 1) {
        const a = op.operand(0).definingOp;
        if (a !== null && a.name === op.name) return [op.operand(0)];
      } else if (op.operands.length === 2 && op.operand(0) === op.operand(1)) return [op.operand(0)];
    }
    if (trait === Trait.Involution && op.results.length === 1 && op.operands.length === 1) {
      const a = op.operand(0).definingOp;
      if (a !== null && a.name === op.name && a.operands.length === 1) return [a.operand(0)];
    }
  }
  return null;
}

/// Builds a constant through the dialect `dialect`'s materializeConstant hook, or returns null.
export function materializeConstant(b: OpBuilder, dialect: string, value: Attribute, type: Type, loc: LocationRef): Operation | null {
  const d = registry.dialect(dialect);
  const hook = d?.materializeConstant;
  if (hook === undefined) return null;
  const op = hook(b, value, type, loc);
  return op;
}

/// The region constants of `block` are hoisted into: the closest enclosing region of an isolated-from-above
/// (or unregistered, or top-level) op (MLIR's getInsertionRegion).
export function constantInsertionRegion(block: Block): Region {
  let b: Block = block;
  for (;;) {
    const region = b.parent!;
    const parent = region.parent;
    if (parent === null || parent.def === null || hasTrait(parent.def, Trait.IsolatedFromAbove) || parent.parent === null) return region;
    if (registry.dialect(parent.def.dialect)?.shouldMaterializeInto?.(region) === true) return region;
    b = parent.parent;
  }
}

/// Constant uniquing and hoisting while the worklist is seeded (MLIR's OperationFolder::insertKnownConstant).
class KnownConstants {
  private readonly owned = new Set<Operation>();
  /// Per insertion region: the constants by value (a list when constants of one value differ in type or dialect).
  private readonly scopes = new Map<Region, Map<Attribute, Operation | Operation[]>>();
  constructor(private readonly rw: PatternRewriter) {}

  /// Records constant `op`; returns false if it was replaced by an equal constant (and erased).
  insert(op: Operation, value: Attribute): boolean {
    const block = op.parent!;
    if (this.owned.has(op)) {
      if (block.firstOp !== op && (op.prev === null || !this.owned.has(op.prev))) { op.moveBefore(block.firstOp!); op.loc = unknownLoc; }
      return true;
    }
    const region = constantInsertionRegion(block);
    let m = this.scopes.get(region);
    if (m === undefined) this.scopes.set(region, (m = new Map()));
    const entry = m.get(value);
    const existing = entry === undefined ? undefined : findConstant(entry, op);
    if (existing !== undefined) {
      this.rw.replaceOp(op, existing.results);
      // MLIR 19 erases the kept constant's location even when both share one.
      existing.loc = unknownLoc;
      return false;
    }
    const insertBlock = region.firstBlock!;
    if (block !== insertBlock || (insertBlock.firstOp !== op && (op.prev === null || !this.owned.has(op.prev)))) {
      op.moveBefore(insertBlock.firstOp!);
      op.loc = unknownLoc;
    }
    m.set(value, entry === undefined ? op : Array.isArray(entry) ? (entry.push(op), entry) : [entry, op]);
    this.owned.add(op);
    return true;
  }
}

/// The constant in `entry` of `op`'s dialect and result type (the value is the same), if any.
function findConstant(entry: Operation | Operation[], op: Operation): Operation | undefined {
  const type = op.results[0].type, dialect = op.def!.dialect;
  if (!Array.isArray(entry)) return entry.results[0].type === type && entry.def!.dialect === dialect ? entry : undefined;
  for (const c of entry) if (c.results[0].type === type && c.def!.dialect === dialect) return c;
  return undefined;
}

// ---- the driver ----

class GreedyDriver implements RewriteListener {
  readonly rewriter = new PatternRewriter();
  readonly worklist = new Worklist();
  readonly strict: Set<Operation> | null;
  scope: Region | null = null;
  /// True while the worklist is seeded (ops are only added, never popped).
  private seeding = false;

  constructor(readonly patterns: FrozenRewritePatternSet, readonly config: GreedyRewriteConfig) {
    this.rewriter.listener = this;
    this.strict = (config.strictMode ?? Strictness.AnyOp) === Strictness.AnyOp ? null : new Set();
  }

  addSingleOpToWorklist(op: Operation): void {
    if (this.strict === null || this.strict.has(op)) this.worklist.push(op);
  }

  /// Adds `op` and its ancestors up to the scope region (nothing if `op` is outside the scope).
  addToWorklist(op: Operation): void {
    // While seeding nothing leaves the worklist, so an op's parent being listed means all its ancestors are.
    if (this.seeding) {
      const p = op.parentOp;
      if (p !== null && this.worklist.contains(p)) { this.addSingleOpToWorklist(op); return; }
    }
    // Find the scope first, then add the ops on the way (op first).
    let o: Operation | null = op;
    for (;;) {
      if (o === null) return;
      const region: Region | null = o.parentRegion;
      if (region === this.scope) break;
      if (region === null) return;
      o = region.parent;
    }
    for (let a = op; ; a = a.parentOp!) {
      this.addSingleOpToWorklist(a);
      if (a === o) return;
    }
  }

  notifyOperationInserted(op: Operation): void {
    this.config.listener?.notifyOperationInserted?.(op);
    if (this.strict !== null && this.config.strictMode === Strictness.ExistingAndNewOps) this.strict.add(op);
    this.addToWorklist(op);
  }
  notifyOperationModified(op: Operation): void {
    this.config.listener?.notifyOperationModified?.(op);
    this.addToWorklist(op);
  }
  notifyOperationReplaced(op: Operation, values: readonly Value[]): void {
    this.config.listener?.notifyOperationReplaced?.(op, values);
  }
  notifyOperationErased(op: Operation): void {
    this.config.listener?.notifyOperationErased?.(op);
    this.addOperandsToWorklist(op);
    this.worklist.remove(op);
    this.strict?.delete(op);
  }
  notifyBlockInserted(b: Block): void { this.config.listener?.notifyBlockInserted?.(b); }
  notifyBlockErased(b: Block): void { this.config.listener?.notifyBlockErased?.(b); }

  /// Re-adds the producers of `op`'s operands that are left with at most one use once `op` is gone.
  private addOperandsToWorklist(op: Operation): void {
    for (const o of op.operands) {
      const v = o.value;
      if (v.valueKind !== ValueKind.OpResult) continue;
      if (v.firstUse !== null && v.firstUse.nextUse !== null) continue;
      this.addToWorklist(v.definingOp!);
    }
  }

  private applyPatterns(op: Operation): boolean {
    const specific = this.patterns.byRoot.get(op.name);
    const any = this.patterns.anyOp;
    let i = 0, j = 0;
    const ni = specific === undefined ? 0 : specific.length, nj = any.length;
    while (i < ni || j < nj) {
      let p: RewritePattern;
      if (i < ni && !(j < nj && specific![i].benefit < any[j].benefit)) p = specific![i++];
      else p = any[j++];
      this.rewriter.setInsertionPoint(op);
      if (p.matchAndRewrite(op, this.rewriter)) return true;
    }
    return false;
  }

  /// Processes ops until the worklist is empty or the rewrite limit is hit; true if the IR changed.
  processWorklist(): boolean {
    let changed = false;
    let numRewrites = 0;
    const maxRewrites = this.config.maxNumRewrites ?? -1;
    const fold = this.config.fold ?? true;
    const rw = this.rewriter;
    while (!this.worklist.empty && (maxRewrites < 0 || numRewrites < maxRewrites)) {
      const op = this.worklist.pop();
      if (isOpTriviallyDead(op)) {
        rw.eraseOp(op);
        changed = true;
        continue;
      }
      if (fold && !(op.def !== null && hasTrait(op.def, Trait.ConstantLike))) {
        const results = foldOperation(op);
        if (results !== null) {
          if (results.length === 0) {
            this.notifyOperationModified(op);
            changed = true;
            continue;
          }
          rw.setInsertionPoint(op);
          const replacements: Value[] = [];
          let ok = true;
          for (let i = 0; i < results.length; i++) {
            const r = results[i];
            if (isValue(r)) { replacements.push(r); continue; }
            const c = materializeConstant(rw, op.dialect, r, op.results[i].type, op.locRef);
            if (c === null) {
              const made = new Set<Operation>();
              for (const v of replacements) if (v.definingOp !== null && v.useEmpty && !op.results.includes(v as never)) made.add(v.definingOp);
              for (const m of made) if (m.parent !== null && m !== op) rw.eraseOp(m);
              ok = false;
              break;
            }
            replacements.push(c.results[0]);
          }
          if (ok) {
            rw.replaceOp(op, replacements);
            changed = true;
            continue;
          }
        }
      }
      if (this.applyPatterns(op)) {
        changed = true;
        numRewrites++;
      }
    }
    return changed;
  }

  /// Simplifies `region` until a fixed point or the iteration limit; returns whether it converged and changed.
  simplifyRegion(region: Region): { converged: boolean; changed: boolean } {
    this.scope = region;
    if (this.strict !== null) walkRegion(region, (op) => { this.strict!.add(op); return false; }, false);
    const maxIterations = this.config.maxIterations ?? 10;
    const topDown = this.config.useTopDownTraversal ?? false;
    const cse = this.config.cseConstants ?? true;
    const level = this.config.enableRegionSimplification ?? "normal";
    let iteration = 0;
    let again = false;
    this.worklist.claim();
    try {
      do {
        if (++iteration > maxIterations && maxIterations >= 0) break;
        this.worklist.clear();
        const folder = new KnownConstants(this.rewriter);
        const known = (op: Operation): boolean => {
          if (!cse) return false;
          const v = constantValueOf(op);
          return v !== null && !folder.insert(op, v);
        };
        this.seeding = true;
        if (!topDown) {
          walkRegion(region, (op) => { if (!known(op)) this.addToWorklist(op); return false; }, false);
        } else {
          walkRegion(region, (op) => { if (known(op)) return true; this.addToWorklist(op); return false; }, true);
          this.worklist.reverse();
        }
        this.seeding = false;
        again = this.processWorklist();
        if (level !== "disabled") again = simplifyRegions(this.rewriter, [region], level === "aggressive") || again;
      } while (again);
    } finally {
      this.worklist.release();
    }
    return { converged: !again, changed: iteration > 1 };
  }
}

/// Walks the ops of `region` with MLIR's early-increment semantics (the next op is fixed before an op is visited,
/// so visiting may erase or move it). Pre-order: `visit` returning true skips the op's regions. Post-order: nested
/// ops first. Uses an explicit stack.
export function walkRegion(region: Region, visit: (op: Operation) => boolean, preOrder: boolean): void {
  // frames[0..depth) is the stack; frames (and their block lists) are reused as the walk goes up and down.
  const frames: WalkFrame[] = [];
  let depth = 0;
  const enter = (op: Operation | null, regions: readonly Region[]): void => {
    let f = frames[depth];
    if (f === undefined) frames.push((f = { op: null, blocks: [], numBlocks: 0, bi: 0, next: null }));
    depth++;
    f.op = op;
    let n = 0;
    for (let i = 0; i < regions.length; i++) {
      for (let b = regions[i].firstBlock; b !== null; b = b.next) { if (n < f.blocks.length) f.blocks[n] = b; else f.blocks.push(b); n++; }
    }
    f.numBlocks = n;
    f.bi = 0;
    f.next = n !== 0 ? f.blocks[0].firstOp : null;
  };
  enter(null, [region]);
  while (depth > 0) {
    const f = frames[depth - 1];
    while (f.next === null && ++f.bi < f.numBlocks) f.next = f.blocks[f.bi].firstOp;
    if (f.next === null) {
      depth--;
      const done = f.op;
      f.op = null;
      if (!preOrder && done !== null) visit(done);
      continue;
    }
    const op = f.next;
    f.next = op.next;
    if (preOrder && visit(op)) continue;
    if (op.regions.length === 0) { if (!preOrder) visit(op); continue; }
    enter(op, op.regions);
  }
}

/// One level of walkRegion: the op whose regions are walked, a snapshot of their blocks (`blocks[0..numBlocks)`) and
/// the next op to visit.
interface WalkFrame { op: Operation | null; readonly blocks: Block[]; numBlocks: number; bi: number; next: Operation | null }

/// Applies `patterns` (and folding) greedily to the regions of `op` (which should be isolated from above), each
/// region separately as MLIR does. Returns whether every region converged, and whether anything changed.
export function applyPatternsAndFoldGreedily(op: Operation, patterns: FrozenRewritePatternSet, config: GreedyRewriteConfig = {}): { converged: boolean; changed: boolean } {
  let converged = true, changed = false;
  for (const r of op.regions) {
    const d = new GreedyDriver(patterns, config);
    const res = d.simplifyRegion(r);
    converged &&= res.converged;
    changed ||= res.changed;
  }
  return { converged, changed };
}

/// Applies `patterns` to `ops` only (and, depending on `strictMode`, the ops they create), as MLIR's
/// applyOpPatternsAndFold. Returns whether the worklist was emptied and whether anything changed.
export function applyOpPatternsAndFold(ops: readonly Operation[], patterns: FrozenRewritePatternSet, config: GreedyRewriteConfig = {}): { converged: boolean; changed: boolean } {
  if (ops.length === 0) return { converged: true, changed: false };
  const d = new GreedyDriver(patterns, { ...config, strictMode: config.strictMode ?? Strictness.ExistingAndNewOps });
  for (const op of ops) d.strict?.add(op);
  // Scope: the closest region containing all ops.
  let scope: Region | null = ops[0].parentRegion;
  for (const op of ops) while (scope !== null && !scope.isAncestor(op.parentRegion)) scope = scope.parent?.parentRegion ?? null;
  d.scope = scope;
  d.worklist.claim();
  try {
    for (const op of ops) d.addSingleOpToWorklist(op);
    const changed = d.processWorklist();
    return { converged: d.worklist.empty, changed };
  } finally {
    d.worklist.release();
  }
}

/// Inserts `op` at `b` unless it folds (MLIR's OpBuilder::createOrFold): returns the values to use in its place.
/// The listener hears of the op only if it is kept; folded constants are materialized at the insertion point.
export function createOrFold(b: OpBuilder, op: Operation): Value[] {
  const block = b.block;
  if (block !== null) block.insertBefore(op, b.before);
  const keep = (): Value[] => {
    if (block !== null) b.listener?.notifyOperationInserted?.(op);
    return op.results.slice();
  };
  if (constantValueOf(op) !== null) return keep();
  const r = foldOperation(op);
  if (r === null || r.length === 0) return keep();
  const out: Value[] = [];
  const made: Operation[] = [];
  const saved = b.listener;
  b.listener = null;
  for (let i = 0; i < r.length; i++) {
    const x = r[i];
    if (isValue(x)) { out.push(x); continue; }
    const c = materializeConstant(b, op.dialect, x, op.results[i].type, op.locRef);
    if (c === null) {
      b.listener = saved;
      for (const m of made) m.erase();
      return keep();
    }
    made.push(c);
    out.push(c.results[0]);
  }
  b.listener = saved;
  for (const m of made) saved?.notifyOperationInserted?.(m);
  op.erase();
  return out;
}
