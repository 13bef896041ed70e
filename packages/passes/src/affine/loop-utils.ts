// affine.for utilities shared by the affine passes (MLIR's LoopAnalysis.cpp and LoopUtils.cpp): trip counts,
// promotion of single-iteration loops, unrolling with a cleanup loop.
import {
  affineCeilDiv, affineSub, Builtin, cloneOp, gcd as affineGcd, getAffineConstantExpr, getAffineDimExpr, getAffineMap, getAffineMapAttr,
  getIndexAttr, OpBuilder, simplifyAffineMap, type AffineMap, type Block, type Operation, type Value,
} from "@allo/ir-core";
import {
  ApplyOp, canonicalizeMapAndOperands, forOp, fullyComposeAffineMapAndOperands, PlainOperandCache, plainOperands, shiftMapDims,
  shiftMapSymbols,
} from "@allo/dialect-affine";
import { ArithConstantOp } from "@allo/dialect-std";

/// getTripCountMapAndOperands's steps on the difference of the bounds (cached per map for plain operands).
const tripCountDifferences = new PlainOperandCache((map, operands) => {
  let out = fullyComposeAffineMapAndOperands(map, operands);
  out = canonicalizeMapAndOperands(out, operands);
  return { map: simplifyAffineMap(out), cacheable: true };
});

/// A trip count as a map over operands (one result per upper bound).
export interface TripCount { readonly map: AffineMap; readonly operands: Value[] }

/// The trip count of `op`, or null if it cannot be expressed (MLIR's getTripCountMapAndOperands).
export function getTripCountMapAndOperands(op: Operation): TripCount | null {
  const step = forOp.step(op);
  if (forOp.hasConstantLowerBound(op) && forOp.hasConstantUpperBound(op)) {
    const span = Math.max(0, forOp.constantUpperBound(op) - forOp.constantLowerBound(op));
    return { map: getAffineMap(0, 0, [getAffineConstantExpr(Math.ceil(span / step))]), operands: [] };
  }
  const lbMap = forOp.lowerBoundMap(op);
  const ubMap = forOp.upperBoundMap(op);
  if (lbMap.getNumResults() !== 1) return null;
  const ubOps = forOp.upperBoundOperands(op);
  const lbOps = forOp.lowerBoundOperands(op);
  // AffineValueMap::difference(ub, lb splat).
  const aDims = ubOps.slice(0, ubMap.getNumDims()), aSyms = ubOps.slice(ubMap.getNumDims());
  const bDims = lbOps.slice(0, lbMap.getNumDims()), bSyms = lbOps.slice(lbMap.getNumDims());
  const operands = [...aDims, ...bDims, ...aSyms, ...bSyms];
  const lbSplat = getAffineMap(lbMap.getNumDims(), lbMap.getNumSymbols(), ubMap.results.map(() => lbMap.getResult(0)));
  const b = shiftMapSymbols(shiftMapDims(lbSplat, ubMap.getNumDims()), ubMap.getNumSymbols());
  const diffs = ubMap.results.map((e, i) => affineSub(e, b.results[i]));
  let diff = getAffineMap(b.getNumDims(), b.getNumSymbols(), diffs);
  diff = tripCountDifferences.run(diff, operands, plainOperands(diff, operands));
  const stepExpr = getAffineConstantExpr(step);
  const map = getAffineMap(diff.getNumDims(), diff.getNumSymbols(), diff.results.map((e) => affineCeilDiv(e, stepExpr)));
  return { map, operands };
}

/// The constant trip count of `op` (the minimum over its upper bounds), or null (MLIR's getConstantTripCount).
export function getConstantTripCount(op: Operation): number | null {
  return constantTripCount(getTripCountMapAndOperands(op));
}

/// getConstantTripCount from the trip count map.
function constantTripCount(tc: TripCount | null): number | null {
  if (tc === null) return null;
  let out: number | null = null;
  for (const e of tc.map.results) {
    if (!e.isConstant()) return null;
    const v = e.value;
    out = out === null ? v : Math.min(out, v);
  }
  return out;
}

/// The largest known divisor of the trip count (MLIR's getLargestDivisorOfTripCount).
export function getLargestDivisorOfTripCount(op: Operation): number {
  return largestDivisorOfTripCount(getTripCountMapAndOperands(op));
}

