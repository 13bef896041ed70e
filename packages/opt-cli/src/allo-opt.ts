#!/usr/bin/env node
// allo-opt: parse, verify, transform and print MLIR, with mlir-opt's flags.
import "./dialects.js";
import "@allo/passes";
import { alloOptMain } from "./allo-opt-main.js";

const r = alloOptMain(process.argv.slice(2));
process.stderr.write(r.stderr);
process.stdout.write(r.stdout);
process.exitCode = r.exitCode;
