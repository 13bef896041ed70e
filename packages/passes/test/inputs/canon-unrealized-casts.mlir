// builtin.unrealized_conversion_cast folds: a cast to its own types, and a cast back of all the results of a cast.
func.func @back_and_forth(%a: i32, %b: f32) -> (i32, f32) {
  %x:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to i64, f64
  %y:2 = builtin.unrealized_conversion_cast %x#0, %x#1 : i64, f64 to i32, f32
  return %y#0, %y#1 : i32, f32
}

func.func @identity(%a: i32) -> i32 {
  %x = builtin.unrealized_conversion_cast %a : i32 to i32
  return %x : i32
}

func.func @kept(%a: i32, %b: i64) -> (i32, i16) {
  %x:2 = builtin.unrealized_conversion_cast %a, %a : i32, i32 to i64, i64
  %y:2 = builtin.unrealized_conversion_cast %b, %x#1 : i64, i64 to i32, i32
  %z = builtin.unrealized_conversion_cast %x#0 : i64 to i16
  %w = builtin.unrealized_conversion_cast %x#0, %x#1 : i64, i64 to i16
  return %y#0, %z : i32, i16
}

func.func @no_inputs() -> i32 {
  %x = builtin.unrealized_conversion_cast to i32
  return %x : i32
}
