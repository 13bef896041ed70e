func.func @regions(%a: i32, %b: i32, %c: i1, %m: memref<4xi32>, %i: index) -> (i32, i32, i32) {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %b, %a : i32
  %2 = arith.addi %a, %b : i32
  %3 = scf.if %c -> (i32) {
    %4 = arith.addi %a, %b : i32
    %5 = arith.muli %4, %4 : i32
    scf.yield %5 : i32
  } else {
    %6 = arith.muli %0, %0 : i32
    scf.yield %6 : i32
  }
  %7 = arith.muli %0, %0 : i32
  %l1 = memref.load %m[%i] : memref<4xi32>
  %l2 = memref.load %m[%i] : memref<4xi32>
  memref.store %a, %m[%i] : memref<4xi32>
  %l3 = memref.load %m[%i] : memref<4xi32>
  %s = arith.addi %l1, %l2 : i32
  %t = arith.addi %s, %l3 : i32
  %dead = arith.subi %a, %b : i32
  %u = arith.addi %t, %7 : i32
  %v = arith.addi %u, %1 : i32
  %w = arith.addi %v, %2 : i32
  return %w, %3, %0 : i32, i32, i32
}
func.func @loops(%lb: index, %ub: index, %st: index, %x: f32) -> f32 {
  %r = scf.for %iv = %lb to %ub step %st iter_args(%acc = %x) -> (f32) {
    %a = arith.addf %acc, %x : f32
    %b = arith.addf %acc, %x : f32
    %c = arith.mulf %a, %b : f32
    scf.yield %c : f32
  }
  %e1 = arith.addf %x, %x : f32
  %e2 = arith.addf %x, %x : f32
  %f = arith.addf %e1, %e2 : f32
  %g = arith.addf %f, %r : f32
  return %g : f32
}