/// getLargestDivisorOfTripCount from the trip count map.
function largestDivisorOfTripCount(tc: TripCount | null): number {
  if (tc === null) return 1;
  let g: number | null = null;
  for (const e of tc.map.results) {
    let d: number;
    if (e.isConstant()) d = e.value === 0 ? Number.MAX_SAFE_INTEGER : e.value;
    else d = e.getLargestKnownDivisor();
    g = g === null ? d : affineGcd(g, d);
  }
  return g ?? 1;
}

/// The function-like op whose body constants go to (the closest isolated-from-above ancestor).
function enclosingFunctionBody(op: Operation): Operation | null {
  for (let p = op.parentOp; p !== null; p = p.parentOp) if (p.name === "func.func") return p;
  return null;
}

/// If `op` runs exactly once, inlines its body in place of the loop (MLIR's promoteIfSingleIteration).
export function promoteIfSingleIteration(op: Operation): boolean {
  if (getConstantTripCount(op) !== 1) return false;
  const lbMap = forOp.lowerBoundMap(op);
  if (lbMap.getNumResults() !== 1) return false;
  const iv = forOp.inductionVar(op);
  const parent = op.parent!;
  if (!iv.useEmpty) {
    if (forOp.hasConstantLowerBound(op)) {
      const fn = enclosingFunctionBody(op);
      const b = new OpBuilder();
      if (fn !== null) b.setInsertionPointToStart(fn.regions[0].entry); else b.setInsertionPoint(op);
      const c = b.create(ArithConstantOp, { resultTypes: [Builtin.index], props: { value: getIndexAttr(forOp.constantLowerBound(op)) }, loc: op.locRef });
      iv.replaceAllUsesWith(c.results[0]);
    } else {
      const lbOps = forOp.lowerBoundOperands(op);
      if (lbMap.getNumDims() === 1 && lbMap.getNumSymbols() === 0 && lbMap.getResult(0) === getAffineDimExpr(0)) {
        iv.replaceAllUsesWith(lbOps[0]);
      } else {
        const b = OpBuilder.before(op);
        const a = b.create(ApplyOp, { operands: lbOps, resultTypes: [Builtin.index], props: { map: getAffineMapAttr(lbMap) }, loc: op.locRef });
        iv.replaceAllUsesWith(a.results[0]);
      }
    }
  }
  const inits = forOp.inits(op);
  forOp.regionIterArgs(op).forEach((a, i) => a.replaceAllUsesWith(inits[i]));
  const body = forOp.body(op);
  const yielded = body.lastOp!.operandValues();
  op.results.forEach((r, i) => r.replaceAllUsesWith(yielded[i]));
  body.lastOp!.erase();
  parent.spliceOpsFrom(body, op);
  op.erase();
  return true;
}

/// Fully unrolls `op` if its trip count is a known constant (MLIR's loopUnrollFull).
export function loopUnrollFull(op: Operation): boolean {
  const tc = getConstantTripCount(op);
  if (tc === null) return false;
  if (tc === 0) return true;
  if (tc === 1) return promoteIfSingleIteration(op);
  return loopUnrollByFactor(op, tc);
}

/// Unrolls by `factor`, or by the trip count when that is smaller (MLIR's loopUnrollUpToFactor).
export function loopUnrollUpToFactor(op: Operation, factor: number): boolean {
  const tc = getConstantTripCount(op);
  if (tc !== null && tc < factor) return loopUnrollByFactor(op, tc);
  return loopUnrollByFactor(op, factor);
}

