// The linalg dialect subset: the named structured ops linalg.fill, linalg.matmul, linalg.add, and linalg.yield.
import { memEffect } from "../memref/effects.js";
import {
  AffineExprKind, AnyType, AttrKind, defineOp, getAffineDimExpr, getAffineMap, getAffineMapAttr, getArrayAttr,
  getMultiDimIdentityMap, kDynamic, operandGroups, region, registry, Trait, TypeKind, typeToText, variadic,
  type AffineExpr, type AffineMap, type AffineMapAttr, type ArrayAttr, type DialectDef, type OpDef, type Operation,
  type OpVerifyContext, type ShapedType, type Type, type TypeConstraint, type Value,
} from "@allo/ir-core";
import { elementOrSelf, memoizedIndexingMaps, namedOpSyntax, yieldSyntax, type RegionBody } from "./syntax.js";

/// Operands of `outs(...)`: shaped values.
const AnyShaped: TypeConstraint = {
  desc: "shaped of any type values",
  check: (t) => t.kind === TypeKind.MemRef || t.kind === TypeKind.UnrankedMemRef || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor || t.kind === TypeKind.Vector,
};
/// Results: ranked tensors.
const AnyRankedTensor: TypeConstraint = { desc: "ranked tensor of any type values", check: (t) => t.kind === TypeKind.Tensor };

function rankOf(t: Type): number {
  return t.kind === TypeKind.MemRef || t.kind === TypeKind.Tensor || t.kind === TypeKind.Vector ? (t as ShapedType).shape.length : 0;
}
/// The loop a map result indexes, or -1 when it is not a plain dimension.
function dimOf(e: AffineExpr): number { return e.kind === AffineExprKind.DimId ? e.value : -1; }
function q(t: Type): string { return `'${typeToText(t)}'`; }

/// The inputs and outputs of a structured op.
export function insOuts(op: Operation): { ins: Value[]; outs: Value[] } {
  const g = operandGroups(op, op.def!);
  return { ins: g[0] ?? [], outs: g[1] ?? [] };
}

/// Rank-polymorphic maps (fill, elementwise ops): scalars get `(d...) -> ()`, shaped operands the identity on the init's rank.
function polymorphicMaps(op: Operation): AffineMap[] {
  const { outs } = insOuts(op);
  const loops = outs.length ? rankOf(outs[0].type) : 0;
  return op.operandValues().map((v) => (rankOf(v.type) === 0 ? getAffineMap(loops, 0, []) : getMultiDimIdentityMap(loops)));
}

const d = getAffineDimExpr;
/// `(m, n, k) -> (m, k), (k, n), (m, n)`.
const matmulMaps: AffineMap[] = [getAffineMap(3, 0, [d(0), d(2)]), getAffineMap(3, 0, [d(2), d(1)]), getAffineMap(3, 0, [d(0), d(1)])];

/// The indexing maps of matmul, memoized on the op as MLIR does on first use.
function memoizedMatmulMaps(op: Operation): AffineMap[] {
  const cached = op.attrs.get(memoizedIndexingMaps);
  if (cached !== null && cached.kind === AttrKind.Array && (cached as ArrayAttr).elements.every((e) => e.kind === AttrKind.AffineMap)) {
    return (cached as ArrayAttr).elements.map((e) => (e as AffineMapAttr).map);
  }
  op.setAttr(memoizedIndexingMaps, getArrayAttr(matmulMaps.map(getAffineMapAttr)));
  return matmulMaps;
}

/// DestinationStyleOpInterface's verifier.
function verifyDestinationStyle(op: Operation, v: OpVerifyContext): boolean {
  const { ins, outs } = insOuts(op);
  const tensorOuts: number[] = [];
  for (let i = 0; i < outs.length; i++) {
    const t = outs[i].type;
    if (t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor) tensorOuts.push(i);
    else if (t.kind !== TypeKind.MemRef && t.kind !== TypeKind.UnrankedMemRef) return v.error(`expected that operand #${ins.length + i} is a tensor or a memref`);
  }
  if (op.results.length !== tensorOuts.length) {
    return v.error(`expected the number of tensor results (${op.results.length}) to be equal to the number of output tensors (${tensorOuts.length})`);
  }
  for (let k = 0; k < tensorOuts.length; k++) {
    const t = outs[tensorOuts[k]].type, r = op.results[k].type;
    if (t !== r) return v.error(`expected type of operand #${ins.length + tensorOuts[k]} (${q(t)}) to match type of corresponding result (${q(r)})`);
  }
  return true;
}

