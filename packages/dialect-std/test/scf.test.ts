// scf dialect: custom/generic round trips byte-compared with mlir-opt-19 and its corpus outputs, implicit terminators, verifier diagnostics.
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseString, registry, walk, type Operation } from "@allo/ir-core";
import "@allo/dialect-std";

import { corpusDir, describeInvalid, ours, requireMlirOpt, theirs } from "./mlir-opt-support.js";

const inputs: Record<string, string> = {
  every_op: `
func.func @f(%lb: index, %ub: index, %st: index, %c: i1, %x: f32, %i32: i32, %m: memref<?xf32>) -> f32 {
  scf.for %i = %lb to %ub step %st {
    %0 = memref.load %m[%i] : memref<?xf32>
  }
  %r = scf.for %i = %lb to %ub step %st iter_args(%acc = %x) -> (f32) {
    scf.yield %acc : f32
  }
  %r2:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %x, %b = %x) -> (f32, f32) {
    scf.yield %a, %b : f32, f32
  }
  scf.for %i = %i32 to %i32 step %i32 : i32 {
  }
  scf.if %c {
    %0 = memref.load %m[%lb] : memref<?xf32>
  }
  scf.if %c {
  } else {
  }
  %y = scf.if %c -> (f32) {
    scf.yield %x : f32
  } else {
    scf.yield %r : f32
  }
  %w = scf.while (%arg = %x) : (f32) -> f32 {
    scf.condition(%c) %arg : f32
  } do {
  ^bb0(%q: f32):
    scf.yield %q : f32
  }
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  }
  %p = scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%st, %st) init (%x) -> f32 {
    scf.reduce(%x : f32) {
    ^bb0(%l: f32, %rr: f32):
      scf.reduce.return %l : f32
    }
  }
  scf.parallel (%i) = (%lb) to (%ub) step (%st) {
  }
  %e = scf.execute_region -> f32 {
    scf.yield %x : f32
  }
  %s = scf.index_switch %lb -> f32
  case 2 {
    scf.yield %x : f32
  }
  case 5 {
    scf.yield %x : f32
  }
  default {
    scf.yield %x : f32
  }
  scf.index_switch %lb
  default {
  }
  return %y : f32
}
`,
  attributes_blocks_forall: `
func.func @f(%lb: i32, %ub: i32, %c: i1, %x: f32, %i: index, %t: tensor<4xf32>, %m: memref<4xf32>) -> (f32, i32) {
  %r:2 = scf.for %iv = %lb to %ub step %lb iter_args(%a = %x, %b = %lb) -> (f32, i32) : i32 {
    scf.if %c {
      scf.yield
    } {some.attr = 1 : i32}
    scf.yield %a, %b : f32, i32
  } {loop.attr}
  %w:2 = scf.while (%a = %x, %b = %lb) : (f32, i32) -> (i32, f32) {
    scf.condition(%c) %b, %a : i32, f32
  } do {
  ^bb0(%p: i32, %q: f32):
    scf.yield %q, %p : f32, i32
  } attributes {w.attr}
  %e = scf.execute_region -> i32 {
    "test.br"(%lb)[^bb1] : (i32) -> ()
  ^bb1(%z: i32):
    scf.yield %z : i32
  }
  %s:2 = scf.index_switch %i -> f32, i32
  case -1 {
    scf.yield %x, %lb : f32, i32
  }
  default {
    scf.yield %x, %lb : f32, i32
  }
  %p:2 = scf.parallel (%j) = (%i) to (%i) step (%i) init (%x, %lb) -> (f32, i32) {
    scf.reduce(%x, %lb : f32, i32) {
    ^bb0(%l: f32, %rr: f32):
      scf.reduce.return %l : f32
    }, {
    ^bb0(%l: i32, %rr: i32):
      scf.reduce.return %rr : i32
    }
  }
  scf.forall (%k, %l) in (%i, 8) {
    memref.store %x, %m[%k] : memref<4xf32>
  }
  scf.forall (%k) = (%i) to (%i) step (%i) {
  } {mapping = [#gpu.thread<x>]}
  %fa = scf.forall (%k) in (4) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
    }
  }
  return %r#0, %r#1 : f32, i32
}
`,
};
const unregistered: Opts = { allowUnregistered: true };

