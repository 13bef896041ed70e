// A reproducer whose stored pipeline names no registered pass: mlir-opt-19 prints the pipeline syntax error as it is
// (not wrapped in `<unknown>:0: error:`) and fails.
// RUN: not allo-opt %s --run-reproducer 2>&1 | FileCheck %s

// CHECK-NOT:  <unknown>
// CHECK:      {{^}}MLIR Textual PassPipeline Parser:1:1: error: 'bogus' does not refer to a registered pass or pass pipeline
// CHECK-NEXT: {{^}}bogus
// CHECK-NEXT: {{^\^$}}
func.func @f() {
  return
}
{-#
  external_resources: {
    mlir_reproducer: {
      pipeline: "builtin.module(bogus)",
      disable_threading: false
    }
  }
#-}