/// LinalgStructuredInterface's verifier: maps against ranks, static shapes against loop ranges, region arguments.
function verifyStructured(op: Operation, maps: readonly AffineMap[], v: OpVerifyContext): boolean {
  const vals = op.operandValues();
  if (maps.length !== vals.length) return v.error(`expected the number of indexing_map (${maps.length}) to be equal to the number of input/output operands (${vals.length})`);
  const loops = maps.length ? maps[vals.length - 1].numDims : 0;
  for (let i = 0; i < vals.length; i++) {
    const m = maps[i];
    if (m.numSymbols !== 0) return v.error(`unexpected symbols in indexing_map #${i}`);
    if (m.numDims !== loops) return v.error(`expected indexing_map #${i} to have ${loops} dim(s) to match the number of loops`);
    const r = rankOf(vals[i].type);
    if (m.results.length !== r) return v.error(`expected operand rank (${r}) to match the result rank of indexing_map #${i} (${m.results.length})`);
  }
  // Loop ranges come from the first operand dimension each loop indexes (the shapes-to-loops map).
  const ranges: number[] = new Array<number>(loops).fill(Number.NaN);
  for (let i = 0; i < vals.length; i++) {
    const shape = rankOf(vals[i].type) ? (vals[i].type as ShapedType).shape : [];
    maps[i].results.forEach((e, k) => {
      const pos = dimOf(e);
      if (pos >= 0 && Number.isNaN(ranges[pos])) ranges[pos] = shape[k];
    });
  }
  if (ranges.some((r) => Number.isNaN(r))) return v.error("expected the shape-to-loops map to be non-null");
  if (!ranges.some((r) => r === kDynamic)) {
    for (let i = 0; i < vals.length; i++) {
      const shape = rankOf(vals[i].type) ? (vals[i].type as ShapedType).shape : [];
      for (let k = 0; k < shape.length; k++) {
        const pos = dimOf(maps[i].results[k]);
        if (shape[k] === kDynamic || shape[k] === 0 || pos < 0) continue;
        const inferred = ranges[pos];
        if (inferred !== shape[k]) return v.error(`inferred input/output operand #${i} has shape's dimension #${k} to be ${inferred}, but found ${shape[k]}`);
      }
    }
  }
  const body = op.regions[0];
  if (op.regions.length !== 1 || body.empty || body.firstBlock !== body.lastBlock) return v.error("expects to have 1 region with 1 block");
  const args = body.entry.args;
  if (args.length !== vals.length) return v.error("expected as many non-induction variable region arguments as the number of input/output operands");
  for (let i = 0; i < vals.length; i++) {
    const want = elementOrSelf(vals[i].type);
    if (args[i].type !== want) return v.error(`expected type of bb argument #${i} (${q(args[i].type)}) to match element or self type of the corresponding operand (${q(want)})`);
  }
  return true;
}

/// A named structured op: `ins(...) outs(...) [-> results]` with a hidden region built by `body`.
function namedOp(mnemonic: string, summary: string, body: RegionBody, maps: (op: Operation) => AffineMap[], pre: (op: Operation, v: OpVerifyContext) => boolean = () => true): OpDef {
  return defineOp({
    name: `linalg.${mnemonic}`,
    summary,
    operands: [variadic("inputs", AnyType), variadic("outputs", AnyShaped)],
    results: [variadic("result_tensors", AnyRankedTensor)],
    regions: [region("region")],
    // As MLIR's LinalgOp::getEffects on buffers: inputs are read, outputs read and written.
    traits: [Trait.AttrSizedOperandSegments, Trait.MemRead, Trait.MemWrite],
    implicitTerminator: "linalg.yield",
    syntax: namedOpSyntax(body),
    verify: (op, v) => pre(op, v) && verifyDestinationStyle(op, v) && verifyStructured(op, maps(op), v),
    extra: { linalgStructured: true, effects: [memEffect("read", "inputs"), memEffect("read", "outputs"), memEffect("write", "outputs")] },
  });
}

/// FillOpInterface's verifier (MLIR reports it without the op prefix).
function verifyFill(op: Operation, v: OpVerifyContext): boolean {
  const { ins, outs } = insOuts(op);
  if (ins.length !== 1 || outs.length !== 1) return v.plainError("expected op with 1 input and 1 output");
  if (rankOf(ins[0].type) !== 0 || ins[0].type.kind === TypeKind.Tensor || ins[0].type.kind === TypeKind.MemRef) return v.plainError("expected op with scalar input");
  return true;
}

/// `linalg.fill ins(%v : f32) outs(%m : memref<4xf32>)`: the output gets the (cast) scalar.
export const LinalgFillOp = namedOp("fill", "Fills the output tensor with the given value.", "fill", polymorphicMaps, verifyFill);
/// `linalg.matmul ins(%a, %b : ...) outs(%c : ...)`: C += cast(A) * cast(B).
export const LinalgMatmulOp = namedOp("matmul", "Performs a matrix multiplication of two 2D inputs.", "matmul", memoizedMatmulMaps);
/// `linalg.add ins(%a, %b : ...) outs(%c : ...)`: elementwise lhs + rhs.
export const LinalgAddOp = namedOp("add", "Adds two tensors elementwise.", "add", polymorphicMaps);

/// `linalg.yield %v : f32`: the terminator of structured op regions.
export const LinalgYieldOp = defineOp({
  name: "linalg.yield",
  summary: "Linalg yield operation",
  operands: [variadic("values", AnyType)],
  traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
  syntax: yieldSyntax,
  verify: (op, v) => {
    const parent = op.parentOp;
    if (parent === null || parent.regions.length !== 1 || parent.regions[0].empty) return v.error("expected single non-empty parent region");
    if (parent.def === null || parent.def.extra.linalgStructured !== true) return v.error("expected parent op with LinalgOp interface");
    const { outs } = insOuts(parent);
    if (op.operands.length !== outs.length) {
      return v.error(`expected number of yield values (${op.operands.length}) to match the number of inits / outs operands of the enclosing LinalgOp (${outs.length})`);
    }
    for (let i = 0; i < outs.length; i++) {
      const want = elementOrSelf(outs[i].type), got = op.operand(i).type;
      if (got !== want) return v.error(`type of yield operand ${i + 1} (${q(got)}) doesn't match the element type of the enclosing linalg.generic op (${q(want)})`);
    }
    return true;
  },
});

/// The linalg dialect (the ops above).
export const LinalgDialect: DialectDef = { name: "linalg", ops: [LinalgFillOp, LinalgMatmulOp, LinalgAddOp, LinalgYieldOp] };
registry.register(LinalgDialect);
