// A small lit: finds .mlir test files, expands their `// RUN:` lines and runs each with bash, as LLVM's lit does.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { findTool } from "./requires.js";

/// A tool name that RUN lines use in command position, and what it expands to.
export interface LitTool {
  /// Shell text replacing the name.
  readonly command: string;
  /// A file that must exist for the tool to be available (its script).
  readonly file: string;
}

/// Where lit files live and how their RUN lines are expanded.
export interface LitConfig {
  /// Root that test names and %t paths are relative to.
  readonly root: string;
  /// Directory for %t paths (one per run).
  readonly tmpDir: string;
  /// Tools substituted in command position (see defaultTools).
  readonly tools: ReadonlyMap<string, LitTool>;
  /// Time limit of one RUN line.
  readonly timeoutMs: number;
}

/// The RUN and REQUIRES lines of one file.
export interface LitScript {
  /// RUN lines with continuations joined.
  readonly run: readonly string[];
  /// Tools named by REQUIRES lines.
  readonly requires: readonly string[];
}

/// Outcome of one lit file.
export type LitResult =
  | { readonly status: "pass" }
  | { readonly status: "skip"; readonly reason: string }
  | { readonly status: "fail"; readonly runLine: string; readonly command: string; readonly exitStatus: string; readonly output: string };

/// The tools of allo-ts: allo-opt, allo-translate, allo-run, FileCheck (also `filecheck`) and not, run with this node.
export function defaultTools(repoRoot: string): Map<string, LitTool> {
  const node = (file: string): LitTool => ({ command: `${shellQuote(process.execPath)} ${shellQuote(file)}`, file });
  const cli = (tool: string) => node(join(repoRoot, "packages", "opt-cli", "bin", `${tool}.js`));
  const fileCheck = node(join(repoRoot, "test", "dist", "tools", "filecheck-cli.js"));
  return new Map([
    ["allo-opt", cli("allo-opt")],
    ["allo-translate", cli("allo-translate")],
    ["allo-run", cli("allo-run")],
    ["FileCheck", fileCheck],
    ["filecheck", fileCheck],
    ["not", node(join(repoRoot, "test", "dist", "tools", "not-cli.js"))],
  ]);
}

/// Folders never searched for lit files: baselines, build output, and `Inputs` (data files that RUN lines read, as in LLVM).
const NOT_LIT_DIRS = new Set(["baselines", "dist", "node_modules", "Inputs"]);

/// All `*.mlir` files under `dir`, sorted, outside the folders named in NOT_LIT_DIRS.
export function findLitFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !NOT_LIT_DIRS.has(entry.name)) out.push(...findLitFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".mlir")) out.push(path);
  }
  return out.sort();
}

/// Reads `RUN:` lines (a trailing `\` continues on the next RUN line) and `REQUIRES:` lines (comma-separated tools).
export function parseLitScript(text: string): LitScript {
  const run: string[] = [];
  const requires: string[] = [];
  let continued = false;
  for (const line of text.split("\n")) {
    const m = /(?:^|[^A-Za-z0-9_-])(RUN|REQUIRES):(.*)$/.exec(line);
    if (m === null) continue;
    let content = m[2].trim();
    if (m[1] === "REQUIRES") {
      requires.push(...content.split(",").map((s) => s.trim()).filter(Boolean));
      continue;
    }
    const continues = content.endsWith("\\");
    if (continues) content = content.slice(0, -1).trimEnd();
    if (continued) run[run.length - 1] += ` ${content}`;
    else run.push(content);
    continued = continues;
  }
  return { run, requires };
}

