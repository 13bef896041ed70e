// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(cse))' | FileCheck %s
// RUN: allo-opt %s --cse | FileCheck %s

// CHECK-LABEL: func.func @simple
// CHECK-SAME:    (%[[A:.*]]: i32, %[[B:.*]]: i32)
// CHECK-NEXT:    %[[S:.*]] = arith.addi %[[A]], %[[B]] : i32
// CHECK-NEXT:    %[[M:.*]] = arith.muli %[[S]], %[[S]] : i32
// CHECK-NEXT:    return %[[M]] : i32
func.func @simple(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %b, %a : i32
  %dead = arith.subi %a, %b : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}

// Ops in a nested region reuse dominating values; reads are merged only without a write in between.
// CHECK-LABEL: func.func @regions
// CHECK:         %[[S:.*]] = arith.addi
// CHECK:         scf.if
// CHECK-NEXT:      %[[T:.*]] = arith.muli %[[S]], %[[S]] : i32
// CHECK-NEXT:      scf.yield %[[T]]
// CHECK:         %[[L:.*]] = memref.load
// CHECK-NEXT:    memref.store
// CHECK-NEXT:    %[[L2:.*]] = memref.load
// CHECK-NEXT:    arith.addi %[[L]], %[[L]]
func.func @regions(%a: i32, %b: i32, %c: i1, %m: memref<4xi32>, %i: index) -> (i32, i32) {
  %0 = arith.addi %a, %b : i32
  %1 = scf.if %c -> (i32) {
    %2 = arith.addi %a, %b : i32
    %3 = arith.muli %2, %2 : i32
    scf.yield %3 : i32
  } else {
    scf.yield %0 : i32
  }
  %l1 = memref.load %m[%i] : memref<4xi32>
  %l2 = memref.load %m[%i] : memref<4xi32>
  memref.store %a, %m[%i] : memref<4xi32>
  %l3 = memref.load %m[%i] : memref<4xi32>
  %s = arith.addi %l1, %l2 : i32
  %t = arith.addi %s, %l3 : i32
  return %t, %1 : i32, i32
}
