// cse: eliminates common sub-expressions over the dominator tree of each region (MLIR's CSE.cpp).
import {
  definePass, getEffectsRecursively, hasTrait, isMemoryEffectFree, isOpTriviallyDead, onlyReads, PatternRewriter, Trait,
  unknownLoc, type Block, type Operation, type Region, type Value,
} from "@allo/ir-core";

function mix(h: number, x: number): number {
  return (Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0;
}

const nameHashes = new Map<string, number>();
function nameHash(name: string): number {
  let h = nameHashes.get(name);
  if (h === undefined) nameHashes.set(name, (h = nameHashes.size * 0x2545f491));
  return h;
}

function isCommutative(op: Operation): boolean {
  return op.def !== null && hasTrait(op.def, Trait.Commutative);
}

/// The hash of an op for CSE over what makes two ops equal (see sameKey); commutative ops hash their operands as a
/// multiset.
function hashOf(op: Operation): number {
  let h = mix(mix(nameHash(op.name), op.props.id), op.attrs.id);
  for (let i = 0; i < op.results.length; i++) h = mix(h, op.results[i].type.id);
  h = mix(h, op.operands.length);
  if (isCommutative(op)) {
    let sum = 0, xor = 0;
    for (let i = 0; i < op.operands.length; i++) { const id = op.operands[i].value.hashId; sum = (sum + id) | 0; xor ^= Math.imul(id, 0x45d9f3b); }
    h = mix(mix(h, sum), xor);
  } else for (let i = 0; i < op.operands.length; i++) h = mix(h, op.operands[i].value.hashId);
  return mix(mix(h, op.successors.length), op.regions.length);
}

/// True if `a` and `b` have the same name, properties, attributes, result types, operands (a multiset for
/// commutative ops, as MLIR's OperationEquivalence) and numbers of successors and regions.
function sameKey(a: Operation, b: Operation): boolean {
  if (a.name !== b.name || a.props !== b.props || a.attrs !== b.attrs) return false;
  if (a.results.length !== b.results.length || a.operands.length !== b.operands.length) return false;
  if (a.successors.length !== b.successors.length || a.regions.length !== b.regions.length) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i].type !== b.results[i].type) return false;
  let ordered = true;
  for (let i = 0; i < a.operands.length; i++) if (a.operands[i].value !== b.operands[i].value) { ordered = false; break; }
  if (ordered) return true;
  if (!isCommutative(a)) return false;
  const byId = (x: number, y: number) => x - y;
  const as = a.operands.map((o) => o.value.hashId).sort(byId), bs = b.operands.map((o) => o.value.hashId).sort(byId);
  return as.every((x, i) => x === bs[i]);
}

/// Structural equivalence of two ops with regions (MLIR's OperationEquivalence::isEquivalentTo, ignoring locations).
function regionsEquivalent(a: Operation, b: Operation): boolean {
  if (a.regions.length !== b.regions.length) return false;
  const map = new Map<Value, Value>();
  const eqValue = (x: Value, y: Value) => x === y || map.get(x) === y;
  const opEq = (x: Operation, y: Operation): boolean => {
    if (x.name !== y.name || x.props !== y.props || x.attrs !== y.attrs || x.operands.length !== y.operands.length || x.results.length !== y.results.length || x.regions.length !== y.regions.length || x.successors.length !== y.successors.length) return false;
    for (let i = 0; i < x.results.length; i++) if (x.results[i].type !== y.results[i].type) return false;
    if (x.def !== null && hasTrait(x.def, Trait.Commutative)) {
      const key = (v: Value) => (map.get(v) ?? v).hashId;
      const xs = x.operandValues().map(key).sort((a, b) => a - b), ys = y.operandValues().map((v) => v.hashId).sort((a, b) => a - b);
      if (xs.some((v, i) => v !== ys[i])) return false;
    } else for (let i = 0; i < x.operands.length; i++) if (!eqValue(x.operand(i), y.operand(i))) return false;
    for (let i = 0; i < x.results.length; i++) map.set(x.results[i], y.results[i]);
    for (let i = 0; i < x.regions.length; i++) if (!regionEq(x.regions[i], y.regions[i])) return false;
    return true;
  };
  const regionEq = (r: Region, s: Region): boolean => {
    const rb = r.blocks(), sb = s.blocks();
    if (rb.length !== sb.length) return false;
    for (let i = 0; i < rb.length; i++) {
      const x = rb[i], y = sb[i];
      if (x.args.length !== y.args.length) return false;
      for (let k = 0; k < x.args.length; k++) { if (x.args[k].type !== y.args[k].type) return false; map.set(x.args[k], y.args[k]); }
    }
    for (let i = 0; i < rb.length; i++) {
      let p = rb[i].firstOp, q = sb[i].firstOp;
      while (p !== null && q !== null) { if (!opEq(p, q)) return false; p = p.next; q = q.next; }
      if (p !== null || q !== null) return false;
    }
    return true;
  };
  for (let i = 0; i < a.regions.length; i++) if (!regionEq(a.regions[i], b.regions[i])) return false;
  return true;
}

