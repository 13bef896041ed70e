// remove-dead-values on IR it refuses (or, for an unregistered op with successors, accepts): which op the error names
// (the first in post-order) and its "see current operation" note, whose values are numbered from the op's closest
// isolated-from-above ancestor as mlir-opt-19 prints them (with --split-input-file).
%top = "x.def"() : () -> i32
"x.container"() ({
^bb0(%q: i32, %r: i32):
  "x.end"() : () -> ()
}) : () -> ()
func.func @f(%arg0: i1, %v: i32) {
  %non_live = arith.constant 0 : i32
  cf.cond_br %arg0, ^bb1(%non_live : i32), ^bb2(%v : i32)
^bb1(%non_live_0 : i32):
  cf.br ^bb3
^bb2(%non_live_1 : i32):
  cf.br ^bb3
^bb3:
  return
}

// -----

"x.container"() ({
^bb0(%q: i32, %r: i32):
  func.func @f(%arg0: i1, %v: i32) {
    %non_live = arith.constant 0 : i32
    cf.cond_br %arg0, ^bb1(%non_live : i32), ^bb2(%v : i32)
  ^bb1(%a : i32):
    cf.br ^bb3
  ^bb2(%b : i32):
    cf.br ^bb3
  ^bb3:
    return
  }
  "x.end"() : () -> ()
}) : () -> ()

// -----

func.func @other(%a: i32, %b: i32) -> i32 {
  return %a : i32
}
func.func @dont_touch_unacceptable_ir_has_cleanable_simple_op_with_branch_op(%arg0: i1) {
  %non_live = arith.constant 0 : i32
  cf.cond_br %arg0, ^bb1(%non_live : i32), ^bb2(%non_live : i32)
^bb1(%non_live_0 : i32):
  cf.br ^bb3
^bb2(%non_live_1 : i32):
  cf.br ^bb3
^bb3:
  return
}

// -----

module @outer {
  func.func @g(%a: i32, %b: i32) -> i32 {
    return %a : i32
  }
  module @inner {
    func.func @h(%c: i1, %d: i32) {
      cf.cond_br %c, ^bb1(%d : i32), ^bb1(%d : i32)
    ^bb1(%e: i32):
      return
    }
  }
}

// -----

module @outer {
  module @inner {
    func.func @h(%c: i1, %d: i32) -> i32 {
      %x = arith.addi %d, %d : i32
      return %d : i32
    }
  }
}

// -----

module {
  module {
    func.func @h(%c: i1, %d: i32) -> i32 {
      %x = arith.addi %d, %d : i32
      return %d : i32
    }
  }
  memref.global "private" @g : memref<i32>
}

// -----

func.func @f(%c: i1, %v: i32) {
  %x = arith.addi %v, %v : i32
  "x.br"(%c)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  return
^bb2:
  return
}
