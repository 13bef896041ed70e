// The df dialect: types, layout attribute and helpers, round trips of test/df/ops.mlir, verifier rules of invalid.mlir.
import { expect } from "chai";
import {
  Builtin, getIntegerType, getMemRefType, getTensorType, kDynamic, printOp, Signedness, walk, type Operation,
} from "@allo/ir-core";
import {
  callParams, checkLayout, DfDiag, enclosingKernel, enclosingRegion, getLayoutAttr, getStreamArrayType, getStreamType,
  isAnyStreamType, kernelLayouts, kernelMapping, layoutEntries, localTypeFor, paramName, regionParams, streamDepth, symName,
  streamElementType, streamInfo, streamLabel, streamShape,
} from "@allo/dialect-df";
import {
  checkMlirOptAccepts, checkRoundTrips, defineInvalidTests, firstError, loadStdDialects, parseOk, repoFile,
} from "./support.js";

await loadStdDialects();

describe("df types", () => {
  it("interns stream types and prints them", () => {
    const s = getStreamType(Builtin.f32, 4);
    expect(getStreamType(Builtin.f32, 4)).to.equal(s);
    expect(String(s)).to.equal("!df.stream<f32, 4>");
    const a = getStreamArrayType([3, 3], getMemRefType([4, 4], Builtin.i16), 2);
    expect(String(a)).to.equal("!df.stream_array<[3, 3], memref<4x4xi16>, 2>");
    expect(String(getStreamType(getIntegerType(16, Signedness.Unsigned), 1))).to.equal("!df.stream<ui16, 1>");
  });

  it("exposes shape, element and depth", () => {
    const a = getStreamArrayType([4, 2, 2], Builtin.f32, 1);
    expect(streamInfo(a)).to.deep.equal({ shape: [4, 2, 2], element: Builtin.f32, depth: 1 });
    expect(streamInfo(getStreamType(Builtin.index, 8))).to.deep.equal({ shape: [], element: Builtin.index, depth: 8 });
    expect(streamInfo(Builtin.f32)).to.equal(null);
    expect(streamElementType(a)).to.equal(Builtin.f32);
    expect(streamDepth(a)).to.equal(1);
    expect(streamShape(a)).to.deep.equal([4, 2, 2]);
    expect(streamShape(Builtin.i32)).to.equal(null);
    expect(isAnyStreamType(a) && isAnyStreamType(getStreamType(Builtin.i1, 1)) && !isAnyStreamType(Builtin.i1)).to.equal(true);
  });

  it("reports bad types with df codes", () => {
    expect(firstError(`df.region @r(%a: !df.stream<f32, 0>) {\n}`).code).to.equal(DfDiag.StreamDepth.code);
    expect(firstError(`df.region @r(%a: !df.stream_array<[], f32, 1>) {\n}`).message).to.equal("stream array must have 1 to 3 dimensions, got 0");
  });
});

