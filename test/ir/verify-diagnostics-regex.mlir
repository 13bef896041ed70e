// In `expected-*-re` designators, the text in `{{...}}` is an llvm::Regex (POSIX extended regular expressions:
// `[[:alpha:]]` classes, `[[:<:]]` word boundaries, intervals, back-references numbered over the whole designator),
// and the rest is literal.
// RUN: allo-opt %s --split-input-file --verify-diagnostics

func.func @f() {
  // expected-error-re@+1 {{use of {{[[:alpha:]]+}} SSA value {{[[:<:]]name$}}}}
  %0 = arith.addi %q, %q : i32
  return
}

// -----

func.func @f() {
  // expected-error-re@+1 {{{{^}}use {{(of)}} {{[a-z]{2,}d}} {{(SSA|ssa)}} value {{[^[:space:]]+}}}}
  %0 = arith.addi %q, %q : i32
  return
}

// -----

func.func @f() {
  // expected-error-re@+1 {{'func.call' op '{{[[:upper:]][[:digit:]]{1,2}[]a[.hyphen.]_]*}}' does not}}
  func.call @"X42a-]_"() : () -> ()
  return
}

// -----

// The designator's regex is `'func\.call' op '((a)(b)\2)'`: `\2` is `(a)`.
func.func @f() {
  // expected-error-re@+1 {{'func.call' op '{{(a)(b)\2}}'}}
  func.call @"aba"() : () -> ()
  return
}
