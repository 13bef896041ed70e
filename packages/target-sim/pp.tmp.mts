import { parse, runPipeline, loadPasses } from "/work/main/packages/target-sim/test/support.ts";
import { printOp } from "@allo/ir-core";
import { readFileSync } from "node:fs";
await loadPasses();
const m = parse(readFileSync(process.argv[2], "utf8"));
runPipeline(m, process.argv[3]);
console.log(printOp(m));
