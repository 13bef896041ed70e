// The hw dialect: fifo type, partition attribute, round trips of hand-written designs, verifier rules of invalid.mlir.
import { expect } from "chai";
import { Builtin, getMemRefType, getStringAttr, printOp, verify, walk, type Operation } from "@allo/ir-core";
import {
  fifoDepth, fifoElementType, fifoInfo, getFifoType, getPartitionAttr, HwDiag, isFifoType, isProcessingElement,
  partitionInfo, peArgumentUse, resolveInstance,
} from "@allo/dialect-hw";
import { skipWithReason } from "../../../test/tools/requires.js";
import {
  checkMlirOptAccepts, checkRoundTrips, defineInvalidTests, firstError, loadStdDialects, missingDialects, parseOk, repoFile,
} from "../../dialect-df/test/support.js";

await loadStdDialects();

/// A design that needs no other dialect: a chain of block fifos, PEs that only read and write.
const chain = `hw.design @chain(%X: memref<8x8xf32> {hw.partition = [#hw.partition<dim = 0, kind = complete>]}, %c: i32) {
  %f0 = hw.fifo "part[0]" : !hw.fifo<memref<8x8xf32>, 1>
  %f1 = hw.fifo "part[1]" : !hw.fifo<memref<8x8xf32>, 1>
  %s = hw.fifo "scalar" : !hw.fifo<i32, 16>
  hw.instance @stage_0(%X, %f0, %c, %s) : memref<8x8xf32>, !hw.fifo<memref<8x8xf32>, 1>, i32, !hw.fifo<i32, 16>
  hw.instance @stage_1(%f0, %f1, %s) : !hw.fifo<memref<8x8xf32>, 1>, !hw.fifo<memref<8x8xf32>, 1>, !hw.fifo<i32, 16>
  hw.instance @stage_2(%f1, %X) : !hw.fifo<memref<8x8xf32>, 1>, memref<8x8xf32>
}
func.func @stage_0(%X: memref<8x8xf32>, %out: !hw.fifo<memref<8x8xf32>, 1>, %c: i32, %s: !hw.fifo<i32, 16>) attributes {hw.pe} {
  hw.write %out, %X : !hw.fifo<memref<8x8xf32>, 1>
  hw.write %s, %c : !hw.fifo<i32, 16>
  return
}
func.func @stage_1(%in: !hw.fifo<memref<8x8xf32>, 1>, %out: !hw.fifo<memref<8x8xf32>, 1>, %s: !hw.fifo<i32, 16>) attributes {hw.pe} {
  %blk = hw.read %in : !hw.fifo<memref<8x8xf32>, 1>
  %n = hw.read %s : !hw.fifo<i32, 16>
  hw.write %out, %blk : !hw.fifo<memref<8x8xf32>, 1>
  return
}
func.func @stage_2(%in: !hw.fifo<memref<8x8xf32>, 1>, %X: memref<8x8xf32>) attributes {hw.pe} {
  %blk = hw.read %in : !hw.fifo<memref<8x8xf32>, 1>
  return
}
`;

describe("hw types and attributes", () => {
  it("interns fifo types and exposes element and depth", () => {
    const f = getFifoType(Builtin.f32, 4);
    expect(getFifoType(Builtin.f32, 4)).to.equal(f);
    expect(String(f)).to.equal("!hw.fifo<f32, 4>");
    expect(String(getFifoType(getMemRefType([4, 4], Builtin.i16), 2))).to.equal("!hw.fifo<memref<4x4xi16>, 2>");
    expect(fifoInfo(f)).to.deep.equal({ element: Builtin.f32, depth: 4 });
    expect(fifoElementType(f)).to.equal(Builtin.f32);
    expect(fifoDepth(f)).to.equal(4);
    expect(fifoInfo(Builtin.f32)).to.equal(null);
    expect(isFifoType(f) && !isFifoType(Builtin.i1)).to.equal(true);
  });

  it("prints partition attributes and exposes their fields", () => {
    const p = getPartitionAttr(1, "cyclic", 2);
    expect(String(p)).to.equal("#hw.partition<dim = 1, kind = cyclic, factor = 2>");
    expect(partitionInfo(p)).to.deep.equal({ dim: 1, kind: "cyclic", factor: 2 });
    expect(String(getPartitionAttr(0, "complete"))).to.equal("#hw.partition<dim = 0, kind = complete>");
    expect(partitionInfo(getPartitionAttr(0, "complete"))).to.deep.equal({ dim: 0, kind: "complete", factor: 0 });
  });

  it("reports bad types with hw codes", () => {
    expect(firstError(`func.func @f(%a: !hw.fifo<f32, 0>) {\n  return\n}`).code).to.equal(HwDiag.FifoDepth.code);
  });
});

