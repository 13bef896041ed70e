// --verify-roundtrip as mlir-opt-19 runs it: IR that survives the round trip prints as without the flag; IR that does
// not gives mlir-opt-19's errors. mlir-opt-19 then also runs a bytecode round trip, which allo-opt has not (no
// bytecode): its report (`bytecode roundTrip ...`, the second half of mlir-opt-19's stderr) is cut before comparing.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --verify-roundtrip > %t.ref
// RUN: allo-opt %S/Inputs/functions.mlir --verify-roundtrip > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %s --verify-roundtrip --split-input-file --mlir-print-debuginfo --canonicalize > %t.ref
// RUN: allo-opt %s --verify-roundtrip --split-input-file --mlir-print-debuginfo --canonicalize > %t.ours
// RUN: diff %t.ref %t.ours
//
// Two maps that print the same are one map once parsed back: the printed modules differ.
// RUN: not mlir-opt-19 %S/Inputs/roundtrip-affine-maps.mlir --verify-roundtrip 2> %t.err
// RUN: sed '/bytecode roundTrip/,$d' %t.err > %t.ref
// RUN: not allo-opt %S/Inputs/roundtrip-affine-maps.mlir --verify-roundtrip 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: not mlir-opt-19 %S/Inputs/roundtrip-affine-maps.mlir --verify-roundtrip --mlir-print-op-on-diagnostic=false 2> %t.err
// RUN: sed '/bytecode roundTrip/,$d' %t.err > %t.ref
// RUN: not allo-opt %S/Inputs/roundtrip-affine-maps.mlir --verify-roundtrip --mlir-print-op-on-diagnostic=false 2> %t.ours
// RUN: diff %t.ref %t.ours
//
// The round trip prints with the tool's printing flags: with --mlir-print-skip-regions the text cannot be parsed back
// (the parse error is located in the printed text, `-`; with a local scope, locations print inline).
// RUN: not mlir-opt-19 %s --verify-roundtrip --split-input-file --mlir-print-skip-regions --mlir-print-local-scope 2> %t.ref
// RUN: not allo-opt %s --verify-roundtrip --split-input-file --mlir-print-skip-regions --mlir-print-local-scope 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: not mlir-opt-19 %s --verify-roundtrip --split-input-file --mlir-print-skip-regions --mlir-print-local-scope --mlir-print-debuginfo 2> %t.ref
// RUN: not allo-opt %s --verify-roundtrip --split-input-file --mlir-print-skip-regions --mlir-print-local-scope --mlir-print-debuginfo 2> %t.ours
// RUN: diff %t.ref %t.ours
// Under --verify-diagnostics the error is an unexpected one; the parse error, from the round trip's own context, is not
// checked.
// RUN: not mlir-opt-19 %s --verify-roundtrip --split-input-file --mlir-print-skip-regions --mlir-print-local-scope --verify-diagnostics 2> %t.ref
// RUN: not allo-opt %s --verify-roundtrip --split-input-file --mlir-print-skip-regions --mlir-print-local-scope --verify-diagnostics 2> %t.ours
// RUN: diff %t.ref %t.ours

func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %a, %c0 : i32
  return %0 : i32
}

// -----

module @named {
  func.func private @g() -> (i32 {test.attr})
}
