// Aggressive region simplification (MLIR 19's mergeIdenticalBlocks and dropRedundantArguments in RegionUtils.cpp).
// packages/passes/test/conformance.test.ts compares this file with mlir-opt-19.
// RUN: allo-opt %s --canonicalize=region-simplify=aggressive --allow-unregistered-dialect | FileCheck %s

// Blocks whose bodies differ only in values defined outside them become one block with an argument per differing
// operand, passed by each predecessor (the cf patterns then fold the branches into selects).
// CHECK-LABEL: func.func @differing_operand(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) -> i32 {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.addi %[[V0]], %[[V0]] : i32
// CHECK-NEXT: return %[[V1]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @differing_operand(%c: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %a = arith.addi %x, %x : i32
  cf.br ^bb3(%a : i32)
^bb2:
  %b = arith.addi %y, %y : i32
  cf.br ^bb3(%b : i32)
^bb3(%r: i32):
  return %r : i32
}

// Three blocks into one; the predecessor is a cf.switch.
// CHECK-LABEL: func.func @switch_cluster(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) {
// CHECK-NEXT: cf.switch %[[ARG0]] : i32, [
// CHECK-NEXT: default: ^bb1(%[[ARG1]], %[[ARG1]] : i32, i32),
// CHECK-NEXT: 0: ^bb1(%[[ARG2]], %[[ARG3]] : i32, i32),
// CHECK-NEXT: 1: ^bb1(%[[ARG3]], %[[ARG3]] : i32, i32)
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1(%[[V0:.*]]: i32, %[[V1:.*]]: i32):  // 3 preds: ^bb0, ^bb0, ^bb0
// CHECK-NEXT: %[[V2:.*]] = "x.op"(%[[V0]]) : (i32) -> i32
// CHECK-NEXT: "x.use"(%[[V2]], %[[V1]]) : (i32, i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @switch_cluster(%c: i32, %x: i32, %y: i32, %z: i32) {
  cf.switch %c : i32, [
    default: ^bb1,
    0: ^bb2,
    1: ^bb3
  ]
^bb1:
  %a = "x.op"(%x) : (i32) -> i32
  "x.use"(%a, %x) : (i32, i32) -> ()
  cf.br ^bb4
^bb2:
  %b = "x.op"(%y) : (i32) -> i32
  "x.use"(%b, %z) : (i32, i32) -> ()
  cf.br ^bb4
^bb3:
  %d = "x.op"(%z) : (i32) -> i32
  "x.use"(%d, %z) : (i32, i32) -> ()
  cf.br ^bb4
^bb4:
  return
}

// Arguments that carry the same values in every predecessor are pruned to one.
// CHECK-LABEL: func.func @pruned_arguments(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[ARG1]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[ARG3]] : i32
// CHECK-NEXT: "x.use"(%[[V0]], %[[V1]], %[[V0]], %[[V2]], %[[ARG3]]) : (i32, i32, i32, i32, i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @pruned_arguments(%c: i1, %x: i32, %y: i32, %z: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.use"(%x, %y, %x, %y, %z) : (i32, i32, i32, i32, i32) -> ()
  cf.br ^bb3
