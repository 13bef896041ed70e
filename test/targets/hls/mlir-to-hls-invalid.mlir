// RUN: allo-translate --mlir-to-hls %s --split-input-file --verify-diagnostics

// expected-error @+1 {{type bf16 cannot be emitted as Vitis HLS C++: Vitis HLS has no C++ type for this float format (supported: f16, f32, f64)}}
func.func @f(%a: memref<4xbf16>) {
  return
}

// -----

// expected-error @+1 {{type i128 cannot be emitted as Vitis HLS C++: integers wider than 64 bits are not supported by the C-simulation ap_int.h}}
func.func @wide(%a: i128) {
  return
}

// -----

func.func @dyn(%n: index) {
  // expected-error @+1 {{memref type memref<?xf32> must have a static shape and identity layout to become a C array}}
  %m = memref.alloc(%n) : memref<?xf32>
  return
}

// -----

// expected-error @+1 {{the FIFO graph of @top has a cycle, so C-simulation cannot run its PEs one after another: PEs @a -> @b -> @a through FIFOs x, y}}
hw.design @top() {
  %x = hw.fifo "x" : !hw.fifo<i32, 2>
  %y = hw.fifo "y" : !hw.fifo<i32, 2>
  hw.instance @a(%x, %y) : !hw.fifo<i32, 2>, !hw.fifo<i32, 2>
  hw.instance @b(%x, %y) : !hw.fifo<i32, 2>, !hw.fifo<i32, 2>
}
func.func @a(%out: !hw.fifo<i32, 2>, %in: !hw.fifo<i32, 2>) attributes {hw.pe} {
  %v = hw.read %in : !hw.fifo<i32, 2>
  hw.write %out, %v : !hw.fifo<i32, 2>
  return
}
func.func @b(%in: !hw.fifo<i32, 2>, %out: !hw.fifo<i32, 2>) attributes {hw.pe} {
  %v = hw.read %in : !hw.fifo<i32, 2>
  hw.write %out, %v : !hw.fifo<i32, 2>
  return
}
