// df-check-streams on its own (df-lower-streams runs it too): per stream element, writes and reads counted from
// constant trip counts must agree; counts that depend on a run-time value are not compared; the IR is left as is.
// RUN: allo-opt %s --split-input-file --pass-pipeline='builtin.module(df-instantiate,df-check-streams)' --verify-diagnostics | FileCheck %s

// CHECK-LABEL: df.region @balanced
// CHECK: df.kernel @p_0
// CHECK: df.kernel @c_0
df.region @balanced(%A: memref<8xi32>) {
  %s = df.stream : !df.stream_array<[2], i32, 2>
  df.kernel @p mapping [1] args(%A) : memref<8xi32> {
  ^bb0(%a: memref<8xi32>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    affine.for %i = 0 to 8 step 2 {
      %v = affine.load %a[%i] : memref<8xi32>
      df.put %s[%c0], %v : !df.stream_array<[2], i32, 2>
      df.put %s[%c1], %v : !df.stream_array<[2], i32, 2>
    }
  }
  df.kernel @c mapping [1] args(%A) : memref<8xi32> {
  ^bb0(%a: memref<8xi32>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    affine.for %i = 0 to 2 {
      affine.for %j = 0 to 2 {
        %v = df.get %s[%c0] : !df.stream_array<[2], i32, 2>
        %w = df.get %s[%c1] : !df.stream_array<[2], i32, 2>
      }
    }
  }
}

// -----

// CHECK-LABEL: df.region @dynamic
df.region @dynamic(%A: memref<8xi32>, %n: index) {
  %s = df.stream : !df.stream<i32, 2>
  df.kernel @p mapping [1] args(%A, %n) : memref<8xi32>, index {
  ^bb0(%a: memref<8xi32>, %m: index):
    affine.for %i = 0 to %m {
      %v = affine.load %a[%i] : memref<8xi32>
      df.put %s, %v : !df.stream<i32, 2>
    }
  }
  df.kernel @c mapping [1] args(%A) : memref<8xi32> {
  ^bb0(%a: memref<8xi32>):
    affine.for %i = 0 to 3 {
      %v = df.get %s : !df.stream<i32, 2>
    }
  }
}

// -----

df.region @unbalanced(%A: memref<8xi32>) {
  %s = df.stream : !df.stream_array<[2], i32, 2>
  df.kernel @p mapping [2] args(%A) : memref<8xi32> {
  ^bb0(%a: memref<8xi32>):
    %i = df.get_pid : index
    affine.for %k = 0 to 8 {
      %v = affine.load %a[%k] : memref<8xi32>
      // expected-error @+1 {{stream element s[1]: @p_1 writes 8 element(s) but @c_0 reads 4}}
      df.put %s[%i], %v : !df.stream_array<[2], i32, 2>
    }
  }
  df.kernel @c mapping [1] args(%A) : memref<8xi32> {
  ^bb0(%a: memref<8xi32>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    affine.for %k = 0 to 8 {
      %v = df.get %s[%c0] : !df.stream_array<[2], i32, 2>
    }
    affine.for %k = 0 to 4 {
      %w = df.get %s[%c1] : !df.stream_array<[2], i32, 2>
    }
  }
}
