// IR that may not verify prints as mlir-opt-19 prints it: in generic form when it fails to verify (the IR dump after a
// pass that broke it, the output of --verify-each=false), in custom form under --mlir-print-assume-verified.
import { expect } from "chai";
import { definePass, registerPass, walk } from "@allo/ir-core";
import { runAllo } from "./support.js";

/// Moves each function's return before the ops it uses: the function no longer verifies.
const BreakOrder = definePass({
  argument: "test-print-break-order",
  summary: "Moves a return before the ops it uses",
  anchor: "func.func",
  run(fn) {
    walk(fn, (op) => { if (op.name === "func.return" && op.prev !== null) op.moveBefore(op.parent!.firstOp!); }, "pre");
  },
});
registerPass(BreakOrder);

const input = `func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
func.func @g(%a: i32) -> i32 {
  return %a : i32
}
`;

const dumpHeader = "// -----// IR Dump After TestPrintBreakOrder Failed (test-print-break-order) //----- //\n";
const genericF = `"func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
^bb0(%arg0: i32):
  "func.return"(%0) : (i32) -> ()
  %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
}) : () -> ()
`;
const customF = `func.func @f(%arg0: i32) -> i32 {
  return %0 : i32
  %0 = arith.addi %arg0, %arg0 : i32
}
`;

describe("printing IR that may not verify", () => {
  const failing = ["--test-print-break-order", "--mlir-print-ir-after-failure", "--mlir-disable-threading"];

  it("dumps the op a pass broke in generic form, as MLIR's printer does after verifying it", () => {
    const r = runAllo(failing, input);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain(dumpHeader + genericF + "\n");
  });

  it("dumps it in custom form under --mlir-print-assume-verified", () => {
    const r = runAllo([...failing, "--mlir-print-assume-verified"], input);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain(dumpHeader + customF + "\n");
  });

  it("verifies the whole module for a module-scope dump", () => {
    const r = runAllo([...failing, "--mlir-print-ir-module-scope"], input);
    expect(r.stderr).to.contain("('func.func' operation: @f) //----- //\n\"builtin.module\"() ({\n");
    const assumed = runAllo([...failing, "--mlir-print-ir-module-scope", "--mlir-print-assume-verified"], input);
    expect(assumed.stderr).to.contain("('func.func' operation: @f) //----- //\nmodule {\n  func.func @f(%arg0: i32) -> i32 {\n    return %0 : i32\n");
  });

  it("prints the output of --verify-each=false in generic form when it does not verify", () => {
    const r = runAllo(["--test-print-break-order", "--verify-each=false"], input);
    expect(r.exitCode).to.equal(0);
    expect(r.stdout).to.match(/^"builtin.module"\(\) \(\{\n {2}"func.func"\(\)/);
    const assumed = runAllo(["--test-print-break-order", "--verify-each=false", "--mlir-print-assume-verified"], input);
    expect(assumed.stdout).to.equal("module {\n" + customF.replace(/^/gm, "  ").replace(/ +$/, "") + "  func.func @g(%arg0: i32) -> i32 {\n    return %arg0 : i32\n  }\n}\n\n");
  });

  it("dumps after each pass of --verify-each=false check the IR too; verified IR prints in custom form", () => {
    const r = runAllo(["--test-print-break-order", "--verify-each=false", "--mlir-print-ir-after-all", "--mlir-disable-threading"], input);
    expect(r.stderr).to.contain("// -----// IR Dump After TestPrintBreakOrder (test-print-break-order) //----- //\n" + genericF);
    // @g keeps a single op, so it still verifies and prints in custom form.
    expect(r.stderr).to.contain("//----- //\nfunc.func @g(%arg0: i32) -> i32 {\n  return %arg0 : i32\n}\n");
    const valid = runAllo(["--cse", "--mlir-print-assume-verified"], input);
    expect(valid.stdout).to.contain("func.func @f(%arg0: i32) -> i32 {\n    %0 = arith.addi %arg0, %arg0 : i32\n");
  });
});