describe("scf: round trips", () => {
  for (const [name, text] of Object.entries(inputs)) {
    describe(name, () => {
      it("custom form is a fixed point and the generic form reparses to it", () => {
        const custom = ours(text, unregistered);
        expect(custom.diags.map((d) => d.message)).to.deep.equal([]);
        expect(ours(custom.out, unregistered).out).to.equal(custom.out);
        const generic = ours(text, { ...unregistered, generic: true });
        expect(generic.diags.map((d) => d.message)).to.deep.equal([]);
        expect(ours(generic.out, unregistered).out).to.equal(custom.out);
        expect(ours(generic.out, { ...unregistered, generic: true }).out).to.equal(generic.out);
      });
      it("custom form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        expect(ours(text, unregistered).out).to.equal(theirs(text, unregistered));
      });
      it("generic form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        expect(ours(text, { ...unregistered, generic: true }).out).to.equal(theirs(text, { ...unregistered, generic: true }));
      });
    });
  }
});

describe("scf: implicit terminators and block arguments", () => {
  const text = `func.func @f(%c: i1, %n: index, %x: f32) {
  scf.if %c {
  } else {
  }
  scf.for %i = %n to %n step %n {
    scf.for %j = %n to %n step %n {
    }
  }
  scf.parallel (%i) = (%n) to (%n) step (%n) {
  }
  return
}`;
  it("inserts scf.yield / scf.reduce when a block lacks them", () => {
    const r = parseString(text, "input.mlir");
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const terms: string[] = [];
    walk(r.op, (op: Operation) => {
      if (op.name === "scf.if" || op.name === "scf.for" || op.name === "scf.parallel") for (const reg of op.regions) terms.push(`${op.name}:${reg.entry.lastOp!.name}`);
    });
    expect(terms).to.deep.equal(["scf.if:scf.yield", "scf.if:scf.yield", "scf.for:scf.yield", "scf.for:scf.yield", "scf.parallel:scf.reduce"]);
  });
  it("elides operand-less yields, prints reduce, names induction variables %argN", () => {
    expect(ours(text).out).to.equal(`module {
  func.func @f(%arg0: i1, %arg1: index, %arg2: f32) {
    scf.if %arg0 {
    } else {
    }
    scf.for %arg3 = %arg1 to %arg1 step %arg1 {
      scf.for %arg4 = %arg1 to %arg1 step %arg1 {
      }
    }
    scf.parallel (%arg3) = (%arg1) to (%arg1) step (%arg1) {
      scf.reduce 
    }
    return
  }
}

`);
  });
  it("prints the yields in generic form", () => {
    const g = ours(text, { generic: true }).out;
    expect(g.match(/"scf.yield"\(\) : \(\) -> \(\)/g)?.length).to.equal(4);
    expect(g).to.include("^bb0(%arg5: index):");
  });
});

