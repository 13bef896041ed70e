import "@allo/dialect-std"; import "@allo/dialect-affine"; import "@allo/dialect-df"; import "@allo/dialect-hw";
import { parseString } from "@allo/ir-core";
import { findEntry, entryArgs, simulate, zeroValue } from "@allo/target-sim";
import { readFileSync } from "node:fs";
const file = process.argv[2];
const r = parseString(readFileSync(file, "utf8"), file);
const entry = findEntry(r.op);
for (let k = 0; k < Number(process.argv[3] ?? 3); k++) {
  const args = entryArgs(entry).map((a) => zeroValue(a.type));
  const t0 = performance.now();
  const res = simulate(r.op, entry, args);
  const t1 = performance.now();
  console.log(res.ok ? res.stats : res.diagnostics[0].message, (t1 - t0).toFixed(1), "ms", (res.stats.streamOps / (t1 - t0) / 1000).toFixed(2), "M/s");
}
