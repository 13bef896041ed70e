#map = affine_map<(d0) -> (d0 floordiv 4, 0)>
#map1 = affine_map<(d0)[s0] -> (d0 + s0, 128)>
#map2 = affine_map<(d0) -> (d0)>
#map3 = affine_map<(d0) -> (d0 + 8)>
#map4 = affine_map<()[s0] -> (s0 * 2)>
module {
  func.func @for_bounds(%arg0: memref<128x128xf32>, %arg1: index, %arg2: index) {
    affine.for %arg3 = 0 to 16 {
      affine.for %arg4 = %arg1 to %arg2 step 4 {
        affine.for %arg5 = max #map(%arg3) to min #map1(%arg4)[%arg1] {
          %0 = affine.load %arg0[%arg3 * 4 + %arg4 - 3, %arg5] : memref<128x128xf32>
          affine.store %0, %arg0[%arg5, %arg3 + symbol(%arg1)] : memref<128x128xf32>
        }
        affine.for %arg5 = #map2(%arg4) to #map3(%arg4) step 2 {
          "test.use"(%arg5) : (index) -> ()
        }
      }
      affine.for %arg4 = -5 to #map4()[%arg1] {
      }
    }
    return
  }
}

// -----
module {
  func.func @iter_args(%arg0: memref<1024xf32>, %arg1: f32) -> (f32, index) {
    %0 = "test.index"() : () -> index
    %1:2 = affine.for %arg2 = 0 to 10 step 2 iter_args(%arg3 = %arg1, %arg4 = %0) -> (f32, index) {
      %2 = affine.load %arg0[%arg2] : memref<1024xf32>
      %3 = "test.add"(%arg3, %2) : (f32, f32) -> f32
      affine.yield %3, %arg2 : f32, index
    } {some.attr = "x"}
    return %1#0, %1#1 : f32, index
  }
}

// -----
#set = affine_set<(d0, d1)[s0] : (d0 - 10 >= 0, -d0 + s0 - 9 >= 0, d1 - 10 >= 0, -d1 + s0 - 9 == 0)>
#set1 = affine_set<(d0) : (d0 >= 0)>
#set2 = affine_set<()[s0] : (s0 - 1 >= 0)>
module {
  func.func @ifs(%arg0: index) -> f32 {
    affine.for %arg1 = 0 to 10 {
      affine.for %arg2 = 0 to 10 {
        affine.if #set(%arg1, %arg2)[%arg0] {
          "test.then"() : () -> ()
        }
        affine.if #set1(%arg1) {
          "test.then"() : () -> ()
        } else {
          "test.else"() : () -> ()
        } {tag = 1 : i32}
      }
    }
    %0 = affine.if #set2()[%arg0] -> f32 {
      %1 = "test.a"() : () -> f32
      affine.yield %1 : f32
    } else {
      %1 = "test.b"() : () -> f32
      affine.yield %1 : f32
    }
    return %0 : f32
  }
}

// -----
#map = affine_map<(d0, d1)[s0] -> (d0 floordiv 8 + d1 mod 128 + s0 * 3)>
#map1 = affine_map<()[s0] -> (s0 ceildiv 4)>
#map2 = affine_map<(d0)[s0] -> (1000, d0 + 512, s0)>
#map3 = affine_map<(d0, d1) -> (d0 - d1, -d0 + 7)>
module {
  func.func @apply_min_max(%arg0: index, %arg1: index, %arg2: index) -> (index, index, index, index) {
    %0 = affine.apply #map(%arg0, %arg1)[%arg2]
    %1 = affine.apply #map1()[%arg2]
    %2 = affine.min #map2(%arg0)[%arg2]
    %3 = affine.max #map3(%arg0, %arg1) {attr}
    return %0, %1, %2, %3 : index, index, index, index
  }
}

// -----
module {
  func.func @parallel(%arg0: memref<100x100xf32>, %arg1: index, %arg2: index) {
    affine.parallel (%arg3, %arg4) = (0, 0) to (98, 98) {
      %1 = affine.parallel (%arg5, %arg6) = (0, 0) to (2, 2) reduce ("addf") -> (f32) {
        %2 = affine.load %arg0[%arg3 + %arg5, %arg4 + %arg6] : memref<100x100xf32>
        affine.yield %2 : f32
      }
      affine.store %1, %arg0[%arg3, %arg4] : memref<100x100xf32>
    }
    affine.parallel (%arg3, %arg4) = (0, 0) to (%arg1, %arg2) step (32, 32) {
      affine.parallel (%arg5, %arg6) = (%arg3, %arg4) to (min(%arg3 + 32, %arg1), min(%arg4 + 32, %arg2)) {
        "test.use"(%arg5, %arg6) : (index, index) -> ()
      }
    }
    affine.parallel (%arg3) = (max(%arg1, %arg2 floordiv 2)) to (symbol(%arg1) + 5) {
    }
    %0:2 = affine.parallel (%arg3) = (0) to (10) reduce ("mulf", "maxs") -> (f64, si32) {
      %1 = "test.p"() : () -> f64
      %2 = "test.q"() : () -> si32
      affine.yield %1, %2 : f64, si32
    }
    affine.parallel () = () to () {
    }
    return
  }
}

// -----
module {
  func.func @memory(%arg0: memref<400x400xi32>, %arg1: memref<100xf32>, %arg2: memref<f32>, %arg3: index) {
    affine.for %arg4 = 0 to 100 step 8 {
      affine.prefetch %arg0[%arg4, %arg4 + 5], read, locality<3>, data : memref<400x400xi32>
      affine.prefetch %arg0[%arg3, %arg4], write, locality<0>, instr : memref<400x400xi32>
      %1 = affine.vector_load %arg1[%arg4] : memref<100xf32>, vector<8xf32>
      affine.vector_store %1, %arg1[%arg4 + symbol(%arg3)] : memref<100xf32>, vector<8xf32>
    }
    %0 = affine.load %arg2[] : memref<f32>
    affine.store %0, %arg2[] {nontemporal} : memref<f32>
    return
  }
}

// -----
module {
  func.func @dma(%arg0: memref<100x100xf32>, %arg1: memref<100x100xf32, 2>, %arg2: memref<1xi32>, %arg3: index, %arg4: index, %arg5: index) {
    %0 = "test.index"() : () -> index
    affine.for %arg6 = 0 to 10 {
      affine.dma_start %arg0[%arg6, %arg6 + 1], %arg1[%arg6, symbol(%arg3)], %arg2[%0], %arg3 : memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>
      affine.dma_start %arg0[%arg6, 0], %arg1[0, %arg6], %arg2[%arg6], %arg3, %arg4, %arg5 : memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>
      affine.dma_wait %arg2[%0], %arg3 : memref<1xi32>
    }
    return
  }
}

// -----
module {
  func.func @delinearize(%arg0: index, %arg1: index, %arg2: index, %arg3: index) -> (index, index) {
    %0:3 = affine.delinearize_index %arg0 into (%arg1, %arg2, %arg3) : index, index, index
    %1 = affine.delinearize_index %arg0 into (%arg1) : index
    return %0#2, %1 : index, index
  }
}

// -----
#map = affine_map<(d0) -> (d0)>
#set = affine_set<(d0) : (d0 == 0)>
module {
  func.func @generic_forms(%arg0: memref<10xf32>, %arg1: index) {
    affine.for %arg2 = #map(%arg1) to 10 step 3 {
      %0 = affine.load %arg0[%arg2 - 1] : memref<10xf32>
    }
    affine.if #set(%arg1) {
    }
    return
  }
}

