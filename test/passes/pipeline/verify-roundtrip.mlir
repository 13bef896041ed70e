// --verify-roundtrip: after parsing and verifying, the IR is printed in generic form with locations, parsed back and
// printed again; the run fails unless both prints are the same (the textual half of mlir-opt-19's check).
// RUN: allo-opt %s --verify-roundtrip | FileCheck %s --check-prefix=OK
// RUN: not allo-opt %S/Inputs/roundtrip-affine-maps.mlir --verify-roundtrip 2>&1 | FileCheck %s --check-prefix=DIFF
// RUN: not allo-opt %s --verify-roundtrip --mlir-print-skip-regions --mlir-print-local-scope 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not allo-opt %s --verify-roundtrip --mlir-print-skip-regions --mlir-print-local-scope -o %t.out
// RUN: not test -e %t.out

// OK-LABEL: func.func @f
// OK-NEXT:    arith.constant
func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %a, %c0 : i32
  return %0 : i32
}

// DIFF:      roundtrip-affine-maps.mlir:0:0: error: 'builtin.module' op textual roundTrip testing roundtripped module differs from reference:
// DIFF-NEXT: <<<<<<Reference
// DIFF-NEXT: #map = affine_map<(d0, d1) -> (d0 + d1 + 5, d1)>
// DIFF-NEXT: #map1 = affine_map<(d0, d1) -> (d0 + d1 + 5, d1)>
// DIFF:      }) {a = #map, b = #map1, c = dense<[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]> : tensor<17xi32>
// DIFF:      {{^}}====={{$}}
// DIFF-NEXT: #map = affine_map<(d0, d1) -> (d0 + d1 + 5, d1)>
// DIFF-NEXT: "builtin.module"() ({
// DIFF:      }) {a = #map, b = #map, c =
// DIFF:      {{^}}>>>>>roundtripped{{$}}
// DIFF-EMPTY:
// DIFF-NEXT: roundtrip-affine-maps.mlir:0:0: note: see current operation:
// DIFF-NEXT: "builtin.module"() ({
// DIFF:      c = dense_resource<__elided__> : tensor<17xi32>, d = dense<[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]> : tensor<16xi32>
// DIFF-NOT:  bytecode

// PARSE:      {{^}}loc("-":1:22): error: expected operation name in quotes
// PARSE-NEXT: verify-roundtrip.mlir:0:0: error: 'builtin.module' op failed to parse textual content back, cannot verify round-trip.
// PARSE-EMPTY:
// PARSE-NEXT: verify-roundtrip.mlir:0:0: note: see current operation: "builtin.module"() ({...}) : () -> ()
