// Runs every lit file (test/**/*.mlir, baselines excluded) as one mocha test named by its path.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { defaultTools, findLitFiles, formatLitFailure, type LitConfig, runLitFile } from "./tools/lit.js";
import { repoRoot } from "./tools/paths.js";
import { skipWithReason } from "./tools/requires.js";

const root = repoRoot();

describe("lit", function () {
  this.timeout(120_000);
  let config: LitConfig;
  before(() => {
    config = { root, tmpDir: mkdtempSync(join(tmpdir(), "allo-lit-")), tools: defaultTools(root), timeoutMs: 60_000 };
  });
  after(() => config && rmSync(config.tmpDir, { recursive: true, force: true }));

  for (const file of findLitFiles(join(root, "test"))) {
    it(relative(root, file), async function () {
      const result = await runLitFile(file, config);
      if (result.status === "skip") skipWithReason(this, result.reason);
      if (result.status === "fail") throw new Error(formatLitFailure(result));
    });
  }
});
