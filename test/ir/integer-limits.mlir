// Integers that allo-ts holds as doubles print back unchanged up to 2^53 and at powers of two (-2^63 is the dynamic
// marker of dense index arrays); integer attributes hold any 64-bit value (see integer-limits-invalid.mlir).
// RUN: allo-opt %s | FileCheck %s

// CHECK: #map = affine_map<(d0) -> (d0 + 9007199254740992)>
// CHECK-LABEL: func.func @f
// CHECK-SAME: tensor<9007199254740992xi8>
// CHECK-SAME: memref<4611686018427387904xf32>
// CHECK-SAME: x = 9007199254740993 : i64
// CHECK-SAME: y = array<i64: 9007199254740992, -9223372036854775808, 4611686018427387904>
// CHECK-SAME: z = #map
func.func @f(%a: tensor<9007199254740992xi8>, %b: memref<4611686018427387904xf32>) attributes {
    x = 9007199254740993 : i64, y = array<i64: 9007199254740992, -9223372036854775808, 4611686018427387904>,
    z = affine_map<(d0) -> (d0 + 9007199254740992)>} {
  return
}
