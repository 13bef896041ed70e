// RUN: allo-opt %s --pass-pipeline='builtin.module(df-to-hw)' | allo-translate --mlir-to-hls | FileCheck %s

// The spec's systolic example at 2x2 compute PEs: df-to-hw, then HLS C++ whose FIFO arrays keep their names.

// The printed IR has no source names, so arrays, counters and values get fallback names (arg0, i0, v0, ...).
// CHECK-LABEL: void gemm_1_1(float arg0[2][4], float arg1[4][2], float arg2[2][2], hls::stream<float>& fifo_A_1_1, hls::stream<float>& fifo_B_1_1, hls::stream<float>& fifo_A_1_2, hls::stream<float>& fifo_B_2_1) {
// CHECK-NEXT:    float [[ACC:[a-z0-9]+]] = 0.0f;
// CHECK-NEXT:    for (int [[K:i[0-9]+]] = 0; [[K]] < 4; ++[[K]]) {
// CHECK-NEXT:      float [[A:v[0-9]+]] = fifo_A_1_1.read();
// CHECK-NEXT:      float [[B:v[0-9]+]] = fifo_B_1_1.read();
// CHECK-NEXT:      fifo_A_1_2.write([[A]]);
// CHECK-NEXT:      fifo_B_2_1.write([[B]]);
// CHECK-NEXT:      [[ACC]] = [[ACC]] + [[A]] * [[B]];
// CHECK-NEXT:    }
// CHECK-NEXT:    arg2[0][0] = [[ACC]];
// CHECK-NEXT:  }
// CHECK-LABEL: void top(float arg0[2][4], float arg1[4][2], float arg2[2][2]) {
// CHECK:         #pragma HLS dataflow
// CHECK-DAG:     static hls::stream<float> fifo_A[3][4];
// CHECK-DAG:     #pragma HLS stream variable=fifo_A depth=2
// CHECK-DAG:     static hls::stream<float> fifo_B[4][3];
// CHECK-DAG:     #pragma HLS stream variable=fifo_B depth=2
// CHECK:         gemm_1_1(arg0, arg1, arg2, fifo_A[1][1], fifo_B[1][1], fifo_A[1][2], fifo_B[2][1]);

df.region @top(%A: memref<2x4xf32>, %B: memref<4x2xf32>, %C: memref<2x2xf32>) {
  %fifo_A = df.stream : !df.stream_array<[4, 4], f32, 2>
  %fifo_B = df.stream : !df.stream_array<[4, 4], f32, 2>
  df.kernel @gemm mapping [4, 4] args(%A, %B, %C) : memref<2x4xf32>, memref<4x2xf32>, memref<2x2xf32> {
  ^bb0(%lA: memref<2x4xf32>, %lB: memref<4x2xf32>, %lC: memref<2x2xf32>):
    %i, %j = df.get_pid : index, index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %i_is0 = arith.cmpi eq, %i, %c0 : index
    %i_is3 = arith.cmpi eq, %i, %c3 : index
    %j_is0 = arith.cmpi eq, %j, %c0 : index
    %j_is3 = arith.cmpi eq, %j, %c3 : index
    %i_edge = arith.ori %i_is0, %i_is3 : i1
    %j_edge = arith.ori %j_is0, %j_is3 : i1
    %corner = arith.andi %i_edge, %j_edge : i1
    %in = arith.addi %i, %c1 : index
    %jn = arith.addi %j, %c1 : index
    %im = arith.subi %i, %c1 : index
    %jm = arith.subi %j, %c1 : index
    df.meta_if %corner {
    } else {
      df.meta_if %j_is0 {
        affine.for %k = 0 to 4 {
          %a = memref.load %lA[%im, %k] : memref<2x4xf32>
          df.put %fifo_A[%i, %jn], %a : !df.stream_array<[4, 4], f32, 2>
        }
      } else {
        df.meta_if %i_is0 {
          affine.for %k = 0 to 4 {
            %b = memref.load %lB[%k, %jm] : memref<4x2xf32>
            df.put %fifo_B[%in, %j], %b : !df.stream_array<[4, 4], f32, 2>
          }
        } else {
          df.meta_if %j_is3 {
            affine.for %k = 0 to 4 {
              %a = df.get %fifo_A[%i, %j] : !df.stream_array<[4, 4], f32, 2>
            }
          } else {
            df.meta_if %i_is3 {
              affine.for %k = 0 to 4 {
                %b = df.get %fifo_B[%i, %j] : !df.stream_array<[4, 4], f32, 2>
              }
            } else {
              %zero = arith.constant 0.0 : f32
              %c = affine.for %k = 0 to 4 iter_args(%acc = %zero) -> (f32) {
                %a = df.get %fifo_A[%i, %j] : !df.stream_array<[4, 4], f32, 2>
                %b = df.get %fifo_B[%i, %j] : !df.stream_array<[4, 4], f32, 2>
                %p = arith.mulf %a, %b : f32
                %s = arith.addf %acc, %p : f32
                df.put %fifo_A[%i, %jn], %a : !df.stream_array<[4, 4], f32, 2>
                df.put %fifo_B[%in, %j], %b : !df.stream_array<[4, 4], f32, 2>
                affine.yield %s : f32
              }
              memref.store %c, %lC[%im, %jm] : memref<2x2xf32>
            }
          }
        }
      }
    }
  }
}
