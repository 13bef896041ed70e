// RUN: allo-opt %s --remove-dead-values | FileCheck %s

// A private function loses its unused argument and the result no caller uses; dead pure ops go.
// CHECK-LABEL: func.func private @f
// CHECK-SAME:    (%{{.*}}: memref<i32>) -> i32
// CHECK-NOT:     arith.muli
// CHECK:         return %{{.*}} : i32
// CHECK-LABEL: func.func @main
// CHECK:         call @f(%{{.*}}) : (memref<i32>) -> i32
func.func private @f(%x: i32, %y: i32, %m: memref<i32>) -> (i32, i32) {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %c0, %c0 : i32
  memref.store %0, %m[] : memref<i32>
  %dead = arith.muli %y, %y : i32
  return %c0, %0 : i32, i32
}
func.func @main(%a: i32, %m: memref<i32>) -> i32 {
  %1:2 = call @f(%a, %a, %m) : (i32, i32, memref<i32>) -> (i32, i32)
  return %1#0 : i32
}

// memref.alloca_scope is a region branch op: what its body returns is live while the scope's result is, and a
// scope whose result is unused goes with its body.
// CHECK-LABEL: func.func @scope_live
// CHECK:         %[[R:.*]] = memref.alloca_scope -> (f32) {
// CHECK-NEXT:      %[[Y:.*]] = arith.addf
// CHECK-NEXT:      memref.alloca_scope.return %[[Y]] : f32
// CHECK:         return %[[R]] : f32
// CHECK-LABEL: func.func @scope_dead
// CHECK-NEXT:    return
func.func @scope_live(%x: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %y = arith.addf %x, %x : f32
    memref.alloca_scope.return %y : f32
  }
  return %r : f32
}
func.func @scope_dead(%x: f32) {
  %r = memref.alloca_scope -> (f32) {
    %y = arith.addf %x, %x : f32
    memref.alloca_scope.return %y : f32
  }
  return
}

// The values a terminator of another region op passes on stay while the op is live (mlir-opt-19 leaves
// scf.reduce.return without its operand here).
// CHECK-LABEL: func.func @parallel_reduce
// CHECK:         %[[W:.*]] = arith.mulf
// CHECK-NEXT:    scf.reduce(%[[W]] : f32) {
// CHECK:           %[[S:.*]] = arith.addf
// CHECK-NEXT:      scf.reduce.return %[[S]] : f32
func.func @parallel_reduce(%n: index, %m: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %r = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%z) -> f32 {
    %v = memref.load %m[%i] : memref<8xf32>
    %w = arith.mulf %v, %v : f32
    scf.reduce(%w : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}
