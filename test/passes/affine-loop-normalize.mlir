// RUN: allo-opt %s --affine-loop-normalize | FileCheck %s

// CHECK-DAG:   #[[MAP:.*]] = affine_map<(d0) -> (d0 * 3 + 2)>
// CHECK-LABEL: func.func @f
// CHECK:       affine.for %[[I:.*]] = 0 to 6 {
// CHECK-NEXT:    %[[OLD:.*]] = affine.apply #[[MAP]](%[[I]])
// CHECK-NEXT:    affine.load %{{.*}}[%[[OLD]]]
func.func @f(%m: memref<100xf32>) {
  affine.for %i = 2 to 20 step 3 {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i + 1] : memref<100xf32>
  }
  return
}
