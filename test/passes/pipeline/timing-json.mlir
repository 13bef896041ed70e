// --mlir-timing --mlir-output-format=json: the timing report as mlir-opt's JSON array on stderr. In the tree display
// each timer opens a "passes" list of its children, closed by `{}]}`; `Rest` and `Total` end the array. In the list
// display every row is one object, `root` first.
// RUN: allo-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-timing --mlir-output-format=json -o /dev/null 2>&1 | FileCheck %s --check-prefix=TREE
// RUN: allo-opt %s --canonicalize --mlir-timing --mlir-output-format=json --mlir-timing-display=list -o /dev/null 2>&1 | FileCheck %s --check-prefix=LIST
// RUN: allo-opt %s --canonicalize --mlir-timing --mlir-output-format=text -o /dev/null 2>&1 | FileCheck %s --check-prefix=TEXT
// RUN: not allo-opt %s --mlir-timing --mlir-output-format=yaml 2>&1 | FileCheck %s --check-prefix=BAD

// TREE:      {{^\[$}}
// TREE-NEXT: {{^}}{"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": {{ *[0-9]+\.[0-9]}}}, "name": "Parser", "passes": [
// TREE-NEXT: {{^}}{}]},
// TREE-NEXT: {{^}}{"wall": {{.*}}, "name": "'func.func' Pipeline", "passes": [
// TREE-NEXT: {{^}}  {"wall": {{.*}}, "name": "CSE", "passes": [
// TREE-NEXT: {{^}}  {}]},
// TREE-NEXT: {{^}}  {"wall": {{.*}}, "name": "Canonicalizer", "passes": [
// TREE-NEXT: {{^}}  {}]},
// TREE-NEXT: {{^}}{}]},
// TREE-NEXT: {{^}}{"wall": {{.*}}, "name": "SymbolDCE", "passes": [
// TREE-NEXT: {{^}}{}]},
// TREE-NEXT: {{^}}{"wall": {{.*}}, "name": "Output", "passes": [
// TREE-NEXT: {{^}}{}]},
// TREE-NEXT: {{^}}{"wall": {{.*}}, "name": "Rest"},
// TREE-NEXT: {{^}}{"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": 100.0}, "name": "Total"}
// TREE-NEXT: {{^\]$}}
// TREE-NOT:  {{.}}

// LIST:      {{^\[$}}
// LIST-NEXT: {{^}}{"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": 100.0}, "name": "root"},
// LIST-DAG:  {{^}}{"wall": {{.*}}, "name": "Parser"},
// LIST-DAG:  {{^}}{"wall": {{.*}}, "name": "Canonicalizer"},
// LIST-DAG:  {{^}}{"wall": {{.*}}, "name": "Output"},
// LIST:      {{^}}{"wall": {{.*}}, "name": "Rest"},
// LIST-NEXT: {{^}}{"wall": {{.*}}, "name": "Total"}
// LIST-NEXT: {{^\]$}}

// TEXT:      ... Execution time report ...
// TEXT:      {{^}}  ----Wall Time----  ----Name----
// TEXT-NEXT: {{^ +[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  Parser$}}

// BAD: allo-opt: for the --mlir-output-format option: Cannot find option named 'yaml'!

func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  return %1 : i32
}
