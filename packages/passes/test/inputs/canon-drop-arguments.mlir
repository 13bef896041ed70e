// Aggressive region simplification drops the argument of ^bb1 (every predecessor passes %true), but, as in MLIR 19,
// that is not counted as a change: with nothing else changed, no further round folds the cond_br on the constant.
func.func @dropped_argument_no_round(%c: i1, %x: i32, %y: i32) -> i32 {
  %true = arith.constant true
  cf.cond_br %c, ^bb1(%true : i1), ^bb3
^bb1(%a: i1):
  "x.use"(%a) : (i1) -> ()
  cf.cond_br %a, ^bb2, ^bb3
^bb2:
  "x.foo"() : () -> ()
  return %x : i32
^bb3:
  "x.bar"() : () -> ()
  return %y : i32
}
