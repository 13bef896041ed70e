// The "Embedding" example of packages/ir-core/README.md runs as written and prints the rewritten module.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

describe("ir-core README: embedding example", function () {
  this.timeout(60_000);
  it("defines a pass and a pattern and runs them in a pipeline", () => {
    const readme = readFileSync(join(here, "..", "..", "ir-core", "README.md"), "utf8");
    const start = readme.indexOf("```ts\n") + 6;
    const code = readme.slice(start, readme.indexOf("```", start));
    const file = join(here, `.embedding-${process.pid}.mts`);
    writeFileSync(file, code);
    try {
      const tsx = join(here, "..", "..", "..", "node_modules", ".bin", "tsx");
      const r = spawnSync(tsx, [file], { encoding: "utf8" });
      expect(r.stderr).to.equal("");
      expect(r.stdout).to.equal("module {\n  func.func @f(%arg0: i32) -> i32 {\n    %0 = arith.addi %arg0, %arg0 : i32\n    return %0 : i32\n  }\n}\n\n");
    } finally {
      rmSync(file, { force: true });
    }
  });
});
