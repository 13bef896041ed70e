// RUN: allo-opt %s --split-input-file --verify-diagnostics

// Types and attributes.

// expected-error@+1 {{stream depth must be a positive integer, got 0}}
df.region @r(%a: !df.stream<f32, 0>) {
}

// -----

// expected-error@+1 {{stream element type must be an integer, index, float or statically shaped memref type, got tensor<4xf32>}}
df.region @r(%a: !df.stream<tensor<4xf32>, 2>) {
}

// -----

// expected-error@+1 {{stream array must have 1 to 3 dimensions, got 4}}
df.region @r(%a: !df.stream_array<[2, 2, 2, 2], f32, 2>) {
}

// -----

// expected-error@+1 {{stream array dimensions must be positive integers, got 0}}
df.region @r(%a: !df.stream_array<[2, 0], f32, 2>) {
}

// -----

df.region @r(%A: memref<4xf32>) {
  // expected-error@+1 {{expected layout entry 'S<axis>' or 'R', got 'X0'}}
  df.kernel @k mapping [2] args(%A) layouts [#df.layout<[X0]>] : memref<4xf32> {
  ^bb0(%a: memref<2xf32>):
  }
}

// -----

// df.region

df.region @r<P0>() {
  // expected-error@-1 {{'df.region' op @r: body may only contain 'df.stream' and 'df.kernel' ops, found 'df.param'}}
  %p = df.param "P0" : index
}

// -----

// expected-error@+1 {{'df.region' op @r: a region returns nothing, but its function type has 1 results}}
df.region @r() -> i32 {
}

// -----

// expected-error@+1 {{'df.region' op @r: expects a body of exactly one block}}
"df.region"() <{function_type = () -> (), sym_name = "r"}> ({
}) : () -> ()

// -----

// expected-error@+1 {{'df.region' op @r: entry block must have 1 arguments to match function signature}}
"df.region"() <{function_type = (i32) -> (), sym_name = "r"}> ({
^bb0:
}) : () -> ()

// -----

// expected-error@+1 {{'df.region' op @r: type of entry block argument #0(i64) must match the type of the corresponding argument in function signature(i32)}}
"df.region"() <{function_type = (i32) -> (), sym_name = "r"}> ({
^bb0(%a: i64):
}) : () -> ()

// -----

// expected-error@+1 {{'df.region' op @r: duplicate parameter 'P0'}}
df.region @r<P0, P0>() {
}

// -----

// expected-error@+1 {{'df.region' op @r: redefinition of symbol named 'k'}}
df.region @r() {
  df.kernel @k mapping [1] {
  }
  df.kernel @k mapping [2] {
  }
}

// -----

// df.kernel

df.region @r() {
  // expected-error@+1 {{'df.kernel' op @k: mapping must have 1 to 3 dimensions, got 4}}
  df.kernel @k mapping [2, 2, 2, 2] {
  }
}

// -----

df.region @r() {
  // expected-error@+1 {{'df.kernel' op @k: mapping must have 1 to 3 dimensions, got 0}}
  df.kernel @k mapping [] {
  }
}

// -----

df.region @r() {
  // expected-error@+1 {{'df.kernel' op @k: mapping entry #1 must be a positive integer or a parameter name, got 0}}
  df.kernel @k mapping [2, 0] {
  }
}

// -----

df.region @r<P0>() {
  // expected-error@+1 {{'df.kernel' op @k: mapping parameter 'P1' is not a parameter of region @r}}
  df.kernel @k mapping [P0, P1] {
  }
}

// -----

df.region @r() {
  // expected-error@+1 {{'df.kernel' op @k: expects a body of exactly one block}}
  "df.kernel"() <{mapping = [1], sym_name = "k"}> ({
  }) : () -> ()
}

// -----

df.region @r(%A: memref<4xf32>) {
  // expected-error@+1 {{'df.kernel' op @k: expects 1 block arguments (one per operand), got 0}}
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  }
}

// -----

df.region @r(%A: memref<4xf32>) {
  // expected-error@+1 {{'df.kernel' op @k: block argument #0 has type memref<8xf32>, but operand #0 has type memref<4xf32> and no layout}}
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<8xf32>):
  }
}

// -----