describe("hw ops", () => {
  let generic = "";
  it("round-trips a design of block and scalar fifos (custom and generic)", () => {
    generic = checkRoundTrips(chain, "chain.mlir").generic;
  });

  it("prints its generic form so that mlir-opt-19 accepts and reprints it unchanged", function () {
    if (generic === "") generic = checkRoundTrips(chain, "chain.mlir").generic;
    checkMlirOptAccepts(this, generic);
  });

  it("prints the spec's custom syntax and names fifo results after the fifo", () => {
    const out = printOp(parseOk(chain));
    expect(out).to.contain(`  hw.design @chain(%arg0: memref<8x8xf32> {hw.partition = [#hw.partition<dim = 0, kind = complete>]}, %arg1: i32) {\n    %part5B05D = hw.fifo "part[0]" : !hw.fifo<memref<8x8xf32>, 1>\n`);
    expect(out).to.contain(`    hw.instance @stage_2(%part5B15D, %arg0) : !hw.fifo<memref<8x8xf32>, 1>, memref<8x8xf32>\n  }\n`);
    expect(out).to.contain(`  func.func @stage_1(%arg0: !hw.fifo<memref<8x8xf32>, 1>, %arg1: !hw.fifo<memref<8x8xf32>, 1>, %arg2: !hw.fifo<i32, 16>) attributes {hw.pe} {\n    %0 = hw.read %arg0 : !hw.fifo<memref<8x8xf32>, 1>\n`);
    expect(out).to.contain(`    hw.write %arg1, %0 : !hw.fifo<memref<8x8xf32>, 1>\n`);
  });

  it("prints the generic form with the spec's operands and properties", () => {
    const g = printOp(parseOk(chain), { generic: true });
    expect(g).to.contain(`"hw.design"() <{arg_attrs = [{hw.partition = [#hw.partition<dim = 0, kind = complete>]}, {}], function_type = (memref<8x8xf32>, i32) -> (), sym_name = "chain"}> ({`);
    expect(g).to.match(/"hw.fifo"\(\) <\{name = "part\[0\]"\}> : \(\) -> !hw.fifo<memref<8x8xf32>, 1>/);
    expect(g).to.match(/"hw.instance"\(%\d+, %arg\d+\) <\{callee = @stage_2\}> : \(!hw.fifo<memref<8x8xf32>, 1>, memref<8x8xf32>\) -> \(\)/);
    expect(g).to.match(/"hw.write"\(%arg\d+, %arg\d+\) : \(!hw.fifo<i32, 16>, i32\) -> \(\)/);
    expect(g).to.match(/%\d+ = "hw.read"\(%arg\d+\) : \(!hw.fifo<i32, 16>\) -> i32/);
  });

  it("resolves instances and classifies PE argument uses", () => {
    const ops: Operation[] = [];
    walk(parseOk(chain), (op) => ops.push(op), "pre");
    const inst = ops.filter((o) => o.name === "hw.instance");
    const pes = inst.map((i) => resolveInstance(i)!);
    expect(pes.every(isProcessingElement)).to.equal(true);
    expect([0, 1, 2].map((i) => peArgumentUse(pes[1], i))).to.deep.equal([
      { writes: false, reads: true }, { writes: true, reads: false }, { writes: false, reads: true },
    ]);
  });

  it("resolves callees again after the module changed", () => {
    const mod = parseOk(chain);
    const fn = mod.regions[0].entry.ops().find((o) => o.name === "func.func" && (o.props.get("sym_name") as unknown as { value: string }).value === "stage_2")!;
    expect(verify(mod)).to.deep.equal([]);
    fn.setProp("sym_name", getStringAttr("renamed"));
    expect(verify(mod).map((d) => d.message)).to.deep.equal(["'hw.instance' op 'stage_2' does not reference a valid function"]);
    fn.setProp("sym_name", getStringAttr("stage_2"));
    expect(verify(mod)).to.deep.equal([]);
    fn.remove();
    expect(verify(mod).map((d) => d.code)).to.deep.equal([HwDiag.InstanceCallee.code]);
  });

  describe("test/hw/ops.mlir (the spec's design, completed)", () => {
    const text = repoFile("test", "hw", "ops.mlir");
    let g = "";
    it("parses, verifies and round-trips (custom and generic)", function () {
      const missing = missingDialects(text);
      if (missing.length) skipWithReason(this, `skipped: dialect ${missing.join(", ")} not registered yet`);
      g = checkRoundTrips(text, "hw/ops.mlir").generic;
    });
    it("is accepted by mlir-opt-19 in generic form", function () {
      if (g === "") skipWithReason(this, "skipped: the round trip did not run");
      checkMlirOptAccepts(this, g);
    });
  });
});

describe("hw verifier: test/hw/invalid.mlir", () => {
  const codes = defineInvalidTests("test/hw/invalid.mlir");

  it("uses every hw diagnostic code, and codes are unique and in 7000-7999", () => {
    const all = Object.values(HwDiag).map((m) => m.code);
    expect(new Set(all).size, "unique codes").to.equal(all.length);
    for (const c of all) expect(c).to.be.within(7000, 7999);
    const seen = codes();
    expect(Object.entries(HwDiag).filter(([, m]) => !seen.has(m.code)).map(([k]) => k), "codes no invalid.mlir chunk produced").to.deep.equal([]);
  });
});
