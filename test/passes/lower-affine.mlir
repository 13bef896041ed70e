// RUN: allo-opt %s --lower-affine | FileCheck %s

// CHECK-LABEL: func.func @f
// CHECK:       %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT:  %[[C10:.*]] = arith.constant 10 : index
// CHECK-NEXT:  %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT:  scf.for %[[I:.*]] = %[[C0]] to %[[C10]] step %[[C1]] {
// CHECK-NEXT:    %[[V:.*]] = memref.load %{{.*}}[%[[I]]] : memref<100xf32>
// CHECK-NEXT:    %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT:    %[[J:.*]] = arith.addi %[[I]], %[[ONE]] : index
// CHECK-NEXT:    memref.store %[[V]], %{{.*}}[%[[J]]] : memref<100xf32>
// CHECK-NOT:   affine.
func.func @f(%m: memref<100xf32>) {
  affine.for %i = 0 to 10 {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i + 1] : memref<100xf32>
  }
  return
}
