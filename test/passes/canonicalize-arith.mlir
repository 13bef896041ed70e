// arith canonicalization (MLIR 19's ArithOps.cpp folders, ArithCanonicalization.td and hand-written patterns): dead
// divisions (no memory effects), cmpi of equal operands, ext/trunc chains, constant reassociation, select, bitcast,
// extended arithmetic, negf pairs, cmpf of int-to-float conversions. packages/passes/test/conformance.test.ts compares
// this file with mlir-opt-19 (with --mlir-print-debuginfo too: DRR patterns fuse the locations of the matched ops).
// RUN: allo-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @div_dead(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> i32 {
// CHECK-NEXT: return %[[ARG0]] : i32
// CHECK-NEXT: {{^  }$}}
func.func @div_dead(%a: i32, %b: i32) -> i32 {
  %d = arith.divsi %a, %b : i32
  %e = arith.divui %a, %b : i32
  %f = arith.ceildivsi %a, %b : i32
  %g = arith.remsi %a, %b : i32
  return %a : i32
}

// CHECK-LABEL: func.func @cmp_same(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i1, i1, i1) {
// CHECK-NEXT: %[[FALSE:.*]] = arith.constant false
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: return %[[FALSE]], %[[TRUE]], %[[FALSE]] : i1, i1, i1
// CHECK-NEXT: {{^  }$}}
func.func @cmp_same(%a: i32) -> (i1, i1, i1) {
  %0 = arith.cmpi slt, %a, %a : i32
  %1 = arith.cmpi uge, %a, %a : i32
  %2 = arith.cmpi ne, %a, %a : i32
  return %0, %1, %2 : i1, i1, i1
}

// CHECK-LABEL: func.func @ext_trunc(
// CHECK-SAME: %[[ARG0:.*]]: i8) -> (i8, i16, i64, i8) {
// CHECK-NEXT: %[[V0:.*]] = arith.extsi %[[ARG0]] : i8 to i16
// CHECK-NEXT: %[[V1:.*]] = arith.extsi %[[ARG0]] : i8 to i64
// CHECK-NEXT: return %[[ARG0]], %[[V0]], %[[V1]], %[[ARG0]] : i8, i16, i64, i8
// CHECK-NEXT: {{^  }$}}
func.func @ext_trunc(%a: i8) -> (i8, i16, i64, i8) {
  %0 = arith.extsi %a : i8 to i32
  %1 = arith.trunci %0 : i32 to i8
  %2 = arith.trunci %0 : i32 to i16
  %3 = arith.extsi %0 : i32 to i64
  %4 = arith.extui %a : i8 to i32
  %5 = arith.trunci %4 : i32 to i16
  %6 = arith.trunci %5 : i16 to i8
  return %1, %2, %3, %6 : i8, i16, i64, i8
}

// CHECK-LABEL: func.func @addi_reassoc(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i32, i32, i32) {
// CHECK-NEXT: %[[C1_I32:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[CM1_I32:.*]] = arith.constant -1 : i32
// CHECK-NEXT: %[[C3_I32:.*]] = arith.constant 3 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.addi %[[ARG0]], %[[C3_I32]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.addi %[[ARG0]], %[[CM1_I32]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.subi %[[C1_I32]], %[[ARG0]] : i32
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : i32, i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @addi_reassoc(%a: i32) -> (i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %0 = arith.addi %a, %c1 : i32
  %1 = arith.addi %0, %c2 : i32
  %2 = arith.subi %0, %c2 : i32
  %3 = arith.subi %c2, %0 : i32
  return %1, %2, %3 : i32, i32, i32
}

