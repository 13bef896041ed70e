// A parser for plain allo-opt command lines (known flags, `--name=value` / `-o value`, one input file): the allo-opt
// binary runs these without loading yargs (a tenth of its start-up); anything else goes to alloOptMain's yargs.
import { lookupPass, lookupPassPipeline } from "@allo/ir-core";
import { clInteger } from "./cl-args.js";
import { flags, type ParsedArgs } from "./opt-flags.js";

const byName = new Map(flags.map((f) => [f.name, f]));

/// The arguments as yargs would parse them (defaults included), or null when they are not plain: an unknown or
/// negated flag, a boolean with a value, a value starting with `-`, an invalid choice or pass name, `--`, a numeric
/// positional.
export function parseSimpleArgs(args: readonly string[]): ParsedArgs | null {
  const argv: ParsedArgs = { _: [] };
  const given = new Set<string>();
  // A string option given several times collects its values in an array, as yargs does.
  const set = (name: string, value: string): void => {
    if (given.has(name)) { const old = argv[name]; argv[name] = Array.isArray(old) ? [...old, value] : [old, value]; }
    else argv[name] = value;
    given.add(name);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-" || !a.startsWith("-")) {
      if (a !== "-" && (a.trim() === "" || !Number.isNaN(Number(a)))) return null; // yargs would read a number
      argv._.push(a);
      continue;
    }
    let name: string;
    let value: string | null = null;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      name = a.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) value = a.slice(eq + 1);
      if (name.length < 2 && name !== "o") return null;
    } else {
      if (a.length !== 2) return null; // `-o`, `-p`
      name = a.slice(1);
    }
    if (name === "p") name = "pass-pipeline";
    const f = byName.get(name);
    if (f === undefined) return null;
    if (f.type === "boolean") {
      if (value !== null) return null;
      argv[name] = true;
      given.add(name);
      continue;
    }
    if (f.optionalValue !== undefined) {
      set(name, value === null || value === "" ? f.optionalValue : value);
      continue;
    }
    if (value === null) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("-")) return null;
      value = next;
      i++;
    }
    if (f.choices !== undefined && !f.choices.some((c) => c[0] === value)) return null;
    if (f.passList === true && value.split(",").some((p) => lookupPass(p) === null && lookupPassPipeline(p) === null)) return null;
    if (f.integer !== undefined) {
      const n = clInteger(value, f.integer);
      if (n === null) return null;
      value = String(n);
    }
    set(name, value);
  }
  for (const f of flags) if (!given.has(f.name) && f.def !== undefined) argv[f.name] = f.def;
  return argv;
}
