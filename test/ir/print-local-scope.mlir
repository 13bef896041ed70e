// --mlir-print-local-scope prints attributes, types and locations where they are used (no alias definitions) and,
// as MLIR's Operation::print with local scope, no trailing newline or file metadata; IR dumps follow it.
// print-local-scope-mlir-opt.mlir compares this file's outputs with mlir-opt-19's.
// RUN: allo-opt %s --mlir-print-local-scope | FileCheck %s
// RUN: allo-opt %s --mlir-print-local-scope --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC
// RUN: allo-opt %s --mlir-print-local-scope --canonicalize --mlir-print-ir-after=canonicalize -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP

// CHECK-NOT: #map
// CHECK-LABEL: func.func @f(%arg0: memref<4xf32, strided<[1], offset: ?>>) -> index
// CHECK: affine.apply affine_map<(d0) -> (d0 + 1)>(%arg2)
// CHECK: return %{{.*}} : index
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NOT: {{.}}

// LOC: affine.for %arg1 loc({{.*}}:{{[0-9]+}}:19) = 0 to 3 iter_args
// LOC: } loc(fused["x", "y"])
// LOC: } loc({{.*}}:0:0)

// DUMP: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// DUMP-NOT: #map
// DUMP: affine_map<(d0) -> (d0 + 1)>

#map = affine_map<(d0) -> (d0 + 1)>
!t = memref<4xf32, strided<[1], offset: ?>>
func.func @f(%a: !t) -> index {
  %c = arith.constant 0 : index
  %r = affine.for %i = 0 to 3 iter_args(%x = %c) -> index {
    %v = affine.load %a[%i + 1] : !t
    %w = affine.apply #map(%x)
    affine.yield %w : index
  } loc(fused["x", "y"])
  return %r : index
}
