func.func @f(%a: i32, %b: i32, %c: i1, %m: memref<4xi32>, %i: index) -> (i32, i32, i32, i1, i1) {
  %t = arith.constant true
  %0 = scf.if %t -> i32 {
    %x = arith.addi %a, %b : i32
    scf.yield %x : i32
  } else {
    scf.yield %a : i32
  }
  %1 = scf.if %c -> i32 {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  %2 = scf.if %c -> i32 {
    scf.yield %a : i32
  } else {
    scf.yield %a : i32
  }
  %tr = arith.constant true
  %fa = arith.constant false
  %3 = scf.if %c -> i1 {
    scf.yield %tr : i1
  } else {
    scf.yield %fa : i1
  }
  %4 = scf.if %c -> i1 {
    scf.yield %fa : i1
  } else {
    scf.yield %tr : i1
  }
  %5:2 = scf.if %c -> (i32, i32) {
    memref.store %a, %m[%i] : memref<4xi32>
    %u = arith.subi %a, %b : i32
    scf.yield %u, %b : i32, i32
  } else {
    scf.yield %a, %a : i32, i32
  }
  scf.if %c {
    %v = arith.select %c, %a, %b : i32
    memref.store %v, %m[%i] : memref<4xi32>
  } else {
  }
  return %0, %1, %2, %3, %4 : i32, i32, i32, i1, i1
}
func.func @loops(%m: memref<4xi32>, %a: i32, %n: index) -> (i32, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r:3 = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a, %y = %a, %z = %a) -> (i32, i32, i32) {
    %s = arith.addi %x, %x : i32
    memref.store %s, %m[%i] : memref<4xi32>
    scf.yield %s, %y, %a : i32, i32, i32
  }
  %q = scf.for %i = %c0 to %c1 step %c1 iter_args(%x = %a) -> (i32) {
    %s = arith.addi %x, %x : i32
    scf.yield %s : i32
  }
  scf.for %i = %c4 to %c0 step %c1 {
    memref.store %a, %m[%i] : memref<4xi32>
  }
  return %r#0, %q : i32, i32
}
func.func @dup_iter_args(%a: i32, %m: memref<16xi32>) -> (i32, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %a, %y = %a) -> (i32, i32) {
    %s = arith.addi %x, %y : i32
    memref.store %s, %m[%c0] : memref<16xi32>
    %t = arith.muli %a, %a : i32
    scf.yield %t, %t : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}
