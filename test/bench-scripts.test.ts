// The benchmark scripts are not run by the tests (they take minutes); each must at least compile, so that
// `node bench/<name>/run.mjs` works when someone reruns it.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const bench = join(import.meta.dirname, "..", "bench");

describe("benchmark scripts", () => {
  for (const dir of readdirSync(bench, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "out")) {
    for (const file of readdirSync(join(bench, dir.name)).filter((f) => f.endsWith(".mjs"))) {
      it(`bench/${dir.name}/${file} compiles`, () => {
        const r = spawnSync("node", ["--check", join(bench, dir.name, file)], { encoding: "utf8" });
        expect(r.stderr).to.equal("");
        expect(r.status).to.equal(0);
      });
    }
  }
});
