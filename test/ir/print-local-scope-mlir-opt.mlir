// allo-opt --mlir-print-local-scope prints print-local-scope.mlir as mlir-opt-19 does.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/print-local-scope.mlir --mlir-print-local-scope > %t.ref
// RUN: allo-opt %S/print-local-scope.mlir --mlir-print-local-scope > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-local-scope.mlir --mlir-print-local-scope --mlir-print-debuginfo --mlir-print-op-generic > %t.ref
// RUN: allo-opt %S/print-local-scope.mlir --mlir-print-local-scope --mlir-print-debuginfo --mlir-print-op-generic > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-local-scope.mlir --mlir-print-local-scope --canonicalize --mlir-print-ir-after=canonicalize -o /dev/null 2> %t.ref
// RUN: allo-opt %S/print-local-scope.mlir --mlir-print-local-scope --canonicalize --mlir-print-ir-after=canonicalize -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
