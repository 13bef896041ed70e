#!/usr/bin/env node
// allo-run: run a df / hw / func program on .npy inputs and write its outputs as .npy files.
import yargs from "yargs";
import { exitOnStdoutError, normalizeArgs, readInput, unexpectedErrorText } from "./io.js";
import { defaultTimeoutSeconds, runRun, runTargets } from "./run-main.js";
import { versionText } from "./version.js";

exitOnStdoutError("allo-run");

const argv = yargs(normalizeArgs(process.argv.slice(2)))
  .scriptName("allo-run")
  .usage("$0 FILE [--entry NAME] [--pass-pipeline=PIPELINE] --in NAME=FILE.npy ... --out NAME=FILE.npy ... [--target sim]\n\nRuns a df.region, hw.design or func.func on .npy inputs. NAME is an argument's source name (A for %A) or its position; arguments without --in start as zeros; a func.func's results are result0, result1, ...")
  .option("entry", { type: "string", default: "", describe: "The df.region, hw.design or func.func to run (default: the last top-level one no other op calls)" })
  .option("pass-pipeline", { type: "string", default: "", describe: "A pass pipeline to run before simulating, e.g. 'builtin.module(df-to-hw)'" })
  .option("in", { type: "string", array: true, default: [] as string[], describe: "NAME=FILE.npy: the initial value of an argument" })
  .option("out", { type: "string", array: true, default: [] as string[], describe: "NAME=FILE.npy: write an argument (after the run) or a result" })
  .option("target", { type: "string", default: "sim", describe: `Where to run: ${runTargets.join(", ")}` })
  .option("stats", { type: "boolean", default: false, describe: "Print instance and stream-operation counts and the run time to stderr" })
  .option("timeout", { type: "number", default: defaultTimeoutSeconds, describe: "Stop a run that takes longer than this many seconds with an error (0: no limit)" })
  .version(versionText)
  .strictOptions()
  .fail((msg) => { process.stderr.write(`allo-run: ${msg}\n`); process.exit(1); })
  .parseSync();

if (!Number.isFinite(argv.timeout) || argv.timeout < 0) {
  process.stderr.write("allo-run: --timeout expects a number of seconds, 0 or more (0 for no limit)\n");
  process.exit(1);
}
const files = argv._.map(String);
if (files.length !== 1) {
  process.stderr.write(`allo-run: expected one input file, got ${files.length}\n`);
  process.exit(1);
}
const input = readInput(files[0]);
if ("error" in input) {
  process.stderr.write(`allo-run: ${input.error}\n`);
  process.exit(1);
}
let code = 1;
try {
  const r = runRun({
    inputName: input.name, inputText: input.text, entry: argv.entry, pipeline: argv["pass-pipeline"],
    inputs: argv.in.map(String), outputs: argv.out.map(String), target: argv.target, stats: argv.stats, timeoutSeconds: argv.timeout,
  });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  code = r.exitCode;
} catch (e) {
  process.stderr.write(unexpectedErrorText("allo-run", e));
}
process.exitCode = code;
