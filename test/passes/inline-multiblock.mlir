// Inlining callees with several blocks (MLIR 19's inlineRegion): the caller block is split at the call, the callee's
// entry ops join the caller block and its returns become cf.br to the continuation, whose arguments replace the
// call's results. Not into single-block regions such as scf.for; nested calls are inlined too.
// packages/passes/test/conformance.test.ts compares this file with mlir-opt-19.
// RUN: allo-opt %s --inline | FileCheck %s

// CHECK-LABEL: func.func private @absval(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.cmpi slt, %[[ARG0]], %[[C0_I32]] : i32
// CHECK-NEXT: cf.cond_br %[[V0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V1:.*]] = arith.subi %[[C0_I32]], %[[ARG0]] : i32
// CHECK-NEXT: return %[[V1]] : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: return %[[ARG0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func private @absval(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %neg = arith.cmpi slt, %x, %c0 : i32
  cf.cond_br %neg, ^bb1, ^bb2
^bb1:
  %n = arith.subi %c0, %x : i32
  return %n : i32
^bb2:
  return %x : i32
}

// CHECK-LABEL: func.func @caller(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: memref<i32>) -> i32 {
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.cmpi slt, %[[ARG0]], %[[C0_I32]] : i32
// CHECK-NEXT: cf.cond_br %[[V0]], ^bb1, ^bb2(%[[ARG0]] : i32)
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V1:.*]] = arith.subi %[[C0_I32]], %[[ARG0]] : i32
// CHECK-NEXT: cf.br ^bb2(%[[V1]] : i32)
// CHECK-NEXT: ^bb2(%[[V2:.*]]: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: memref.store %[[V2]], %[[ARG1]][] : memref<i32>
// CHECK-NEXT: %[[V3:.*]] = arith.addi %[[V2]], %[[V2]] : i32
// CHECK-NEXT: return %[[V3]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @caller(%a: i32, %m: memref<i32>) -> i32 {
  %r = call @absval(%a) : (i32) -> i32
  memref.store %r, %m[] : memref<i32>
  %s = arith.addi %r, %r : i32
  return %s : i32
}

// CHECK-LABEL: func.func @in_for(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index, %[[ARG3:.*]]: index, %[[ARG4:.*]]: memref<i32>) {
// CHECK-NEXT: scf.for %[[ARG5:.*]] = %[[ARG1]] to %[[ARG2]] step %[[ARG3]] {
// CHECK-NEXT: %[[V0:.*]] = func.call @absval(%[[ARG0]]) : (i32) -> i32
// CHECK-NEXT: memref.store %[[V0]], %[[ARG4]][] : memref<i32>
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @in_for(%a: i32, %lb: index, %ub: index, %st: index, %m: memref<i32>) {
  scf.for %i = %lb to %ub step %st {
    %r = func.call @absval(%a) : (i32) -> i32
    memref.store %r, %m[] : memref<i32>
  }
  return
}

// CHECK-LABEL: func.func @in_exec(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.cmpi slt, %[[ARG0]], %[[C0_I32]] : i32
// CHECK-NEXT: cf.cond_br %[[V0]], ^bb1, ^bb2(%[[ARG0]] : i32)
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V1:.*]] = arith.subi %[[C0_I32]], %[[ARG0]] : i32
// CHECK-NEXT: cf.br ^bb2(%[[V1]] : i32)
// CHECK-NEXT: ^bb2(%[[V2:.*]]: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: return %[[V2]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @in_exec(%a: i32) -> i32 {
  %v = scf.execute_region -> i32 {
    %r = func.call @absval(%a) : (i32) -> i32
    scf.yield %r : i32
  }
  return %v : i32
}

