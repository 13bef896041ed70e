// memref canonicalization (MLIR 19's MemRefOps.cpp folders and patterns): dim of known sizes, casts folded into their
// users, constant alloc sizes, dead allocs, copies, views, subviews, reinterpret casts, extract_strided_metadata,
// reshapes, transposes and alloca_scope. packages/passes/test/conformance.test.ts compares this file with mlir-opt-19.
// RUN: allo-opt %s --canonicalize --allow-unregistered-dialect | FileCheck %s

// CHECK-LABEL: func.func @dim_static(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x?xf32>) -> index {
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: return %[[C4]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_static(%m: memref<4x?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %d = memref.dim %m, %c0 : memref<4x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_alloc(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index) -> (index, index) {
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc(%[[ARG0]], %[[ARG1]]) : memref<?x4x?xf32>
// CHECK-NEXT: %[[ALLOCA:.*]] = memref.alloca(%[[ARG0]]) : memref<?xf32>
// CHECK-NEXT: "test.use"(%[[ALLOC]], %[[ALLOCA]]) : (memref<?x4x?xf32>, memref<?xf32>) -> ()
// CHECK-NEXT: return %[[ARG1]], %[[ARG0]] : index, index
// CHECK-NEXT: {{^  }$}}
func.func @dim_alloc(%n: index, %k: index) -> (index, index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %a = memref.alloc(%n, %k) : memref<?x4x?xf32>
  %d = memref.dim %a, %c2 : memref<?x4x?xf32>
  %a2 = memref.alloca(%n) : memref<?xf32>
  %c0 = arith.constant 0 : index
  %e = memref.dim %a2, %c0 : memref<?xf32>
  "test.use"(%a, %a2) : (memref<?x4x?xf32>, memref<?xf32>) -> ()
  return %d, %e : index, index
}

// CHECK-LABEL: func.func @dim_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>, %[[ARG1:.*]]: index) -> index {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<4x8xf32> to memref<?x?xf32>
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[CAST]], %[[ARG1]] : memref<?x?xf32>
// CHECK-NEXT: return %[[DIM]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_cast(%m: memref<4x8xf32>, %i: index) -> index {
  %c = memref.cast %m : memref<4x8xf32> to memref<?x?xf32>
  %d = memref.dim %c, %i : memref<?x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_subview(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x?xf32>, %[[ARG1:.*]]: index) -> index {
// CHECK-NEXT: return %[[ARG1]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_subview(%m: memref<?x?xf32>, %s: index) -> index {
  %c1 = arith.constant 1 : index
  %sv = memref.subview %m[0, 0] [4, %s] [1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1]>>
  %d = memref.dim %sv, %c1 : memref<4x?xf32, strided<[?, 1]>>
  return %d : index
}

// CHECK-LABEL: func.func @dim_oob(
// CHECK-SAME: %[[ARG0:.*]]: memref<?xf32>) -> index {
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[ARG0]], %[[C3]] : memref<?xf32>
// CHECK-NEXT: return %[[DIM]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_oob(%m: memref<?xf32>) -> index {
  %c3 = arith.constant 3 : index
  %d = memref.dim %m, %c3 : memref<?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_reshape(
// CHECK-SAME: %[[ARG0:.*]]: memref<*xf32>, %[[ARG1:.*]]: memref<2xindex>) -> index {
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ARG1]][%[[C1]]] : memref<2xindex>
// CHECK-NEXT: return %[[V0]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_reshape(%m: memref<*xf32>, %shape: memref<2xindex>) -> index {
  %c1 = arith.constant 1 : index
  %r = memref.reshape %m(%shape) : (memref<*xf32>, memref<2xindex>) -> memref<?x?xf32>
  %d = memref.dim %r, %c1 : memref<?x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @rank(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x4xf32>) -> index {
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: return %[[C2]] : index
// CHECK-NEXT: {{^  }$}}
func.func @rank(%m: memref<?x4xf32>) -> index {
  %r = memref.rank %m : memref<?x4xf32>
  return %r : index
}

// CHECK-LABEL: func.func @load_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: index) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ARG0]][%[[ARG1]]] : memref<4xf32>
// CHECK-NEXT: memref.store %[[V0]], %[[ARG0]][%[[ARG1]]] : memref<4xf32>
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @load_cast(%m: memref<4xf32>, %i: index) -> f32 {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %v = memref.load %c[%i] : memref<?xf32>
  memref.store %v, %c[%i] : memref<?xf32>
  return %v : f32
}

// CHECK-LABEL: func.func @cast_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) -> memref<*xf32> {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<4xf32> to memref<*xf32>
// CHECK-NEXT: return %[[CAST]] : memref<*xf32>
// CHECK-NEXT: {{^  }$}}
func.func @cast_cast(%m: memref<4xf32>) -> memref<*xf32> {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %d = memref.cast %c : memref<?xf32> to memref<*xf32>
  return %d : memref<*xf32>
}

// CHECK-LABEL: func.func @cast_back(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) -> memref<4xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @cast_back(%m: memref<4xf32>) -> memref<4xf32> {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %d = memref.cast %c : memref<?xf32> to memref<4xf32>
  return %d : memref<4xf32>
}

// CHECK-LABEL: func.func @cast_same(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) -> memref<4xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @cast_same(%m: memref<4xf32>) -> memref<4xf32> {
  %c = memref.cast %m : memref<4xf32> to memref<4xf32>
  return %c : memref<4xf32>
}

// CHECK-LABEL: func.func @unranked_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<*xf32>) -> memref<4xf32> {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<*xf32> to memref<?xf32>
// CHECK-NEXT: %[[CAST_0:.*]] = memref.cast %[[CAST]] : memref<?xf32> to memref<4xf32>
// CHECK-NEXT: return %[[CAST_0]] : memref<4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @unranked_cast(%m: memref<*xf32>) -> memref<4xf32> {
  %c = memref.cast %m : memref<*xf32> to memref<?xf32>
  %d = memref.cast %c : memref<?xf32> to memref<4xf32>
  return %d : memref<4xf32>
}

// CHECK-LABEL: func.func @dealloc_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) {
// CHECK-NEXT: memref.dealloc %[[ARG0]] : memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @dealloc_cast(%m: memref<4xf32>) {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  memref.dealloc %c : memref<?xf32>
  return
}

// CHECK-LABEL: func.func @copy_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: memref<4xf32>) {
// CHECK-NEXT: memref.copy %[[ARG0]], %[[ARG1]] : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @copy_cast(%m: memref<4xf32>, %n: memref<4xf32>) {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %d = memref.cast %n : memref<4xf32> to memref<?xf32>
  memref.copy %c, %d : memref<?xf32> to memref<?xf32>
  return
}

// CHECK-LABEL: func.func @copy_self(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) {
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @copy_self(%m: memref<4xf32>) {
  memref.copy %m, %m : memref<4xf32> to memref<4xf32>
  return
}

// CHECK-LABEL: func.func @copy_empty(
// CHECK-SAME: %[[ARG0:.*]]: memref<0xf32>, %[[ARG1:.*]]: memref<0xf32>) {
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @copy_empty(%m: memref<0xf32>, %n: memref<0xf32>) {
  memref.copy %m, %n : memref<0xf32> to memref<0xf32>
  return
}

// CHECK-LABEL: func.func @store_value_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: memref<?xmemref<?xf32>>, %[[ARG2:.*]]: index) {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<4xf32> to memref<?xf32>
// CHECK-NEXT: memref.store %[[CAST]], %[[ARG1]][%[[ARG2]]] : memref<?xmemref<?xf32>>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @store_value_cast(%m: memref<4xf32>, %n: memref<?xmemref<?xf32>>, %i: index) {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  memref.store %c, %n[%i] : memref<?xmemref<?xf32>>
  return
}

// CHECK-LABEL: func.func @atomic_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: index, %[[ARG2:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = memref.atomic_rmw addf %[[ARG2]], %[[ARG0]][%[[ARG1]]] : (f32, memref<4xf32>) -> f32
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @atomic_cast(%m: memref<4xf32>, %i: index, %v: f32) -> f32 {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %r = memref.atomic_rmw addf %v, %c[%i] : (f32, memref<?xf32>) -> f32
  return %r : f32
}

// CHECK-LABEL: func.func @prefetch_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: index) {
// CHECK-NEXT: memref.prefetch %[[ARG0]][%[[ARG1]]], read, locality<3>, data : memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @prefetch_cast(%m: memref<4xf32>, %i: index) {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  memref.prefetch %c[%i], read, locality<3>, data : memref<?xf32>
  return
}

