// Pass options: unknown keys, bad values (llvm::cl's words), printing back with every option.
// RUN: not allo-opt %s --pass-pipeline='builtin.module(cse{foo=1})' 2>&1 | FileCheck %s --check-prefix=NOSUCH
// RUN: not allo-opt %s --pass-pipeline='builtin.module(canonicalize{max-iterations=x})' 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not allo-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll{unroll-full=maybe}))' 2>&1 | FileCheck %s --check-prefix=BOOL
// RUN: not allo-opt %s --pass-pipeline='builtin.module(canonicalize{region-simplify=foo})' 2>&1 | FileCheck %s --check-prefix=ENUM
// RUN: allo-opt %s --pass-pipeline='builtin.module(canonicalize{ max-iterations=3  region-simplify=aggressive enable-patterns=a,b })' --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// RUN: allo-opt %s --cse --canonicalize=max-iterations=2 --affine-loop-unroll --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=FLAGS

// NOSUCH:      <unknown>:0: error: <Pass-Options-Parser>: no such option foo
// NOSUCH-EMPTY:
// NOSUCH-NEXT: failed to add `cse` with options `foo=1`
// VALUE:      allo-opt: for the --max-iterations option: 'x' value invalid for long argument!
// VALUE-NEXT: <unknown>:0: error:
// VALUE-NEXT: failed to add `canonicalize` with options `max-iterations=x`
// BOOL:       allo-opt: for the --unroll-full option: 'maybe' is invalid value for boolean argument! Try 0 or 1
// BOOL:       failed to add `affine-loop-unroll` with options `unroll-full=maybe`
// BOOL-NEXT:  failed to add `func.func` with options `` to inner pipeline
// ENUM:       allo-opt: for the --region-simplify option: Cannot find option named 'foo'!
// DUMP:       Pass Manager with 1 passes:
// DUMP-NEXT:  builtin.module(canonicalize{ enable-patterns=a,b max-iterations=3 max-num-rewrites=-1 region-simplify=aggressive test-convergence=false top-down=true})
// FLAGS:      Pass Manager with 3 passes:
// FLAGS-NEXT: builtin.module(cse,canonicalize{  max-iterations=2 max-num-rewrites=-1 region-simplify=normal test-convergence=false top-down=true},func.func(affine-loop-unroll{cleanup-unroll=false unroll-factor=4 unroll-full=false unroll-full-threshold=1 unroll-num-reps=1 unroll-up-to-factor=false}))
func.func @f() {
  return
}
