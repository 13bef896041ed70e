// scf canonicalization (MLIR 19's SCF.cpp): scf.for iter_args and trivial loops, scf.if yields, scf.index_switch on a
// constant, the scf.while patterns, scf.parallel single-iteration dimensions and nested loops, scf.execute_region
// inlining (one block, or several blocks with cf branches), scf.if on a negated condition.
// packages/passes/test/conformance.test.ts compares this file with mlir-opt-19.
// RUN: allo-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @switch_noresult(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: f32) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG1]], %[[ARG1]] : f32
// CHECK-NEXT: memref.store %[[V0]], %[[ARG0]][%[[C0]]] : memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @switch_noresult(%m: memref<4xf32>, %x: f32) {
  %c2 = arith.constant 2 : index
  %c0 = arith.constant 0 : index
  scf.index_switch %c2
  case 1 {
    memref.store %x, %m[%c0] : memref<4xf32>
    scf.yield
  }
  case 2 {
    %y = arith.addf %x, %x : f32
    memref.store %y, %m[%c0] : memref<4xf32>
    scf.yield
  }
  default {
  }
  return
}

// CHECK-LABEL: func.func @switch_res(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG1]], %[[ARG1]] : f32
// CHECK-NEXT: memref.store %[[V0]], %[[ARG0]][%[[C0]]] : memref<4xf32>
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @switch_res(%m: memref<4xf32>, %x: f32) -> f32 {
  %c2 = arith.constant 2 : index
  %c0 = arith.constant 0 : index
  %r = scf.index_switch %c2 -> f32
  case 2 {
    %y = arith.addf %x, %x : f32
    memref.store %y, %m[%c0] : memref<4xf32>
    scf.yield %y : f32
  }
  default {
    scf.yield %x : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @if_not(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: f32, %[[ARG2:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = scf.if %[[ARG0]] -> (f32) {
// CHECK-NEXT: %[[V1:.*]] = arith.mulf %[[ARG1]], %[[ARG2]] : f32
// CHECK-NEXT: scf.yield %[[V1]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[V1]] = arith.addf %[[ARG1]], %[[ARG2]] : f32
// CHECK-NEXT: scf.yield %[[V1]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @if_not(%c: i1, %x: f32, %y: f32) -> f32 {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  %r = scf.if %n -> f32 {
    %a = arith.addf %x, %y : f32
    scf.yield %a : f32
  } else {
    %b = arith.mulf %x, %y : f32
    scf.yield %b : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @w_inv(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG2:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG2]], %[[ARG1]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG2]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG2]]: i32):
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG2]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @w_inv(%x: i32, %y: i32) -> i32 {
  %c10 = arith.constant 10 : i32
  %r:2 = scf.while (%a = %x, %b = %y) : (i32, i32) -> (i32, i32) {
    %c = arith.cmpi slt, %a, %b : i32
    scf.condition(%c) %a, %b : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    %n = arith.addi %p, %c10 : i32
    scf.yield %n, %y : i32, i32
  }
  return %r#0 : i32
}

// CHECK-LABEL: func.func @w_truth(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: memref<4xi1>) -> i32 {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: %[[FALSE:.*]] = arith.constant false
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG2:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG2]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG2]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG2]]: i32):
// CHECK-NEXT: memref.store %[[TRUE]], %[[ARG1]][%[[C0]]] : memref<4xi1>
// CHECK-NEXT: memref.store %[[TRUE]], %[[ARG1]][%[[C0]]] : memref<4xi1>
// CHECK-NEXT: memref.store %[[FALSE]], %[[ARG1]][%[[C0]]] : memref<4xi1>
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG2]], %[[ARG2]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @w_truth(%x: i32, %m: memref<4xi1>) -> i32 {
  %c10 = arith.constant 10 : i32
  %c0 = arith.constant 0 : index
  %r:2 = scf.while (%a = %x) : (i32) -> (i32, i1) {
    %c = arith.cmpi slt, %a, %c10 : i32
    scf.condition(%c) %a, %c : i32, i1
  } do {
  ^bb0(%p: i32, %q: i1):
    memref.store %q, %m[%c0] : memref<4xi1>
    %c2 = arith.cmpi slt, %p, %c10 : i32
    %c3 = arith.cmpi sge, %p, %c10 : i32
    memref.store %c2, %m[%c0] : memref<4xi1>
    memref.store %c3, %m[%c0] : memref<4xi1>
    %n = arith.addi %p, %p : i32
    scf.yield %n : i32
  }
  return %r#0 : i32
}

// CHECK-LABEL: func.func @w_dup(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG1:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG1]], %[[C10_I32]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.muli %[[ARG1]], %[[ARG1]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[V2]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG1]]: i32):
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG1]], %[[ARG1]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]], %[[V0]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @w_dup(%x: i32) -> (i32, i32) {
  %c10 = arith.constant 10 : i32
  %r:2 = scf.while (%a = %x) : (i32) -> (i32, i32) {
    %c = arith.cmpi slt, %a, %c10 : i32
    %d = arith.muli %a, %a : i32
    scf.condition(%c) %d, %d : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    %n = arith.addi %p, %q : i32
    scf.yield %n : i32
  }
  return %r#0, %r#1 : i32, i32
}

// CHECK-LABEL: func.func @w_align(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: f32) -> (f32, i32) {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]]:2 = scf.while (%[[ARG2:.*]] = %[[ARG0]], %[[ARG3:.*]] = %[[ARG1]]) : (i32, f32) -> (i32, f32) {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG2]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG2]], %[[ARG3]] : i32, f32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG2]]: i32, %[[ARG3]]: f32):
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG2]], %[[ARG2]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.addf %[[ARG3]], %[[ARG3]] : f32
// CHECK-NEXT: scf.yield %[[V1]], %[[V2]] : i32, f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]]#1, %[[V0]]#0 : f32, i32
// CHECK-NEXT: {{^  }$}}
func.func @w_align(%x: i32, %y: f32) -> (f32, i32) {
  %c10 = arith.constant 10 : i32
  %r:2 = scf.while (%a = %x, %b = %y) : (i32, f32) -> (f32, i32) {
    %c = arith.cmpi slt, %a, %c10 : i32
    scf.condition(%c) %b, %a : f32, i32
  } do {
  ^bb0(%p: f32, %q: i32):
    %n = arith.addi %q, %q : i32
    %g = arith.addf %p, %p : f32
    scf.yield %n, %g : i32, f32
  }
  return %r#0, %r#1 : f32, i32
}

// CHECK-LABEL: func.func @w_unusedarg(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG2:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG2]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG2]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG2]]: i32):
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG2]], %[[ARG2]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @w_unusedarg(%x: i32, %z: i32) -> i32 {
  %c10 = arith.constant 10 : i32
  %r = scf.while (%a = %x, %u = %z) : (i32, i32) -> i32 {
    %c = arith.cmpi slt, %a, %c10 : i32
    scf.condition(%c) %a : i32
  } do {
  ^bb0(%p: i32):
    %n = arith.addi %p, %p : i32
    scf.yield %n, %p : i32, i32
  }
  return %r : i32
}

// CHECK-LABEL: func.func @w_outside(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: memref<4xi32>) -> (i32, i32) {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG3:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG3]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG3]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG3]]: i32):
// CHECK-NEXT: memref.store %[[ARG1]], %[[ARG2]][%[[C0]]] : memref<4xi32>
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG3]], %[[ARG3]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]], %[[ARG1]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @w_outside(%x: i32, %k: i32, %m: memref<4xi32>) -> (i32, i32) {
  %c10 = arith.constant 10 : i32
  %c0 = arith.constant 0 : index
  %r:2 = scf.while (%a = %x) : (i32) -> (i32, i32) {
    %c = arith.cmpi slt, %a, %c10 : i32
    scf.condition(%c) %a, %k : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    memref.store %q, %m[%c0] : memref<4xi32>
    %n = arith.addi %p, %p : i32
    scf.yield %n : i32
  }
  return %r#0, %r#1 : i32, i32
}

// CHECK-LABEL: func.func @par_neg(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: f32) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: scf.parallel (%[[ARG2:.*]]) = (%[[C4]]) to (%[[C0]]) step (%[[C1]]) {
// CHECK-NEXT: memref.store %[[ARG1]], %[[ARG0]][%[[ARG2]]] : memref<4xf32>
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @par_neg(%m: memref<4xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.parallel (%i) = (%c4) to (%c0) step (%c1) {
    memref.store %x, %m[%i] : memref<4xf32>
  }
  return
}

// CHECK-LABEL: func.func @par_mixed(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x4xf32>, %[[ARG1:.*]]: f32, %[[ARG2:.*]]: index) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.parallel (%[[ARG3:.*]]) = (%[[C0]]) to (%[[ARG2]]) step (%[[C1]]) {
// CHECK-NEXT: memref.store %[[ARG1]], %[[ARG0]][%[[C0]], %[[ARG3]]] : memref<4x4xf32>
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @par_mixed(%m: memref<4x4xf32>, %x: f32, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c1, %n) step (%c1, %c1) {
    memref.store %x, %m[%i, %j] : memref<4x4xf32>
  }
  return
}

