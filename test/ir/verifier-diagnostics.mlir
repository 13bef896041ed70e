// Verifier diagnostics as mlir-opt-19 words and orders them: MLIR's plain emitError messages without the
// `'op' op` prefix, the `see current operation` note before the other notes, the op printed generically in the
// message of a block without terminator, dominance notes for ops and block arguments, symbol redefinitions.
// RUN: not allo-opt %s --split-input-file 2>&1 >/dev/null | FileCheck %s

func.func @f() {
  %0 = arith.addi %1, %1 : i32
  %1 = arith.constant 1 : i32
  return
}

// -----

func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1(%c : i1), ^bb2
^bb1(%x : i1):
  cf.br ^bb3
^bb2:
  %1 = arith.xori %x, %x : i1
  cf.br ^bb3
^bb3:
  return
}

// -----

func.func @f(%a: index) -> i32 {
  %0 = memref.alloc(%a) : memref<?xf32>
}

// -----

func.func @f(%a: index) -> i32 {
  scf.for %i = %a to %a step %a {
  }
}

// -----

func.func @f(%a: i32) -> i64 {
  return %a : i32
}

// -----

func.func private @g(i32) -> (i32, f32)
func.func @f(%a: i32) {
  %0:2 = call @g(%a) : (i32) -> (i32, i64)
  return
}

// -----

func.func private @g(i32) -> (i32, f32)
func.func @f() {
  %0 = func.constant @g : (i32) -> i32
  return
}

// -----

func.func @f() {
  %0 = func.constant @nope : (i32) -> i32
  return
}

// -----

func.func @g() {
  return
}
func.func private @g()

// -----

// CHECK: {{^within split at .*}}:7:8: error: operand #0 does not dominate this use
// CHECK: {{^within split at .*}}:7:8: note: see current operation: %0 = "arith.addi"(%1, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: {{^within split at .*}}:8:8: note: operand defined here (op in the same block)
// CHECK: {{^within split at .*}}:8:8: error: operand #0 does not dominate this use
// CHECK: {{^within split at .*}}:8:8: note: see current operation: %1 = "arith.xori"(%0, %0) : (i1, i1) -> i1
// CHECK: {{^within split at .*}}:3:1: note: operand defined as a block argument (block #1 in the same region)
// CHECK: {{^within split at .*}}:4:8: error: block with no terminator, has %0 = "memref.alloc"(%arg0) <{operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?xf32>
// CHECK: {{^within split at .*}}:4:8: note: see current operation: %0 = "memref.alloc"(%arg0) <{operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?xf32>
// CHECK: {{^within split at .*}}:4:3: error: block with no terminator, has
// CHECK-NEXT: "scf.for"(%arg0, %arg0, %arg0) ({
// CHECK-NEXT: ^bb0(%arg1: index):
// CHECK-NEXT:   "scf.yield"() : () -> ()
// CHECK-NEXT: }) : (index, index, index) -> ()
// CHECK: {{^within split at .*}}:4:3: note: see current operation:
// CHECK-NEXT: "scf.for"(%arg0, %arg0, %arg0) ({
// CHECK-NEXT: ^bb0(%arg1: index):
// CHECK-NEXT:   "scf.yield"() : () -> ()
// CHECK-NEXT: }) : (index, index, index) -> ()
// CHECK: {{^within split at .*}}:4:3: error: type of return operand 0 ('i32') doesn't match function result type ('i64') in function @f
// CHECK: {{^within split at .*}}:4:3: note: see current operation: "func.return"(%arg0) : (i32) -> ()
// CHECK: {{^within split at .*}}:5:10: error: 'func.call' op result type mismatch at index 1
// CHECK: {{^within split at .*}}:5:10: note: see current operation: %0:2 = "func.call"(%arg0) <{callee = @g}> : (i32) -> (i32, i64)
// CHECK: {{^within split at .*}}:5:10: note:       op result types: 'i32', 'i64'
// CHECK: {{^within split at .*}}:5:10: note: function result types: 'i32', 'f32'
// CHECK: {{^within split at .*}}:5:8: error: 'func.constant' op reference to function with mismatched type
// CHECK: {{^within split at .*}}:5:8: note: see current operation: %0 = "func.constant"() <{value = @g}> : () -> ((i32) -> i32)
// CHECK: {{^within split at .*}}:4:8: error: 'func.constant' op reference to undefined function 'nope'
// CHECK: {{^within split at .*}}:4:8: note: see current operation: %0 = "func.constant"() <{value = @nope}> : () -> ((i32) -> i32)
// CHECK: {{^within split at .*}}:6:1: error: redefinition of symbol named 'g'
// CHECK: {{^within split at .*}}:6:1: note: see current operation:
// CHECK-NEXT: "func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "private"}> ({
// CHECK-NEXT: }) : () -> ()
// CHECK: {{^within split at .*}}:3:1: note: see existing symbol definition here
