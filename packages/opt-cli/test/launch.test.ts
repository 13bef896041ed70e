// The bin/ launchers run each tool from its bundle with a code cache V8 accepts, give what the ESM entries give,
// and fall back to the ESM entries when a TypeScript build is newer than the bundle.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleIsFresh, bundlePaths } from "../src/launch.js";

const packageDir = resolve(import.meta.dirname, "..");
const examples = resolve(packageDir, "../../../shared/spec/examples");

function run(file: string, args: string[], input = "") {
  const r = spawnSync(process.execPath, [file, ...args], { input, encoding: "utf8", cwd: packageDir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/ launchers", () => {
  it("find a bundle stale when a package's TypeScript build is newer, or the bundle missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "allo-launch-"));
    try {
      for (const name of ["a", "b"]) {
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, "tsconfig.tsbuildinfo"), "{}");
        utimesSync(join(dir, name, "tsconfig.tsbuildinfo"), 1000, 1000);
      }
      mkdirSync(join(dir, "no-build"));
      const bundle = join(dir, "tool.cjs");
      expect(bundleIsFresh(bundle, dir)).to.equal(false);
      writeFileSync(bundle, "");
      utimesSync(bundle, 2000, 2000);
      expect(bundleIsFresh(bundle, dir)).to.equal(true);
      utimesSync(join(dir, "b", "tsconfig.tsbuildinfo"), 3000, 3000);
      expect(bundleIsFresh(bundle, dir)).to.equal(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const tool of ["allo-opt", "allo-translate", "allo-run"] as const) {
    it(`run ${tool} from a fresh bundle whose code cache V8 accepts`, () => {
      expect(bundleIsFresh(bundlePaths(tool).file), "run `npm run build`").to.equal(true);
      const check = `import { compileBundle } from "./dist/launch.js"; process.stdout.write(String(compileBundle(${JSON.stringify(tool)}).cacheRejected));`;
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", check], { encoding: "utf8", cwd: packageDir });
      expect(r.stderr).to.equal("");
      expect(r.stdout).to.equal("false");
    });
  }

  const cases: { tool: string; args: string[]; input?: string }[] = [
    { tool: "allo-opt", args: [join(examples, "systolic.mlir"), "--pass-pipeline=builtin.module(df-to-hw)"] },
    { tool: "allo-opt", args: ["-", "--mlir-print-ir-after-all", "--cse"], input: "func.func @f() {\n  return\n}\n" },
    { tool: "allo-opt", args: ["-"], input: "func.func @f() {\n  %0 = arith.addi %x, %x : i32\n}\n" },
    { tool: "allo-opt", args: ["--version"] },
    { tool: "allo-opt", args: ["--bogus"] },
    { tool: "allo-translate", args: ["-", "--mlir-to-hls"], input: "func.func @f(%a: memref<4xi32>) {\n  return\n}\n" },
    { tool: "allo-run", args: [join(examples, "producer_consumer.mlir"), "--stats"] },
  ];
  for (const c of cases) {
    it(`give what the ESM entry gives: ${c.tool} ${c.args.map((a) => a.replace(examples, "<examples>")).join(" ")}`, () => {
      const fromBin = run(join(packageDir, "bin", `${c.tool}.js`), c.args, c.input);
      const fromEntry = run(join(packageDir, "dist", `${c.tool}.js`), c.args, c.input);
      const timeless = (s: string) => s.replace(/[0-9.]+ (ms|M)/g, "N $1");
      expect(fromBin.status).to.equal(fromEntry.status);
      expect(fromBin.stdout).to.equal(fromEntry.stdout);
      expect(timeless(fromBin.stderr)).to.equal(timeless(fromEntry.stderr));
      expect(fromBin.stdout + fromBin.stderr).to.not.equal("");
    });
  }
});
