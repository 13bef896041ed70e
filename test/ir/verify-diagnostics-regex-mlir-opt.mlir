// allo-opt --verify-diagnostics treats the `expected-*-re` designators of verify-diagnostics-regex*.mlir as
// mlir-opt-19 does, printing the same.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/verify-diagnostics-regex.mlir --split-input-file --verify-diagnostics
// RUN: not mlir-opt-19 %S/verify-diagnostics-regex-invalid.mlir --verify-diagnostics > %t.ref 2>&1
// RUN: not allo-opt %S/verify-diagnostics-regex-invalid.mlir --verify-diagnostics > %t.out 2>&1
// RUN: diff %t.ref %t.out
