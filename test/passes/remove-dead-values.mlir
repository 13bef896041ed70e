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
