import "@allo/dialect-std"; import "@allo/dialect-affine"; import "@allo/dialect-df"; import "@allo/dialect-hw";
import { parseString } from "@allo/ir-core";
import { findEntry, entryArgs, simulate, zeroValue } from "@allo/target-sim";
import { readFileSync } from "node:fs";
const r = parseString(readFileSync(process.argv[2], "utf8"), process.argv[2]);
const entry = findEntry(r.op);
for (let k = 0; k < Number(process.argv[3] ?? 1); k++) {
  const vals = entryArgs(entry).map((a) => zeroValue(a.type));
  const c0 = process.cpuUsage(), t0 = performance.now();
  const res = simulate(r.op, entry, vals);
  const c = process.cpuUsage(c0);
  console.log(`wall ${(performance.now() - t0).toFixed(1)} ms, cpu ${((c.user + c.system) / 1000).toFixed(1)} ms, ${res.stats.streamOps} ops`);
}
