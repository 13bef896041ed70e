// RUN: allo-opt %s --pass-pipeline='builtin.module(hw-partition{memref=top:A dim=1 factor=2 kind=cyclic})' | FileCheck %s

// CHECK-LABEL: hw.design @top(%arg0: memref<4x6xf32> {hw.partition = [#hw.partition<dim = 1, kind = cyclic, factor = 2>]}, %arg1: memref<4x6xf32>)
// CHECK-LABEL: func.func @pe_0(%arg0: memref<4x6xf32> {hw.partition = [#hw.partition<dim = 1, kind = cyclic, factor = 2>]}, %arg1: memref<4x6xf32>)
hw.design @top(%A: memref<4x6xf32>, %B: memref<4x6xf32>) {
  hw.instance @pe_0(%A, %B) : memref<4x6xf32>, memref<4x6xf32>
}
func.func @pe_0(%a: memref<4x6xf32>, %b: memref<4x6xf32>) attributes {hw.pe} {
  memref.copy %a, %b : memref<4x6xf32> to memref<4x6xf32>
  return
}