df.region @r(%A: memref<4xf32>, %B: memref<4xf32>) {
  // expected-error@+1 {{'df.kernel' op @k: expects 2 layouts (one per operand), got 1}}
  df.kernel @k mapping [2] args(%A, %B) layouts [#df.layout<[S0]>] : memref<4xf32>, memref<4xf32> {
  ^bb0(%a: memref<2xf32>, %b: memref<4xf32>):
  }
}

// -----

df.region @r(%A: memref<4x4xf32>) {
  // expected-error@+1 {{'df.kernel' op @k: layout #0 #df.layout<[S0]> has rank 1, but operand #0 (memref<4x4xf32>) has rank 2}}
  df.kernel @k mapping [2] args(%A) layouts [#df.layout<[S0]>] : memref<4x4xf32> {
  ^bb0(%a: memref<2x4xf32>):
  }
}

// -----

df.region @r(%A: memref<4x4xf32>) {
  // expected-error@+1 {{'df.kernel' op @k: layout #0 #df.layout<[R, S1]> shards dimension 1 over mesh axis 1, but the mapping [2] has 1 axes}}
  df.kernel @k mapping [2] args(%A) layouts [#df.layout<[R, S1]>] : memref<4x4xf32> {
  ^bb0(%a: memref<4x2xf32>):
  }
}

// -----

df.region @r(%A: memref<6x4xf32>) {
  // expected-error@+1 {{'df.kernel' op @k: layout #0 #df.layout<[S1, R]>: dimension 0 of size 6 is not divisible by mesh axis 1 of size 4}}
  df.kernel @k mapping [2, 4] args(%A) layouts [#df.layout<[S1, R]>] : memref<6x4xf32> {
  ^bb0(%a: memref<1x4xf32>):
  }
}

// -----

df.region @r(%A: memref<64x64xi32>) {
  // expected-error@+1 {{'df.kernel' op @k: block argument #0 has type memref<64x64xi32>, but layout #df.layout<[S1, R]> on mapping [2, 2] gives memref<32x64xi32>}}
  df.kernel @k mapping [2, 2] args(%A) layouts [#df.layout<[S1, R]>] : memref<64x64xi32> {
  ^bb0(%a: memref<64x64xi32>):
  }
}

// -----

// expected-error@+1 {{'df.kernel' op expects parent op to be one of 'df.region, df.kernel'}}
df.kernel @k mapping [1] {
}

// -----

// df.stream

df.region @r() {
  df.kernel @k mapping [1] {
    // expected-error@+1 {{'df.stream' op expects parent op 'df.region'}}
    %s = df.stream : !df.stream<f32, 2>
  }
}

// -----

// df.get_pid

df.region @r() {
  df.kernel @k mapping [2, 2] {
    // expected-error@+1 {{'df.get_pid' op in kernel @k: expects 2 results (one per mapping dimension), got 1}}
    %i = df.get_pid : index
  }
}

// -----

func.func @f() {
  // expected-error@+1 {{'df.get_pid' op must be nested in a 'df.kernel'}}
  %i = df.get_pid : index
  return
}

// -----

// df.param

df.region @r<P0>() {
  df.kernel @k mapping [P0] {
    // expected-error@+1 {{'df.param' op in kernel @k: 'P1' is not a parameter of region @r}}
    %p = df.param "P1" : index
  }
}

// -----

func.func @f() {
  // expected-error@+1 {{'df.param' op must be nested in a 'df.region'}}
  %p = df.param "P0" : index
  return
}

// -----

// df.put / df.get

df.region @r() {
  %s = df.stream : !df.stream_array<[3, 3], f32, 4>
  df.kernel @k mapping [3] {
    %i = df.get_pid : index
    // expected-error@+1 {{'df.get' op in kernel @k: stream #0 of region @r of type !df.stream_array<[3, 3], f32, 4> takes 2 indices, got 1}}
    %v = df.get %s[%i] : !df.stream_array<[3, 3], f32, 4>
  }
}

// -----

df.region @r() {
  %t = df.stream : !df.stream<f32, 4>
  %s = df.stream {name = "pipe"} : !df.stream<f32, 4>
  df.kernel @k mapping [1] {
    %i = df.get_pid : index
    %v = df.get %t : !df.stream<f32, 4>
    // expected-error@+1 {{'df.put' op in kernel @k: stream "pipe" of type !df.stream<f32, 4> takes 0 indices, got 1}}
    df.put %s[%i], %v : !df.stream<f32, 4>
  }
}

// -----

