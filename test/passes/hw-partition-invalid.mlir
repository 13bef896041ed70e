// RUN: allo-opt %s --pass-pipeline='builtin.module(hw-partition{memref=top:A dim=2 factor=4 kind=block})' --verify-diagnostics

// expected-error @+1 {{hw-partition: factor 4 does not divide dimension 2 of size 6 of top:A}}
hw.design @top(%A: memref<4x6xf32>) {
  hw.instance @pe_0(%A) : memref<4x6xf32>
}
func.func @pe_0(%a: memref<4x6xf32>) attributes {hw.pe} {
  return
}
