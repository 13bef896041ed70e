// An op printed inside an error message (here the block without a terminator) prints under the tool's printing flags,
// as MLIR's Diagnostic::appendOp with OpPrintingFlags read from the command line; diagnostics-mlir-opt.mlir compares
// the same with mlir-opt-19.
// RUN: not allo-opt %s 2>&1 | FileCheck %s
// RUN: not allo-opt %s --mlir-print-debuginfo 2>&1 | FileCheck %s --check-prefix=LOCS

func.func @f(%a: index) -> i32 {
  scf.for %i = %a to %a step %a {
  }
}

// CHECK:      error: block with no terminator, has {{$}}
// CHECK:      }) : (index, index, index) -> (){{$}}
// LOCS:       error: block with no terminator, has {{$}}
// LOCS:       ^bb0(%arg1: index loc({{.*}}message-op-print-flags.mlir":8:11)):
// LOCS:       }) : (index, index, index) -> () loc({{.*}}message-op-print-flags.mlir":8:3)
