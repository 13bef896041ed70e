// Hash-consed types and attributes (equal means identical), source positions made into locations on demand, the
// printer's byte buffer and value naming.
import { expect } from "chai";
import {
  AsmPrinter, Builtin, cloneOp, getArrayAttr, getDenseArrayAttr, getDictionaryAttr, getFileLineColLoc, getFloatAttr, getFunctionType,
  getFusedLoc, getIntegerAttr, getMemRefType, getNameLoc, getStringAttr, kDynamic, parseString, printOp, renderDiagnostic, unknownLoc,
  type Operation,
} from "@allo/ir-core";
import { TextBuffer } from "../src/support/text-buffer.js";

function parse(src: string): Operation {
  const r = parseString(src, "t.mlir", { allowUnregistered: true });
  if (!r.ok) throw new Error(r.diagnostics.map(renderDiagnostic).join(""));
  return r.op;
}

describe("ir-core interning", () => {
  it("gives structurally equal types and attributes one object", () => {
    expect(getMemRefType([4, kDynamic], Builtin.f32)).to.equal(getMemRefType([4, kDynamic], Builtin.f32));
    expect(getMemRefType([4], Builtin.f32)).to.not.equal(getMemRefType([4], Builtin.f64));
    expect(getFunctionType([Builtin.i32], [])).to.equal(getFunctionType([Builtin.i32], []));
    expect(getFunctionType([Builtin.i32], [])).to.not.equal(getFunctionType([], [Builtin.i32]));
    const d = getDictionaryAttr([{ name: "b", value: getStringAttr("x") }, { name: "a", value: getIntegerAttr(Builtin.i32, 1) }]);
    expect(getDictionaryAttr([{ name: "a", value: getIntegerAttr(Builtin.i32, 1) }, { name: "b", value: getStringAttr("x") }])).to.equal(d);
    expect(getArrayAttr([d, d])).to.equal(getArrayAttr([d, d]));
    expect(getIntegerAttr(Builtin.i64, 2n ** 60n)).to.equal(getIntegerAttr(Builtin.i64, 2n ** 60n));
    expect(getFileLineColLoc("f", 3, 2000)).to.equal(getFileLineColLoc("f", 3, 2000));
    expect(getFileLineColLoc("f", 3, 4)).to.not.equal(getFileLineColLoc("g", 3, 4));
  });

  it("keeps -0 and 0 apart and all NaNs together", () => {
    expect(getFloatAttr(Builtin.f32, -0)).to.not.equal(getFloatAttr(Builtin.f32, 0));
    expect(getFloatAttr(Builtin.f32, NaN)).to.equal(getFloatAttr(Builtin.f32, -NaN));
    expect(getDenseArrayAttr(Builtin.f32, [-0])).to.not.equal(getDenseArrayAttr(Builtin.f32, [0]));
  });

  it("simplifies fused locations as MLIR's FusedLoc::get", () => {
    const a = getFileLineColLoc("a", 1, 1), b = getFileLineColLoc("b", 2, 2);
    expect(getFusedLoc([a, unknownLoc])).to.equal(a);
    expect(getFusedLoc([getFusedLoc([a, b]), a])).to.equal(getFusedLoc([a, b]));
    expect(getFusedLoc([])).to.equal(unknownLoc);
    const meta = getStringAttr("m");
    expect(getFusedLoc([], meta)).to.equal(getFusedLoc([unknownLoc], meta));
    expect(getFusedLoc([getNameLoc("n", a)], meta)).to.not.equal(getNameLoc("n", a));
  });
});

describe("ir-core source positions", () => {
  it("makes a parsed op's location when it is first read, from the right buffer", () => {
    const first = parse('"a.x"() : () -> ()\n"a.y"() : () -> ()');
    const second = parseString('\n  "b.z"() ({\n  ^bb0(%x: i32):\n    "b.w"() : () -> ()\n  }) : () -> ()', "u.mlir", { allowUnregistered: true, firstLine: 5 });
    if (!second.ok) throw new Error("parse failed");
    const y = first.regions[0].entry.lastOp!, z = second.op.regions[0].entry.firstOp!, arg = z.regions[0].entry.args[0];
    expect(typeof y.locRef).to.equal("number");
    expect(typeof arg.locRef).to.equal("number");
    expect(y.loc).to.equal(getFileLineColLoc("t.mlir", 2, 1));
    expect(y.locRef).to.equal(y.loc);
    expect(z.loc).to.equal(getFileLineColLoc("u.mlir", 6, 3));
    expect(arg.loc).to.equal(getFileLineColLoc("u.mlir", 7, 8));
    expect(cloneOp(z).regions[0].entry.firstOp!.loc).to.equal(getFileLineColLoc("u.mlir", 8, 5));
  });
});

describe("ir-core printing buffers and names", () => {
  it("keeps text across chunks, non-ASCII included", () => {
    const b = new TextBuffer(4);
    const parts: string[] = [];
    for (let i = 0; i < 100000; i++) { const s = i % 1000 === 0 ? `é${i}→` : `line ${i}\n`; parts.push(s); b.write(s); }
    b.writeSpaces(3);
    const text = parts.join("") + "   ";
    expect(b.toString()).to.equal(text);
    expect(Buffer.concat(b.chunks()).toString("utf8")).to.equal(text);
  });

  it("names values again when another print renamed them in between", () => {
    const op = parse(`%a = "t.x"() : () -> i32\n"t.r"() ({\n  %b = "t.y"() : () -> i32\n}, {\n  %c = "t.z"() : () -> i32\n}) : () -> ()`);
    const r = op.regions[0].firstBlock!.lastOp!;
    const b = r.regions[0].firstBlock!.firstOp!.results[0];
    const p = new AsmPrinter();
    p.printInContext(r);
    expect(p.valueName(b)).to.equal("%1");
    // Generic form numbers values uniquely: another print (as a diagnostic printed mid-print) renames them.
    expect(new AsmPrinter({ generic: true }).printInContext(r)).to.contain(`%2 = "t.y"()`);
    expect(p.valueName(b)).to.equal("%1");
  });

  it("names values past the cached numbers", () => {
    const n = 20000;
    const lines = Array.from({ length: n }, (_, i) => `%v${i} = "t.x"() : () -> i32`);
    const op = parse(lines.join("\n") + `\n"t.use"(%v${n - 1}, %v17000) : (i32, i32) -> ()`);
    const text = printOp(op, { generic: true });
    expect(text).to.contain(`%${n - 1} = "t.x"() : () -> i32`);
    expect(text).to.contain(`"t.use"(%${n - 1}, %17000)`);
  });
});