// CHECK-LABEL: func.func @muli_div(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i32, i32, i32, i32) {
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[C4_I32:.*]] = arith.constant 4 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.muli %[[ARG0]], %[[C4_I32]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.divui %[[V0]], %[[C4_I32]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.divui %[[ARG0]], %[[ARG0]] : i32
// CHECK-NEXT: %[[V3:.*]] = arith.divsi %[[ARG0]], %[[C0_I32]] : i32
// CHECK-NEXT: return %[[V1]], %[[ARG0]], %[[V2]], %[[V3]] : i32, i32, i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @muli_div(%a: i32) -> (i32, i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %c0 = arith.constant 0 : i32
  %c4 = arith.constant 4 : i32
  %0 = arith.muli %a, %c4 : i32
  %1 = arith.divui %0, %c4 : i32
  %2 = arith.divsi %a, %c1 : i32
  %3 = arith.divui %a, %a : i32
  %4 = arith.divsi %a, %c0 : i32
  return %1, %2, %3, %4 : i32, i32, i32, i32
}

// CHECK-LABEL: func.func @select_pats(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i1, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) -> (i32, i32, i1, i1, i32) {
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: %[[FALSE:.*]] = arith.constant false
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[ARG3]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[ARG3]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.select %[[ARG0]], %[[TRUE]], %[[ARG1]] : i1
// CHECK-NEXT: %[[V3:.*]] = arith.select %[[ARG0]], %[[ARG1]], %[[FALSE]] : i1
// CHECK-NEXT: %[[V4:.*]] = arith.select %[[ARG0]], %[[ARG3]], %[[ARG2]] : i32
// CHECK-NEXT: return %[[V1]], %[[V0]], %[[V2]], %[[V3]], %[[V4]] : i32, i32, i1, i1, i32
// CHECK-NEXT: {{^  }$}}
func.func @select_pats(%c: i1, %d: i1, %a: i32, %b: i32) -> (i32, i32, i1, i1, i32) {
  %t = arith.constant true
  %f = arith.constant false
  %0 = arith.select %c, %a, %b : i32
  %1 = arith.select %c, %0, %b : i32
  %2 = arith.select %c, %t, %d : i1
  %3 = arith.select %c, %d, %f : i1
  %n = arith.xori %c, %t : i1
  %4 = arith.select %n, %a, %b : i32
  return %1, %0, %2, %3, %4 : i32, i32, i1, i1, i32
}

// CHECK-LABEL: func.func @bitcast_same(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: f32) -> (i32, f32) {
// CHECK-NEXT: return %[[ARG0]], %[[ARG1]] : i32, f32
// CHECK-NEXT: {{^  }$}}
func.func @bitcast_same(%a: i32, %f: f32) -> (i32, f32) {
  %0 = arith.bitcast %a : i32 to i32
  %1 = arith.bitcast %f : f32 to i32
  %2 = arith.bitcast %1 : i32 to f32
  return %0, %2 : i32, f32
}

// CHECK-LABEL: func.func @negf_chain(
// CHECK-SAME: %[[ARG0:.*]]: f32) -> (f32, f32) {
// CHECK-NEXT: %[[CST:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[V0:.*]] = arith.subf %[[CST]], %[[ARG0]] : f32
// CHECK-NEXT: return %[[ARG0]], %[[V0]] : f32, f32
// CHECK-NEXT: {{^  }$}}
func.func @negf_chain(%a: f32) -> (f32, f32) {
  %0 = arith.negf %a : f32
  %1 = arith.negf %0 : f32
  %c = arith.constant 0.0 : f32
  %2 = arith.subf %c, %a : f32
  return %1, %2 : f32, f32
}

// CHECK-LABEL: func.func @muli_neg(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> (i32, i32, i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.subi %[[ARG1]], %[[ARG0]] : i32
// CHECK-NEXT: return %[[V0]], %[[ARG0]], %[[ARG0]] : i32, i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @muli_neg(%a: i32, %b: i32) -> (i32, i32, i32) {
  %m1 = arith.constant -1 : i32
  %0 = arith.muli %a, %m1 : i32
  %1 = arith.addi %b, %0 : i32
  %2 = arith.xori %a, %m1 : i32
  %3 = arith.xori %2, %m1 : i32
  %4 = arith.andi %a, %a : i32
  return %1, %3, %4 : i32, i32, i32
}

