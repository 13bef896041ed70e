// An unnamed nested pipeline `(...)` is op-agnostic, as `any(...)` (MLIR's pass manager treats an empty anchor name
// as the any-op anchor): the canonicalize inside it runs.
// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(cse),(canonicalize))' --dump-pass-pipeline 2>&1 | FileCheck %s

// CHECK:      Pass Manager with 2 passes:
// CHECK-NEXT: builtin.module(func.func(cse),any(canonicalize{{.*}}))
// CHECK-LABEL: func.func @f
// CHECK-NEXT:  %[[M:.*]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT:  return %[[M]] : i32
func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %x = arith.addi %a, %c0 : i32
  %z = arith.muli %x, %x : i32
  return %z : i32
}
