// Producer/consumer through one FIFO of depth 4 (B = A + 1), hand-lowered from the spec example; the
// instances are listed consumer first so the emitter has to order them.
hw.design @top(%A: memref<16x16xf32>, %B: memref<16x16xf32>) {
  %pipe = hw.fifo "pipe" : !hw.fifo<f32, 4>
  hw.instance @consumer_0(%pipe, %B) : !hw.fifo<f32, 4>, memref<16x16xf32>
  hw.instance @producer_0(%A, %pipe) : memref<16x16xf32>, !hw.fifo<f32, 4>
}
func.func @producer_0(%lA: memref<16x16xf32>, %pipe: !hw.fifo<f32, 4>) attributes {hw.pe} {
  affine.for %i = 0 to 16 {
    affine.for %j = 0 to 16 {
      %v = affine.load %lA[%i, %j] : memref<16x16xf32>
      hw.write %pipe, %v : !hw.fifo<f32, 4>
    } {hw.pipeline = 1 : i64}
  }
  return
}
func.func @consumer_0(%pipe: !hw.fifo<f32, 4>, %lB: memref<16x16xf32>) attributes {hw.pe} {
  %one = arith.constant 1.0 : f32
  affine.for %i = 0 to 16 {
    affine.for %j = 0 to 16 {
      %d = hw.read %pipe : !hw.fifo<f32, 4>
      %r = arith.addf %d, %one : f32
      affine.store %r, %lB[%i, %j] : memref<16x16xf32>
    }
  }
  return
}
