// Errors at call-site locations print their call stack as `called from` notes, with the source lines of files named
// in locations (read from disk as mlir-opt-19 reads them), byte-identical to mlir-opt-19.
// REQUIRES: mlir-opt-19
// RUN: not mlir-opt-19 %S/Inputs/callsite-diagnostics.mlir --split-input-file 2> %t.ref
// RUN: not allo-opt %S/Inputs/callsite-diagnostics.mlir --split-input-file 2> %t.ours
// RUN: diff %t.ref %t.ours
