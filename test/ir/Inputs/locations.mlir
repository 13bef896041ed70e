// Location cases for test/ir/debuginfo-mlir-opt.mlir (compared with mlir-opt-19, also with --split-input-file).
#l0 = loc("a.c":1:2)
#l1 = loc("b.c":3:4)
func.func @kinds(%a: i32 loc("arg.c":9:9), %b: memref<4xf32, affine_map<(d0) -> (d0 + 1)>>) -> i32 attributes {l = loc("attr.c":5:5)} {
  %0 = arith.addi %a, %a : i32 loc(fused[#l0, #l1])
  %1 = arith.addi %0, %a : i32 loc(fused<"meta">[#l0, "n"(#l1)])
  %2 = arith.addi %1, %a : i32 loc(callsite(#l0 at "x.c":7:7))
  %3 = arith.addi %2, %a : i32 loc("name")
  %4 = arith.addi %3, %a : i32 loc("name2"(#l1))
  %5 = arith.addi %4, %a : i32 loc(unknown)
  %6 = arith.addi %5, %a : i32 loc(#l0)
  %7 = arith.addi %6, %a : i32 loc(fused<affine_map<(d0) -> (d0)>>[#l0, "arg.c":9:9])
  %8 = arith.addi %7, %a : i32 loc(fused[callsite("f"("a.c":1:2) at callsite("g" at "b.c":3:4)), unknown])
  affine.for %i = 0 to 4 {
    %x = affine.load %b[%i] : memref<4xf32, affine_map<(d0) -> (d0 + 1)>> loc("arg.c":9:9)
  } loc(#l1)
  "foo.br"(%8)[^bb1] : (i32) -> () loc(unknown)
^bb1(%z: i32 loc(#l0)):
  return %z : i32 loc("r.c":1:1)
} loc(fused["f.c":1:1, #l1])
func.func private @decl(i32 loc("q":1:1)) -> i32

// -----
"test.foo"() ({
^bb0(%q: i32 loc("qq":2:2)):
  "test.bar"() {x = loc("attr2":1:1)} : () -> () loc("attr2":1:1)
  "test.baz"() {y = loc(fused["p":1:1, "p":2:2])} : () -> () loc(fused["p":1:1, "p":2:2, "p":3:3])
  "test.qux"() : () -> () loc(fused["p":4:4, "qq":2:2])
}) : () -> ()

// -----
// Fused locations flatten nested fused locations with the same metadata and drop unknown and repeated ones.
func.func @fused(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32 loc(fused[fused["a":1:1, "b":2:2], unknown, "a":1:1])
  %1 = arith.addi %0, %x : i32 loc(fused<"m">[fused<"m">["q":1:1], "r":2:2, fused<"k">["s":3:3]])
  %2 = arith.addi %1, %x : i32 loc(fused<"m">[unknown])
  %3 = arith.addi %2, %x : i32 loc(fused[])
  %4 = arith.addi %3, %x : i32 loc(fused["only":1:1])
  return %4 : i32
}

// -----
// Elided terminators print no location; scf.if's regions, nested affine loops.
func.func @regions(%c: i1, %m: memref<8xf32>) {
  scf.if %c {
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 4 {
        %v = affine.load %m[%i] : memref<8xf32> loc("load":1:1)
        affine.store %v, %m[%j] : memref<8xf32> loc("store":1:1)
      } loc("inner":1:1)
    } loc("outer":1:1)
  } loc("if":1:1)
  return
}

// -----
#loc7 = loc("zz":1:1)
module {
  func.func @c() { return loc(#loc7) } loc(#loc8)
} loc(#loc9)
#loc8 = loc("yy":1:1)
#loc9 = loc(fused<"x">[])
