// --mlir-print-ir-tree-dir writes each IR dump to its own file: one directory per op from the top-level op down to
// the op the pass ran on (op name with `_` for `.`, then its symbol name or `no-symbol-name`); the file name gives the
// dump counts of those ops, joined with `_`, and the pass argument. An ancestor not dumped yet counts 0, and its own
// first dump then counts 1 (as in MLIR: `1_symbol-dce.mlir` below). `func.func(...)` runs on the functions of the
// top-level module only, not on those of `@inner`.
// RUN: rm -rf %t && mkdir %t
// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t/tree > %t/out 2> %t/err
// RUN: test ! -s %t/err
// RUN: cd %t/tree && find . -type f | LC_ALL=C sort | FileCheck %s --check-prefix=FILES
// RUN: FileCheck %s --check-prefix=CSE < %t/tree/builtin_module_no-symbol-name/func_func_f/0_0_cse.mlir
// RUN: FileCheck %s --check-prefix=DCE < %t/tree/builtin_module_no-symbol-name/1_symbol-dce.mlir
// RUN: FileCheck %s --check-prefix=OUT < %t/out
//
// Before and after: each dump of an op counts.
// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t/both -o /dev/null
// RUN: cd %t/both && find . -type f | LC_ALL=C sort | FileCheck %s --check-prefix=BOTH
//
// Errors: mlir-opt's message for each dump that could not be written, then the run fails without output.
// RUN: not allo-opt %s --cse --canonicalize --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t/no/such/dir > %t/out 2> %t/err
// RUN: test ! -s %t/out
// RUN: FileCheck %s --check-prefix=NODIR < %t/err
// RUN: touch %t/file
// RUN: not allo-opt %s --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t/file 2>&1 | FileCheck %s --check-prefix=NOTDIR

// FILES:      ./builtin_module_no-symbol-name/1_symbol-dce.mlir
// FILES-NEXT: ./builtin_module_no-symbol-name/func_func_f/0_0_cse.mlir
// FILES-NEXT: ./builtin_module_no-symbol-name/func_func_f/0_1_canonicalize.mlir
// FILES-NEXT: ./builtin_module_no-symbol-name/func_func_unused/0_0_cse.mlir
// FILES-NEXT: ./builtin_module_no-symbol-name/func_func_unused/0_1_canonicalize.mlir
// FILES-NOT:  {{.}}

// CSE:      // -----// IR Dump After CSE (cse) //----- //
// CSE-NEXT: func.func @f(%arg0: i32) -> i32 {
// CSE-NEXT:   %0 = arith.addi %arg0, %arg0 : i32
// CSE-NEXT:   %1 = arith.muli %0, %0 : i32
// CSE-NEXT:   return %1 : i32
// CSE-NEXT: }
// CSE-EMPTY:
// CSE-NOT:  {{.}}

// DCE:      // -----// IR Dump After SymbolDCE (symbol-dce) //----- //
// DCE-NEXT: module {
// DCE-NOT:  @unused
// DCE:      module @inner {

// OUT:      module {
// OUT-NOT:  IR Dump

// BOTH:      ./builtin_module_no-symbol-name/func_func_f/0_0_cse.mlir
// BOTH-NEXT: ./builtin_module_no-symbol-name/func_func_f/0_1_cse.mlir
// BOTH-NEXT: ./builtin_module_no-symbol-name/func_func_unused/0_0_cse.mlir
// BOTH-NEXT: ./builtin_module_no-symbol-name/func_func_unused/0_1_cse.mlir
// BOTH-NOT:  {{.}}

// NODIR:      {{^}}Error while creating directory {{.*}}/no/such/dir: No such file or directory{{$}}
// NODIR-NEXT: {{^}}Error while creating directory {{.*}}/no/such/dir: No such file or directory{{$}}
// NODIR-NOT:  {{.}}

// NOTDIR:     {{^}}Error while creating directory {{.*}}/file/builtin_module_no-symbol-name: Not a directory{{$}}

func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
func.func private @unused()
module @inner {
  func.func @k() {
    return
  }
}
