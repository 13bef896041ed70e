// --mlir-print-value-users: a comment after each op names the users of its results (` // user: %3`, ` // users: ...`,
// one group in parentheses per result of a multi-result op, `unused`) or, for an op without results that has
// operands, its own number (` // id: %7`); each block argument gets a line `// %arg0 is used by ...` (also in an entry
// block whose header is not printed). Ops without results take value numbers then, so the numbers shift; the
// top-level module and each function take one too. print-value-users-mlir-opt.mlir compares with mlir-opt-19.
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-value-users | FileCheck %s
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-value-users --mlir-print-op-generic | FileCheck %s --check-prefix=GEN
// RUN: allo-opt %s --allow-unregistered-dialect --mlir-print-value-users --mlir-print-ir-after-all --pass-pipeline='builtin.module(func.func(cse))' -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// RUN: allo-opt %s --allow-unregistered-dialect | FileCheck %s --check-prefix=OFF

// CHECK-LABEL: func.func @f(%arg0: i32, %arg1: i32, %arg2: i64) -> i32 {
// CHECK-NEXT:    // %arg0 is used by %18, %11#0, %11#1, %7
// CHECK-NEXT:    // %arg1 is used by %9
// CHECK-NEXT:    // %arg2 is unused
// CHECK-NEXT:    %c1_i32 = arith.constant 1 : i32 // user: %7
// CHECK-NEXT:    %7 = arith.addi %arg0, %c1_i32 : i32 // user: %8
// CHECK-NEXT:    %8 = arith.addi %7, %7 : i32 // users: %14, %9
// CHECK-NEXT:    %9 = arith.muli %8, %arg1 : i32 // users: %10#0, %10#1
// CHECK-NEXT:    %10:2 = "test.two"(%9) : (i32) -> (i32, i32) // users: (%11#0, %11#1), (%11#0, %11#1)
// CHECK-NEXT:    %11:2 = "test.two"(%10#0, %10#1, %arg0) : (i32, i32, i32) -> (i32, i32) // users: (%12), (unused)
// CHECK-NEXT:    "test.sink"(%11#0) : (i32) -> () // id: %12
// CHECK-NEXT:    "test.none"() : () -> (){{$}}
// CHECK-NEXT:    cf.br ^bb1(%8 : i32) // id: %14
// CHECK-NEXT:  ^bb1(%15: i32):  // pred: ^bb0
// CHECK-NEXT:    // %15 is used by %18, %18
// CHECK:         %16 = scf.if %true -> (i32) {
// CHECK-NEXT:      %18 = arith.addi %15, %arg0 : i32 // user: %19
// CHECK-NEXT:      scf.yield %18 : i32 // id: %19
// CHECK-NEXT:    } else {
// CHECK-NEXT:      scf.yield %15 : i32 // id: %18
// CHECK-NEXT:    } // user: %17
// CHECK-NEXT:    return %16 : i32 // id: %17
// CHECK-LABEL: func.func @loops
// CHECK:         %7 = scf.for %arg2 = %c0 to %arg1 step %c1 iter_args(%arg3 = %cst) -> (f32) {
// CHECK-NEXT:      // %arg2 is used by %10
// CHECK-NEXT:      // %arg3 is used by %11
// CHECK-NEXT:      %c0_0 = arith.constant 0 : index // unused
// CHECK:         affine.for %arg2 = 0 to 8 {
// CHECK-NEXT:      // %arg2 is used by %11, %10
// CHECK-LABEL: func.func @cfg
// CHECK:       ^bb2(%10: i32, %11: i32):  // pred: ^bb0
// CHECK-NEXT:    // %10 is used by %12
// CHECK-NEXT:    // %11 is unused
// CHECK-LABEL: func.func @groups
// CHECK-NEXT:    %a, %b, %b_0 = "test.custom_result_name"() <{names = ["a", "b", "b"]}> : () -> (i32, i32, i32) // users: (%7), (%8), (%8, %7)
// CHECK:       func.func private @decl(i32) -> i32{{$}}
// CHECK:       "foo.graph"() ({
// CHECK-NEXT:    %7 = "foo.op"(%7, %8) : (i32, i32) -> i32 // users: %8, %7
// CHECK-NEXT:    %8 = "foo.op"(%7) : (i32) -> i32 // user: %7
// CHECK-NEXT:  }) : () -> (){{$}}
// CHECK-NEXT:  }{{$}}

