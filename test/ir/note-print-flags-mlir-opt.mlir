// The `see current operation` note of a verifier error prints as mlir-opt-19 prints it, with and without printing flags.
// REQUIRES: mlir-opt-19
// RUN: not mlir-opt-19 %S/Inputs/note-print-flags.mlir 2> %t.ref
// RUN: not allo-opt %S/Inputs/note-print-flags.mlir 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: not mlir-opt-19 %S/Inputs/note-print-flags.mlir --mlir-print-value-users --mlir-print-debuginfo --mlir-elide-elementsattrs-if-larger=4 2> %t.ref
// RUN: not allo-opt %S/Inputs/note-print-flags.mlir --mlir-print-value-users --mlir-print-debuginfo --mlir-elide-elementsattrs-if-larger=4 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: not mlir-opt-19 %S/Inputs/note-print-flags.mlir --mlir-print-unique-ssa-ids --mlir-print-debuginfo --mlir-pretty-debuginfo 2> %t.ref
// RUN: not allo-opt %S/Inputs/note-print-flags.mlir --mlir-print-unique-ssa-ids --mlir-print-debuginfo --mlir-pretty-debuginfo 2> %t.ours
// RUN: diff %t.ref %t.ours