describe("df layout attribute", () => {
  const i32 = Builtin.i32;
  it("parses, prints and exposes its entries", () => {
    const l = getLayoutAttr([1, null]);
    expect(String(l)).to.equal("#df.layout<[S1, R]>");
    expect(layoutEntries(l)).to.deep.equal([1, null]);
    expect(layoutEntries(Builtin.f32 as never)).to.equal(null);
    expect(String(getLayoutAttr([]))).to.equal("#df.layout<[]>");
  });

  it("gives local types as the spec defines them", () => {
    const g = getMemRefType([64, 64], i32);
    expect(localTypeFor(g, getLayoutAttr([1, null]), [2, 2])).to.equal(getMemRefType([32, 64], i32));
    expect(localTypeFor(g, getLayoutAttr([null, 0]), [2, 2])).to.equal(getMemRefType([64, 32], i32));
    expect(localTypeFor(g, getLayoutAttr([1, 0]), [4, 2])).to.equal(getMemRefType([32, 16], i32));
    expect(localTypeFor(g, getLayoutAttr([null, null]), [2, 2])).to.equal(g);
    expect(localTypeFor(g, null, [2, 2])).to.equal(g);
    expect(localTypeFor(getTensorType([16, 8], i32), getLayoutAttr([0, null]), [4])).to.equal(getTensorType([4, 8], i32));
    // A parametric axis leaves the local size unknown until instantiation.
    expect(localTypeFor(g, getLayoutAttr([0, 1]), ["P0", 2])).to.equal(getMemRefType([kDynamic, 32], i32));
    // Layouts that do not fit.
    expect(localTypeFor(g, getLayoutAttr([0]), [2])).to.equal(null);
    expect(localTypeFor(g, getLayoutAttr([2, null]), [2, 2])).to.equal(null);
    expect(localTypeFor(getMemRefType([6], i32), getLayoutAttr([0]), [4])).to.equal(null);
  });

  it("names the problem of a layout that does not fit", () => {
    const g = getMemRefType([6, 4], i32);
    expect(checkLayout(g, [0], [2])).to.deep.equal({ kind: "rank", layoutRank: 1, typeRank: 2 });
    expect(checkLayout(g, [null, 1], [2])).to.deep.equal({ kind: "axis", dim: 1, axis: 1 });
    expect(checkLayout(g, [1, null], [2, 4])).to.deep.equal({ kind: "divisible", dim: 0, size: 6, axis: 1, axisSize: 4 });
    expect(checkLayout(g, [0, 1], ["P0", "P1"])).to.equal(null);
  });

  it("rejects unknown entries", () => {
    const d = firstError(`df.region @r(%A: memref<4xf32>) {\n  df.kernel @k mapping [2] args(%A) layouts [#df.layout<[T0]>] : memref<4xf32> {\n  ^bb0(%a: memref<2xf32>):\n  }\n}`);
    expect(d.code).to.equal(DfDiag.LayoutEntry.code);
    expect(d.message).to.equal("expected layout entry 'S<axis>' or 'R', got 'T0'");
  });
});