// CHECK-LABEL: func.func @dma_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: memref<4xf32>, %[[ARG2:.*]]: memref<1xi32>, %[[ARG3:.*]]: index) {
// CHECK-NEXT: memref.dma_start %[[ARG0]][%[[ARG3]]], %[[ARG1]][%[[ARG3]]], %[[ARG3]], %[[ARG2]][%[[ARG3]]] : memref<4xf32>, memref<4xf32>, memref<1xi32>
// CHECK-NEXT: memref.dma_wait %[[ARG2]][%[[ARG3]]], %[[ARG3]] : memref<1xi32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @dma_cast(%m: memref<4xf32>, %n: memref<4xf32>, %t: memref<1xi32>, %i: index) {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %tc = memref.cast %t : memref<1xi32> to memref<?xi32>
  memref.dma_start %c[%i], %n[%i], %i, %tc[%i] : memref<?xf32>, memref<4xf32>, memref<?xi32>
  memref.dma_wait %tc[%i], %i : memref<?xi32>
  return
}

// CHECK-LABEL: func.func @load_cast_static(
// CHECK-SAME: %[[ARG0:.*]]: memref<?xf32>, %[[ARG1:.*]]: index) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ARG0]][%[[ARG1]]] : memref<?xf32>
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @load_cast_static(%m: memref<?xf32>, %i: index) -> f32 {
  %c = memref.cast %m : memref<?xf32> to memref<4xf32>
  %v = memref.load %c[%i] : memref<4xf32>
  return %v : f32
}

// CHECK-LABEL: func.func @copy_cast_static(
// CHECK-SAME: %[[ARG0:.*]]: memref<?xf32>, %[[ARG1:.*]]: memref<4xf32>) {
// CHECK-NEXT: memref.copy %[[ARG0]], %[[ARG1]] : memref<?xf32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @copy_cast_static(%m: memref<?xf32>, %n: memref<4xf32>) {
  %c = memref.cast %m : memref<?xf32> to memref<4xf32>
  memref.copy %c, %n : memref<4xf32> to memref<4xf32>
  return
}

// CHECK-LABEL: func.func @memspace(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32, 1>) -> memref<4xf32, 3> {
// CHECK-NEXT: %[[MEMSPACECAST:.*]] = memref.memory_space_cast %[[ARG0]] : memref<4xf32, 1> to memref<4xf32, 3>
// CHECK-NEXT: return %[[MEMSPACECAST]] : memref<4xf32, 3>
// CHECK-NEXT: {{^  }$}}
func.func @memspace(%m: memref<4xf32, 1>) -> memref<4xf32, 3> {
  %a = memref.memory_space_cast %m : memref<4xf32, 1> to memref<4xf32>
  %b = memref.memory_space_cast %a : memref<4xf32> to memref<4xf32, 3>
  return %b : memref<4xf32, 3>
}

// CHECK-LABEL: func.func @dim_rc(
// CHECK-SAME: %[[ARG0:.*]]: memref<?xf32>, %[[ARG1:.*]]: index) -> index {
// CHECK-NEXT: return %[[ARG1]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_rc(%m: memref<?xf32>, %n: index) -> index {
  %c0 = arith.constant 0 : index
  %r = memref.reinterpret_cast %m to offset: [0], sizes: [%n, 4], strides: [4, 1] : memref<?xf32> to memref<?x4xf32>
  %d = memref.dim %r, %c0 : memref<?x4xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_reshape_dom(
// CHECK-SAME: %[[ARG0:.*]]: memref<*xf32>, %[[ARG1:.*]]: memref<2xindex>) -> index {
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ARG1]][%[[C1]]] : memref<2xindex>
// CHECK-NEXT: return %[[V0]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_reshape_dom(%m: memref<*xf32>, %shape: memref<2xindex>) -> index {
  %r = memref.reshape %m(%shape) : (memref<*xf32>, memref<2xindex>) -> memref<?x?xf32>
  %c1 = arith.constant 1 : index
  %d = memref.dim %r, %c1 : memref<?x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_reshape_i32(
// CHECK-SAME: %[[ARG0:.*]]: memref<*xf32>, %[[ARG1:.*]]: memref<2xi32>) -> index {
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ARG1]][%[[C1]]] : memref<2xi32>
// CHECK-NEXT: %[[V1:.*]] = arith.index_cast %[[V0]] : i32 to index
// CHECK-NEXT: return %[[V1]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_reshape_i32(%m: memref<*xf32>, %shape: memref<2xi32>) -> index {
  %c1 = arith.constant 1 : index
  %r = memref.reshape %m(%shape) : (memref<*xf32>, memref<2xi32>) -> memref<?x?xf32>
  %d = memref.dim %r, %c1 : memref<?x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @rc_rc(
// CHECK-SAME: %[[ARG0:.*]]: memref<?xf32>) -> memref<4xf32> {
// CHECK-NEXT: %[[REINTERPRET_CAST:.*]] = memref.reinterpret_cast %[[ARG0]] to offset: [0], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf32>
// CHECK-NEXT: return %[[REINTERPRET_CAST]] : memref<4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_rc(%m: memref<?xf32>) -> memref<4xf32> {
  %a = memref.reinterpret_cast %m to offset: [0], sizes: [8], strides: [1] : memref<?xf32> to memref<8xf32>
  %b = memref.reinterpret_cast %a to offset: [0], sizes: [4], strides: [1] : memref<8xf32> to memref<4xf32>
  return %b : memref<4xf32>
}

// CHECK-LABEL: func.func @rc_noop(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) -> memref<4xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_noop(%m: memref<4xf32>) -> memref<4xf32> {
  %b = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [1] : memref<4xf32> to memref<4xf32>
  return %b : memref<4xf32>
}

// CHECK-LABEL: func.func @rc_const(
// CHECK-SAME: %[[ARG0:.*]]: memref<?xf32>) -> memref<?xf32, strided<[?], offset: ?>> {
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[REINTERPRET_CAST:.*]] = memref.reinterpret_cast %[[ARG0]] to offset: [%[[C0]]], sizes: [%[[C4]]], strides: [%[[C1]]] : memref<?xf32> to memref<?xf32, strided<[?], offset: ?>>
// CHECK-NEXT: return %[[REINTERPRET_CAST]] : memref<?xf32, strided<[?], offset: ?>>
// CHECK-NEXT: {{^  }$}}
func.func @rc_const(%m: memref<?xf32>) -> memref<?xf32, strided<[?], offset: ?>> {
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %b = memref.reinterpret_cast %m to offset: [%c0], sizes: [%c4], strides: [%c1] : memref<?xf32> to memref<?xf32, strided<[?], offset: ?>>
  return %b : memref<?xf32, strided<[?], offset: ?>>
}

// CHECK-LABEL: func.func @rc_esm(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>) -> memref<4x8xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<4x8xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_esm(%m: memref<4x8xf32>) -> memref<4x8xf32> {
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<4x8xf32> -> memref<f32>, index, index, index, index, index
  %b = memref.reinterpret_cast %base to offset: [%off], sizes: [%sz#0, %sz#1], strides: [%st#0, %st#1] : memref<f32> to memref<4x8xf32>
  return %b : memref<4x8xf32>
}

// CHECK-LABEL: func.func @esm_fold(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>) -> (index, index, index) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C8:.*]] = arith.constant 8 : index
// CHECK-NEXT: return %[[C0]], %[[C8]], %[[C8]] : index, index, index
// CHECK-NEXT: {{^  }$}}
func.func @esm_fold(%m: memref<4x8xf32>) -> (index, index, index) {
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<4x8xf32> -> memref<f32>, index, index, index, index, index
  return %off, %sz#1, %st#0 : index, index, index
}

// CHECK-LABEL: func.func @view_fold(
// CHECK-SAME: %[[ARG0:.*]]: memref<2048xi8>, %[[ARG1:.*]]: index) -> memref<?x4xf32> {
// CHECK-NEXT: %[[VIEW:.*]] = memref.view %[[ARG0]][%[[ARG1]]][] : memref<2048xi8> to memref<8x4xf32>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[VIEW]] : memref<8x4xf32> to memref<?x4xf32>
// CHECK-NEXT: return %[[CAST]] : memref<?x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @view_fold(%m: memref<2048xi8>, %s: index) -> memref<?x4xf32> {
  %c8 = arith.constant 8 : index
  %v = memref.view %m[%s][%c8] : memref<2048xi8> to memref<?x4xf32>
  return %v : memref<?x4xf32>
}

