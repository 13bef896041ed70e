// --mlir-print-assume-verified: MLIR verifies an op before it prints it and prints the generic form if that fails
// (custom printers may not cope with invalid ops); the flag skips that check. allo-opt prints verified IR except
// after a pass failed or broke it, or with --verify-each=false: only there does it verify before printing (IR dumps
// and the output), so only there does the flag change anything (packages/passes/test/print-unverified.test.ts, with
// a pass that breaks IR). On verified IR the output is the same with and without it;
// print-assume-verified-mlir-opt.mlir compares with mlir-opt-19.
// RUN: allo-opt %s --mlir-print-assume-verified | FileCheck %s
// RUN: allo-opt %s --mlir-print-assume-verified --verify-each=false --cse | FileCheck %s --check-prefix=CSE
// RUN: allo-opt %s --mlir-print-assume-verified --mlir-print-op-generic | FileCheck %s --check-prefix=GEN
// RUN: allo-opt %s --mlir-print-assume-verified --mlir-print-ir-after-all --cse -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP

// CHECK-LABEL: func.func @f(%arg0: i32) -> i32 {
// CHECK-NEXT:    %0 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    %1 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    %2 = arith.muli %0, %1 : i32
// CHECK-NEXT:    return %2 : i32

// CSE-LABEL: func.func @f(%arg0: i32) -> i32 {
// CSE-NEXT:    %0 = arith.addi %arg0, %arg0 : i32
// CSE-NEXT:    %1 = arith.muli %0, %0 : i32
// CSE-NEXT:    return %1 : i32

// GEN: "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({

// DUMP:      // -----// IR Dump After CSE (cse) //----- //
// DUMP-NEXT: module {
// DUMP-NEXT:   func.func @f(%arg0: i32) -> i32 {

func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
