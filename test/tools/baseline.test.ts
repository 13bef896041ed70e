// Tests compareBaseline and the baseline:accept script on a temporary baselines folder.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { compareBaseline } from "./baseline.js";
import { repoRoot } from "./paths.js";

describe("baselines", function () {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), "baselines-"))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const read = (path: string) => readFileSync(join(root, path), "utf8");

  it("passes on equal text and writes local", function () {
    write("reference/hls/gemm.cpp", "int main() {}\n");
    compareBaseline("hls/gemm.cpp", "int main() {}\n", root);
    expect(read("local/hls/gemm.cpp")).to.equal("int main() {}\n");
  });

  it("fails on a difference with a unified diff and the accept command", function () {
    write("reference/out.txt", "a\nb\nc\n");
    expect(() => compareBaseline("out.txt", "a\nB\nc\n", root)).to.throw(
      "baseline out.txt differs from its reference:\n--- reference/out.txt\n+++ local/out.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\nrun 'npm run baseline:accept' to accept",
    );
    expect(read("local/out.txt")).to.equal("a\nB\nc\n");
  });

  it("fails when the reference is missing", function () {
    expect(() => compareBaseline("new.txt", "x\n", root)).to.throw(/no reference[\s\S]*npm run baseline:accept/);
    expect(read("local/new.txt")).to.equal("x\n");
  });

  it("rejects names leaving the baselines folder", function () {
    expect(() => compareBaseline("../escape.txt", "x", root)).to.throw(/relative path/);
  });

  describe("baseline:accept", function () {
    const script = join(repoRoot(), "test", "tools", "baseline-accept.mjs");
    const accept = () => spawnSync(process.execPath, [script, root], { encoding: "utf8" });

    it("copies local over reference and removes references with no local file", function () {
      write("local/a.txt", "new a\n");
      write("local/sub/b.txt", "b\n");
      write("reference/a.txt", "old a\n");
      write("reference/gone/c.txt", "c\n");
      const r = accept();
      expect(r.status, r.stderr).to.equal(0);
      expect(read("reference/a.txt")).to.equal("new a\n");
      expect(read("reference/sub/b.txt")).to.equal("b\n");
      expect(existsSync(join(root, "reference", "gone"))).to.equal(false);
      expect(r.stdout).to.contain("accepted 2 baseline(s), removed 1 stale reference(s)");
    });

    it("refuses to run without local baselines, keeping references", function () {
      write("reference/a.txt", "a\n");
      expect(accept().status).to.equal(1);
      expect(read("reference/a.txt")).to.equal("a\n");
    });
  });
});
