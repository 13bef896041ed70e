// --mlir-generate-reproducer writes the same file as mlir-opt-19: the IR after the pipeline, printed with the printing
// flags, and an `mlir_reproducer` resource whose pipeline is the run's inside `any(...)` (disable_threading and
// verify_each always false). Replaying a file with --run-reproducer gives the same result in both tools: MLIR 19's
// `any(...)` runs the recorded passes on the ops inside the module, so a pipeline of op-agnostic passes replays, but
// one with a pass that must run on the module itself (symbol-dce) fails in both.
// REQUIRES: mlir-opt-19
// RUN: rm -rf %t && mkdir %t
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --cse --canonicalize --mlir-generate-reproducer=%t/ref1.mlir > %t/ref.out
// RUN: allo-opt %S/Inputs/functions.mlir --cse --canonicalize --mlir-generate-reproducer=%t/ours1.mlir > %t/ours.out
// RUN: diff %t/ref1.mlir %t/ours1.mlir
// RUN: diff %t/ref.out %t/ours.out
// RUN: mlir-opt-19 %t/ours1.mlir --run-reproducer > %t/ref.out 2>&1
// RUN: allo-opt %t/ours1.mlir --run-reproducer > %t/ours.out 2>&1
// RUN: diff %t/ref.out %t/ours.out
//
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-generate-reproducer=%t/ref2.mlir -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-generate-reproducer=%t/ours2.mlir -o /dev/null
// RUN: diff %t/ref2.mlir %t/ours2.mlir
// The replay fails on the functions (the recorded threading lets mlir-opt-19 stop at any one of them: compare the errors).
// RUN: not mlir-opt-19 %t/ours2.mlir --run-reproducer 2>&1 | sed -n 's/.*error: //p' | sort -u > %t/ref.out
// RUN: not allo-opt %t/ours2.mlir --run-reproducer 2>&1 | sed -n 's/.*error: //p' | sort -u > %t/ours.out
// RUN: diff %t/ref.out %t/ours.out
//
// No pipeline: `any()`, which neither tool can parse back.
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --mlir-generate-reproducer=%t/ref3.mlir -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --mlir-generate-reproducer=%t/ours3.mlir -o /dev/null
// RUN: diff %t/ref3.mlir %t/ours3.mlir
// RUN: not mlir-opt-19 %t/ours3.mlir --run-reproducer > %t/ref.out 2>&1
// RUN: not allo-opt %t/ours3.mlir --run-reproducer > %t/ours.out 2>&1
// RUN: diff %t/ref.out %t/ours.out
//
// Printing flags apply; adjacent nested pipelines are merged first; the threading and verifier flags are not recorded.
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse),func.func(canonicalize{max-iterations=3}))' --mlir-print-op-generic --mlir-print-debuginfo --mlir-disable-threading --verify-each=false --mlir-generate-reproducer=%t/ref4.mlir -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse),func.func(canonicalize{max-iterations=3}))' --mlir-print-op-generic --mlir-print-debuginfo --mlir-disable-threading --verify-each=false --mlir-generate-reproducer=%t/ours4.mlir -o /dev/null
// RUN: diff %t/ref4.mlir %t/ours4.mlir
// RUN: mlir-opt-19 %t/ours4.mlir --run-reproducer > %t/ref.out 2>&1
// RUN: allo-opt %t/ours4.mlir --run-reproducer > %t/ours.out 2>&1
// RUN: diff %t/ref.out %t/ours.out
//
// Split input: one file per chunk, each over the last; a reproducer given as input records only the new pipeline.
// RUN: mlir-opt-19 %s --split-input-file --canonicalize --mlir-generate-reproducer=%t/ref5.mlir -o /dev/null
// RUN: allo-opt %s --split-input-file --canonicalize --mlir-generate-reproducer=%t/ours5.mlir -o /dev/null
// RUN: diff %t/ref5.mlir %t/ours5.mlir
// RUN: mlir-opt-19 %t/ours1.mlir --cse --mlir-generate-reproducer=%t/ref6.mlir -o /dev/null
// RUN: allo-opt %t/ours1.mlir --cse --mlir-generate-reproducer=%t/ours6.mlir -o /dev/null
// RUN: diff %t/ref6.mlir %t/ours6.mlir
//
// A pipeline that fails writes no file.
// RUN: not mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(symbol-dce))' --mlir-generate-reproducer=%t/ref7.mlir 2> /dev/null
// RUN: not allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(symbol-dce))' --mlir-generate-reproducer=%t/ours7.mlir 2> /dev/null
// RUN: test ! -e %t/ref7.mlir && test ! -e %t/ours7.mlir

func.func @a() -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.addi %c1, %c1 : i32
  return %0 : i32
}

// -----

func.func @b() {
  return
}
