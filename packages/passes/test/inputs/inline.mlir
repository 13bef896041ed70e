func.func private @unused(%x: i32) -> i32 {
  %c = arith.constant 0 : i32
  %y = arith.addi %x, %c : i32
  return %y : i32
}
func.func private @sq(%x: i32) -> i32 {
  %y = arith.muli %x, %x : i32
  return %y : i32
}
func.func @pub(%x: i32) -> i32 {
  %c = arith.constant 0 : i32
  %y = arith.addi %x, %c : i32
  %z = call @sq(%y) : (i32) -> i32
  return %z : i32
}
func.func @main(%a: i32, %c: i1) -> i32 {
  %0 = call @pub(%a) : (i32) -> i32
  %1 = scf.if %c -> i32 {
    %2 = func.call @sq(%0) : (i32) -> i32
    scf.yield %2 : i32
  } else {
    scf.yield %0 : i32
  }
  %3 = call @rec(%1) : (i32) -> i32
  return %3 : i32
}
func.func @rec(%x: i32) -> i32 {
  %0 = call @rec(%x) : (i32) -> i32
  return %0 : i32
}
func.func private @ext(i32) -> i32
