#map = affine_map<(d0)[s0] -> (d0 * 4 + s0 + 1)>
module {
  func.func @compose_into_load(%arg0: memref<64xf32>, %arg1: index) -> f32 {
    %c0 = arith.constant 0 : index
    %0 = affine.for %arg2 = 0 to 8 iter_args(%arg3 = %c0) -> (index) {
      %2 = affine.apply #map(%arg2)[%arg1]
      %3 = affine.load %arg0[%arg2 * 4 + symbol(%arg1) + 1] : memref<64xf32>
      affine.store %3, %arg0[%arg2 * 4 + 2] : memref<64xf32>
      "test.use"(%c0, %c0) : (index, index) -> ()
      affine.yield %2 : index
    }
    %1 = affine.load %arg0[symbol(%0)] : memref<64xf32>
    return %1 : f32
  }
}

// -----
#map = affine_map<()[s0, s1] -> (16, s0 + s1)>
#map1 = affine_map<()[s0, s1] -> (s1 + 16, s1 * 8, s0 + 4)>
#map2 = affine_map<()[s0, s1] -> (32, s1 + 16, s0 + 32)>
module {
  func.func @min_max(%arg0: index, %arg1: index, %arg2: index) -> (index, index, index, index) {
    %0 = affine.min #map()[%arg0, %arg1]
    %1 = affine.min #map1()[%arg1, %arg2]
    %2 = affine.max #map2()[%arg0, %arg1]
    return %0, %arg0, %1, %2 : index, index, index, index
  }
}

// -----
#set = affine_set<(d0) : (d0 - 2 >= 0)>
module {
  func.func @ifs(%arg0: index) -> index {
    %c7 = arith.constant 7 : index
    affine.for %arg1 = 0 to 4 {
      "test.always"() : () -> ()
      affine.if #set(%arg1) {
        "test.then"() : () -> ()
      }
    }
    return %c7 : index
  }
}

// -----
#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> (d0 + 4)>
#map2 = affine_map<(d0, d1) -> ((d0 + d1) floordiv 4)>
module {
  func.func @loops(%arg0: f32, %arg1: index) -> (f32, f32, f32) {
    %0 = affine.for %arg2 = 0 to %arg1 iter_args(%arg3 = %arg0) -> (f32) {
      affine.yield %arg0 : f32
    }
    affine.for %arg2 = 0 to 100 step 4 {
      affine.for %arg3 = #map(%arg2) to #map1(%arg2) {
        %1 = affine.apply #map2(%arg2, %arg3)
        "test.use"(%1) : (index) -> ()
      }
    }
    return %arg0, %0, %arg0 : f32, f32, f32
  }
}

// -----
module {
  func.func @parallel_and_dims(%arg0: memref<?x?xf32>, %arg1: index) {
    %c1 = arith.constant 1 : index
    %dim = memref.dim %arg0, %c1 : memref<?x?xf32>
    affine.parallel (%arg2, %arg3) = (0, 0) to (symbol(%arg1), symbol(%dim)) {
      affine.parallel (%arg4) = (%arg2 + 1) to (%arg2 + 9) {
        %0 = affine.load %arg0[%arg4, %arg3] : memref<?x?xf32>
        affine.store %0, %arg0[%arg3, %arg4] : memref<?x?xf32>
      }
    }
    return
  }
}

