// Dims and symbols (MLIR's isValidDim / isValidSymbol): chunks without expected-error must verify.
// Flags: --split-input-file --allow-unregistered-dialect --verify-diagnostics

// Constants, affine.apply of symbols and top-level values are symbols anywhere in the scope.
func.func @symbols_in_loops(%A: memref<?x?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %d = memref.dim %A, %c0 : memref<?x?xf32>
  affine.for %i = 0 to %n {
    %c4 = arith.constant 4 : index
    %s = affine.apply affine_map<()[s0] -> (s0 * 2)>()[%n]
    affine.for %j = %c4 to %s {
      %v = affine.load %A[symbol(%d) - 1, symbol(%c4) + %j] : memref<?x?xf32>
    }
  }
  return
}

// -----

// Induction variables, iter_args and affine.apply of dims are dims, not symbols.
func.func @dims(%A: memref<100xf32>, %x: index) {
  %r = affine.for %i = 0 to 10 iter_args(%acc = %x) -> (index) {
    %a = affine.apply affine_map<(d0, d1) -> (d0 + d1)>(%i, %acc)
    %v = affine.load %A[%a + %acc] : memref<100xf32>
    affine.parallel (%p) = (0) to (10) {
      affine.store %v, %A[%p + %i] : memref<100xf32>
    }
    affine.yield %a : index
  }
  return
}

// -----

// Subscripts only need to be valid dims, even in symbol positions of the map.
func.func @iv_in_symbol_position(%A: memref<100xf32>) {
  affine.for %i = 0 to 10 {
    %v = "affine.load"(%A, %i) <{map = affine_map<()[s0] -> (s0)>}> : (memref<100xf32>, index) -> f32
  }
  return
}

// -----

func.func @apply_of_iv_as_symbol(%n: index) {
  affine.for %i = 0 to 10 {
    %a = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
    // expected-error@+1 {{'affine.for' op operand cannot be used as a symbol}}
    affine.for %j = 0 to %a {
    }
  }
  return
}

// -----

// Values defined above a non-isolated region (here an unregistered op's) dominate it: still symbols.
func.func @dominating(%A: memref<100xf32>, %n: index) {
  %m = "test.index"() : () -> index
  "test.region"() ({
    affine.for %i = %m to %n {
      %v = affine.load %A[%i + symbol(%m)] : memref<100xf32>
    }
    "test.end"() : () -> ()
  }) : () -> ()
  return
}

// -----

// A dim of a memref defined inside a loop: valid when its dynamic size is a symbol.
func.func @dim_of_alloc(%n: index) {
  affine.for %i = 0 to 10 {
    %c0 = arith.constant 0 : index
    %m = memref.alloc(%n) : memref<?xf32>
    %d = memref.dim %m, %c0 : memref<?xf32>
    affine.for %j = 0 to %d {
      %v = affine.load %m[%j] : memref<?xf32>
    }
  }
  return
}

// -----

func.func @dim_of_alloc_sized_by_iv() {
  affine.for %i = 0 to 10 {
    %c0 = arith.constant 0 : index
    %m = memref.alloc(%i) : memref<?xf32>
    %d = memref.dim %m, %c0 : memref<?xf32>
    // expected-error@+1 {{operand cannot be used as a symbol}}
    affine.for %j = 0 to %d {
    }
  }
  return
}

// -----

// A value of an arbitrary op inside a loop is neither a dim nor a symbol.
func.func @opaque_value(%A: memref<100xf32>, %f: f32) {
  affine.for %i = 0 to 10 {
    %x = "test.op"(%i) : (index) -> index
    // expected-error@+1 {{index must be a valid dimension or symbol identifier}}
    affine.store %f, %A[%x] : memref<100xf32>
  }
  return
}
