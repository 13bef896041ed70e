// RUN: allo-opt %s --inline | FileCheck %s
// RUN: allo-opt %s --inline=inlining-threshold=0 | FileCheck %s --check-prefix=NONE

// Callees are inlined bottom-up and every callable is canonicalized; private callables left without uses
// are erased; recursive calls stay.
// CHECK-NOT: @unused
// CHECK-NOT: @sq
// CHECK-LABEL: func.func @pub
// CHECK-NEXT:    %[[R:.*]] = arith.muli %{{.*}}, %{{.*}} : i32
// CHECK-NEXT:    return %[[R]]
// CHECK-LABEL: func.func @main
// CHECK-NOT:     call @pub
// CHECK:         scf.if
// CHECK-NEXT:      arith.muli
// CHECK:         call @rec
// CHECK-LABEL: func.func @rec
// CHECK-NEXT:    call @rec
// NONE: func.func private @sq
// NONE: call @pub
func.func private @unused(%x: i32) -> i32 {
  return %x : i32
}
func.func private @sq(%x: i32) -> i32 {
  %y = arith.muli %x, %x : i32
  return %y : i32
}
func.func @pub(%x: i32) -> i32 {
  %c = arith.constant 0 : i32
  %y = arith.addi %x, %c : i32
  %z = call @sq(%y) : (i32) -> i32
  return %z : i32
}
func.func @main(%a: i32, %c: i1) -> i32 {
  %0 = call @pub(%a) : (i32) -> i32
  %1 = scf.if %c -> i32 {
    %2 = func.call @sq(%0) : (i32) -> i32
    scf.yield %2 : i32
  } else {
    scf.yield %0 : i32
  }
  %3 = call @rec(%1) : (i32) -> i32
  return %3 : i32
}
func.func @rec(%x: i32) -> i32 {
  %0 = call @rec(%x) : (i32) -> i32
  return %0 : i32
}