df.region @r() {
  %s = df.stream : !df.stream_array<[3, 3], f32, 4>
  df.kernel @k mapping [1] {
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %v = df.get %s[%c1, %c1] : !df.stream_array<[3, 3], f32, 4>
    // expected-error@+1 {{'df.put' op in kernel @k: index #1 (3) of stream #0 of region @r is out of bounds for a dimension of size 3}}
    df.put %s[%c1, %c3], %v : !df.stream_array<[3, 3], f32, 4>
  }
}

// -----

df.region @r(%x: i32) {
  %s = df.stream : !df.stream<f32, 4>
  df.kernel @k mapping [1] args(%x) : i32 {
  ^bb0(%v: i32):
    // expected-error@+1 {{'df.put' op in kernel @k: value type i32 does not match the element type f32 of stream #0 of region @r}}
    "df.put"(%s, %v) : (!df.stream<f32, 4>, i32) -> ()
  }
}

// -----

df.region @r() {
  %s = df.stream : !df.stream<f32, 4>
  df.kernel @k mapping [1] {
    // expected-error@+1 {{'df.get' op in kernel @k: result type i32 does not match the element type f32 of stream #0 of region @r}}
    %v = "df.get"(%s) : (!df.stream<f32, 4>) -> i32
  }
}

// -----

df.region @r(%x: f32) {
  df.kernel @k mapping [1] args(%x) : f32 {
  ^bb0(%v: f32):
    // expected-error@+1 {{'df.put' op operand #0 must be df stream or stream array, but got 'f32'}}
    "df.put"(%v, %v) : (f32, f32) -> ()
  }
}

// -----

// df.meta_if

df.region @r() {
  df.kernel @k mapping [2] {
    %i = df.get_pid : index
    // expected-error@+1 {{'df.meta_if' op operand #0 must be 1-bit signless integer, but got 'index'}}
    "df.meta_if"(%i) ({
      "df.yield"() : () -> ()
    }, {
    }) : (index) -> ()
  }
}

// -----

func.func @f(%c: i1) {
  // expected-error@+1 {{'df.meta_if' op must be nested in a 'df.kernel'}}
  df.meta_if %c {
  }
  return
}

// -----

// df.call

df.region @r(%A: memref<4xf32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
    // expected-error@+1 {{'df.call' op in kernel @k: 'nowhere' does not reference a valid df.region}}
    df.call @nowhere(%a) : memref<4xf32>
  }
}

// -----

func.func @g(%a: memref<4xf32>) {
  return
}
df.region @r(%A: memref<4xf32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
    // expected-error@+1 {{'df.call' op in kernel @k: 'g' does not reference a valid df.region}}
    df.call @g(%a) : memref<4xf32>
  }
}

// -----

df.region @inner<P0>(%A: memref<4xf32>) {
}
df.region @r(%A: memref<4xf32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
    // expected-error@+1 {{'df.call' op in kernel @k: region @inner has 1 parameters, but 0 were given}}
    df.call @inner(%a) : memref<4xf32>
  }
}

// -----

df.region @inner<P0>(%A: memref<4xf32>) {
}
df.region @r(%A: memref<4xf32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
    // expected-error@+1 {{'df.call' op in kernel @k: parameter #0 of region @inner must be a positive integer, got 0}}
    df.call @inner<0>(%a) : memref<4xf32>
  }
}

// -----

df.region @inner(%A: memref<4xf32>, %B: memref<4xf32>) {
}
df.region @r(%A: memref<4xf32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
    // expected-error@+1 {{'df.call' op in kernel @k: incorrect number of operands for callee}}
    df.call @inner(%a) : memref<4xf32>
  }
}

// -----

df.region @inner(%A: memref<8xf32>) {
}
df.region @r(%A: memref<4xf32>) {
  df.kernel @k mapping [1] args(%A) : memref<4xf32> {
  ^bb0(%a: memref<4xf32>):
    // expected-error@+1 {{'df.call' op in kernel @k: operand type mismatch: expected operand type 'memref<8xf32>', but provided 'memref<4xf32>' for operand number 0}}
    df.call @inner(%a) : memref<4xf32>
  }
}

// -----

df.region @inner(%A: memref<4xf32>) {
}
func.func @f(%a: memref<4xf32>) {
  // expected-error@+1 {{'df.call' op must be nested in a 'df.kernel'}}
  df.call @inner(%a) : memref<4xf32>
  return
}
