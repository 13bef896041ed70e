// RUN: allo-opt %s --symbol-dce | FileCheck %s

// CHECK-NOT: @dead
// CHECK: func.func private @used
// CHECK: func.func private @helper
// CHECK: func.func @public
// CHECK: func.func private @by_constant
// CHECK: module @nested_public
// CHECK-NOT: @inner_dead2
module {
  func.func private @dead(%x: i32) -> i32 {
    return %x : i32
  }
  func.func private @used(%x: i32) -> i32 {
    %0 = call @helper(%x) : (i32) -> i32
    return %0 : i32
  }
  func.func private @helper(%x: i32) -> i32 {
    return %x : i32
  }
  func.func @public(%x: i32) -> i32 {
    %0 = call @used(%x) : (i32) -> i32
    %f = constant @by_constant : (i32) -> i32
    return %0 : i32
  }
  func.func private @by_constant(%x: i32) -> i32 {
    return %x : i32
  }
  module @nested_public {
    func.func private @inner_dead2() {
      return
    }
  }
}

