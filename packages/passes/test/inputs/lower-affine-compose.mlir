// lower-affine folds an affine.if or affine.for before lowering it, and that fold still sees the affine.apply ops
// feeding it (the conversion driver replaces them only at the end), so it composes them, chains included.
func.func @if_of_applies(%n: index) {
  %m = affine.apply affine_map<()[s0] -> (s0 * 2 + 3)> ()[%n]
  affine.for %i = 0 to 64 {
    affine.for %j = 0 to 32 {
      %k = affine.apply affine_map<(d0) -> (d0 + 2)> (%j)
      affine.if affine_set<(d0, d1)[s0] : (d0 - 2 >= 0, d1 - 5 == 0, -d0 + s0 >= 0)>(%i, %k)[%m] {
        "x.use"(%i, %k) : (index, index) -> ()
      }
    }
  }
  return
}

func.func @for_bounds_of_a_chain(%a: index, %b: index) {
  %t = affine.apply affine_map<(d0) -> (3 * d0 + 2)> (%a)
  %u = affine.apply affine_map<(d0) -> (d0 - 2)> (%t)
  affine.for %i = 0 to min affine_map<(d0, d1) -> (2 * d0, d1, 512)> (%b, %u) {
    "x.use"(%i) : (index) -> ()
  }
  return
}
