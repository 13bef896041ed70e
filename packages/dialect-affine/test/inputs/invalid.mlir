// Verifier and parser errors of the affine dialect (expected-error lines checked against mlir-opt-19 too).
// Flags: --split-input-file --allow-unregistered-dialect --verify-diagnostics

func.func @apply_operand_non_index(%arg0 : i32) {
  // expected-error@+1 {{op operand #0 must be variadic of index, but got 'i32'}}
  %0 = "affine.apply"(%arg0) {map = affine_map<(d0) -> (d0)>} : (i32) -> (index)
  return
}

// -----

func.func @apply_two_results(%arg0 : index) {
  // expected-error@+1 {{'affine.apply' op mapping must produce one value}}
  %0 = "affine.apply"(%arg0) <{map = affine_map<(d0) -> (d0, d0)>}> : (index) -> (index)
  return
}

// -----

func.func @apply_count(%arg0 : index) {
  // expected-error@+1 {{'affine.apply' op operand count and affine map dimension and symbol count must match}}
  %0 = "affine.apply"(%arg0) <{map = affine_map<(d0, d1) -> (d0 + d1)>}> : (index) -> (index)
  return
}

// -----

#map = affine_map<(d0)[s0] -> (d0 + s0)>
func.func @for_lower_bound_invalid_dim(%arg : index) {
  affine.for %n0 = 0 to 7 {
    %dim = "test.op"(%arg) : (index) -> index
    // expected-error@+1 {{'affine.for' op operand cannot be used as a dimension id}}
    affine.for %n1 = #map(%dim)[%arg] to 7 {
    }
  }
  return
}

// -----

#map = affine_map<(d0)[s0] -> (d0 + s0)>
func.func @for_upper_bound_invalid_sym() {
  affine.for %i0 = 0 to 7 {
    // expected-error@+1 {{operand cannot be used as a symbol}}
    affine.for %n0 = 0 to #map(%i0)[%i0] {
    }
  }
  return
}

// -----

func.func @load_invalid_dim(%M : memref<10xi32>) {
  "unknown"() ({
  ^bb0(%arg: index):
    affine.load %M[%arg] : memref<10xi32>
    // expected-error@-1 {{index must be a valid dimension or symbol identifier}}
    "unknown.terminator"() : () -> ()
  }) : () -> ()
  return
}

// -----

#set = affine_set<(i)[N] : (i >= 0, N - i >= 0)>
func.func @if_invalid_dim(%arg : index) {
  affine.for %n0 = 0 to 7 {
    %dim = "test.op"(%arg) : (index) -> index
    // expected-error@+1 {{operand cannot be used as a dimension id}}
    affine.if #set(%dim)[%n0] {}
  }
  return
}

// -----

#set = affine_set<(i)[N] : (i >= 0, N - i >= 0)>
func.func @if_invalid_sym() {
  affine.for %i0 = 0 to 7 {
    // expected-error@+1 {{operand cannot be used as a symbol}}
    affine.if #set(%i0)[%i0] {}
  }
  return
}

// -----

func.func @if_operand_count(%a : index) {
  // expected-error@+1 {{'affine.if' op operand count and condition integer set dimension and symbol count must match}}
  "affine.if"(%a, %a) ({
    "affine.yield"() : () -> ()
  }, {
  }) {condition = affine_set<(d0) : (d0 >= 0)>} : (index, index) -> ()
  return
}

// -----

func.func @if_no_condition(%a : index) {
  // expected-error@+1 {{'affine.if' op requires an integer set attribute named 'condition'}}
  "affine.if"(%a) ({
    "affine.yield"() : () -> ()
  }, {
  }) : (index) -> ()
  return
}

// -----

func.func @store_missing_l_square(%C: memref<4096x4096xf32>, %v: f32) {
  // expected-error@+1 {{expected '['}}
  affine.store %v, %C : memref<4096x4096xf32>
  return
}

// -----

func.func @store_wrong_value_type(%C: memref<f32>, %c0: i32) {
  // expected-error@+1 {{value to store must have the same type as memref element type}}
  "affine.store"(%c0, %C) <{map = affine_map<() -> ()>}> : (i32, memref<f32>) -> ()
  return
}

// -----

func.func @load_result_type(%C: memref<f32>) {
  // expected-error@+1 {{result type must match element type of memref}}
  %0 = "affine.load"(%C) <{map = affine_map<() -> ()>}> : (memref<f32>) -> i32
  return
}

// -----

func.func @load_rank(%C: memref<4x4xf32>, %i: index) {
  // expected-error@+1 {{affine map num results must equal memref rank}}
  %0 = "affine.load"(%C, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<4x4xf32>, index) -> f32
  return
}

// -----

