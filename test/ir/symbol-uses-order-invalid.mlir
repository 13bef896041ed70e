// memref.get_global checks its symbol as a symbol use, as func.call does: after the symbol table's names are known,
// in the table's walk order (MLIR's walkSymbolTable visits the regions it meets last first, so @k's body comes before
// @f's), and only the first bad use is reported, as mlir-opt-19 does.
// RUN: allo-opt %s --verify-diagnostics

memref.global @g : memref<2xi32> = uninitialized
func.func @f() {
  call @g() : () -> ()
  return
}
func.func @k() {
  // expected-error @below {{'nope' does not reference a valid global memref}}
  %0 = memref.get_global @nope : memref<3xi32>
  return
}
