// Pipeline syntax errors are reported as mlir-opt reports them, with a caret into the pipeline text.
// RUN: not allo-opt %s --pass-pipeline='builtin.module(func.func(cse)' 2>&1 | FileCheck %s --check-prefix=UNBALANCED
// RUN: not allo-opt %s --pass-pipeline='builtin.module(func.func(cse)))' 2>&1 | FileCheck %s --check-prefix=EXTRA
// RUN: not allo-opt %s --pass-pipeline='builtin.module(func.func(cse) canonicalize)' 2>&1 | FileCheck %s --check-prefix=COMMA
// RUN: not allo-opt %s --pass-pipeline='builtin.module(cse{)' 2>&1 | FileCheck %s --check-prefix=BRACE
// RUN: not allo-opt %s --pass-pipeline='cse' 2>&1 | FileCheck %s --check-prefix=WRAP

// UNBALANCED:      <unknown>:0: error: MLIR Textual PassPipeline Parser:1:11: error: encountered unbalanced parentheses while parsing pipeline
// UNBALANCED-NEXT: func.func(cse
// UNBALANCED-NEXT: {{^          \^$}}
// EXTRA:      MLIR Textual PassPipeline Parser:1:15: error: encountered extra closing ')' creating unbalanced parentheses while parsing pipeline
// EXTRA-NEXT: func.func(cse))
// EXTRA-NEXT: {{^              \^$}}
// COMMA:      MLIR Textual PassPipeline Parser:1:16: error: expected ',' after parsing pipeline
// BRACE:      MLIR Textual PassPipeline Parser:1:4: error: missing closing '}' while processing pass options
// WRAP:       <unknown>:0: error: expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'
func.func @f() {
  return
}
