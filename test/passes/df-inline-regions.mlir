// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate,df-specialize,df-inline-regions)' | FileCheck %s

// The callee's streams and kernels move into the caller's region with the parameter bound; the wrapper
// kernel, left with nothing to do, and the parameterised region disappear.
// CHECK-LABEL: df.region @top
// CHECK-NEXT: %{{.*}} = df.stream {name = "w_0.inner.pipe"} : !df.stream<i32, 2>
// CHECK-NEXT: df.kernel @w_0.inner.src mapping [3] args(%arg0)
// CHECK: %[[P:.*]] = arith.constant 3 : index
// CHECK: df.kernel @w_0.inner.dst mapping [1] args(%arg1)
// CHECK-NOT: df.call
// CHECK-NOT: df.kernel @w_0 mapping
// CHECK-NOT: df.region @inner
df.region @inner<N>(%A: memref<4xi32>, %B: memref<4xi32>) {
  %pipe = df.stream : !df.stream<i32, 2>
  df.kernel @src mapping [N] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %n = df.param "N" : index
    %c0 = arith.constant 0 : index
    %v = memref.load %a[%c0] : memref<4xi32>
    %i = df.get_pid : index
  }
  df.kernel @dst mapping [1] args(%B) : memref<4xi32> {
  ^bb0(%b: memref<4xi32>):
  }
}
df.region @top(%A: memref<4xi32>, %B: memref<4xi32>) {
  df.kernel @w mapping [1] args(%A, %B) : memref<4xi32>, memref<4xi32> {
  ^bb0(%a: memref<4xi32>, %b: memref<4xi32>):
    df.call @inner<3>(%a, %b) : memref<4xi32>, memref<4xi32>
  }
}
