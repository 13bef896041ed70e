// Shapes, strides, dense arrays and affine constants are JavaScript numbers in allo-ts: an integer there that a
// double does not hold exactly (beyond 2^53, unless a power of two such as -2^63) is refused where it is written,
// rather than changed; MLIR's own limits (int64 dimensions, constants below 2^63) give MLIR's messages.
// RUN: allo-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{integer 9007199254740993 cannot be held exactly here}}
func.func @f(%a: tensor<9007199254740993xi8>) {
  return
}

// -----

// expected-error @+1 {{integer 9223372036854775807 cannot be held exactly here}}
func.func @f(%a: memref<9223372036854775807x2xf32>) {
  return
}

// -----

// expected-error @+1 {{invalid dimension}}
func.func @f(%a: memref<99999999999999999999xf32>) {
  return
}

// -----

// expected-error @+1 {{integer 9007199254740993 cannot be held exactly here}}
func.func @f() attributes {y = array<i64: 1, 9007199254740993>} {
  return
}

// -----

// expected-error @+1 {{integer 9007199254740993 cannot be held exactly here}}
func.func @f() attributes {z = affine_map<(d0) -> (d0 + 9007199254740993)>} {
  return
}

// -----

// expected-error @+1 {{constant too large for index}}
func.func @f() attributes {z = affine_map<(d0) -> (d0 + 9223372036854775808)>} {
  return
}

// -----

// expected-error @+1 {{integer -9007199254740993 cannot be held exactly here}}
func.func @f(%a: memref<4xf32, strided<[-9007199254740993]>>) {
  return
}
