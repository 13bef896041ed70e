func.func @g(%m: memref<10xf32>) -> f32 {
  %cst = arith.constant 0.0 : f32
  %r = affine.parallel (%i) = (0) to (10) reduce ("addf") -> f32 {
    %v = affine.load %m[%i] : memref<10xf32>
    affine.yield %v : f32
  }
  %c2 = arith.constant 2 : index
  %c5 = arith.constant 5 : index
  affine.for %i = %c2 to %c5 {
    %v = affine.load %m[%i] : memref<10xf32>
    affine.store %v, %m[symbol(%c2)] : memref<10xf32>
  }
  %a = affine.apply affine_map<(d0) -> (d0 * 3)>(%c2)
  affine.if affine_set<() : (0 == 0)>() {
    affine.store %cst, %m[%a] : memref<10xf32>
  }
  return %r : f32
}
