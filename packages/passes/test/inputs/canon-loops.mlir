func.func @f(%m: memref<10xi32>, %x: i32) {
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  %c1 = arith.constant 1 : index
  affine.for %i = 0 to 10 {
    %c = arith.constant 3 : i32
    %d = arith.constant 4 : i32
    %s = arith.addi %c, %d : i32
    %t = arith.addi %s, %x : i32
    affine.store %t, %m[%i] : memref<10xi32>
  }
  scf.for %j = %c0 to %c10 step %c1 {
    %c = arith.constant 5 : i32
    memref.store %c, %m[%j] : memref<10xi32>
  }
  return
}
