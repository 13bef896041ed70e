// RUN: allo-opt %s | allo-opt | FileCheck %s
// RUN: allo-opt %s --mlir-print-op-generic | allo-opt | FileCheck %s

// CHECK-LABEL: df.region @streams
// CHECK-SAME: (%[[A:.*]]: memref<16xf32>, %[[B:.*]]: memref<16xf32>) {
df.region @streams(%A: memref<16xf32>, %B: memref<16xf32>) {
  // CHECK-NEXT: %[[S:.*]] = df.stream : !df.stream<f32, 4>
  %s = df.stream : !df.stream<f32, 4>
  // CHECK-NEXT: %[[ARR:.*]] = df.stream {name = "blocks"} : !df.stream_array<[2, 3], memref<4x4xi16>, 2>
  %arr = df.stream {name = "blocks"} : !df.stream_array<[2, 3], memref<4x4xi16>, 2>
  // CHECK-NEXT: %[[U:.*]] = df.stream : !df.stream_array<[2, 2, 2], ui16, 1>
  %u = df.stream : !df.stream_array<[2, 2, 2], ui16, 1>
  // CHECK-NEXT: df.kernel @producer mapping [1] args(%[[A]]) : memref<16xf32> {
  // CHECK-NEXT: ^bb0(%[[LA:.*]]: memref<16xf32>):
  // CHECK-NEXT: }
  df.kernel @producer mapping [1] args(%A) : memref<16xf32> {
  ^bb0(%lA: memref<16xf32>):
  }
  // CHECK-NEXT: df.kernel @grid mapping [2, 3] {
  // CHECK-NEXT: %[[P0:.*]], %[[P1:.*]] = df.get_pid : index, index
  // CHECK-NEXT: %[[BLK:.*]] = df.get %[[ARR]][%[[P0]], %[[P1]]] : !df.stream_array<[2, 3], memref<4x4xi16>, 2>
  // CHECK-NEXT: df.put %[[ARR]][%[[P0]], %[[P1]]], %[[BLK]] : !df.stream_array<[2, 3], memref<4x4xi16>, 2>
  // CHECK-NEXT: }
  df.kernel @grid mapping [2, 3] {
    %i, %j = df.get_pid : index, index
    %blk = df.get %arr[%i, %j] : !df.stream_array<[2, 3], memref<4x4xi16>, 2>
    df.put %arr[%i, %j], %blk : !df.stream_array<[2, 3], memref<4x4xi16>, 2>
  }
  // CHECK-NEXT: df.kernel @cube mapping [2, 2, 2] {
  // CHECK-NEXT: %[[Q0:.*]], %[[Q1:.*]], %[[Q2:.*]] = df.get_pid : index, index, index
  // CHECK-NEXT: %[[X:.*]] = df.get %[[U]][%[[Q0]], %[[Q1]], %[[Q2]]] : !df.stream_array<[2, 2, 2], ui16, 1>
  // CHECK-NEXT: df.put %[[U]][%[[Q2]], %[[Q1]], %[[Q0]]], %[[X]] : !df.stream_array<[2, 2, 2], ui16, 1>
  // CHECK-NEXT: }
  df.kernel @cube mapping [2, 2, 2] {
    %i, %j, %k = df.get_pid : index, index, index
    %x = df.get %u[%i, %j, %k] : !df.stream_array<[2, 2, 2], ui16, 1>
    df.put %u[%k, %j, %i], %x : !df.stream_array<[2, 2, 2], ui16, 1>
  }
  // CHECK-NEXT: df.kernel @consumer mapping [4] args(%[[A]], %[[B]]) layouts [#df.layout<[S0]>, #df.layout<[R]>] : memref<16xf32>, memref<16xf32> {
  // CHECK-NEXT: ^bb0(%{{.*}}: memref<4xf32>, %{{.*}}: memref<16xf32>):
  // CHECK-NEXT: %[[PID:.*]] = df.get_pid : index
  // CHECK-NEXT: %[[V:.*]] = df.get %[[S]] : !df.stream<f32, 4>
  // CHECK-NEXT: df.put %[[S]], %[[V]] : !df.stream<f32, 4>
  // CHECK-NEXT: }
  df.kernel @consumer mapping [4] args(%A, %B) layouts [#df.layout<[S0]>, #df.layout<[R]>]
      : memref<16xf32>, memref<16xf32> {
  ^bb0(%lA: memref<4xf32>, %lB: memref<16xf32>):
    %p = df.get_pid : index
    %v = df.get %s : !df.stream<f32, 4>
    df.put %s, %v : !df.stream<f32, 4>
  }
  // CHECK-NEXT: df.kernel @empty mapping [1] {
  // CHECK-NEXT: }
  // CHECK-NEXT: }
  df.kernel @empty mapping [1] {
  }
}

// CHECK-LABEL: df.region @branches
// CHECK-SAME: (%[[F:.*]]: i1, %[[G:.*]]: i1) {
df.region @branches(%f: i1, %g: i1) {
  %s = df.stream : !df.stream<i32, 2>
  // CHECK: df.kernel @k mapping [1] args(%[[F]], %[[G]]) : i1, i1 {
  // CHECK-NEXT: ^bb0(%[[C1:.*]]: i1, %[[C2:.*]]: i1):
  // CHECK-NEXT: df.meta_if %[[C1]] {
  // CHECK-NEXT: %{{.*}} = df.get %{{.*}} : !df.stream<i32, 2>
  // CHECK-NEXT: } else {
  // CHECK-NEXT: df.meta_if %[[C2]] {
  // CHECK-NEXT: }
  // CHECK-NEXT: }
  // CHECK-NEXT: df.meta_if %[[C2]] {
  // CHECK-NEXT: } else {
  // CHECK-NEXT: }
  // CHECK-NEXT: }
  df.kernel @k mapping [1] args(%f, %g) : i1, i1 {
  ^bb0(%c1: i1, %c2: i1):
    df.meta_if %c1 {
      %x = df.get %s : !df.stream<i32, 2>
    } else {
      df.meta_if %c2 {
      }
    }
    df.meta_if %c2 {
    } else {
    }
  }
}

// CHECK-LABEL: df.region @inner<P0, P1>
// CHECK-SAME: (%{{.*}}: memref<32x32xf32>) {
// CHECK-NEXT: df.kernel @gemm mapping [P0, P1] args(%{{.*}}) : memref<32x32xf32> {
// CHECK-NEXT: ^bb0(%{{.*}}: memref<32x32xf32>):
// CHECK-NEXT: %{{.*}}, %{{.*}} = df.get_pid : index, index
// CHECK-NEXT: %{{.*}} = df.param "P0" : index
// CHECK-NEXT: %{{.*}} = df.param "P1" : index
// CHECK-NEXT: }
// CHECK-NEXT: }
df.region @inner<P0, P1>(%A: memref<32x32xf32>) {
  df.kernel @gemm mapping [P0, P1] args(%A) : memref<32x32xf32> {
  ^bb0(%lA: memref<32x32xf32>):
    %pi, %pj = df.get_pid : index, index
    %p0 = df.param "P0" : index
    %p1 = df.param "P1" : index
  }
}

// CHECK-LABEL: df.region @stage
// CHECK-SAME: (%{{.*}}: memref<8xf32>) attributes {foo} {
df.region @stage(%A: memref<8xf32>) attributes {foo} {
}

// CHECK-LABEL: df.region @top
// CHECK-SAME: (%[[TA:.*]]: memref<32x32xf32>, %[[TB:.*]]: memref<8xf32>) {
// CHECK-NEXT: df.kernel @wrapper mapping [2] args(%[[TA]], %[[TB]]) : memref<32x32xf32>, memref<8xf32> {
// CHECK-NEXT: ^bb0(%[[WA:.*]]: memref<32x32xf32>, %[[WB:.*]]: memref<8xf32>):
// CHECK-NEXT: df.call @inner<2, 2>(%[[WA]]) : memref<32x32xf32>
// CHECK-NEXT: df.call @stage(%[[WB]]) : memref<8xf32>
// CHECK-NEXT: df.call @inner<4, 1>(%[[WA]]) {note = "tile"} : memref<32x32xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
df.region @top(%A: memref<32x32xf32>, %B: memref<8xf32>) {
  df.kernel @wrapper mapping [2] args(%A, %B) : memref<32x32xf32>, memref<8xf32> {
  ^bb0(%lA: memref<32x32xf32>, %lB: memref<8xf32>):
    df.call @inner<2, 2>(%lA) : memref<32x32xf32>
    df.call @stage(%lB) : memref<8xf32>
    df.call @inner<4, 1>(%lA) {note = "tile"} : memref<32x32xf32>
  }
}
