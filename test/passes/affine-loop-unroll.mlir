// RUN: allo-opt %s --affine-loop-unroll | FileCheck %s
// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll{unroll-full}))' | FileCheck %s --check-prefix=FULL
// RUN: allo-opt %s --affine-loop-unroll='unroll-factor=3' | FileCheck %s --check-prefix=BY3

// By 4 (the default): the main loop covers 0..8 in steps of 4, a cleanup loop the last 2 iterations.
// CHECK-DAG:   #[[M1:.*]] = affine_map<(d0) -> (d0 + 1)>
// CHECK-LABEL: func.func @f
// CHECK:       affine.for %[[I:.*]] = 0 to 8 step 4 {
// CHECK-NEXT:    affine.load %{{.*}}[%[[I]]]
// CHECK:         %[[I1:.*]] = affine.apply #[[M1]](%[[I]])
// CHECK-NEXT:    affine.load %{{.*}}[%[[I1]]]
// CHECK:       affine.for %{{.*}} = 8 to 10 {
// FULL-LABEL:  func.func @f
// FULL-NOT:    affine.for
// FULL-COUNT-10: affine.store
// BY3:         affine.for %{{.*}} = 0 to 9 step 3 {
// BY3:         affine.load %{{.*}}[%[[C9:.*]]]
func.func @f(%m: memref<100xf32>) {
  affine.for %i = 0 to 10 {
    %v = affine.load %m[%i] : memref<100xf32>
    %w = arith.addf %v, %v : f32
    affine.store %w, %m[%i + 1] : memref<100xf32>
  }
  return
}
