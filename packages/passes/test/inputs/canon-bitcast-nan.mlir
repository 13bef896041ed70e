func.func @f() -> (f32, i32, i32) {
  %c = arith.constant 2143289345 : i32
  %0 = arith.bitcast %c : i32 to f32
  %n = arith.constant 0xFFC00001 : f32
  %1 = arith.bitcast %n : f32 to i32
  %2 = arith.bitcast %0 : f32 to i32
  return %0, %1, %2 : f32, i32, i32
}
