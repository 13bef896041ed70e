import "@allo/dialect-std"; import "@allo/dialect-affine"; import "@allo/dialect-df"; import "@allo/dialect-hw"; import "@allo/passes";
import { Nesting, parsePassPipeline, parseString, PassManager, printOpGeneric, printOp } from "@allo/ir-core";
import { emitHls } from "@allo/target-hls";
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[2];
const r = parseString(readFileSync(file, "utf8"), file);
const p = parsePassPipeline("builtin.module(df-to-hw)");
new PassManager("builtin.module", Nesting.Explicit, { printOpOnDiagnostic: printOpGeneric }).setPipeline(p.pm).run(r.op, () => {});
writeFileSync("/tmp/hls/sys64.hw.mlir", printOp(r.op));
