// Verifier and custom-parser errors of the affine dialect: expected-error lines of inputs/invalid.mlir.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Severity } from "@allo/ir-core";
import { diagLine, expectations, inputsDir, mlirFlags, ours, requireMlirOpt, runMlirOpt, splitChunks } from "./helpers.js";
import { AffineMessages } from "@allo/dialect-affine";

for (const name of ["invalid.mlir", "validity.mlir"]) {
const file = readFileSync(join(inputsDir, name), "utf8");

describe(`affine: diagnostics of inputs/${name}`, function () {
  this.timeout(60_000);
  for (const c of splitChunks(file)) {
    const exp = expectations({ text: c.text, firstLine: 1 });
    const title = /func\.func @(\w+)/.exec(c.text)?.[1] ?? `line ${c.firstLine}`;
    it(`${title}: ${exp.length ? exp.map((e) => e.message).join("; ") : "verifies"}`, () => {
      const r = ours(c.text, { allowUnregistered: true });
      const errors = r.diags.filter((d) => d.severity === Severity.Error);
      for (const e of exp) {
        const hit = errors.find((d) => diagLine(d) === e.line && d.message.includes(e.message));
        expect(hit, `expected error "${e.message}" at line ${e.line}; got ${errors.map((d) => `${diagLine(d)}: ${d.message}`).join(" | ")}`).to.not.equal(undefined);
      }
      expect(errors.length).to.equal(exp.length);
    });
  }

  it("mlir-opt-19 produces the same expected errors (--verify-diagnostics)", function () {
    requireMlirOpt(this);
    const r = runMlirOpt(file, [...mlirFlags({ split: true, allowUnregistered: true }), "--verify-diagnostics"]);
    expect(r.status, r.err).to.equal(0);
  });

  it("the first line of each error matches mlir-opt-19's message text", function () {
    requireMlirOpt(this);
    const r = runMlirOpt(file, mlirFlags({ split: true, allowUnregistered: true }));
    const theirs = [...r.err.matchAll(/error: (.*)$/gm)].map((m) => m[1]);
    const mine = splitChunks(file).flatMap((c) => ours(c.text, { allowUnregistered: true }).diags.filter((d) => d.severity === Severity.Error).map((d) => d.message));
    expect(mine).to.deep.equal(theirs);
  });
});
}

describe("affine: diagnostics table", () => {
  const entries = Object.values(AffineMessages);
  it("has unique codes in the 5xxx range", () => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).to.equal(codes.length);
    for (const c of codes) expect(c).to.be.within(5000, 5999);
  });
  it("has every entry used by the dialect's syntax or verifiers", () => {
    const src = ["syntax.ts", "verify.ts"].map((f) => readFileSync(join(inputsDir, "../../src", f), "utf8")).join("\n");
    for (const key of Object.keys(AffineMessages)) expect(new RegExp(`M\\.${key}\\b`).test(src), key).to.equal(true);
  });
});
