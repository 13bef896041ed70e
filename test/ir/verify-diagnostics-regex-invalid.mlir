// An `expected-*-re` designator whose `{{...}}` is not a valid llvm::Regex is reported, with llvm::Regex's error,
// where the designator starts, before anything else, and dropped. `\w` is not llvm::Regex syntax: it matches `w`.
// RUN: not allo-opt %s --verify-diagnostics 2>&1 | FileCheck %s

// CHECK: :[[@LINE+1]]:4: error: invalid regex: brackets ([ ]) not balanced
// expected-error-re {{use of {{[a-z+}} SSA}}
// CHECK: :[[@LINE+1]]:4: error: invalid regex: parentheses not balanced
// expected-error-re {{use of {{(a|b}} SSA}}
// CHECK: :[[@LINE+1]]:4: error: invalid regex: invalid repetition count(s)
// expected-error-re {{use of {{a{2,1}}} SSA}}
// CHECK: :[[@LINE+1]]:4: error: invalid regex: invalid character class
// expected-warning-re {{{{[[:word:]]}}}}
// CHECK: :[[@LINE+1]]:4: error: invalid regex: trailing backslash (\)
// expected-note-re {{x{{\}}}}
// CHECK: :[[@LINE+1]]:4: error: invalid regex: repetition-operator operand invalid
// expected-remark-re {{{{*}}}}
// CHECK: :[[@LINE+1]]:4: error: invalid regex: empty (sub)expression
// expected-error-re {{{{}}}}
// CHECK: :[[@LINE+1]]:4: error: found start of regex with no end '{{.*}}'
// expected-error-re {{use of {{und}} {{SSA}}

func.func @f() {
  // expected-error-re@+1 {{use of {{\w+}} SSA}}
  %0 = arith.addi %q, %q : i32
  // CHECK: :[[@LINE-1]]:19: error: unexpected error: use of undeclared SSA value name
  return
}
// CHECK: :[[@LINE-5]]:6: error: expected error "use of {{.*}} SSA" was not produced
