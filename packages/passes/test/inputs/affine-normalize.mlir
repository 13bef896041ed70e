func.func @f(%m: memref<100xf32>, %n: index) {
  affine.for %i = 2 to 20 step 3 {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i + 1] : memref<100xf32>
  }
  affine.for %i = %n to affine_map<()[s0] -> (s0 * 2 + 7)>()[%n] step 2 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to 50 {
      %v = affine.load %m[%i + %j] : memref<100xf32>
      affine.store %v, %m[%j] : memref<100xf32>
    }
  }
  affine.for %i = 5 to 6 {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i] : memref<100xf32>
  }
  affine.parallel (%i, %j) = (1, %n) to (10, 2 * %n) step (2, 3) {
    %v = affine.load %m[%i + %j] : memref<100xf32>
    affine.store %v, %m[%j] : memref<100xf32>
  }
  return
}
