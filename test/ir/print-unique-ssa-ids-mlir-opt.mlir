// allo-opt --mlir-print-unique-ssa-ids prints print-unique-ssa-ids.mlir as mlir-opt-19 does: custom and generic form,
// with locations, value users, local scope, and in IR dumps (of functions, with module scope).
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids > %t.ref
// RUN: allo-opt %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-value-users --mlir-print-debuginfo > %t.ref
// RUN: allo-opt %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-value-users --mlir-print-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-op-generic > %t.ref
// RUN: allo-opt %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-op-generic > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-local-scope > %t.ref
// RUN: allo-opt %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-local-scope > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse),canonicalize)' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse),canonicalize)' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-value-users --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/print-unique-ssa-ids.mlir --allow-unregistered-dialect --mlir-print-unique-ssa-ids --mlir-print-value-users --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