// CHECK-LABEL: func.func @cmpi_consts(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: index) -> (i1, i1, i1, i1) {
// CHECK-NEXT: %[[C1_I32:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[C5_I64:.*]] = arith.constant 5 : i64
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.cmpi sgt, %[[ARG0]], %[[C10_I32]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.extui %[[V0]] : i1 to i32
// CHECK-NEXT: %[[V2:.*]] = arith.extsi %[[ARG0]] : i32 to i64
// CHECK-NEXT: %[[V3:.*]] = arith.cmpi eq, %[[V2]], %[[C5_I64]] : i64
// CHECK-NEXT: %[[V4:.*]] = arith.cmpi eq, %[[V1]], %[[C1_I32]] : i32
// CHECK-NEXT: return %[[V0]], %[[V0]], %[[V3]], %[[V4]] : i1, i1, i1, i1
// CHECK-NEXT: {{^  }$}}
func.func @cmpi_consts(%a: i32, %x: index) -> (i1, i1, i1, i1) {
  %c10 = arith.constant 10 : i32
  %0 = arith.cmpi slt, %c10, %a : i32
  %e = arith.extui %0 : i1 to i32
  %z = arith.constant 0 : i32
  %1 = arith.cmpi ne, %e, %z : i32
  %ext = arith.extsi %a : i32 to i64
  %c = arith.constant 5 : i64
  %2 = arith.cmpi eq, %ext, %c : i64
  %o = arith.constant 1 : i32
  %3 = arith.cmpi eq, %e, %o : i32
  return %0, %1, %2, %3 : i1, i1, i1, i1
}

// CHECK-LABEL: func.func @index_casts(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: index) -> (i32, index, i64) {
// CHECK-NEXT: %[[V0:.*]] = arith.index_castui %[[ARG1]] : index to i64
// CHECK-NEXT: return %[[ARG0]], %[[ARG1]], %[[V0]] : i32, index, i64
// CHECK-NEXT: {{^  }$}}
func.func @index_casts(%a: i32, %b: index) -> (i32, index, i64) {
  %0 = arith.index_cast %a : i32 to index
  %1 = arith.index_cast %0 : index to i32
  %2 = arith.index_cast %b : index to i32
  %3 = arith.index_cast %2 : i32 to index
  %4 = arith.index_castui %b : index to i64
  return %1, %3, %4 : i32, index, i64
}

// CHECK-LABEL: func.func @mulf_neg(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: f32) -> (f32, f32) {
// CHECK-NEXT: %[[V0:.*]] = arith.mulf %[[ARG0]], %[[ARG1]] : f32
// CHECK-NEXT: %[[V1:.*]] = arith.divf %[[ARG0]], %[[ARG1]] : f32
// CHECK-NEXT: return %[[V0]], %[[V1]] : f32, f32
// CHECK-NEXT: {{^  }$}}
func.func @mulf_neg(%a: f32, %b: f32) -> (f32, f32) {
  %0 = arith.negf %a : f32
  %1 = arith.negf %b : f32
  %2 = arith.mulf %0, %1 : f32
  %3 = arith.divf %0, %1 : f32
  return %2, %3 : f32, f32
}

// CHECK-LABEL: func.func @shift(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[C2_I32:.*]] = arith.constant 2 : i32
// CHECK-NEXT: %[[C33_I32:.*]] = arith.constant 33 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.shli %[[ARG0]], %[[C33_I32]] : i32
// CHECK-NEXT: return %[[V0]], %[[C2_I32]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @shift(%a: i32) -> (i32, i32) {
  %c33 = arith.constant 33 : i32
  %0 = arith.shli %a, %c33 : i32
  %c1 = arith.constant 1 : i32
  %1 = arith.shli %c1, %c1 : i32
  return %0, %1 : i32, i32
}

// CHECK-LABEL: func.func @trunc_ext_f(
// CHECK-SAME: %[[ARG0:.*]]: f16) -> f16 {
// CHECK-NEXT: %[[V0:.*]] = arith.extf %[[ARG0]] : f16 to f32
// CHECK-NEXT: %[[V1:.*]] = arith.truncf %[[V0]] : f32 to f16
// CHECK-NEXT: return %[[V1]] : f16
// CHECK-NEXT: {{^  }$}}
func.func @trunc_ext_f(%a: f16) -> f16 {
  %0 = arith.extf %a : f16 to f32
  %1 = arith.truncf %0 : f32 to f16
  return %1 : f16
}

// CHECK-LABEL: func.func @floordiv(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i32, i32, i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.remui %[[ARG0]], %[[ARG0]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.floordivsi %[[ARG0]], %[[ARG0]] : i32
// CHECK-NEXT: return %[[V0]], %[[ARG0]], %[[V1]] : i32, i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @floordiv(%a: i32) -> (i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %0 = arith.remui %a, %a : i32
  %1 = arith.ceildivui %a, %c1 : i32
  %2 = arith.floordivsi %a, %a : i32
  return %0, %1, %2 : i32, i32, i32
}

