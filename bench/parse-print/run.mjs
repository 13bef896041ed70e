// Times allo-opt against mlir-opt-19 on the generated inputs (parse + verify + print, custom and
// generic output) and records wall time, MB/s and peak RSS in bench/RESULTS.md (the table of the "Parse, verify,
// print" section; the text after the table is kept). The two tools run alternately, so that other load on the
// machine weighs on both alike.
// Usage: node bench/parse-print/run.mjs [--sizes 1,10,50] [--runs 3]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./gen.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const sizes = opt("--sizes", "1,10,50").split(",").map(Number);
const runs = Number(opt("--runs", "3"));
const MLIR_OPT = "/usr/bin/mlir-opt-19";
const ALLO_OPT = join(root, "packages/opt-cli/bin/allo-opt.js");

/// Runs `cmd` once under GNU time; returns its wall time (s) and peak RSS (MB).
function runOnce(cmd) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync("/usr/bin/time", ["-f", "%M", ...cmd], { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "ignore", "pipe"] });
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) throw new Error(`${cmd.join(" ")} failed: ${p.stderr.slice(0, 500)}`);
  const lines = p.stderr.trim().split("\n");
  return { time: dt, rss: Number(lines[lines.length - 1]) / 1024 };
}

/// Runs the commands alternately `runs` times; returns each one's best wall time and peak RSS.
function measure(cmds) {
  const out = cmds.map(() => ({ time: Infinity, rss: 0 }));
  for (let r = 0; r < runs; r++) {
    cmds.forEach((cmd, i) => {
      const m = runOnce(cmd);
      out[i].time = Math.min(out[i].time, m.time);
      out[i].rss = Math.max(out[i].rss, m.rss);
    });
  }
  return out;
}

const files = generate(join(root, "bench/out"), sizes);
const rows = [];
const haveMlir = existsSync(MLIR_OPT);
for (const f of files) {
  for (const generic of [false, true]) {
    const flags = [...(f.unregistered ? ["--allow-unregistered-dialect"] : []), ...(generic ? ["--mlir-print-op-generic"] : []), f.path, "-o", "/dev/null"];
    const [ours, theirs = null] = measure([["node", ALLO_OPT, ...flags], ...(haveMlir ? [[MLIR_OPT, ...flags]] : [])]);
    const mb = f.bytes / 1e6;
    rows.push({ input: `${f.kind} ${f.mb} MB`, output: generic ? "generic" : "custom", ours, theirs, mb });
    console.log(f.path, generic ? "generic" : "custom", ours, theirs);
  }
}

const fmt = (x, d = 2) => x.toFixed(d);
let table = "| input | output | allo-opt s | allo-opt MB/s | allo-opt RSS MB | mlir-opt-19 s | mlir-opt-19 MB/s | mlir-opt-19 RSS MB | time ratio | RSS ratio |\n|---|---|---|---|---|---|---|---|---|---|\n";
for (const r of rows) {
  const t = r.theirs;
  table += `| ${r.input} | ${r.output} | ${fmt(r.ours.time)} | ${fmt(r.mb / r.ours.time, 1)} | ${fmt(r.ours.rss, 0)} | ${t ? fmt(t.time) : "n/a"} | ${t ? fmt(r.mb / t.time, 1) : "n/a"} | ${t ? fmt(t.rss, 0) : "n/a"} | ${t ? fmt(r.ours.time / t.time) : "n/a"} | ${t ? fmt(r.ours.rss / t.rss) : "n/a"} |\n`;
}
const node = execFileSync("node", ["--version"], { encoding: "utf8" }).trim();
const section = `## Parse, verify, print\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`node bench/parse-print/run.mjs\` (best of ${runs} runs, node ${node}, 2 cores). Wall time includes process start-up.\n\n${table}`;
const resultsPath = join(root, "bench/RESULTS.md");
let results = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "# Benchmark results\n\nEach section says how to rerun it.\n\n";
const start = results.indexOf("## Parse, verify, print");
if (start >= 0) {
  const end = results.indexOf("\n## ", start + 1);
  const old = results.slice(start, end >= 0 ? end + 1 : undefined);
  // Keep what follows the old table (the analysis): everything after its last `|` line.
  const lines = old.split("\n");
  let last = -1;
  lines.forEach((l, i) => { if (l.startsWith("|")) last = i; });
  const after = last >= 0 ? lines.slice(last + 1).join("\n") : "";
  results = results.slice(0, start) + section + after + (after.endsWith("\n") || after === "" ? "" : "\n") + (end >= 0 ? results.slice(end + 1) : "");
} else results += "\n" + section;
writeFileSync(resultsPath, results);
