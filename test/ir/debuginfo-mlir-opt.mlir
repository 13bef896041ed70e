// Output under --mlir-print-debuginfo is byte-identical to mlir-opt-19's, custom and generic, whole and split,
// on the location cases of Inputs/locations.mlir, and when reading mlir-opt-19's own output back.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-op-generic > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-op-generic > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --split-input-file > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --split-input-file > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --split-input-file --mlir-print-op-generic > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --split-input-file --mlir-print-op-generic > %t.ours
// RUN: diff %t.ref %t.ours
// Without debug info, a location used as an attribute still prints through an alias defined before the module.
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect > %t.ours
// RUN: diff %t.ref %t.ours
// Reading mlir-opt-19's output (aliases used before their definitions) gives mlir-opt-19's output again.
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo > %t.in
// RUN: mlir-opt-19 %t.in --allow-unregistered-dialect --mlir-print-debuginfo > %t.ref
// RUN: allo-opt %t.in --allow-unregistered-dialect --mlir-print-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// IR dumps after each pass use the same aliases (module scope) or print locations inline (a nested op); one thread
// keeps mlir-opt-19's dumps of the functions in order.
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
