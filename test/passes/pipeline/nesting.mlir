// A pass anchored on another op inside an explicit pipeline, and a pipeline anchored on the wrong op.
// RUN: not allo-opt %s --pass-pipeline='builtin.module(affine-loop-unroll)' 2>&1 | FileCheck %s
// RUN: not allo-opt %s --pass-pipeline='func.func(cse)' 2>&1 | FileCheck %s --check-prefix=ANCHOR
// RUN: not allo-opt %s --pass-pipeline='any(affine-loop-unroll)' 2>&1 | FileCheck %s --check-prefix=ANY
// RUN: not allo-opt %s -p 'builtin.module(cse)' --cse 2>&1 | FileCheck %s --check-prefix=MIXED

// CHECK:      <unknown>:0: error: Can't add pass 'AffineLoopUnroll' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?
// CHECK-NEXT: failed to add `affine-loop-unroll` with options ``
// ANCHOR:     error: can't run 'func.func' pass manager on 'builtin.module' op
// ANY:        error: 'builtin.module' op trying to schedule a pass on an unsupported operation
// MIXED:      <unknown>:0: error: '-pass-pipeline' option can't be used with individual pass options
func.func @f() {
  return
}