// CHECK-LABEL: func.func @view_cast(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index) -> memref<4xf32> {
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc(%[[ARG0]]) : memref<?xi8>
// CHECK-NEXT: %[[VIEW:.*]] = memref.view %[[ALLOC]][%[[ARG1]]][] : memref<?xi8> to memref<4xf32>
// CHECK-NEXT: return %[[VIEW]] : memref<4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @view_cast(%n: index, %s: index) -> memref<4xf32> {
  %a = memref.alloc(%n) : memref<?xi8>
  %c = memref.cast %a : memref<?xi8> to memref<?xi8>
  %v = memref.view %c[%s][] : memref<?xi8> to memref<4xf32>
  return %v : memref<4xf32>
}

// CHECK-LABEL: func.func @transpose_id(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x4xf32>) -> memref<4x4xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<4x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @transpose_id(%m: memref<4x4xf32>) -> memref<4x4xf32> {
  %t = memref.transpose %m (d0, d1) -> (d0, d1) : memref<4x4xf32> to memref<4x4xf32>
  return %t : memref<4x4xf32>
}

// CHECK-LABEL: func.func @transpose2(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>) -> memref<4x8xf32, strided<[8, 1]>> {
// CHECK-NEXT: %[[TRANSPOSE:.*]] = memref.transpose %[[ARG0]] (d0, d1) -> (d0, d1) : memref<4x8xf32> to memref<4x8xf32, strided<[8, 1]>>
// CHECK-NEXT: return %[[TRANSPOSE]] : memref<4x8xf32, strided<[8, 1]>>
// CHECK-NEXT: {{^  }$}}
func.func @transpose2(%m: memref<4x8xf32>) -> memref<4x8xf32, strided<[8, 1]>> {
  %t = memref.transpose %m (d0, d1) -> (d1, d0) : memref<4x8xf32> to memref<8x4xf32, strided<[1, 8]>>
  %u = memref.transpose %t (d0, d1) -> (d1, d0) : memref<8x4xf32, strided<[1, 8]>> to memref<4x8xf32, strided<[8, 1]>>
  return %u : memref<4x8xf32, strided<[8, 1]>>
}

// CHECK-LABEL: func.func @sv_const(
// CHECK-SAME: %[[ARG0:.*]]: memref<8x16xf32>, %[[ARG1:.*]]: index) -> memref<?x?xf32, strided<[?, ?], offset: ?>> {
// CHECK-NEXT: %[[SUBVIEW:.*]] = memref.subview %[[ARG0]][1, %[[ARG1]]] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[SUBVIEW]] : memref<4x4xf32, strided<[16, 1], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT: return %[[CAST]] : memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_const(%m: memref<8x16xf32>, %i: index) -> memref<?x?xf32, strided<[?, ?], offset: ?>> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %s = memref.subview %m[%c1, %i] [%c4, %c4] [%c1, %c1] : memref<8x16xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  return %s : memref<?x?xf32, strided<[?, ?], offset: ?>>
}

// CHECK-LABEL: func.func @sv_const_use(
// CHECK-SAME: %[[ARG0:.*]]: memref<8x16xf32>, %[[ARG1:.*]]: index) -> f32 {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[SUBVIEW:.*]] = memref.subview %[[ARG0]][1, 2] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1], offset: 18>>
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[SUBVIEW]][%[[C0]], %[[C0]]] : memref<4x4xf32, strided<[16, 1], offset: 18>>
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @sv_const_use(%m: memref<8x16xf32>, %i: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %s = memref.subview %m[%c1, 2] [%c4, 4] [1, 1] : memref<8x16xf32> to memref<?x4xf32, strided<[16, 1], offset: ?>>
  %v = memref.load %s[%c0, %c0] : memref<?x4xf32, strided<[16, 1], offset: ?>>
  return %v : f32
}

// CHECK-LABEL: func.func @sv_trivial(
// CHECK-SAME: %[[ARG0:.*]]: memref<8x16xf32>) -> memref<8x16xf32, strided<[16, 1]>> {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<8x16xf32> to memref<8x16xf32, strided<[16, 1]>>
// CHECK-NEXT: return %[[CAST]] : memref<8x16xf32, strided<[16, 1]>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_trivial(%m: memref<8x16xf32>) -> memref<8x16xf32, strided<[16, 1]>> {
  %s = memref.subview %m[0, 0] [8, 16] [1, 1] : memref<8x16xf32> to memref<8x16xf32, strided<[16, 1]>>
  return %s : memref<8x16xf32, strided<[16, 1]>>
}

// CHECK-LABEL: func.func @sv_same(
// CHECK-SAME: %[[ARG0:.*]]: memref<8x16xf32, strided<[16, 1], offset: 4>>) -> memref<8x16xf32, strided<[16, 1], offset: 4>> {
// CHECK-NEXT: return %[[ARG0]] : memref<8x16xf32, strided<[16, 1], offset: 4>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_same(%m: memref<8x16xf32, strided<[16, 1], offset: 4>>) -> memref<8x16xf32, strided<[16, 1], offset: 4>> {
  %s = memref.subview %m[0, 0] [8, 16] [1, 1] : memref<8x16xf32, strided<[16, 1], offset: 4>> to memref<8x16xf32, strided<[16, 1], offset: 4>>
  return %s : memref<8x16xf32, strided<[16, 1], offset: 4>>
}

// CHECK-LABEL: func.func @sv_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<16x16xf32>, %[[ARG1:.*]]: index) -> memref<3x4xf32, strided<[?, 1], offset: ?>> {
// CHECK-NEXT: %[[SUBVIEW:.*]] = memref.subview %[[ARG0]][%[[ARG1]], %[[ARG1]]] [3, 4] [1, 1] : memref<16x16xf32> to memref<3x4xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[SUBVIEW]] : memref<3x4xf32, strided<[16, 1], offset: ?>> to memref<3x4xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT: return %[[CAST]] : memref<3x4xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_cast(%m: memref<16x16xf32>, %i: index) -> memref<3x4xf32, strided<[?, 1], offset: ?>> {
  %c = memref.cast %m : memref<16x16xf32> to memref<?x?xf32>
  %s = memref.subview %c[%i, %i] [3, 4] [1, 1] : memref<?x?xf32> to memref<3x4xf32, strided<[?, 1], offset: ?>>
  return %s : memref<3x4xf32, strided<[?, 1], offset: ?>>
}

// CHECK-LABEL: func.func @sv_reduce(
// CHECK-SAME: %[[ARG0:.*]]: memref<8x16xf32>, %[[ARG1:.*]]: index) -> memref<?xf32, strided<[1], offset: ?>> {
// CHECK-NEXT: %[[SUBVIEW:.*]] = memref.subview %[[ARG0]][%[[ARG1]], 0] [1, 4] [1, 1] : memref<8x16xf32> to memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[SUBVIEW]] : memref<4xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[1], offset: ?>>
// CHECK-NEXT: return %[[CAST]] : memref<?xf32, strided<[1], offset: ?>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_reduce(%m: memref<8x16xf32>, %i: index) -> memref<?xf32, strided<[1], offset: ?>> {
  %c4 = arith.constant 4 : index
  %s = memref.subview %m[%i, 0] [1, %c4] [1, 1] : memref<8x16xf32> to memref<?xf32, strided<[1], offset: ?>>
  return %s : memref<?xf32, strided<[1], offset: ?>>
}

// CHECK-LABEL: func.func @sv_sv(
// CHECK-SAME: %[[ARG0:.*]]: memref<8x16xf32>, %[[ARG1:.*]]: index) -> memref<4x4xf32, strided<[16, 1], offset: ?>> {
// CHECK-NEXT: %[[SUBVIEW:.*]] = memref.subview %[[ARG0]][%[[ARG1]], 0] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT: return %[[SUBVIEW]] : memref<4x4xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_sv(%m: memref<8x16xf32>, %i: index) -> memref<4x4xf32, strided<[16, 1], offset: ?>> {
  %s = memref.subview %m[%i, 0] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
  %t = memref.subview %s[0, 0] [4, 4] [1, 1] : memref<4x4xf32, strided<[16, 1], offset: ?>> to memref<4x4xf32, strided<[16, 1], offset: ?>>
  return %t : memref<4x4xf32, strided<[16, 1], offset: ?>>
}