// CHECK-LABEL: func.func @andnot(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[CM1_I32:.*]] = arith.constant -1 : i32
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[C0_I32]], %[[CM1_I32]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @andnot(%a: i32, %b: i32) -> (i32, i32) {
  %m1 = arith.constant -1 : i32
  %n = arith.xori %a, %m1 : i32
  %0 = arith.andi %n, %a : i32
  %1 = arith.ori %a, %n : i32
  return %0, %1 : i32, i32
}

// CHECK-LABEL: func.func @bitcast2(
// CHECK-SAME: %[[ARG0:.*]]: i16) -> i16 {
// CHECK-NEXT: return %[[ARG0]] : i16
// CHECK-NEXT: {{^  }$}}
func.func @bitcast2(%a: i16) -> (i16) {
  %0 = arith.bitcast %a : i16 to f16
  %2 = arith.bitcast %0 : f16 to i16
  return %2 : i16
}

// CHECK-LABEL: func.func @trunc_shr(
// CHECK-SAME: %[[ARG0:.*]]: i64, %[[ARG1:.*]]: i32, %[[ARG2:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[C32_I64:.*]] = arith.constant 32 : i64
// CHECK-NEXT: %[[V0:.*]] = arith.shrui %[[ARG0]], %[[C32_I64]] : i64
// CHECK-NEXT: %[[V1:.*]] = arith.trunci %[[V0]] : i64 to i32
// CHECK-NEXT: %[[LOW:.*]], %[[HIGH:.*]] = arith.mulsi_extended %[[ARG1]], %[[ARG2]] : i32
// CHECK-NEXT: return %[[V1]], %[[HIGH]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @trunc_shr(%a: i64, %b: i32, %c: i32) -> (i32, i32) {
  %c32 = arith.constant 32 : i64
  %0 = arith.shrsi %a, %c32 : i64
  %1 = arith.trunci %0 : i64 to i32
  %e = arith.extsi %b : i32 to i64
  %f = arith.extsi %c : i32 to i64
  %m = arith.muli %e, %f : i64
  %s = arith.shrui %m, %c32 : i64
  %2 = arith.trunci %s : i64 to i32
  return %1, %2 : i32, i32
}

// CHECK-LABEL: func.func @select_and(
// CHECK-SAME: %[[ARG0:.*]]: i1, %[[ARG1:.*]]: i1, %[[ARG2:.*]]: i32, %[[ARG3:.*]]: i32) -> (i32, i32, i32, i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.select %[[ARG1]], %[[ARG2]], %[[ARG3]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.select %[[ARG0]], %[[V0]], %[[ARG3]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[V0]] : i32
// CHECK-NEXT: %[[V3:.*]] = arith.select %[[ARG1]], %[[ARG3]], %[[ARG2]] : i32
// CHECK-NEXT: %[[V4:.*]] = arith.select %[[ARG0]], %[[V3]], %[[ARG3]] : i32
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[ARG0]], %[[ARG2]], %[[V3]] : i32
// CHECK-NEXT: return %[[V1]], %[[V2]], %[[V4]], %[[V5]] : i32, i32, i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @select_and(%p: i1, %q: i1, %a: i32, %b: i32) -> (i32, i32, i32, i32) {
  %0 = arith.select %q, %a, %b : i32
  %1 = arith.select %p, %0, %b : i32
  %2 = arith.select %p, %a, %0 : i32
  %3 = arith.select %q, %b, %a : i32
  %4 = arith.select %p, %3, %b : i32
  %5 = arith.select %p, %a, %3 : i32
  return %1, %2, %4, %5 : i32, i32, i32, i32
}

// CHECK-LABEL: func.func @cmpf_int(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> i1 {
// CHECK-NEXT: %[[C10_I32:.*]] = arith.constant 10 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.cmpi slt, %[[ARG0]], %[[C10_I32]] : i32
// CHECK-NEXT: return %[[V0]] : i1
// CHECK-NEXT: {{^  }$}}
func.func @cmpf_int(%a: i32) -> i1 {
  %0 = arith.sitofp %a : i32 to f32
  %c = arith.constant 10.0 : f32
  %1 = arith.cmpf olt, %0, %c : f32
  return %1 : i1
}