func.func @load_subscripts(%C: memref<4xf32>, %i: index) {
  // expected-error@+1 {{expects as many subscripts as affine map inputs}}
  %0 = "affine.load"(%C, %i, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<4xf32>, index, index) -> f32
  return
}

// -----

func.func @min_count(%arg0 : index, %arg1 : index) {
  // expected-error@+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.min affine_map<(d0) -> (d0)> (%arg0, %arg1)
  return
}

// -----

func.func @max_count(%arg0 : index, %arg1 : index) {
  // expected-error@+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.max affine_map<()[s0] -> (s0)> (%arg0, %arg1)
  return
}

// -----

func.func @parallel_counts() {
  // expected-error@+1 {{the number of region arguments (1) and the number of map groups for lower (2) and upper bound (2), and the number of steps (2) must all match}}
  affine.parallel (%i) = (0, 0) to (100, 100) step (10, 10) {
  }
  return
}

// -----

func.func @parallel_invalid_dim() {
  affine.for %x = 0 to 7 {
    %y = "test.op"(%x) : (index) -> index
    // expected-error@+1 {{operand cannot be used as a dimension id}}
    affine.parallel (%i, %j) = (0, 0) to (%y, 100) step (10, 10) {
    }
  }
  return
}

// -----

func.func @parallel_invalid_sym() {
  affine.for %x = 0 to 7 {
    %y = "test.op"(%x) : (index) -> index
    // expected-error@+1 {{operand cannot be used as a symbol}}
    affine.parallel (%i, %j) = (0, 0) to (symbol(%y), 100) step (10, 10) {
    }
  }
  return
}

// -----

func.func @parallel_missing_reduction(%A : memref<100x100xf32>) {
  // expected-error@+1 {{a reduction must be specified for each output}}
  %1 = affine.parallel (%i, %j) = (0, 0) to (100, 100) step (10, 10) -> (f32) {
    %2 = affine.load %A[%i, %j] : memref<100x100xf32>
    affine.yield %2 : f32
  }
  return
}

// -----

func.func @parallel_bad_reduction(%A : memref<100x100xf32>) {
  // expected-error@+1 {{invalid reduction value: "bad"}}
  %1 = affine.parallel (%i, %j) = (0, 0) to (100, 100) step (10, 10) reduce ("bad") -> (f32) {
    %2 = affine.load %A[%i, %j] : memref<100x100xf32>
    affine.yield %2 : f32
  }
  return
}

// -----

func.func @parallel_reduction_type(%A : memref<100x100xf32>) {
  // expected-error@+1 {{result type cannot match reduction attribute}}
  %1 = affine.parallel (%i, %j) = (0, 0) to (100, 100) reduce ("addi") -> (f32) {
    %2 = affine.load %A[%i, %j] : memref<100x100xf32>
    affine.yield %2 : f32
  }
  return
}

// -----

func.func @yield_types(%A : memref<100x100xi32>) {
  %1 = affine.parallel (%i, %j) = (0, 0) to (100, 100) step (10, 10) reduce ("minimumf") -> (f32) {
    %2 = affine.load %A[%i, %j] : memref<100x100xi32>
    // expected-error@+1 {{types mismatch between yield op and its parent}}
    affine.yield %2 : i32
  }
  return
}

// -----

func.func @yield_count() {
  affine.for %i = 0 to 2 {
    %c = "test.c"() : () -> index
    // expected-error@+1 {{parent of yield must have same number of results as the yield operands}}
    affine.yield %c : index
  }
  return
}

// -----

func.func @vector_load_element_type(%A : memref<100xf32>) {
  affine.for %i0 = 0 to 16 step 8 {
    // expected-error@+1 {{requires memref and vector types of the same elemental type}}
    %1 = affine.vector_load %A[%i0] : memref<100xf32>, vector<8xf64>
  }
  return
}

// -----

func.func @vector_store_element_type(%A : memref<100xf32>, %v : vector<8xf64>) {
  affine.for %i0 = 0 to 16 step 8 {
    // expected-error@+1 {{requires memref and vector types of the same elemental type}}
    affine.vector_store %v, %A[%i0] : memref<100xf32>, vector<8xf64>
  }
  return
}

// -----

func.func @if_with_region_args(%N: index) {
  // expected-error@+1 {{'affine.if' op region #0 should have no arguments}}
  affine.if affine_set<(i)[N] : (i - 2 >= 0, 4 - i >= 0)>(%N)[%N] {
    ^bb0(%arg:i32):
      "test.op"() : () -> ()
  }
  return
}

// -----

