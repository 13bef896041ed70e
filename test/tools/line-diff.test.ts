// Tests the line diff: edit scripts are valid and minimal, and unified output reads like GNU diff's.

import { expect } from "chai";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diffLines, unifiedDiff } from "./line-diff.js";
import { skipIfMissing } from "./requires.js";

/// Length of the longest common subsequence, by dynamic programming.
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = x === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[b.length];
}

const lineArrays = fc.array(fc.constantFrom("a", "b", "c", "d", ""), { maxLength: 30 });

describe("line diff", function () {
  it("produces a script that rebuilds both sides", function () {
    fc.assert(
      fc.property(lineArrays, lineArrays, (a, b) => {
        const script = diffLines(a, b);
        expect(script.filter((l) => l.op !== "+").map((l) => l.text)).to.deep.equal(a);
        expect(script.filter((l) => l.op !== "-").map((l) => l.text)).to.deep.equal(b);
      }),
    );
  });

  it("keeps as many lines as the longest common subsequence", function () {
    fc.assert(
      fc.property(lineArrays, lineArrays, (a, b) => {
        expect(diffLines(a, b).filter((l) => l.op === " ").length).to.equal(lcs(a, b));
      }),
    );
  });

  it("prints hunks with three lines of context", function () {
    const old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    const now = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\nthirteen\n";
    expect(unifiedDiff("a", "b", old, now)).to.equal(
      "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+thirteen\n",
    );
    expect(unifiedDiff("a", "b", old, old)).to.equal("");
  });

  it("marks a missing final newline", function () {
    expect(unifiedDiff("a", "b", "x\ny", "x\ny\n")).to.equal("--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n");
  });

  describe("hunk ranges agree with GNU diff", function () {
    let diff: string;
    let dir: string;
    before(function () {
      diff = skipIfMissing(this, "diff");
      dir = mkdtempSync(join(tmpdir(), "line-diff-"));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it("on random texts", function () {
      const text = (lines: string[]) => lines.map((l) => `${l}\n`).join("");
      fc.assert(
        fc.property(lineArrays, lineArrays, (a, b) => {
          writeFileSync(join(dir, "a"), text(a));
          writeFileSync(join(dir, "b"), text(b));
          const gnu = spawnSync(diff, ["-u", "a", "b"], { cwd: dir, encoding: "utf8" }).stdout;
          const headers = (s: string) => s.split("\n").filter((l) => l.startsWith("@@"));
          expect(headers(unifiedDiff("a", "b", text(a), text(b)))).to.deep.equal(headers(gnu));
        }),
        { numRuns: 60 },
      );
    });
  });
});
