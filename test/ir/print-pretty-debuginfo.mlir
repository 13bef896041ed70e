// --mlir-pretty-debuginfo prints locations in MLIR's pretty form wherever locations print: after ops and block
// arguments under --mlir-print-debuginfo, and also without it in location attributes and their alias definitions.
// The pretty form has no `loc(...)`: `a.c:1:2` (the file name unquoted), `[unknown]`, `"name"(child)`, a call site as
// `callee at caller` (on a new line, unindented, unless the callee is a name and the caller a file location), a fused
// location without `fused`. An op's own location prints inline, never as its alias (the alias is still defined);
// nested locations use their aliases unless --mlir-print-local-scope.
// print-pretty-debuginfo-mlir-opt.mlir compares with mlir-opt-19.
// RUN: allo-opt %s --mlir-print-debuginfo --mlir-pretty-debuginfo | FileCheck %s
// RUN: allo-opt %s --mlir-print-debuginfo --mlir-pretty-debuginfo --mlir-print-local-scope | FileCheck %s --check-prefix=LOCAL
// RUN: allo-opt %s --mlir-pretty-debuginfo | FileCheck %s --check-prefix=ATTR

// CHECK:       #loc3 = arg.c:3:4
// CHECK-NEXT:  #loc4 = attr.c:5:6
// CHECK-NEXT:  module {
// CHECK-NEXT:    func.func @f(%arg0: i32 arg.c:3:4) -> i32 attributes {where = #loc4} {
// CHECK-NEXT:      %0 = arith.addi %arg0, %arg0 : i32 [unknown]
// CHECK-NEXT:      %1 = arith.addi %0, %arg0 : i32 "name"(#loc6)
// CHECK-NEXT:      %2 = arith.addi %1, %arg0 : i32 #loc7 at #loc8
// CHECK-NEXT:      %3 = arith.addi %2, %arg0 : i32 #loc1
// CHECK-NEXT:  {{^}} at #loc8
// CHECK-NEXT:      %4 = arith.addi %3, %arg0 : i32 <"meta">[#loc9, #loc10]
// CHECK-NEXT:      %5 = arith.addi %4, %arg0 : i32 with "quotes".c:1:1
// CHECK-NEXT:      return %5 : i32 a.c:1:2
// CHECK-NEXT:    } [#loc1, #loc2]
// CHECK-NEXT:  } {{.*}}print-pretty-debuginfo.mlir:0:0
// CHECK-NEXT:  #loc = {{.*}}print-pretty-debuginfo.mlir:0:0
// CHECK-NEXT:  #loc1 = a.c:1:2
// CHECK:       #loc5 = [unknown]
// CHECK:       #loc7 = "callee"
// CHECK:       #loc15 = #loc1
// CHECK-NEXT:  {{^}} at #loc8
// CHECK-NEXT:  #loc16 = <"meta">[#loc9, #loc10]

// LOCAL:       func.func @f(%arg0: i32 arg.c:3:4) -> i32 attributes {where = attr.c:5:6} {
// LOCAL:         %1 = arith.addi %0, %arg0 : i32 "name"(n.c:7:8)
// LOCAL-NEXT:    %2 = arith.addi %1, %arg0 : i32 "callee" at caller.c:9:9
// LOCAL-NEXT:    %3 = arith.addi %2, %arg0 : i32 a.c:1:2
// LOCAL-NEXT:  {{^}} at caller.c:9:9
// LOCAL-NEXT:    %4 = arith.addi %3, %arg0 : i32 <"meta">[f1.c:1:1, f2.c:2:2]
// LOCAL:       } [a.c:1:2, end.c:9:9]

// ATTR:      #loc = attr.c:5:6
// ATTR-NEXT: module {
// ATTR-NEXT:   func.func @f(%arg0: i32) -> i32 attributes {where = #loc} {
// ATTR-NEXT:     %0 = arith.addi %arg0, %arg0 : i32{{$}}

#a = loc("a.c":1:2)
func.func @f(%x: i32 loc("arg.c":3:4)) -> i32 attributes {where = loc("attr.c":5:6)} {
  %0 = arith.addi %x, %x : i32 loc(unknown)
  %1 = arith.addi %0, %x : i32 loc("name"("n.c":7:8))
  %2 = arith.addi %1, %x : i32 loc(callsite("callee" at "caller.c":9:9))
  %3 = arith.addi %2, %x : i32 loc(callsite(#a at "caller.c":9:9))
  %4 = arith.addi %3, %x : i32 loc(fused<"meta">["f1.c":1:1, "f2.c":2:2])
  %5 = arith.addi %4, %x : i32 loc("with \"quotes\".c":1:1)
  return %5 : i32 loc(#a)
} loc(fused[#a, unknown, "end.c":9:9])
