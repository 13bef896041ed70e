// lower-affine expands affine.delinearize_index as MLIR 19 does (composed affine.apply ops, then lowered).
func.func @static(%i: index) -> (index, index) {
  %b0 = arith.constant 6 : index
  %b1 = arith.constant 10 : index
  %r:2 = affine.delinearize_index %i into (%b0, %b1) : index, index
  return %r#0, %r#1 : index, index
}

func.func @mixed(%i: index, %n: index) -> (index, index, index, index) {
  %b1 = arith.constant 4 : index
  %b3 = arith.constant 3 : index
  %r:4 = affine.delinearize_index %i into (%n, %b1, %n, %b3) : index, index, index, index
  return %r#0, %r#1, %r#2, %r#3 : index, index, index, index
}

func.func @in_a_loop(%m: memref<?xindex>, %n: index, %k: index) {
  affine.for %j = 0 to 128 {
    %r:3 = affine.delinearize_index %j into (%n, %k, %n) : index, index, index
    memref.store %r#1, %m[%r#2] : memref<?xindex>
  }
  return
}
