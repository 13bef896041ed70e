// fast-check properties: printing is a fixed point through parsing, and the parser never throws on bad input.
import { expect } from "chai";
import fc from "fast-check";
import { parseString, printOp, renderDiagnostic } from "@allo/ir-core";

const types = ["i1", "i8", "i32", "i64", "si16", "ui32", "index", "f16", "bf16", "f32", "f64", "memref<4x?xf32>", "tensor<2x3xi8>",
  "vector<4xf32>", "tuple<i32, f32>", "complex<f64>", "memref<4xf32, strided<[2], offset: 3>>", "!t.opaque<1>"];
const attrs = fc.oneof(
  fc.integer({ min: -1000000, max: 1000000 }).map((v) => `${v} : i32`),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => `${v}`),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }).map((v) => `${v.toExponential().replace(/^(-?\d+)e/, "$1.0e")} : f32`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => `${v.toExponential().replace(/^(-?\d+)e/, "$1.0e")} : f64`),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, "\\$1")),
  fc.constantFrom("unit", "true", "false", "@sym", "@a::@b", "array<i32: 1, 2>", "dense<[1, 2]> : tensor<2xi32>",
    "affine_map<(d0, d1)[s0] -> (d0 + s0, d1 * 2)>", "affine_set<(d0) : (d0 - 1 >= 0)>", "[1, [2, 3]]", "{a = 1, b}", "i32", "loc(unknown)"),
);

/// A random module of generic unregistered ops: values are only used after their definition.
const program = fc.array(fc.record({
  results: fc.array(fc.constantFrom(...types), { maxLength: 3 }),
  uses: fc.array(fc.nat(), { maxLength: 3 }),
  attrs: fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "name", "x.y"), attrs), { maxLength: 3 }),
  region: fc.boolean(),
}), { maxLength: 12 }).map((ops) => {
  const defined: { name: string; type: string }[] = [];
  let text = "";
  ops.forEach((o, i) => {
    const uses = defined.length ? o.uses.map((u) => defined[u % defined.length]) : [];
    const names = o.results.map((_t, k) => `%v${i}_${k}`);
    const dict = new Map(o.attrs);
    const attrText = dict.size ? ` {${[...dict].map(([k, v]) => `${k} = ${v}`).join(", ")}}` : "";
    const region = o.region ? ` ({\n^bb0(%r${i}: i32):\n  "t.inner"(%r${i}) : (i32) -> ()\n})` : "";
    text += `${names.length ? names.join(", ") + " = " : ""}"t.op${i % 3}"(${uses.map((u) => u.name).join(", ")})${region}${attrText} : (${uses.map((u) => u.type).join(", ")}) -> (${o.results.join(", ")})\n`;
    o.results.forEach((t, k) => defined.push({ name: names[k], type: t }));
  });
  return text;
});

function print(src: string, generic: boolean): string {
  const r = parseString(src, "p.mlir", { allowUnregistered: true });
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join("") + "\n" + src);
  return printOp(r.op, { generic });
}

describe("ir-core properties", () => {
  it("print(parse(print(x))) == print(x), custom and generic", () => {
    fc.assert(fc.property(program, (src) => {
      for (const generic of [false, true]) {
        const once = print(src, generic);
        expect(print(once, generic)).to.equal(once);
        expect(print(print(src, !generic), generic)).to.equal(once);
      }
    }), { numRuns: 300 });
  });

  it("never throws anything but a diagnostic on mutated input", () => {
    const mutated = program.chain((src) => fc.tuple(fc.constant(src), fc.nat({ max: Math.max(0, src.length - 1) }), fc.nat({ max: 10 }), fc.string({ maxLength: 3 })));
    fc.assert(fc.property(mutated, ([src, at, del, ins]) => {
      const text = src.slice(0, at) + ins + src.slice(at + del);
      const r = parseString(text, "m.mlir", { allowUnregistered: true });
      if (!r.ok) for (const d of r.diagnostics) expect(renderDiagnostic(d)).to.match(/^m\.mlir:\d+:\d+: error: |^loc\(unknown\): error: /);
    }), { numRuns: 1000 });
  });
});
