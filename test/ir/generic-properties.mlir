// The `<{...}>` of a generic op, as MLIR's setPropertiesFromAttribute takes it: a registered op keeps its own
// properties and drops other entries, and they win over the same inherent attributes in the attribute dictionary
// (which give the properties `<{...}>` lacks); an unregistered op keeps every entry. An op without properties
// refuses them (see parser-diagnostics.mlir).
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s

// CHECK-LABEL: "func.func"() <{function_type = () -> i32, sym_name = "f"}>
// CHECK-NEXT: "arith.constant"() <{value = 1 : i32}> : () -> i32
// CHECK-NEXT: "arith.constant"() <{value = 1 : i32}> {other = 4 : i64} : () -> i32
// CHECK-NEXT: "arith.constant"() <{value = 2 : i32}> : () -> i32
// CHECK-NEXT: "test.foo"() <{bogus = 3 : i64, value = 1 : i32}> : () -> i32
"func.func"() <{function_type = () -> i32, sym_name = "f"}> ({
  %0 = "arith.constant"() <{value = 1 : i32, bogus = 3}> : () -> i32
  %1 = "arith.constant"() <{value = 1 : i32}> {value = 2 : i32, other = 4} : () -> i32
  %3 = "arith.constant"() <{}> {value = 2 : i32} : () -> i32
  %2 = "test.foo"() <{value = 1 : i32, bogus = 3}> : () -> i32
  "func.return"(%0) : (i32) -> ()
}) : () -> ()
