// RUN: allo-opt %s --split-input-file --verify-diagnostics

// Types and attributes.

// expected-error@+1 {{fifo depth must be a positive integer, got 0}}
func.func @f(%a: !hw.fifo<f32, 0>) {
  return
}

// -----

// expected-error@+1 {{fifo element type must be an integer, index, float or statically shaped memref type, got memref<?xf32>}}
func.func @f(%a: !hw.fifo<memref<?xf32>, 2>) {
  return
}

// -----

// expected-error@+1 {{expected partition kind 'block', 'cyclic' or 'complete', got 'diagonal'}}
func.func @f(%a: memref<4xf32> {hw.partition = [#hw.partition<dim = 1, kind = diagonal, factor = 2>]}) {
  return
}

// -----

// expected-error@+1 {{partition factor must be a positive integer, got 0}}
func.func @f(%a: memref<4xf32> {hw.partition = [#hw.partition<dim = 1, kind = cyclic, factor = 0>]}) {
  return
}

// -----

// expected-error@+1 {{partition dim must be a non-negative integer, got -1}}
func.func @f(%a: memref<4xf32> {hw.partition = [#hw.partition<dim = -1, kind = complete>]}) {
  return
}

// -----

// hw.design

// expected-error@+1 {{'hw.design' op @top: body may only contain 'hw.fifo', 'hw.instance' and constant ops, found 'hw.write'}}
hw.design @top(%v: f32) {
  %f = hw.fifo "f" : !hw.fifo<f32, 2>
  hw.write %f, %v : !hw.fifo<f32, 2>
}

// -----

// expected-error@+1 {{'hw.design' op @top: a design returns nothing, but its function type has 1 results}}
hw.design @top(%v: f32) -> f32 {
}

// -----

// expected-error@+1 {{'hw.design' op @top: expects a body of exactly one block}}
"hw.design"() <{function_type = () -> (), sym_name = "top"}> ({
}) : () -> ()

// -----

// expected-error@+1 {{'hw.design' op @top: entry block must have 1 arguments to match function signature}}
"hw.design"() <{function_type = (f32) -> (), sym_name = "top"}> ({
^bb0:
}) : () -> ()

// -----

// expected-error@+1 {{'hw.design' op @top: type of entry block argument #0(f64) must match the type of the corresponding argument in function signature(f32)}}
"hw.design"() <{function_type = (f32) -> (), sym_name = "top"}> ({
^bb0(%a: f64):
}) : () -> ()

// -----

// hw.instance

hw.design @top() {
  // expected-error@+1 {{'hw.instance' op 'nowhere' does not reference a valid function}}
  hw.instance @nowhere()
}

// -----

func.func @plain(%v: f32) {
  return
}
hw.design @top(%v: f32) {
  // expected-error@+1 {{'hw.instance' op callee @plain is not a processing element: it lacks the 'hw.pe' unit attribute}}
  hw.instance @plain(%v) : f32
}

// -----

func.func @pe(%v: f32, %w: f32) attributes {hw.pe} {
  return
}
hw.design @top(%v: f32) {
  // expected-error@+1 {{'hw.instance' op incorrect number of operands for callee @pe}}
  hw.instance @pe(%v) : f32
}

// -----

func.func @pe(%v: f64) attributes {hw.pe} {
  return
}
hw.design @top(%v: f32) {
  // expected-error@+1 {{'hw.instance' op operand type mismatch: expected operand type 'f64', but provided 'f32' for operand number 0 of callee @pe}}
  hw.instance @pe(%v) : f32
}

// -----

// expected-error@+1 {{'hw.instance' op expects parent op 'hw.design'}}
hw.instance @pe()
func.func @pe() attributes {hw.pe} {
  return
}

// -----

// hw.fifo

func.func @w(%f: !hw.fifo<f32, 2>, %v: f32) attributes {hw.pe} {
  hw.write %f, %v : !hw.fifo<f32, 2>
  return
}
func.func @r(%f: !hw.fifo<f32, 2>) attributes {hw.pe} {
  %v = hw.read %f : !hw.fifo<f32, 2>
  return
}
hw.design @top(%v: f32) {
  // expected-error@+1 {{'hw.fifo' op fifo "f" has 2 producers (@w, @w); expected exactly one instance that writes it}}
  %f = hw.fifo "f" : !hw.fifo<f32, 2>
  hw.instance @w(%f, %v) : !hw.fifo<f32, 2>, f32
  hw.instance @w(%f, %v) : !hw.fifo<f32, 2>, f32
  hw.instance @r(%f) : !hw.fifo<f32, 2>
}

// -----

func.func @w(%f: !hw.fifo<f32, 2>, %v: f32) attributes {hw.pe} {
  hw.write %f, %v : !hw.fifo<f32, 2>
  return
}
hw.design @top(%v: f32) {
  // expected-error@+1 {{'hw.fifo' op fifo "f" has 0 consumers; expected exactly one instance that reads it}}
  %f = hw.fifo "f" : !hw.fifo<f32, 2>
  hw.instance @w(%f, %v) : !hw.fifo<f32, 2>, f32
}

// -----

func.func @r(%f: !hw.fifo<f32, 2>) attributes {hw.pe} {
  %v = hw.read %f : !hw.fifo<f32, 2>
  return
}
hw.design @top() {
  // expected-error@+1 {{'hw.fifo' op fifo "f" has 0 producers; expected exactly one instance that writes it}}
  %f = hw.fifo "f" : !hw.fifo<f32, 2>
  hw.instance @r(%f) : !hw.fifo<f32, 2>
}

// -----

func.func @f() {
  // expected-error@+1 {{'hw.fifo' op expects parent op 'hw.design'}}
  %f = hw.fifo "f" : !hw.fifo<f32, 2>
  return
}

// -----

// hw.write / hw.read

func.func @pe(%f: !hw.fifo<f32, 2>, %v: i32) attributes {hw.pe} {
  // expected-error@+1 {{'hw.write' op value type i32 does not match the element type f32 of fifo argument #0 of @pe}}
  "hw.write"(%f, %v) : (!hw.fifo<f32, 2>, i32) -> ()
  return
}

// -----

func.func @pe(%f: !hw.fifo<f32, 2>) attributes {hw.pe} {
  // expected-error@+1 {{'hw.read' op result type i32 does not match the element type f32 of fifo argument #0 of @pe}}
  %v = "hw.read"(%f) : (!hw.fifo<f32, 2>) -> i32
  return
}

// -----

func.func @pe(%f: f32) attributes {hw.pe} {
  // expected-error@+1 {{'hw.read' op operand #0 must be hw fifo, but got 'f32'}}
  %v = "hw.read"(%f) : (f32) -> f32
  return
}
