// Emitter tests: golden C++ for the hand-lowered designs and the spec examples (test/baselines/reference/hls/),
// warning-free compilation, PE call order, FIFO cycles, pragmas, plain functions and diagnostics.
import { emitHls } from "@allo/target-hls";
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareBaseline } from "../../../test/tools/baseline.js";
import { findTool, skipWithReason } from "../../../test/tools/requires.js";
import { compileCpp, emitOk, EXAMPLES, hasDfToHw, INPUTS, lowerToHw, parse, render } from "./helpers.js";

const hasGxx = () => findTool("g++") !== null;

/// Compiles `cpp` under the strict flags and expects neither errors nor warnings.
function expectCleanCompile(cpp: string, what: string): void {
  const r = compileCpp(cpp);
  expect(r.status, `${what}:\n${r.stderr}`).to.equal(0);
  expect(r.stderr, what).to.equal("");
}

describe("target-hls: emitter baselines", function () {
  this.timeout(120_000);

  describe("hand-written inputs", () => {
    for (const file of readdirSync(INPUTS).filter((f) => f.endsWith(".mlir")).sort()) {
      it(file, () => {
        const cpp = emitOk(parse(readFileSync(join(INPUTS, file), "utf8"), file)).cpp;
        if (hasGxx()) expectCleanCompile(cpp, file);
        compareBaseline(`hls/hw/${file.replace(/\.hw\.mlir$|\.mlir$/, "")}.cpp`, cpp);
      });
    }
  });

  describe("spec examples through df-to-hw", () => {
    before(function () {
      if (!hasDfToHw()) skipWithReason(this, "skipped: the df-to-hw pipeline is not registered");
    });
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".mlir")).sort()) {
      it(file, () => {
        const module = parse(readFileSync(join(EXAMPLES, file), "utf8"), file);
        lowerToHw(module);
        const cpp = emitOk(module).cpp;
        if (hasGxx()) expectCleanCompile(cpp, file);
        compareBaseline(`hls/${file.replace(/\.mlir$/, "")}.cpp`, cpp);
      });
    }
  });
});

