// A failed write to stdout ends the tools as it ends LLVM's: status 74 without a message when the reader has gone,
// one line and status 1 on a full device; never a JavaScript stack trace.
import { expect } from "chai";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { resolve } from "node:path";

const bin = (tool: string) => resolve(import.meta.dirname, `../bin/${tool}.js`);
const big = Array.from({ length: 40000 }, (_v, i) => `func.func @f${i}() {\n  return\n}\n`).join("");

describe("stdout errors", () => {
  it("exits with 74 and says nothing when the reader closes the pipe (allo-opt big.mlir | head -1)", async () => {
    const child = spawn("node", [bin("allo-opt"), "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.end(big);
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).to.equal("");
    expect(status).to.equal(74);
  });

  for (const tool of ["allo-opt", "allo-translate"]) {
    it(`${tool} reports a full device in one line and exits with 1`, function () {
      if (!existsSync("/dev/full")) { this.skip(); return; } // skipped: /dev/full not found
      const full = openSync("/dev/full", "w");
      try {
        const args = tool === "allo-translate" ? ["-", "--mlir-to-hls"] : ["-"];
        const r = spawnSync("node", [bin(tool), ...args], { input: big, stdio: ["pipe", full, "pipe"], encoding: "utf8" });
        expect(r.stderr).to.equal(`${tool}: IO failure on output stream: No space left on device\n`);
        expect(r.status).to.equal(1);
      } finally { closeSync(full); }
    });
  }
});
