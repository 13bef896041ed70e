func.func @f(%a: i32) -> i64 {
  return %a : i32 loc(fused[unknown, callsite(unknown at callsite("Inputs/callsite-diagnostics.mlir":1:1 at "Inputs/callsite-diagnostics.mlir":3:1))])
}
// -----
func.func @g(%a: i32) -> i64 {
  return %a : i32 loc("n"(callsite("Inputs/callsite-diagnostics.mlir":6:3 at callsite("Inputs/callsite-diagnostics.mlir":5:1 at "Inputs/callsite-diagnostics.mlir":1:1))))
}
// -----
func.func @f(%a: i32) -> i64 {
  return %a : i32 loc(callsite(unknown at "Inputs/callsite-diagnostics.mlir":3:1))
}
// -----
func.func @f(%a: i32) -> i64 {
  return %a : i32 loc(callsite(unknown at callsite(unknown at "Inputs/callsite-diagnostics.mlir":1:1)))
}
// -----
func.func @f(%a: i32) -> i64 {
  return %a : i32 loc(fused[callsite("x" at "Inputs/callsite-diagnostics.mlir":1:1), "Inputs/callsite-diagnostics.mlir":2:1])
}
// -----
func.func @f(%a: i32) -> i64 {
  return %a : i32 loc(callsite("Inputs/callsite-diagnostics.mlir":22:3 at callsite("Inputs/callsite-diagnostics.mlir":99:1 at "not-a-file.c":7:7)))
}
