// --mlir-generate-reproducer=FILE: after the pipeline succeeded, FILE gets the IR as the pipeline left it and an
// `mlir_reproducer` resource recording the pipeline (as MLIR 19 records it, inside `any(...)`), which
// --run-reproducer replays.
// RUN: rm -rf %t && mkdir %t
// RUN: allo-opt %s --cse --canonicalize --mlir-generate-reproducer=%t/repro.mlir | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=REPRO < %t/repro.mlir
// RUN: allo-opt %t/repro.mlir --run-reproducer | FileCheck %s --check-prefix=REPLAY
//
// A file that cannot be written: an error, and the run fails without output (mlir-opt-19 goes on silently).
// RUN: not allo-opt %s --cse --mlir-generate-reproducer=%t/no/such/dir/repro.mlir -o %t/out.mlir 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: test ! -e %t/out.mlir
// RUN: not allo-opt %s --cse --mlir-generate-reproducer=%t 2>&1 | FileCheck %s --check-prefix=DIR

// OUT:      func.func @f(%arg0: i32) -> i32 {
// OUT-NEXT:   %0 = arith.addi %arg0, %arg0 : i32
// OUT-NEXT:   %1 = arith.muli %0, %0 : i32
// OUT-NOT:  mlir_reproducer

// REPRO:      module {
// REPRO-NEXT:   func.func @f(%arg0: i32) -> i32 {
// REPRO-NEXT:     %0 = arith.addi %arg0, %arg0 : i32
// REPRO-NEXT:     %1 = arith.muli %0, %0 : i32
// REPRO-NEXT:     return %1 : i32
// REPRO-NEXT:   }
// REPRO-NEXT: }
// REPRO-EMPTY:
// REPRO-NEXT: {-#
// REPRO-NEXT:   external_resources: {
// REPRO-NEXT:     mlir_reproducer: {
// REPRO-NEXT:       pipeline: "builtin.module(any(cse,canonicalize{  max-iterations=10 max-num-rewrites=-1 region-simplify=normal test-convergence=false top-down=true}))",
// REPRO-NEXT:       disable_threading: false,
// REPRO-NEXT:       verify_each: false
// REPRO-NEXT:     }
// REPRO-NEXT:   }
// REPRO-NEXT: #-}
// REPRO-NOT:  {{.}}

// The replay prints the IR without the resource it consumed.
// REPLAY:      func.func @f(%arg0: i32) -> i32 {
// REPLAY-NEXT:   %0 = arith.addi %arg0, %arg0 : i32
// REPLAY-NEXT:   %1 = arith.muli %0, %0 : i32
// REPLAY-NOT:  mlir_reproducer

// ERR: <unknown>:0: error: failed to create output stream: cannot open output file '{{.*}}/no/such/dir/repro.mlir': No such file or directory
// DIR: <unknown>:0: error: failed to create output stream: cannot open output file '{{.*}}': Is a directory

func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
