// Tests of linalg.fill/matmul/add: custom and generic forms against mlir-opt-19, hidden regions, verifiers.
import { spawnSync } from "node:child_process";
import { expect } from "chai";
import { parseString, printOp, renderDiagnostic, type Operation } from "@allo/ir-core";
import "@allo/dialect-std";
import { findTool, skipWithReason } from "../../../test/tools/requires.js";

const mlirOptPath = "/usr/bin/mlir-opt-19";

/// Runs mlir-opt-19 on `input`, or skips the test when it is not installed.
function mlirOpt(ctx: Mocha.Context, input: string, args: readonly string[] = []): string {
  if (findTool(mlirOptPath) === null) {
    console.log("      skipped: mlir-opt-19 not found");
    skipWithReason(ctx, "skipped: mlir-opt-19 not found");
  }
  const r = spawnSync(mlirOptPath, [...args, "-"], { input, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`mlir-opt-19 failed:\n${r.stderr}`);
  return r.stdout;
}

function parse(text: string): Operation {
  const r = parseString(text, "<test>");
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join("\n"));
  return r.op;
}
function print(op: Operation, generic = false): string { return printOp(op, { generic }) + "\n"; }
function firstError(text: string): string | null {
  const r = parseString(text, "<test>");
  return r.ok ? null : r.diagnostics[0].message;
}

const namedOps = `func.func @f(%A: memref<4x8xf32>, %B: memref<8x16xf32>, %C: memref<4x16xf32>, %z: f32, %I: memref<32x32xi32>, %c: i32, %T: tensor<4x8xf32>, %U: tensor<8x16xf32>, %V: tensor<4x16xf32>) {
  linalg.fill ins(%z : f32) outs(%C : memref<4x16xf32>)
  linalg.fill ins(%c : i32) outs(%I : memref<32x32xi32>)
  linalg.matmul ins(%A, %B : memref<4x8xf32>, memref<8x16xf32>) outs(%C : memref<4x16xf32>)
  linalg.add ins(%C, %C : memref<4x16xf32>, memref<4x16xf32>) outs(%C : memref<4x16xf32>)
  %0 = linalg.matmul ins(%T, %U : tensor<4x8xf32>, tensor<8x16xf32>) outs(%V : tensor<4x16xf32>) -> tensor<4x16xf32>
  %1 = linalg.fill ins(%z : f32) outs(%V : tensor<4x16xf32>) -> tensor<4x16xf32>
  %2 = linalg.add ins(%V, %V : tensor<4x16xf32>, tensor<4x16xf32>) outs(%V : tensor<4x16xf32>) -> tensor<4x16xf32>
  linalg.add ins(%I, %I : memref<32x32xi32>, memref<32x32xi32>) outs(%I : memref<32x32xi32>)
  linalg.matmul ins(%I, %I : memref<32x32xi32>, memref<32x32xi32>) outs(%I : memref<32x32xi32>)
  linalg.matmul {foo = 1 : i64} ins(%A, %B : memref<4x8xf32>, memref<8x16xf32>) outs(%C : memref<4x16xf32>)
  return
}
`;

