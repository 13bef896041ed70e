// The vector dialect ops lower-affine creates: vector.load and vector.store (mlir/include/mlir/Dialect/Vector/IR/
// VectorOps.td); the rest is not modelled.
import {
  BoolAttrC, getBoolAttr, defineOp, Index, operand, optProp, registry, result, TypeKind, variadic, type DialectDef, type MemRefType,
  type Operation, type OpVerifyContext, type Type, type TypeConstraint, type VectorType,
} from "@allo/ir-core";
import { effectTraits, memEffect } from "../memref/effects.js";
import { stridesAndOffset } from "../memref/layout.js";

const AnyVectorOfAnyRank: TypeConstraint = { desc: "vector of any type values", check: (t) => t.kind === TypeKind.Vector };
const RankedMemRefC: TypeConstraint = { desc: "memref of any type values", check: (t) => t.kind === TypeKind.MemRef };

/// MLIR's checks shared by vector.load and vector.store (`what` names the vector: "result" or "valueToStore").
function verifyAccess(op: Operation, v: OpVerifyContext, memref: MemRefType, vector: VectorType, what: string, numIndices: number): boolean {
  const strides = stridesAndOffset(memref)?.strides ?? null;
  if (memref.shape.length !== 0 && (strides === null || strides[strides.length - 1] !== 1)) return v.error("most minor memref dim must have unit stride");
  let elem: Type = memref.elementType;
  if (elem.kind === TypeKind.Vector) {
    if (elem !== vector) return v.error(`base memref and ${what} vector types should match`);
    elem = (elem as VectorType).elementType;
  }
  if (vector.elementType !== elem) return v.error(`base and ${what} element types should match`);
  if (numIndices !== memref.shape.length) return v.error(`requires ${memref.shape.length} indices`);
  return true;
}

const loadEffects = [memEffect("read", "base")];
/// `%v = vector.load %base[%i, %j] : memref<100x100xf32>, vector<8xf32>`.
export const VectorLoadOp = defineOp({
  name: "vector.load",
  summary: "reads an n-D slice of memory into an n-D vector",
  operands: [operand("base", RankedMemRefC), variadic("indices", Index)],
  results: [result("result", AnyVectorOfAnyRank)],
  props: [optProp("nontemporal", BoolAttrC, getBoolAttr(false))],
  traits: effectTraits(loadEffects),
  format: "$base `[` $indices `]` attr-dict `:` type($base) `,` type($result)",
  verify: (op, v) => verifyAccess(op, v, op.operand(0).type as MemRefType, op.results[0].type as VectorType, "result", op.operands.length - 1),
  extra: { effects: loadEffects },
});

const storeEffects = [memEffect("write", "base")];
/// `vector.store %v, %base[%i, %j] : memref<100x100xf32>, vector<8xf32>`.
export const VectorStoreOp = defineOp({
  name: "vector.store",
  summary: "writes an n-D vector to an n-D slice of memory",
  operands: [operand("valueToStore", AnyVectorOfAnyRank), operand("base", RankedMemRefC), variadic("indices", Index)],
  props: [optProp("nontemporal", BoolAttrC, getBoolAttr(false))],
  traits: effectTraits(storeEffects),
  format: "$valueToStore `,` $base `[` $indices `]` attr-dict `:` type($base) `,` type($valueToStore)",
  verify: (op, v) => verifyAccess(op, v, op.operand(1).type as MemRefType, op.operand(0).type as VectorType, "valueToStore", op.operands.length - 2),
  extra: { effects: storeEffects },
});

/// The vector dialect (the two ops above).
export const VectorDialect: DialectDef = { name: "vector", ops: [VectorLoadOp, VectorStoreOp] };
registry.register(VectorDialect);
