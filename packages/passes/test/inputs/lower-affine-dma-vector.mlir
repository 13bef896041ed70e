// lower-affine on the affine ops that lower to memref.dma_start / memref.dma_wait and vector.load / vector.store.
func.func @dma(%N: index) {
  %A = memref.alloc() : memref<100x100xf32>
  %B = memref.alloc() : memref<100x100xf32, 2>
  %tag = memref.alloc() : memref<1xi32>
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  affine.for %i = 0 to 10 {
    affine.for %j = 0 to 10 {
      affine.dma_start %A[%i + symbol(%N), %j], %B[%i, %j * 2 + 1], %tag[%c0], %c64 : memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>
      affine.dma_start %A[%i, %j], %B[%i, %j], %tag[%i + %j], %c64, %c128, %c64 : memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>
      affine.dma_wait %tag[%i floordiv 2], %c64 : memref<1xi32>
    }
  }
  return
}

func.func @vector(%A: memref<100x100xf32>, %N: index) {
  affine.for %i = 0 to 16 {
    affine.for %j = 0 to 16 step 8 {
      %v = affine.vector_load %A[%i + 3, %j + symbol(%N)] : memref<100x100xf32>, vector<8xf32>
      affine.vector_store %v, %A[%i, %j * 2] : memref<100x100xf32>, vector<8xf32>
      %w = affine.vector_load %A[%i, %j] : memref<100x100xf32>, vector<2x8xf32>
      affine.vector_store %w, %A[%i mod 4, %j] : memref<100x100xf32>, vector<2x8xf32>
    }
  }
  return
}