// Bodies with casts: the region builder converts inputs to the output element type (signed casts).
const castingOps = `func.func @g(%A: memref<4x8xi8>, %B: memref<8x16xi8>, %C: memref<4x16xi32>, %D: memref<4x8xf16>, %F: memref<4x16xf32>, %z: i32, %G: memref<4x8xf32>, %H: memref<4x16xi8>, %I: memref<4x8xi1>, %J: memref<8x16xi1>, %K: memref<4x16xi1>, %x: f64, %idx: index, %C2: memref<4x8xi32>, %F2: memref<8x16xf32>, %Fi: memref<4x8xindex>, %Dy: memref<?x8xf32>, %Ey: memref<8x?xf32>, %Cy: memref<?x?xf32>) {
  linalg.matmul ins(%A, %B : memref<4x8xi8>, memref<8x16xi8>) outs(%C : memref<4x16xi32>)
  linalg.matmul ins(%D, %B : memref<4x8xf16>, memref<8x16xi8>) outs(%F : memref<4x16xf32>)
  linalg.fill ins(%z : i32) outs(%G : memref<4x8xf32>)
  linalg.matmul ins(%C2, %B : memref<4x8xi32>, memref<8x16xi8>) outs(%H : memref<4x16xi8>)
  linalg.matmul ins(%I, %J : memref<4x8xi1>, memref<8x16xi1>) outs(%K : memref<4x16xi1>)
  linalg.fill ins(%x : f64) outs(%G : memref<4x8xf32>)
  linalg.fill ins(%idx : index) outs(%C : memref<4x16xi32>)
  linalg.matmul ins(%G, %F2 : memref<4x8xf32>, memref<8x16xf32>) outs(%C : memref<4x16xi32>)
  linalg.matmul ins(%Fi, %B : memref<4x8xindex>, memref<8x16xi8>) outs(%C : memref<4x16xi32>)
  linalg.add ins(%I, %I : memref<4x8xi1>, memref<4x8xi1>) outs(%I : memref<4x8xi1>)
  linalg.fill ins(%z : i32) outs(%A : memref<4x8xi8>)
  linalg.fill ins(%x : f64) outs(%C : memref<4x16xi32>)
  linalg.matmul ins(%Dy, %Ey : memref<?x8xf32>, memref<8x?xf32>) outs(%Cy : memref<?x?xf32>)
  return
}
`;

