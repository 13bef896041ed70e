// cf dialect: custom/generic round trips byte-compared with mlir-opt-19, successor operands, verifier diagnostics.
import { expect } from "chai";
import { parseString, walk, type Operation } from "@allo/ir-core";
import { successorOperandRanges } from "@allo/dialect-std";

import { describeInvalid, ours, requireMlirOpt, theirs, type Opts } from "./mlir-opt-support.js";

const inputs: Record<string, string> = {
  every_op: `
func.func @f(%c: i1, %x: i32, %y: f32, %i: i64) -> i32 {
  cf.assert %c, "must \\"hold\\""
  cf.br ^bb1(%x, %y : i32, f32)
^bb1(%a: i32, %b: f32):
  cf.cond_br %c, ^bb2(%a : i32), ^bb3 {branch_weights = 1 : i32}
^bb2(%z: i32):
  cf.switch %z : i32, [
    default: ^bb3,
    42: ^bb4(%z : i32),
    -1: ^bb3
  ]
^bb3:
  cf.switch %x : i32, [
    default: ^bb4(%x : i32)
  ]
^bb4(%r: i32):
  cf.switch %i : i64, [
    default: ^bb5,
    7: ^bb5,
    -8: ^bb6(%r, %r : i32, i32)
  ] {note}
^bb5:
  cf.cond_br %c, ^bb6(%x, %r : i32, i32), ^bb6(%r, %x : i32, i32)
^bb6(%p: i32, %q: i32):
  return %p : i32
}
`,
  nested: `
func.func @g(%c: i1) -> i32 {
  %r = scf.execute_region -> i32 {
    %one = arith.constant 1 : i32
    cf.cond_br %c, ^bb1(%one : i32), ^bb1(%one : i32)
  ^bb1(%v: i32):
    scf.yield %v : i32
  }
  return %r : i32
}
`,
};
const plain: Opts = {};

describe("cf: round trips", () => {
  for (const [name, text] of Object.entries(inputs)) {
    describe(name, () => {
      it("custom form is a fixed point and the generic form reparses to it", () => {
        const custom = ours(text, plain);
        expect(custom.diags.map((d) => d.message)).to.deep.equal([]);
        expect(ours(custom.out, plain).out).to.equal(custom.out);
        const generic = ours(text, { generic: true });
        expect(generic.diags.map((d) => d.message)).to.deep.equal([]);
        expect(ours(generic.out, plain).out).to.equal(custom.out);
        expect(ours(generic.out, { generic: true }).out).to.equal(generic.out);
      });
      it("custom form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        expect(ours(text, plain).out).to.equal(theirs(text, plain));
      });
      it("generic form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        expect(ours(text, { generic: true }).out).to.equal(theirs(text, { generic: true }));
      });
    });
  }
});

describe("cf: successor operands", () => {
  it("gives each successor its operand range (BranchOpInterface)", () => {
    const r = parseString(inputs.every_op);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
    const ranges: Record<string, [number, number][][]> = {};
    walk(r.op, (op: Operation) => { if (op.dialect === "cf" && op.successors.length) (ranges[op.name] ??= []).push(successorOperandRanges(op)); }, "pre");
    expect(ranges["cf.br"]).to.deep.equal([[[0, 2]]]);
    expect(ranges["cf.cond_br"]).to.deep.equal([[[1, 1], [2, 0]], [[1, 2], [3, 2]]]);
    expect(ranges["cf.switch"]).to.deep.equal([[[1, 0], [1, 1], [2, 0]], [[1, 1]], [[1, 0], [1, 0], [1, 2]]]);
  });
});

const fn = (body: string, args = "%x: i32, %c: i1"): string => `func.func @f(${args}) {\n${body}\n}\n`;

/// [name, input, first error message].
const invalid: [string, string, string][] = [
  ["br operand count", fn("  cf.br ^bb1(%x : i32)\n^bb1:\n  return"), "branch has 1 operands for successor #0, but target block has 0"],
  ["cond_br operand type", fn("  cf.cond_br %c, ^bb1, ^bb2(%x : i32)\n^bb1:\n  return\n^bb2(%y: f32):\n  return"),
    "type mismatch for bb argument #0 of successor #1"],
  ["switch case operands", fn("  cf.switch %x : i32, [\n    default: ^bb1,\n    42: ^bb1(%x : i32)\n  ]\n^bb1:\n  return"),
    "branch has 1 operands for successor #1, but target block has 0"],
  ["switch case value type", fn(`  "cf.switch"(%x)[^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, case_values = dense<[42]> : vector<1xi64>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()\n^bb1:\n  return`),
    "'cf.switch' op 'flag' type ('i32') should match case value type ('i64')"],
  ["switch case count", fn(`  "cf.switch"(%x)[^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, case_values = dense<[42, 43]> : vector<2xi32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()\n^bb1:\n  return`),
    "'cf.switch' op number of case values (2) should match number of case destinations (1)"],
  ["switch case segments", fn(`  "cf.switch"(%x)[^bb1, ^bb1] <{case_operand_segments = array<i32: 1>, case_values = dense<[42]> : vector<1xi32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()\n^bb1:\n  return`),
    "'cf.switch' op caseOperands count (0) does not match with the total size (1) specified in attribute 'case_operand_segments'"],
  ["branch not last", fn("  cf.br ^bb1\n  return\n^bb1:\n  return"), "operation with block successors must terminate its parent block"],
];

describeInvalid("cf", invalid);
