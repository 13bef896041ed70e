// The value rules of llvm::cl that mlir-opt's options follow, checked before yargs splits the command line: boolean
// spellings, options that require a value (taking the next argument whatever it is), optional values, enumerated
// values and pass names — each violation reported in llvm::cl's words.
import { lookupPass, lookupPassPipeline } from "@allo/ir-core";

/// An option as llvm::cl sees it.
export interface ClFlag {
  readonly name: string;
  readonly type: "boolean" | "string";
  /// The value of a string option given without one (`--split-input-file`); such an option never takes the next argument.
  readonly optionalValue?: string;
  readonly choices?: readonly (readonly [string, string])[];
  /// The values are comma-separated pass arguments (`--mlir-print-ir-after=cse,canonicalize`).
  readonly passList?: boolean;
  /// The value is an integer of llvm::cl's `unsigned` (uint) or `int64_t` (long) parser.
  readonly integer?: "uint" | "long";
}

const integerRange = { uint: [0n, 0xffffffffn], long: [-(1n << 63n), (1n << 63n) - 1n] } as const;

/// The integer llvm::cl reads from `s` (StringRef::getAsInteger with radix 0: `0x`, `0b`, `0o` or a leading 0 pick
/// the radix; `long` takes a minus sign), or null if it is not one or out of range.
export function clInteger(s: string, kind: "uint" | "long"): bigint | null {
  const negative = kind === "long" && s.startsWith("-");
  const body = negative ? s.slice(1) : s;
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]+|[1-9][0-9]*|0)$/.exec(body);
  if (m === null) return null;
  const digits = /^0[oO]/.test(body) ? "0o" + body.slice(2) : /^0[0-7]/.test(body) ? "0o" + body.slice(1) : body;
  const v = negative ? -BigInt(digits) : BigInt(digits);
  const [lo, hi] = integerRange[kind];
  return v < lo || v > hi ? null : v;
}

const trueSpellings = new Set(["true", "TRUE", "True", "1"]);
const falseSpellings = new Set(["false", "FALSE", "False", "0"]);

/// llvm::cl's spelling of an option in messages: `-o` for one letter, `--name` otherwise.
function spelled(name: string): string {
  return (name.length === 1 ? "-" : "--") + name;
}

/// `args` (normalized to `--name` / `-x` forms) with every known option rewritten as `--name=value` (booleans as
/// `true`/`false`), or llvm::cl's message for the first bad value. Unknown options and positionals are left as they are;
/// `aliases` maps one-letter aliases (`p`) to the option they stand for.
export function checkClArgs(tool: string, args: readonly string[], flags: readonly ClFlag[], aliases: ReadonlyMap<string, string>): { args: string[] } | { error: string } {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const out: string[] = [];
  const fail = (name: string, what: string) => ({ error: `${tool}: for the ${spelled(name)} option: ${what}\n` });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") { out.push(...args.slice(i)); break; }
    if (a === "-" || !a.startsWith("-")) { out.push(a); continue; }
    const eq = a.indexOf("=");
    const given = a.slice(a.startsWith("--") ? 2 : 1, eq < 0 ? undefined : eq);
    let value: string | null = eq < 0 ? null : a.slice(eq + 1);
    if ((given === "help" || given === "h" || given === "version") && value !== null) return fail(given, `does not allow a value! '${value}' specified.`);
    const f = byName.get(aliases.get(given) ?? given);
    if (f === undefined) { out.push(a); continue; }
    if (f.type === "boolean") {
      if (value !== null && !trueSpellings.has(value) && !falseSpellings.has(value)) return fail(given, `'${value}' is invalid value for boolean argument! Try 0 or 1`);
      out.push(`--${f.name}=${value === null || trueSpellings.has(value)}`);
      continue;
    }
    if (f.optionalValue !== undefined) {
      out.push(`--${f.name}=${value === null || value === "" ? f.optionalValue : value}`);
      continue;
    }
    if (value === null) {
      if (i + 1 >= args.length) return fail(given, "requires a value!");
      value = args[++i];
    }
    if (f.choices !== undefined && !f.choices.some((c) => c[0] === value)) return fail(given, `Cannot find option named '${value}'!`);
    if (f.integer !== undefined) {
      const n = clInteger(value, f.integer);
      if (n === null) return fail(given, `'${value}' value invalid for ${f.integer} argument!`);
      value = String(n);
    }
    if (f.passList === true) {
      for (const p of value.split(",")) if (lookupPass(p) === null && lookupPassPipeline(p) === null) return fail(given, `Cannot find option named '${p}'!`);
    }
    out.push(`--${f.name}=${value}`);
  }
  return { args: out };
}

function editDistance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/// llvm::cl's message for the first option in `args` that is not `known`, with the nearest of `suggestions`, or null.
export function unknownOptionMessage(tool: string, args: readonly string[], known: ReadonlySet<string>, suggestions: readonly string[]): string | null {
  for (const a of args) {
    if (a === "--") break;
    if (a === "-" || !a.startsWith("-")) continue;
    const name = a.replace(/^--?/, "").replace(/=.*$/, "");
    if (known.has(name)) continue;
    let best = "", dist = Infinity;
    for (const k of suggestions) {
      const d = editDistance(name, k);
      if (d < dist) { dist = d; best = k; }
    }
    return `${tool}: Unknown command line argument '${a.replace(/=.*$/, "")}'.  Try: '${tool} --help'\n` + (best ? `${tool}: Did you mean '${spelled(best)}'?\n` : "");
  }
  return null;
}
