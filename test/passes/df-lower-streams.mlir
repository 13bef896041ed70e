// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate,df-specialize,df-lower-streams)' | FileCheck %s

// A stream-array element used with constant indices becomes one named hw.fifo; kernels become hw.pe functions, without
// the index constants the accesses no longer use.
// CHECK-LABEL: hw.design @top(%arg0: memref<4xi32>, %arg1: memref<4xi32>)
// CHECK-NEXT: %[[F:.*]] = hw.fifo "s[1]" : !hw.fifo<i32, 2>
// CHECK-NEXT: hw.instance @p_0(%arg0, %[[F]]) : memref<4xi32>, !hw.fifo<i32, 2>
// CHECK-NEXT: hw.instance @c_0(%arg1, %[[F]]) : memref<4xi32>, !hw.fifo<i32, 2>
// CHECK-LABEL: func.func @p_0(%arg0: memref<4xi32>, %arg1: !hw.fifo<i32, 2>) attributes {hw.pe}
// CHECK-NEXT: affine.for
// CHECK: hw.write %arg1, %{{.*}} : !hw.fifo<i32, 2>
// CHECK: return
// CHECK-LABEL: func.func @c_0(%arg0: memref<4xi32>, %arg1: !hw.fifo<i32, 2>) attributes {hw.pe}
// CHECK-NEXT: affine.for
// CHECK: %[[V:.*]] = hw.read %arg1 : !hw.fifo<i32, 2>
// CHECK: affine.store %[[V]], %arg0[%{{.*}}] : memref<4xi32>
// CHECK-NOT: df.
df.region @top(%A: memref<4xi32>, %B: memref<4xi32>) {
  %s = df.stream : !df.stream_array<[2], i32, 2>
  df.kernel @p mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %c1 = arith.constant 1 : index
    affine.for %i = 0 to 4 {
      %v = affine.load %a[%i] : memref<4xi32>
      df.put %s[%c1], %v : !df.stream_array<[2], i32, 2>
    }
  }
  df.kernel @c mapping [1] args(%B) : memref<4xi32> {
  ^bb0(%b: memref<4xi32>):
    %c1 = arith.constant 1 : index
    affine.for %i = 0 to 4 {
      %v = df.get %s[%c1] : !df.stream_array<[2], i32, 2>
      affine.store %v, %b[%i] : memref<4xi32>
    }
  }
}
