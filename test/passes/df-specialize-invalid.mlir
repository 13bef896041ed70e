// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate,df-specialize)' --verify-diagnostics

df.region @top(%A: memref<2xi32>, %B: memref<1xi1>) {
  df.kernel @k mapping [1] args(%A, %B) : memref<2xi32>, memref<1xi1> {
  ^bb0(%a: memref<2xi32>, %b: memref<1xi1>):
    %c0 = arith.constant 0 : index
    %cond = memref.load %b[%c0] : memref<1xi1>
    // expected-error @+1 {{in kernel instance @k_0: the condition of df.meta_if does not fold to a constant}}
    df.meta_if %cond {
      %v = arith.constant 1 : i32
      memref.store %v, %a[%c0] : memref<2xi32>
    }
  }
}
