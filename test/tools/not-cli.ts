#!/usr/bin/env node
// `not CMD [ARGS...]`: runs CMD and inverts its status (0 when it failed, 1 when it succeeded or crashed), as LLVM's `not`.

import { spawnSync } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write("usage: not CMD [ARGS...]\n");
  process.exitCode = 2;
} else {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.error) process.stderr.write(`not: ${result.error.message}\n`);
  process.exitCode = result.status !== null && result.status !== 0 ? 0 : 1;
}
