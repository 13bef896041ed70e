// Typed reads and writes of affine ops: maps, operand groups, bounds, steps (MLIR's generated accessors).
import {
  AttrKind, getAffineMap, getAffineMapAttr, getAffineConstantExpr, getDenseI32ArrayAttr, getIndexAttr, getIntegerSetAttr,
  type AffineMap, type AffineMapAttr, type ArrayAttr, type Block, type BlockArgument, type DenseArrayAttr,
  type DenseElementsAttr, type IntegerAttr, type IntegerSet, type IntegerSetAttr, type Operation, type Value,
} from "@allo/ir-core";

/// The affine map held by attribute (property or discardable) `name` of `op`; null if absent.
export function mapOf(op: Operation, name = "map"): AffineMap | null {
  const a = op.getAttr(name);
  return a !== null && a.kind === AttrKind.AffineMap ? (a as AffineMapAttr).map : null;
}

function segments(op: Operation): readonly number[] | null {
  const a = op.props.get("operandSegmentSizes");
  return a !== null && a.kind === AttrKind.DenseArray ? (a as DenseArrayAttr).values : null;
}

/// Accessors of `affine.for`.
export const forOp = {
  lowerBoundMap: (op: Operation): AffineMap => mapOf(op, "lowerBoundMap")!,
  upperBoundMap: (op: Operation): AffineMap => mapOf(op, "upperBoundMap")!,
  /// The step (1 when absent).
  step(op: Operation): number {
    const a = op.props.get("step");
    return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr).num : 1;
  },
  /// The [lower, upper, inits] operand counts.
  segmentSizes(op: Operation): [number, number, number] {
    const s = segments(op);
    if (s !== null && s.length === 3) return [s[0], s[1], s[2]];
    const lb = mapOf(op, "lowerBoundMap")?.getNumInputs() ?? 0;
    const ub = mapOf(op, "upperBoundMap")?.getNumInputs() ?? 0;
    return [lb, ub, op.operands.length - lb - ub];
  },
  lowerBoundOperands(op: Operation): Value[] { const [l] = forOp.segmentSizes(op); return op.operandValues().slice(0, l); },
  upperBoundOperands(op: Operation): Value[] { const [l, u] = forOp.segmentSizes(op); return op.operandValues().slice(l, l + u); },
  inits(op: Operation): Value[] { const [l, u] = forOp.segmentSizes(op); return op.operandValues().slice(l + u); },
  body: (op: Operation): Block => op.regions[0].entry,
  inductionVar: (op: Operation): BlockArgument => op.regions[0].entry.args[0],
  regionIterArgs: (op: Operation): BlockArgument[] => op.regions[0].entry.args.slice(1),
  hasConstantLowerBound: (op: Operation): boolean => forOp.lowerBoundMap(op).isSingleConstant(),
  hasConstantUpperBound: (op: Operation): boolean => forOp.upperBoundMap(op).isSingleConstant(),
  constantLowerBound: (op: Operation): number => forOp.lowerBoundMap(op).getSingleConstantResult(),
  constantUpperBound: (op: Operation): number => forOp.upperBoundMap(op).getSingleConstantResult(),
  /// Replaces the lower bound map and its operands.
  setLowerBound(op: Operation, operands: readonly Value[], map: AffineMap): void {
    const [, u, n] = forOp.segmentSizes(op);
    op.setOperands([...operands, ...forOp.upperBoundOperands(op), ...forOp.inits(op)]);
    op.setProp("lowerBoundMap", getAffineMapAttr(map));
    op.setProp("operandSegmentSizes", getDenseI32ArrayAttr([operands.length, u, n]));
  },
  /// Replaces the upper bound map and its operands.
  setUpperBound(op: Operation, operands: readonly Value[], map: AffineMap): void {
    const [l, , n] = forOp.segmentSizes(op);
    op.setOperands([...forOp.lowerBoundOperands(op), ...operands, ...forOp.inits(op)]);
    op.setProp("upperBoundMap", getAffineMapAttr(map));
    op.setProp("operandSegmentSizes", getDenseI32ArrayAttr([l, operands.length, n]));
  },
  setConstantLowerBound(op: Operation, v: number): void { forOp.setLowerBound(op, [], getAffineMap(0, 0, [getAffineConstantExpr(v)])); },
  setConstantUpperBound(op: Operation, v: number): void { forOp.setUpperBound(op, [], getAffineMap(0, 0, [getAffineConstantExpr(v)])); },
  setStep(op: Operation, step: number): void { op.setProp("step", getIndexAttr(step)); },
  /// The trip count when both bounds are constants (MLIR's getTrivialConstantTripCount); null otherwise.
  trivialConstantTripCount(op: Operation): number | null {
    const step = forOp.step(op);
    if (!forOp.hasConstantLowerBound(op) || !forOp.hasConstantUpperBound(op) || step <= 0) return null;
    const lb = forOp.constantLowerBound(op), ub = forOp.constantUpperBound(op);
    return ub - lb <= 0 ? 0 : Math.floor((ub - lb + step - 1) / step);
  },
};

