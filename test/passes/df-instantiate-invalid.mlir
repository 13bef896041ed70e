// RUN: allo-opt %s --pass-pipeline='builtin.module(df-instantiate)' --verify-diagnostics

df.region @huge(%A: memref<4xi32>) {
  // expected-error @+1 {{kernel @k has 1048576 instances, more than the limit of 1000000}}
  df.kernel @k mapping [1024, 1024] args(%A) : memref<4xi32> {
  ^bb0(%a: memref<4xi32>):
  }
}