/// A word in command position of a shell line: [start, end) offsets and its text.
interface CommandWord {
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

/// Finds the words of `line` that bash runs as commands: the first word of each pipeline stage or list item,
/// after `VAR=value` assignments and redirections, and the word after `not` or `!`. Quoted text is never a command word.
export function commandWords(line: string): CommandWord[] {
  const words: CommandWord[] = [];
  let expectCommand = true;
  let i = 0;
  while (i < line.length) {
    const redirection = /^(?:\d*(?:>>|>&|<&|>\||<>|>|<)|&>>?)/.exec(line.slice(i));
    if (redirection !== null) {
      i += redirection[0].length;
      while (line[i] === " " || line[i] === "\t") i++;
      i = wordEnd(line, i);
    } else if (line[i] === " " || line[i] === "\t") {
      i++;
    } else if ("|&;()".includes(line[i])) {
      expectCommand = true;
      i++;
    } else {
      const start = i;
      i = wordEnd(line, i);
      const word = line.slice(start, i);
      if (!expectCommand || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
      words.push({ start, end: i, word });
      expectCommand = word === "not" || word === "!";
    }
  }
  return words;
}

const WORD_END = " \t|&;()<>";

/// End of the shell word starting at `i`, honouring quotes and backslashes.
function wordEnd(line: string, i: number): number {
  while (i < line.length && !WORD_END.includes(line[i])) {
    const c = line[i];
    if (c === "\\") i += 2;
    else if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      i = close < 0 ? line.length : close + 1;
    } else i++;
  }
  return Math.min(i, line.length);
}

/// The `%t` path of a lit file: inside the run's temporary directory, unique per file.
function tempPath(file: string, config: LitConfig): string {
  return join(config.tmpDir, `${relative(config.root, file)}.tmp`);
}

/// Expands a RUN line: tool names in command position, then %s (the file), %S (its folder), %t (temp path), %%.
export function expandRunLine(line: string, file: string, config: LitConfig): string {
  let out = line;
  for (const { start, end, word } of commandWords(line).reverse()) {
    const tool = config.tools.get(word);
    if (tool) out = out.slice(0, start) + tool.command + out.slice(end);
  }
  const values: Record<string, string> = { s: file, S: dirname(file), t: tempPath(file, config), "%": "%" };
  return out.replace(/%([sSt%])/g, (_, k: string) => values[k]);
}

let shellBuiltins: Set<string> | undefined;

/// Whether `name` is available: a configured tool whose script exists, a bash builtin or keyword, or an executable.
function hasTool(name: string, config: LitConfig): boolean {
  const tool = config.tools.get(name);
  if (tool) return existsSync(tool.file);
  shellBuiltins ??= new Set(spawnSync("bash", ["-c", "compgen -b -k"], { encoding: "utf8" }).stdout.split("\n"));
  return shellBuiltins.has(name) || findTool(name) !== null;
}

/// The first required or invoked tool that is missing, if any. Commands built at run time (`%t`, `$X`, `./x`) are not checked.
export function missingTool(script: LitScript, config: LitConfig): string | null {
  const invoked = script.run.flatMap((line) => commandWords(line).map((w) => w.word));
  const checkable = invoked.filter((w) => !/[%$'"`\\]/.test(w) && (!w.includes("/") || w.startsWith("/")));
  return [...script.requires, ...checkable].find((name) => !hasTool(name, config)) ?? null;
}

/// Runs the RUN lines of `file` in order with `bash -o pipefail -c`, stopping at the first failure.
export async function runLitFile(file: string, config: LitConfig): Promise<LitResult> {
  const script = parseLitScript(readFileSync(file, "utf8"));
  if (script.run.length === 0) return { status: "fail", runLine: "", command: "", exitStatus: "-", output: "no RUN lines" };
  const missing = missingTool(script, config);
  if (missing !== null) return { status: "skip", reason: `skipped: ${missing} not found` };
  mkdirSync(dirname(tempPath(file, config)), { recursive: true });
  for (const runLine of script.run) {
    const command = expandRunLine(runLine, file, config);
    const { exitStatus, output } = await runBash(command, dirname(file), config.timeoutMs);
    if (exitStatus !== "0") return { status: "fail", runLine, command, exitStatus, output };
  }
  return { status: "pass" };
}

/// Runs `command` with bash in its own process group, so that a time-out kills the whole pipeline.
function runBash(command: string, cwd: string, timeoutMs: number): Promise<{ exitStatus: string; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-o", "pipefail", "-c", command], { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, "SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const exitStatus = timedOut ? `killed after the time limit of ${timeoutMs} ms` : code !== null ? String(code) : `killed by ${signal}`;
      resolve({ exitStatus, output: joinOutput(stderr, stdout) });
    });
  });
}

const MAX_OUTPUT = 20_000;

function joinOutput(stderr: string, stdout: string): string {
  const clip = (s: string) => (s.length > MAX_OUTPUT ? `${s.slice(0, MAX_OUTPUT)}\n... (${s.length - MAX_OUTPUT} more characters)` : s);
  return [stderr && `--- stderr ---\n${clip(stderr)}`, stdout && `--- stdout ---\n${clip(stdout)}`].filter(Boolean).join("\n");
}

/// The failure report of a lit file: the RUN line, its expansion, the exit status and the output.
export function formatLitFailure(result: Extract<LitResult, { status: "fail" }>): string {
  return `RUN: ${result.runLine}\n$ ${result.command}\nexit status: ${result.exitStatus}\n${result.output}`;
}

/// Quotes `text` as one bash word.
function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
