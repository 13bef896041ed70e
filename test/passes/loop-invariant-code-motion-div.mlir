// LICM hoists arith divisions only when they are speculatable (MLIR 19's ConditionallySpeculatable): divsi/ceildivsi
// by a constant other than 0 and -1, divui/ceildivui by a constant other than 0; floordivsi/remsi/remui are Pure. A
// memref.dim is hoisted with a constant index within the rank. conformance.test.ts compares this with mlir-opt-19.
// RUN: allo-opt %s --loop-invariant-code-motion | FileCheck %s

// CHECK-LABEL: func.func @divs(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index, %[[ARG3:.*]]: i32, %[[ARG4:.*]]: i32, %[[ARG5:.*]]: memref<8xi32>) {
// CHECK-NEXT: %[[C3_I32:.*]] = arith.constant 3 : i32
// CHECK-NEXT: %[[CM1_I32:.*]] = arith.constant -1 : i32
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.divsi %[[ARG3]], %[[C3_I32]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.divui %[[ARG3]], %[[CM1_I32]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.ceildivsi %[[ARG3]], %[[C3_I32]] : i32
// CHECK-NEXT: %[[V3:.*]] = arith.floordivsi %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: %[[V4:.*]] = arith.remsi %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: %[[V5:.*]] = arith.remui %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: scf.for %[[ARG6:.*]] = %[[ARG0]] to %[[ARG1]] step %[[ARG2]] {
// CHECK-NEXT: %[[V6:.*]] = arith.divsi %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: %[[V7:.*]] = arith.divsi %[[ARG3]], %[[CM1_I32]] : i32
// CHECK-NEXT: %[[V8:.*]] = arith.divui %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: %[[V9:.*]] = arith.ceildivui %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: %[[V10:.*]] = arith.divui %[[ARG3]], %[[C0_I32]] : i32
// CHECK-NEXT: %[[V11:.*]] = arith.addi %[[V6]], %[[V0]] : i32
// CHECK-NEXT: memref.store %[[V6]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V0]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V7]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V8]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V1]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V2]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V9]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V3]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V4]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V5]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V10]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: memref.store %[[V11]], %[[ARG5]][%[[ARG6]]] : memref<8xi32>
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @divs(%lb: index, %ub: index, %st: index, %a: i32, %b: i32, %m: memref<8xi32>) {
  %c3 = arith.constant 3 : i32
  %cm1 = arith.constant -1 : i32
  %c0 = arith.constant 0 : i32
  scf.for %i = %lb to %ub step %st {
    %0 = arith.divsi %a, %b : i32
    %1 = arith.divsi %a, %c3 : i32
    %2 = arith.divsi %a, %cm1 : i32
    %3 = arith.divui %a, %b : i32
    %4 = arith.divui %a, %cm1 : i32
    %5 = arith.ceildivsi %a, %c3 : i32
    %6 = arith.ceildivui %a, %b : i32
    %7 = arith.floordivsi %a, %b : i32
    %8 = arith.remsi %a, %b : i32
    %9 = arith.remui %a, %b : i32
    %10 = arith.divui %a, %c0 : i32
    %11 = arith.addi %0, %1 : i32
    memref.store %0, %m[%i] : memref<8xi32>
    memref.store %1, %m[%i] : memref<8xi32>
    memref.store %2, %m[%i] : memref<8xi32>
    memref.store %3, %m[%i] : memref<8xi32>
    memref.store %4, %m[%i] : memref<8xi32>
    memref.store %5, %m[%i] : memref<8xi32>
    memref.store %6, %m[%i] : memref<8xi32>
    memref.store %7, %m[%i] : memref<8xi32>
    memref.store %8, %m[%i] : memref<8xi32>
    memref.store %9, %m[%i] : memref<8xi32>
    memref.store %10, %m[%i] : memref<8xi32>
    memref.store %11, %m[%i] : memref<8xi32>
  }
  return
}

// CHECK-LABEL: func.func @dims(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index, %[[ARG3:.*]]: memref<?xf32>, %[[ARG4:.*]]: index, %[[ARG5:.*]]: memref<8xindex>) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C5:.*]] = arith.constant 5 : index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[ARG3]], %[[C0]] : memref<?xf32>
// CHECK-NEXT: scf.for %[[ARG6:.*]] = %[[ARG0]] to %[[ARG1]] step %[[ARG2]] {
// CHECK-NEXT: %[[DIM_0:.*]] = memref.dim %[[ARG3]], %[[ARG4]] : memref<?xf32>
// CHECK-NEXT: %[[DIM_1:.*]] = memref.dim %[[ARG3]], %[[C5]] : memref<?xf32>
// CHECK-NEXT: memref.store %[[DIM]], %[[ARG5]][%[[ARG6]]] : memref<8xindex>
// CHECK-NEXT: memref.store %[[DIM_0]], %[[ARG5]][%[[ARG6]]] : memref<8xindex>
// CHECK-NEXT: memref.store %[[DIM_1]], %[[ARG5]][%[[ARG6]]] : memref<8xindex>
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @dims(%lb: index, %ub: index, %st: index, %m: memref<?xf32>, %j: index, %out: memref<8xindex>) {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %lb to %ub step %st {
    %0 = memref.dim %m, %c0 : memref<?xf32>
    %1 = memref.dim %m, %j : memref<?xf32>
    %2 = memref.dim %m, %c5 : memref<?xf32>
    memref.store %0, %out[%i] : memref<8xindex>
    memref.store %1, %out[%i] : memref<8xindex>
    memref.store %2, %out[%i] : memref<8xindex>
  }
  return
}
