// allo-opt --mlir-print-value-users prints print-value-users.mlir as mlir-opt-19 does: custom and generic form, with
// locations, local scope, unique SSA ids, skipped regions, and in IR dumps (of functions, with module scope).
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users > %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-op-generic --mlir-print-debuginfo > %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-op-generic --mlir-print-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-local-scope --mlir-print-unique-ssa-ids > %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-local-scope --mlir-print-unique-ssa-ids > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-skip-regions > %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-skip-regions > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse),canonicalize)' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse),canonicalize)' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-value-users --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
