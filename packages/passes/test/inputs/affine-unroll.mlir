func.func @f(%m: memref<100xf32>, %n: index) {
  affine.for %i = 0 to 10 {
    %v = affine.load %m[%i] : memref<100xf32>
    %w = arith.addf %v, %v : f32
    affine.store %w, %m[%i + 1] : memref<100xf32>
  }
  affine.for %i = 0 to 8 step 2 {
    affine.for %j = 0 to 3 {
      %v = affine.load %m[%i + %j] : memref<100xf32>
      affine.store %v, %m[%j] : memref<100xf32>
    }
  }
  affine.for %i = 0 to %n {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i] : memref<100xf32>
  }
  affine.for %i = 2 to 3 {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i] : memref<100xf32>
  }
  %s = affine.for %i = 0 to 6 iter_args(%acc = %n) -> index {
    %t = arith.addi %acc, %i : index
    affine.yield %t : index
  }
  affine.for %i = %n to affine_map<()[s0] -> (s0 + 8)>()[%n] {
    %v = affine.load %m[%i] : memref<100xf32>
    affine.store %v, %m[%i] : memref<100xf32>
  }
  return
}
