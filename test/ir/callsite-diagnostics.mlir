// An error at a call site is shown at the callee, then each caller as a `called from` note; a caller in a file that
// cannot be read, or at a line the file lacks, prints without a source line.
// RUN: not allo-opt %s 2>&1 | FileCheck %s

func.func @f(%a: i32) -> i64 {
  return %a : i32 loc(callsite("callsite-diagnostics.mlir":6:3 at callsite("callsite-diagnostics.mlir":5:1 at "not-a-file.c":7:7)))
}
// CHECK:      callsite-diagnostics.mlir:6:3: error: type of return operand 0 ('i32') doesn't match function result type ('i64') in function @f
// CHECK-NEXT:   return %a : i32
// CHECK-NEXT:   ^
// CHECK-NEXT: callsite-diagnostics.mlir:5:1: note: called from
// CHECK-NEXT: func.func @f(%a: i32) -> i64 {
// CHECK-NEXT: ^
// CHECK-NEXT: not-a-file.c:7:7: note: called from
// CHECK-NEXT: callsite-diagnostics.mlir:6:3: note: see current operation: "func.return"(%arg0) : (i32) -> ()
// CHECK-NEXT:   return %a : i32
