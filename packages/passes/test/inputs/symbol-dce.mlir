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
  func.func private @only_by_dead() -> ()
  func.func private @dead2() {
    call @only_by_dead() : () -> ()
    return
  }
  func.func @public(%x: i32) -> i32 {
    %0 = call @used(%x) : (i32) -> i32
    %f = constant @by_constant : (i32) -> i32
    return %0 : i32
  }
  func.func private @by_constant(%x: i32) -> i32 {
    return %x : i32
  }
  module @nested attributes {sym_visibility = "private"} {
    func.func private @inner_dead() {
      return
    }
    func.func @inner_public() {
      return
    }
  }
  module @nested_public {
    func.func private @inner_dead2() {
      return
    }
  }
}
