// A FIFO of 4x4 i16 blocks (hand-lowered spec example block_stream): B = 2 * A, block by block.
hw.design @top(%A: memref<16x16xi16>, %B: memref<16x16xi16>) {
  %pipe = hw.fifo "pipe" : !hw.fifo<memref<4x4xi16>, 2>
  hw.instance @producer_0(%A, %pipe) : memref<16x16xi16>, !hw.fifo<memref<4x4xi16>, 2>
  hw.instance @consumer_0(%B, %pipe) : memref<16x16xi16>, !hw.fifo<memref<4x4xi16>, 2>
}
func.func @producer_0(%lA: memref<16x16xi16>, %pipe: !hw.fifo<memref<4x4xi16>, 2>) attributes {hw.pe} {
  affine.for %bi = 0 to 4 {
    affine.for %bj = 0 to 4 {
      %blk = memref.alloc() : memref<4x4xi16>
      affine.for %m = 0 to 4 {
        affine.for %n = 0 to 4 {
          %v = affine.load %lA[%bi * 4 + %m, %bj * 4 + %n] : memref<16x16xi16>
          affine.store %v, %blk[%m, %n] : memref<4x4xi16>
        }
      }
      hw.write %pipe, %blk : !hw.fifo<memref<4x4xi16>, 2>
      memref.dealloc %blk : memref<4x4xi16>
    }
  }
  return
}
func.func @consumer_0(%lB: memref<16x16xi16>, %pipe: !hw.fifo<memref<4x4xi16>, 2>) attributes {hw.pe} {
  affine.for %bi = 0 to 4 {
    affine.for %bj = 0 to 4 {
      %blk = hw.read %pipe : !hw.fifo<memref<4x4xi16>, 2>
      affine.for %m = 0 to 4 {
        affine.for %n = 0 to 4 {
          %v = affine.load %blk[%m, %n] : memref<4x4xi16>
          %d = arith.addi %v, %v : i16
          affine.store %d, %lB[%bi * 4 + %m, %bj * 4 + %n] : memref<16x16xi16>
        }
      }
    }
  }
  return
}
