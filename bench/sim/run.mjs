// Simulator benchmark: the spec's systolic array scaled to 16x16 PEs with K = 256, and a producer/consumer
// pair streaming 1M elements. Reports stream operations per second and total time, and records them in
// bench/RESULTS.md under "Simulator".
// Usage: node bench/sim/run.mjs [--runs 5] [--no-write]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./gen.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const runs = Number(opt("--runs", "5"));
const ALLO_RUN = join(root, "packages/opt-cli/bin/allo-run.js");

/// One in-process measurement in a fresh node: parse, then simulate `reps` times; per repetition the wall
/// and CPU time of the simulation alone (first = cold JIT, last = warm).
const probe = `
import "@allo/dialect-std"; import "@allo/dialect-affine"; import "@allo/dialect-df"; import "@allo/dialect-hw";
import { parseString } from "@allo/ir-core";
import { entryArgs, findEntry, simulate, zeroValue } from "@allo/target-sim";
import { readFileSync } from "node:fs";
const [file, reps] = process.argv.slice(1);
const r = parseString(readFileSync(file, "utf8"), file);
if (!r.ok) throw new Error("parse failed");
const entry = findEntry(r.op);
const out = [];
for (let k = 0; k < Number(reps); k++) {
  const vals = entryArgs(entry).map((a) => zeroValue(a.type));
  // performance.now() before the CPU reading: its first use loads Node's perf_hooks (about 1 ms), not ours
  const t0 = performance.now(), c0 = process.cpuUsage();
  const res = simulate(r.op, entry, vals);
  const wall = (performance.now() - t0) / 1000, c = process.cpuUsage(c0);
  if (!res.ok) throw new Error(res.diagnostics[0].message);
  out.push({ ops: res.stats.streamOps, tasks: res.stats.tasks, wall, cpu: (c.user + c.system) / 1e6 });
}
console.log(JSON.stringify(out));
`;

function inProcess(file, reps) {
  const p = spawnSync(process.execPath, ["--input-type=module", "-e", probe, file, String(reps)], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (p.status !== 0) throw new Error(p.stderr);
  return JSON.parse(p.stdout.trim().split("\n").pop());
}

/// The whole CLI (start-up, parse, simulate, no outputs): wall time.
function cli(file) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(process.execPath, [ALLO_RUN, file, "--stats"], { encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) throw new Error(p.stderr);
  return { wall, line: p.stderr.trim() };
}

const files = generate(join(root, "bench/out/sim"));
const rows = [];
for (const f of files) {
  let coldBest = null, warmBest = null, cliBest = null;
  for (let r = 0; r < runs; r++) {
    const m = inProcess(f.path, 4);
    const cold = m[0], warm = m.reduce((a, b) => (b.cpu < a.cpu ? b : a));
    if (coldBest === null || cold.cpu < coldBest.cpu) coldBest = cold;
    if (warmBest === null || warm.cpu < warmBest.cpu) warmBest = warm;
    const c = cli(f.path);
    if (cliBest === null || c.wall < cliBest.wall) cliBest = c;
  }
  rows.push({ name: f.name, ops: coldBest.ops, tasks: coldBest.tasks, cold: coldBest, warm: warmBest, cli: cliBest });
  console.log(f.name, JSON.stringify({ cold: coldBest, warm: warmBest, cli: cliBest.wall }));
}

const M = (ops, s) => (ops / s / 1e6).toFixed(1);
let table = "| program | instances | stream ops | first run: CPU ms (M ops/s) | warm run: CPU ms (M ops/s) | allo-run total wall s |\n|---|---|---|---|---|---|\n";
for (const r of rows) {
  table += `| ${r.name} | ${r.tasks} | ${r.ops} | ${(r.cold.cpu * 1000).toFixed(1)} (${M(r.ops, r.cold.cpu)}) | ${(r.warm.cpu * 1000).toFixed(1)} (${M(r.ops, r.warm.cpu)}) | ${r.cli.wall.toFixed(2)} |\n`;
}
const node = execFileSync(process.execPath, ["--version"], { encoding: "utf8" }).trim();
const notes = `
How the time splits (\`perf\` with \`--perf-basic-prof\`, \`--trace-opt --trace-deopt\` and \`--turbo-stats\` on the first
run): each kernel body is compiled once to an instruction list and translated into small JavaScript functions
(\`src/jit.ts\`): one per outermost loop, which keeps the frame's number slots in locals; one shared by all short
copy loops of the same instructions (the edge and drain PEs), which reads its slots from the instruction words;
and one loop-free function for the code that runs once per instance. A put or get that has to wait returns a
constant to the scheduler loop (\`src/jit-run.ts\`), so no rare path can deoptimise the optimised code; waking
the other side is done in place. For the 16x16 systolic array (K = 256) the first run spends about a quarter of
its CPU time in TurboFan on background threads (the interior-PE loop, the shared edge and drain loops and the
scheduler loop: about 6 MB of compiler zone, no recompiles, no deoptimisations); about 7 ms in setup, which is
cold code: compiling the kernel to instructions, starting 324 instances with 648 FIFOs, translating, and V8
compiling the simulator's own functions on their first call; about 2 ms in the scavenge that moves the parsed
module out of the full young generation; and the rest in the simulation itself, most of it in V8's baseline
tiers (Ignition, Sparkplug) until TurboFan's code arrives. The warm column is the same work once optimised.
On this 2-core machine, shared with other jobs, first-run CPU times still vary by about 15% from one
measurement to the next, mostly through the background compile threads.
So the first run is bound by V8's warm-up: compile time and the baseline tiers, not the simulator's own work.
Tried and dropped: stream ops and float arithmetic as calls into shared runtime functions (cheaper baseline
code, but bigger and deoptimising compiled code: slower), FIFO state in locals (bigger compiles: slower), all
loops of a kernel in one function (saves little and deoptimises when a loop first runs after the compile),
waking through the scheduler loop (twice the task switches: producer/consumer a third slower).
The instruction loop in \`src/interpreter.ts\` (ALLO_SIM_INTERP=1) runs the same instruction lists without
translation and serves as the reference: \`test/engines.test.ts\` checks that both engines agree exactly.
`;
const section = `## Simulator\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`node bench/sim/run.mjs\` (best of ${runs} fresh processes, node ${node}). ` +
  "A stream operation is one `df.put` or `df.get`. \"First run\" is the simulation alone (after parsing) in a fresh process, JIT warm-up included; \"warm run\" is the best of three more runs in the same process; times are CPU time (user + system, all threads) so that other load on the machine does not inflate them. The last column is the wall time of the whole `allo-run FILE --stats` command (node start-up, module loading, parsing, verification, simulation).\n\n" + table + notes;
console.log("\n" + section);
if (!args.includes("--no-write")) {
  const resultsPath = join(root, "bench/RESULTS.md");
  let results = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "# Benchmark results\n\nEach section says how to rerun it.\n\n";
  const start = results.indexOf("## Simulator");
  if (start >= 0) {
    const end = results.indexOf("\n## ", start + 1);
    results = results.slice(0, start) + section + (end >= 0 ? "\n" + results.slice(end + 1) : "");
  } else results = results.replace(/\n*$/, "\n\n") + section;
  writeFileSync(resultsPath, results);
}
