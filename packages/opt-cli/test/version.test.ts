// --version: each tool prints `allo-ts version` and the package's version on stdout and exits 0, as LLVM's tools do.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const version = (JSON.parse(readFileSync(resolve(import.meta.dirname, "../package.json"), "utf8")) as { version: string }).version;

describe("--version", () => {
  for (const tool of ["allo-opt", "allo-translate", "allo-run"]) {
    it(`${tool} prints the package's version`, () => {
      const r = spawnSync("node", [resolve(import.meta.dirname, `../bin/${tool}.js`), "--version"], { encoding: "utf8" });
      expect(r.stderr).to.equal("");
      expect(r.stdout).to.equal(`allo-ts version ${version}\n`);
      expect(r.status).to.equal(0);
    });
  }
});
