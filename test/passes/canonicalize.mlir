// RUN: allo-opt %s --canonicalize | FileCheck %s
// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(canonicalize{max-iterations=1}))' | FileCheck %s --check-prefix=ONE

// Constants are uniqued and hoisted to the start of the function body, dead ops are removed, folds to
// existing values replace uses.
// CHECK-LABEL: func.func @hoist
// CHECK-SAME:    (%[[M:.*]]: memref<10xi32>, %[[X:.*]]: i32)
// CHECK-NEXT:    %[[C5:.*]] = arith.constant 5 : i32
// CHECK-NEXT:    %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT:    %[[C10:.*]] = arith.constant 10 : index
// CHECK-NEXT:    %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT:    scf.for %[[I:.*]] = %[[C0]] to %[[C10]] step %[[C1]] {
// CHECK-NEXT:      memref.store %[[C5]], %[[M]][%[[I]]] : memref<10xi32>
// CHECK-NEXT:      memref.store %[[X]], %[[M]][%[[I]]] : memref<10xi32>
// CHECK-NEXT:    }
// CHECK-NEXT:    return
// ONE-LABEL: func.func @hoist
// ONE-NEXT:    arith.constant 5 : i32
func.func @hoist(%m: memref<10xi32>, %x: i32) {
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  %c1 = arith.constant 1 : index
  scf.for %j = %c0 to %c10 step %c1 {
    %c = arith.constant 5 : i32
    %z = arith.constant 0 : i32
    %d = arith.constant 5 : i32
    %unused = arith.muli %x, %d : i32
    %y = arith.addi %x, %z : i32
    memref.store %c, %m[%j] : memref<10xi32>
    memref.store %y, %m[%j] : memref<10xi32>
  }
  return
}

// ComposeCollapseOfExpandOp leaves a collapse_shape whose single expand_shape would have two dynamic sizes in one
// group: MLIR 19's ExpandShapeOp builder cannot infer them (mlir-opt-19 aborts on this input).
// CHECK-LABEL: func.func @coe_two_dynamic
// CHECK-SAME:    (%[[M:.*]]: memref<?xf32>, %[[N:.*]]: index, %[[K:.*]]: index)
// CHECK-NEXT:    %[[E:.*]] = memref.expand_shape %[[M]] {{\[\[}}0, 1, 2]] output_shape [%[[N]], %[[K]], 4]
// CHECK-NEXT:    %[[C:.*]] = memref.collapse_shape %[[E]] {{\[\[}}0], [1, 2]]
// CHECK-NEXT:    return %[[C]]
func.func @coe_two_dynamic(%m: memref<?xf32>, %n: index, %k: index) -> memref<?x?xf32> {
  %e = memref.expand_shape %m [[0, 1, 2]] output_shape [%n, %k, 4] : memref<?xf32> into memref<?x?x4xf32>
  %c = memref.collapse_shape %e [[0], [1, 2]] : memref<?x?x4xf32> into memref<?x?xf32>
  return %c : memref<?x?xf32>
}
