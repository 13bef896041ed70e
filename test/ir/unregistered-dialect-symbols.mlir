// Types and attributes of unregistered dialects are kept opaque and print back as mlir-opt-19 prints them: the
// `dialect<data>` form is a dialect symbol (not an alias) when `<` follows the name at once, data that is an
// identifier with an optional `<...>` tail prints in the pretty `dialect.data` form, an attribute keeps its type.
// RUN: allo-opt %s --allow-unregistered-dialect | FileCheck %s
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: allo-opt %s --allow-unregistered-dialect | allo-opt --allow-unregistered-dialect | FileCheck %s
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-op-generic | allo-opt --allow-unregistered-dialect | FileCheck %s

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %arg0: !foo.bar, %arg1: !foo.bar<"a b">, %arg2: !foo<"x y">, %arg3: !foo.bar, %arg4: !foo<"bar">,
// CHECK-SAME: %arg5: !foo.bar<1>, %arg6: !foo<"">, %arg7: !foo<"a\"b">, %arg8: !foo<a b>)
// CHECK-SAME: attributes {a = #foo<"q">, b = #foo.bar, c = #foo.bar, d = #foo<"bar.baz">, e = #foo<a b>, f = #foo<"x"> : i32, g = #foo.x : i32}
// GENERIC: "func.func"() <{function_type = (!foo.bar, !foo.bar<"a b">, !foo<"x y">, !foo.bar, !foo<"bar">, !foo.bar<1>, !foo<"">, !foo<"a\"b">, !foo<a b>) -> (), sym_name = "f"}>
// GENERIC: {a = #foo<"q">, b = #foo.bar, c = #foo.bar, d = #foo<"bar.baz">, e = #foo<a b>, f = #foo<"x"> : i32, g = #foo.x : i32}
func.func @f(%a: !foo.bar, %d: !foo.bar<"a b">, %e: !foo<"x y">, %g: !foo<bar>, %h: !foo<"bar">, %i: !foo<bar<1>>,
             %j: !foo<"">, %k: !foo<"a\"b">, %l: !foo<a b>)
    attributes {a = #foo<"q">, b = #foo.bar, c = #foo<bar>, d = #foo<"bar.baz">, e = #foo<a b>, f = #foo<"x"> : i32, g = #foo.x : i32} {
  // CHECK: "foo.op"() {y = #foo<"q">} : () -> ()
  "foo.op"() {y = #foo<"q">} : () -> ()
  return
}
