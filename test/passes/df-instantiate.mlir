// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate)' | FileCheck %s

// Each instance of a 2x2 grid becomes its own kernel with constant pids and its grid position recorded.
// CHECK-LABEL: df.region @grid
// CHECK: df.kernel @k_0_0 mapping [1] args(%{{.*}}) : memref<2x2xi32> attributes {df.mesh = array<i64: 2, 2>, df.pid = array<i64: 0, 0>}
// CHECK-NEXT: ^bb0(%[[A:.*]]: memref<2x2xi32>):
// CHECK-NEXT: %[[I:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[J:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[V:.*]] = arith.index_cast %[[I]] : index to i32
// CHECK-NEXT: memref.store %[[V]], %[[A]][%[[I]], %[[J]]]
// CHECK: df.kernel @k_0_1 mapping [1]
// CHECK: arith.constant 1 : index
// CHECK: df.kernel @k_1_0 mapping [1]
// CHECK: df.kernel @k_1_1 mapping [1]
// CHECK-NOT: df.get_pid
df.region @grid(%A: memref<2x2xi32>) {
  df.kernel @k mapping [2, 2] args(%A) : memref<2x2xi32> {
  ^bb0(%a: memref<2x2xi32>):
    %i, %j = df.get_pid : index, index
    %v = arith.index_cast %i : index to i32
    memref.store %v, %a[%i, %j] : memref<2x2xi32>
  }
}

// A kernel whose mapping names a region parameter waits for df-inline-regions to bind it.
// CHECK-LABEL: df.region @param<P>
// CHECK: df.kernel @k mapping [P]
df.region @param<P>(%A: memref<4xi32>) {
  df.kernel @k mapping [P] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %i = df.get_pid : index
  }
}