describe("target-hls: emitter", function () {
  this.timeout(60_000);

  const pipe = (order: "pc" | "cp") => {
    const p = "  hw.instance @producer(%A, %pipe) : memref<8xf32>, !hw.fifo<f32, 2>";
    const c = "  hw.instance @consumer(%pipe, %B) : !hw.fifo<f32, 2>, memref<8xf32>";
    return `hw.design @top(%A: memref<8xf32>, %B: memref<8xf32>) {
  %pipe = hw.fifo "pipe" : !hw.fifo<f32, 2>
${order === "pc" ? `${p}\n${c}` : `${c}\n${p}`}
}
func.func @producer(%a: memref<8xf32>, %out: !hw.fifo<f32, 2>) attributes {hw.pe} {
  affine.for %i = 0 to 8 {
    %v = affine.load %a[%i] : memref<8xf32>
    hw.write %out, %v : !hw.fifo<f32, 2>
  }
  return
}
func.func @consumer(%in: !hw.fifo<f32, 2>, %b: memref<8xf32>) attributes {hw.pe} {
  affine.for %i = 0 to 8 {
    %v = hw.read %in : !hw.fifo<f32, 2>
    affine.store %v, %b[%i] : memref<8xf32>
  }
  return
}
`;
  };

  it("calls the PEs in a topological order of the FIFO graph", () => {
    for (const order of ["pc", "cp"] as const) {
      const cpp = emitOk(parse(pipe(order))).cpp;
      const p = cpp.indexOf("  producer(A, pipe);"), c = cpp.indexOf("  consumer(pipe, B);");
      expect(p, cpp).to.be.greaterThan(0);
      expect(c).to.be.greaterThan(p);
    }
  });

  it("writes the top function's FIFOs, dataflow and interface pragmas", () => {
    const cpp = emitOk(parse(pipe("pc"))).cpp;
    expect(cpp).to.contain(`void top(float A[8], float B[8]) {
  #pragma HLS interface m_axi port=A offset=slave bundle=gmem0
  #pragma HLS interface m_axi port=B offset=slave bundle=gmem1
  #pragma HLS interface s_axilite port=A bundle=control
  #pragma HLS interface s_axilite port=B bundle=control
  #pragma HLS interface s_axilite port=return bundle=control
  #pragma HLS dataflow
  static hls::stream<float> pipe("pipe");
  #pragma HLS stream variable=pipe depth=2
`);
    expect(cpp).to.contain("void producer(float a[8], hls::stream<float>& out) {");
    expect(cpp).to.contain("void consumer(hls::stream<float>& in, float b[8]) {");
  });

  it("reports a FIFO cycle, naming the PEs and FIFOs", () => {
    const text = `hw.design @top(%A: memref<4xi32>) {
  %x = hw.fifo "x" : !hw.fifo<i32, 2>
  %y = hw.fifo "y" : !hw.fifo<i32, 2>
  %z = hw.fifo "z" : !hw.fifo<i32, 2>
  hw.instance @src(%A, %z) : memref<4xi32>, !hw.fifo<i32, 2>
  hw.instance @ping(%z, %x, %y) : !hw.fifo<i32, 2>, !hw.fifo<i32, 2>, !hw.fifo<i32, 2>
  hw.instance @pong(%x, %y) : !hw.fifo<i32, 2>, !hw.fifo<i32, 2>
}
func.func @src(%a: memref<4xi32>, %z: !hw.fifo<i32, 2>) attributes {hw.pe} {
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<4xi32>
  hw.write %z, %v : !hw.fifo<i32, 2>
  return
}
func.func @ping(%z: !hw.fifo<i32, 2>, %out: !hw.fifo<i32, 2>, %back: !hw.fifo<i32, 2>) attributes {hw.pe} {
  %v = hw.read %z : !hw.fifo<i32, 2>
  hw.write %out, %v : !hw.fifo<i32, 2>
  %w = hw.read %back : !hw.fifo<i32, 2>
  return
}
func.func @pong(%in: !hw.fifo<i32, 2>, %back: !hw.fifo<i32, 2>) attributes {hw.pe} {
  %v = hw.read %in : !hw.fifo<i32, 2>
  hw.write %back, %v : !hw.fifo<i32, 2>
  return
}
`;
    const r = emitHls(parse(text, "cycle.mlir"));
    expect(r.ok).to.equal(false);
    expect(r.diagnostics.map((d) => d.code)).to.deep.equal([8104]);
    expect(render(r.diagnostics)).to.contain("cycle.mlir:1:1: error: the FIFO graph of @top has a cycle, so C-simulation cannot run its PEs one after another: PEs @ping -> @pong -> @ping through FIFOs x, y");
  });

  it("emits array_partition and pipeline pragmas", () => {
    const cpp = emitOk(parse(readFileSync(join(INPUTS, "chain.hw.mlir"), "utf8"))).cpp;
    expect(cpp).to.contain("  #pragma HLS array_partition variable=A cyclic factor=2 dim=1\n  #pragma HLS dataflow\n");
    expect(cpp).to.contain("  for (int i = 0; i < 8; ++i) {\n    #pragma HLS pipeline II=1\n");
    const bad = emitHls(parse(`func.func @f(%a: memref<4xf32> {hw.partition = [#hw.partition<dim = 2, kind = block, factor = 2>]}, %s: f32 {hw.partition = [#hw.partition<dim = 0, kind = complete>]}) {
  return
}
`, "p.mlir"));
    expect(bad.ok).to.equal(false);
    expect(render(bad.diagnostics)).to.contain("argument #0 of @f: dim 2 exceeds the rank 1").and.contain("argument #1 of @f: only memref arguments can be partitioned");
  });

  it("emits plain func/affine/scf code with the uncalled function as the top", () => {
    const text = `func.func @square(%x: i32) -> i32 {
  %r = arith.muli %x, %x : i32
  return %r : i32
}
func.func @kernel(%A: memref<4x8xi16>, %B: memref<4xi32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  scf.for %i = %c0 to %n step %c1 {
    %s = affine.for %j = 0 to 8 iter_args(%acc = %zero) -> (i32) {
      %a = memref.load %A[%i, %j] : memref<4x8xi16>
      %w = arith.extsi %a : i16 to i32
      %q = func.call @square(%w) : (i32) -> i32
      %t = arith.addi %acc, %q : i32
      affine.yield %t : i32
    }
    memref.store %s, %B[%i] : memref<4xi32>
  }
  return
}
`;
    const r = emitOk(parse(text));
    expect(r.top?.name).to.equal("kernel");
    expect(r.cpp).to.contain(`int32_t square(int32_t x) {
  return int32_t(uint32_t(x) * uint32_t(x));
}`);
    expect(r.cpp).to.contain(`void kernel(int16_t A[4][8], int32_t B[4], int n) {
  #pragma HLS interface m_axi port=A offset=slave bundle=gmem0
  #pragma HLS interface m_axi port=B offset=slave bundle=gmem1
  #pragma HLS interface s_axilite port=A bundle=control
  #pragma HLS interface s_axilite port=B bundle=control
  #pragma HLS interface s_axilite port=n bundle=control
  #pragma HLS interface s_axilite port=return bundle=control
  for (int i = 0; i < n; ++i) {
    int32_t acc = 0;
    for (int j = 0; j < 8; ++j) {
      int32_t q = square(int32_t(A[i][j]));
      acc = int32_t(uint32_t(acc) + uint32_t(q));
    }
    B[i] = acc;
  }
}`);
    if (hasGxx()) expectCleanCompile(r.cpp, "plain");
  });

  it("puts a prototype before a function called before its definition", () => {
    const text = `func.func @quad(%x: f32) -> f32 {
  %y = func.call @twice(%x) : (f32) -> f32
  %z = func.call @twice(%y) : (f32) -> f32
  return %z : f32
}
func.func @twice(%x: f32) -> f32 {
  %y = arith.addf %x, %x : f32
  return %y : f32
}
func.func @main_kernel(%a: memref<2xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<2xf32>
  %w = func.call @quad(%v) : (f32) -> f32
  memref.store %w, %a[%c0] : memref<2xf32>
  return
}
`;
    const r = emitOk(parse(text), { top: "main_kernel" });
    expect(r.cpp).to.contain("float twice(float arg0);\n\nfloat quad(float x) {");
    if (hasGxx()) expectCleanCompile(r.cpp, "prototype");
  });

  it("reports unsupported ops and types at their location", () => {
    const r = emitHls(parse(`func.func @f(%a: memref<4xbf16>, %b: memref<?xf32>) {
  return
}
func.func @g(%x: i32) -> i32 {
  %r = arith.ceildivsi %x, %x : i32
  return %r : i32
}
`, "bad.mlir"));
    expect(r.ok).to.equal(false);
    const text = render(r.diagnostics);
    expect(text).to.contain("bad.mlir:1:1: error: type bf16 cannot be emitted as Vitis HLS C++");
    expect(text).to.contain("bad.mlir:5:8: error: 'arith.ceildivsi' op is not supported by the HLS C++ emitter");
    expect(r.diagnostics.every((d) => d.code >= 8100 && d.code < 8200)).to.equal(true);
  });

  it("chooses the top by option and reports a missing one", () => {
    const r = emitHls(parse(pipe("pc")), { top: "nope" });
    expect(r.ok).to.equal(false);
    expect(render(r.diagnostics)).to.contain("no hw.design or func.func named @nope");
    const two = emitHls(parse(`${pipe("pc")}hw.design @top2(%A: memref<8xf32>) {\n}\n`));
    expect(render(two.diagnostics)).to.contain("the module has 2 candidate top functions (@top, @top2)");
  });
});
