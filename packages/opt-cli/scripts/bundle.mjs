// Bundles allo-opt, allo-translate and allo-run into one CommonJS file each (dist/bundle/<tool>.cjs) and records
// each bundle's V8 code cache after a warm-up run of the tool (scripts/code-cache.mjs). Run by `npm run build`
// after `tsc -b`; does nothing when every code cache (written last) is newer than the TypeScript build (src/launch.ts).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleIsFresh, bundlePaths } from "../dist/launch.js";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const warmUp = join(packageDir, "scripts", "warm-up.mlir");
const tools = ["allo-opt", "allo-translate", "allo-run"];

/// `import.meta.url` of each bundled module becomes the URL of its original file, relative to the bundle's own URL
/// (set by the banner), so that files read relative to a module (package.json, the HLS headers) are still found.
const bundleUrl = "__alloBundleUrl";
const banner = `const ${bundleUrl} = require("node:url").pathToFileURL(__filename).href;`;
const importMetaUrl = {
  name: "import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const from = relative(join(packageDir, "dist", "bundle"), args.path).split(sep).map(encodeURIComponent).join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(from)}, ${bundleUrl}).href`), loader: "js" };
    });
  },
};

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: packageDir, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${what} failed (status ${r.status}):\n${r.stderr}`);
}

if (!tools.every((tool) => bundleIsFresh(bundlePaths(tool).cache))) {
  for (const tool of tools) {
    await build({
      entryPoints: [join(packageDir, "dist", `${tool}.js`)], outfile: bundlePaths(tool).file, bundle: true,
      platform: "node", format: "cjs", target: "node20", banner: { js: banner }, plugins: [importMetaUrl], logLevel: "warning",
    });
  }
  const tmp = mkdtempSync(join(tmpdir(), "allo-bundle-"));
  try {
    const hw = join(tmp, "warm-up-hw.mlir");
    const codeCache = join(packageDir, "scripts", "code-cache.mjs");
    run([codeCache, "allo-opt", warmUp, "--pass-pipeline=builtin.module(df-to-hw,cse)", "-o", hw], "allo-opt's warm-up");
    run([codeCache, "allo-translate", hw, "--mlir-to-hls"], "allo-translate's warm-up");
    run([codeCache, "allo-run", warmUp, "--entry", "top", "--out", `C=${join(tmp, "C.npy")}`], "allo-run's warm-up");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
