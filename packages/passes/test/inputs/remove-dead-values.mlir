func.func private @f(%x: i32, %y: i32, %m: memref<i32>) -> (i32, i32) {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %c0, %c0 : i32
  memref.store %0, %m[] : memref<i32>
  %dead = arith.muli %y, %y : i32
  return %c0, %0 : i32, i32
}
func.func @main(%a: i32, %m: memref<i32>, %c: i1) -> i32 {
  %1:2 = call @f(%a, %a, %m) : (i32, i32, memref<i32>) -> (i32, i32)
  %2 = scf.if %c -> (i32) {
    scf.yield %1#0 : i32
  } else {
    scf.yield %a : i32
  }
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %a, %y = %a) -> (i32, i32) {
    %s = arith.addi %x, %x : i32
    %t = arith.addi %y, %y : i32
    scf.yield %s, %t : i32, i32
  }
  %u = arith.addi %r#0, %2 : i32
  return %u : i32
}

func.func @g(%c: i1, %m: memref<i32>, %a: i32) -> i32 {
  %0 = scf.while (%x = %a) : (i32) -> i32 {
    %cond = arith.cmpi slt, %x, %a : i32
    scf.condition(%cond) %x : i32
  } do {
  ^bb0(%y: i32):
    %n = arith.addi %y, %y : i32
    scf.yield %n : i32
  }
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %a, %y = %a) -> (i32, i32) {
    %s = arith.addi %x, %x : i32
    memref.store %y, %m[] : memref<i32>
    %t = arith.addi %y, %s : i32
    scf.yield %s, %t : i32, i32
  }
  %e = scf.execute_region -> i32 {
    scf.yield %a : i32
  }
  affine.for %i = 0 to 3 {
    %z = arith.addi %a, %a : i32
  }
  return %r#1 : i32
}

func.func private @h(%x: i32, %unused: i32) -> i32 {
  return %x : i32
}
func.func @main2(%a: i32) -> i32 {
  %0 = call @h(%a, %a) : (i32, i32) -> i32
  return %0 : i32
}
func.func @k(%a: i32, %b: i32, %c: i32, %i: index, %m: memref<16xi32>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %v0 = arith.addi %a, %a : i32
  %v1 = arith.constant 0 : i32
  %v3 = arith.cmpi ne, %a, %v1 : i32
  %v2 = scf.if %v3 -> (i32) {
    scf.yield %v1 : i32
  } else {
    scf.yield %v1 : i32
  }
  %v5 = arith.cmpi ne, %v1, %v2 : i32
  %v4 = scf.if %v5 -> (i32) {
    %v6 = arith.addi %a, %a : i32
    scf.yield %a : i32
  } else {
    scf.yield %v2 : i32
  }
  return %v4 : i32
}
