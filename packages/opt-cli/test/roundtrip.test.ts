// --verify-roundtrip's reports when the round trip fails, with printers broken on purpose (allo-opt's own printer and
// parser agree; test/passes/pipeline/verify-roundtrip*.mlir show the failures mlir-opt-19 has too): a print that does
// not parse back, one whose IR does not verify, one that does not come back the same, and the see-current-operation
// note.
import { expect } from "chai";
import { AsmPrinter, parseSource, renderDiagnostic, SourceBuffer, verify, type Diagnostic, type Operation, type PrintOptions } from "@allo/ir-core";
import "../src/dialects.js";
import { CliDiag } from "../src/cli-diagnostics.js";
import { verifyRoundTrip } from "../src/roundtrip.js";

const input = `func.func private @g() -> i32
func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
`;

const print = (op: Operation, options: PrintOptions): string => new AsmPrinter(options).printTopLevel(op).join("");

/// Runs the round trip of `input` with `printer`; returns the result, the raw stderr text and the rendered diagnostics.
function roundTrip(printer?: (op: Operation, options: PrintOptions) => string, printOpOnDiagnostic = true) {
  const op = parseSource(new SourceBuffer("in.mlir", input));
  expect(verify(op)).to.deep.equal([]);
  const diags: Diagnostic[] = [];
  let raw = "";
  const ok = verifyRoundTrip(op, {
    print: {}, allowUnregistered: false, printOpOnDiagnostic, printer, emit: (d) => diags.push(d), write: (t) => { raw += t; },
  });
  return { ok, raw, diags, text: diags.map((d) => renderDiagnostic(d)).join("") };
}

describe("--verify-roundtrip", () => {
  it("passes with allo-opt's printer, reporting nothing", () => {
    const r = roundTrip();
    expect(r).to.include({ ok: true, raw: "", text: "" });
  });

  it("prints in generic form with locations, from the tool's printing flags", () => {
    const seen: PrintOptions[] = [];
    roundTrip((op, options) => { seen.push(options); return print(op, options); });
    expect(seen).to.have.length(2);
    expect(seen[0]).to.include({ generic: true, debugInfo: true, prettyDebugInfo: false });
  });

  it("reports a print that does not parse back: the parse error raw at its place in the printed text, then the op error", () => {
    const r = roundTrip((op, options) => print(op, options).replace('"func.return"', "func.return"));
    expect(r.ok).to.equal(false);
    expect(r.raw).to.match(/^loc\("-":\d+:\d+\): error: [^\n]+\n$/);
    expect(r.diags.map((d) => d.code)).to.deep.equal([CliDiag.RoundTripParseBack]);
    expect(r.text).to.match(/^in\.mlir:0:0: error: 'builtin\.module' op failed to parse textual content back, cannot verify round-trip\.\n\n/);
    expect(r.text).to.contain("in.mlir:0:0: note: see current operation: \n\"builtin.module\"() ({\n");
  });

  it("reports printed IR that parses but does not verify: each verifier error raw (no notes), then the op error", () => {
    // The function now returns an i64, its return still an i32.
    const r = roundTrip((op, options) => print(op, options).replace('function_type = (i32) -> i32, sym_name = "f"', 'function_type = (i32) -> i64, sym_name = "f"'));
    expect(r.ok).to.equal(false);
    expect(r.raw).to.equal("loc(\"in.mlir\":4:3): error: type of return operand 0 ('i32') doesn't match function result type ('i64') in function @f\n");
    expect(r.diags.map((d) => d.code)).to.deep.equal([CliDiag.RoundTripParseBack]);
  });

  it("reports a print that does not come back the same: both generic prints, between MLIR's markers", () => {
    // The broken printer renames @g to @g_ each time it prints it: the IR parsed back prints as @g__.
    const r = roundTrip((op, options) => print(op, options).replace('sym_name = "g', 'sym_name = "g_'));
    expect(r.ok).to.equal(false);
    expect(r.raw).to.equal("");
    expect(r.diags.map((d) => d.code)).to.deep.equal([CliDiag.RoundTripDiffers]);
    const [head, rest] = r.text.split("<<<<<<Reference\n");
    expect(head).to.equal("in.mlir:0:0: error: 'builtin.module' op textual roundTrip testing roundtripped module differs from reference:\n");
    const [reference, tail] = rest.split("\n=====\n");
    const [roundtrip, after] = tail.split("\n>>>>>roundtripped\n");
    expect(reference).to.contain('<{function_type = () -> i32, sym_name = "g_", sym_visibility = "private"}>').and.to.contain('loc("in.mlir":2:1)');
    expect(roundtrip).to.equal(reference.replace('"g_"', '"g__"'));
    expect(after).to.match(/^\nin\.mlir:0:0: note: see current operation: \n"builtin\.module"/);
  });

  it("leaves the note out when asked (--mlir-print-op-on-diagnostic=false, --verify-diagnostics)", () => {
    const r = roundTrip((op, options) => print(op, options).replace('sym_name = "g', 'sym_name = "g_'), false);
    expect(r.diags.map((d) => d.code)).to.deep.equal([CliDiag.RoundTripDiffers]);
    expect(r.diags[0].notes).to.deep.equal([]);
  });
});
