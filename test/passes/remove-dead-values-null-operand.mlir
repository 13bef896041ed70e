// RUN: allo-opt %s --remove-dead-values --verify-diagnostics

// remove-dead-values erases the scf.if whose result only a recursive public function takes, but not the call that
// uses it (as mlir-opt-19 does); the verifier then finds the call's operand null, with MLIR's message.
func.func @main(%a: i32, %c: i1) -> i32 {
  %0 = scf.if %c -> (i32) {
    %1 = arith.muli %a, %a : i32
    scf.yield %1 : i32
  } else {
    scf.yield %a : i32
  }
  // expected-error @+1 {{null operand found}}
  %2 = call @rec(%0) : (i32) -> i32
  return %2 : i32
}
func.func @rec(%x: i32) -> i32 {
  %0 = call @rec(%x) : (i32) -> i32
  return %0 : i32
}
