func.func @licm(%lb: index, %ub: index, %st: index, %a: i32, %b: i32, %m: memref<10xi32>) {
  scf.for %i = %lb to %ub step %st {
    %0 = arith.addi %a, %b : i32
    %1 = arith.muli %0, %0 : i32
    %2 = arith.index_cast %i : index to i32
    %3 = arith.addi %1, %2 : i32
    %d = arith.divsi %a, %b : i32
    %l = memref.load %m[%lb] : memref<10xi32>
    %c7 = arith.constant 7 : i32
    %4 = arith.addi %c7, %1 : i32
    scf.for %j = %lb to %ub step %st {
      %5 = arith.subi %4, %a : i32
      %6 = arith.addi %5, %3 : i32
      memref.store %6, %m[%j] : memref<10xi32>
    }
    memref.store %d, %m[%i] : memref<10xi32>
    memref.store %l, %m[%i] : memref<10xi32>
  }
  affine.for %i = 0 to 10 {
    %x = arith.addi %a, %a : i32
    affine.for %j = 0 to 10 {
      %y = arith.muli %x, %b : i32
      affine.store %y, %m[%j] : memref<10xi32>
    }
  }
  return
}