// CHECK-LABEL: func.func @ext_ops(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> (i32, i32, i32, i32) {
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.addi %[[ARG0]], %[[ARG1]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.muli %[[ARG0]], %[[ARG1]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.muli %[[ARG0]], %[[ARG1]] : i32
// CHECK-NEXT: %[[V3:.*]] = arith.cmpi slt, %[[ARG0]], %[[C0_I32]] : i32
// CHECK-NEXT: %[[V4:.*]] = arith.extsi %[[V3]] : i1 to i32
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V4]] : i32, i32, i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @ext_ops(%a: i32, %b: i32) -> (i32, i32, i32, i32) {
  %s, %o = arith.addui_extended %a, %b : i32, i1
  %l, %h = arith.mulsi_extended %a, %b : i32
  %l2, %h2 = arith.mului_extended %a, %b : i32
  %one = arith.constant 1 : i32
  %l3, %h3 = arith.mulsi_extended %a, %one : i32
  return %s, %l, %l2, %h3 : i32, i32, i32, i32
}

// CHECK-LABEL: func.func @truncf_sitofp(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (f16, f16) {
// CHECK-NEXT: %[[V0:.*]] = arith.sitofp %[[ARG0]] : i32 to f32
// CHECK-NEXT: %[[V1:.*]] = arith.truncf %[[V0]] : f32 to f16
// CHECK-NEXT: %[[V2:.*]] = arith.uitofp %[[ARG0]] : i32 to f32
// CHECK-NEXT: %[[V3:.*]] = arith.truncf %[[V2]] : f32 to f16
// CHECK-NEXT: return %[[V1]], %[[V3]] : f16, f16
// CHECK-NEXT: {{^  }$}}
func.func @truncf_sitofp(%a: i32) -> (f16, f16) {
  %0 = arith.sitofp %a : i32 to f32
  %1 = arith.truncf %0 : f32 to f16
  %2 = arith.uitofp %a : i32 to f32
  %3 = arith.truncf %2 : f32 to f16
  return %1, %3 : f16, f16
}

// CHECK-LABEL: func.func @extf_trunc(
// CHECK-SAME: %[[ARG0:.*]]: f32) -> (f32, f64) {
// CHECK-NEXT: %[[V0:.*]] = arith.truncf %[[ARG0]] : f32 to f16
// CHECK-NEXT: %[[V1:.*]] = arith.extf %[[V0]] : f16 to f32
// CHECK-NEXT: %[[V2:.*]] = arith.extf %[[ARG0]] : f32 to f64
// CHECK-NEXT: return %[[V1]], %[[V2]] : f32, f64
// CHECK-NEXT: {{^  }$}}
func.func @extf_trunc(%a: f32) -> (f32, f64) {
  %0 = arith.truncf %a : f32 to f16
  %1 = arith.extf %0 : f16 to f32
  %2 = arith.extf %a : f32 to f64
  return %1, %2 : f32, f64
}

// CHECK-LABEL: func.func @cmpf_same(
// CHECK-SAME: %[[ARG0:.*]]: f32) -> (i1, i1, i1) {
// CHECK-NEXT: %[[V0:.*]] = arith.cmpf oeq, %[[ARG0]], %[[ARG0]] : f32
// CHECK-NEXT: %[[V1:.*]] = arith.cmpf uno, %[[ARG0]], %[[ARG0]] : f32
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf true, %[[ARG0]], %[[ARG0]] : f32
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : i1, i1, i1
// CHECK-NEXT: {{^  }$}}
func.func @cmpf_same(%a: f32) -> (i1, i1, i1) {
  %0 = arith.cmpf oeq, %a, %a : f32
  %1 = arith.cmpf uno, %a, %a : f32
  %2 = arith.cmpf true, %a, %a : f32
  return %0, %1, %2 : i1, i1, i1
}

// CHECK-LABEL: func.func @ori_ori(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.ori %[[ARG0]], %[[ARG1]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.ori %[[ARG0]], %[[V0]] : i32
// CHECK-NEXT: %[[V2:.*]] = arith.andi %[[ARG0]], %[[ARG1]] : i32
// CHECK-NEXT: return %[[V1]], %[[V2]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @ori_ori(%a: i32, %b: i32) -> (i32, i32) {
  %0 = arith.ori %a, %b : i32
  %1 = arith.ori %a, %0 : i32
  %2 = arith.andi %a, %b : i32
  %3 = arith.andi %2, %b : i32
  return %1, %3 : i32, i32
}

// CHECK-LABEL: func.func @minmax(
// CHECK-SAME: %[[ARG0:.*]]: i32, %[[ARG1:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[V0:.*]] = arith.maxsi %[[ARG0]], %[[ARG1]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.maxsi %[[V0]], %[[ARG0]] : i32
// CHECK-NEXT: return %[[V1]], %[[ARG0]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @minmax(%a: i32, %b: i32) -> (i32, i32) {
  %0 = arith.maxsi %a, %b : i32
  %1 = arith.maxsi %0, %a : i32
  %2 = arith.minui %a, %a : i32
  return %1, %2 : i32, i32
}