// CHECK-LABEL: func.func @dim_sv_reduce(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x?x?xf32>, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index) -> index {
// CHECK-NEXT: return %[[ARG2]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_sv_reduce(%m: memref<?x?x?xf32>, %a: index, %b: index) -> index {
  %c1 = arith.constant 1 : index
  %s = memref.subview %m[0, 0, 0] [%a, 1, %b] [1, 1, 1] : memref<?x?x?xf32> to memref<?x?xf32, strided<[?, 1]>>
  %d = memref.dim %s, %c1 : memref<?x?xf32, strided<[?, 1]>>
  return %d : index
}

// CHECK-LABEL: func.func @alloc_const(
// CHECK-SAME: %[[ARG0:.*]]: index) -> memref<?x?x4xf32> {
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc(%[[ARG0]]) {alignment = 16 : i64} : memref<8x?x4xf32>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ALLOC]] : memref<8x?x4xf32> to memref<?x?x4xf32>
// CHECK-NEXT: return %[[CAST]] : memref<?x?x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @alloc_const(%n: index) -> memref<?x?x4xf32> {
  %c8 = arith.constant 8 : index
  %a = memref.alloc(%c8, %n) {alignment = 16} : memref<?x?x4xf32>
  return %a : memref<?x?x4xf32>
}

// CHECK-LABEL: func.func @alloca_const(
// CHECK-SAME: ) -> f32 {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[ALLOCA:.*]] = memref.alloca() : memref<8xf32>
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ALLOCA]][%[[C0]]] : memref<8xf32>
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @alloca_const() -> f32 {
  %c8 = arith.constant 8 : index
  %c0 = arith.constant 0 : index
  %a = memref.alloca(%c8) : memref<?xf32>
  %v = memref.load %a[%c0] : memref<?xf32>
  return %v : f32
}

// CHECK-LABEL: func.func @alloc_neg(
// CHECK-SAME: ) -> memref<?xf32> {
// CHECK-NEXT: %[[CM1:.*]] = arith.constant -1 : index
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc(%[[CM1]]) : memref<?xf32>
// CHECK-NEXT: return %[[ALLOC]] : memref<?xf32>
// CHECK-NEXT: {{^  }$}}
func.func @alloc_neg() -> memref<?xf32> {
  %c = arith.constant -1 : index
  %a = memref.alloc(%c) : memref<?xf32>
  return %a : memref<?xf32>
}

// CHECK-LABEL: func.func @dead_alloc(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: index) {
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @dead_alloc(%v: f32, %i: index) {
  %a = memref.alloc() : memref<4xf32>
  memref.store %v, %a[%i] : memref<4xf32>
  memref.dealloc %a : memref<4xf32>
  %b = memref.alloca() : memref<4xf32>
  memref.store %v, %b[%i] : memref<4xf32>
  return
}

// CHECK-LABEL: func.func @alloc_stored(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: memref<4xmemref<4xf32>>) {
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: memref.store %[[ALLOC]], %[[ARG1]][%[[ARG0]]] : memref<4xmemref<4xf32>>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @alloc_stored(%i: index, %m: memref<4xmemref<4xf32>>) {
  %a = memref.alloc() : memref<4xf32>
  memref.store %a, %m[%i] : memref<4xmemref<4xf32>>
  return
}

// CHECK-LABEL: func.func @dead_realloc(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) {
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @dead_realloc(%m: memref<4xf32>) {
  %r = memref.realloc %m : memref<4xf32> to memref<8xf32>
  memref.dealloc %r : memref<8xf32>
  return
}

// CHECK-LABEL: func.func @alloc_loaded(
// CHECK-SAME: %[[ARG0:.*]]: index) -> f32 {
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[ALLOC]][%[[ARG0]]] : memref<4xf32>
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @alloc_loaded(%i: index) -> f32 {
  %a = memref.alloc() : memref<4xf32>
  %v = memref.load %a[%i] : memref<4xf32>
  return %v : f32
}

// CHECK-LABEL: func.func @alloc_const_sym(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index) -> memref<?x4xf32, #map> {
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc()[%[[ARG1]]] : memref<8x4xf32, #map>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ALLOC]] : memref<8x4xf32, #map> to memref<?x4xf32, #map>
// CHECK-NEXT: return %[[CAST]] : memref<?x4xf32, #map>
// CHECK-NEXT: {{^  }$}}
func.func @alloc_const_sym(%n: index, %s: index) -> memref<?x4xf32, affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>> {
  %c8 = arith.constant 8 : index
  %a = memref.alloc(%c8)[%s] : memref<?x4xf32, affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>>
  return %a : memref<?x4xf32, affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>>
}

// CHECK-LABEL: func.func @scope(
// CHECK-SAME: %[[ARG0:.*]]: index) {
// CHECK-NEXT: %[[ALLOCA:.*]] = memref.alloca() : memref<4xf32>
// CHECK-NEXT: "test.use"(%[[ALLOCA]]) : (memref<4xf32>) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @scope(%n: index) {
  memref.alloca_scope {
    %a = memref.alloca() : memref<4xf32>
    "test.use"(%a) : (memref<4xf32>) -> ()
  }
  return
}

// CHECK-LABEL: func.func @scope_noalloc(
// CHECK-SAME: %[[ARG0:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG0]], %[[ARG0]] : f32
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @scope_noalloc(%x: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %y = arith.addf %x, %x : f32
    memref.alloca_scope.return %y : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @scope_hoist(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index) {
// CHECK-NEXT: scf.for %[[ARG3:.*]] = %[[ARG0]] to %[[ARG1]] step %[[ARG2]] {
// CHECK-NEXT: %[[ALLOCA:.*]] = memref.alloca() : memref<4xf32>
// CHECK-NEXT: "test.use"(%[[ALLOCA]]) : (memref<4xf32>) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @scope_hoist(%lb: index, %ub: index, %st: index) {
  scf.for %i = %lb to %ub step %st {
    memref.alloca_scope {
      %a = memref.alloca() : memref<4xf32>
      "test.use"(%a) : (memref<4xf32>) -> ()
    }
  }
  return
}

// CHECK-LABEL: func.func @collapse_expand(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x4xf32>) -> memref<?x4xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<?x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @collapse_expand(%m: memref<?x4xf32>) -> memref<?x4xf32> {
  %c = memref.collapse_shape %m [[0, 1]] : memref<?x4xf32> into memref<?xf32>
  %c0 = arith.constant 0 : index
  %d = memref.dim %m, %c0 : memref<?x4xf32>
  %e = memref.expand_shape %c [[0, 1]] output_shape [%d, 4] : memref<?xf32> into memref<?x4xf32>
  return %e : memref<?x4xf32>
}

// CHECK-LABEL: func.func @expand_collapse(
// CHECK-SAME: %[[ARG0:.*]]: memref<32xf32>) -> memref<32xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<32xf32>
// CHECK-NEXT: {{^  }$}}
func.func @expand_collapse(%m: memref<32xf32>) -> memref<32xf32> {
  %e = memref.expand_shape %m [[0, 1]] output_shape [8, 4] : memref<32xf32> into memref<8x4xf32>
  %c = memref.collapse_shape %e [[0, 1]] : memref<8x4xf32> into memref<32xf32>
  return %c : memref<32xf32>
}

// CHECK-LABEL: func.func @collapse_collapse(
// CHECK-SAME: %[[ARG0:.*]]: memref<2x3x4x5xf32>) -> memref<120xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1, 2, 3]] : memref<2x3x4x5xf32> into memref<120xf32>
// CHECK-NEXT: return %[[COLLAPSE_SHAPE]] : memref<120xf32>
// CHECK-NEXT: {{^  }$}}
func.func @collapse_collapse(%m: memref<2x3x4x5xf32>) -> memref<120xf32> {
  %a = memref.collapse_shape %m [[0, 1], [2, 3]] : memref<2x3x4x5xf32> into memref<6x20xf32>
  %b = memref.collapse_shape %a [[0, 1]] : memref<6x20xf32> into memref<120xf32>
  return %b : memref<120xf32>
}

// CHECK-LABEL: func.func @expand_expand(
// CHECK-SAME: %[[ARG0:.*]]: memref<120xf32>) -> memref<2x3x4x5xf32> {
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1, 2, 3]] output_shape [2, 3, 4, 5] : memref<120xf32> into memref<2x3x4x5xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<2x3x4x5xf32>
// CHECK-NEXT: {{^  }$}}
func.func @expand_expand(%m: memref<120xf32>) -> memref<2x3x4x5xf32> {
  %a = memref.expand_shape %m [[0, 1]] output_shape [6, 20] : memref<120xf32> into memref<6x20xf32>
  %b = memref.expand_shape %a [[0, 1], [2, 3]] output_shape [2, 3, 4, 5] : memref<6x20xf32> into memref<2x3x4x5xf32>
  return %b : memref<2x3x4x5xf32>
}

