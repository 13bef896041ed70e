// Without the implicit module, the source must hold exactly one top-level op: mlir-opt-19 reports the count at
// FILE:0:0, with no source line.
// RUN: not allo-opt %s --no-implicit-module 2>&1 | FileCheck %s
// RUN: not allo-opt %s --no-implicit-module --split-input-file 2>&1 | FileCheck %s --check-prefix=EMPTY

// CHECK:      {{^}}{{.*}}no-implicit-module-invalid.mlir:0:0: error: source must contain a single top-level operation, found: 2{{$}}
// CHECK-NOT:  ^
// EMPTY:      within split at {{.*}}no-implicit-module-invalid.mlir:{{[0-9]+}} offset :0:0: error: source must contain a single top-level operation, found: 0
func.func @f() {
  return
}
func.func @g() {
  return
}
// -----