// CHECK-LABEL: func.func @subf_addf(
// CHECK-SAME: %[[ARG0:.*]]: f32, %[[ARG1:.*]]: f32) -> (f32, f32) {
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[ARG0]], %[[ARG1]] : f32
// CHECK-NEXT: %[[V1:.*]] = arith.subf %[[V0]], %[[ARG1]] : f32
// CHECK-NEXT: return %[[V1]], %[[ARG0]] : f32, f32
// CHECK-NEXT: {{^  }$}}
func.func @subf_addf(%a: f32, %b: f32) -> (f32, f32) {
  %0 = arith.addf %a, %b : f32
  %1 = arith.subf %0, %b : f32
  %m = arith.constant -0.0 : f32
  %2 = arith.addf %a, %m : f32
  return %1, %2 : f32, f32
}

// CHECK-LABEL: func.func @vec(
// CHECK-SAME: %[[ARG0:.*]]: vector<4xi32>) -> (vector<4xi32>, vector<4xi1>) {
// CHECK-NEXT: %[[CST:.*]] = arith.constant dense<true> : vector<4xi1>
// CHECK-NEXT: return %[[ARG0]], %[[CST]] : vector<4xi32>, vector<4xi1>
// CHECK-NEXT: {{^  }$}}
func.func @vec(%a: vector<4xi32>) -> (vector<4xi32>, vector<4xi1>) {
  %c = arith.constant dense<0> : vector<4xi32>
  %0 = arith.addi %a, %c : vector<4xi32>
  %1 = arith.cmpi eq, %a, %a : vector<4xi32>
  return %0, %1 : vector<4xi32>, vector<4xi1>
}

// CHECK-LABEL: func.func @extui_i1(
// CHECK-SAME: %[[ARG0:.*]]: i1) -> (i1, i1) {
// CHECK-NEXT: %[[C0_I32:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.extui %[[ARG0]] : i1 to i32
// CHECK-NEXT: %[[V1:.*]] = arith.cmpi eq, %[[V0]], %[[C0_I32]] : i32
// CHECK-NEXT: return %[[ARG0]], %[[V1]] : i1, i1
// CHECK-NEXT: {{^  }$}}
func.func @extui_i1(%a: i1) -> (i1, i1) {
  %0 = arith.extui %a : i1 to i32
  %1 = arith.trunci %0 : i32 to i1
  %c0 = arith.constant 0 : i32
  %2 = arith.cmpi eq, %0, %c0 : i32
  return %1, %2 : i1, i1
}

// CHECK-LABEL: func.func @remsi_neg(
// CHECK-SAME: %[[ARG0:.*]]: i32) -> (i32, i32) {
// CHECK-NEXT: %[[CM1_I32:.*]] = arith.constant -1 : i32
// CHECK-NEXT: %[[V0:.*]] = arith.remsi %[[ARG0]], %[[CM1_I32]] : i32
// CHECK-NEXT: %[[V1:.*]] = arith.divsi %[[ARG0]], %[[CM1_I32]] : i32
// CHECK-NEXT: return %[[V0]], %[[V1]] : i32, i32
// CHECK-NEXT: {{^  }$}}
func.func @remsi_neg(%a: i32) -> (i32, i32) {
  %c = arith.constant -1 : i32
  %0 = arith.remsi %a, %c : i32
  %1 = arith.divsi %a, %c : i32
  return %0, %1 : i32, i32
}

// A bitcast of a NaN keeps its sign and payload both ways, as MLIR's APFloat does.
// CHECK-LABEL: func.func @bitcast_nan
// CHECK-DAG:   %[[F:.*]] = arith.constant 0x7FC00001 : f32
// CHECK-DAG:   %[[I:.*]] = arith.constant -4194303 : i32
// CHECK:       return %[[F]], %[[I]] : f32, i32
func.func @bitcast_nan() -> (f32, i32) {
  %c = arith.constant 2143289345 : i32
  %0 = arith.bitcast %c : i32 to f32
  %n = arith.constant 0xFFC00001 : f32
  %1 = arith.bitcast %n : f32 to i32
  return %0, %1 : f32, i32
}