// CHECK-LABEL: func.func @collapse_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>) -> memref<?xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1]] : memref<4x8xf32> into memref<32xf32>
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[COLLAPSE_SHAPE]] : memref<32xf32> to memref<?xf32>
// CHECK-NEXT: return %[[CAST]] : memref<?xf32>
// CHECK-NEXT: {{^  }$}}
func.func @collapse_cast(%m: memref<4x8xf32>) -> memref<?xf32> {
  %c = memref.cast %m : memref<4x8xf32> to memref<?x8xf32>
  %a = memref.collapse_shape %c [[0, 1]] : memref<?x8xf32> into memref<?xf32>
  return %a : memref<?xf32>
}

// CHECK-LABEL: func.func @expand_of_collapse(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8x2xf32>) -> memref<32x2x1xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1], [2]] : memref<4x8x2xf32> into memref<32x2xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0], [1, 2]] output_shape [32, 2, 1] : memref<32x2xf32> into memref<32x2x1xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<32x2x1xf32>
// CHECK-NEXT: {{^  }$}}
func.func @expand_of_collapse(%m: memref<4x8x2xf32>) -> memref<32x2x1xf32> {
  %a = memref.collapse_shape %m [[0, 1], [2]] : memref<4x8x2xf32> into memref<32x2xf32>
  %b = memref.expand_shape %a [[0], [1, 2]] output_shape [32, 2, 1] : memref<32x2xf32> into memref<32x2x1xf32>
  return %b : memref<32x2x1xf32>
}

// CHECK-LABEL: func.func @coe(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x6xf32>) -> memref<24x1xf32> {
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0], [1, 2]] output_shape [4, 6, 1] : memref<4x6xf32> into memref<4x6x1xf32>
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[EXPAND_SHAPE]] {{\[\[}}0, 1], [2]] : memref<4x6x1xf32> into memref<24x1xf32>
// CHECK-NEXT: return %[[COLLAPSE_SHAPE]] : memref<24x1xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe(%m: memref<4x6xf32>) -> memref<24x1xf32> {
  %e = memref.expand_shape %m [[0], [1, 2]] output_shape [4, 6, 1] : memref<4x6xf32> into memref<4x6x1xf32>
  %c = memref.collapse_shape %e [[0, 1], [2]] : memref<4x6x1xf32> into memref<24x1xf32>
  return %c : memref<24x1xf32>
}

// CHECK-LABEL: func.func @coe2(
// CHECK-SAME: %[[ARG0:.*]]: memref<24xf32>) -> memref<4x6xf32> {
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1]] output_shape [4, 6] : memref<24xf32> into memref<4x6xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<4x6xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe2(%m: memref<24xf32>) -> memref<4x6xf32> {
  %e = memref.expand_shape %m [[0, 1, 2]] output_shape [4, 3, 2] : memref<24xf32> into memref<4x3x2xf32>
  %c = memref.collapse_shape %e [[0], [1, 2]] : memref<4x3x2xf32> into memref<4x6xf32>
  return %c : memref<4x6xf32>
}

// CHECK-LABEL: func.func @eoc(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x6xf32>) -> memref<24x1xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1]] : memref<4x6xf32> into memref<24xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1]] output_shape [24, 1] : memref<24xf32> into memref<24x1xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<24x1xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc(%m: memref<4x6xf32>) -> memref<24x1xf32> {
  %c = memref.collapse_shape %m [[0, 1]] : memref<4x6xf32> into memref<24xf32>
  %e = memref.expand_shape %c [[0, 1]] output_shape [24, 1] : memref<24xf32> into memref<24x1xf32>
  return %e : memref<24x1xf32>
}

// CHECK-LABEL: func.func @eoc2(
// CHECK-SAME: %[[ARG0:.*]]: memref<2x3x4xf32>) -> memref<6x2x2xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0], [1, 2]] output_shape [6, 2, 2] : memref<6x4xf32> into memref<6x2x2xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<6x2x2xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc2(%m: memref<2x3x4xf32>) -> memref<6x2x2xf32> {
  %c = memref.collapse_shape %m [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  %e = memref.expand_shape %c [[0], [1, 2]] output_shape [6, 2, 2] : memref<6x4xf32> into memref<6x2x2xf32>
  return %e : memref<6x2x2xf32>
}

// ComposeCollapseOfExpandOp to an expand_shape with dynamic sizes: MLIR 19's builder infers them from the source
// (memref.dim, divided by the group's static sizes with arith.divui; a division by 1 folds away, as does a dim of an
// alloc).
// CHECK-LABEL: func.func @coe_dyn(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x8xf32>, %[[ARG1:.*]]: index) -> memref<?x2x8xf32> {
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[ARG0]], %[[C0]] : memref<?x8xf32>
// CHECK-NEXT: %[[V0:.*]] = arith.divui %[[DIM]], %[[C2]] : index
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1], [2]] output_shape [%[[V0]], 2, 8] : memref<?x8xf32> into memref<?x2x8xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<?x2x8xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe_dyn(%m: memref<?x8xf32>, %n: index) -> memref<?x2x8xf32> {
  %e = memref.expand_shape %m [[0, 1], [2, 3]] output_shape [%n, 2, 2, 4] : memref<?x8xf32> into memref<?x2x2x4xf32>
  %c = memref.collapse_shape %e [[0], [1], [2, 3]] : memref<?x2x2x4xf32> into memref<?x2x8xf32>
  return %c : memref<?x2x8xf32>
}

// CHECK-LABEL: func.func @coe_dyn2(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x?xf32>, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index) -> memref<?x?x4xf32> {
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[ARG0]], %[[C0]] : memref<?x?xf32>
// CHECK-NEXT: %[[DIM_0:.*]] = memref.dim %[[ARG0]], %[[C1]] : memref<?x?xf32>
// CHECK-NEXT: %[[V0:.*]] = arith.divui %[[DIM_0]], %[[C4]] : index
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0], [1, 2]] output_shape [%[[DIM]], %[[V0]], 4] : memref<?x?xf32> into memref<?x?x4xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<?x?x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe_dyn2(%m: memref<?x?xf32>, %n: index, %k: index) -> memref<?x?x4xf32> {
  %e = memref.expand_shape %m [[0], [1, 2, 3]] output_shape [%n, %k, 2, 4] : memref<?x?xf32> into memref<?x?x2x4xf32>
  %c = memref.collapse_shape %e [[0], [1, 2], [3]] : memref<?x?x2x4xf32> into memref<?x?x4xf32>
  return %c : memref<?x?x4xf32>
}

// CHECK-LABEL: func.func @coe_dyn_unit(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x8xf32>, %[[ARG1:.*]]: index) -> memref<?x1x8xf32> {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[ARG0]], %[[C0]] : memref<?x8xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1], [2]] output_shape [%[[DIM]], 1, 8] : memref<?x8xf32> into memref<?x1x8xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<?x1x8xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe_dyn_unit(%m: memref<?x8xf32>, %n: index) -> memref<?x1x8xf32> {
  %e = memref.expand_shape %m [[0, 1], [2, 3]] output_shape [%n, 1, 2, 4] : memref<?x8xf32> into memref<?x1x2x4xf32>
  %c = memref.collapse_shape %e [[0], [1], [2, 3]] : memref<?x1x2x4xf32> into memref<?x1x8xf32>
  return %c : memref<?x1x8xf32>
}

// CHECK-LABEL: func.func @coe_dyn_alloc(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index) -> memref<?x2x8xf32> {
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[ALLOC:.*]] = memref.alloc(%[[ARG0]]) : memref<?x8xf32>
// CHECK-NEXT: %[[V0:.*]] = arith.divui %[[ARG0]], %[[C2]] : index
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ALLOC]] {{\[\[}}0, 1], [2]] output_shape [%[[V0]], 2, 8] : memref<?x8xf32> into memref<?x2x8xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<?x2x8xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe_dyn_alloc(%n: index, %k: index) -> memref<?x2x8xf32> {
  %m = memref.alloc(%n) : memref<?x8xf32>
  %e = memref.expand_shape %m [[0, 1], [2, 3]] output_shape [%k, 2, 2, 4] : memref<?x8xf32> into memref<?x2x2x4xf32>
  %c = memref.collapse_shape %e [[0], [1], [2, 3]] : memref<?x2x2x4xf32> into memref<?x2x8xf32>
  return %c : memref<?x2x8xf32>
}

