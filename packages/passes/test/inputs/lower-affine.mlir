#set = affine_set<(d0)[s0] : (d0 - 2 >= 0, s0 - d0 - 1 >= 0, d0 mod 2 == 0)>
func.func @f(%m: memref<100xf32>, %n: index) -> index {
  %c3 = arith.constant 3 : index
  affine.for %i = 0 to 10 {
    %v = affine.load %m[%i floordiv 3 + %i mod 4] : memref<100xf32>
    affine.store %v, %m[%i ceildiv 2] : memref<100xf32>
    affine.if #set(%i)[%n] {
      affine.store %v, %m[%i] : memref<100xf32>
    } else {
      affine.store %v, %m[%i + 1] : memref<100xf32>
    }
  }
  %x = affine.apply affine_map<(d0) -> (d0 + 1)>(%c3)
  %y = affine.apply affine_map<(d0)[s0] -> (d0 * 2 + s0)>(%x)[%n]
  %z = affine.min affine_map<(d0)[s0] -> (d0, s0, 7)>(%y)[%n]
  %r = affine.for %i = max affine_map<()[s0] -> (s0, 3)>()[%n] to %c3 step 2 iter_args(%a = %z) -> index {
    %b = arith.addi %a, %i : index
    affine.yield %b : index
  }
  affine.parallel (%i, %j) = (0, 0) to (10, %n) {
    %v = affine.load %m[%i + %j] : memref<100xf32>
    affine.store %v, %m[%j] : memref<100xf32>
  }
  return %r : index
}
