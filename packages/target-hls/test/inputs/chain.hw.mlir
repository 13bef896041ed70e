// A three-stage chain with a partitioned argument, a scalar instance operand, a pipelined loop, a subview,
// scf control flow and a loop-carried sum: C[i] = sum over k <= i of (3 * A[k] - B[k + 2]), D[0] = C[7] clamped
// at 0 from below.
hw.design @top(%A: memref<8xi32> {hw.partition = [#hw.partition<dim = 1, kind = cyclic, factor = 2>]},
               %B: memref<12xi32>, %C: memref<8xi32>, %D: memref<1xi32>) {
  %c3 = arith.constant 3 : i32
  %s1 = hw.fifo "stage[1]" : !hw.fifo<i32, 2>
  %s2 = hw.fifo "stage[2]" : !hw.fifo<i32, 8>
  hw.instance @sum(%s2, %C, %D) : !hw.fifo<i32, 8>, memref<8xi32>, memref<1xi32>
  hw.instance @scale(%A, %c3, %s1) : memref<8xi32>, i32, !hw.fifo<i32, 2>
  hw.instance @sub(%s1, %B, %s2) : !hw.fifo<i32, 2>, memref<12xi32>, !hw.fifo<i32, 8>
}
func.func @scale(%a: memref<8xi32>, %f: i32, %out: !hw.fifo<i32, 2>) attributes {hw.pe} {
  affine.for %i = 0 to 8 {
    %v = affine.load %a[%i] : memref<8xi32>
    %p = arith.muli %v, %f : i32
    hw.write %out, %p : !hw.fifo<i32, 2>
  } {hw.pipeline = 1 : i64}
  return
}
func.func @sub(%in: !hw.fifo<i32, 2>, %b: memref<12xi32>, %out: !hw.fifo<i32, 8>) attributes {hw.pe} {
  %w = memref.subview %b[2] [8] [1] : memref<12xi32> to memref<8xi32, strided<[1], offset: 2>>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %c8 step %c1 {
    %x = hw.read %in : !hw.fifo<i32, 2>
    %y = memref.load %w[%i] : memref<8xi32, strided<[1], offset: 2>>
    %d = arith.subi %x, %y : i32
    hw.write %out, %d : !hw.fifo<i32, 8>
  }
  return
}
func.func @sum(%in: !hw.fifo<i32, 8>, %c: memref<8xi32>, %d: memref<1xi32>) attributes {hw.pe} {
  %zero = arith.constant 0 : i32
  %total = affine.for %i = 0 to 8 iter_args(%acc = %zero) -> (i32) {
    %x = hw.read %in : !hw.fifo<i32, 8>
    %s = arith.addi %acc, %x : i32
    affine.store %s, %c[%i] : memref<8xi32>
    affine.yield %s : i32
  }
  %neg = arith.cmpi slt, %total, %zero : i32
  %r = scf.if %neg -> (i32) {
    scf.yield %zero : i32
  } else {
    scf.yield %total : i32
  }
  affine.store %r, %d[0] : memref<1xi32>
  return
}