// CHECK-LABEL: func.func @coe_dyn_many(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x?xf32>, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index) -> (memref<?x4x?x4xf32>, memref<?x2x?x4xf32>, memref<?x4x?x2xf32>) {
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1, 2], [3, 4, 5]] output_shape [%[[ARG1]], 2, 2, %[[ARG2]], 2, 2] : memref<?x?xf32> into memref<?x2x2x?x2x2xf32>
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[ARG0]], %[[C0]] : memref<?x?xf32>
// CHECK-NEXT: %[[DIM_0:.*]] = memref.dim %[[ARG0]], %[[C1]] : memref<?x?xf32>
// CHECK-NEXT: %[[V0:.*]] = arith.divui %[[DIM]], %[[C4]] : index
// CHECK-NEXT: %[[V1:.*]] = arith.divui %[[DIM_0]], %[[C4]] : index
// CHECK-NEXT: %[[EXPAND_SHAPE_1:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1], [2, 3]] output_shape [%[[V0]], 4, %[[V1]], 4] : memref<?x?xf32> into memref<?x4x?x4xf32>
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[EXPAND_SHAPE]] {{\[\[}}0], [1], [2, 3], [4, 5]] : memref<?x2x2x?x2x2xf32> into memref<?x2x?x4xf32>
// CHECK-NEXT: %[[DIM_2:.*]] = memref.dim %[[ARG0]], %[[C0]] : memref<?x?xf32>
// CHECK-NEXT: %[[DIM_3:.*]] = memref.dim %[[ARG0]], %[[C1]] : memref<?x?xf32>
// CHECK-NEXT: %[[V2:.*]] = arith.divui %[[DIM_2]], %[[C4]] : index
// CHECK-NEXT: %[[V3:.*]] = arith.divui %[[DIM_3]], %[[C2]] : index
// CHECK-NEXT: %[[EXPAND_SHAPE_4:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1], [2, 3]] output_shape [%[[V2]], 4, %[[V3]], 2] : memref<?x?xf32> into memref<?x4x?x2xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE_1]], %[[COLLAPSE_SHAPE]], %[[EXPAND_SHAPE_4]] : memref<?x4x?x4xf32>, memref<?x2x?x4xf32>, memref<?x4x?x2xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe_dyn_many(%m: memref<?x?xf32>, %a: index, %b: index) -> (memref<?x4x?x4xf32>, memref<?x2x?x4xf32>, memref<?x4x?x2xf32>) {
  %e = memref.expand_shape %m [[0, 1, 2], [3, 4, 5]] output_shape [%a, 2, 2, %b, 2, 2] : memref<?x?xf32> into memref<?x2x2x?x2x2xf32>
  %c = memref.collapse_shape %e [[0], [1, 2], [3], [4, 5]] : memref<?x2x2x?x2x2xf32> into memref<?x4x?x4xf32>
  %d = memref.collapse_shape %e [[0], [1], [2, 3], [4, 5]] : memref<?x2x2x?x2x2xf32> into memref<?x2x?x4xf32>
  %f = memref.collapse_shape %e [[0], [1, 2], [3, 4], [5]] : memref<?x2x2x?x2x2xf32> into memref<?x4x?x2xf32>
  return %c, %d, %f : memref<?x4x?x4xf32>, memref<?x2x?x4xf32>, memref<?x4x?x2xf32>
}

// CHECK-LABEL: func.func @coe_rank0(
// CHECK-SAME: %[[ARG0:.*]]: memref<f32>) -> memref<1xf32> {
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] [] output_shape [1] : memref<f32> into memref<1xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<1xf32>
// CHECK-NEXT: {{^  }$}}
func.func @coe_rank0(%m: memref<f32>) -> memref<1xf32> {
  %e = memref.expand_shape %m [] output_shape [1, 1] : memref<f32> into memref<1x1xf32>
  %c = memref.collapse_shape %e [[0, 1]] : memref<1x1xf32> into memref<1xf32>
  return %c : memref<1xf32>
}

// ComposeExpandOfCollapseOp: one collapse_shape or expand_shape (keeping the output shape) when each intermediate
// dim's group on one side collapses into its group on the other.
// CHECK-LABEL: func.func @eoc_to_collapse(
// CHECK-SAME: %[[ARG0:.*]]: memref<2x3x4xf32>) -> memref<6x4xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
// CHECK-NEXT: return %[[COLLAPSE_SHAPE]] : memref<6x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_to_collapse(%m: memref<2x3x4xf32>) -> memref<6x4xf32> {
  %c = memref.collapse_shape %m [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  %e = memref.expand_shape %c [[0, 1]] output_shape [6, 4] : memref<24xf32> into memref<6x4xf32>
  return %e : memref<6x4xf32>
}

// CHECK-LABEL: func.func @eoc_to_expand(
// CHECK-SAME: %[[ARG0:.*]]: memref<6x4xf32>) -> memref<2x3x4xf32> {
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0, 1], [2]] output_shape [2, 3, 4] : memref<6x4xf32> into memref<2x3x4xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<2x3x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_to_expand(%m: memref<6x4xf32>) -> memref<2x3x4xf32> {
  %c = memref.collapse_shape %m [[0, 1]] : memref<6x4xf32> into memref<24xf32>
  %e = memref.expand_shape %c [[0, 1, 2]] output_shape [2, 3, 4] : memref<24xf32> into memref<2x3x4xf32>
  return %e : memref<2x3x4xf32>
}

// CHECK-LABEL: func.func @eoc_dyn_expand(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x4xf32>, %[[ARG1:.*]]: index) -> memref<?x2x2xf32> {
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0], [1, 2]] output_shape [%[[ARG1]], 2, 2] : memref<?x4xf32> into memref<?x2x2xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<?x2x2xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_dyn_expand(%m: memref<?x4xf32>, %n: index) -> memref<?x2x2xf32> {
  %c = memref.collapse_shape %m [[0, 1]] : memref<?x4xf32> into memref<?xf32>
  %e = memref.expand_shape %c [[0, 1, 2]] output_shape [%n, 2, 2] : memref<?xf32> into memref<?x2x2xf32>
  return %e : memref<?x2x2xf32>
}

// CHECK-LABEL: func.func @eoc_dyn_collapse(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x2x2xf32>, %[[ARG1:.*]]: index) -> memref<?x4xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0], [1, 2]] : memref<?x2x2xf32> into memref<?x4xf32>
// CHECK-NEXT: return %[[COLLAPSE_SHAPE]] : memref<?x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_dyn_collapse(%m: memref<?x2x2xf32>, %n: index) -> memref<?x4xf32> {
  %c = memref.collapse_shape %m [[0, 1, 2]] : memref<?x2x2xf32> into memref<?xf32>
  %e = memref.expand_shape %c [[0, 1]] output_shape [%n, 4] : memref<?xf32> into memref<?x4xf32>
  return %e : memref<?x4xf32>
}

// CHECK-LABEL: func.func @eoc_rank0(
// CHECK-SAME: %[[ARG0:.*]]: memref<1x1x1xf32>) -> (memref<1x1xf32>, memref<1x1x1x1xf32>) {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0], [1, 2]] : memref<1x1x1xf32> into memref<1x1xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[ARG0]] {{\[\[}}0], [1], [2, 3]] output_shape [1, 1, 1, 1] : memref<1x1x1xf32> into memref<1x1x1x1xf32>
// CHECK-NEXT: return %[[COLLAPSE_SHAPE]], %[[EXPAND_SHAPE]] : memref<1x1xf32>, memref<1x1x1x1xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_rank0(%m: memref<1x1x1xf32>) -> (memref<1x1xf32>, memref<1x1x1x1xf32>) {
  %c = memref.collapse_shape %m [] : memref<1x1x1xf32> into memref<f32>
  %e = memref.expand_shape %c [] output_shape [1, 1] : memref<f32> into memref<1x1xf32>
  %f = memref.expand_shape %c [] output_shape [1, 1, 1, 1] : memref<f32> into memref<1x1x1x1xf32>
  return %e, %f : memref<1x1xf32>, memref<1x1x1x1xf32>
}