// CHECK-LABEL: func.func @par_reduce(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG0]], %[[ARG1]] : f32
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @par_reduce(%x: f32, %y: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.parallel (%i) = (%c0) to (%c1) step (%c1) init (%x) -> f32 {
    scf.reduce(%y : f32) {
    ^bb0(%l: f32, %rr: f32):
      %s = arith.addf %l, %rr : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

// CHECK-LABEL: func.func @par_nested(
// CHECK-SAME: %[[ARG0:.*]]: memref<4x4xf32>, %[[ARG1:.*]]: f32, %[[ARG2:.*]]: index) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.parallel (%[[ARG3:.*]], %[[ARG4:.*]]) = (%[[C0]], %[[C0]]) to (%[[ARG2]], %[[ARG2]]) step (%[[C1]], %[[C1]]) {
// CHECK-NEXT: memref.store %[[ARG1]], %[[ARG0]][%[[ARG3]], %[[ARG4]]] : memref<4x4xf32>
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @par_nested(%m: memref<4x4xf32>, %x: f32, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%n) step (%c1) {
      memref.store %x, %m[%i, %j] : memref<4x4xf32>
    }
  }
  return
}

// CHECK-LABEL: func.func @exec_multi(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.addi %[[V0]], %[[V0]] : i32
// CHECK-NEXT: return %[[V1]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @exec_multi(%c: i1, %x: i32, %y: i32) -> i32 {
  %v = scf.execute_region -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    scf.yield %x : i32
  ^bb2:
    scf.yield %y : i32
  }
  %w = arith.addi %v, %v : i32
  return %w : i32
}

