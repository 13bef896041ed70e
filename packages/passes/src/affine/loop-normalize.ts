// affine-loop-normalize: rewrites affine.for / affine.parallel loops to start at 0 with step 1, the old induction
// variable recomputed by an affine.apply (MLIR's AffineLoopNormalize.cpp and normalizeAffineFor/Parallel).
import {
  affineCeilDiv, affineSub, Builtin, definePass, getAffineConstantExpr, getAffineDimExpr, getAffineMap, getAffineMapAttr,
  getArrayAttr, getDenseElementsAttr, getI64Attr, getTensorType, OpBuilder, opt, simplifyAffineMap, walk, type AffineMap, type Operation,
  type Value,
} from "@allo/ir-core";
import {
  ApplyOp, composeAffineMapAndOperands, forOp, fullyComposeAffineMapAndOperands, parallelOp, shiftMapDims, shiftMapSymbols,
  canonicalizeMapAndOperands,
} from "@allo/dialect-affine";
import { promoteIfSingleIteration } from "./loop-utils.js";

/// MLIR's AffineValueMap::difference: `a - b` result-wise, operands concatenated (dims then symbols), composed,
/// canonicalized and simplified.
export function valueMapDifference(a: AffineMap, aOps: readonly Value[], b: AffineMap, bOps: readonly Value[]): { map: AffineMap; operands: Value[] } {
  const operands = [...aOps.slice(0, a.getNumDims()), ...bOps.slice(0, b.getNumDims()), ...aOps.slice(a.getNumDims()), ...bOps.slice(b.getNumDims())];
  const bs = shiftMapSymbols(shiftMapDims(b, a.getNumDims()), a.getNumSymbols());
  let map = getAffineMap(bs.getNumDims(), bs.getNumSymbols(), a.results.map((e, i) => affineSub(e, bs.results[i])));
  map = fullyComposeAffineMapAndOperands(map, operands);
  map = canonicalizeMapAndOperands(map, operands);
  map = simplifyAffineMap(map);
  return { map, operands };
}

/// MLIR's AffineValueMap::canonicalize: composes the affine.apply producers into the map.
function canonicalizeValueMap(v: { map: AffineMap; operands: Value[] }): { map: AffineMap; operands: Value[] } {
  const operands = v.operands.slice();
  const map = composeAffineMapAndOperands(v.map, operands);
  return { map, operands };
}

/// Normalizes one affine.for (MLIR's normalizeAffineFor); returns false if it cannot.
export function normalizeAffineFor(op: Operation, promoteSingleIter: boolean): boolean {
  if (promoteSingleIter && promoteIfSingleIteration(op)) return true;
  if (forOp.hasConstantLowerBound(op) && forOp.constantLowerBound(op) === 0 && forOp.step(op) === 1) return true;
  const lbMap = forOp.lowerBoundMap(op);
  if (lbMap.getNumResults() !== 1) return false;
  const step = forOp.step(op);
  const ubMap = forOp.upperBoundMap(op);
  const lbOps = forOp.lowerBoundOperands(op);
  const padded = getAffineMap(lbMap.getNumDims(), lbMap.getNumSymbols(), ubMap.results.map(() => lbMap.getResult(0)));
  const newUb = canonicalizeValueMap(valueMapDifference(ubMap, forOp.upperBoundOperands(op), padded, lbOps));
  const scaled = getAffineMap(newUb.map.getNumDims(), newUb.map.getNumSymbols(), newUb.map.results.map((e) => affineCeilDiv(e, getAffineConstantExpr(step))));
  forOp.setUpperBound(op, newUb.operands, scaled);
  forOp.setLowerBound(op, [], getAffineMap(0, 0, [getAffineConstantExpr(0)]));
  forOp.setStep(op, 1);
  const iv = forOp.inductionVar(op);
  const scaleIv = getAffineMap(1, 0, [getAffineDimExpr(0).neg().mul(step)]);
  const newIvMap = canonicalizeValueMap(valueMapDifference(lbMap, lbOps, scaleIv, [iv]));
  const b = new OpBuilder();
  b.setInsertionPointToStart(forOp.body(op));
  const apply = b.create(ApplyOp, { operands: newIvMap.operands, resultTypes: [Builtin.index], props: { map: getAffineMapAttr(newIvMap.map) }, loc: op.loc });
  for (const u of iv.uses()) if (u.owner !== apply) u.set(apply.results[0]);
  return true;
}

