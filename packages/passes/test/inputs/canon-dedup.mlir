func.func @f(%x: i32) -> (i32, i32) {
  %c = arith.constant 3 : i32
  %a = arith.addi %x, %c : i32
  %d = arith.constant 3 : i32
  %b = arith.muli %a, %d : i32
  return %a, %b : i32, i32
}
