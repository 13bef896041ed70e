// A FIFO of ui16 (hand-lowered spec example stream_ui16): B[63 - i] = A[i]; values above 32767 pass unchanged.
hw.design @top(%A: memref<64xui16>, %B: memref<64xui16>) {
  %pipe = hw.fifo "pipe" : !hw.fifo<ui16, 4>
  hw.instance @producer_0(%A, %pipe) : memref<64xui16>, !hw.fifo<ui16, 4>
  hw.instance @consumer_0(%B, %pipe) : memref<64xui16>, !hw.fifo<ui16, 4>
}
func.func @producer_0(%lA: memref<64xui16>, %pipe: !hw.fifo<ui16, 4>) attributes {hw.pe} {
  affine.for %i = 0 to 64 {
    %v = affine.load %lA[%i] : memref<64xui16>
    hw.write %pipe, %v : !hw.fifo<ui16, 4>
  }
  return
}
func.func @consumer_0(%lB: memref<64xui16>, %pipe: !hw.fifo<ui16, 4>) attributes {hw.pe} {
  affine.for %i = 0 to 64 {
    %v = hw.read %pipe : !hw.fifo<ui16, 4>
    affine.store %v, %lB[-%i + 63] : memref<64xui16>
  }
  return
}
