// RUN: allo-translate --mlir-to-hls %s | FileCheck %s

// The producer/consumer example, hand-lowered to hw (the instances are listed consumer first: the top calls the
// producer first anyway).

// CHECK:       #include "hls_stream.h"
// CHECK-NEXT:  #include <cstdint>
// CHECK-LABEL: void producer_0(float lA[16][16], hls::stream<float>& pipe) {
// CHECK-NEXT:    for (int i = 0; i < 16; ++i) {
// CHECK-NEXT:      for (int j = 0; j < 16; ++j) {
// CHECK-NEXT:        #pragma HLS pipeline II=1
// CHECK-NEXT:        pipe.write(lA[i][j]);
// CHECK-LABEL: void consumer_0(hls::stream<float>& pipe, float lB[16][16]) {
// CHECK:             float d = pipe.read();
// CHECK-NEXT:        lB[i][j] = d + 1.0f;
// CHECK-LABEL: void top(float A[16][16], float B[16][16]) {
// CHECK:         #pragma HLS dataflow
// CHECK-NEXT:    static hls::stream<float> pipe("pipe");
// CHECK-NEXT:    #pragma HLS stream variable=pipe depth=4
// CHECK-NEXT:    producer_0(A, pipe);
// CHECK-NEXT:    consumer_0(pipe, B);
// CHECK-NEXT:  }

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
