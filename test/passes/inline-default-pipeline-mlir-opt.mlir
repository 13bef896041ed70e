// The inliner's default-pipeline runs on each function it simplifies (here cse removes the duplicate addi); one that
// does not parse is reported once per op name, when first needed, and the functions are left as they are, with exit
// status 0, as mlir-opt-19 does.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %s --pass-pipeline='builtin.module(inline{default-pipeline=cse})' > %t.ref 2>&1
// RUN: allo-opt %s --pass-pipeline='builtin.module(inline{default-pipeline=cse})' > %t.ours 2>&1
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %s --pass-pipeline='builtin.module(inline{default-pipeline=canonicalize,bogus})' > %t.ref 2>&1
// RUN: allo-opt %s --pass-pipeline='builtin.module(inline{default-pipeline=canonicalize,bogus})' > %t.ours 2>&1
// RUN: diff %t.ref %t.ours

func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
func.func @g(%a: i32) -> i32 {
  %0 = call @f(%a) : (i32) -> i32
  return %0 : i32
}