/// Normalizes one affine.parallel (MLIR's normalizeAffineParallel).
export function normalizeAffineParallel(op: Operation): void {
  const lbGroups = parallelOp.lowerBoundsGroups(op), ubGroups = parallelOp.upperBoundsGroups(op);
  if (lbGroups.some((g) => g !== 1) || ubGroups.some((g) => g !== 1)) return;
  const lbMap = parallelOp.lowerBoundsMap(op);
  const steps = parallelOp.steps(op);
  if (steps.every((s, i) => lbMap.getResult(i).isConstant() && lbMap.getResult(i).value === 0 && s === 1)) return;
  const lbOps = parallelOp.lowerBoundsOperands(op);
  const ranges = valueMapDifference(parallelOp.upperBoundsMap(op), parallelOp.upperBoundsOperands(op), lbMap, lbOps);
  const b = new OpBuilder();
  b.setInsertionPointToStart(op.regions[0].entry);
  const lbExprs = [], ubExprs = [];
  const nDims = lbMap.getNumDims();
  for (let i = 0; i < steps.length; i++) {
    lbExprs.push(getAffineConstantExpr(0));
    ubExprs.push(affineCeilDiv(ranges.map.getResult(i), getAffineConstantExpr(steps[i])));
    const iv = op.regions[0].entry.args[i];
    const expr = lbMap.getResult(i).add(getAffineDimExpr(nDims).mul(steps[i]));
    const map = getAffineMap(nDims + 1, lbMap.getNumSymbols(), [expr]);
    const operands = [...lbOps.slice(0, nDims), iv, ...lbOps.slice(nDims)];
    const apply = b.create(ApplyOp, { operands, resultTypes: [Builtin.index], props: { map: getAffineMapAttr(map) }, loc: op.loc });
    for (const u of iv.uses()) if (u.owner !== apply) u.set(apply.results[0]);
  }
  const groups = (n: number) => getDenseElementsAttr(getTensorType([n], Builtin.i32), new Array<number>(n).fill(1));
  op.setProp("steps", getArrayAttr(steps.map(() => getI64Attr(1))));
  op.setProp("lowerBoundsMap", getAffineMapAttr(getAffineMap(0, 0, lbExprs)));
  op.setProp("lowerBoundsGroups", groups(lbExprs.length));
  op.setProp("upperBoundsMap", getAffineMapAttr(getAffineMap(ranges.map.getNumDims(), ranges.map.getNumSymbols(), ubExprs)));
  op.setProp("upperBoundsGroups", groups(ubExprs.length));
  op.setOperands(ranges.operands);
}

/// `affine-loop-normalize`.
export const AffineLoopNormalize = definePass({
  argument: "affine-loop-normalize",
  name: "AffineLoopNormalize",
  summary: "Apply normalization transformations to affine loop-like ops",
  anchor: "func.func",
  options: { promoteSingleIter: opt.bool("promote-single-iter", false, "Promote single iteration loops") },
  run(fn, { options }) {
    const loops: Operation[] = [];
    walk(fn, (op) => { if (op.name === "affine.for" || op.name === "affine.parallel") loops.push(op); }, "post");
    for (const l of loops) {
      if (l.parent === null) continue;
      if (l.name === "affine.parallel") normalizeAffineParallel(l);
      else normalizeAffineFor(l, options.promoteSingleIter);
    }
  },
});
