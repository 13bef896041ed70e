// The warm-up input of scripts/bundle.mjs: the tools run it once when the bundles are built, so that the code
// cache holds the compiled parser, verifier, passes, printer, emitter and simulator. A 2x2 systolic array (as
// ../../shared/spec/examples/systolic.mlir) and an affine kernel in the custom forms of the core dialects.
func.func @kernel(%A: memref<16x16xf32>, %B: memref<16x16xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.500000e+00 : f32
  %zero = arith.constant 0.000000e+00 : f32
  %r = affine.for %i = 0 to 16 iter_args(%acc = %zero) -> (f32) {
    %t = affine.for %j = 0 to 16 step 2 iter_args(%acc2 = %acc) -> (f32) {
      %a = affine.load %A[%i, %j] : memref<16x16xf32>
      %b = affine.load %B[%j, %i + 1] : memref<16x16xf32>
      %m = arith.mulf %a, %b : f32
      %s = arith.addf %m, %cst : f32
      affine.for %k = max affine_map<(d0) -> (0, d0 - 8)>(%i) to min affine_map<(d0)[s0] -> (16, d0 + 8, s0)>(%i)[%n] {
        %c = affine.load %A[%i, %k] : memref<16x16xf32>
        %d = arith.addf %c, %s : f32
        affine.store %d, %A[%i, %k] : memref<16x16xf32>
      }
      %x = arith.index_cast %j : index to i32
      %y = arith.muli %x, %x : i32
      %z = arith.cmpi slt, %y, %x : i32
      %w = scf.if %z -> (f32) {
        scf.yield %s : f32
      } else {
        %v = memref.load %B[%c0, %j] : memref<16x16xf32>
        scf.yield %v : f32
      }
      %acc3 = arith.addf %acc2, %w : f32
      affine.yield %acc3 : f32
    }
    affine.yield %t : f32
  }
  return %r : f32
}
df.region @top(%A: memref<2x8xf32>, %B: memref<8x2xf32>, %C: memref<2x2xf32>) {
  %fifo_A = df.stream : !df.stream_array<[4, 4], f32, 4>
  %fifo_B = df.stream : !df.stream_array<[4, 4], f32, 4>
  df.kernel @gemm mapping [4, 4] args(%A, %B, %C) : memref<2x8xf32>, memref<8x2xf32>, memref<2x2xf32> {
  ^bb0(%lA: memref<2x8xf32>, %lB: memref<8x2xf32>, %lC: memref<2x2xf32>):
    %i, %j = df.get_pid : index, index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c5 = arith.constant 3 : index
    %i_is0 = arith.cmpi eq, %i, %c0 : index
    %i_is5 = arith.cmpi eq, %i, %c5 : index
    %j_is0 = arith.cmpi eq, %j, %c0 : index
    %j_is5 = arith.cmpi eq, %j, %c5 : index
    %i_edge = arith.ori %i_is0, %i_is5 : i1
    %j_edge = arith.ori %j_is0, %j_is5 : i1
    %corner = arith.andi %i_edge, %j_edge : i1
    %in = arith.addi %i, %c1 : index
    %jn = arith.addi %j, %c1 : index
    %im = arith.subi %i, %c1 : index
    %jm = arith.subi %j, %c1 : index
    df.meta_if %corner {
    } else {
      df.meta_if %j_is0 {
        affine.for %k = 0 to 8 {
          %a = memref.load %lA[%im, %k] : memref<2x8xf32>
          df.put %fifo_A[%i, %jn], %a : !df.stream_array<[4, 4], f32, 4>
        }
      } else {
        df.meta_if %i_is0 {
          affine.for %k = 0 to 8 {
            %b = memref.load %lB[%k, %jm] : memref<8x2xf32>
            df.put %fifo_B[%in, %j], %b : !df.stream_array<[4, 4], f32, 4>
          }
        } else {
          df.meta_if %j_is5 {
            affine.for %k = 0 to 8 {
              %a = df.get %fifo_A[%i, %j] : !df.stream_array<[4, 4], f32, 4>
            }
          } else {
            df.meta_if %i_is5 {
              affine.for %k = 0 to 8 {
                %b = df.get %fifo_B[%i, %j] : !df.stream_array<[4, 4], f32, 4>
              }
            } else {
              %zero = arith.constant 0.0 : f32
              %c = affine.for %k = 0 to 8 iter_args(%acc = %zero) -> (f32) {
                %a = df.get %fifo_A[%i, %j] : !df.stream_array<[4, 4], f32, 4>
                %b = df.get %fifo_B[%i, %j] : !df.stream_array<[4, 4], f32, 4>
                %p = arith.mulf %a, %b : f32
                %s = arith.addf %acc, %p : f32
                df.put %fifo_A[%i, %jn], %a : !df.stream_array<[4, 4], f32, 4>
                df.put %fifo_B[%in, %j], %b : !df.stream_array<[4, 4], f32, 4>
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
