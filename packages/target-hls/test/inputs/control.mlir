// Plain func code exercising control flow and memory: swapped loop-carried values, if/else with results,
// affine.if, min/max bounds, floor division and modulo of negative values, steps, subviews (strided and
// rank-reducing), memref.copy, linalg.fill/add, a rank-0 memref and index casts.
func.func @control(%A: memref<8x8xi32>, %B: memref<8xi32>, %C: memref<4x4xi32>, %S: memref<i32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %seven = arith.constant 7 : i16
  // Fibonacci-like swap through two iter_args.
  %fa, %fb = affine.for %i = 0 to 10 iter_args(%a = %zero, %b = %one) -> (i32, i32) {
    %n = arith.addi %a, %b : i32
    affine.yield %b, %n : i32, i32
  }
  memref.store %fa, %B[%c0] : memref<8xi32>
  memref.store %fb, %B[%c1] : memref<8xi32>
  // Negative loop range: floordiv/mod by 3 of values in [-6, 6).
  affine.for %i = -6 to 6 step 2 {
    %q = affine.apply affine_map<(d0) -> (d0 floordiv 3 + 2)>(%i)
    %m = affine.apply affine_map<(d0) -> (d0 mod 3)>(%i)
    %qi = arith.index_cast %q : index to i32
    %mi = arith.index_cast %m : index to i32
    %v = arith.muli %qi, %mi : i32
    %slot = affine.apply affine_map<(d0) -> ((d0 + 6) floordiv 2 + 2)>(%i)
    memref.store %v, %B[%slot] : memref<8xi32>
  }
  // Triangular loop with min/max bounds and an affine.if on the diagonal.
  affine.for %i = 0 to 8 {
    affine.for %j = max affine_map<(d0) -> (0, d0 - 2)>(%i) to min affine_map<(d0) -> (8, d0 + 3)>(%i) {
      %x = affine.load %A[%i, %j] : memref<8x8xi32>
      %y = affine.if affine_set<(d0, d1) : (d0 - d1 == 0)>(%i, %j) -> i32 {
        %t = arith.muli %x, %x : i32
        affine.yield %t : i32
      } else {
        %neg = arith.cmpi slt, %x, %zero : i32
        %r = scf.if %neg -> (i32) {
          %u = arith.subi %zero, %x : i32
          scf.yield %u : i32
        } else {
          scf.yield %x : i32
        }
        affine.yield %r : i32
      }
      affine.store %y, %A[%i, %j] : memref<8x8xi32>
    }
  }
  // A strided 4x4 window of A (every other row and column) copied into C, then C += window.
  %w = memref.subview %A[1, 0] [4, 4] [2, 2] : memref<8x8xi32> to memref<4x4xi32, strided<[16, 2], offset: 8>>
  memref.copy %w, %C : memref<4x4xi32, strided<[16, 2], offset: 8>> to memref<4x4xi32>
  linalg.add ins(%C, %w : memref<4x4xi32>, memref<4x4xi32, strided<[16, 2], offset: 8>>) outs(%C : memref<4x4xi32>)
  // Row 7 of A as a rank-reduced view, filled with 7 (extended from i16).
  %row = memref.subview %A[7, 0] [1, 8] [1, 1] : memref<8x8xi32> to memref<8xi32, strided<[1], offset: 56>>
  %s7 = arith.extsi %seven : i16 to i32
  linalg.fill ins(%s7 : i32) outs(%row : memref<8xi32, strided<[1], offset: 56>>)
  // The sum of B into the rank-0 memref, skipping odd entries with scf.if (no else).
  scf.for %k = %c0 to %c1 step %c1 {
    affine.for %i = 0 to 8 {
      %b = affine.load %B[%i] : memref<8xi32>
      %odd = arith.andi %b, %one : i32
      %even = arith.cmpi eq, %odd, %zero : i32
      scf.if %even {
        %s = memref.load %S[] : memref<i32>
        %t = arith.addi %s, %b : i32
        memref.store %t, %S[] : memref<i32>
      }
    }
  }
  return
}
