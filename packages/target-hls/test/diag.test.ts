// The HLS diagnostics table: stable codes in the target range, unique, and every entry used by the sources.
import { HlsDiag } from "@allo/target-hls";
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE } from "./helpers.js";

describe("target-hls: diagnostics table", () => {
  it("has unique codes in 8100-8199", () => {
    const codes = Object.values(HlsDiag).map((m) => m.code);
    expect(new Set(codes).size).to.equal(codes.length);
    for (const c of codes) expect(c).to.be.within(8100, 8199);
  });

  it("uses every entry", () => {
    const dir = join(PACKAGE, "src");
    const text = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "diag.ts").map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
    for (const key of Object.keys(HlsDiag)) expect(text, key).to.match(new RegExp(`HlsDiag\\.${key}\\b`));
  });
});
