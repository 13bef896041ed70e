// allo-opt --mlir-pretty-debuginfo prints print-pretty-debuginfo.mlir and the location cases of Inputs/locations.mlir
// as mlir-opt-19 does: with and without --mlir-print-debuginfo (location attributes and alias definitions change
// too), in generic form, with local scope, split, and in IR dumps.
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/print-pretty-debuginfo.mlir --mlir-print-debuginfo --mlir-pretty-debuginfo > %t.ref
// RUN: allo-opt %S/print-pretty-debuginfo.mlir --mlir-print-debuginfo --mlir-pretty-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-pretty-debuginfo.mlir --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-local-scope > %t.ref
// RUN: allo-opt %S/print-pretty-debuginfo.mlir --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-local-scope > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-pretty-debuginfo.mlir --mlir-pretty-debuginfo > %t.ref
// RUN: allo-opt %S/print-pretty-debuginfo.mlir --mlir-pretty-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-pretty-debuginfo > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-pretty-debuginfo > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-op-generic --split-input-file > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-op-generic --split-input-file > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-local-scope --split-input-file > %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-local-scope --split-input-file > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/Inputs/locations.mlir --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
