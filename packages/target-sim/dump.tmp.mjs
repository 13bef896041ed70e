import "@allo/dialect-std"; import "@allo/dialect-affine"; import "@allo/dialect-df"; import "@allo/dialect-hw";
import { parseString } from "@allo/ir-core";
import { findEntry, entryArgs, simulate, zeroValue, Program } from "@allo/target-sim";
import { readFileSync } from "node:fs";
const r = parseString(readFileSync(process.argv[2], "utf8"), process.argv[2]);
const entry = findEntry(r.op);
const res = simulate(r.op, entry, entryArgs(entry).map((a) => zeroValue(a.type)));
