// symbol-dce cannot tell the uses inside an op of an unregistered dialect with one region (it may be a symbol table
// of its own), so it fails at the live op holding it, as MLIR's SymbolTable::getSymbolUses makes it; with two
// regions the op is no symbol table and its uses count.
// RUN: allo-opt %s --split-input-file --allow-unregistered-dialect --pass-pipeline='builtin.module(symbol-dce)' --verify-diagnostics | FileCheck %s

// expected-error @+1 {{operation contains potentially unknown symbol table, meaning that we can't reliable compute symbol uses}}
func.func @main() {
  "foo.table"() ({
    "foo.use"() {callee = @dead} : () -> ()
  }) : () -> ()
  return
}
func.func private @dead()

// -----

// CHECK-LABEL: func.func @main
// CHECK: func.func private @used
// CHECK-NOT: @dead
func.func @main() {
  "foo.two"() ({
    "foo.use"() {callee = @used} : () -> ()
  }, {
  }) : () -> ()
  return
}
func.func private @used()
func.func private @dead()
