// Locations under --mlir-print-debuginfo print through `#loc` aliases as mlir-opt-19 prints them: an op's location
// as `loc(#locN)` with its definition after the top-level op (deferred), a block argument's location inline with
// its definition before the module (not deferrable), nested locations of fused/name/callsite locations as aliases.
// RUN: allo-opt %s --split-input-file --mlir-print-debuginfo | FileCheck %s
// RUN: allo-opt %s --split-input-file --mlir-print-debuginfo --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// Aliases in the input, including those defined after their use, parse back to the same output.
// RUN: allo-opt %s --split-input-file --mlir-print-debuginfo > %t.1
// RUN: allo-opt %t.1 --split-input-file --mlir-print-debuginfo | allo-opt --split-input-file --mlir-print-debuginfo > %t.2
// RUN: allo-opt %t.1 --split-input-file --mlir-print-debuginfo > %t.3
// RUN: diff %t.2 %t.3

// CHECK:      #loc2 = loc("{{.*}}debuginfo.mlir{{.*}}":{{[0-9]+}}:14)
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @f(%arg0: memref<4xf32> loc("{{.*}}":{{[0-9]+}}:14)) {
// CHECK-NEXT:     return loc(#loc3)
// CHECK-NEXT:   } loc(#loc1)
// CHECK-NEXT: } loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}":0:0)
// CHECK-NEXT: #loc1 = loc("{{.*}}":{{[0-9]+}}:1)
// CHECK-NEXT: #loc3 = loc("{{.*}}":{{[0-9]+}}:35)
// CHECK-EMPTY:
// GENERIC:      #loc2 = loc("{{.*}}":{{[0-9]+}}:14)
// GENERIC-NEXT: "builtin.module"() ({
// GENERIC-NEXT:   "func.func"() <{function_type = (memref<4xf32>) -> (), sym_name = "f"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: memref<4xf32> loc("{{.*}}":{{[0-9]+}}:14)):
// GENERIC-NEXT:     "func.return"() : () -> () loc(#loc3)
// GENERIC-NEXT:   }) : () -> () loc(#loc1)
// GENERIC-NEXT: }) : () -> () loc(#loc)
// GENERIC-NEXT: #loc = loc("{{.*}}":0:0)
// GENERIC-NEXT: #loc1 = loc("{{.*}}":{{[0-9]+}}:1)
// GENERIC-NEXT: #loc3 = loc("{{.*}}":{{[0-9]+}}:35)
func.func @f(%a: memref<4xf32>) { return }

// -----

// Aliases are numbered by depth (a fused location after its parts), then name, then first use; a location met
// both after an op and on a block argument is defined before the module. `fused[x, unknown]` is `x`.
// CHECK:      {{^}}// {{-+$}}
// CHECK-NEXT: #loc2 = loc("a.c":1:2)
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @g(%arg0: i32 loc("a.c":1:2)) -> i32 {
// CHECK-NEXT:     %0 = arith.addi %arg0, %arg0 : i32 loc(#loc6)
// CHECK-NEXT:     %1 = arith.addi %0, %arg0 : i32 loc(#loc2)
// CHECK-NEXT:     %2 = arith.addi %1, %arg0 : i32 loc(#loc4)
// CHECK-NEXT:     return %2 : i32 loc(#loc8)
// CHECK-NEXT:   } loc(#loc1)
// CHECK-NEXT: } loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}":0:0)
// CHECK-NEXT: #loc1 = loc("{{.*}}":{{[0-9]+}}:1)
// CHECK-NEXT: #loc3 = loc("b.c":3:4)
// CHECK-NEXT: #loc4 = loc(unknown)
// CHECK-NEXT: #loc5 = loc("x.c":7:7)
// CHECK-NEXT: #loc6 = loc(fused[#loc2, #loc3])
// CHECK-NEXT: #loc7 = loc("f"(#loc2))
// CHECK-NEXT: #loc8 = loc(callsite(#loc7 at #loc5))
#l0 = loc("a.c":1:2)
func.func @g(%a: i32 loc(#l0)) -> i32 {
  %0 = arith.addi %a, %a : i32 loc(fused[#l0, "b.c":3:4])
  %1 = arith.addi %0, %a : i32 loc(#l0)
  %2 = arith.addi %1, %a : i32 loc(unknown)
  return %2 : i32 loc(fused[callsite("f"(#l0) at "x.c":7:7), unknown])
}
