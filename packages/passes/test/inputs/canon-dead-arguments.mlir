// Region DCE erases the dead argument of ^bb2 (and the operands passed to it) but, as in MLIR 19, does not count that
// as a change: with nothing else changed no further round runs, so the cond_br in ^bb1, whose two targets are now
// the same block with the same (no) operands, stays.
func.func @dead_argument_no_round(%c: i1, %d: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2(%x : i32)
^bb1:
  "x.use"() : () -> ()
  cf.cond_br %d, ^bb2(%x : i32), ^bb2(%y : i32)
^bb2(%a: i32):
  return %x : i32
}