describe("linalg: syntax", () => {
  it("prints the custom form without the region and the generic form with it", () => {
    const m = parse(`func.func @f(%A: memref<4x8xf32>, %B: memref<8x16xf32>, %C: memref<4x16xf32>, %z: f32) {
  linalg.fill ins(%z : f32) outs(%C : memref<4x16xf32>)
  linalg.matmul ins(%A, %B : memref<4x8xf32>, memref<8x16xf32>) outs(%C : memref<4x16xf32>)
  return
}`);
    expect(print(m)).to.equal(`module {
  func.func @f(%arg0: memref<4x8xf32>, %arg1: memref<8x16xf32>, %arg2: memref<4x16xf32>, %arg3: f32) {
    linalg.fill ins(%arg3 : f32) outs(%arg2 : memref<4x16xf32>)
    linalg.matmul ins(%arg0, %arg1 : memref<4x8xf32>, memref<8x16xf32>) outs(%arg2 : memref<4x16xf32>)
    return
  }
}

`);
    expect(print(m, true)).to.equal(`#map = affine_map<(d0, d1, d2) -> (d0, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2, d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<4x8xf32>, memref<8x16xf32>, memref<4x16xf32>, f32) -> (), sym_name = "f"}> ({
  ^bb0(%arg0: memref<4x8xf32>, %arg1: memref<8x16xf32>, %arg2: memref<4x16xf32>, %arg3: f32):
    "linalg.fill"(%arg3, %arg2) <{operandSegmentSizes = array<i32: 1, 1>}> ({
    ^bb0(%arg7: f32, %arg8: f32):
      "linalg.yield"(%arg7) : (f32) -> ()
    }) : (f32, memref<4x16xf32>) -> ()
    "linalg.matmul"(%arg0, %arg1, %arg2) <{operandSegmentSizes = array<i32: 2, 1>}> ({
    ^bb0(%arg4: f32, %arg5: f32, %arg6: f32):
      %0 = "arith.mulf"(%arg4, %arg5) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
      %1 = "arith.addf"(%arg6, %0) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
      "linalg.yield"(%1) : (f32) -> ()
    }) {linalg.memoized_indexing_maps = [#map, #map1, #map2]} : (memref<4x8xf32>, memref<8x16xf32>, memref<4x16xf32>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

`);
  });

  it("builds signed casts and boolean arithmetic into the region", () => {
    const g = print(parse(castingOps), true);
    expect(g).to.contain(`"arith.extsi"(%arg`);
    expect(g).to.match(/"arith.sitofp"\(%arg\d+\) : \(i8\) -> f32/);
    expect(g).to.match(/"arith.extf"\(%arg\d+\) : \(f16\) -> f32/);
    expect(g).to.match(/"arith.trunci"\(%arg\d+\) : \(i32\) -> i8/);
    expect(g).to.match(/"arith.andi"\(%arg\d+, %arg\d+\) : \(i1, i1\) -> i1/);
    expect(g).to.match(/"arith.ori"\(%arg\d+, %\d+\) : \(i1, i1\) -> i1/);
    expect(g).to.match(/"arith.truncf"\(%arg\d+\) : \(f64\) -> f32/);
    expect(g).to.match(/"arith.index_cast"\(%arg\d+\) : \(index\) -> i32/);
    expect(g).to.match(/"arith.fptosi"\(%arg\d+\) : \(f32\) -> i32/);
  });

  it("round-trips: custom -> custom, custom -> generic -> custom, generic -> generic", () => {
    for (const text of [namedOps, castingOps]) {
      const custom = print(parse(text));
      const generic = print(parse(text), true);
      expect(print(parse(custom))).to.equal(custom);
      expect(print(parse(generic))).to.equal(custom);
      expect(print(parse(generic), true)).to.equal(generic);
    }
  });

  it("memoizes matmul's indexing maps when a generic op without them is verified", () => {
    const m = parse(`func.func @f(%A: memref<4x8xf32>, %B: memref<8x16xf32>, %C: memref<4x16xf32>) {
  "linalg.matmul"(%A, %B, %C) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%a: f32, %b: f32, %c: f32):
    %0 = arith.mulf %a, %b : f32
    %1 = arith.addf %c, %0 : f32
    linalg.yield %1 : f32
  }) : (memref<4x8xf32>, memref<8x16xf32>, memref<4x16xf32>) -> ()
  return
}`);
    expect(print(m, true)).to.contain(`{linalg.memoized_indexing_maps = [#map, #map1, #map2]}`);
    expect(print(m)).to.contain(`    linalg.matmul ins(%arg0, %arg1 : memref<4x8xf32>, memref<8x16xf32>) outs(%arg2 : memref<4x16xf32>)\n`);
  });

  it("prints as mlir-opt-19 does, in custom and generic form", function () {
    for (const text of [namedOps, castingOps]) {
      expect(print(parse(text))).to.equal(mlirOpt(this, text));
      expect(print(parse(text), true)).to.equal(mlirOpt(this, text, ["--mlir-print-op-generic"]));
    }
  });

  it("reads mlir-opt-19's generic output back (and mlir-opt-19 reads ours)", function () {
    for (const text of [namedOps, castingOps]) {
      const theirs = mlirOpt(this, text, ["--mlir-print-op-generic"]);
      expect(print(parse(theirs))).to.equal(mlirOpt(this, text));
      expect(mlirOpt(this, print(parse(text), true))).to.equal(mlirOpt(this, text));
    }
  });
});

