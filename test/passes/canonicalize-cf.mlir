// cf canonicalization (MLIR 19's ControlFlowOps.cpp) and region simplification of cf branches: merging a block into
// its single predecessor, cond_br on a constant or to identical successors, pass-through blocks, truth propagation,
// cond_br on an already-tested condition, assert of true, the cf.switch patterns and dead block arguments.
// packages/passes/test/conformance.test.ts compares this file with mlir-opt-19.
// RUN: allo-opt %s --canonicalize --allow-unregistered-dialect | FileCheck %s

// CHECK-LABEL: func.func @br_merge(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[C1_I32:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.addi %[[ARG0]], %[[C1_I32]] : i32
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @br_merge(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  cf.br ^bb1(%x : i32)
^bb1(%a: i32):
  %b = arith.addi %a, %c1 : i32
  return %b : i32
}

// CHECK-LABEL: func.func @cond_const(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> i32 {
// CHECK-NEXT: return %[[ARG0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @cond_const(%x: i32, %y: i32) -> i32 {
  %t = arith.constant true
  cf.cond_br %t, ^bb1(%x : i32), ^bb1(%y : i32)
^bb1(%a: i32):
  return %a : i32
}

// CHECK-LABEL: func.func @cond_same(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @cond_same(%c: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^bb1(%x : i32), ^bb1(%y : i32)
^bb1(%a: i32):
  return %a : i32
}

// CHECK-LABEL: func.func @cond_same2(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32) -> i32 {
// CHECK-NEXT: return %[[ARG1]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @cond_same2(%c: i1, %x: i32) -> i32 {
  cf.cond_br %c, ^bb1(%x : i32), ^bb1(%x : i32)
^bb1(%a: i32):
  return %a : i32
}

// CHECK-LABEL: func.func @passthrough(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: memref<i32>) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: memref.store %[[V0]], %[[ARG3]][] : memref<i32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @passthrough(%c: i1, %x: i32, %y: i32, %m: memref<i32>) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.br ^bb3(%x : i32)
^bb2:
  cf.br ^bb3(%y : i32)
^bb3(%a: i32):
  memref.store %a, %m[] : memref<i32>
  return
}

// CHECK-LABEL: func.func @truth(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: memref<i1>) {
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: %[[FALSE:.*]] = arith.constant false
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: memref.store %[[TRUE]], %[[ARG1]][] : memref<i1>
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: memref.store %[[FALSE]], %[[ARG1]][] : memref<i1>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @truth(%c: i1, %m: memref<i1>) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %c, %m[] : memref<i1>
  return
^bb2:
  memref.store %c, %m[] : memref<i1>
  return
}

// CHECK-LABEL: func.func @same_cond(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: memref<i32>, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32, %[[ARG4:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: memref.store %[[ARG2]], %[[ARG1]][] : memref<i32>
// CHECK-NEXT: memref.store %[[ARG3]], %[[ARG1]][] : memref<i32>
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @same_cond(%c: i1, %m: memref<i32>, %x: i32, %y: i32, %z: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c, ^bb3, ^bb4
^bb2:
  return
^bb3:
  memref.store %y, %m[] : memref<i32>
  return
^bb4:
  memref.store %z, %m[] : memref<i32>
  return
}

// CHECK-LABEL: func.func @assert_true(
// CHECK-SAME: %[[ARG0:.*]]: i1) {
// CHECK-NEXT: cf.assert %[[ARG0]], "maybe"
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @assert_true(%c: i1) {
  %t = arith.constant true
  cf.assert %t, "ok"
  cf.assert %c, "maybe"
  return
}

// CHECK-LABEL: func.func @switch_const(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: memref<i32>) {
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @switch_const(%x: i32, %m: memref<i32>) {
  %c = arith.constant 42 : i32
  cf.switch %c : i32, [
    default: ^bb1,
    42: ^bb2
  ]
^bb1:
  memref.store %x, %m[] : memref<i32>
  return
^bb2:
  return
}