/// The affine.for whose induction variable is `v`, or null (MLIR's getForInductionVarOwner).
export function getForInductionVarOwner(v: Value): Operation | null {
  const owner = (v as BlockArgument).owner as Block | undefined;
  if (v.definingOp !== null || owner === undefined || owner === null) return null;
  const op = owner.parentOp;
  if (op === null || op.name !== "affine.for") return null;
  return owner.args[0] === v && owner.isEntryBlock ? op : null;
}

/// Accessors of `affine.if`.
export const ifOp = {
  integerSet(op: Operation): IntegerSet {
    const a = op.getAttr("condition");
    return (a as IntegerSetAttr).set;
  },
  setConditional(op: Operation, set: IntegerSet, operands: readonly Value[]): void {
    op.setAttr("condition", getIntegerSetAttr(set));
    op.setOperands(operands);
  },
  thenBlock: (op: Operation): Block => op.regions[0].entry,
  hasElse: (op: Operation): boolean => !op.regions[1].empty,
  elseBlock: (op: Operation): Block => op.regions[1].entry,
};

/// Accessors of ops indexing a memref through a map (`affine.load`, `affine.store`, vector forms, `affine.prefetch`).
export const accessOp = {
  /// Operand index of the memref.
  memrefIndex: (op: Operation): number => (op.name === "affine.store" || op.name === "affine.vector_store" ? 1 : 0),
  memref: (op: Operation): Value => op.operand(accessOp.memrefIndex(op)),
  map: (op: Operation): AffineMap => mapOf(op)!,
  mapOperands: (op: Operation): Value[] => op.operandValues().slice(accessOp.memrefIndex(op) + 1),
  /// Replaces the map and its operands.
  setMap(op: Operation, map: AffineMap, operands: readonly Value[]): void {
    const head = op.operandValues().slice(0, accessOp.memrefIndex(op) + 1);
    op.setOperands([...head, ...operands]);
    op.setProp("map", getAffineMapAttr(map));
  },
};

/// Accessors of `affine.parallel`.
export const parallelOp = {
  lowerBoundsMap: (op: Operation): AffineMap => mapOf(op, "lowerBoundsMap")!,
  upperBoundsMap: (op: Operation): AffineMap => mapOf(op, "upperBoundsMap")!,
  lowerBoundsGroups: (op: Operation): number[] => groupValues(op, "lowerBoundsGroups"),
  upperBoundsGroups: (op: Operation): number[] => groupValues(op, "upperBoundsGroups"),
  steps(op: Operation): number[] {
    const a = op.props.get("steps");
    if (a === null || a.kind !== AttrKind.Array) return [];
    return (a as ArrayAttr).elements.map((x) => (x as IntegerAttr).num);
  },
  /// The reduction kinds (AtomicRMWKind numbers).
  reductions(op: Operation): number[] {
    const a = op.props.get("reductions");
    if (a === null || a.kind !== AttrKind.Array) return [];
    return (a as ArrayAttr).elements.map((x) => (x.kind === AttrKind.Integer ? (x as IntegerAttr).num : -1));
  },
  lowerBoundsOperands: (op: Operation): Value[] => op.operandValues().slice(0, parallelOp.lowerBoundsMap(op).getNumInputs()),
  upperBoundsOperands: (op: Operation): Value[] => op.operandValues().slice(parallelOp.lowerBoundsMap(op).getNumInputs()),
  ivs: (op: Operation): BlockArgument[] => op.regions[0].entry.args.slice(),
};

function groupValues(op: Operation, name: string): number[] {
  const a = op.props.get(name);
  if (a === null || a.kind !== AttrKind.DenseElements) return [];
  const d = a as DenseElementsAttr;
  const n = d.type.shape.length === 1 ? d.type.shape[0] : d.type.numElements;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Number(d.at(i)));
  return out;
}

/// Names of arith's AtomicRMWKind, by value (the reductions of affine.parallel).
export const atomicRMWKinds: readonly string[] = [
  "addf", "addi", "assign", "maximumf", "maxs", "maxu", "minimumf", "mins", "minu", "mulf", "muli", "ori", "andi", "maxnumf", "minnumf",
];
