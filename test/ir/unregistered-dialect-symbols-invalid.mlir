// Dialect symbols of unregistered dialects without --allow-unregistered-dialect, with mlir-opt-19's messages; a
// name without a dot and without a `<` right after it is an alias; registered dialects parse their own symbols, in
// either form.
// RUN: allo-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{`!"foo"<""x y"">` type created with unregistered dialect}}
func.func @f(%a: !foo<"x y">) {
  return
}

// -----

// expected-error @+1 {{#"foo"<""q""> : 'i32' attribute created with unregistered dialect}}
func.func @f() attributes {a = #foo<"q"> : i32} {
  return
}

// -----

// expected-error @+1 {{undefined symbol alias id 'foo'}}
func.func @f() attributes {a = #foo <"x">} {
  return
}

// -----

// expected-error @+1 {{unbalanced '(' character in pretty dialect name}}
func.func @f() attributes {a = #foo.bar<(]>} {
  return
}

// -----

// expected-error @+1 {{dialect 'arith' provides no type parsing hook}}
func.func @f(%a: !arith<"x">) {
  return
}

// -----

// expected-error @+1 {{unknown attribute `foo` in dialect `arith`}}
func.func @f() attributes {a = #arith<foo>} {
  return
}

// -----

// expected-error @+1 {{expected valid keyword}}
func.func @f() attributes {a = #arith<"foo">} {
  return
}

// -----

func.func @f() attributes {a = #arith<fastmath<fast>>} {
  return
}