// Generic form: every value numbered uniquely, and the entry block header printed.
// GEN-LABEL: sym_name = "f"
// GEN-NEXT:    ^bb0(%arg8: i32, %arg9: i32, %arg10: i64):
// GEN-NEXT:      // %arg8 is used by %53, %44#0, %44#1, %40
// GEN:           "func.return"(%50) : (i32) -> () // id: %51

// A function printed alone (an IR dump) is numbered from itself.
// DUMP:       // -----// IR Dump After CSE (cse) //----- //
// DUMP-NEXT:  func.func @f(%arg0: i32, %arg1: i32, %arg2: i64) -> i32 {
// DUMP-NEXT:    // %arg0 is used by %11, %4#0, %4#1, %0
// DUMP:         return %9 : i32 // id: %10

// OFF-NOT: //
// OFF: %1 = arith.addi %0, %0 : i32

func.func @f(%a: i32, %b: i32, %unused: i64) -> i32 {
  %c = arith.constant 1 : i32
  %0 = arith.addi %a, %c : i32
  %1 = arith.addi %0, %0 : i32
  %2 = arith.muli %1, %b : i32
  %3:2 = "test.two"(%2) : (i32) -> (i32, i32)
  %s, %t = "test.two"(%3#0, %3#1, %a) : (i32, i32, i32) -> (i32, i32)
  "test.sink"(%s) : (i32) -> ()
  "test.none"() : () -> ()
  cf.br ^bb1(%1 : i32)
^bb1(%x: i32):
  %true = arith.constant true
  %r = scf.if %true -> i32 {
    %y = arith.addi %x, %a : i32
    scf.yield %y : i32
  } else {
    scf.yield %x : i32
  }
  return %r : i32
}

func.func @loops(%m: memref<8xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (f32) {
    %c0_0 = arith.constant 0 : index
    %v = memref.load %m[%i] : memref<8xf32>
    %s = arith.addf %acc, %v : f32
    scf.yield %s : f32
  }
  affine.for %k = 0 to 8 {
    %c0_1 = arith.constant 0 : index
    %w = affine.load %m[%k] : memref<8xf32>
    affine.store %w, %m[%k + 1] : memref<8xf32>
  }
  return %r : f32
}

func.func @cfg(%a: i32, %b: i1) -> i32 {
  cf.cond_br %b, ^bb1(%a : i32), ^bb2(%a, %a : i32, i32)
^bb1(%x: i32):
  cf.br ^bb3(%x : i32)
^bb2(%y: i32, %z: i32):
  %s = arith.addi %y, %y : i32
  cf.br ^bb3(%s : i32)
^bb3(%q: i32):
  return %q : i32
}

func.func @groups() -> (i32, i32) {
  %a, %b:2 = "test.custom_result_name"() {names = ["a", "b", "b"]} : () -> (i32, i32, i32)
  %c = arith.addi %b#1, %a : i32
  %d = arith.addi %b#0, %b#1 : i32
  return %c, %d : i32, i32
}

func.func private @decl(i32) -> i32

"foo.region"() ({
^bb0(%u: i32):
  %z = "foo.op"(%u, %u) : (i32, i32) -> i32
  "foo.use"(%z, %z) : (i32, i32) -> ()
}) : () -> ()

"foo.graph"() ({
  %g1 = "foo.op"(%g1, %g2) : (i32, i32) -> i32
  %g2 = "foo.op"(%g1) : (i32) -> i32
}) : () -> ()
