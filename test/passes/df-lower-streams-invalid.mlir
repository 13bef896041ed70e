// RUN: allo-opt %s --split-input-file --pass-pipeline='builtin.module(df-instantiate,df-specialize,df-lower-streams)' --verify-diagnostics

df.region @top(%A: memref<4xi32>) {
  %s = df.stream : !df.stream_array<[2], i32, 2>
  df.kernel @p mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    affine.for %i = 0 to 2 {
      %v = affine.load %a[%i] : memref<4xi32>
      // expected-error @+1 {{in kernel instance @p_0: index #0 of df.put on s is not a compile-time constant}}
      df.put %s[%i], %v : !df.stream_array<[2], i32, 2>
    }
  }
}

// -----

df.region @top(%A: memref<4xi32>) {
  %s = df.stream : !df.stream<i32, 2>
  df.kernel @p mapping [2] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %c0 = arith.constant 0 : index
    %v = memref.load %a[%c0] : memref<4xi32>
    // expected-error @+1 {{stream element s has 2 producers (@p_0, @p_1); exactly one is required}}
    df.put %s, %v : !df.stream<i32, 2>
  }
  df.kernel @c mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %v = df.get %s : !df.stream<i32, 2>
  }
}

// -----

df.region @top(%A: memref<4xi32>) {
  %s = df.stream : !df.stream<i32, 2>
  df.kernel @p mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    affine.for %i = 0 to 4 {
      %v = affine.load %a[%i] : memref<4xi32>
      // expected-error @+1 {{stream element s: @p_0 writes 4 element(s) but @c_0 reads 3}}
      df.put %s, %v : !df.stream<i32, 2>
    }
  }
  df.kernel @c mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    affine.for %i = 0 to 3 {
      %v = df.get %s : !df.stream<i32, 2>
    }
  }
}

// -----

df.region @top(%A: memref<4xi32>) {
  %s = df.stream : !df.stream<i32, 2>
  df.kernel @p mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
    %c0 = arith.constant 0 : index
    %v = memref.load %a[%c0] : memref<4xi32>
    // expected-error @+1 {{stream element s has 0 consumers (none); exactly one is required}}
    df.put %s, %v : !df.stream<i32, 2>
  }
}
