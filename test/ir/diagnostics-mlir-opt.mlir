// Parser and verifier diagnostics are byte-identical to mlir-opt-19's on the error cases of Inputs/diagnostics.mlir:
// lexer errors at MLIR's offsets, SSA redefinitions and region arguments with their notes, result numbers, forward
// references, unknown ops and properties, dominance and terminator errors, symbol redefinitions, unregistered
// dialect symbols, carets without ranges, block arguments, functional types, and the `see current operation` note
// before the other notes.
// REQUIRES: mlir-opt-19
// RUN: not mlir-opt-19 %S/Inputs/diagnostics.mlir --split-input-file 2> %t.ref
// RUN: not allo-opt %S/Inputs/diagnostics.mlir --split-input-file 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: not mlir-opt-19 %S/Inputs/diagnostics.mlir --split-input-file --allow-unregistered-dialect > %t.ref.out 2> %t.ref
// RUN: not allo-opt %S/Inputs/diagnostics.mlir --split-input-file --allow-unregistered-dialect > %t.ours.out 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: diff %t.ref.out %t.ours.out
// Ops inside messages and notes follow the printing flags (here locations, as MLIR's OpPrintingFlags read them).
// RUN: not mlir-opt-19 %S/Inputs/diagnostics.mlir --split-input-file --mlir-print-debuginfo > %t.ref.out 2> %t.ref
// RUN: not allo-opt %S/Inputs/diagnostics.mlir --split-input-file --mlir-print-debuginfo > %t.ours.out 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: diff %t.ref.out %t.ours.out