// CHECK-LABEL: func.func @eoc_unit_dims(
// CHECK-SAME: %[[ARG0:.*]]: memref<6x1x1xf32>, %[[ARG1:.*]]: memref<2x3xf32>) -> (memref<2x3xf32>, memref<6x1x1xf32>) {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1, 2]] : memref<6x1x1xf32> into memref<6xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
// CHECK-NEXT: %[[COLLAPSE_SHAPE_0:.*]] = memref.collapse_shape %[[ARG1]] {{\[\[}}0, 1]] : memref<2x3xf32> into memref<6xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE_1:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE_0]] {{\[\[}}0, 1, 2]] output_shape [6, 1, 1] : memref<6xf32> into memref<6x1x1xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]], %[[EXPAND_SHAPE_1]] : memref<2x3xf32>, memref<6x1x1xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_unit_dims(%m: memref<6x1x1xf32>, %n: memref<2x3xf32>) -> (memref<2x3xf32>, memref<6x1x1xf32>) {
  %c = memref.collapse_shape %m [[0, 1, 2]] : memref<6x1x1xf32> into memref<6xf32>
  %e = memref.expand_shape %c [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  %c2 = memref.collapse_shape %n [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  %e2 = memref.expand_shape %c2 [[0, 1, 2]] output_shape [6, 1, 1] : memref<6xf32> into memref<6x1x1xf32>
  return %e, %e2 : memref<2x3xf32>, memref<6x1x1xf32>
}

// ComposeExpandOfCollapseOp refuses: a pair of groups of one size (even where they match, as MLIR 19 does), sizes
// that do not regroup, dynamic sizes in the middle of a group, and non-identity layouts.
// CHECK-LABEL: func.func @eoc_same_size(
// CHECK-SAME: %[[ARG0:.*]]: memref<2x3x4x5xf32>) -> memref<6x4x5xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1, 2], [3]] : memref<2x3x4x5xf32> into memref<24x5xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1], [2]] output_shape [6, 4, 5] : memref<24x5xf32> into memref<6x4x5xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<6x4x5xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_same_size(%m: memref<2x3x4x5xf32>) -> memref<6x4x5xf32> {
  %c = memref.collapse_shape %m [[0, 1, 2], [3]] : memref<2x3x4x5xf32> into memref<24x5xf32>
  %e = memref.expand_shape %c [[0, 1], [2]] output_shape [6, 4, 5] : memref<24x5xf32> into memref<6x4x5xf32>
  return %e : memref<6x4x5xf32>
}

// CHECK-LABEL: func.func @eoc_mismatch(
// CHECK-SAME: %[[ARG0:.*]]: memref<2x12xf32>) -> memref<4x6xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1]] : memref<2x12xf32> into memref<24xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1]] output_shape [4, 6] : memref<24xf32> into memref<4x6xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<4x6xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_mismatch(%m: memref<2x12xf32>) -> memref<4x6xf32> {
  %c = memref.collapse_shape %m [[0, 1]] : memref<2x12xf32> into memref<24xf32>
  %e = memref.expand_shape %c [[0, 1]] output_shape [4, 6] : memref<24xf32> into memref<4x6xf32>
  return %e : memref<4x6xf32>
}

// CHECK-LABEL: func.func @eoc_dyn_inner(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x4x?xf32>, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index) -> memref<?x2x2x?xf32> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1], [2]] : memref<?x4x?xf32> into memref<?x?xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1, 2], [3]] output_shape [%[[ARG1]], 2, 2, %[[ARG2]]] : memref<?x?xf32> into memref<?x2x2x?xf32>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<?x2x2x?xf32>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_dyn_inner(%m: memref<?x4x?xf32>, %a: index, %b: index) -> memref<?x2x2x?xf32> {
  %c = memref.collapse_shape %m [[0, 1], [2]] : memref<?x4x?xf32> into memref<?x?xf32>
  %e = memref.expand_shape %c [[0, 1, 2], [3]] output_shape [%a, 2, 2, %b] : memref<?x?xf32> into memref<?x2x2x?xf32>
  return %e : memref<?x2x2x?xf32>
}

// CHECK-LABEL: func.func @eoc_strided(
// CHECK-SAME: %[[ARG0:.*]]: memref<2x3x4xf32, strided<[12, 4, 1], offset: 5>>) -> memref<6x4xf32, strided<[4, 1], offset: 5>> {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG0]] {{\[\[}}0, 1, 2]] : memref<2x3x4xf32, strided<[12, 4, 1], offset: 5>> into memref<24xf32, strided<[1], offset: 5>>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1]] output_shape [6, 4] : memref<24xf32, strided<[1], offset: 5>> into memref<6x4xf32, strided<[4, 1], offset: 5>>
// CHECK-NEXT: return %[[EXPAND_SHAPE]] : memref<6x4xf32, strided<[4, 1], offset: 5>>
// CHECK-NEXT: {{^  }$}}
func.func @eoc_strided(%m: memref<2x3x4xf32, strided<[12, 4, 1], offset: 5>>) -> memref<6x4xf32, strided<[4, 1], offset: 5>> {
  %c = memref.collapse_shape %m [[0, 1, 2]] : memref<2x3x4xf32, strided<[12, 4, 1], offset: 5>> into memref<24xf32, strided<[1], offset: 5>>
  %e = memref.expand_shape %c [[0, 1]] output_shape [6, 4] : memref<24xf32, strided<[1], offset: 5>> into memref<6x4xf32, strided<[4, 1], offset: 5>>
  return %e : memref<6x4xf32, strided<[4, 1], offset: 5>>
}

// The inverse-reshape fold with several dynamic dims: expand then collapse by the same groups, or collapse then
// expand with at most one dynamic dim per group.
// CHECK-LABEL: func.func @fold_expand_collapse_dyn(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x?xf32>, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index) -> memref<?x?xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<?x?xf32>
// CHECK-NEXT: {{^  }$}}
func.func @fold_expand_collapse_dyn(%m: memref<?x?xf32>, %a: index, %b: index) -> memref<?x?xf32> {
  %e = memref.expand_shape %m [[0, 1], [2, 3]] output_shape [%a, 4, %b, 4] : memref<?x?xf32> into memref<?x4x?x4xf32>
  %c = memref.collapse_shape %e [[0, 1], [2, 3]] : memref<?x4x?x4xf32> into memref<?x?xf32>
  return %c : memref<?x?xf32>
}

// CHECK-LABEL: func.func @fold_collapse_expand_dyn(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x4x?x4xf32>, %[[ARG1:.*]]: memref<?x?x4xf32>, %[[ARG2:.*]]: index, %[[ARG3:.*]]: index) -> (memref<?x4x?x4xf32>, memref<?x?x4xf32>) {
// CHECK-NEXT: %[[COLLAPSE_SHAPE:.*]] = memref.collapse_shape %[[ARG1]] {{\[\[}}0, 1, 2]] : memref<?x?x4xf32> into memref<?xf32>
// CHECK-NEXT: %[[EXPAND_SHAPE:.*]] = memref.expand_shape %[[COLLAPSE_SHAPE]] {{\[\[}}0, 1, 2]] output_shape [%[[ARG2]], %[[ARG3]], 4] : memref<?xf32> into memref<?x?x4xf32>
// CHECK-NEXT: return %[[ARG0]], %[[EXPAND_SHAPE]] : memref<?x4x?x4xf32>, memref<?x?x4xf32>
// CHECK-NEXT: {{^  }$}}
func.func @fold_collapse_expand_dyn(%m: memref<?x4x?x4xf32>, %n: memref<?x?x4xf32>, %a: index, %b: index) -> (memref<?x4x?x4xf32>, memref<?x?x4xf32>) {
  %c = memref.collapse_shape %m [[0, 1], [2, 3]] : memref<?x4x?x4xf32> into memref<?x?xf32>
  %e = memref.expand_shape %c [[0, 1], [2, 3]] output_shape [%a, 4, %b, 4] : memref<?x?xf32> into memref<?x4x?x4xf32>
  %c2 = memref.collapse_shape %n [[0, 1, 2]] : memref<?x?x4xf32> into memref<?xf32>
  %e2 = memref.expand_shape %c2 [[0, 1, 2]] output_shape [%a, %b, 4] : memref<?xf32> into memref<?x?x4xf32>
  return %e, %e2 : memref<?x4x?x4xf32>, memref<?x?x4xf32>
}

