// allo-opt --mlir-print-assume-verified prints verified IR as mlir-opt-19 does (the same as without the flag), alone
// and with the other printing flags, in the output and in IR dumps. (The flag matters for IR that fails to verify,
// which mlir-opt-19 makes with its test passes and allo-opt only with a broken pass: print-assume-verified.mlir.)
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/print-assume-verified.mlir --mlir-print-assume-verified > %t.ref
// RUN: allo-opt %S/print-assume-verified.mlir --mlir-print-assume-verified > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-assume-verified.mlir --mlir-print-assume-verified --verify-each=false --cse --mlir-print-debuginfo --mlir-print-value-users > %t.ref
// RUN: allo-opt %S/print-assume-verified.mlir --mlir-print-assume-verified --verify-each=false --cse --mlir-print-debuginfo --mlir-print-value-users > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-assume-verified --mlir-print-op-generic > %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-assume-verified --mlir-print-op-generic > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-assume-verified --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse),canonicalize)' -o /dev/null 2> %t.ref
// RUN: allo-opt %S/print-value-users.mlir --allow-unregistered-dialect --mlir-print-assume-verified --mlir-print-ir-after-all --mlir-disable-threading --pass-pipeline='builtin.module(func.func(cse),canonicalize)' -o /dev/null 2> %t.ours
// RUN: diff %t.ref %t.ours
