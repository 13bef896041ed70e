// A pass option holding a pipeline (inline's op-pipelines): its parser prints the pipeline error itself, as it is,
// without llvm::cl's `tool: for the --x option:` line (what mlir-opt-19 prints, byte for byte).
// RUN: not allo-opt %s --pass-pipeline='builtin.module(inline{op-pipelines=bogus})' 2>&1 | FileCheck %s --check-prefix=WRAP
// RUN: not allo-opt %s --pass-pipeline='builtin.module(inline{op-pipelines=func.func(bogus)})' 2>&1 | FileCheck %s --check-prefix=NAME

// WRAP-NOT:    for the --op-pipelines option
// WRAP:        {{^}}expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'<unknown>:0: error: {{$}}
// WRAP-NEXT:   {{^}}failed to add `inline` with options `op-pipelines=bogus`
// NAME-NOT:    for the --op-pipelines option
// NAME:        {{^}}MLIR Textual PassPipeline Parser:1:1: error: 'bogus' does not refer to a registered pass or pass pipeline
// NAME-NEXT:   {{^}}bogus
// NAME-NEXT:   {{^\^$}}
// NAME-NEXT:   {{^}}<unknown>:0: error: {{$}}
// NAME-NEXT:   {{^}}failed to add `inline` with options `op-pipelines=func.func(bogus)`
func.func @f() {
  return
}
