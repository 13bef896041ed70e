// --mlir-print-ir-tree-dir: the same directories, file names and file contents as mlir-opt-19 writes (one directory per
// op from the top-level op down to the op a pass ran on, files numbered by how many dumps each of those ops had), and
// nothing on stderr; nested pipelines, before and after, module scope, pass flags, only-on-change, a failing pass.
// REQUIRES: mlir-opt-19
// RUN: rm -rf %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ref > %t.ref.out 2> %t.ref.err
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ours > %t.ours.out 2> %t.ours.err
// RUN: diff -r %t.ref %t.ours
// RUN: diff %t.ref.out %t.ours.out
// RUN: diff %t.ref.err %t.ours.err
// RUN: test ! -s %t.ours.err
//
// RUN: rm -rf %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ref -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-print-ir-before-all --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ours -o /dev/null
// RUN: diff -r %t.ref %t.ours
//
// RUN: rm -rf %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(symbol-dce,func.func(cse),canonicalize,builtin.module(func.func(cse)),cse)' --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --mlir-print-ir-tree-dir=%t.ref -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(symbol-dce,func.func(cse),canonicalize,builtin.module(func.func(cse)),cse)' --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-disable-threading --mlir-print-ir-tree-dir=%t.ours -o /dev/null
// RUN: diff -r %t.ref %t.ours
//
// RUN: rm -rf %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --cse --canonicalize --mlir-print-ir-before=cse --mlir-print-ir-after=canonicalize --mlir-print-ir-tree-dir=%t.ref -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --cse --canonicalize --mlir-print-ir-before=cse --mlir-print-ir-after=canonicalize --mlir-print-ir-tree-dir=%t.ours -o /dev/null
// RUN: diff -r %t.ref %t.ours
//
// RUN: rm -rf %t.ref %t.ours
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,cse),any(canonicalize))' --mlir-print-ir-after-all --mlir-print-ir-after-change --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-ir-tree-dir=%t.ref -o /dev/null
// RUN: allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(cse,cse),any(canonicalize))' --mlir-print-ir-after-all --mlir-print-ir-after-change --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-ir-tree-dir=%t.ours -o /dev/null
// RUN: diff -r %t.ref %t.ours
//
// A pass that fails: its dump after failure goes to the tree; the errors to stderr.
// RUN: rm -rf %t.ref %t.ours
// RUN: not mlir-opt-19 %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(symbol-dce))' --mlir-print-ir-after-failure --mlir-disable-threading --mlir-print-ir-tree-dir=%t.ref 2> %t.ref.err
// RUN: not allo-opt %S/Inputs/functions.mlir --pass-pipeline='builtin.module(func.func(symbol-dce))' --mlir-print-ir-after-failure --mlir-disable-threading --mlir-print-ir-tree-dir=%t.ours 2> %t.ours.err
// RUN: diff -r %t.ref %t.ours
// RUN: diff %t.ref.err %t.ours.err
//
// Split input: each chunk writes its own tree over the same root.
// RUN: rm -rf %t.ref %t.ours
// RUN: mlir-opt-19 %s --split-input-file --cse --mlir-print-ir-before-all --mlir-print-ir-tree-dir=%t.ref -o /dev/null
// RUN: allo-opt %s --split-input-file --cse --mlir-print-ir-before-all --mlir-print-ir-tree-dir=%t.ours -o /dev/null
// RUN: diff -r %t.ref %t.ours
//
// An empty directory name prints to stderr, as without the flag.
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir= -o /dev/null 2> %t.ref.err
// RUN: allo-opt %S/Inputs/functions.mlir --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir= -o /dev/null 2> %t.ours.err
// RUN: diff %t.ref.err %t.ours.err
//
// A directory that cannot be created (its parent is missing, or is a file), or a file that cannot be written: the same
// message for each dump as mlir-opt-19, which goes on and succeeds; allo-opt goes on too but then fails, printing
// nothing.
// RUN: rm -rf %t.ref %t.ours %t.file && touch %t.file
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --cse --canonicalize --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ref/no/such -o /dev/null 2> %t.ref.err
// RUN: not allo-opt %S/Inputs/functions.mlir --cse --canonicalize --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ref/no/such > %t.ours.out 2> %t.ours.err
// RUN: test ! -s %t.ours.out
// RUN: diff %t.ref.err %t.ours.err
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.file -o /dev/null 2> %t.ref.err
// RUN: not allo-opt %S/Inputs/functions.mlir --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.file -o /dev/null 2> %t.ours.err
// RUN: diff %t.ref.err %t.ours.err
// RUN: mkdir -p %t.ref/builtin_module_no-symbol-name/0_cse.mlir
// RUN: mlir-opt-19 %S/Inputs/functions.mlir --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ref -o /dev/null 2> %t.ref.err
// RUN: not allo-opt %S/Inputs/functions.mlir --cse --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t.ref -o /dev/null 2> %t.ours.err
// RUN: diff %t.ref.err %t.ours.err

func.func @a() {
  return
}

// -----

func.func @b() {
  return
}
