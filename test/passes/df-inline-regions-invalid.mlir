// RUN: allo-opt %s --split-input-file --pass-pipeline='builtin.module(df-instantiate,df-specialize,df-inline-regions)' --verify-diagnostics

df.region @a(%A: memref<4xi32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%x: memref<4xi32>):
    df.call @b(%x) : memref<4xi32>
  }
}
df.region @b(%A: memref<4xi32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%x: memref<4xi32>):
    // expected-error @+1 {{recursive df.call: @a -> @b -> @a}}
    df.call @a(%x) : memref<4xi32>
  }
}

// -----

df.region @inner(%A: memref<4xi32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%x: memref<4xi32>):
  }
}
df.region @top(%A: memref<4xi32>) {
  df.kernel @w mapping [1] args(%A) : memref<4xi32> {
  ^bb0(%x: memref<4xi32>):
    %m = memref.alloc() : memref<4xi32>
    // expected-error @+1 {{in kernel instance @w_0: operand #0 of df.call @inner must be an argument of the kernel}}
    df.call @inner(%m) : memref<4xi32>
  }
}
