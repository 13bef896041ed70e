// Parse errors are reported where mlir-opt-19 reports them, with a bare caret (MLIR's locations have no ranges):
// lexer errors at the offending character, wrong-token errors at the end of the previous token, elements literals
// at their `: type`, dense array elements after the literal, opaque dialect symbols at their data.
// RUN: not allo-opt %s --split-input-file 2>&1 >/dev/null | FileCheck %s

// CHECK: {{^within split at .*}}:43:37: error: unknown escape in string literal
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:45: error: expected '"' in string literal
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:12: error: @ identifier expected to start with letter or '_'
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:3:29: error: expected operation name in quotes
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:36: error: undefined symbol alias id 'foo'
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:32: error: use of undeclared identifier
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:3:36: error: inferred shape of elements literal ([2]) does not match type ([3])
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:45: error: integer constant out of range
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:23: error: `!"foo"<"bar">` type created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:40: error: unbalanced '<' character in pretty dialect name
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:2:48: error: redefinition of identifier 'd0'
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}
// CHECK: {{^within split at .*}}:3:9: error: expected operation name in quotes
// CHECK-NEXT: {{^.+$}}
// CHECK-NEXT: {{^ *\^$}}

func.func @f() attributes {a = "bad \q escape"} {
  return
}
// -----
func.func @f() attributes {a = "unterminated
}
// -----
func.func @() {
  return
}
// -----
func.func @f() {
  "func.return"() : () -> () -> ()
}
// -----
func.func @f() attributes {a = #foo} {
  return
}
// -----
#map = affine_map<(d0) -> (d0 + d1)>
// -----
func.func @f() {
  %0 = arith.constant dense<[1,2]> : tensor<3xi32>
  return
}
// -----
func.func @f() attributes {a = array<i8: 300>} {
  return
}
// -----
func.func @f(%a: !foo.bar) {
  return
}
// -----
func.func @f() attributes {a = #foo.bar<} {
  return
}
// -----
func.func @f() attributes {a = affine_map<(d0, d0) -> (d0)>} {
  return
}
// -----
func.func @f() {
  return
