// A float attribute written as raw bits keeps them when they are a NaN: its sign and payload print back as
// mlir-opt-19 prints them (the NaN JavaScript computes with prints as the type's quiet NaN).
// RUN: allo-opt %s | FileCheck %s
// RUN: allo-opt %s --mlir-print-op-generic | allo-opt | FileCheck %s
// RUN: allo-opt %s --canonicalize | FileCheck %s --check-prefix=CANON

// CHECK-LABEL: func.func @f
// CHECK: arith.constant 0x7FC00001 : f32
// CHECK: arith.constant 0xFFFFFFFF : f32
// CHECK: arith.constant 0x7C01 : f16
// CHECK: arith.constant 0x7FF0000000000001 : f64
// CHECK: arith.constant 0x7FF8000000000000 : f64
// CHECK: arith.constant 0x7FC1 : bf16
// CHECK: arith.constant 0x7FC00000 : f32
// CHECK: arith.constant 0xFFC00000 : f32
// CHECK: arith.constant 0x7F800000 : f32
// CANON-LABEL: func.func @f
// CANON-DAG: arith.constant 0x7FC00001 : f32
// CANON-DAG: arith.constant 0xFFFFFFFF : f32
// CANON-DAG: arith.constant 0x7FC00000 : f32
// CANON-DAG: arith.constant 0xFFC00000 : f32
func.func @f() -> (f32, f32, f16, f64, f64, bf16, f32, f32, f32) {
  %0 = arith.constant 0x7FC00001 : f32
  %1 = arith.constant 0xFFFFFFFF : f32
  %2 = arith.constant 0x7C01 : f16
  %3 = arith.constant 0x7FF0000000000001 : f64
  %4 = arith.constant 0x7FF8000000000000 : f64
  %5 = arith.constant 0x7FC1 : bf16
  %6 = arith.constant 0x7FC00000 : f32
  %7 = arith.constant 0xFFC00000 : f32
  %8 = arith.constant 0x7F800000 : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : f32, f32, f16, f64, f64, bf16, f32, f32, f32
}
