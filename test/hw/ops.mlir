// RUN: allo-opt %s | allo-opt | FileCheck %s
// RUN: allo-opt %s --mlir-print-op-generic | allo-opt | FileCheck %s

// The spec's producer/consumer design, completed: B = A + 1 through one fifo of depth 4.

// CHECK-LABEL: hw.design @top
// CHECK-SAME: (%[[A:.*]]: memref<16x16xf32> {hw.partition = [#hw.partition<dim = 1, kind = cyclic, factor = 2>]}, %[[B:.*]]: memref<16x16xf32>) {
// CHECK-NEXT: %[[PIPE:.*]] = hw.fifo "pipe" : !hw.fifo<f32, 4>
// CHECK-NEXT: hw.instance @producer_0(%[[A]], %[[PIPE]]) : memref<16x16xf32>, !hw.fifo<f32, 4>
// CHECK-NEXT: hw.instance @consumer_0(%[[PIPE]], %[[B]]) : !hw.fifo<f32, 4>, memref<16x16xf32>
// CHECK-NEXT: }
hw.design @top(%A: memref<16x16xf32> {hw.partition = [#hw.partition<dim = 1, kind = cyclic, factor = 2>]}, %B: memref<16x16xf32>) {
  %pipe = hw.fifo "pipe" : !hw.fifo<f32, 4>
  hw.instance @producer_0(%A, %pipe) : memref<16x16xf32>, !hw.fifo<f32, 4>
  hw.instance @consumer_0(%pipe, %B) : !hw.fifo<f32, 4>, memref<16x16xf32>
}

// CHECK-LABEL: func.func @producer_0
// CHECK-SAME: (%[[PA:.*]]: memref<16x16xf32>, %[[PP:.*]]: !hw.fifo<f32, 4>) attributes {hw.pe} {
// CHECK: affine.for
// CHECK: affine.for
// CHECK: %[[V:.*]] = affine.load %[[PA]]
// CHECK-NEXT: hw.write %[[PP]], %[[V]] : !hw.fifo<f32, 4>
func.func @producer_0(%A: memref<16x16xf32>, %pipe: !hw.fifo<f32, 4>) attributes {hw.pe} {
  affine.for %i = 0 to 16 {
    affine.for %j = 0 to 16 {
      %v = affine.load %A[%i, %j] : memref<16x16xf32>
      hw.write %pipe, %v : !hw.fifo<f32, 4>
    }
  }
  return
}

// CHECK-LABEL: func.func @consumer_0
// CHECK-SAME: (%[[CP:.*]]: !hw.fifo<f32, 4>, %[[CB:.*]]: memref<16x16xf32>) attributes {hw.pe} {
// CHECK: %[[D:.*]] = hw.read %[[CP]] : !hw.fifo<f32, 4>
// CHECK-NEXT: %[[R:.*]] = arith.addf %[[D]], %{{.*}} : f32
// CHECK-NEXT: affine.store %[[R]], %[[CB]]
func.func @consumer_0(%pipe: !hw.fifo<f32, 4>, %B: memref<16x16xf32>) attributes {hw.pe} {
  %one = arith.constant 1.0 : f32
  affine.for %i = 0 to 16 {
    affine.for %j = 0 to 16 {
      %d = hw.read %pipe : !hw.fifo<f32, 4>
      %r = arith.addf %d, %one : f32
      affine.store %r, %B[%i, %j] : memref<16x16xf32>
    }
  }
  return
}

// A 1x2 systolic chain of blocks: memref elements, a complete partition, constants in the design body.

// CHECK-LABEL: hw.design @chain
// CHECK-SAME: (%[[X:.*]]: memref<8x8xf32> {hw.partition = [#hw.partition<dim = 0, kind = complete>, #hw.partition<dim = 2, kind = block, factor = 4>]}) {
// CHECK-NEXT: %[[F0:.*]] = hw.fifo "part[0]" : !hw.fifo<memref<8x8xf32>, 1>
// CHECK-NEXT: %[[F1:.*]] = hw.fifo "part[1]" : !hw.fifo<memref<8x8xf32>, 1>
// CHECK-NEXT: %[[SCALE:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: hw.instance @stage_0(%[[X]], %[[F0]], %[[SCALE]]) : memref<8x8xf32>, !hw.fifo<memref<8x8xf32>, 1>, f32
// CHECK-NEXT: hw.instance @stage_1(%[[F0]], %[[F1]]) : !hw.fifo<memref<8x8xf32>, 1>, !hw.fifo<memref<8x8xf32>, 1>
// CHECK-NEXT: hw.instance @stage_2(%[[F1]], %[[X]]) : !hw.fifo<memref<8x8xf32>, 1>, memref<8x8xf32>
// CHECK-NEXT: }
hw.design @chain(%X: memref<8x8xf32> {hw.partition = [#hw.partition<dim = 0, kind = complete>, #hw.partition<dim = 2, kind = block, factor = 4>]}) {
  %f0 = hw.fifo "part[0]" : !hw.fifo<memref<8x8xf32>, 1>
  %f1 = hw.fifo "part[1]" : !hw.fifo<memref<8x8xf32>, 1>
  %scale = arith.constant 2.0 : f32
  hw.instance @stage_0(%X, %f0, %scale) : memref<8x8xf32>, !hw.fifo<memref<8x8xf32>, 1>, f32
  hw.instance @stage_1(%f0, %f1) : !hw.fifo<memref<8x8xf32>, 1>, !hw.fifo<memref<8x8xf32>, 1>
  hw.instance @stage_2(%f1, %X) : !hw.fifo<memref<8x8xf32>, 1>, memref<8x8xf32>
}
func.func @stage_0(%X: memref<8x8xf32>, %out: !hw.fifo<memref<8x8xf32>, 1>, %scale: f32) attributes {hw.pe} {
  hw.write %out, %X : !hw.fifo<memref<8x8xf32>, 1>
  return
}
// CHECK-LABEL: func.func @stage_1
// CHECK-NEXT: %[[BLK:.*]] = hw.read %{{.*}} : !hw.fifo<memref<8x8xf32>, 1>
// CHECK-NEXT: hw.write %{{.*}}, %[[BLK]] : !hw.fifo<memref<8x8xf32>, 1>
func.func @stage_1(%in: !hw.fifo<memref<8x8xf32>, 1>, %out: !hw.fifo<memref<8x8xf32>, 1>) attributes {hw.pe} {
  %blk = hw.read %in : !hw.fifo<memref<8x8xf32>, 1>
  hw.write %out, %blk : !hw.fifo<memref<8x8xf32>, 1>
  return
}
func.func @stage_2(%in: !hw.fifo<memref<8x8xf32>, 1>, %X: memref<8x8xf32>) attributes {hw.pe} {
  %blk = hw.read %in : !hw.fifo<memref<8x8xf32>, 1>
  return
}
