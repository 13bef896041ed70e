// Tests the summary reporter on a sample spec run by a separate mocha process.

import { expect } from "chai";
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./paths.js";

describe("summary reporter", function () {
  this.timeout(30_000);
  const root = repoRoot();
  let run: SpawnSyncReturns<string>;
  before(() => {
    const mocha = join(root, "node_modules", "mocha", "bin", "mocha.js");
    const args = [mocha, "--no-config", "--import=tsx", "--reporter", "test/tools/summary-reporter.cjs", "test/tools/fixtures/reporter-sample.ts"];
    run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  });

  it("ends with exactly one summary line counting failed hooks and skipped tests", function () {
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).to.equal("1 passed, 2 failed, 4 skipped");
    expect(lines.filter((l) => /^\d+ passed, \d+ failed, \d+ skipped$/.test(l))).to.have.length(1);
    expect(run.stdout.endsWith("skipped\n")).to.equal(true);
  });

  it("prints each skipped test's reason under it", function () {
    expect(run.stdout).to.match(/- skips\n\s+skipped: FileCheck not found\n/);
    expect(run.stdout).to.match(/- a\n\s+skipped: no-such-tool-4321 not found\n/);
  });

  it("exits non-zero when something failed", function () {
    expect(run.status).to.not.equal(0);
  });
});
