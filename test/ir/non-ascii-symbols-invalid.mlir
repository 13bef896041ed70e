// Symbol names and strings are byte strings (as in MLIR); a diagnostic quoting one shows its text, so that
// designators written in UTF-8 match, and the message reads as mlir-opt-19 writes it (non-ascii-symbols-mlir-opt.mlir).
// RUN: allo-opt %s --split-input-file --verify-diagnostics

// expected-note @+1 {{see existing symbol definition here}}
func.func @"héllo"() {
  return
}
// expected-error @+1 {{redefinition of symbol named 'héllo'}}
func.func @"héllo"() {
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'func.call' op 'π_kernel' does not reference a valid function}}
  call @"π_kernel"() : () -> ()
  return
}