func.func private @loop(%n: index, %m: memref<?xf32>, %v: f32) {
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

// CHECK-LABEL: func.func @caller2(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: memref<?xf32>, %[[ARG2:.*]]: f32) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: cf.br ^bb1(%[[C0]] : index)
// CHECK-NEXT: ^bb1(%[[V0:.*]]: index):  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[V0]], %[[ARG0]] : index
// CHECK-NEXT: cf.cond_br %[[V1]], ^bb2, ^bb3(%[[C0]] : index)
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: memref.store %[[ARG2]], %[[ARG1]][%[[V0]]] : memref<?xf32>
// CHECK-NEXT: %[[V2:.*]] = arith.addi %[[V0]], %[[C1]] : index
// CHECK-NEXT: cf.br ^bb1(%[[V2]] : index)
// CHECK-NEXT: ^bb3(%[[V3:.*]]: index):  // 2 preds: ^bb1, ^bb4
// CHECK-NEXT: %[[V4:.*]] = arith.cmpi slt, %[[V3]], %[[ARG0]] : index
// CHECK-NEXT: cf.cond_br %[[V4]], ^bb4, ^bb5
// CHECK-NEXT: ^bb4:  // pred: ^bb3
// CHECK-NEXT: memref.store %[[ARG2]], %[[ARG1]][%[[V3]]] : memref<?xf32>
// CHECK-NEXT: %[[V5:.*]] = arith.addi %[[V3]], %[[C1]] : index
// CHECK-NEXT: cf.br ^bb3(%[[V5]] : index)
// CHECK-NEXT: ^bb5:  // pred: ^bb3
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @caller2(%n: index, %m: memref<?xf32>, %v: f32) {
  call @loop(%n, %m, %v) : (index, memref<?xf32>, f32) -> ()
  call @loop(%n, %m, %v) : (index, memref<?xf32>, f32) -> ()
  return
}

func.func private @leaf2(%x: i32) -> i32 {
  %c = arith.constant 3 : i32
  %r = arith.muli %x, %c : i32
  return %r : i32
}

func.func private @mid2(%x: i32, %c: i1) -> (i32, i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %a = call @leaf2(%x) : (i32) -> i32
  return %a, %x : i32, i32
^bb2:
  %b = scf.if %c -> (i32) {
    %t = func.call @leaf2(%x) : (i32) -> i32
    scf.yield %t : i32
  } else {
    scf.yield %x : i32
  }
  return %x, %b : i32, i32
}

// CHECK-LABEL: func.func @top3(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i1) -> i32 {
// CHECK-NEXT: %[[C3_I32:.*]] = arith.constant 3 : i32
// CHECK-NEXT: cf.cond_br %[[ARG1]], ^bb1, ^bb2(%[[ARG0]], %[[ARG0]] : i32, i32)
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V0:.*]] = arith.muli %[[ARG0]], %[[C3_I32]] : i32
// CHECK-NEXT: cf.br ^bb2(%[[V0]], %[[ARG0]] : i32, i32)
// CHECK-NEXT: ^bb2(%[[V1:.*]]: i32, %[[V2:.*]]: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: %[[V3:.*]] = arith.addi %[[V1]], %[[V2]] : i32
// CHECK-NEXT: return %[[V3]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @top3(%x: i32, %c: i1) -> i32 {
  %p:2 = call @mid2(%x, %c) : (i32, i1) -> (i32, i32)
  %s = arith.addi %p#0, %p#1 : i32
  return %s : i32
}

func.func private @noret(%m: memref<i32>, %c: i1, %x: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %x, %m[] : memref<i32>
  return
^bb2:
  return
}

// CHECK-LABEL: func.func @top2(
// CHECK-SAME: %[[ARG0:.*]]: memref<i32>, %[[ARG1:.*]]: i1, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG1]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: memref.store %[[ARG2]], %[[ARG0]][] : memref<i32>
// CHECK-NEXT: cf.br ^bb2
// CHECK-NEXT: ^bb2:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: %[[V0:.*]] = arith.addi %[[ARG2]], %[[ARG2]] : i32
// CHECK-NEXT: cf.cond_br %[[ARG1]], ^bb3, ^bb4
// CHECK-NEXT: ^bb3:  // pred: ^bb2
// CHECK-NEXT: memref.store %[[V0]], %[[ARG0]][] : memref<i32>
// CHECK-NEXT: cf.br ^bb4
// CHECK-NEXT: ^bb4:  // 2 preds: ^bb2, ^bb3
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @top2(%m: memref<i32>, %c: i1, %x: i32) {
  call @noret(%m, %c, %x) : (memref<i32>, i1, i32) -> ()
  %y = arith.addi %x, %x : i32
  call @noret(%m, %c, %y) : (memref<i32>, i1, i32) -> ()
  return
}

// CHECK-LABEL: func.func @rec(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i1) -> i32 {
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: cf.cond_br %[[ARG1]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V0:.*]] = call @rec(%[[ARG0]], %[[TRUE]]) : (i32, i1) -> i32
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: return %[[ARG0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @rec(%x: i32, %c: i1) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %r = call @rec(%x, %c) : (i32, i1) -> i32
  return %r : i32
^bb2:
  return %x : i32
}
