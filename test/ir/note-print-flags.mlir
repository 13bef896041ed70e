// The op in a `see current operation` note prints as MLIR's Diagnostic::appendOp prints it: in generic form, numbered
// from its local scope, elements attributes of more than 16 elements elided (whatever --mlir-elide-elementsattrs-if-larger
// says), and under the tool's other printing flags (locations, pretty locations, value users, unique ids); a note that
// takes several lines starts on a line of its own. note-print-flags-mlir-opt.mlir compares with mlir-opt-19.
// RUN: not allo-opt %S/Inputs/note-print-flags.mlir 2>&1 | FileCheck %s
// RUN: not allo-opt %S/Inputs/note-print-flags.mlir --mlir-print-value-users --mlir-print-debuginfo 2>&1 | FileCheck %s --check-prefix=FLAGS
// RUN: not allo-opt %S/Inputs/note-print-flags.mlir --mlir-print-debuginfo --mlir-pretty-debuginfo 2>&1 | FileCheck %s --check-prefix=PRETTY

// CHECK:      a.c:1:2: note: see current operation: {{$}}
// CHECK-NEXT: %1 = "scf.if"(%arg1) ({
// CHECK-NEXT:   %2 = "arith.addi"(%0, %0) <{overflowFlags = #arith.overflow<none>}> {big = dense_resource<__elided__> : tensor<17xi32>} : (i32, i32) -> i32{{$}}

// FLAGS:      %2 = "scf.if"(%arg1) ({
// FLAGS-NEXT:   %4 = "arith.addi"(%1, %1) {{.*}} : (i32, i32) -> i32 loc(callsite("x.c":5:6 at "b.c":3:4)) // user: %5
// FLAGS-NEXT:   "scf.yield"(%4) : (i32) -> () loc({{.*}}note-print-flags.mlir":6:5) // id: %5
// FLAGS-NEXT: }, {
// FLAGS-NEXT: }) : (i1) -> i32 loc("a.c":1:2) // user: %3

// PRETTY:      %2 = "arith.addi"(%0, %0) {{.*}} : (i32, i32) -> i32 x.c:5:6{{$}}
// PRETTY-NEXT: {{^}} at b.c:3:4{{$}}
// PRETTY-NEXT:   "scf.yield"(%2) : (i32) -> () {{.*}}note-print-flags.mlir:6:5{{$}}
// PRETTY:      }) : (i1) -> i32 a.c:1:2{{$}}
