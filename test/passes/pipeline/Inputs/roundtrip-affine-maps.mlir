// Two affine maps built differently, ((i + j) + 5) and (i + (j + 5)), print the same; parsed back they are one map,
// so the round trip of --verify-roundtrip gives one alias where the original printed two (in mlir-opt-19 as well).
// The elements attributes show how the `see current operation` note elides them (more than 16 elements).
func.func @f() attributes {
  a = affine_map<(i, j) -> ((i + j) + 5, j)>, b = affine_map<(i, j) -> (i + (j + 5), j)>,
  c = dense<[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]> : tensor<17xi32>,
  d = dense<[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]> : tensor<16xi32>
} {
  return
}
