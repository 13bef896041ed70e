// Several functions, one a declaration, and a nested named module: input of the IR tree, timing and reproducer tests.
func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %a, %c0 : i32
  %1 = arith.addi %a, %c0 : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
func.func @h(%a: i32) -> i32 {
  return %a : i32
}
func.func private @unused()
module @inner {
  func.func @k() {
    return
  }
}
