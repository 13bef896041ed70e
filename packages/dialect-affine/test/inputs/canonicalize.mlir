// Canonicalization inputs (affine folders and patterns), compared with mlir-opt-19 --canonicalize.
// Flags: --split-input-file --allow-unregistered-dialect --canonicalize

func.func @compose_into_load(%A: memref<64xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %r = affine.for %i = 0 to 8 iter_args(%acc = %c0) -> (index) {
    %a = affine.apply affine_map<(d0) -> (d0 * 4)>(%i)
    %b = affine.apply affine_map<(d0)[s0] -> (d0 + s0 + 1)>(%a)[%n]
    %v = affine.load %A[%b] : memref<64xf32>
    affine.store %v, %A[%a + 2] : memref<64xf32>
    %m = affine.apply affine_map<(d0) -> (d0 mod 4)>(%a)
    %f = affine.apply affine_map<(d0) -> (d0 floordiv 8)>(%i)
    "test.use"(%m, %f) : (index, index) -> ()
    affine.yield %b : index
  }
  %v0 = affine.load %A[%r] : memref<64xf32>
  return %v0 : f32
}

// -----

func.func @min_max(%a: index, %b: index, %n: index) -> (index, index, index, index) {
  %0 = affine.min affine_map<(d0, d1) -> (d0 + d1, d0 + d1, 16)>(%a, %b)
  %1 = affine.max affine_map<(d0) -> (d0)>(%a)
  %2 = affine.min affine_map<()[s0] -> (s0 + 16, s0 * 8)>()[%n]
  %3 = affine.min affine_map<(d0)[s0] -> (s0 + 4, d0)>(%2)[%b]
  %4 = affine.max affine_map<(d0, d1) -> (d1 + 16, d0 + 32, 32)>(%a, %b)
  return %0, %1, %3, %4 : index, index, index, index
}

// -----

func.func @ifs(%n: index) -> index {
  affine.for %i = 0 to 4 {
    affine.if affine_set<(d0) : (1 == 0)>(%i) {
      "test.never"() : () -> ()
    }
    affine.if affine_set<(d0) : (0 == 0)>(%i) {
      "test.always"() : () -> ()
    }
    affine.if affine_set<(d0) : (d0 - 2 >= 0)>(%i) {
      "test.then"() : () -> ()
    } else {
    }
  }
  %r = affine.if affine_set<()[s0] : (1 == 0)>()[%n] -> index {
    affine.yield %n : index
  } else {
    %c = arith.constant 7 : index
    affine.yield %c : index
  }
  return %r : index
}

// -----

func.func @loops(%x: f32, %n: index) -> (f32, f32, f32) {
  %0 = affine.for %i = 0 to 10 iter_args(%a = %x) -> (f32) {
    affine.yield %a : f32
  }
  %1 = affine.for %i = 0 to %n iter_args(%a = %x) -> (f32) {
    affine.yield %x : f32
  }
  %2 = affine.for %i = 3 to 3 iter_args(%a = %x) -> (f32) {
    %y = "test.f"(%a) : (f32) -> f32
    affine.yield %y : f32
  }
  affine.for %i = 0 to 10 {
  }
  affine.for %i = 0 to 100 step 4 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0) -> (d0 + 4, 100)>(%i) {
      %k = affine.apply affine_map<(d0, d1) -> ((d0 + d1) floordiv 4)>(%i, %j)
      "test.use"(%k) : (index) -> ()
    }
  }
  return %0, %1, %2 : f32, f32, f32
}

// -----

func.func @parallel_and_dims(%A: memref<?x?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %d = memref.dim %A, %c1 : memref<?x?xf32>
  affine.parallel (%i, %j) = (0, 0) to (%n, %d) {
    %a = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
    affine.parallel (%k) = (%a) to (%a + 8) {
      %v = affine.load %A[%k, %j] : memref<?x?xf32>
      affine.store %v, %A[%j, %k] : memref<?x?xf32>
    }
  }
  return
}
