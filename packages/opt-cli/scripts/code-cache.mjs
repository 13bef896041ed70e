// `node scripts/code-cache.mjs TOOL ARGS...`: runs TOOL's bundle once on ARGS and writes its V8 code cache, which
// then holds the bytecode of every function the run compiled.
import { writeFileSync } from "node:fs";
import { bundlePaths, compileBundle } from "../dist/launch.js";

const [tool, ...args] = process.argv.slice(2);
const bundle = compileBundle(tool, false);
process.argv = [process.argv[0], bundlePaths(tool).file, ...args];
process.on("exit", (code) => {
  if (code === 0) writeFileSync(bundlePaths(tool).cache, bundle.script.createCachedData());
});
bundle.run();
