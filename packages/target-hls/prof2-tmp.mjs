import "@allo/dialect-std"; import "@allo/dialect-affine"; import "@allo/dialect-df"; import "@allo/dialect-hw";
import { parseString } from "@allo/ir-core";
import { emitHls } from "@allo/target-hls";
import { readFileSync } from "node:fs";
const r = parseString(readFileSync("/tmp/hls/sys64.hw.mlir", "utf8"), "x");
if (!r.ok) throw new Error("parse");
for (let k = 0; k < 5; k++) { const t = performance.now(); const e = emitHls(r.op); console.log((performance.now() - t).toFixed(1), e.cpp.length); }
