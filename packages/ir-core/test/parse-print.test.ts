// Parse/print behaviour of the IR core on builtin and unregistered (generic) IR, against mlir-opt-19's output.
import { expect } from "chai";
import { parseString, printOp, renderDiagnostic } from "@allo/ir-core";

function roundtrip(src: string, generic = false): string {
  const r = parseString(src, "t.mlir", { allowUnregistered: true });
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join(""));
  return printOp(r.op, { generic });
}

function error(src: string): string {
  const r = parseString(src, "t.mlir", { allowUnregistered: true });
  if (r.ok) throw new Error("expected an error");
  return renderDiagnostic(r.diagnostics[0]);
}

describe("ir-core parse/print", () => {
  it("wraps top-level ops in an implicit module", () => {
    expect(roundtrip(`"t.a"() : () -> ()`)).to.equal(`module {\n  "t.a"() : () -> ()\n}\n`);
  });

  it("prints the generic module form", () => {
    expect(roundtrip(`"t.a"() : () -> ()`, true)).to.equal(`"builtin.module"() ({\n  "t.a"() : () -> ()\n}) : () -> ()\n`);
  });

  it("numbers values with result groups and sibling region scopes as MLIR does", () => {
    const src = `%0:2 = "t.op"() : () -> (i32, i32)
"t.r"() ({
  %a = "t.x"() : () -> i32
}, {
  %b = "t.y"() : () -> i32
}) : () -> ()
"t.use"(%0#1) : (i32) -> ()`;
    expect(roundtrip(src)).to.equal(`module {
  %0:2 = "t.op"() : () -> (i32, i32)
  "t.r"() ({
    %1 = "t.x"() : () -> i32
  }, {
    %1 = "t.y"() : () -> i32
  }) : () -> ()
  "t.use"(%0#1) : (i32) -> ()
}
`);
  });

  it("prints attributes like mlir-opt (type elision, escapes, sorting)", () => {
    const src = `"t.a"() {z = 1.0, y = 5, x = [1, 2 : i32], s = "a\\nb\\"", d = dense<[1,2]> : tensor<2xi32>, u, w = 0.1 : f64, b = true, arr = array<i32: 1, 2>, e = array<i64>} : () -> ()`;
    expect(roundtrip(src)).to.equal(`module {
  "t.a"() {arr = array<i32: 1, 2>, b = true, d = dense<[1, 2]> : tensor<2xi32>, e = array<i64>, s = "a\\0Ab\\22", u, w = 1.000000e-01 : f64, x = [1, 2 : i32], y = 5 : i64, z = 1.000000e+00 : f64} : () -> ()
}
`);
  });

  it("prints floats as MLIR's printFloatValue", () => {
    const cases: [string, string][] = [
      ["0.123456789 : f64", "0.123456789 : f64"], ["1.5e10 : f32", "1.500000e+10 : f32"], ["123456789.0 : f64", "0x419D6F3454000000 : f64"],
      ["0.1 : f32", "1.000000e-01 : f32"], ["-0.0 : f32", "-0.000000e+00 : f32"], ["0x7FC00000 : f32", "0x7FC00000 : f32"],
      ["65504.0 : f16", "6.550400e+04 : f16"], ["3.14159 : bf16", "3.140630e+00 : bf16"], ["1.0e20 : f64", "1.000000e+20 : f64"],
    ];
    for (const [i, o] of cases) expect(roundtrip(`"t.a"() {v = ${i}} : () -> ()`)).to.contain(`{v = ${o}}`);
  });

  it("prints builtin types", () => {
    const ts = ["i1", "si8", "ui16", "index", "f16", "bf16", "memref<4x?xf32>", "memref<*xf32>", "memref<4xf32, strided<[2], offset: ?>>",
      "memref<2x3xi32, affine_map<(d0, d1) -> (d1, d0)>>", "tensor<?x4xf64>", "tensor<*xi8>", "vector<4x[8]xf32>", "tuple<i32, f32>",
      "complex<f32>", "(i32, f32) -> (i1, index)", "() -> ()", "memref<0xf32>", "none"];
    for (const t of ts) {
      const out = roundtrip(`"t.a"() {t = ${t}} : () -> ()`);
      const want = t.startsWith("memref<2x3") ? "#map = affine_map<(d0, d1) -> (d1, d0)>\n" : "";
      expect(out).to.equal(`${want}module {\n  "t.a"() {t = ${t.startsWith("memref<2x3") ? "memref<2x3xi32, #map>" : t}} : () -> ()\n}\n`);
    }
  });

  it("parses forward references and CFG blocks", () => {
    const src = `"t.f"() ({
^bb0(%a: i32):
  "t.br"(%a)[^bb1] : (i32) -> ()
^bb1(%b: i32):
  "t.ret"(%b) : (i32) -> ()
}) : () -> ()`;
    expect(roundtrip(src)).to.equal(`module {
  "t.f"() ({
  ^bb0(%arg0: i32):
    "t.br"(%arg0)[^bb1] : (i32) -> ()
  ^bb1(%0: i32):  // pred: ^bb0
    "t.ret"(%0) : (i32) -> ()
  }) : () -> ()
}
`);
  });

  it("reports lexer and parser errors with mlir-opt's wording and caret", () => {
    expect(error(`"t.a"(%x) : (i32) -> ()`)).to.equal(`t.mlir:1:7: error: use of undeclared SSA value name\n"t.a"(%x) : (i32) -> ()\n      ^\n`);
    expect(error(`"t.a"() {v = 300 : i8} : () -> ()`)).to.contain("t.mlir:1:14: error: integer constant out of range for attribute");
    expect(error(`"t.a"() : () -> (i32, `)).to.contain("error: expected non-function type");
    expect(error(`%0 = "t.a"() : () -> (i32, i32)`)).to.contain("operation defines 2 results but was provided 1 to bind");
    expect(error(`"t.a"() {s = "abc} : () -> ()`)).to.contain(`error: expected '"' in string literal`);
    // A successor at the top level, outside any region.
    expect(error(`"t.br"()[^bb1] : () -> ()`)).to.equal(`t.mlir:1:10: error: reference to an undefined block\n"t.br"()[^bb1] : () -> ()\n         ^\n`);
  });

  it("keeps unregistered dialect types and attributes verbatim", () => {
    const src = `"t.a"() {x = #foo.bar<[1, 2], "s">} : () -> !foo.t<a, <b>>`;
    expect(roundtrip(src)).to.equal(`module {\n  %0 = "t.a"() {x = #foo.bar<[1, 2], "s">} : () -> !foo.t<a, <b>>\n}\n`);
  });
});
