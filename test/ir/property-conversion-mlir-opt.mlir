// mlir-opt-19 reports the property errors of property-conversion-invalid.mlir as allo-opt does.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/property-conversion-invalid.mlir --split-input-file --verify-diagnostics
