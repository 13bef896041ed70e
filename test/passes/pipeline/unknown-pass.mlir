// RUN: not allo-opt %s --pass-pipeline='builtin.module(func.func(cse,no-such-pass))' 2>&1 | FileCheck %s
// RUN: not allo-opt %s --pass-pipeline='builtin.module(func.func())' 2>&1 | FileCheck %s --check-prefix=EMPTY

// CHECK:      <unknown>:0: error: MLIR Textual PassPipeline Parser:1:15: error: 'no-such-pass' does not refer to a registered pass or pass pipeline
// CHECK-NEXT: func.func(cse,no-such-pass)
// CHECK-NEXT: {{^              \^$}}
// EMPTY:      error: '' does not refer to a registered pass or pass pipeline
func.func @f() {
  return
}