^bb2:
  "x.use"(%y, %x, %y, %z, %z) : (i32, i32, i32, i32, i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// Block arguments and values defined in the blocks must correspond one to one.
// CHECK-LABEL: func.func @block_arguments(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: "x.use"(%[[V0]], %[[V1]]) : (i32, i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @block_arguments(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1(%x : i32), ^bb2(%y : i32)
^bb1(%p: i32):
  "x.use"(%p, %x) : (i32, i32) -> ()
  cf.br ^bb3
^bb2(%q: i32):
  "x.use"(%q, %y) : (i32, i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// Inside a loop: the merged block branches back to the loop header.
// CHECK-LABEL: func.func @loop(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.br ^bb1(%[[ARG1]] : i32)
// CHECK-NEXT: ^bb1(%[[V0:.*]]: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: %[[V1:.*]] = "x.next"(%[[V0]]) : (i32) -> i32
// CHECK-NEXT: %[[V2:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: "x.use"(%[[V1]], %[[V2]]) : (i32, i32) -> ()
// CHECK-NEXT: cf.br ^bb1(%[[V1]] : i32)
// CHECK-NEXT: {{^  }$}}
func.func @loop(%c: i1, %x: i32, %y: i32) {
  cf.br ^bb1(%x : i32)
^bb1(%i: i32):
  %n = "x.next"(%i) : (i32) -> i32
  cf.cond_br %c, ^bb2, ^bb3
^bb2:
  "x.use"(%n, %x) : (i32, i32) -> ()
  cf.br ^bb1(%n : i32)
^bb3:
  "x.use"(%n, %y) : (i32, i32) -> ()
  cf.br ^bb1(%n : i32)
}

// Only blocks with the same successors are compared.
// CHECK-LABEL: func.func @same_successors(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i1, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32, %[[ARG4:.*]]: i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG3]], %[[ARG4]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.select %[[ARG1]], %[[ARG2]], %[[V0]] : i32
// CHECK-NEXT: "x.use"(%[[V1]]) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @same_successors(%c: i1, %d: i1, %x: i32, %y: i32, %z: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.cond_br %d, ^bb3, ^bb4
^bb2:
  cf.cond_br %d, ^bb3, ^bb5
^bb3:
  "x.use"(%x) : (i32) -> ()
  cf.br ^bb6
^bb4:
  "x.use"(%y) : (i32) -> ()
  cf.br ^bb6
^bb5:
  "x.use"(%z) : (i32) -> ()
  cf.br ^bb6
^bb6:
  return
}

// An op with an empty region does not stop merging.
// CHECK-LABEL: func.func @empty_region(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: "x.r"(%[[V0]]) ({
// CHECK-NEXT: }) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @empty_region(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.r"(%x) ({ }) : (i32) -> ()
  cf.br ^bb3
^bb2:
  "x.r"(%y) ({ }) : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// Not merged: values of the blocks used in a different order, an operand defined inside one block and outside the
// other, an op with a region, different attributes.
// CHECK-LABEL: func.func @internal_order(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V0:.*]] = "x.op"(%[[ARG1]]) : (i32) -> i32
// CHECK-NEXT: %[[V1:.*]] = "x.op"(%[[ARG1]]) : (i32) -> i32
// CHECK-NEXT: "x.use"(%[[V0]], %[[V1]]) : (i32, i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: %[[V2:.*]] = "x.op"(%[[ARG2]]) : (i32) -> i32
// CHECK-NEXT: %[[V3:.*]] = "x.op"(%[[ARG2]]) : (i32) -> i32
// CHECK-NEXT: "x.use"(%[[V3]], %[[V2]]) : (i32, i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @internal_order(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %a = "x.op"(%x) : (i32) -> i32
  %b = "x.op"(%x) : (i32) -> i32
  "x.use"(%a, %b) : (i32, i32) -> ()
  cf.br ^bb3
^bb2:
  %d = "x.op"(%y) : (i32) -> i32
  %e = "x.op"(%y) : (i32) -> i32
  "x.use"(%e, %d) : (i32, i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// CHECK-LABEL: func.func @inside_and_outside(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V0:.*]] = "x.op"(%[[ARG1]]) : (i32) -> i32
// CHECK-NEXT: "x.use"(%[[V0]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: %[[V1:.*]] = "x.op"(%[[ARG1]]) : (i32) -> i32
// CHECK-NEXT: "x.use"(%[[ARG1]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @inside_and_outside(%c: i1, %x: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %a = "x.op"(%x) : (i32) -> i32
  "x.use"(%a) : (i32) -> ()
  cf.br ^bb3
^bb2:
  %d = "x.op"(%x) : (i32) -> i32
  "x.use"(%x) : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// CHECK-LABEL: func.func @region(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "x.r"(%[[ARG1]]) ({
// CHECK-NEXT: "x.y"() : () -> ()
// CHECK-NEXT: }) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "x.r"(%[[ARG2]]) ({
// CHECK-NEXT: "x.y"() : () -> ()
// CHECK-NEXT: }) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @region(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.r"(%x) ({ "x.y"() : () -> () }) : (i32) -> ()
  cf.br ^bb3
^bb2:
  "x.r"(%y) ({ "x.y"() : () -> () }) : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// CHECK-LABEL: func.func @attributes(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "x.use"(%[[ARG1]]) {a = 1 : i64} : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "x.use"(%[[ARG2]]) {a = 2 : i64} : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @attributes(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.use"(%x) {a = 1} : (i32) -> ()
  cf.br ^bb3
^bb2:
  "x.use"(%y) {a = 2} : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// Not merged: differing operands need new arguments, which a predecessor that is no branch op cannot pass. With no
// differing operands the blocks merge.
// CHECK-LABEL: func.func @unknown_predecessor(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: "x.br"(%[[ARG0]])[^bb1, ^bb2] : (i1) -> ()
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "x.use"(%[[ARG1]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "x.use"(%[[ARG2]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @unknown_predecessor(%c: i1, %x: i32, %y: i32) {
  "x.br"(%c)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  "x.use"(%x) : (i32) -> ()
  cf.br ^bb3
^bb2:
  "x.use"(%y) : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// CHECK-LABEL: func.func @unknown_predecessor_same(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32) {
// CHECK-NEXT: "x.br"(%[[ARG0]])[^bb1, ^bb1] : (i1) -> ()
// CHECK-NEXT: ^bb1:  // 2 preds: ^bb0, ^bb0
// CHECK-NEXT: "x.use"(%[[ARG1]]) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @unknown_predecessor_same(%c: i1, %x: i32) {
  "x.br"(%c)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  "x.use"(%x) : (i32) -> ()
  cf.br ^bb3
^bb2:
  "x.use"(%x) : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// A block using a result of its predecessor's terminator forms its own cluster (that value cannot be passed to the
// merged block); the other two merge.
// CHECK-LABEL: func.func @terminator_result(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i1, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) {
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb3
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %[[V0:.*]] = "x.term"(%[[TRUE]])[^bb2, ^bb4] : (i1) -> i32
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: "x.use"(%[[V0]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb4
// CHECK-NEXT: ^bb3:  // pred: ^bb0
// CHECK-NEXT: %[[V1:.*]] = arith.select %[[ARG1]], %[[ARG2]], %[[ARG3]] : i32
// CHECK-NEXT: "x.use"(%[[V1]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb4
// CHECK-NEXT: ^bb4:  // 3 preds: ^bb1, ^bb2, ^bb3
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @terminator_result(%c: i1, %d: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1, ^bb4
^bb1:
  %r = "x.term"(%c)[^bb2, ^bb6] : (i1) -> i32
^bb2:
  "x.use"(%r) : (i32) -> ()
  cf.br ^bb6
^bb3:
  "x.use"(%x) : (i32) -> ()
  cf.br ^bb6
^bb4:
  cf.cond_br %d, ^bb3, ^bb5
^bb5:
  "x.use"(%y) : (i32) -> ()
  cf.br ^bb6
^bb6:
  return
}

// A block argument every predecessor passes the same value is dropped.
// CHECK-LABEL: func.func @redundant_argument(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i1, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb2(%[[ARG3]] : i32), ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "x.foo"() : () -> ()
// CHECK-NEXT: cf.cond_br %[[ARG1]], ^bb2(%[[ARG2]] : i32), ^bb3
// CHECK-NEXT: ^bb2(%[[V0:.*]]: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: "x.use"(%[[ARG2]], %[[V0]]) : (i32, i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb3:  // pred: ^bb1
// CHECK-NEXT: "x.use"(%[[ARG3]]) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @redundant_argument(%c: i1, %d: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1(%x, %y : i32, i32), ^bb2
^bb2:
  "x.foo"() : () -> ()
  cf.cond_br %d, ^bb1(%x, %x : i32, i32), ^bb3(%y : i32)
^bb1(%a: i32, %b: i32):
  "x.use"(%a, %b) : (i32, i32) -> ()
  return
^bb3(%e: i32):
  "x.use"(%e) : (i32) -> ()
  return
}

// CHECK-LABEL: func.func @redundant_argument_cond_br(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: cf.cond_br %[[ARG0]], ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "x.use"(%[[ARG1]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "x.foo"(%[[ARG1]]) : (i32) -> ()
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @redundant_argument_cond_br(%c: i1, %x: i32, %y: i32) {
  cf.cond_br %c, ^bb1(%x : i32), ^bb2(%x : i32)
^bb1(%p: i32):
  "x.use"(%p) : (i32) -> ()
  cf.br ^bb3
^bb2(%q: i32):
  "x.foo"(%q) : (i32) -> ()
  cf.br ^bb3
^bb3:
  return
}

// Nested regions are simplified too.
// CHECK-LABEL: func.func @nested(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) {
// CHECK-NEXT: "x.wrap"() ({
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: "x.use"(%[[V0]]) : (i32) -> ()
// CHECK-NEXT: "x.end"() : () -> ()
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: {{^  }$}}
func.func @nested(%c: i1, %x: i32, %y: i32) {
  "x.wrap"() ({
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    "x.use"(%x) : (i32) -> ()
    cf.br ^bb3
  ^bb2:
    "x.use"(%y) : (i32) -> ()
    cf.br ^bb3
  ^bb3:
    "x.end"() : () -> ()
  }) : () -> ()
  return
}