func.func @for_iter_args_mismatch(%buffer: memref<1024xf32>, %sum_0: f32) -> f32 {
  // expected-error@+1 {{mismatch between the number of loop-carried values and results}}
  %res = affine.for %i = 0 to 10 step 2 iter_args(%sum_iter = %sum_0) -> (f32, f32) {
    %t = affine.load %buffer[%i] : memref<1024xf32>
    affine.yield %t : f32
  }
  return %res : f32
}

// -----

func.func @malformed_for_to() {
  affine.for %i = 1 too 10 { // expected-error {{expected 'to' between bounds}}
  }
}

// -----

func.func @for_negative_stride() {
  // expected-error@+1 {{expected step to be representable as a positive signed integer}}
  affine.for %i = 1 to 10 step -1 {
  }
  return
}

// -----

func.func @missing_for_max(%arg0: index, %arg1: index) {
  // expected-error @+1 {{lower loop bound affine map with multiple results requires 'max' prefix}}
  affine.for %i0 = affine_map<()[s]->(0,s-1)>()[%arg0] to %arg1 {
  }
  return
}

// -----

func.func @missing_for_min(%arg0: index, %arg1: index) {
  // expected-error @+1 {{upper loop bound affine map with multiple results requires 'min' prefix}}
  affine.for %i0 = %arg0 to affine_map<()[s]->(100,s+1)>()[%arg1] {
  }
  return
}

// -----

func.func @bound_dim_count(%arg0: index) {
  // expected-error @+1 {{dim operand count and affine map dim count must match}}
  affine.for %i0 = affine_map<(d0, d1) -> (d0)>(%arg0) to 10 {
  }
  return
}

// -----

func.func @apply_index_mismatch(%arg0: index) {
  // expected-error @+1 {{dimension or symbol index mismatch}}
  %0 = affine.apply affine_map<(d0)[s0] -> (d0 + s0)>(%arg0)
  return
}

// -----

func.func @if_dim_count(%arg0: index) {
  // expected-error @+1 {{dim operand count and integer set dim count must match}}
  affine.if affine_set<(d0, d1) : (d0 >= 0)>(%arg0) {
  }
  return
}

// -----

func.func @prefetch_rw(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{rw specifier has to be 'read' or 'write'}}
  affine.prefetch %A[%i], rw, locality<3>, data : memref<10xf32>
  return
}

// -----

func.func @prefetch_cache(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{cache type has to be 'data' or 'instr'}}
  affine.prefetch %A[%i], read, locality<3>, cash : memref<10xf32>
  return
}

// -----

func.func @prefetch_locality(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{'affine.prefetch' op attribute 'localityHint' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3}}
  affine.prefetch %A[%i], read, locality<5>, data : memref<10xf32>
  return
}

// -----

func.func @dma_wait_index(%tag: memref<1xi32>, %n: index) {
  "unknown"() ({
  ^bb0(%arg: index):
    // expected-error @+1 {{'affine.dma_wait' op index must be a valid dimension or symbol identifier}}
    affine.dma_wait %tag[%arg], %n : memref<1xi32>
    "unknown.terminator"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @dma_start_stride(%src: memref<10xf32>, %dst: memref<10xf32>, %tag: memref<1xi32>, %n: index) {
  // expected-error @+1 {{expected two stride related operands}}
  affine.dma_start %src[%n], %dst[%n], %tag[%n], %n, %n : memref<10xf32>, memref<10xf32>, memref<1xi32>
  return
}

// -----

func.func @dma_start_src_index(%src: memref<10xf32>, %dst: memref<10xf32>, %tag: memref<1xi32>, %n: index) {
  "unknown"() ({
  ^bb0(%arg: index):
    // expected-error @+1 {{src index must be a valid dimension or symbol identifier}}
    affine.dma_start %src[%arg], %dst[%n], %tag[%n], %n : memref<10xf32>, memref<10xf32>, memref<1xi32>
    "unknown.terminator"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @delinearize(%idx: index, %basis0: index, %basis1 :index) {
  // expected-error@+1 {{'affine.delinearize_index' op should return an index for each basis element}}
  %1 = affine.delinearize_index %idx into (%basis0, %basis1) : index
  return
}

// -----

func.func @delinearize_empty(%idx: index) {
  // expected-error@+1 {{'affine.delinearize_index' op basis should not be empty}}
  affine.delinearize_index %idx into () : index
  return
}

// -----

func.func @dim_op_index(%m: memref<?x?xf32>) {
  "unknown.region"() ({
    %idx = "unknown.test"() : () -> (index)
    %dim = "test.dim"(%m, %idx) : (memref<?x?xf32>, index) -> index
    // expected-error @below {{op index must be a valid dimension or symbol identifier}}
    affine.load %m[%dim, %dim] : memref<?x?xf32>
    "unknown.terminator"() : () -> ()
  }) : () -> ()
  return
}