// CHECK-LABEL: func.func @view_same(
// CHECK-SAME: %[[ARG0:.*]]: memref<2048xi8>) -> memref<2048xi8> {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[VIEW:.*]] = memref.view %[[ARG0]][%[[C0]]][] : memref<2048xi8> to memref<2048xi8>
// CHECK-NEXT: return %[[VIEW]] : memref<2048xi8>
// CHECK-NEXT: {{^  }$}}
func.func @view_same(%m: memref<2048xi8>) -> memref<2048xi8> {
  %c0 = arith.constant 0 : index
  %v = memref.view %m[%c0][] : memref<2048xi8> to memref<2048xi8>
  return %v : memref<2048xi8>
}

// CHECK-LABEL: func.func @sv_dyn_same(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32, strided<[1], offset: ?>>, %[[ARG1:.*]]: index) -> memref<4xf32, strided<[1], offset: ?>> {
// CHECK-NEXT: return %[[ARG0]] : memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT: {{^  }$}}
func.func @sv_dyn_same(%m: memref<4xf32, strided<[1], offset: ?>>, %i: index) -> memref<4xf32, strided<[1], offset: ?>> {
  %s = memref.subview %m[%i] [4] [1] : memref<4xf32, strided<[1], offset: ?>> to memref<4xf32, strided<[1], offset: ?>>
  return %s : memref<4xf32, strided<[1], offset: ?>>
}

// CHECK-LABEL: func.func @dim_reshape_after(
// CHECK-SAME: %[[ARG0:.*]]: memref<*xf32>, %[[ARG1:.*]]: memref<2xindex>) -> index {
// CHECK-NEXT: %[[RESHAPE:.*]] = memref.reshape %[[ARG0]](%[[ARG1]]) : (memref<*xf32>, memref<2xindex>) -> memref<?x?xf32>
// CHECK-NEXT: %[[V0:.*]] = "test.idx"() : () -> index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim %[[RESHAPE]], %[[V0]] : memref<?x?xf32>
// CHECK-NEXT: return %[[DIM]] : index
// CHECK-NEXT: {{^  }$}}
func.func @dim_reshape_after(%m: memref<*xf32>, %shape: memref<2xindex>) -> index {
  %r = memref.reshape %m(%shape) : (memref<*xf32>, memref<2xindex>) -> memref<?x?xf32>
  %i = "test.idx"() : () -> index
  %d = memref.dim %r, %i : memref<?x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @rc_esm_partial(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>) -> memref<32xf32> {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[BASE_BUFFER:.*]], %[[OFFSET:.*]], %[[SIZES:.*]]:2, %[[STRIDES:.*]]:2 = memref.extract_strided_metadata %[[ARG0]] : memref<4x8xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %[[REINTERPRET_CAST:.*]] = memref.reinterpret_cast %[[BASE_BUFFER]] to offset: [%[[C0]]], sizes: [32], strides: [1] : memref<f32> to memref<32xf32>
// CHECK-NEXT: return %[[REINTERPRET_CAST]] : memref<32xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_esm_partial(%m: memref<4x8xf32>) -> memref<32xf32> {
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<4x8xf32> -> memref<f32>, index, index, index, index, index
  %b = memref.reinterpret_cast %base to offset: [%off], sizes: [32], strides: [1] : memref<f32> to memref<32xf32>
  return %b : memref<32xf32>
}

// CHECK-LABEL: func.func @rc_esm_consts(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x8xf32>) -> memref<4x8xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<4x8xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_esm_consts(%m: memref<4x8xf32>) -> memref<4x8xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<4x8xf32> -> memref<f32>, index, index, index, index, index
  %b = memref.reinterpret_cast %base to offset: [%c0], sizes: [4, %c8], strides: [%st#0, 1] : memref<f32> to memref<4x8xf32>
  return %b : memref<4x8xf32>
}

// CHECK-LABEL: func.func @rc_esm_dyn(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x8xf32>) -> memref<?x8xf32> {
// CHECK-NEXT: return %[[ARG0]] : memref<?x8xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_esm_dyn(%m: memref<?x8xf32>) -> memref<?x8xf32> {
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<?x8xf32> -> memref<f32>, index, index, index, index, index
  %b = memref.reinterpret_cast %base to offset: [%off], sizes: [%sz#0, 8], strides: [8, 1] : memref<f32> to memref<?x8xf32>
  return %b : memref<?x8xf32>
}

// CHECK-LABEL: func.func @rc_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) -> memref<2xf32> {
// CHECK-NEXT: %[[REINTERPRET_CAST:.*]] = memref.reinterpret_cast %[[ARG0]] to offset: [0], sizes: [2], strides: [1] : memref<4xf32> to memref<2xf32>
// CHECK-NEXT: return %[[REINTERPRET_CAST]] : memref<2xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_cast(%m: memref<4xf32>) -> memref<2xf32> {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %b = memref.reinterpret_cast %c to offset: [0], sizes: [2], strides: [1] : memref<?xf32> to memref<2xf32>
  return %b : memref<2xf32>
}

// CHECK-LABEL: func.func @rc_sv(
// CHECK-SAME: %[[ARG0:.*]]: memref<8xf32>) -> memref<2xf32> {
// CHECK-NEXT: %[[REINTERPRET_CAST:.*]] = memref.reinterpret_cast %[[ARG0]] to offset: [0], sizes: [2], strides: [1] : memref<8xf32> to memref<2xf32>
// CHECK-NEXT: return %[[REINTERPRET_CAST]] : memref<2xf32>
// CHECK-NEXT: {{^  }$}}
func.func @rc_sv(%m: memref<8xf32>) -> memref<2xf32> {
  %s = memref.subview %m[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  %b = memref.reinterpret_cast %s to offset: [0], sizes: [2], strides: [1] : memref<4xf32, strided<[1]>> to memref<2xf32>
  return %b : memref<2xf32>
}

// CHECK-LABEL: func.func @esm_dyn(
// CHECK-SAME: %[[ARG0:.*]]: memref<?x?xf32, strided<[?, 1], offset: ?>>) -> (index, index, index, index, index) {
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[BASE_BUFFER:.*]], %[[OFFSET:.*]], %[[SIZES:.*]]:2, %[[STRIDES:.*]]:2 = memref.extract_strided_metadata %[[ARG0]] : memref<?x?xf32, strided<[?, 1], offset: ?>> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: return %[[OFFSET]], %[[SIZES]]#0, %[[SIZES]]#1, %[[STRIDES]]#0, %[[C1]] : index, index, index, index, index
// CHECK-NEXT: {{^  }$}}
func.func @esm_dyn(%m: memref<?x?xf32, strided<[?, 1], offset: ?>>) -> (index, index, index, index, index) {
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<?x?xf32, strided<[?, 1], offset: ?>> -> memref<f32>, index, index, index, index, index
  return %off, %sz#0, %sz#1, %st#0, %st#1 : index, index, index, index, index
}

// CHECK-LABEL: func.func @esm_cast(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>) -> index {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<4xf32> to memref<?xf32>
// CHECK-NEXT: %[[BASE_BUFFER:.*]], %[[OFFSET:.*]], %[[SIZES:.*]], %[[STRIDES:.*]] = memref.extract_strided_metadata %[[CAST]] : memref<?xf32> -> memref<f32>, index, index, index
// CHECK-NEXT: return %[[SIZES]] : index
// CHECK-NEXT: {{^  }$}}
func.func @esm_cast(%m: memref<4xf32>) -> index {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %base, %off, %sz, %st = memref.extract_strided_metadata %c : memref<?xf32> -> memref<f32>, index, index, index
  return %sz : index
}

// CHECK-LABEL: func.func @copy_unranked(
// CHECK-SAME: %[[ARG0:.*]]: memref<*xf32>, %[[ARG1:.*]]: memref<4xf32>) {
// CHECK-NEXT: %[[CAST:.*]] = memref.cast %[[ARG0]] : memref<*xf32> to memref<4xf32>
// CHECK-NEXT: memref.copy %[[CAST]], %[[ARG1]] : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @copy_unranked(%m: memref<*xf32>, %n: memref<4xf32>) {
  %c = memref.cast %m : memref<*xf32> to memref<4xf32>
  memref.copy %c, %n : memref<4xf32> to memref<4xf32>
  return
}

// CHECK-LABEL: func.func @copy_layout(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: memref<4xf32>) {
// CHECK-NEXT: memref.copy %[[ARG0]], %[[ARG1]] : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @copy_layout(%m: memref<4xf32>, %n: memref<4xf32>) {
  %c = memref.cast %m : memref<4xf32> to memref<4xf32, strided<[?], offset: ?>>
  memref.copy %c, %n : memref<4xf32, strided<[?], offset: ?>> to memref<4xf32>
  return
}
