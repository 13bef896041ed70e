// Canonicalization patterns of memref.collapse_shape and memref.expand_shape (MLIR 19's MemRefOps.cpp with the
// reshape patterns of mlir/include/mlir/Dialect/Utils/ReshapeOpsUtils.h).
import {
  Builtin, createOrFold, getArrayAttr, getDenseI64ArrayAttr, getI64Attr, getIndexAttr, getMemRefType, kDynamic, Operation, pattern,
  type Attribute, type Location, type MemRefType, type PatternRewriter, type RewritePattern, type Value,
} from "@allo/ir-core";
import { ArithConstantOp, DivUIOp } from "../arith/ops.js";
import { createCast } from "./canonicalize.js";
import { canFoldIntoConsumer } from "./fold.js";
import { satMul, stridedType } from "./layout.js";
import { dispatchMixed, mixedValues, type Ofr } from "./mixed.js";
import { DimOp } from "./ops.js";
import { collapsedLayout, reassociation } from "./verify.js";

/// MLIR's composeReassociationIndices: the groups of two reshapes of one kind as one reshape, or null.
function composeReassociation(a: readonly number[][], b: readonly number[][]): number[][] | null {
  if (a.length === b.length) return null;
  const [producer, consumer] = a.length > b.length ? [a, b] : [b, a];
  if (consumer.length === 0) return [];
  if (consumer.reduce((n, g) => n + g.length, 0) !== producer.length) return null;
  return consumer.map((g) => g.flatMap((i) => producer[i]));
}

/// MLIR 19's getReassociationIndicesForCollapse: the groups collapsing `source` into `target` (greedily, trailing
/// unit or dynamic dims joining the last group), or null.
function reassociationForCollapse(source: readonly number[], target: readonly number[]): number[][] | null {
  if (source.length <= target.length) return null;
  const groups: number[][] = [];
  let current: number[] = [], product = 1, s = 0;
  while (s < source.length && groups.length < target.length) {
    const t = target[groups.length];
    while (s < source.length && source[s] !== kDynamic && product * source[s] < t) {
      product *= source[s];
      current.push(s++);
    }
    // MLIR reads past the shape here; no pair of shapes a verified reshape gives gets this far.
    if (s === source.length) return null;
    const d = source[s];
    if (d === kDynamic && (t !== kDynamic || product !== 1)) return null;
    if (t === kDynamic && d !== kDynamic) return null;
    if (d !== kDynamic && product * d !== t) return null;
    current.push(s++);
    groups.push(current);
    current = [];
    product = 1;
  }
  if (groups.length !== target.length) return null;
  for (; s < source.length; s++) {
    if (source[s] !== kDynamic && source[s] !== 1) return null;
    if (groups.length !== 0) groups[groups.length - 1].push(s);
  }
  return groups;
}

/// ComposeExpandOfCollapseOp's findCollapsingReassociation: for each pair of groups (of one intermediate dim), the
/// groups collapsing the `source` dims of the first into the `result` dims of the second, or null. As in MLIR 19, a
/// pair of groups of equal size never composes (it goes on to a collapse of equal ranks, which fails).
function findCollapsingReassociation(sourceGroups: readonly number[][], resultGroups: readonly number[][], source: readonly number[], result: readonly number[]): number[][] | null {
  if (sourceGroups.length === 0) return reassociationForCollapse(source, result);
  const composed: number[][] = [];
  for (let i = 0; i < Math.min(sourceGroups.length, resultGroups.length); i++) {
    const sg = sourceGroups[i], rg = resultGroups[i];
    const sub = reassociationForCollapse(source.slice(sg[0], sg[0] + sg.length), result.slice(rg[0], rg[0] + rg.length));
    if (sub === null) return null;
    for (const g of sub) composed.push(g.map((k) => sg[0] + k));
  }
  return composed;
}

function reassociationAttr(groups: readonly number[][]): Attribute {
  return getArrayAttr(groups.map((g) => getArrayAttr(g.map(getI64Attr))));
}

