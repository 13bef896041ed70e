// --mlir-print-unique-ssa-ids: value numbers, entry-block argument numbers and name-conflict suffixes run on across all
// regions, as in generic form, instead of restarting in each region from its parent's counters. Regions are numbered
// last in first out (the last function first); names such as %c0 still come from the ops.
// print-unique-ssa-ids-mlir-opt.mlir compares with mlir-opt-19.
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-unique-ssa-ids | FileCheck %s
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-value-users | FileCheck %s --check-prefix=USERS
// RUN: allo-opt %s --allow-unregistered-dialect | FileCheck %s --check-prefix=OFF

// CHECK-LABEL: func.func @first(%arg5: memref<8xf32>, %arg6: index) -> f32 {
// CHECK:         %8 = scf.for %arg8 = %c0 to %arg6 step %c1 iter_args(%arg9 = %cst) -> (f32) {
// CHECK-NEXT:      %c0_1 = arith.constant 0 : index
// CHECK-NEXT:      %10 = memref.load %arg5[%arg8] : memref<8xf32>
// CHECK:         scf.for %arg7 = %c0 to %arg6 step %c1 {
// CHECK-NEXT:      %c0_0 = arith.constant 0 : index
// CHECK-NEXT:      %9 = memref.load %arg5[%arg7] : memref<8xf32>
// CHECK-LABEL: func.func @second(%arg3: i32, %arg4: i1) -> i32 {
// CHECK-NEXT:    %2 = arith.addi %arg3, %arg3 : i32
// CHECK-NEXT:    %3 = scf.if %arg4 -> (i32) {
// CHECK-NEXT:      %7 = arith.muli %2, %2 : i32
// CHECK:         } else {
// CHECK-NEXT:      %6 = arith.subi %2, %arg3 : i32
// CHECK:       ^bb1(%4: i32):  // pred: ^bb0
// CHECK-NEXT:    %5:2 = "test.two"(%4) : (i32) -> (i32, i32)
// CHECK:       "foo.region"() ({
// CHECK-NEXT:  ^bb0(%arg0: i32, %arg1: i32):
// CHECK-NEXT:    %0 = "foo.op"(%arg0, %arg1) : (i32, i32) -> i32
// CHECK-NEXT:    "foo.region"(%0) ({
// CHECK-NEXT:    ^bb0(%arg2: i32):
// CHECK-NEXT:      %1 = "foo.op"(%arg2, %0) : (i32, i32) -> i32

// With --mlir-print-value-users the module and the functions take the first numbers.
// USERS-LABEL: func.func @first(%arg5: memref<8xf32>, %arg6: index) -> f32 {
// USERS:         %c0 = arith.constant 0 : index // users: %18, %17
// USERS:         scf.yield %24 : f32 // id: %25
// USERS-LABEL: func.func @second(%arg3: i32, %arg4: i1) -> i32 {
// USERS:         %7 = arith.addi %arg3, %arg3 : i32 // users: %13, %15
// USERS:         %4 = "foo.op"(%arg0, %arg1) : (i32, i32) -> i32 // users: %5, %6

// Without the flag each region starts from its parent's counters.
// OFF-LABEL: func.func @first(%arg0: memref<8xf32>, %arg1: index) -> f32 {
// OFF:         %0 = scf.for %arg2 = %c0 to %arg1 step %c1 iter_args(%arg3 = %cst) -> (f32) {
// OFF-NEXT:      %c0_0 = arith.constant 0 : index
// OFF:         scf.for %arg2 = %c0 to %arg1 step %c1 {
// OFF-NEXT:      %c0_0 = arith.constant 0 : index

func.func @first(%m: memref<8xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (f32) {
    %c0_in = arith.constant 0 : index
    %v = memref.load %m[%i] : memref<8xf32>
    %s = arith.addf %acc, %v : f32
    scf.yield %s : f32
  }
  scf.for %j = %c0 to %n step %c1 {
    %c0_again = arith.constant 0 : index
    %w = memref.load %m[%j] : memref<8xf32>
    memref.store %w, %m[%c0_again] : memref<8xf32>
  }
  return %r : f32
}

func.func @second(%a: i32, %b: i1) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = scf.if %b -> i32 {
    %2 = arith.muli %0, %0 : i32
    scf.yield %2 : i32
  } else {
    %3 = arith.subi %0, %a : i32
    scf.yield %3 : i32
  }
  cf.br ^bb1(%1 : i32)
^bb1(%x: i32):
  %4:2 = "test.two"(%x) : (i32) -> (i32, i32)
  return %4#1 : i32
}

"foo.region"() ({
^bb0(%u: i32, %v: i32):
  %z = "foo.op"(%u, %v) : (i32, i32) -> i32
  "foo.region"(%z) ({
  ^bb0(%w: i32):
    %y = "foo.op"(%w, %z) : (i32, i32) -> i32
  }) : (i32) -> ()
}) : () -> ()