/// The lower bound of the cleanup loop: lb + tripCount - tripCount mod factor, scaled by the step.
function cleanupLowerBound(op: Operation, factor: number, tc: TripCount | null): { map: AffineMap; operands: Value[] } | null {
  if (tc === null) return null;
  const b = OpBuilder.before(op);
  const lb = b.create(ApplyOp, { operands: forOp.lowerBoundOperands(op), resultTypes: [Builtin.index], props: { map: getAffineMapAttr(forOp.lowerBoundMap(op)) }, loc: op.locRef });
  const step = forOp.step(op);
  const bumps: Operation[] = [];
  const n = tc.map.getNumResults();
  for (let i = 0; i < n; i++) {
    const e = tc.map.getResult(i);
    const bump = e.sub(e.mod(factor)).mul(step);
    const m = getAffineMap(tc.map.getNumDims(), tc.map.getNumSymbols(), [bump]);
    bumps.push(b.create(ApplyOp, { operands: tc.operands, resultTypes: [Builtin.index], props: { map: getAffineMapAttr(m) }, loc: op.locRef }));
  }
  const exprs = [];
  for (let i = 0; i < n; i++) exprs.push(getAffineDimExpr(0).add(getAffineDimExpr(i + 1)));
  let map = getAffineMap(1 + n, 0, exprs);
  const operands: Value[] = [lb.results[0], ...bumps.map((x) => x.results[0])];
  map = fullyComposeAffineMapAndOperands(map, operands);
  map = simplifyAffineMap(map);
  map = canonicalizeMapAndOperands(map, operands);
  for (const x of bumps) if (x.results[0].useEmpty) x.erase();
  if (lb.results[0].useEmpty) lb.erase();
  return { map, operands };
}

/// Clones `op` after itself as the cleanup loop and splits the iteration space (MLIR's generateCleanupLoopForUnroll).
function generateCleanupLoop(op: Operation, factor: number, tripCount: TripCount | null): boolean {
  const cleanup = cloneOp(op);
  op.parent!.insertAfter(cleanup, op);
  const inits = forOp.inits(cleanup);
  op.results.forEach((r, i) => {
    r.replaceAllUsesWith(cleanup.results[i]);
    for (const o of cleanup.operands) if (o.value === inits[i]) o.set(r);
  });
  const lb = cleanupLowerBound(op, factor, tripCount);
  if (lb === null) return false;
  forOp.setLowerBound(cleanup, lb.operands, lb.map);
  promoteIfSingleIteration(cleanup);
  forOp.setUpperBound(op, lb.operands, lb.map);
  return true;
}

/// Unrolls `op` by `factor` (MLIR's loopUnrollByFactor); `cleanUp` fully unrolls the cleanup loop.
export function loopUnrollByFactor(op: Operation, factor: number, cleanUp = false): boolean {
  // The trip count map serves both questions below (nothing changes in between).
  const tripCount = getTripCountMapAndOperands(op);
  const tc = constantTripCount(tripCount);
  if (factor === 1) {
    if (tc === 1 && !promoteIfSingleIteration(op)) return false;
    return true;
  }
  const body = forOp.body(op);
  if (body.firstOp === body.lastOp) return true;
  if (tc !== null && tc < factor) return cleanUp ? loopUnrollFull(op) : false;
  if (largestDivisorOfTripCount(tripCount) % factor !== 0) {
    if (forOp.lowerBoundMap(op).getNumResults() !== 1 || forOp.upperBoundMap(op).getNumResults() !== 1) return false;
    if (cleanUp) return loopUnrollFull(op);
    generateCleanupLoop(op, factor, tripCount);
  }
  const iterArgs = forOp.regionIterArgs(op);
  const terminator = body.lastOp!;
  const yielded = terminator.operandValues();
  const step = forOp.step(op);
  forOp.setStep(op, step * factor);
  const iv = forOp.inductionVar(op);
  const srcEnd = terminator.prev!;
  const b = OpBuilder.before(terminator);
  let lastYielded = yielded.slice();
  for (let i = 1; i < factor; i++) {
    const mapping = new Map<Value | Block, Value | Block>();
    iterArgs.forEach((a, k) => mapping.set(a, lastYielded[k]));
    if (!iv.useEmpty) {
      const bump = getAffineMap(1, 0, [getAffineDimExpr(0).add(i * step)]);
      const apply = b.create(ApplyOp, { operands: [iv], resultTypes: [Builtin.index], props: { map: getAffineMapAttr(bump) }, loc: op.locRef });
      mapping.set(iv, apply.results[0]);
    }
    for (let it = body.firstOp; it !== null; it = it.next) {
      b.insert(cloneOp(it, mapping));
      if (it === srcEnd) break;
    }
    lastYielded = lastYielded.map((v, k) => {
      const d = yielded[k].definingOp;
      return d !== null && d.parent === body ? (mapping.get(yielded[k]) as Value) : v;
    });
  }
  terminator.setOperands(lastYielded);
  promoteIfSingleIteration(op);
  return true;
}