/// A scoped table of known ops (MLIR's ScopedHashTable): lookups see every open scope, newest first. Ops are listed by
/// hash; a lookup takes the newest op with the same key (sameKey) whose regions, if any, are equivalent.
class KnownValues {
  /// By hash: the op, or the ops in insertion order when several share the hash.
  private readonly table = new Map<number, Operation | Operation[]>();
  private readonly scopes: number[][] = [];
  push(): void { this.scopes.push([]); }
  pop(): void {
    for (const h of this.scopes.pop()!) {
      const l = this.table.get(h)!;
      if (!Array.isArray(l)) { this.table.delete(h); continue; }
      l.pop();
      if (l.length === 0) this.table.delete(h);
    }
  }
  lookup(op: Operation): Operation | null {
    const l = this.table.get(hashOf(op));
    if (l === undefined) return null;
    if (!Array.isArray(l)) return this.matches(l, op) ? l : null;
    for (let i = l.length - 1; i >= 0; i--) if (this.matches(l[i], op)) return l[i];
    return null;
  }
  private matches(known: Operation, op: Operation): boolean {
    return sameKey(known, op) && (op.regions.length === 0 || regionsEquivalent(known, op));
  }
  insert(op: Operation): void {
    const h = hashOf(op);
    const l = this.table.get(h);
    if (l === undefined) this.table.set(h, op);
    else if (Array.isArray(l)) l.push(op);
    else this.table.set(h, [l, op]);
    this.scopes[this.scopes.length - 1].push(h);
  }
  has(op: Operation): boolean {
    for (const l of this.table.values()) if (l === op || (Array.isArray(l) && l.includes(op))) return true;
    return false;
  }
}

/// Immediate dominators of the blocks of a multi-block region, as a children list in block order.
function domChildren(region: Region): Map<Block, Block[]> {
  const entry = region.firstBlock!;
  const order: Block[] = [];
  const seen = new Set<Block>([entry]);
  const stack: [Block, number][] = [[entry, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const succ = top[0].lastOp?.successors ?? [];
    if (top[1] < succ.length) { const s = succ[top[1]++]; if (!seen.has(s)) { seen.add(s); stack.push([s, 0]); } } else { order.push(top[0]); stack.pop(); }
  }
  order.reverse();
  const index = new Map<Block, number>();
  order.forEach((b, i) => index.set(b, i));
  const preds = new Map<Block, Block[]>();
  for (const b of order) for (const s of b.lastOp?.successors ?? []) { if (!preds.has(s)) preds.set(s, []); preds.get(s)!.push(b); }
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
        else { let a = pi, b = nd; while (a !== b) { while (a > b) a = doms[a]!; while (b > a) b = doms[b]!; } nd = a; }
      }
      if (nd !== undefined && doms[i] !== nd) { doms[i] = nd; changed = true; }
    }
  }
  const children = new Map<Block, Block[]>();
  for (const b of region.blocks()) children.set(b, []);
  for (const b of region.blocks()) {
    const i = index.get(b);
    if (i === undefined || i === 0) continue;
    children.get(order[doms[i]!])!.push(b);
  }
  return children;
}

class CSEDriver {
  readonly opsToErase: Operation[] = [];
  numCSE = 0;
  numDCE = 0;
  private readonly rw = new PatternRewriter();
  /// Per block: the op up to which no write was seen since a given read op (MLIR's memEffectsCache).
  private memCache = new Map<Operation, [Operation, boolean]>();

  private hasOtherSideEffectingOpInBetween(from: Operation, to: Operation): boolean {
    let next = from.next;
    const cached = this.memCache.get(from);
    if (cached !== undefined) {
      if (cached[1]) return true;
      next = cached[0];
    } else this.memCache.set(from, [from, false]);
    while (next !== null && next !== to) {
      const effects = getEffectsRecursively(next);
      if (effects === null || effects.some((e) => e.kind === "write")) { this.memCache.set(from, [next, true]); return true; }
      next = next.next;
    }
    this.memCache.set(from, [to, false]);
    return false;
  }

