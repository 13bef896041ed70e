// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate,df-specialize)' | FileCheck %s

// Instance 0 keeps the `then` branch, instance 1 the `else` branch (through an arith chain that must fold).
// CHECK-LABEL: df.kernel @k_0
// CHECK-NOT: df.meta_if
// CHECK: %[[TEN:.*]] = arith.constant 10 : i32
// CHECK-NEXT: memref.store %[[TEN]], %{{.*}}[%{{.*}}] : memref<2xi32>
// CHECK-NOT: arith.constant 20 : i32
// CHECK-LABEL: df.kernel @k_1
// CHECK-NOT: df.meta_if
// CHECK: arith.constant 20 : i32
// CHECK-NOT: arith.constant 10 : i32
df.region @top(%A: memref<2xi32>) {
  df.kernel @k mapping [2] args(%A) : memref<2xi32> {
  ^bb0(%a: memref<2xi32>):
    %i = df.get_pid : index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %s = arith.addi %i, %c1 : index
    %first = arith.cmpi eq, %s, %c1 : index
    df.meta_if %first {
      %v = arith.constant 10 : i32
      memref.store %v, %a[%i] : memref<2xi32>
    } else {
      %v = arith.constant 20 : i32
      memref.store %v, %a[%i] : memref<2xi32>
    }
  }
}
