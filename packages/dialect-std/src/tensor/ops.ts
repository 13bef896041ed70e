// The tensor dialect ops that scf.forall bodies use: tensor.extract_slice and tensor.parallel_insert_slice
// (mlir/include/mlir/Dialect/Tensor/IR/TensorOps.td), with MLIR's formats; the rest of the dialect is not modelled.
import {
  DenseI64ArrayAttrC, defineOp, Index, operand, prop, registry, result, Trait, TypeKind, variadic, type DialectDef,
  type TypeConstraint,
} from "@allo/ir-core";
import { verifyOffsetSizeStride } from "../memref/verify.js";

const RankedTensor: TypeConstraint = { desc: "ranked tensor of any type values", check: (t) => t.kind === TypeKind.Tensor };
const offsetSizeStride = [variadic("offsets", Index), variadic("sizes", Index), variadic("strides", Index)];
const staticLists = [prop("static_offsets", DenseI64ArrayAttrC), prop("static_sizes", DenseI64ArrayAttrC), prop("static_strides", DenseI64ArrayAttrC)];
const indexLists = "custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) " +
  "custom<DynamicIndexList>($strides, $static_strides)";

/// `%s = tensor.extract_slice %t[%i] [4] [1] : tensor<?xf32> to tensor<4xf32>`.
export const ExtractSliceOp = defineOp({
  name: "tensor.extract_slice",
  summary: "extract slice operation",
  operands: [operand("source", RankedTensor), ...offsetSizeStride],
  results: [result("result", RankedTensor)],
  props: staticLists,
  traits: [Trait.AttrSizedOperandSegments, Trait.Pure],
  format: `$source \`\` ${indexLists} attr-dict \`:\` type($source) \`to\` type($result)`,
  asmNames: (_op, set) => set(0, "extracted_slice"),
  verify: (op, v) => {
    const rank = (op.operand(0).type as unknown as { shape: readonly number[] }).shape.length;
    return verifyOffsetSizeStride(op, v, [rank, rank, rank]);
  },
});

/// `tensor.parallel_insert_slice %s into %o[%i] [4] [1] : tensor<4xf32> into tensor<?xf32>` (in scf.forall.in_parallel).
export const ParallelInsertSliceOp = defineOp({
  name: "tensor.parallel_insert_slice",
  summary: "specify the tensor slice update of a single thread of a parent ParallelCombiningOpInterface op",
  operands: [operand("source", RankedTensor), operand("dest", RankedTensor), ...offsetSizeStride],
  props: staticLists,
  traits: [Trait.AttrSizedOperandSegments],
  parents: ["scf.forall.in_parallel"],
  format: `$source \`into\` $dest \`\` ${indexLists} attr-dict \`:\` type($source) \`into\` type($dest)`,
  verify: (op, v) => {
    const rank = (op.operand(1).type as unknown as { shape: readonly number[] }).shape.length;
    return verifyOffsetSizeStride(op, v, [rank, rank, rank]);
  },
});

/// The tensor dialect (the ops above).
export const TensorDialect: DialectDef = { name: "tensor", ops: [ExtractSliceOp, ParallelInsertSliceOp] };
registry.register(TensorDialect);
