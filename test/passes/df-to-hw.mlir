// RUN: allo-opt %s --pass-pipeline='builtin.module(df-to-hw)' | FileCheck %s
// RUN: allo-opt %s --pass-pipeline='builtin.module(df-to-hw)' --mlir-print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=STEPS

// A wrapper kernel calls a parameterised region: df-to-hw expands the hierarchy, lowers the stream array
// elements the instances use to FIFOs and every instance to a PE.
// CHECK-LABEL: hw.design @top(%arg0: memref<4xi32>, %arg1: memref<4xi32>)
// CHECK-NEXT: %[[F:.*]] = hw.fifo "w_0.inner.s[0]" : !hw.fifo<i32, 2>
// CHECK-NEXT: hw.instance @w_0.inner.src_0(%arg0, %[[F]])
// CHECK-NEXT: hw.instance @w_0.inner.dst_0(%arg1, %[[F]])
// CHECK-LABEL: func.func @w_0.inner.src_0(%arg0: memref<4xi32>, %arg1: !hw.fifo<i32, 2>) attributes {hw.pe}
// CHECK: hw.write %arg1
// CHECK-LABEL: func.func @w_0.inner.dst_0(%arg0: memref<4xi32>, %arg1: !hw.fifo<i32, 2>) attributes {hw.pe}
// CHECK: %[[V:.*]] = hw.read %arg1
// CHECK-NOT: df.

// STEPS: IR Dump After DfInstantiate (df-instantiate)
// STEPS: IR Dump After Canonicalizer (canonicalize)
// STEPS: IR Dump After DfSpecialize (df-specialize)
// STEPS: IR Dump After DfInlineRegions (df-inline-regions)
// STEPS: IR Dump After DfInstantiate (df-instantiate)
// STEPS: IR Dump After DfExpandHierarchy (df-expand-hierarchy)
// STEPS: IR Dump After DfShard (df-shard)
// STEPS: IR Dump After DfLowerStreams (df-lower-streams)
// STEPS: IR Dump After Canonicalizer (canonicalize)
df.region @inner<N>(%A: memref<4xi32>, %B: memref<4xi32>) {
  %s = df.stream : !df.stream_array<[2], i32, 2>
  df.kernel @src mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %c0 = arith.constant 0 : index
    affine.for %i = 0 to 4 {
      %v = affine.load %a[%i] : memref<4xi32>
      df.put %s[%c0], %v : !df.stream_array<[2], i32, 2>
    }
  }
  df.kernel @dst mapping [1] args(%B) : memref<4xi32> {
  ^bb0(%b: memref<4xi32>):
    %c0 = arith.constant 0 : index
    affine.for %i = 0 to 4 {
      %v = df.get %s[%c0] : !df.stream_array<[2], i32, 2>
      affine.store %v, %b[%i] : memref<4xi32>
    }
  }
}
df.region @top(%A: memref<4xi32>, %B: memref<4xi32>) {
  df.kernel @w mapping [1] args(%A, %B) : memref<4xi32>, memref<4xi32> {
  ^bb0(%a: memref<4xi32>, %b: memref<4xi32>):
    df.call @inner<1>(%a, %b) : memref<4xi32>, memref<4xi32>
  }
}