// Corpus files of mlir-opt-19 whose ops all belong to registered dialects (the others wait for their dialects).
const manifest: { file: string; tier: string; flags: string[]; ops: string[] }[] = existsSync(join(corpusDir, "manifest.jsonl"))
  ? readFileSync(join(corpusDir, "manifest.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  : [];
const known = new Set(["builtin", "func", "arith", "memref", "scf"]);
const corpus = manifest.filter((m) => (m.tier === "A" || m.tier === "B") && m.ops.some((o) => o.startsWith("scf.")) &&
  m.ops.every((o) => (known.has(o.slice(0, o.indexOf("."))) && registry.hasDialect(o.slice(0, o.indexOf(".")))) ||
    (m.flags.includes("--allow-unregistered-dialect") && o.startsWith("test."))));

describe("scf: corpus outputs of mlir-opt-19", () => {
  for (const m of corpus) {
    const rel = m.file.slice("valid/".length, -".mlir".length);
    const o: Opts = { split: m.flags.includes("--split-input-file"), allowUnregistered: m.flags.includes("--allow-unregistered-dialect") };
    it(`${rel}: custom and generic forms`, () => {
      const text = readFileSync(join(corpusDir, m.file), "utf8");
      const custom = ours(text, o);
      expect(custom.diags.map((d) => d.message)).to.deep.equal([]);
      expect(custom.out).to.equal(readFileSync(join(corpusDir, "expected", rel + ".custom.mlir"), "utf8"));
      const generic = readFileSync(join(corpusDir, "expected", rel + ".generic.mlir"), "utf8");
      expect(ours(text, { ...o, generic: true }).out).to.equal(generic);
    });
  }
});

const fn = (body: string, args = "%lb: index, %x: f32, %c: i1") => `func.func @f(${args}) {\n${body}\n  return\n}`;

// Each input fails with MLIR 19's first diagnostic.
const invalid: [string, string, string][] = [
  ["for iter_arg type", fn(`  %r = "scf.for"(%lb, %lb, %lb, %x) ({\n  ^bb0(%i: index, %a: i32):\n    scf.yield %x : f32\n  }) : (index, index, index, f32) -> (f32)`),
    "'scf.for' op 0-th init and 0-th region iter_arg have different type: 'f32' != 'i32'"],
  ["for yield count", fn("  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x) -> (f32) {\n    scf.yield\n  }"),
    "'scf.for' op  region control flow edge from Region #0 to Region #0: source has 0 operands, but target successor needs 1"],
  ["for yield type", fn("  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x) -> (f32) {\n    %c1 = arith.constant 1 : i32\n    scf.yield %c1 : i32\n  }"),
    "'scf.for' op 0-th region iter_arg and 0-th yielded value have different type: 'f32' != 'i32'"],
  ["for result type", fn(`  %r = "scf.for"(%lb, %lb, %lb, %x) ({\n  ^bb0(%iv: index, %a: f32):\n    scf.yield %a : f32\n  }) : (index, index, index, f32) -> (i32)`),
    "'scf.for' op 0-th region iter_arg and 0-th loop result have different type: 'f32' != 'i32'"],
  ["for bound types", fn(`  "scf.for"(%lb, %lb, %i) ({\n  ^bb0(%iv: index):\n    scf.yield\n  }) : (index, index, i32) -> ()`, "%lb: index, %i: i32"),
    "'scf.for' op failed to verify that all of {lowerBound, upperBound, step} have same type"],
  ["for induction variable type", fn(`  "scf.for"(%lb, %lb, %lb) ({\n  ^bb0(%iv: i32):\n    scf.yield\n  }) : (index, index, index) -> ()`),
    "'scf.for' op expected induction variable to be same type as bounds and step"],
  ["for iter_args count", fn("  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x, %b = %x) -> (f32) {\n    scf.yield %a : f32\n  }"),
    "custom op 'scf.for' mismatch in number of loop-carried values and defined values"],
  ["if without else", fn("  %r = scf.if %c -> (f32) {\n    scf.yield %x : f32\n  }"), "'scf.if' op must have an else block if defining values"],
  ["if else yield count", fn("  %r = scf.if %c -> (f32) {\n    scf.yield %x : f32\n  } else {\n    scf.yield\n  }"),
    "'scf.if' op  region control flow edge from Region #1 to parent results: source has 0 operands, but target successor needs 1"],
  ["if else yield type", fn("  %r = scf.if %c -> (f32) {\n    scf.yield %x : f32\n  } else {\n    %y = arith.constant 1 : i32\n    scf.yield %y : i32\n  }"),
    "'scf.if' op  along control flow edge from Region #1 to parent results: source type #0 'i32' should match input type #0 'f32'"],
  ["while before terminator", fn("  scf.while (%a = %x) : (f32) -> () {\n    scf.yield\n  } do {\n    scf.yield\n  }"),
    "'scf.while' op expects the 'before' region to terminate with 'scf.condition'"],
  ["while yield count", fn("  %r = scf.while (%a = %x) : (f32) -> f32 {\n    scf.condition(%c) %a : f32\n  } do {\n  ^bb0(%b: f32):\n    scf.yield %b, %b : f32, f32\n  }"),
    "'scf.while' op  region control flow edge from Region #1 to Region #0: source has 2 operands, but target successor needs 1"],
  ["while after argument type", fn("  %r = scf.while (%a = %x) : (f32) -> f32 {\n    scf.condition(%c) %a : f32\n  } do {\n  ^bb0(%b: i32):\n    scf.yield %x : f32\n  }"),
    "'scf.while' op  along control flow edge from Region #0 to Region #1: source type #0 'f32' should match input type #0 'i32'"],
  ["while input types", fn("  %w = scf.while (%a = %x) : (f32, f32) -> f32 {\n    scf.condition(%c) %a : f32\n  } do {\n  ^bb0(%b: f32):\n    scf.yield %b : f32\n  }"),
    "custom op 'scf.while' expected as many input types as operands (expected 1 got 2)"],
  ["parallel reductions", fn("  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%x) -> f32 {\n    scf.reduce\n  }"),
    "'scf.parallel' op expects number of results: 1 to be the same as number of reductions: 0"],
  ["parallel induction variables", fn(`  "scf.parallel"(%lb, %lb, %lb) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>}> ({\n  ^bb0(%a: index, %b: index):\n    scf.reduce\n  }) : (index, index, index) -> ()`),
    "'scf.parallel' op expects the same number of induction variables: 2 as bound and step values: 1"],
  ["parallel without bounds", fn(`  "scf.parallel"() <{operandSegmentSizes = array<i32: 0, 0, 0, 0>}> ({\n    scf.reduce\n  }) : () -> ()`),
    "'scf.parallel' op needs at least one tuple element for lowerBound, upperBound and step"],
  ["reduce region arguments", fn("  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%x) -> f32 {\n    scf.reduce(%x : f32) {\n    ^bb0(%l: f32):\n      scf.reduce.return %l : f32\n    }\n  }"),
    "'scf.reduce' op expected two block arguments with type 'f32' in the 0-th reduction region"],
  ["reduce.return type", fn("  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%x) -> f32 {\n    scf.reduce(%x : f32) {\n    ^bb0(%l: f32, %rr: f32):\n      %k = arith.constant 1 : i32\n      scf.reduce.return %k : i32\n    }\n  }"),
    "'scf.reduce.return' op must have type 'f32' (the type of the reduction inputs)"],
  ["yield parent", fn("  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%x) -> f32 {\n    scf.reduce(%x : f32) {\n    ^bb0(%l: f32, %rr: f32):\n      scf.yield\n    }\n  }"),
    "'scf.yield' op expects parent op to be one of 'scf.execute_region, scf.for, scf.if, scf.index_switch, scf.while'"],
  ["condition parent", "func.func @f(%c: i1) {\n  scf.condition(%c)\n}", "'scf.condition' op expects parent op 'scf.while'"],
  ["execute_region arguments", fn("  %0 = scf.execute_region -> f32 {\n  ^bb0(%a: f32):\n    scf.yield %a : f32\n  }"), "'scf.execute_region' op region cannot have any arguments"],
  ["execute_region yield", fn("  %r = scf.execute_region -> f32 {\n    scf.yield\n  }"),
    "'scf.execute_region' op  region control flow edge from Region #0 to parent results: source has 0 operands, but target successor needs 1"],
  ["index_switch duplicate case", fn("  scf.index_switch %lb\n  case 1 {\n    scf.yield\n  }\n  case 1 {\n    scf.yield\n  }\n  default {\n  }"),
    "'scf.index_switch' op has duplicate case value: 1"],
  ["index_switch yield count", fn("  %0 = scf.index_switch %lb -> f32\n  case 1 {\n    scf.yield\n  }\n  default {\n    scf.yield %x : f32\n  }"),
    "'scf.index_switch' op expected each region to return 1 values, but case region #0 returns 0"],
  ["index_switch yield type", fn("  %0 = scf.index_switch %lb -> f32\n  case 1 {\n    %y = arith.constant 1 : i32\n    scf.yield %y : i32\n  }\n  default {\n    scf.yield %x : f32\n  }"),
    "'scf.index_switch' op expected result #0 of each region to be 'f32'"],
  ["forall outputs", fn(`  "scf.forall"(%t) <{operandSegmentSizes = array<i32: 0, 0, 0, 1>, staticLowerBound = array<i64: 0>, staticUpperBound = array<i64: 4>, staticStep = array<i64: 1>}> ({\n  ^bb0(%i: index, %o: tensor<4xf32>):\n    scf.forall.in_parallel {\n    }\n  }) : (tensor<4xf32>) -> ()`, "%t: tensor<4xf32>"),
    "'scf.forall' op produces 0 results, but has only 1 outputs"],
  ["forall bounds", fn("  scf.forall (%i) in (4, 5) {\n  }"), "expected 1 upper bound values, got 2"],
];

describeInvalid("scf", invalid);
