#!/usr/bin/env node
// Command-line FileCheck: `FileCheck CHECK-FILE [options] < input`, with LLVM FileCheck's switches and exit codes.

import { readFileSync } from "node:fs";
import { type FileCheckOptions, runFileCheck } from "./filecheck.js";

const USAGE = `usage: FileCheck <check-file> [--check-prefix=P] [--check-prefixes=A,B] [--comment-prefixes=A,B]
  [--input-file=F] [--implicit-check-not=PATTERN] [--strict-whitespace] [--match-full-lines]
  [--ignore-case] [--allow-empty] [--allow-unused-prefixes] [--enable-var-scope] [--dump-input=MODE]
`;

const FLAGS = {
  "strict-whitespace": "strictWhitespace",
  "match-full-lines": "matchFullLines",
  "ignore-case": "ignoreCase",
  "allow-empty": "allowEmpty",
  "allow-unused-prefixes": "allowUnusedPrefixes",
  "enable-var-scope": "enableVarScope",
} as const;

const VALUED = new Set(["check-prefix", "check-prefixes", "comment-prefixes", "input-file", "implicit-check-not", "dump-input"]);

interface Parsed {
  checkFile: string;
  inputFile: string;
  options: Omit<FileCheckOptions, "checkFileName" | "inputName">;
}

class UsageError extends Error {}

/// Parses LLVM-style arguments: one or two leading dashes, values after `=` or as the next argument.
function parseArgs(argv: readonly string[]): Parsed {
  const flags: { -readonly [K in (typeof FLAGS)[keyof typeof FLAGS]]?: boolean } = {};
  const prefixes: string[] = [];
  const implicitCheckNot: string[] = [];
  let commentPrefixes: string[] | undefined;
  let checkFile: string | undefined;
  let inputFile = "-";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || arg === "-") {
      if (checkFile !== undefined) throw new UsageError(`unexpected argument '${arg}'`);
      checkFile = arg;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(0, eq < 0 ? undefined : eq).replace(/^--?/, "");
    if (name in FLAGS) {
      const value = eq < 0 ? "true" : arg.slice(eq + 1);
      flags[FLAGS[name as keyof typeof FLAGS]] = value === "true" || value === "1";
      continue;
    }
    if (!VALUED.has(name)) throw new UsageError(`unknown option '${arg}'`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`option '${arg}' needs a value`);
    if (name === "check-prefix") prefixes.push(value);
    else if (name === "check-prefixes") prefixes.push(...value.split(","));
    else if (name === "comment-prefixes") commentPrefixes = [...(commentPrefixes ?? []), ...value.split(",")];
    else if (name === "input-file") inputFile = value;
    else if (name === "implicit-check-not") implicitCheckNot.push(value);
  }
  if (checkFile === undefined) throw new UsageError("no check file given");
  return {
    checkFile,
    inputFile,
    options: { ...flags, prefixes: prefixes.length > 0 ? prefixes : undefined, commentPrefixes, implicitCheckNot },
  };
}

function main(argv: readonly string[]): number {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`FileCheck: ${e.message}\n${USAGE}`);
    return 2;
  }
  const { checkFile, inputFile, options } = parsed;
  let checkText: string;
  let inputText: string;
  try {
    checkText = readFileSync(checkFile, "utf8");
    inputText = readFileSync(inputFile === "-" ? 0 : inputFile, "utf8");
  } catch (e) {
    process.stderr.write(`FileCheck: ${(e as Error).message}\n`);
    return 2;
  }
  const result = runFileCheck(checkText, inputText, {
    ...options,
    checkFileName: checkFile,
    inputName: inputFile === "-" ? "<stdin>" : inputFile,
  });
  process.stderr.write(result.messages.join(""));
  return result.exitCode;
}

process.exitCode = main(process.argv.slice(2));
