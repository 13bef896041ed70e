module {
  func.func @apply_fold(%arg0: index) -> (index, index, index) {
    %c15 = arith.constant 15 : index
    %c1 = arith.constant 1 : index
    return %c15, %arg0, %c1 : index, index, index
  }
}

// -----
#map = affine_map<(d0, d1) -> (d0, 8)>
module {
  func.func @min_max_fold(%arg0: index) -> (index, index, index, index) {
    %c4 = arith.constant 4 : index
    %c6 = arith.constant 6 : index
    %c9 = arith.constant 9 : index
    %0 = affine.min #map(%arg0, %c4)
    return %c6, %c9, %0, %arg0 : index, index, index, index
  }
}

// -----
#map = affine_map<(d0) -> (d0 + 1)>
#map1 = affine_map<(d0) -> (d0 + 8, 10, 64)>
module {
  func.func @for_bounds(%arg0: index) {
    affine.for %arg1 = 2 to 10 {
      affine.for %arg2 = #map(%arg1) to min #map1(%arg1) {
        "test.use"(%arg2) : (index) -> ()
      }
      affine.for %arg2 = 20 to %arg0 {
        "test.use"(%arg2) : (index) -> ()
      }
    }
    return
  }
}

// -----
module {
  func.func @for_zero_trip(%arg0: f32) -> f32 {
    return %arg0 : f32
  }
}

// -----
#map = affine_map<(d0) -> (d0 * 2)>
#map1 = affine_map<(d0)[s0] -> (d0 + s0)>
#map2 = affine_map<(d0)[s0] -> (d0 * 3 + s0)>
#set = affine_set<(d0)[s0, s1] : (d0 * 2 - s0 + s1 >= 0)>
module {
  func.func @compose(%arg0: index, %arg1: index) {
    affine.for %arg2 = 0 to 10 {
      %0 = affine.apply #map(%arg2)
      %1 = affine.apply #map1(%0)[%arg0]
      affine.for %arg3 = #map(%arg2) to #map2(%arg2)[%arg0] {
        "test.use"(%arg3) : (index) -> ()
      }
      affine.if #set(%arg2)[%arg1, %arg0] {
        "test.then"() : () -> ()
      }
      affine.parallel (%arg3) = (%arg2 * 2) to (%arg2 * 2 + symbol(%arg0) + 4) {
        "test.use"(%arg3) : (index) -> ()
      }
    }
    return
  }
}

// -----
#set = affine_set<(d0)[s0] : (s0 - 3 >= 0, d0 - 3 == 0)>
module {
  func.func @if_canon(%arg0: index, %arg1: index) {
    affine.for %arg2 = 0 to 10 {
      affine.if #set(%arg2)[%arg0] {
        "test.then"() : () -> ()
      }
    }
    return
  }
}

