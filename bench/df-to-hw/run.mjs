// Times `allo-opt --pass-pipeline='builtin.module(df-to-hw)'` on the spec's systolic array grown to NxN interior
// PEs (K = 8) and records time, peak RSS and the scaling ratio in bench/RESULTS.md.
// Usage: node bench/df-to-hw/run.mjs [--sizes 32,64,128]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { systolic } from "../sim/gen.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const i = args.indexOf("--sizes");
const sizes = (i >= 0 ? args[i + 1] : "32,64,128").split(",").map(Number);
const ALLO_OPT = join(root, "packages/opt-cli/dist/allo-opt.js");

const out = join(root, "bench/out");
mkdirSync(out, { recursive: true });
const rows = [];
for (const n of sizes) {
  const path = join(out, `systolic-${n}.mlir`);
  writeFileSync(path, systolic(n, n, 8));
  const t0 = process.hrtime.bigint();
  const p = spawnSync("/usr/bin/time", ["-f", "%M", "node", ALLO_OPT, path, "--pass-pipeline=builtin.module(df-to-hw)", "-o", "/dev/null"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) throw new Error(`df-to-hw failed on ${n}x${n}: ${p.stderr.slice(0, 400)}`);
  const rss = Number(p.stderr.trim().split("\n").pop()) / 1024;
  rows.push({ n, pes: (n + 2) * (n + 2), secs, rss });
  console.log(n, secs.toFixed(2), "s", rss.toFixed(0), "MB");
}
let table = "| interior PEs | instances | wall s | peak RSS MB | time / previous |\n|---|---|---|---|---|\n";
rows.forEach((r, k) => {
  table += `| ${r.n}x${r.n} | ${r.pes} | ${r.secs.toFixed(2)} | ${r.rss.toFixed(0)} | ${k ? (r.secs / rows[k - 1].secs).toFixed(2) + "x" : ""} |\n`;
});
const section = `## df-to-hw scaling\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`node bench/df-to-hw/run.mjs\`: \`allo-opt --pass-pipeline='builtin.module(df-to-hw)'\` on the spec's systolic array with an NxN interior (K = 8), wall time including start-up, one run each. Targets: < 2 s at 64x64; 128x128 / 64x64 <= 4.5x (the PE count grows 3.9x).\n\n${table}`;
const resultsPath = join(root, "bench/RESULTS.md");
let results = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "# Benchmark results\n\n";
const at = results.indexOf("## df-to-hw scaling");
if (at >= 0) {
  const end = results.indexOf("\n## ", at + 1);
  results = results.slice(0, at) + section + (end >= 0 ? results.slice(end + 1) : "");
} else results += "\n" + section;
writeFileSync(resultsPath, results);
