// Source lines under a diagnostic are printed as LLVM's SourceMgr prints them: tabs expanded to 8 columns in the
// line and its caret line, columns counted in bytes of UTF-8, and no caret line under a line that is not ASCII.
// RUN: not allo-opt %s --split-input-file 2>&1 >/dev/null | FileCheck %s --strict-whitespace

// CHECK: {{^within split at .*}}:3:25: error: expected non-function type
// CHECK-NEXT: {{^        %0 = arith.constant     1 : i3x$}}
// CHECK-NEXT: {{^                                   \^$}}
// CHECK: {{^within split at .*}}:2:45: error: invalid attribute name
// CHECK-NEXT: {{^func.func @f\(\) attributes .* b = #} {$}}
// CHECK-NOT: {{\^}}

// -----
func.func @f() {
	%0 = arith.constant	1 : i3x
}

// -----
func.func @f() attributes {a = "é中", b = #} {
}
