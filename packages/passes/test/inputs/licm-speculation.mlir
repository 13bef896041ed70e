// loop-invariant-code-motion hoists an affine.if whose nested ops are all speculatable (RecursivelySpeculatable in
// MLIR 19), but not an scf.if, and a loop of step 1 only.
func.func @f(%c: i1, %m: memref<10xi32>, %x: i32, %n: index) {
  affine.for %i = 0 to 10 {
    %r = scf.if %c -> (i32) {
      %a = arith.addi %x, %x : i32
      scf.yield %a : i32
    } else {
      scf.yield %x : i32
    }
    affine.if affine_set<(d0) : (d0 - 2 >= 0)>(%n) {
      %b = arith.muli %x, %x : i32
    }
    %z = affine.if affine_set<(d0) : (d0 - 3 >= 0)>(%n) -> i32 {
      affine.yield %x : i32
    } else {
      affine.yield %x : i32
    }
    scf.for %j = %n to %n step %n {
      %q = arith.addi %x, %x : i32
    }
    "x.use"(%r, %z) : (i32, i32) -> ()
  }
  return
}

func.func @g(%x: i32, %n: index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  affine.for %i = 0 to 10 {
    affine.for %j = 0 to 5 {
      %a = arith.addi %x, %x : i32
    }
    affine.for %j = 0 to 5 step 2 {
      %b = arith.addi %x, %x : i32
    }
    scf.for %j = %n to %n step %c1 {
      %c = arith.muli %x, %x : i32
    }
    scf.for %j = %n to %n step %c2 {
      %d = arith.muli %x, %x : i32
    }
    %w = scf.while (%arg = %x) : (i32) -> i32 {
      %cond = arith.constant false
      scf.condition(%cond) %arg : i32
    } do {
    ^bb0(%y: i32):
      scf.yield %y : i32
    }
    %e = scf.execute_region -> i32 {
      scf.yield %x : i32
    }
    "x.use"(%w, %e) : (i32, i32) -> ()
  }
  return
}
