func.func @f(%c: i1, %x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  %r = scf.if %c -> i32 {
    %a = arith.constant 1 : i32
    %b = arith.constant 2 : i32
    %s = arith.addi %a, %b : i32
    %t = arith.muli %s, %x : i32
    scf.yield %t : i32
  } else {
    %a = arith.constant 7 : i32
    %z = arith.constant 0 : i32
    %u = arith.addi %x, %z : i32
    %v = arith.muli %u, %a : i32
    scf.yield %v : i32
  }
  %q = arith.constant 5 : i32
  %w = arith.addi %r, %q : i32
  %k = arith.constant 3 : i32
  %w2 = arith.addi %w, %k : i32
  return %w2 : i32
}
