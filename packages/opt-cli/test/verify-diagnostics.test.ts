// How --verify-diagnostics pairs diagnostics with designators, as MLIR's SourceMgrDiagnosticVerifierHandler: the first
// designator of the line whose text matches takes a diagnostic (one designator may take several), and a designator
// that matches but expects another severity is a near miss reported at the designator.
import { expect } from "chai";
import { bufferLoc, Diagnostic, Severity, SourceBuffer } from "@allo/ir-core";
import { checkExpectations } from "../src/verify-diagnostics.js";

/// Checks `severity: message` diagnostics located on line 3 (`  "x.op"() : () -> ()`) of a buffer whose first two
/// lines are `designators`; returns the failures as `line:col-length: message`.
function check(designators: [string, string], emitted: [Severity, string][]): string[] {
  const buf = new SourceBuffer("t.mlir", `  // ${designators[0]}\n  // ${designators[1]}\n  "x.op"() : () -> ()\n`);
  const at = buf.text.indexOf('"x.op"');
  const diags = emitted.map(([s, m]) => new Diagnostic(s, 1, m, bufferLoc(buf, at, at)));
  return checkExpectations(buf, diags).map((d) => `${buf.lineCol(d.loc.start).line}:${buf.lineCol(d.loc.start).col}-${d.loc.end - d.loc.start}: ${d.message}`);
}

describe("--verify-diagnostics pairing", () => {
  it("lets one designator take every diagnostic it matches", () => {
    expect(check(["expected-error@+2 {{bad}}", "expected-error@+1 {{other}}"], [[Severity.Error, "bad op"], [Severity.Error, "bad op"], [Severity.Error, "other"]])).to.deep.equal([]);
  });

  it("leaves a second identical designator unmet when the first takes the diagnostics", () => {
    expect(check(["expected-error@+2 {{bad}}", "expected-error@+1 {{bad}}"], [[Severity.Error, "bad op"], [Severity.Error, "bad op"]]))
      .to.deep.equal(['2:6-3: expected error "bad" was not produced']);
  });

  it("reports a diagnostic of another severity at the (last) designator it matches, without a range", () => {
    expect(check(["expected-warning@+2 {{bad}}", "expected-remark@+1 {{bad}}"], [[Severity.Error, "bad op"]])).to.deep.equal([
      "2:6-0: 'error' diagnostic emitted when expecting a 'remark'",
      '1:6-3: expected warning "bad" was not produced',
      '2:6-3: expected remark "bad" was not produced',
    ]);
  });

  it("reports a diagnostic no designator matches as unexpected, at the diagnostic", () => {
    expect(check(["expected-error@+2 {{bad}}", "expected-error@+1 {{bad}}"], [[Severity.Error, "good"]]).slice(0, 1)).to.deep.equal(["3:3-0: unexpected error: good"]);
  });
});
