// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate,df-shard)' | FileCheck %s

// Instance (1, 0) of a [S1, R] layout on a 2x2 mesh sees rows [32, 64) of A; [R, S0] gives instance
// (1, 0) columns [32, 64) of B.
// CHECK-LABEL: df.kernel @gemm_1_0 mapping [1] args(%arg0, %arg1)
// CHECK-NEXT: ^bb0(%[[A:.*]]: memref<64x64xi32>, %[[B:.*]]: memref<64x64xi32>):
// CHECK-NEXT: %[[SA:.*]] = memref.subview %[[A]][0, 0] [32, 64] [1, 1] : memref<64x64xi32> to memref<32x64xi32, strided<[64, 1]>>
// CHECK-NEXT: %[[SB:.*]] = memref.subview %[[B]][0, 32] [64, 32] [1, 1] : memref<64x64xi32> to memref<64x32xi32, strided<[64, 1], offset: 32>>
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i32
// CHECK-NEXT: linalg.fill ins(%[[Z]] : i32) outs(%[[SA]] : memref<32x64xi32, strided<[64, 1]>>)
// CHECK-LABEL: df.kernel @gemm_1_1
// CHECK: memref.subview %{{.*}}[32, 0] [32, 64] [1, 1] : memref<64x64xi32> to memref<32x64xi32, strided<[64, 1], offset: 2048>>
// CHECK-NOT: layouts
df.region @top(%A: memref<64x64xi32>, %B: memref<64x64xi32>) {
  df.kernel @gemm mapping [2, 2] args(%A, %B) layouts [#df.layout<[S1, R]>, #df.layout<[R, S0]>]
      : memref<64x64xi32>, memref<64x64xi32> {
  ^bb0(%lA: memref<32x64xi32>, %lB: memref<64x32xi32>):
    %zero = arith.constant 0 : i32
    linalg.fill ins(%zero : i32) outs(%lA : memref<32x64xi32>)
  }
}