// CHECK-LABEL: func.func @exec_in_for(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: index, %[[ARG3:.*]]: index, %[[ARG4:.*]]: index, %[[ARG5:.*]]: memref<i32>) {
// CHECK-NEXT: scf.for %[[ARG6:.*]] = %[[ARG2]] to %[[ARG3]] step %[[ARG4]] {
// CHECK-NEXT: %[[V0:.*]] = scf.execute_region -> i32 {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: scf.yield %[[ARG1]] : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: %[[V1:.*]] = arith.addi %[[ARG1]], %[[ARG1]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: memref.store %[[V0]], %[[ARG5]][] : memref<i32>
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @exec_in_for(%c: i1, %x: i32, %lb: index, %ub: index, %st: index, %m: memref<i32>) {
  scf.for %i = %lb to %ub step %st {
    %v = scf.execute_region -> i32 {
      cf.cond_br %c, ^bb1, ^bb2
    ^bb1:
      scf.yield %x : i32
    ^bb2:
      %z = arith.addi %x, %x : i32
      scf.yield %z : i32
    }
    memref.store %v, %m[] : memref<i32>
  }
  return
}

// CHECK-LABEL: func.func @exec_nested(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: memref<i32>) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb2(%[[ARG1]] : i32), ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V0:.*]] = arith.addi %[[ARG1]], %[[ARG1]] : i32
// CHECK-NEXT: cf.br ^bb2(%[[V0]] : i32)
// CHECK-NEXT: ^bb2(%[[V1:.*]]: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: memref.store %[[V1]], %[[ARG2]][] : memref<i32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @exec_nested(%c: i1, %x: i32, %m: memref<i32>) {
  scf.execute_region {
    %v = scf.execute_region -> i32 {
      cf.cond_br %c, ^bb1, ^bb2
    ^bb1:
      scf.yield %x : i32
    ^bb2:
      %z = arith.addi %x, %x : i32
      scf.yield %z : i32
    }
    memref.store %v, %m[] : memref<i32>
    scf.yield
  }
  return
}

