// An op that fails to verify, for the `see current operation` note of test/ir/note-print-flags*.mlir.
func.func @f(%a: i32, %b: i1) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = "scf.if"(%b) ({
    %2 = arith.addi %0, %0 {big = dense<[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]> : tensor<17xi32>} : i32 loc(callsite("x.c":5:6 at "b.c":3:4))
    scf.yield %2 : i32
  }, {
  }) : (i1) -> i32 loc("a.c":1:2)
  return %1 : i32
}
