// allo-opt's diagnostics quoting non-ASCII symbol names are byte-identical to mlir-opt-19's.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/non-ascii-symbols-invalid.mlir --split-input-file --verify-diagnostics
// RUN: not mlir-opt-19 %S/non-ascii-symbols-invalid.mlir --split-input-file 2> %t.ref
// RUN: not allo-opt %S/non-ascii-symbols-invalid.mlir --split-input-file 2> %t.ours
// RUN: diff %t.ref %t.ours