// CHECK-LABEL: func.func @switch_default(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: memref<i32>) {
// CHECK-NEXT: cf.switch %[[ARG0]] : i32, [
// CHECK-NEXT: default: ^bb1(%[[ARG1]] : i32),
// CHECK-NEXT: 2: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1(%[[V0:.*]]: i32):  // pred: ^bb0
// CHECK-NEXT: memref.store %[[V0]], %[[ARG2]][] : memref<i32>
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @switch_default(%f: i32, %x: i32, %m: memref<i32>) {
  cf.switch %f : i32, [
    default: ^bb1(%x : i32),
    1: ^bb1(%x : i32),
    2: ^bb2
  ]
^bb1(%a: i32):
  memref.store %a, %m[] : memref<i32>
  return
^bb2:
  return
}

// CHECK-LABEL: func.func @switch_only_default(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: memref<i32>) {
// CHECK-NEXT: memref.store %[[ARG1]], %[[ARG2]][] : memref<i32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @switch_only_default(%f: i32, %x: i32, %m: memref<i32>) {
  cf.switch %f : i32, [
    default: ^bb1(%x : i32)
  ]
^bb1(%a: i32):
  memref.store %a, %m[] : memref<i32>
  return
}

// CHECK-LABEL: func.func @switch_nested(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: memref<i32>, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) {
// CHECK-NEXT: cf.switch %[[ARG0]] : i32, [
// CHECK-NEXT: default: ^bb1,
// CHECK-NEXT: 42: ^bb3
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: cf.switch %[[ARG0]] : i32, [
// CHECK-NEXT: default: ^bb2,
// CHECK-NEXT: 43: ^bb3
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: memref.store %[[ARG2]], %[[ARG1]][] : memref<i32>
// CHECK-NEXT: return
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @switch_nested(%f: i32, %m: memref<i32>, %x: i32, %y: i32) {
  cf.switch %f : i32, [
    default: ^bb1,
    42: ^bb2
  ]
^bb1:
  cf.switch %f : i32, [
    default: ^bb3,
    42: ^bb4,
    43: ^bb5
  ]
^bb2:
  cf.switch %f : i32, [
    default: ^bb3,
    42: ^bb5
  ]
^bb3:
  memref.store %x, %m[] : memref<i32>
  return
^bb4:
  memref.store %y, %m[] : memref<i32>
  return
^bb5:
  return
}

// CHECK-LABEL: func.func @dead_block_arg(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "test.foo"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "test.bar"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @dead_block_arg(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1(%x : i32), ^bb2(%y : i32)
^bb1(%a: i32):
  "test.foo"() : () -> ()
  return
^bb2(%b: i32):
  "test.bar"() : () -> ()
  return
}

// CHECK-LABEL: func.func @loop(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: memref<?xf32>, %[[ARG2:.*]]: f32) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: cf.br ^bb1(%[[C0]] : index)
// CHECK-NEXT: ^bb1(%[[V0:.*]]: index):  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[V0]], %[[ARG0]] : index
// CHECK-NEXT: cf.cond_br %[[V1]], ^bb2, ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: memref.store %[[ARG2]], %[[ARG1]][%[[V0]]] : memref<?xf32>
// CHECK-NEXT: %[[V2:.*]] = arith.addi %[[V0]], %[[C1]] : index
// CHECK-NEXT: cf.br ^bb1(%[[V2]] : index)
// CHECK-NEXT: ^bb3:  // pred: ^bb1
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @loop(%n: index, %m: memref<?xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^hdr(%c0 : index)
^hdr(%i: index):
  %cmp = arith.cmpi slt, %i, %n : index
  cf.cond_br %cmp, ^body, ^exit
^body:
  memref.store %v, %m[%i] : memref<?xf32>
  %next = arith.addi %i, %c1 : index
  cf.br ^hdr(%next : index)
^exit:
  return
}
