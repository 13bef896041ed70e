// Locations of constants the canonicalizer deduplicates, hoists or folds to (MLIR 19's OperationFolder gives a kept
// or moved constant an unknown location, even when the constants shared one).
#l = loc("same":1:1)
func.func @same_loc(%a: i32) -> (i32, i32) {
  %c1 = arith.constant 1 : i32 loc(#l)
  %x = arith.addi %a, %c1 : i32
  %c1b = arith.constant 1 : i32 loc(#l)
  %y = arith.muli %x, %c1b : i32
  %c2 = arith.constant 2 : i32 loc(#l)
  return %y, %c2 : i32, i32
}
func.func @diff_loc(%a: i32) -> (i32, i32) {
  %c1 = arith.constant 1 : i32
  %x = arith.addi %a, %c1 : i32
  %c1b = arith.constant 1 : i32
  %y = arith.subi %x, %c1b : i32
  return %y, %x : i32, i32
}
func.func @fold_existing(%a: i32) -> (i32, i32) {
  %c3 = arith.constant 3 : i32
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %s = arith.addi %c1, %c2 : i32
  %r = arith.addi %a, %s : i32
  return %r, %c3 : i32, i32
}
func.func @fold_same_loc(%a: i32) -> (i32, i32) {
  %c3 = arith.constant 3 : i32 loc(#l)
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %s = arith.addi %c1, %c2 : i32 loc(#l)
  %r = arith.addi %a, %s : i32
  return %r, %c3 : i32, i32
}
func.func @nested(%a: i32, %b: i1) -> i32 {
  %c5 = arith.constant 5 : i32 loc(#l)
  %r = scf.if %b -> i32 {
    %c5b = arith.constant 5 : i32 loc(#l)
    %c7 = arith.constant 7 : i32
    %t = arith.addi %a, %c7 : i32
    %u = arith.addi %t, %c5b : i32
    scf.yield %u : i32
  } else {
    scf.yield %c5 : i32
  }
  return %r : i32
}