// CHECK-LABEL: func.func @for_fwd(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index, %[[ARG3:.*]]: f32, %[[ARG4:.*]]: f32) -> (f32, f32) {
// CHECK-NEXT: %[[V0:.*]] = scf.for %[[ARG5:.*]] = %[[ARG0]] to %[[ARG1]] step %[[ARG2]] iter_args(%[[ARG6:.*]] = %[[ARG4]]) -> (f32) {
// CHECK-NEXT: %[[V1:.*]] = arith.addf %[[ARG6]], %[[ARG6]] : f32
// CHECK-NEXT: scf.yield %[[V1]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[ARG3]], %[[V0]] : f32, f32
// CHECK-NEXT: {{^  }$}}
func.func @for_fwd(%lb: index, %ub: index, %st: index, %x: f32, %y: f32) -> (f32, f32) {
  %r:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %x, %b = %y) -> (f32, f32) {
    %n = arith.addf %b, %b : f32
    scf.yield %a, %n : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// CHECK-LABEL: func.func @for_yield_const(
// CHECK-SAME: %[[ARG0:.*]]: index, %[[ARG1:.*]]: index, %[[ARG2:.*]]: index, %[[ARG3:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[CST:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[V0:.*]] = scf.for %[[ARG4:.*]] = %[[ARG0]] to %[[ARG1]] step %[[ARG2]] iter_args(%[[ARG5:.*]] = %[[ARG3]]) -> (f32) {
// CHECK-NEXT: scf.yield %[[CST]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @for_yield_const(%lb: index, %ub: index, %st: index, %x: f32) -> f32 {
  %c = arith.constant 1.0 : f32
  %r = scf.for %i = %lb to %ub step %st iter_args(%a = %x) -> (f32) {
    scf.yield %c : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @for_single(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: memref<4xf32>) -> f32 {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.store %[[ARG0]], %[[ARG1]][%[[C0]]] : memref<4xf32>
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG0]], %[[ARG0]] : f32
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @for_single(%x: f32, %m: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c1 step %c1 iter_args(%a = %x) -> (f32) {
    memref.store %a, %m[%i] : memref<4xf32>
    %n = arith.addf %a, %a : f32
    scf.yield %n : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @for_zero(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: memref<4xf32>) -> f32 {
// CHECK-NEXT: return %[[ARG0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @for_zero(%x: f32, %m: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c1 to %c0 step %c1 iter_args(%a = %x) -> (f32) {
    memref.store %a, %m[%i] : memref<4xf32>
    scf.yield %a : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @if_same(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: f32, %[[ARG2:.*]]: f32) -> (f32, f32) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[ARG1]] : f32
// CHECK-NEXT: return %[[ARG1]], %[[V0]] : f32, f32
// CHECK-NEXT: {{^  }$}}
func.func @if_same(%c: i1, %x: f32, %y: f32) -> (f32, f32) {
  %r:2 = scf.if %c -> (f32, f32) {
    scf.yield %x, %y : f32, f32
  } else {
    scf.yield %x, %x : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// CHECK-LABEL: func.func @if_unused(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: f32, %[[ARG2:.*]]: memref<4xf32>, %[[ARG3:.*]]: index) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = scf.if %[[ARG0]] -> (f32) {
// CHECK-NEXT: %[[V1:.*]] = arith.addf %[[ARG1]], %[[ARG1]] : f32
// CHECK-NEXT: memref.store %[[V1]], %[[ARG2]][%[[ARG3]]] : memref<4xf32>
// CHECK-NEXT: scf.yield %[[V1]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[V1]] = arith.mulf %[[ARG1]], %[[ARG1]] : f32
// CHECK-NEXT: memref.store %[[V1]], %[[ARG2]][%[[ARG3]]] : memref<4xf32>
// CHECK-NEXT: scf.yield %[[V1]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @if_unused(%c: i1, %x: f32, %m: memref<4xf32>, %i: index) -> f32 {
  %r:2 = scf.if %c -> (f32, f32) {
    %a = arith.addf %x, %x : f32
    memref.store %a, %m[%i] : memref<4xf32>
    scf.yield %a, %a : f32, f32
  } else {
    %b = arith.mulf %x, %x : f32
    memref.store %b, %m[%i] : memref<4xf32>
    scf.yield %b, %b : f32, f32
  }
  return %r#1 : f32
}

// CHECK-LABEL: func.func @while_simple(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: memref<4xi32>) -> i32 {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG2:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG2]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG2]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG2]]: i32):
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG2]], %[[ARG2]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @while_simple(%x: i32, %m: memref<4xi32>) -> i32 {
  %c10 = arith.constant 10 : i32
  %r = scf.while (%a = %x) : (i32) -> i32 {
    %c = arith.cmpi slt, %a, %c10 : i32
    scf.condition(%c) %a : i32
  } do {
  ^bb0(%b: i32):
    %n = arith.addi %b, %b : i32
    scf.yield %n : i32
  }
  return %r : i32
}

// CHECK-LABEL: func.func @while_unused(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: f32, %[[ARG2:.*]]: memref<4xi32>) -> i32 {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = scf.while (%[[ARG3:.*]] = %[[ARG0]]) : (i32) -> i32 {
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi slt, %[[ARG3]], %[[C10_I32]] : i32
// CHECK-NEXT: scf.condition(%[[V1]]) %[[ARG3]] : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%[[ARG3]]: i32):
// CHECK-NEXT: %[[V1]] = arith.addi %[[ARG3]], %[[ARG3]] : i32
// CHECK-NEXT: scf.yield %[[V1]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @while_unused(%x: i32, %y: f32, %m: memref<4xi32>) -> i32 {
  %c10 = arith.constant 10 : i32
  %r:2 = scf.while (%a = %x, %f = %y) : (i32, f32) -> (i32, f32) {
    %c = arith.cmpi slt, %a, %c10 : i32
    scf.condition(%c) %a, %f : i32, f32
  } do {
  ^bb0(%b: i32, %g: f32):
    %n = arith.addi %b, %b : i32
    scf.yield %n, %g : i32, f32
  }
  return %r#0 : i32
}

// CHECK-LABEL: func.func @while_false(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> i32 {
// CHECK-NEXT: return %[[ARG0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @while_false(%x: i32) -> i32 {
  %f = arith.constant false
  %r = scf.while (%a = %x) : (i32) -> i32 {
    scf.condition(%f) %a : i32
  } do {
  ^bb0(%b: i32):
    scf.yield %b : i32
  }
  return %r : i32
}

// CHECK-LABEL: func.func @switch_const(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: f32) -> f32 {
// CHECK-NEXT: return %[[ARG1]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @switch_const(%x: f32, %y: f32) -> f32 {
  %c2 = arith.constant 2 : index
  %r = scf.index_switch %c2 -> f32
  case 1 {
    scf.yield %x : f32
  }
  case 2 {
    scf.yield %y : f32
  }
  default {
    scf.yield %x : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @switch_default(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: f32) -> f32 {
// CHECK-NEXT: return %[[ARG0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @switch_default(%x: f32, %y: f32) -> f32 {
  %c7 = arith.constant 7 : index
  %r = scf.index_switch %c7 -> f32
  case 1 {
    scf.yield %y : f32
  }
  default {
    scf.yield %x : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @exec_region(
// CHECK-SAME: %[[ARG0:.*]]: f32) -> f32 {
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG0]], %[[ARG0]] : f32
// CHECK-NEXT: return %[[V0]] : f32
// CHECK-NEXT: {{^  }$}}
func.func @exec_region(%x: f32) -> f32 {
  %r = scf.execute_region -> f32 {
    %y = arith.addf %x, %x : f32
    scf.yield %y : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @parallel_trivial(
// CHECK-SAME: %[[ARG0:.*]]: memref<4xf32>, %[[ARG1:.*]]: f32) {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.store %[[ARG1]], %[[ARG0]][%[[C0]]] : memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @parallel_trivial(%m: memref<4xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%c1) step (%c1) {
    memref.store %x, %m[%i] : memref<4xf32>
  }
  return
}

// A loop of one iteration is replaced by its body; a yielded iteration argument becomes its initial value.
// CHECK-LABEL: func.func @single_iteration_yields_iter_arg(
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: return %[[C1]], %[[C2]] : index, index
func.func @single_iteration_yields_iter_arg() -> (index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r:2 = scf.for %i = %c0 to %c1 step %c1 iter_args(%a = %c2, %b = %c0) -> (index, index) {
    scf.yield %c1, %a : index, index
  }
  return %r#0, %r#1 : index, index
}
