// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll{unroll-factor=0}))' --verify-diagnostics

// mlir-opt-19 asserts on a factor of 0; allo-opt reports it at the first loop it would unroll.
func.func @f(%m: memref<10xf32>) {
  // expected-error @+1 {{affine-loop-unroll: cannot unroll by a factor of 0 (unroll-factor must be at least 1)}}
  affine.for %i = 0 to 10 {
    %v = affine.load %m[%i] : memref<10xf32>
    affine.store %v, %m[%i] : memref<10xf32>
  }
  return
}

// A function without loops is left alone.
func.func @g() {
  return
}
