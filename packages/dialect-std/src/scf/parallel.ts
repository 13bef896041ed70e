// Canonicalization patterns of scf.parallel (MLIR 19's SCF.cpp): dimensions of one iteration collapsed, loops of
// zero iterations removed, directly nested loops merged.
import {
  getDenseI32ArrayAttr, pattern, registry, type Block, type Operation, type PatternRewriter, type RewritePattern, type Value,
} from "@allo/ir-core";
import { constantInt } from "./canonicalize.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`scf canonicalization needs '${name}'`);
  return d;
}

interface Parts { lbs: Value[]; ubs: Value[]; steps: Value[]; inits: Value[] }

/// The bounds, steps and inits of an scf.parallel.
function parts(op: Operation): Parts {
  const n = op.regions[0].entry.args.length;
  const vs = op.operandValues();
  return { lbs: vs.slice(0, n), ubs: vs.slice(n, 2 * n), steps: vs.slice(2 * n, 3 * n), inits: vs.slice(3 * n) };
}

/// ceil((ub - lb) / step) for a constant lower bound, upper bound and step (MLIR's constantTripCount), or null.
function tripCount(lb: Value, ub: Value, step: Value): bigint | null {
  const l = constantInt(lb), u = constantInt(ub), s = constantInt(step);
  if (l === null || u === null || s === null || s === 0n) return null;
  const d = u - l, q = d / s;
  return q * s !== d && (d > 0n) === (s > 0n) ? q + 1n : q;
}

/// A new scf.parallel of `p` before the insertion point, with an entry block of index arguments (no terminator).
function createParallel(rw: PatternRewriter, op: Operation, p: Parts): { op: Operation; body: Block } {
  const n = rw.create(def("scf.parallel"), {
    operands: [...p.lbs, ...p.ubs, ...p.steps, ...p.inits], resultTypes: p.inits.map((v) => v.type), loc: op.loc,
    props: { operandSegmentSizes: getDenseI32ArrayAttr([p.lbs.length, p.ubs.length, p.steps.length, p.inits.length]) },
  });
  const body = rw.createBlock(n.regions[0], p.lbs.map((v) => v.type), p.lbs.map(() => op.loc));
  return { op: n, body };
}

/// Dimensions of one iteration take their lower bound; a dimension of zero iterations removes the loop; a loop left
/// without dimensions is inlined with its reductions (ParallelOpSingleOrZeroIterationDimsFolder).
const parallelOpSingleOrZeroIterationDimsFolder = pattern({
  name: "ParallelOpSingleOrZeroIterationDimsFolder", root: "scf.parallel",
  matchAndRewrite(op, rw) {
    const p = parts(op);
    const ivs = op.regions[0].entry.args;
    const mapping = new Map<Value | Block, Value | Block>();
    const kept: Parts = { lbs: [], ubs: [], steps: [], inits: p.inits };
    for (let i = 0; i < ivs.length; i++) {
      const n = tripCount(p.lbs[i], p.ubs[i], p.steps[i]);
      if (n === 0n) { rw.replaceOp(op, p.inits); return true; }
      if (n === 1n) { mapping.set(ivs[i], p.lbs[i]); continue; }
      kept.lbs.push(p.lbs[i]); kept.ubs.push(p.ubs[i]); kept.steps.push(p.steps[i]);
    }
    if (kept.lbs.length === ivs.length) return false;
    const body = op.regions[0].entry;
    if (kept.lbs.length === 0) {
      for (let o = body.firstOp; o !== null && o !== body.lastOp; o = o.next) rw.clone(o, mapping);
      const reduce = body.lastOp!;
      const results: Value[] = [];
      reduce.regions.forEach((r, i) => {
        const rb = r.entry;
        mapping.set(rb.args[0], p.inits[results.length]);
        const v = reduce.operand(i);
        mapping.set(rb.args[1], (mapping.get(v) as Value | undefined) ?? v);
        for (let o = rb.firstOp; o !== null && o !== rb.lastOp; o = o.next) rw.clone(o, mapping);
        const ret = rb.lastOp!.operand(0);
        results.push((mapping.get(ret) as Value | undefined) ?? ret);
      });
      rw.replaceOp(op, results);
      return true;
    }
    const n = createParallel(rw, op, kept);
    let k = 0;
    for (const iv of ivs) if (!mapping.has(iv)) mapping.set(iv, n.body.args[k++]);
    for (let o = body.firstOp; o !== null; o = o.next) rw.clone(o, mapping);
    rw.replaceOp(op, n.op.results);
    return true;
  },
});

/// scf.parallel whose body is only another scf.parallel independent of its induction variables, both without
/// reductions -> one scf.parallel over all dimensions (MergeNestedParallelLoops).
const mergeNestedParallelLoops = pattern({
  name: "MergeNestedParallelLoops", root: "scf.parallel",
  matchAndRewrite(op, rw) {
    const outer = op.regions[0].entry;
    const inner = outer.firstOp;
    if (inner === null || inner.next !== outer.lastOp || inner.name !== "scf.parallel") return false;
    const p = parts(op), q = parts(inner);
    const bounds = [...q.lbs, ...q.ubs, ...q.steps];
    if (outer.args.some((a) => bounds.includes(a))) return false;
    if (p.inits.length || q.inits.length) return false;
    const n = createParallel(rw, op, { lbs: [...p.lbs, ...q.lbs], ubs: [...p.ubs, ...q.ubs], steps: [...p.steps, ...q.steps], inits: [] });
    const innerBody = inner.regions[0].entry;
    const mapping = new Map<Value | Block, Value | Block>();
    outer.args.forEach((a, i) => mapping.set(a, n.body.args[i]));
    innerBody.args.forEach((a, i) => mapping.set(a, n.body.args[outer.args.length + i]));
    for (let o = innerBody.firstOp; o !== null && o !== innerBody.lastOp; o = o.next) rw.clone(o, mapping);
    rw.create(def("scf.reduce"), { loc: op.loc, regions: 0 });
    rw.replaceOp(op, n.op.results);
    return true;
  },
});

/// The scf.parallel patterns, in MLIR's order.
export const scfParallelPatterns: readonly RewritePattern[] = [parallelOpSingleOrZeroIterationDimsFolder, mergeNestedParallelLoops];
