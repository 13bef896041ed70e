#map = affine_map<(d0, d1, d2) -> (d0 * 4 + d1 - 3, d2)>
#map1 = affine_map<(d0, d1)[s0] -> (d0, d1 + s0)>
#map2 = affine_map<(d0) -> (d0 floordiv 4, 0)>
#map3 = affine_map<(d0)[s0] -> (d0 + s0, 128)>
#map4 = affine_map<(d0) -> (d0)>
#map5 = affine_map<(d0) -> (d0 + 8)>
#map6 = affine_map<()[s0] -> (s0)>
#map7 = affine_map<() -> (-5)>
#map8 = affine_map<()[s0] -> (s0 * 2)>
#map9 = affine_map<() -> (0)>
#map10 = affine_map<() -> (16)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<128x128xf32>, index, index) -> (), sym_name = "for_bounds"}> ({
  ^bb0(%arg0: memref<128x128xf32>, %arg1: index, %arg2: index):
    "affine.for"() <{lowerBoundMap = #map9, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = #map10}> ({
    ^bb0(%arg3: index):
      "affine.for"(%arg1, %arg2) <{lowerBoundMap = #map6, operandSegmentSizes = array<i32: 1, 1, 0>, step = 4 : index, upperBoundMap = #map6}> ({
      ^bb0(%arg5: index):
        "affine.for"(%arg3, %arg5, %arg1) <{lowerBoundMap = #map2, operandSegmentSizes = array<i32: 1, 2, 0>, step = 1 : index, upperBoundMap = #map3}> ({
        ^bb0(%arg7: index):
          %0 = "affine.load"(%arg0, %arg3, %arg5, %arg7) <{map = #map}> : (memref<128x128xf32>, index, index, index) -> f32
          "affine.store"(%0, %arg0, %arg7, %arg3, %arg1) <{map = #map1}> : (f32, memref<128x128xf32>, index, index, index) -> ()
          "affine.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "affine.for"(%arg5, %arg5) <{lowerBoundMap = #map4, operandSegmentSizes = array<i32: 1, 1, 0>, step = 2 : index, upperBoundMap = #map5}> ({
        ^bb0(%arg6: index):
          "test.use"(%arg6) : (index) -> ()
          "affine.yield"() : () -> ()
        }) : (index, index) -> ()
        "affine.yield"() : () -> ()
      }) : (index, index) -> ()
      "affine.for"(%arg1) <{lowerBoundMap = #map7, operandSegmentSizes = array<i32: 0, 1, 0>, step = 1 : index, upperBoundMap = #map8}> ({
      ^bb0(%arg4: index):
        "affine.yield"() : () -> ()
      }) : (index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<() -> (0)>
#map2 = affine_map<() -> (10)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<1024xf32>, f32) -> (f32, index), sym_name = "iter_args"}> ({
  ^bb0(%arg0: memref<1024xf32>, %arg1: f32):
    %0 = "test.index"() : () -> index
    %1:2 = "affine.for"(%arg1, %0) <{lowerBoundMap = #map1, operandSegmentSizes = array<i32: 0, 0, 2>, step = 2 : index, upperBoundMap = #map2}> ({
    ^bb0(%arg2: index, %arg3: f32, %arg4: index):
      %2 = "affine.load"(%arg0, %arg2) <{map = #map}> : (memref<1024xf32>, index) -> f32
      %3 = "test.add"(%arg3, %2) : (f32, f32) -> f32
      "affine.yield"(%3, %arg2) : (f32, index) -> ()
    }) {some.attr = "x"} : (f32, index) -> (f32, index)
    "func.return"(%1#0, %1#1) : (f32, index) -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<() -> (0)>
#map1 = affine_map<() -> (10)>
#set = affine_set<(d0, d1)[s0] : (d0 - 10 >= 0, -d0 + s0 - 9 >= 0, d1 - 10 >= 0, -d1 + s0 - 9 == 0)>
#set1 = affine_set<(d0) : (d0 >= 0)>
#set2 = affine_set<()[s0] : (s0 - 1 >= 0)>
"builtin.module"() ({
  "func.func"() <{function_type = (index) -> f32, sym_name = "ifs"}> ({
  ^bb0(%arg0: index):
    "affine.for"() <{lowerBoundMap = #map, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = #map1}> ({
    ^bb0(%arg1: index):
      "affine.for"() <{lowerBoundMap = #map, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = #map1}> ({
      ^bb0(%arg2: index):
        "affine.if"(%arg1, %arg2, %arg0) ({
          "test.then"() : () -> ()
          "affine.yield"() : () -> ()
        }, {
        }) {condition = #set} : (index, index, index) -> ()
        "affine.if"(%arg1) ({
          "test.then"() : () -> ()
          "affine.yield"() : () -> ()
        }, {
          "test.else"() : () -> ()
          "affine.yield"() : () -> ()
        }) {condition = #set1, tag = 1 : i32} : (index) -> ()
        "affine.yield"() : () -> ()
      }) : () -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    %0 = "affine.if"(%arg0) ({
      %2 = "test.a"() : () -> f32
      "affine.yield"(%2) : (f32) -> ()
    }, {
      %1 = "test.b"() : () -> f32
      "affine.yield"(%1) : (f32) -> ()
    }) {condition = #set2} : (index) -> f32
    "func.return"(%0) : (f32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<(d0, d1)[s0] -> (d0 floordiv 8 + d1 mod 128 + s0 * 3)>
#map1 = affine_map<()[s0] -> (s0 ceildiv 4)>
#map2 = affine_map<(d0)[s0] -> (1000, d0 + 512, s0)>
#map3 = affine_map<(d0, d1) -> (d0 - d1, -d0 + 7)>
"builtin.module"() ({
  "func.func"() <{function_type = (index, index, index) -> (index, index, index, index), sym_name = "apply_min_max"}> ({
  ^bb0(%arg0: index, %arg1: index, %arg2: index):
    %0 = "affine.apply"(%arg0, %arg1, %arg2) <{map = #map}> : (index, index, index) -> index
    %1 = "affine.apply"(%arg2) <{map = #map1}> : (index) -> index
    %2 = "affine.min"(%arg0, %arg2) <{map = #map2}> : (index, index) -> index
    %3 = "affine.max"(%arg0, %arg1) <{map = #map3}> {attr} : (index, index) -> index
    "func.return"(%0, %1, %2, %3) : (index, index, index, index) -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<(d0, d1, d2, d3) -> (d0 + d1, d2 + d3)>
#map1 = affine_map<() -> (0, 0)>
#map2 = affine_map<() -> (2, 2)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<() -> (98, 98)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d0 + 32, d1, d2 + 32, d3)>
#map6 = affine_map<(d0, d1) -> (d0, d1 floordiv 2)>
#map7 = affine_map<()[s0] -> (s0 + 5)>
#map8 = affine_map<() -> (0)>
#map9 = affine_map<() -> (10)>
#map10 = affine_map<() -> ()>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<100x100xf32>, index, index) -> (), sym_name = "parallel"}> ({
  ^bb0(%arg0: memref<100x100xf32>, %arg1: index, %arg2: index):
    "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<2xi32>, lowerBoundsMap = #map1, reductions = [], steps = [1, 1], upperBoundsGroups = dense<1> : tensor<2xi32>, upperBoundsMap = #map4}> ({
    ^bb0(%arg9: index, %arg10: index):
      %3 = "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<2xi32>, lowerBoundsMap = #map1, reductions = [0], steps = [1, 1], upperBoundsGroups = dense<1> : tensor<2xi32>, upperBoundsMap = #map2}> ({
      ^bb0(%arg11: index, %arg12: index):
        %4 = "affine.load"(%arg0, %arg9, %arg11, %arg10, %arg12) <{map = #map}> : (memref<100x100xf32>, index, index, index, index) -> f32
        "affine.yield"(%4) : (f32) -> ()
      }) : () -> f32
      "affine.store"(%3, %arg0, %arg9, %arg10) <{map = #map3}> : (f32, memref<100x100xf32>, index, index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    "affine.parallel"(%arg1, %arg2) <{lowerBoundsGroups = dense<1> : tensor<2xi32>, lowerBoundsMap = #map1, reductions = [], steps = [32, 32], upperBoundsGroups = dense<1> : tensor<2xi32>, upperBoundsMap = #map3}> ({
    ^bb0(%arg5: index, %arg6: index):
      "affine.parallel"(%arg5, %arg6, %arg5, %arg1, %arg6, %arg2) <{lowerBoundsGroups = dense<1> : tensor<2xi32>, lowerBoundsMap = #map3, reductions = [], steps = [1, 1], upperBoundsGroups = dense<2> : tensor<2xi32>, upperBoundsMap = #map5}> ({
      ^bb0(%arg7: index, %arg8: index):
        "test.use"(%arg7, %arg8) : (index, index) -> ()
        "affine.yield"() : () -> ()
      }) : (index, index, index, index, index, index) -> ()
      "affine.yield"() : () -> ()
    }) : (index, index) -> ()
    "affine.parallel"(%arg1, %arg2, %arg1) <{lowerBoundsGroups = dense<2> : tensor<1xi32>, lowerBoundsMap = #map6, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = #map7}> ({
    ^bb0(%arg4: index):
      "affine.yield"() : () -> ()
    }) : (index, index, index) -> ()
    %0:2 = "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = #map8, reductions = [9, 4], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = #map9}> ({
    ^bb0(%arg3: index):
      %1 = "test.p"() : () -> f64
      %2 = "test.q"() : () -> si32
      "affine.yield"(%1, %2) : (f64, si32) -> ()
    }) : () -> (f64, si32)
    "affine.parallel"() <{lowerBoundsGroups = dense<> : tensor<0xi32>, lowerBoundsMap = #map10, reductions = [], steps = [], upperBoundsGroups = dense<> : tensor<0xi32>, upperBoundsMap = #map10}> ({
      "affine.yield"() : () -> ()
    }) : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<(d0) -> (d0, d0 + 5)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0) -> (d0)>
#map3 = affine_map<(d0)[s0] -> (d0 + s0)>
#map4 = affine_map<() -> (0)>
#map5 = affine_map<() -> (100)>
#map6 = affine_map<() -> ()>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<400x400xi32>, memref<100xf32>, memref<f32>, index) -> (), sym_name = "memory"}> ({
  ^bb0(%arg0: memref<400x400xi32>, %arg1: memref<100xf32>, %arg2: memref<f32>, %arg3: index):
    "affine.for"() <{lowerBoundMap = #map4, operandSegmentSizes = array<i32: 0, 0, 0>, step = 8 : index, upperBoundMap = #map5}> ({
    ^bb0(%arg4: index):
      "affine.prefetch"(%arg0, %arg4) <{isDataCache = true, isWrite = false, localityHint = 3 : i32, map = #map}> : (memref<400x400xi32>, index) -> ()
      "affine.prefetch"(%arg0, %arg3, %arg4) <{isDataCache = false, isWrite = true, localityHint = 0 : i32, map = #map1}> : (memref<400x400xi32>, index, index) -> ()
      %1 = "affine.vector_load"(%arg1, %arg4) <{map = #map2}> : (memref<100xf32>, index) -> vector<8xf32>
      "affine.vector_store"(%1, %arg1, %arg4, %arg3) <{map = #map3}> : (vector<8xf32>, memref<100xf32>, index, index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    %0 = "affine.load"(%arg2) <{map = #map6}> : (memref<f32>) -> f32
    "affine.store"(%0, %arg2) <{map = #map6}> {nontemporal} : (f32, memref<f32>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<(d0)[s0] -> (d0, s0)>
#map1 = affine_map<(d0) -> (d0, d0 + 1)>
#map2 = affine_map<(d0) -> (d0)>
#map3 = affine_map<(d0) -> (0, d0)>
#map4 = affine_map<(d0) -> (d0, 0)>
#map5 = affine_map<() -> (0)>
#map6 = affine_map<() -> (10)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>, index, index, index) -> (), sym_name = "dma"}> ({
  ^bb0(%arg0: memref<100x100xf32>, %arg1: memref<100x100xf32, 2>, %arg2: memref<1xi32>, %arg3: index, %arg4: index, %arg5: index):
    %0 = "test.index"() : () -> index
    "affine.for"() <{lowerBoundMap = #map5, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = #map6}> ({
    ^bb0(%arg6: index):
      "affine.dma_start"(%arg0, %arg6, %arg1, %arg6, %arg3, %arg2, %0, %arg3) {dst_map = #map, src_map = #map1, tag_map = #map2} : (memref<100x100xf32>, index, memref<100x100xf32, 2>, index, index, memref<1xi32>, index, index) -> ()
      "affine.dma_start"(%arg0, %arg6, %arg1, %arg6, %arg2, %arg6, %arg3, %arg4, %arg5) {dst_map = #map3, src_map = #map4, tag_map = #map2} : (memref<100x100xf32>, index, memref<100x100xf32, 2>, index, memref<1xi32>, index, index, index, index) -> ()
      "affine.dma_wait"(%arg2, %0, %arg3) {tag_map = #map2} : (memref<1xi32>, index, index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (index, index, index, index) -> (index, index), sym_name = "delinearize"}> ({
  ^bb0(%arg0: index, %arg1: index, %arg2: index, %arg3: index):
    %0:3 = "affine.delinearize_index"(%arg0, %arg1, %arg2, %arg3) : (index, index, index, index) -> (index, index, index)
    %1 = "affine.delinearize_index"(%arg0, %arg1) : (index, index) -> index
    "func.return"(%0#2, %1) : (index, index) -> ()
  }) : () -> ()
}) : () -> ()

// -----
#map = affine_map<(d0) -> (d0 - 1)>
#map1 = affine_map<(d0) -> (d0)>
#map2 = affine_map<() -> (10)>
#set = affine_set<(d0) : (d0 == 0)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<10xf32>, index) -> (), sym_name = "generic_forms"}> ({
  ^bb0(%arg0: memref<10xf32>, %arg1: index):
    "affine.for"(%arg1) <{lowerBoundMap = #map1, operandSegmentSizes = array<i32: 1, 0, 0>, step = 3 : index, upperBoundMap = #map2}> ({
    ^bb0(%arg2: index):
      %0 = "affine.load"(%arg0, %arg2) <{map = #map}> : (memref<10xf32>, index) -> f32
      "affine.yield"() : () -> ()
    }) : (index) -> ()
    "affine.if"(%arg1) ({
      "affine.yield"() : () -> ()
    }, {
    }) {condition = #set} : (index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

