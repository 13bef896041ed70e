// RUN: allo-opt %s --loop-invariant-code-motion | FileCheck %s

// Pure ops whose operands are defined outside the loop move before it, inner loops first; side-effecting
// and non-speculatable ops (arith.divsi) stay.
// CHECK-LABEL: func.func @licm
// CHECK:         %[[S:.*]] = arith.addi %{{.*}}, %{{.*}} : i32
// CHECK-NEXT:    %[[M:.*]] = arith.muli %[[S]], %[[S]] : i32
// CHECK-NEXT:    scf.for
// CHECK-NEXT:      arith.index_cast
// CHECK-NEXT:      arith.addi %[[M]]
// CHECK-NEXT:      arith.divsi
// CHECK-NEXT:      memref.load
func.func @licm(%lb: index, %ub: index, %st: index, %a: i32, %b: i32, %m: memref<10xi32>) {
  scf.for %i = %lb to %ub step %st {
    %0 = arith.addi %a, %b : i32
    %1 = arith.muli %0, %0 : i32
    %2 = arith.index_cast %i : index to i32
    %3 = arith.addi %1, %2 : i32
    %d = arith.divsi %a, %b : i32
    %l = memref.load %m[%lb] : memref<10xi32>
    memref.store %3, %m[%i] : memref<10xi32>
    memref.store %d, %m[%i] : memref<10xi32>
    memref.store %l, %m[%i] : memref<10xi32>
  }
  return
}
