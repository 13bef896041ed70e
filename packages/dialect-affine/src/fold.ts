// Folders of the affine ops (MLIR 19's fold hooks): constant maps, loop-bound folding and canonicalization, memref.cast.
import {
  AttrKind, getAffineMapAttr, removeDuplicateExprs, getFloatAttr, getIndexAttr, getIntegerAttr, lookupSymbolFrom, TypeKind,
  type AffineMap, type Attribute, type DenseElementsAttr, type FloatType, type FoldResult, type IntegerAttr, type Operation,
  type SymbolRefAttr, type Value,
} from "@allo/ir-core";
import { forOp, ifOp, mapOf, parallelOp } from "./accessors.js";
import {
  canonicalizeMapAndOperands, canonicalizeSetAndOperands, composeAffineMapAndOperands, composeSetAndOperands,
  simplifyMinOrMaxExprWithOperands,
} from "./map-utils.js";
import { noInductionVars, PlainOperandCache, plainOperands } from "./plain-operands.js";
import { constantValueOf } from "./validity.js";

function intOf(a: Attribute | null | undefined): number | null {
  return a !== null && a !== undefined && a.kind === AttrKind.Integer ? (a as IntegerAttr).num : null;
}

/// Splits constant operand attributes into dim and symbol values for `map`.
function operandInts(map: AffineMap, operands: readonly (Attribute | null)[]): { dims: (number | null)[]; syms: (number | null)[] } {
  const ints = operands.map(intOf);
  return { dims: ints.slice(0, map.numDims), syms: ints.slice(map.numDims) };
}

/// affine.apply: a dim or symbol result folds to that operand; constant operands fold the map.
export function foldApply(op: Operation, operands: readonly (Attribute | null)[]): FoldResult {
  const map = mapOf(op);
  if (map === null || map.results.length !== 1) return null;
  const e = map.results[0];
  if (e.isDim()) return [op.operand(e.value)];
  if (e.isSymbol()) return [op.operand(map.numDims + e.value)];
  const { dims, syms } = operandInts(map, operands);
  const r = map.partialConstantFold(dims, syms);
  // MLIR 19 folds a poison result to `ub.poison`; without the ub dialect we leave the op alone.
  if (r.hasPoison || r.results === null) return null;
  return [getIndexAttr(r.results[0])];
}

/// MLIR 19's AffineMap::isSymbolIdentity (it tests dim results, as MLIR does).
function isSymbolIdentity19(m: AffineMap): boolean {
  if (m.numSymbols !== m.results.length) return false;
  for (let i = 0; i < m.numSymbols; i++) {
    const e = m.results[i];
    if (!e.isDim() || e.value !== i) return false;
  }
  return true;
}

/// affine.min / affine.max: constant results fold to the min/max; otherwise constant operands are folded into the map.
export function foldMinMax(op: Operation, operands: readonly (Attribute | null)[]): FoldResult {
  const map = mapOf(op);
  if (map === null) return null;
  const { dims, syms } = operandInts(map, operands);
  const r = map.partialConstantFold(dims, syms);
  if (r.map.numSymbols === 1 && isSymbolIdentity19(r.map)) return [op.operand(0)];
  if (r.results === null) {
    if (r.map === map) return null;
    op.setProp("map", getAffineMapAttr(r.map));
    return [op.results[0]];
  }
  if (r.results.length === 0) return null;
  const v = op.name === "affine.min" ? Math.min(...r.results) : Math.max(...r.results);
  return [getIndexAttr(v)];
}

/// `memref::foldMemRefCast`: operands produced by a memref.cast of a ranked memref use the cast's source instead.
export function foldMemRefCast(op: Operation, inner: Value | null = null): boolean {
  let folded = false;
  for (const o of op.operands) {
    const cast = o.value.definingOp;
    if (cast === null || cast.name !== "memref.cast" || o.value === inner) continue;
    const src = cast.operand(0);
    if (src.type.kind === TypeKind.UnrankedMemRef) continue;
    o.set(src);
    folded = true;
  }
  return folded;
}

/// Ops whose only fold is memref.cast folding (affine.prefetch).
export function foldMemRefCastOnly(op: Operation): FoldResult {
  return foldMemRefCast(op) ? op.results : null;
}

/// affine.dma_start / affine.dma_wait.
export function foldDmaStart(op: Operation): FoldResult {
  return foldMemRefCast(op) ? op.results : null;
}

/// affine.store.
export function foldStore(op: Operation): FoldResult {
  return foldMemRefCast(op, op.operand(0)) ? op.results : null;
}

/// affine.load: memref.cast folding, and loads from a constant memref.global.
export function foldLoad(op: Operation): FoldResult {
  if (foldMemRefCast(op)) return [op.results[0]];
  const gg = op.operand(0).definingOp;
  if (gg === null || gg.name !== "memref.get_global") return null;
  const name = gg.getAttr("name");
  if (name === null || name.kind !== AttrKind.SymbolRef) return null;
  const global = lookupSymbolFrom(gg, name as SymbolRefAttr);
  if (global === null || global.name !== "memref.global" || global.getAttr("constant") === null) return null;
  const init = global.getAttr("initial_value");
  if (init === null || init.kind !== AttrKind.DenseElements) return null;
  const d = init as DenseElementsAttr;
  const map = mapOf(op);
  let flat = 0;
  if (!d.splat) {
    if (map === null || !map.isConstant()) return null;
    const idx = map.getConstantResults();
    const shape = d.type.shape;
    for (let i = 0; i < shape.length; i++) flat = flat * shape[i] + (idx[i] ?? 0);
  }
  const v = d.at(flat);
  const et = d.type.elementType;
  if (et.kind === TypeKind.Float && typeof v === "number") return [getFloatAttr(et as FloatType, v)];
  if ((et.kind === TypeKind.Integer || et.kind === TypeKind.Index) && (typeof v === "number" || typeof v === "bigint")) return [getIntegerAttr(et, v)];
  return null;
}

