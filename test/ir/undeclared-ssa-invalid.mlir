// Undeclared SSA names are reported when the whole input has been read, all of them in source order (MLIR's
// finalize), so an error later in the file is reported instead of them.
// RUN: allo-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

func.func @f() {
  // expected-error @below {{use of undeclared SSA value name}}
  "test.op"(%y) : (i32) -> ()
  return
}
func.func @g() {
  // expected-error @below {{use of undeclared SSA value name}}
  "test.op"(%x) : (i32) -> ()
  return
}

// -----

func.func @f() {
  "test.op"(%y) : (i32) -> ()
  return
}
func.func @g() {
  // expected-error @below {{custom op 'garbage' is unknown (tried 'func.garbage' as well)}}
  %0 = arith.constant 1 : i32 garbage
}
