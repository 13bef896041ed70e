// Properties are checked while parsing as MLIR 19 checks them. A generic op's `<{...}>` must be a dictionary whose
// entries have their property's attribute class (setPropertiesFromAttribute: `Invalid attribute ... in property
// conversion`); the rest of a constraint (a width, a range) is the verifier's. Inherent attributes given in an
// attribute dictionary instead must satisfy their whole constraint (verifyInherentAttrs), reported at the op in the
// generic form and at the dictionary in a declarative custom form. property-conversion-mlir-opt.mlir runs this file
// through mlir-opt-19.
// RUN: allo-opt %s --split-input-file --verify-diagnostics

func.func @f(%a: i32) -> i32 {
  // expected-error @+1 {{invalid properties 1 : i32 for op arith.addi: expected DictionaryAttr to set properties}}
  %0 = "arith.addi"(%a, %a) <1 : i32> : (i32, i32) -> i32
  return %0 : i32
}

// -----

func.func @f(%a: i32) -> i32 {
  // expected-error @+1 {{invalid properties {overflowFlags = 1 : i32} for op arith.addi: Invalid attribute `overflowFlags` in property conversion: 1 : i32}}
  %0 = "arith.addi"(%a, %a) <{overflowFlags = 1 : i32}> : (i32, i32) -> i32
  return %0 : i32
}

// -----

// An enum attribute's class holds only its cases; the first failing property in record order is reported.
func.func @f(%a: i32) -> i1 {
  // expected-error @+1 {{invalid properties {bogus = 3 : i64, predicate = 42 : i64} for op arith.cmpi: Invalid attribute `predicate` in property conversion: 42 : i64}}
  %0 = "arith.cmpi"(%a, %a) <{predicate = 42 : i64, bogus = 3}> : (i32, i32) -> i1
  return %0 : i1
}

// -----

func.func @f(%a: memref<4xi32>) -> memref<4xi32> {
  // expected-error @+1 {{Invalid attribute `static_sizes` in property conversion: array<i32: 4>}}
  %0 = "memref.subview"(%a) <{operandSegmentSizes = array<i64: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i32: 4>, static_strides = array<i32: 1>}> : (memref<4xi32>) -> memref<4xi32>
  return %0 : memref<4xi32>
}

// -----

func.func @f(%a: memref<4xi32>) -> memref<4xi32> {
  // expected-error @+1 {{for op memref.subview: expected DenseI32ArrayAttr for key `value`}}
  %0 = "memref.subview"(%a) <{operandSegmentSizes = array<i64: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (memref<4xi32>) -> memref<4xi32>
  return %0 : memref<4xi32>
}

// -----

func.func @f(%a: memref<4xi32>) -> memref<4xi32> {
  // expected-error @+1 {{for op memref.subview: size mismatch in attribute conversion: 3 vs 4}}
  %0 = "memref.subview"(%a) <{operandSegmentSizes = array<i32: 1, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (memref<4xi32>) -> memref<4xi32>
  return %0 : memref<4xi32>
}

// -----

// expected-error @+1 {{invalid properties {constant = 1 : i32, sym_name = "g", type = memref<4xi32>} for op memref.global: Invalid attribute `constant` in property conversion: 1 : i32}}
"memref.global"() <{sym_name = "g", type = memref<4xi32>, constant = 1 : i32}> : () -> ()

// -----

// The class is right (a type attribute), the constraint is not: the verifier reports it.
// expected-error @+1 {{'memref.global' op attribute 'type' failed to satisfy constraint: memref type attribute}}
"memref.global"() <{sym_name = "g", type = i32, sym_visibility = "private"}> : () -> ()

// -----

func.func @f(%a: memref<4xi32>) {
  // expected-error @+1 {{'affine.prefetch' op attribute 'localityHint' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3}}
  "affine.prefetch"(%a) <{isDataCache = true, isWrite = false, localityHint = 5 : i32, map = affine_map<() -> (0)>}> : (memref<4xi32>) -> ()
  return
}

// -----

func.func @f(%a: i32) -> i1 {
  // expected-error @+1 {{'arith.cmpi' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
  %0 = "arith.cmpi"(%a, %a) {predicate = 42 : i64} : (i32, i32) -> i1
  return %0 : i1
}

// -----

func.func @f(%a: memref<4xi32>) -> memref<4xi32> {
  // expected-error @+1 {{'memref.subview' op attribute 'static_offsets' failed to satisfy constraint: i64 dense array attribute}}
  %0 = "memref.subview"(%a) {static_offsets = array<i32: 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>} : (memref<4xi32>) -> memref<4xi32>
  return %0 : memref<4xi32>
}

// -----

func.func @f(%a: i32) -> i32 {
  // expected-error @+1 {{custom op 'arith.addi' 'arith.addi' op attribute 'overflowFlags' failed to satisfy constraint: Integer overflow arith flags}}
  %0 = arith.addi %a, %a {overflowFlags = 3 : i32} : i32
  return %0 : i32
}
