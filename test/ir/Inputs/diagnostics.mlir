// Error cases whose diagnostics (message, location, caret, notes and their order) are mlir-opt-19's, byte for byte;
// read by ../diagnostics-mlir-opt.mlir.

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
func.func @f() attributes {a = strided<[1, ?], offset: ?>, b = @} {
  return
}
// -----
func.func @f() {
  %0 = arith.constant 1 : i32
  %0 = arith.constant 2 : i32
  return
}
// -----
func.func @f(%a: index) {
  cf.br ^bb1(%a : index)
^bb1(%a : index):
  return
}
// -----
func.func @f(%a: i32, %a: i32) {
  return
}
// -----
func.func @f(%a: index) {
  scf.for %a = %a to %a step %a {
  }
  return
}
// -----
func.func @f(%a: index) {
  "test.op"(%b) : (index) -> ()
  scf.for %b = %a to %a step %a {
  }
  return
}
// -----
func.func @f() -> i32 {
  %0 = arith.constant 1 : i32
  return %0#1 : i32
}
// -----
func.func @f() {
  "test.use"(%0#1) : (i32) -> ()
  %0:2 = "test.def"() : () -> (i64, i64)
  return
}
// -----
func.func @f() {
  "test.y"(%0#3) : (index) -> ()
  %0:2 = "test.x"() : () -> (index, index)
  return
}
// -----
func.func @f() {
  scf.execute_region {
    "test.use"(%x) : (i64) -> ()
    %x = "test.def"() : () -> i64
    scf.yield
  }
  "test.use"(%x) : (i64) -> ()
  return
}
// -----
func.func @f() {
  "func.return"() : () -> () -> ()
}
// -----
func.func @f() {
  return
// -----
func.func @f() {
  "arith.foo"() : () -> ()
  return
}
// -----
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "func.return"() <{}> : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = () -> i32, sym_name = "f"}> ({
  %0 = "arith.constant"() <{value = 1 : i32, bogus = 3}> : () -> i32
  "func.return"(%0) : (i32) -> ()
}) : () -> ()
// -----
"func.func"() ({
}) : () -> ()
// -----
func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %0 = arith.constant 1 : i32
  cf.br ^bb3
^bb2:
  %1 = arith.addi %0, %0 : i32
  cf.br ^bb3
^bb3:
  return
}
// -----
func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1(%c : i1), ^bb2
^bb1(%x : i1):
  cf.br ^bb3
^bb2:
  %1 = arith.xori %x, %x : i1
  cf.br ^bb3
^bb3:
  return
}
// -----
func.func @f(%c: i1) {
  scf.execute_region {
    %1 = arith.addi %0, %0 : i32
    scf.yield
  }
  %0 = arith.constant 1 : i32
  return
}
// -----
func.func @f(%c: i1) {
  %1 = arith.addi %0, %0 : i32
  scf.execute_region {
    %0 = arith.constant 1 : i32
    scf.yield
  }
  return
}
// -----
func.func @f(%a: index) -> i32 {
  scf.for %i = %a to %a step %a {
  }
}
// -----
func.func @f(%a: i32) -> i64 {
  return %a : i32
}
// -----
func.func private @g(i32) -> (i32, f32)
func.func @f(%a: i32) {
  %0:2 = call @g(%a) : (i32) -> (i32, i64)
  return
}
// -----
func.func @f() {
  %0 = func.constant @nope : (i32) -> i32
  return
}
// -----
func.func @g() {
  return
}
func.func private @g() loc("elsewhere.mlir":3:4)
// -----
func.func @f() attributes {a = #foo} {
  return
}
// -----
func.func @f(%a: !foo.bar) {
  return
}
// -----
func.func @f() attributes {a = #foo<"x">} {
  return
}
// -----
func.func @f() attributes {a = #foo.bar<} {
  return
}
// -----
func.func @f(%a: !arith.foo) {
  return
}
// -----
func.func @f() attributes {a = #arith.foo} {
  return
}
// -----
func.func @f() attributes {a = #arith<"foo">} {
  return
}
// -----
#map = affine_map<(d0) -> (d0 + d1)>
// -----
func.func @f() attributes {a = affine_map<(d0) -> (d0 + 99999999999999999999)>} {
  return
}
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
func.func @f() {
	%0 = arith.constant	1 : i3x
}
// -----
func.func @f() attributes {a = "é中", b = #} {
}
// -----
module {
  %r = arith.constant 1 : i32
  func.func @isolated_regions_share_names() {
    %r = arith.constant 2 : i32
    return
  }
}
// -----
module {
  %r = arith.constant 1 : i32
  "func.func"() <{function_type = () -> (), sym_name = "uses_a_value_from_above"}> ({
    %x = arith.addi %r, %r : i32
    func.return
  }) : () -> ()
}
// -----
func.func @uses_a_later_value() {
  %x = arith.addi %r, %r : i32
  return
}
%r = arith.constant 1 : i32
// -----
func.func @f(%a: i32) {
  "foo.r"(1) : () -> ()
  return
}
// -----
func.func @f(%a: i32) {
  "foo.r" : () -> ()
  return
}
// -----
func.func @f(%a: i32) {
  "foo.r"(%a,   1) : () -> ()
  return
}
// -----
func.func pivate @f()
// -----
func.func @f() {
  func.call :b1() : () -> ()
  return
}
// -----
func.func @f() {
  func.call "x"() : () -> ()
  return
}
// -----
func.func @f(%a: i32) {
  %0 = unrealized_conversion_cast %a : i32 to i64
  return
}
// -----
func.func @f() {
  module {
  }
  return
}
// -----
func.func @f() attributes {a = 1 b = 2}
// -----
#m0 = affine_map<(d0 d1) -> (d0)>
// -----
#m1 = affine_map<(d0)[s0 s1] -> (d0)>
// -----
#m2 = affine_map<(d0) -> (d0 d0)>
// -----
#s0 = affine_set<(d0) : (d0 >= 0 d0)>
// -----
func.func @f(%m: memref<8xf32>) {
  %0 = memref.subview %m[0] [4] [1] : memref<8xf32> memref<4xf32>
  return
}
// -----
#m3 = affine_map<(d0) -> (d0 + )>
// -----
#m4 = affine_map<(d0) -> (* d0)>
// -----
#m5 = affine_map<(d0) : (d0 >= 0)>
// -----
#s1 = affine_set<(d0) -> (d0)>
// -----
#m6 = affine_map<(d0) 5 (d0)>
// -----
func.func @f() attributes {  } {
  return
}
// -----
func.func @f() attributes {   : i32} {
  return
}
// -----
func.func @f() {
  affine.for zj = 0 to 512 {
  }
  return
}
// -----
fun
.func @f()
// -----
func.func @f() {
  return loc("a":1:x)
}
// -----
func.func @f() {
  return loc("a":x:1)
}
// -----
func.func @f() {
  return loc("a":1:2 to 3)
}
// -----
func.func @f() {
  return loc("a"("b" x))
}
// -----
func.func @f() {
  return loc(callsite("a" x "b"))
}
// -----
func.func @f() {
  return loc(callsite("a" at "b" x))
}
// -----
func.func @f() {
  return loc(callsite "a")
}
// -----
func.func @f() {
  return loc(fused["a" "b"])
}
// -----
func.func @f() {
  return loc(fused<1 "b"])
}
// -----
func.func @f(%a: i64) -> i64 {
  return %a : 
}
// -----
func.func @f(%a: i64) {
  cf.br ^bb1(%a : )
^bb1(%x: i64):
  return
}
// -----
func.func @f(%a#1: i32) {
  return
}
// -----
func.func @f() {
  %0:2 = "x.y"() : () -> (i32, i32)
  "x.z"(%0 #1) : (i32) -> ()
  "x.z"(%0#4294967296) : (i32) -> ()
  return
}
// -----
func.func @f() {
  %0 = "x.y"() : () -> (i32)
  "x.z"(%0#t) : (i32) -> ()
  return
}
// -----
func.func @f(%m: memref<4x4xf32>, %i: index) {
  %0 = affine.load %m[%i %i] : memref<4x4xf32>
  return
}
// -----
func.func @f(%m: memref<3xf32>) {
  %1 = memref.reinterpret_cast %m to offset: <[0], sizes: [3], strides: [1] : memref<3xf32> to memref<3xf32>
  return
}
// -----
func.func @f(%m: memref<3xf32>) {
  %1 = memref.reinterpret_cast %m to offset: [0], sizes: [3, strides: [1] : memref<3xf32> to memref<3xf32>
  return
}
// -----
func.func @f(%m: memref<3xf32>) {
  %1 = memref.reinterpret_cast %m to offset: [0], sizes: [3 : memref<3xf32> to memref<3xf32>
  return
}
// -----
"t.x"() {a = affine_map{(d0) -> (d0)>} : () -> ()
// -----
"t.x"() {a = affine_map<(d0) -> (d0)} : () -> ()
// -----
"t.x"() {a = affine_set{(d0) : (d0 >= 0)>} : () -> ()
// -----
"t.x"() {a = affine_set<(d0) : (d0 >= 0)} : () -> ()
// -----
%0 =   1
// -----
%0:   x = "t.x"() : () -> (i32)
// -----
"t.x"() <{a}> ({
^bb0:   "t.y"() : () -> ()
  cf.br   x
}) : () -> ()
// -----
func.func @f() {
  cf.br   x
}
// -----
"t.x"() {a = strided<[1],   offset: 1>} : () -> ()
// -----
"t.x"() {a = @a::   b} : () -> ()
// -----
"t.x"() : () -> () loc(   1)
// -----
"t.x"() : () -> () loc("a":1:   x)
// -----
"t.x"() {a = affine_set<(d0) : (d0   )>} : () -> ()
// -----
"t.x"() {a = affine_map<(   1) -> ()>} : () -> ()
// -----
"t.x"() {a = dense_resource<   1> : tensor<1xi32>} : () -> ()
// -----
"t.x"() {a = #foo.x<   1} : () -> ()
// -----
"t.x"() {a = opaque<   1>} : () -> ()
// -----
"t.x"() {a = sparse<   1>} : () -> ()
// -----
func.func @f() {
  %0 = arith.constant   : i32
  return
}
// -----
func.func @f(%a: i32) {
  %0 = arith.cmpi   1, %a, %a : i32
  return
}
// -----
func.func @f() {
  return   x
}
// -----
func.func @f(%a: index) -> (index, index) {
  return %a, %a, %a : index, index index
}
// -----
func.func private @f() -> (f32) attributes   test.x = [1]
// -----
"t.x"() {a = opaque<"a", "b">} : () -> ()
// -----
"t.x"() : () -> opaque<"a", "b">
// -----
func.func @f(%c0: index) {
  scf.parallel (%k, %l) = (%c0, %c0 to (%c0, %c0) step (%c0, %c0) {
  }
  return
}
// -----
func.func @f(%cst: f32) {
  %sum = affine.for %k = 0 to 1024 iter_args(%red = %cst -> (f32) {
    affine.yield %red : f32
  }
  return
}
// -----
func.func @f(%cst: f32) {
  %sum = affine.for %k = 0 to 1024 iter_args %red = %cst -> (f32) {
    affine.yield %red : f32
  }
  return
}
// -----
func.func @f(%c0: index, %cst: f32) {
  %sum = scf.for %k = %c0 to %c0 step %c0 iter_args(%red = %cst, %x %cst) -> (f32) {
    scf.yield %red : f32
  }
  return
}
// -----
func.func @f(%c0: index, %cst: f32) {
  %sum = scf.for %k = %c0 to %c0 step %c0 iter_args() -> () {
    scf.yield
  }
  return
}
// -----
"test.graph"() ({
  "foo.a"() ({
    "foo.use"(%x) : (i32) -> ()
    "foo.t"() : () -> ()
  }) : () -> ()
  %x = "foo.def"() : () -> i32
  "foo.t"() : () -> ()
}) : () -> ()
// -----
func.func @f() {
  "foo.a"() ({
    %y = "foo.def"() : () -> i32
    "foo.t"() : () -> ()
  }) : () -> ()
  "foo.use"(%y) : (i32) -> ()
  return
}
// -----
func.func @g() {
  %y = "foo.def"() : () -> i32
  "foo.a"() ({
    %y = "foo.def"() : () -> i32
    "foo.t"() : () -> ()
  }) : () -> ()
  return
}
// -----
func.func @h(%a: index) {
  affine.for %a = 0 to 4 {
  }
  return
}
// -----
func.func @k() {
  "foo.a"() ({
    "foo.use"(%z) : (i32) -> ()
    %z = "foo.def"() : () -> i32
    "foo.t"() : () -> ()
  }) : () -> ()
  "foo.use2"(%z) : (i32) -> ()
  return
}
// -----
func.func @m() {
  "foo.use"(%q#1) : (i32) -> ()
  %q = "foo.def"() : () -> i32
  return
}
// -----
func@.func @f() {
  return
}
// -----
"foo.op"() {a = @$x} : () -> ()
// -----
#map = affine_map<!d0) -> (d0)>
// -----
#set = affine_set<!d0) : (d0 >= 0)>
// -----
func.func private @f()
func.func @g() {
  call @f() :z() -> ()
  return
}
// -----
func.func private @f()
func.func @g() {
  call @f() : i32
  return
}
// -----
func.func @f() {
  cf.br ^bb1
^bb1(%a i32):
  return
}
// -----
func.func @f() {
  cf.br ^bb1
^bb1(%a loc("x":1:1): i32):
  return
}
// -----
func.func @f(%c: i32) {
  cf.br ^bb1(%c : i32)
^bb1(%a: i32 loc("x":1:1)):
  return
}
// -----
{-#
  dialect_resources: {
    builtin: {
      blob1: true
    }
  }
#-}
// -----
{-#
  dialect_resources: {
    builtin: {
      blob1: "hello"
    }
  }
#-}
// -----
{-#
  dialect_resources: {
    builtin: {
      blob1:b1: "0x08000000"
    }
  }
#-}
// -----
#map1 = affine_map<()[s0, s1] -> 64, s0 - s1)>
// -----
#set = affine_set<(d0) : d0 >= 0>
// -----
#set = affine_set<(d0) : (d0 > 0)>
// -----
!t>ype = i32
// -----
#a>x = 1
// -----
func.func @f(%v0: f32) {
  "foo.op0"(%v0) < (f32) -> ()
  return
}
// -----
"foo.x"() {a = dense<1> : memref<2xi32>, b = dense<[1.0, 2.0]> : memref<2xf32>, c = sparse<[[1]], [3]> : memref<2xi32>} : () -> ()
// -----
"foo.x"() {a = dense<1> : memref<?xi32>} : () -> ()
// -----
"foo.x"() {a = dense<1> : memref<*xi32>} : () -> ()
// -----
"foo.x"() {a = dense<1> : tensor<*xi32>} : () -> ()
// -----
"foo.x"() {a = dense<"0x0A0B0C0D"> : tensor<2xi64>} : () -> ()
// -----
func.func @f(%a: i32, %b: i32) -> i32 {
  return %a, %b : i32
}
// -----
func.func @f(%a: i32, %b: i32, %c: index) {
  %r = scf.for %i = %c to %c step %c iter_args(%x = %a) -> (i32) {
    scf.yield %x, %b : i32
  }
  return
}
// -----
func.func @f(%a: i32, %b: i32) {
  "test.x"() : () -> ()
  cf.br ^bb1(%a, %b : i32)
^bb1(%x: i32, %y: i32):
  return
}
// -----
func.func @f(%c: i1, %a: i32, %b: index) {
  scf.while (%x = %a) : (i32) -> (i32) {
    scf.condition(%c) %x, %b : i32
  } do {
  ^bb0(%y: i32):
    scf.yield %y : i32
  }
  return
}
// -----
func.func @f() -> i32 {
  %2 = arith.constant 3  i32
  return %2 : i32
}
// -----
"foo.x"() {i32 = 1} : () -> ()