describe("linalg: verifier", () => {
  const sig = "%A: memref<4x8xf32>, %B: memref<8x16xf32>, %C: memref<4x16xf32>, %B7: memref<7x16xf32>, %C15: memref<4x15xf32>, %A3: memref<4x8x2xf32>, %Ci: memref<4x8xi32>, %z: f32, %T: tensor<4x8xf32>, %Tf: tensor<f32>";
  const cases: [string, string][] = [
    ["linalg.matmul ins(%A, %B7 : memref<4x8xf32>, memref<7x16xf32>) outs(%C : memref<4x16xf32>)", "'linalg.matmul' op inferred input/output operand #1 has shape's dimension #0 to be 8, but found 7"],
    ["linalg.matmul ins(%A, %B : memref<4x8xf32>, memref<8x16xf32>) outs(%C15 : memref<4x15xf32>)", "'linalg.matmul' op inferred input/output operand #2 has shape's dimension #1 to be 16, but found 15"],
    ["linalg.matmul ins(%A3, %B : memref<4x8x2xf32>, memref<8x16xf32>) outs(%C : memref<4x16xf32>)", "'linalg.matmul' op expected operand rank (3) to match the result rank of indexing_map #0 (2)"],
    ["linalg.matmul ins(%A : memref<4x8xf32>) outs(%C : memref<4x16xf32>)", "custom op 'linalg.matmul' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2"],
    ["linalg.add ins(%A, %A : memref<4x8xf32>, memref<4x8xf32>) outs(%C : memref<4x16xf32>)", "'linalg.add' op inferred input/output operand #2 has shape's dimension #1 to be 8, but found 16"],
    ["linalg.add ins(%A, %A : memref<4x8xf32>, memref<4x8xf32>) outs(%Ci : memref<4x8xi32>)", "'linalg.yield' op type of yield operand 1 ('f32') doesn't match the element type of the enclosing linalg.generic op ('i32')"],
    ["linalg.fill ins(%z : f32) outs(%T : tensor<4x8xf32>)", "'linalg.fill' op expected the number of tensor results (0) to be equal to the number of output tensors (1)"],
    ["%0 = linalg.fill ins(%z : f32) outs(%T : tensor<4x8xf32>) -> tensor<4x8xf16>", "'linalg.fill' op expected type of operand #1 ('tensor<4x8xf32>') to match type of corresponding result ('tensor<4x8xf16>')"],
    ["linalg.fill ins(%z : f32) outs(%z : f32)", "'linalg.fill' op operand #1 must be variadic of shaped of any type values, but got 'f32'"],
    ["linalg.fill ins(%Tf : tensor<f32>) outs(%A : memref<4x8xf32>)", "expected op with scalar input"],
    ["linalg.fill ins(%z, %z : f32, f32) outs(%A : memref<4x8xf32>)", "custom op 'linalg.fill' [parseNamedStructuredOpRegion] ods-gen generated region expects 2 args, got 3"],
    [`"linalg.fill"(%z, %z, %A) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %c: f32):
    linalg.yield %x : f32
  }) : (f32, f32, memref<4x8xf32>) -> ()`, "expected op with 1 input and 1 output"],
    [`"linalg.fill"(%z, %A) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %c: f64):
    linalg.yield %x : f32
  }) : (f32, memref<4x8xf32>) -> ()`, "'linalg.fill' op expected type of bb argument #1 ('f64') to match element or self type of the corresponding operand ('f32')"],
    [`"linalg.fill"(%z, %A) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %c: f32):
    linalg.yield %x, %x : f32, f32
  }) : (f32, memref<4x8xf32>) -> ()`, "'linalg.yield' op expected number of yield values (2) to match the number of inits / outs operands of the enclosing LinalgOp (1)"],
    [`"linalg.fill"(%z, %A) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  }) : (f32, memref<4x8xf32>) -> ()`, "'linalg.fill' op expects to have 1 region with 1 block"],
  ];
  for (const [body, message] of cases) {
    it(message, () => {
      expect(firstError(`func.func @f(${sig}) {\n  ${body}\n  return\n}`)).to.equal(message);
    });
  }

  it("'linalg.yield' op expected parent op with LinalgOp interface", () => {
    expect(firstError(`func.func @f(%z: f32) {\n  linalg.yield %z : f32\n}`)).to.equal("'linalg.yield' op expected parent op with LinalgOp interface");
  });

  it("accepts dynamic shapes (no static loop-range check)", () => {
    expect(firstError(`func.func @f(%A: memref<?x8xf32>, %B: memref<8x?xf32>, %C: memref<?x?xf32>) {
  linalg.matmul ins(%A, %B : memref<?x8xf32>, memref<8x?xf32>) outs(%C : memref<?x?xf32>)
  return
}`)).to.equal(null);
  });
});