describe("df ops: test/df/ops.mlir", () => {
  const text = repoFile("test", "df", "ops.mlir");
  let generic = "";

  it("parses, verifies and round-trips (custom and generic)", () => {
    generic = checkRoundTrips(text, "ops.mlir").generic;
  });

  it("prints its generic form so that mlir-opt-19 accepts and reprints it unchanged", function () {
    if (generic === "") generic = checkRoundTrips(text, "ops.mlir").generic;
    checkMlirOptAccepts(this, generic);
  });

  it("prints df ops in the spec's custom syntax", () => {
    const out = printOp(parseOk(text));
    expect(out).to.contain(`df.kernel @consumer mapping [4] args(%arg0, %arg1) layouts [#df.layout<[S0]>, #df.layout<[R]>] : memref<16xf32>, memref<16xf32> {\n    ^bb0(%arg2: memref<4xf32>, %arg3: memref<16xf32>):\n`);
    expect(out).to.contain(`      %pid0, %pid1 = df.get_pid : index, index\n      %3 = df.get %1[%pid0, %pid1] : !df.stream_array<[2, 3], memref<4x4xi16>, 2>\n      df.put %1[%pid0, %pid1], %3 : !df.stream_array<[2, 3], memref<4x4xi16>, 2>\n`);
    expect(out).to.contain(`  df.region @inner<P0, P1>(%arg0: memref<32x32xf32>) {\n    df.kernel @gemm mapping [P0, P1] args(%arg0) : memref<32x32xf32> {\n`);
    expect(out).to.contain(`      df.call @inner<2, 2>(%arg2) : memref<32x32xf32>\n      df.call @stage(%arg3) : memref<8xf32>\n`);
    expect(out).to.contain(`      df.meta_if %arg2 {\n        %1 = df.get %0 : !df.stream<i32, 2>\n      } else {\n        df.meta_if %arg3 {\n        }\n      }\n`);
    expect(out).to.contain(`    df.kernel @empty mapping [1] {\n    }\n`);
  });

  it("prints the generic form with the spec's operands, properties and regions", () => {
    const g = printOp(parseOk(text), { generic: true });
    expect(g).to.contain(`"df.region"() <{function_type = (memref<32x32xf32>) -> (), params = ["P0", "P1"], sym_name = "inner"}> ({`);
    // Generic names follow MLIR's numbering (regions numbered last-first), checked byte for byte against mlir-opt-19.
    expect(g).to.match(/"df.kernel"\(%arg\d+, %arg\d+\) <\{layouts = \[#df.layout<\[S0\]>, #df.layout<\[R\]>\], mapping = \[4\], sym_name = "consumer"\}> \(\{/);
    expect(g).to.match(/"df.kernel"\(%arg\d+\) <\{mapping = \["P0", "P1"\], sym_name = "gemm"\}> \(\{/);
    expect(g).to.match(/"df.call"\(%arg\d+\) <\{callee = @inner, params = array<i64: 2, 2>\}> : \(memref<32x32xf32>\) -> \(\)/);
    expect(g).to.contain(`"df.param"() <{name = "P0"}> : () -> index`);
    expect(g).to.match(/"df.put"\(%\d+, %\d+, %\d+#0, %\d+#1\) : \(!df.stream_array<\[2, 3\], memref<4x4xi16>, 2>, memref<4x4xi16>, index, index\) -> \(\)/);
    expect(g).to.match(/"df.meta_if"\(%arg\d+\) \(\{\n\s+%\d+ = "df.get"\(%\d+\) : \(!df.stream<i32, 2>\) -> i32\n\s+"df.yield"\(\) : \(\) -> \(\)\n\s+\}, \{/);
    expect(g).to.contain(`"df.stream"() <{name = "blocks"}> : () -> !df.stream_array<[2, 3], memref<4x4xi16>, 2>`);
  });

  it("gives typed access to mappings, layouts, parameters and streams", () => {
    const ops: Operation[] = [];
    walk(parseOk(text), (op) => ops.push(op), "pre");
    const kernel = (name: string) => ops.find((o) => o.name === "df.kernel" && symName(o) === name)!;
    expect(kernelMapping(kernel("grid"))).to.deep.equal([2, 3]);
    expect(kernelMapping(kernel("gemm"))).to.deep.equal(["P0", "P1"]);
    expect(kernelLayouts(kernel("consumer"))!.map((l) => layoutEntries(l))).to.deep.equal([[0], [null]]);
    expect(kernelLayouts(kernel("grid"))).to.equal(null);
    expect(regionParams(enclosingRegion(kernel("gemm"))!)).to.deep.equal(["P0", "P1"]);
    const calls = ops.filter((o) => o.name === "df.call");
    expect(calls.map(callParams)).to.deep.equal([[2, 2], [], [4, 1]]);
    const param = ops.find((o) => o.name === "df.param")!;
    expect(paramName(param)).to.equal("P0");
    expect(enclosingKernel(param)).to.equal(kernel("gemm"));
    const streams = ops.filter((o) => o.name === "df.stream");
    expect(streams.map((s) => streamLabel(s.results[0]))).to.deep.equal([
      "stream #0 of region @streams", `stream "blocks"`, "stream #2 of region @streams", "stream #0 of region @branches",
    ]);
  });
});

describe("df verifier: test/df/invalid.mlir", () => {
  const codes = defineInvalidTests("test/df/invalid.mlir");

  it("uses every df diagnostic code, and codes are unique and in 6000-6999", function () {
    const all = Object.values(DfDiag).map((m) => m.code);
    expect(new Set(all).size, "unique codes").to.equal(all.length);
    for (const c of all) expect(c).to.be.within(6000, 6999);
    const seen = codes();
    const missing = Object.entries(DfDiag).filter(([, m]) => !seen.has(m.code)).map(([k]) => k);
    // The out-of-bounds check needs arith.constant; everything else is df-only.
    expect(missing.filter((k) => k !== "IndexBounds"), "codes no invalid.mlir chunk produced").to.deep.equal([]);
  });
});
