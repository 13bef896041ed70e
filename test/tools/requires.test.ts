// Tests tool lookup (skipping with a reason is covered by summary-reporter.test.ts).

import { expect } from "chai";
import { findTool, skipIfMissing } from "./requires.js";

describe("requires", function () {
  it("finds tools on PATH and by absolute path", function () {
    expect(findTool("bash")).to.match(/\/bash$/);
    const bash = findTool("bash")!;
    expect(findTool(bash)).to.equal(bash);
    expect(findTool("no-such-tool-4321")).to.equal(null);
    expect(findTool("/no/such/dir/tool")).to.equal(null);
  });

  it("returns the path of a present tool", function () {
    expect(skipIfMissing(this, "bash")).to.equal(findTool("bash"));
  });
});