  private replaceUsesAndDelete(known: KnownValues, op: Operation, existing: Operation, ssaDominance: boolean): void {
    if (ssaDominance) {
      for (let i = 0; i < op.results.length; i++) this.rw.replaceAllUsesWith(op.results[i], existing.results[i]);
      this.opsToErase.push(op);
    } else {
      for (let i = 0; i < op.results.length; i++) this.rw.replaceUsesWithIf(op.results[i], existing.results[i], (u) => !known.has(u.owner));
      if (op.results.every((r) => r.useEmpty)) this.opsToErase.push(op);
    }
    if (existing.locRef === unknownLoc && op.locRef !== unknownLoc) existing.locRef = op.locRef;
    this.numCSE++;
  }

  private simplifyOperation(known: KnownValues, op: Operation, ssaDominance: boolean): boolean {
    if (op.def !== null && hasTrait(op.def, Trait.Terminator)) return false;
    if (isOpTriviallyDead(op)) { this.opsToErase.push(op); this.numDCE++; return true; }
    if (op.regions.length !== 0 && (op.regions.length !== 1 || !op.regions[0].hasOneBlock)) return false;
    if (!isMemoryEffectFree(op)) {
      if (!onlyReads(op)) return false;
      const existing = known.lookup(op);
      if (existing !== null && existing.parent === op.parent && !this.hasOtherSideEffectingOpInBetween(existing, op)) {
        this.replaceUsesAndDelete(known, op, existing, ssaDominance);
        return true;
      }
      known.insert(op);
      return false;
    }
    const existing = known.lookup(op);
    if (existing !== null) { this.replaceUsesAndDelete(known, op, existing, ssaDominance); return true; }
    known.insert(op);
    return false;
  }

  private simplifyBlock(known: KnownValues, block: Block, ssaDominance: boolean): void {
    for (let op = block.firstOp; op !== null; op = op.next) {
      if (op.regions.length !== 0) {
        if (op.def === null || hasTrait(op.def, Trait.IsolatedFromAbove)) {
          const nested = new KnownValues();
          for (const r of op.regions) this.simplifyRegion(nested, r);
        } else for (const r of op.regions) this.simplifyRegion(known, r);
      }
      this.simplifyOperation(known, op, ssaDominance);
    }
    if (this.memCache.size !== 0) this.memCache = new Map();
  }

  simplifyRegion(known: KnownValues, region: Region): void {
    if (region.firstBlock === null) return;
    const owner = region.parent;
    const ssaDominance = !(owner !== null && (owner.def === null || hasTrait(owner.def, Trait.GraphRegion)));
    if (region.hasOneBlock) {
      known.push();
      this.simplifyBlock(known, region.firstBlock, ssaDominance);
      known.pop();
      return;
    }
    if (!ssaDominance) return;
    const children = domChildren(region);
    const stack: { block: Block; next: number; processed: boolean }[] = [{ block: region.firstBlock, next: 0, processed: false }];
    known.push();
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!top.processed) { top.processed = true; this.simplifyBlock(known, top.block, ssaDominance); }
      const kids = children.get(top.block) ?? [];
      if (top.next < kids.length) { known.push(); stack.push({ block: kids[top.next++], next: 0, processed: false }); }
      else { stack.pop(); known.pop(); }
    }
  }

  run(op: Operation): boolean {
    const known = new KnownValues();
    for (const r of op.regions) this.simplifyRegion(known, r);
    for (const o of this.opsToErase) this.rw.eraseOp(o);
    return this.opsToErase.length > 0;
  }
}

/// `cse`.
export const CSE = definePass({
  argument: "cse",
  name: "CSE",
  summary: "Eliminate common sub-expressions",
  description: "Removes operations that compute the same value as a dominating operation, and trivially dead operations.",
  anchor: null,
  statistics: {
    numCSE: { name: "num-cse'd", desc: "Number of operations CSE'd" },
    numDCE: { name: "num-dce'd", desc: "Number of operations DCE'd" },
  },
  run(op, { stats, markAllAnalysesPreserved }) {
    const d = new CSEDriver();
    const changed = d.run(op);
    stats.numCSE += d.numCSE;
    stats.numDCE += d.numDCE;
    if (!changed) markAllAnalysesPreserved();
  },
});