/// collapse(collapse(x)) and expand(expand(x)) of identity layouts -> one reshape (ComposeReassociativeReshapeOps).
const composeReassociativeReshapeOps = (root: string): RewritePattern => pattern({
  name: "ComposeReassociativeReshapeOps", root,
  matchAndRewrite(op, rw) {
    const inner = op.operand(0).definingOp;
    if (inner?.name !== root) return false;
    const layouts = [inner.operand(0).type, op.operand(0).type, op.results[0].type] as MemRefType[];
    if (layouts.some((t) => t.layout !== null)) return false;
    const groups = composeReassociation(reassociation(op), reassociation(inner));
    if (groups === null) return false;
    const props: Record<string, Attribute> = { reassociation: reassociationAttr(groups) };
    let operands: Value[] = [inner.operand(0)];
    if (root === "memref.expand_shape") {
      props.static_output_shape = op.props.get("static_output_shape")!;
      operands = [inner.operand(0), ...op.operandValues().slice(1)];
    }
    rw.replaceOpWithNew(op, (b) => b.create(op.def!, { operands, resultTypes: [op.results[0].type], props, loc: op.loc }));
    return true;
  },
});

/// True if the output shape of expanding into `type` by `groups` can be inferred: no group has two dynamic dims.
function canInferOutputShape(type: MemRefType, groups: readonly number[][]): boolean {
  return groups.every((g) => g.filter((d) => type.shape[d] === kDynamic).length < 2);
}

function indexConstant(rw: PatternRewriter, v: number, loc: Location): Value {
  return rw.create(ArithConstantOp, { resultTypes: [Builtin.index], props: { value: getIndexAttr(v) }, loc }).results[0];
}

/// The output shape MLIR 19's ExpandShapeOp builder infers for expanding `src` into `type` by `groups`
/// (memref::getMixedSizes, then inferExpandShapeOutputShape): each dynamic dim is the source size (a `memref.dim`)
/// divided (`arith.divui`) by the static sizes of its group. Builds its ops at `rw`; `canInferOutputShape` must hold.
function inferOutputShape(rw: PatternRewriter, src: Value, type: MemRefType, groups: readonly number[][], loc: Location): Ofr[] {
  const srcShape = (src.type as MemRefType).shape;
  const sizes = srcShape.map((d, i): Ofr => {
    if (d !== kDynamic) return d;
    const dim = new Operation({ name: DimOp.name, def: DimOp, operands: [src, indexConstant(rw, i, loc)], resultTypes: [Builtin.index], loc });
    return createOrFold(rw, dim)[0];
  });
  if (sizes.length === 0) return type.shape.map(() => 1);
  const out: Ofr[] = type.shape.slice();
  if (type.hasStaticShape) return out;
  groups.forEach((g, i) => {
    const dyn = g.find((d) => type.shape[d] === kDynamic);
    if (dyn === undefined) return;
    const product = g.reduce((n, d) => (d === dyn ? n : n * type.shape[d]), 1);
    const div = new Operation({ name: DivUIOp.name, def: DivUIOp, operands: [sizes[i] as Value, indexConstant(rw, product, loc)], resultTypes: [Builtin.index], loc });
    out[dyn] = createOrFold(rw, div)[0];
  });
  return out;
}

/// The reshape `inner` (named `innerName`) that `op`, another reshape, applies to, with the types of `inner`'s source
/// and `op`'s result, when every type involved has the identity layout and the two types differ; else null.
function reshapeOfReshape(op: Operation, innerName: string): { inner: Operation; src: MemRefType; res: MemRefType } | null {
  const inner = op.operand(0).definingOp;
  if (inner?.name !== innerName) return null;
  const src = inner.operand(0).type as MemRefType, res = op.results[0].type as MemRefType;
  if ([op.operand(0).type, src, res].some((t) => (t as MemRefType).layout !== null) || src === res) return null;
  return { inner, src, res };
}

/// collapse_shape(expand_shape(x)) of identity layouts whose groups line up -> one reshape of x: a collapse_shape, an
/// expand_shape (its dynamic sizes inferred from x as MLIR 19's builder does; refused where that builder cannot infer
/// them, on which mlir-opt-19 aborts), or a cast for equal ranks (ComposeCollapseOfExpandOp).
const composeCollapseOfExpandOp = pattern({
  name: "ComposeCollapseOfExpandOp", root: "memref.collapse_shape",
  matchAndRewrite(op, rw) {
    const pair = reshapeOfReshape(op, "memref.expand_shape");
    if (pair === null) return false;
    const { inner: expand, src, res } = pair;
    const collapsing = src.shape.length > res.shape.length;
    const higher = collapsing ? reassociation(expand) : reassociation(op), lower = collapsing ? reassociation(op) : reassociation(expand);
    const composed: number[][] = [];
    let h = 0;
    for (const l of lower) {
      const group: number[] = [];
      while (h < higher.length) {
        const right = higher[h][higher[h].length - 1];
        if (right > l[l.length - 1]) return false;
        group.push(h++);
        if (right === l[l.length - 1]) break;
      }
      composed.push(group);
    }
    let n: Value;
    if (collapsing) {
      n = rw.create(op.def!, { operands: [expand.operand(0)], resultTypes: [res], props: { reassociation: reassociationAttr(composed) }, loc: op.loc }).results[0];
    } else if (src.shape.length < res.shape.length) {
      if (!canInferOutputShape(res, composed)) return false;
      const shape = dispatchMixed(inferOutputShape(rw, expand.operand(0), res, composed, op.loc));
      n = rw.create(expand.def!, {
        operands: [expand.operand(0), ...shape.dynamics], resultTypes: [res], loc: op.loc,
        props: { reassociation: reassociationAttr(composed), static_output_shape: getDenseI64ArrayAttr(shape.statics) },
      }).results[0];
    } else n = createCast(rw, expand.operand(0), res, op.loc);
    rw.replaceOp(op, [n]);
    return true;
  },
});