// ---- affine.for ----

function foldBound(op: Operation, lower: boolean): boolean {
  const operands = lower ? forOp.lowerBoundOperands(op) : forOp.upperBoundOperands(op);
  const map = lower ? forOp.lowerBoundMap(op) : forOp.upperBoundMap(op);
  const consts = operands.map((v) => intOf(constantValueOf(v)));
  const r = map.partialConstantFold(consts.slice(0, map.numDims), consts.slice(map.numDims));
  if (r.results === null || r.results.length === 0) return false;
  const v = lower ? Math.max(...r.results) : Math.min(...r.results);
  if (lower) forOp.setConstantLowerBound(op, v);
  else forOp.setConstantUpperBound(op, v);
  return true;
}

/// MLIR's foldLoopBounds: bounds whose operands are all constants become constant maps.
export function foldLoopBounds(op: Operation): boolean {
  let folded = false;
  if (!forOp.hasConstantLowerBound(op)) folded = foldBound(op, true) || folded;
  if (!forOp.hasConstantUpperBound(op)) folded = foldBound(op, false) || folded;
  return folded;
}

/// canonicalizeLoopBounds's steps for the lower bound (the larger of its results) and the upper bound (the smaller).
const lowerBounds = new PlainOperandCache((map, operands) => {
  let out = composeAffineMapAndOperands(map, operands);
  out = canonicalizeMapAndOperands(out, operands);
  out = simplifyMinOrMaxExprWithOperands(out, operands, true);
  return { map: removeDuplicateExprs(out), cacheable: true };
});
const upperBounds = new PlainOperandCache((map, operands) => {
  let out = simplifyMinOrMaxExprWithOperands(map, operands, false);
  out = composeAffineMapAndOperands(out, operands);
  out = canonicalizeMapAndOperands(out, operands);
  return { map: removeDuplicateExprs(out), cacheable: true };
});

/// MLIR's canonicalizeLoopBounds for affine.for: composes, canonicalizes and simplifies both bound maps. (Bounds whose
/// operands are plain and no loop's induction variables are cached per map, see plain-operands.ts.)
export function canonicalizeForLoopBounds(op: Operation): boolean {
  const lbOperands = forOp.lowerBoundOperands(op);
  const ubOperands = forOp.upperBoundOperands(op);
  const prevLb = forOp.lowerBoundMap(op), prevUb = forOp.upperBoundMap(op);
  const lbMap = lowerBounds.run(prevLb, lbOperands, plainOperands(prevLb, lbOperands) && noInductionVars(lbOperands));
  const ubMap = upperBounds.run(prevUb, ubOperands, plainOperands(prevUb, ubOperands) && noInductionVars(ubOperands));
  if (lbMap === prevLb && ubMap === prevUb) return false;
  if (lbMap !== prevLb) forOp.setLowerBound(op, lbOperands, lbMap);
  if (ubMap !== prevUb) forOp.setUpperBound(op, ubOperands, ubMap);
  return true;
}

/// affine.for: folds and canonicalizes its bounds in place; a zero-trip loop with results folds to its inits.
export function foldFor(op: Operation): FoldResult {
  let folded = foldLoopBounds(op);
  folded = canonicalizeForLoopBounds(op) || folded;
  if (forOp.trivialConstantTripCount(op) === 0 && op.results.length !== 0) return forOp.inits(op);
  return folded ? op.results : null;
}

/// affine.if: composes affine.apply producers into the condition and canonicalizes it, in place.
export function foldIf(op: Operation): FoldResult {
  const set0 = ifOp.integerSet(op);
  const operands = op.operandValues();
  let set = composeSetAndOperands(set0, operands);
  set = canonicalizeSetAndOperands(set, operands);
  const old = op.operandValues();
  if (set === set0 && operands.length === old.length && operands.every((v, i) => v === old[i])) return null;
  ifOp.setConditional(op, set, operands);
  return op.results;
}

/// affine.parallel: composes affine.apply producers into both bound maps, in place.
export function foldParallel(op: Operation): FoldResult {
  const lbOps = parallelOp.lowerBoundsOperands(op), ubOps = parallelOp.upperBoundsOperands(op);
  const lb0 = parallelOp.lowerBoundsMap(op), ub0 = parallelOp.upperBoundsMap(op);
  const lbNew = lbOps.slice(), ubNew = ubOps.slice();
  const lb = composeAffineMapAndOperands(lb0, lbNew);
  const ub = composeAffineMapAndOperands(ub0, ubNew);
  const same = (a: Value[], b: Value[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  const lbChanged = !(lb === lb0 && same(lbNew, lbOps));
  const ubChanged = !(ub === ub0 && same(ubNew, ubOps));
  if (!lbChanged && !ubChanged) return null;
  const finalLbOps = lbChanged ? lbNew : lbOps;
  const finalUbOps = ubChanged ? ubNew : ubOps;
  op.setOperands([...finalLbOps, ...finalUbOps]);
  if (lbChanged) op.setProp("lowerBoundsMap", getAffineMapAttr(lb));
  if (ubChanged) op.setProp("upperBoundsMap", getAffineMapAttr(ub));
  return op.results;
}
