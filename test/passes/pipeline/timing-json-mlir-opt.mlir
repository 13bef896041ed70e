// --mlir-timing with --mlir-output-format=json (and =text) prints the report in mlir-opt-19's shape: the same rows,
// nesting, names and layout; the times differ between runs, so every number is replaced by N (with the spaces that
// pad it) before comparing. mlir-opt-19 runs single-threaded (--mlir-disable-threading), as allo-opt always does: only
// then is its user time the wall time, which it then leaves out. The list display sorts by time, so its rows are
// sorted again after the numbers are gone. The pipelines run no analysis (allo-opt does not time analyses).
// REQUIRES: mlir-opt-19
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(canonicalize),symbol-dce)' --mlir-disable-threading --mlir-timing --mlir-output-format=json -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' > %t.ref
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(canonicalize),symbol-dce)' --mlir-disable-threading --mlir-timing --mlir-output-format=json -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(canonicalize),symbol-dce)' --mlir-disable-threading --mlir-timing --mlir-output-format=json --mlir-timing-display=list -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' | LC_ALL=C sort > %t.ref
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(canonicalize),symbol-dce)' --mlir-disable-threading --mlir-timing --mlir-output-format=json --mlir-timing-display=list -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' | LC_ALL=C sort > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %s --split-input-file --canonicalize --mlir-disable-threading --mlir-timing --mlir-output-format=json -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' > %t.ref
// RUN: allo-opt %s --split-input-file --canonicalize --mlir-disable-threading --mlir-timing --mlir-output-format=json -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' > %t.ours
// RUN: diff %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(canonicalize),symbol-dce)' --mlir-disable-threading --mlir-timing --mlir-output-format=text -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' > %t.ref
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(canonicalize),symbol-dce)' --mlir-disable-threading --mlir-timing --mlir-output-format=text -o /dev/null 2>&1 | sed -E 's/ *[0-9]+\.[0-9]+/ N/g' > %t.ours
// RUN: diff %t.ref %t.ours

func.func @a() {
  return
}

// -----

func.func @b() {
  return
}