/// expand_shape(collapse_shape(x)) of identity layouts -> one collapse_shape or expand_shape of x, when each
/// intermediate dim's source dims collapse into its result dims or the other way round (ComposeExpandOfCollapseOp).
/// An expand_shape keeps the original output shape.
const composeExpandOfCollapseOp = pattern({
  name: "ComposeExpandOfCollapseOp", root: "memref.expand_shape",
  matchAndRewrite(op, rw) {
    const pair = reshapeOfReshape(op, "memref.collapse_shape");
    if (pair === null) return false;
    const { inner: collapse, src, res } = pair;
    const srcGroups = reassociation(collapse), resGroups = reassociation(op);
    if (src.shape.length > res.shape.length) {
      const groups = findCollapsingReassociation(srcGroups, resGroups, src.shape, res.shape);
      if (groups === null) return false;
      rw.replaceOpWithNew(op, (b) => b.create(collapse.def!, {
        operands: [collapse.operand(0)], resultTypes: [res], props: { reassociation: reassociationAttr(groups) }, loc: op.loc,
      }));
      return true;
    }
    const groups = findCollapsingReassociation(resGroups, srcGroups, res.shape, src.shape);
    if (groups === null) return false;
    const shape = dispatchMixed(mixedValues(op, 1, "static_output_shape"));
    rw.replaceOpWithNew(op, (b) => b.create(op.def!, {
      operands: [collapse.operand(0), ...shape.dynamics], resultTypes: [res], loc: op.loc,
      props: { reassociation: reassociationAttr(groups), static_output_shape: getDenseI64ArrayAttr(shape.statics) },
    }));
    return true;
  },
});

/// MLIR's CollapseShapeOp::computeCollapsedType.
function collapsedType(src: MemRefType, groups: readonly number[][]): MemRefType {
  const shape = groups.map((g) => g.reduce((n, d) => satMul(n, src.shape[d]), 1));
  if (src.layout === null) return getMemRefType(shape, src.elementType, null, src.memorySpace);
  const l = collapsedLayout(src, groups)!;
  return stridedType(src, shape, l.strides, l.offset);
}

/// collapse_shape(cast(x)) -> collapse_shape(x), cast back when the collapsed type changes
/// (CollapseShapeOpMemRefCastFolder).
const collapseShapeOpMemRefCastFolder = pattern({
  name: "CollapseShapeOpMemRefCastFolder", root: "memref.collapse_shape",
  matchAndRewrite(op, rw) {
    const cast = op.operand(0).definingOp;
    if (cast?.name !== "memref.cast" || !canFoldIntoConsumer(cast)) return false;
    const src = cast.operand(0);
    const type = collapsedType(src.type as MemRefType, reassociation(op));
    if (type === op.results[0].type) {
      rw.modifyOpInPlace(op, () => op.operands[0].set(src));
      return true;
    }
    const n = rw.create(op.def!, { operands: [src], resultTypes: [type], props: { reassociation: op.props.get("reassociation") }, loc: op.loc });
    rw.replaceOp(op, [createCast(rw, n.results[0], op.results[0].type as MemRefType, op.loc)]);
    return true;
  },
});

/// The patterns of the memref reshape ops, by op name in MLIR's order.
export const memrefReshapePatterns: readonly (readonly [string, readonly RewritePattern[]])[] = [
  ["memref.collapse_shape", [composeReassociativeReshapeOps("memref.collapse_shape"), composeCollapseOfExpandOp, collapseShapeOpMemRefCastFolder]],
  ["memref.expand_shape", [composeReassociativeReshapeOps("memref.expand_shape"), composeExpandOfCollapseOp]],
];
