// Folding inputs: our folders under a replica of --test-constant-fold, compared with mlir-opt-19.
// Flags: --split-input-file --allow-unregistered-dialect --test-constant-fold

func.func @apply_fold(%a: index) -> (index, index, index) {
  %c4 = arith.constant 4 : index
  %c7 = arith.constant 7 : index
  %0 = affine.apply affine_map<(d0)[s0] -> (d0 * 3 + s0 floordiv 2)>(%c4)[%c7]
  %1 = affine.apply affine_map<(d0, d1) -> (d1)>(%c4, %a)
  %2 = affine.apply affine_map<()[s0] -> (s0 mod 3)>()[%c7]
  return %0, %1, %2 : index, index, index
}

// -----

func.func @min_max_fold(%a: index) -> (index, index, index, index) {
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  %0 = affine.min affine_map<(d0, d1) -> (d0 + 2, d1 - 1, 8)>(%c4, %c10)
  %1 = affine.max affine_map<(d0, d1) -> (d0 + 2, d1 - 1, 8)>(%c4, %c10)
  %2 = affine.min affine_map<(d0, d1) -> (d0, d1 * 2)>(%a, %c4)
  %3 = affine.max affine_map<(d0)[s0] -> (d0)>(%a)[%c10]
  return %0, %1, %2, %3 : index, index, index, index
}

// -----

func.func @for_bounds(%n: index) {
  %c2 = arith.constant 2 : index
  %c10 = arith.constant 10 : index
  affine.for %i = %c2 to %c10 {
    affine.for %j = affine_map<(d0) -> (d0 + 1)>(%i) to min affine_map<(d0)[s0] -> (d0 + 8, s0, 64)>(%i)[%c10] {
      "test.use"(%j) : (index) -> ()
    }
    affine.for %k = max affine_map<()[s0, s1] -> (s0, s1 * 2)>()[%c2, %c10] to %n {
      "test.use"(%k) : (index) -> ()
    }
  }
  return
}

// -----

func.func @for_zero_trip(%x: f32) -> f32 {
  %r = affine.for %i = 10 to 4 iter_args(%a = %x) -> (f32) {
    %y = "test.f"(%a) : (f32) -> f32
    affine.yield %y : f32
  }
  return %r : f32
}

// -----

func.func @compose(%n: index, %m: index) {
  affine.for %i = 0 to 10 {
    %a = affine.apply affine_map<(d0) -> (d0 * 2)>(%i)
    %b = affine.apply affine_map<(d0)[s0] -> (d0 + s0)>(%a)[%n]
    affine.for %j = affine_map<(d0) -> (d0)>(%a) to affine_map<(d0, d1) -> (d0 + d1)>(%b, %i) {
      "test.use"(%j) : (index) -> ()
    }
    affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0)>(%b)[%m] {
      "test.then"() : () -> ()
    }
    affine.parallel (%k) = (%a) to (%b + 4) {
      "test.use"(%k) : (index) -> ()
    }
  }
  return
}

// -----

func.func @if_canon(%n: index, %m: index) {
  %c3 = arith.constant 3 : index
  affine.for %i = 0 to 10 {
    affine.if affine_set<(d0, d1)[s0] : (d0 - s0 >= 0, d1 - 3 == 0)>(%n, %i)[%c3] {
      "test.then"() : () -> ()
    }
  }
  return
}
