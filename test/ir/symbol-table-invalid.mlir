// Symbols of one symbol table have distinct names (MLIR's SymbolTable trait): a redefinition is an error at the
// second op, with a note at the first; the same name in a nested symbol table, or in the region of an op that is not
// a symbol table, is another symbol. Symbol uses are verified once the names are known to be unique.
// RUN: allo-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// expected-note @+1 {{see existing symbol definition here}}
func.func @g() {
  return
}
// expected-error @+1 {{redefinition of symbol named 'g'}}
func.func private @g()
memref.global @g : memref<2xi32>

// -----

// expected-note @+1 {{see existing symbol definition here}}
module @a {
  func.func @x() {
    return
  }
}
// expected-error @+1 {{redefinition of symbol named 'a'}}
module @a {
}

// -----

// Any op with a string `sym_name` is named in the table; a `sym_name` that is not a string is not a name.
// expected-note @+1 {{see existing symbol definition here}}
func.func private @g()
"test.c"() {sym_name = 3} : () -> ()
// expected-error @+1 {{redefinition of symbol named 'g'}}
"test.c"() {sym_name = "g"} : () -> ()

// -----

func.func private @g()
module @m {
  func.func private @g()
}
"test.op"() ({
  func.func private @h()
  func.func private @h()
}) : () -> ()
func.func @f() {
  "test.a"() {sym_name = "h"} : () -> ()
  "test.b"() {sym_name = "h"} : () -> ()
  call @g() : () -> ()
  return
}

// -----

// The bodies are verified first; the uses of symbols only after the names.
func.func @f() {
  call @nope() : () -> ()
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  // expected-note @+1 {{operand defined here (op in the same block)}}
  %1 = arith.constant 1 : i32
  return
}

// -----

// expected-note @+1 {{see existing symbol definition here}}
func.func @f() {
  call @nope() : () -> ()
  return
}
// expected-error @+1 {{redefinition of symbol named 'f'}}
func.func @f() {
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'func.call' op 'nope' does not reference a valid function}}
  call @nope() : () -> ()
  return
}
