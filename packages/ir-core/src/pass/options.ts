// Pass options as data: typed option specs that parse MLIR's `{key=value ...}` text, print it back and describe --help.

/// The value kinds of pass options, after llvm::cl's parsers (they decide the error wording and `<valueName>`).
export enum OptKind { Bool, Int, UInt, Long, ULong, Double, String, Enum, Pipeline }

/// Parses a pipeline-valued option into its printed form (installed by pipeline-parser.ts to avoid an import cycle).
let pipelineOptionParser: ((text: string) => { ok: true; text: string } | { ok: false; message: string }) | null = null;
/// Installs the parser of pipeline-valued options.
export function setPipelineOptionParser(f: (text: string) => { ok: true; text: string } | { ok: false; message: string }): void {
  pipelineOptionParser = f;
}

/// One named value of an enum option.
export interface EnumValue { readonly name: string; readonly help: string }

/// The schema of one option. `T` is the parsed value (`number`, `boolean`, `string`, or an array of those for lists).
export interface OptionSpec<T> {
  readonly arg: string;
  readonly help: string;
  readonly kind: OptKind;
  readonly list: boolean;
  readonly defaultValue: T;
  /// Enum members (for OptKind.Enum), in declaration order.
  readonly enumValues: readonly EnumValue[] | null;
}

/// The specs of a pass's options, keyed by the property name `run` reads.
export type OptionsSchema = Readonly<Record<string, OptionSpec<unknown>>>;
/// The values an options schema produces.
export type OptionValues<S extends OptionsSchema> = { -readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never };

function spec<T>(kind: OptKind, arg: string, defaultValue: T, help: string, list = false, enumValues: readonly EnumValue[] | null = null): OptionSpec<T> {
  return { arg, help, kind, list, defaultValue, enumValues };
}

/// Option constructors: `opt.uint("unroll-factor", 4, "Use this unroll factor")`.
export const opt = {
  /// `bool` (a bare key means true).
  bool: (arg: string, def: boolean, help: string): OptionSpec<boolean> => spec(OptKind.Bool, arg, def, help),
  /// 32-bit signed `int`.
  int: (arg: string, def: number, help: string): OptionSpec<number> => spec(OptKind.Int, arg, def, help),
  /// 32-bit `unsigned`.
  uint: (arg: string, def: number, help: string): OptionSpec<number> => spec(OptKind.UInt, arg, def, help),
  /// 64-bit signed `long` (`int64_t`).
  long: (arg: string, def: number, help: string): OptionSpec<number> => spec(OptKind.Long, arg, def, help),
  /// 64-bit `unsigned long` (`uint64_t`).
  ulong: (arg: string, def: number, help: string): OptionSpec<number> => spec(OptKind.ULong, arg, def, help),
  /// `double`.
  double: (arg: string, def: number, help: string): OptionSpec<number> => spec(OptKind.Double, arg, def, help),
  /// `std::string`.
  string: (arg: string, def: string, help: string): OptionSpec<string> => spec(OptKind.String, arg, def, help),
  /// An enum: the value is the member's name.
  enum: <N extends string>(arg: string, def: N, help: string, values: readonly EnumValue[]): OptionSpec<N> => spec(OptKind.Enum, arg, def, help, false, values),
  /// A comma-separated list option (`ListOption<T>`), empty by default.
  list: {
    int: (arg: string, help: string): OptionSpec<number[]> => spec(OptKind.Int, arg, [], help, true),
    uint: (arg: string, help: string): OptionSpec<number[]> => spec(OptKind.UInt, arg, [], help, true),
    long: (arg: string, help: string): OptionSpec<number[]> => spec(OptKind.Long, arg, [], help, true),
    string: (arg: string, help: string): OptionSpec<string[]> => spec(OptKind.String, arg, [], help, true),
    /// Pass pipelines (`op(pass,...)`), kept in their printed form.
    pipeline: (arg: string, help: string): OptionSpec<string[]> => spec(OptKind.Pipeline, arg, [], help, true),
  },
} as const;

/// The `<valueName>` llvm::cl shows in --help, or "" for flags.
export function valueName(s: OptionSpec<unknown>): string {
  switch (s.kind) {
    case OptKind.Bool: return "";
    case OptKind.Int: return "int";
    case OptKind.UInt: return "uint";
    case OptKind.Long: return "long";
    case OptKind.ULong: return "ulong";
    case OptKind.Double: return "number";
    case OptKind.String: return "string";
    case OptKind.Enum: return "value";
    case OptKind.Pipeline: return "pass-manager";
  }
}

const INT_RANGES: Record<number, [bigint, bigint, string]> = {
  [OptKind.Int]: [-(1n << 31n), (1n << 31n) - 1n, "integer"],
  [OptKind.UInt]: [0n, (1n << 32n) - 1n, "uint"],
  [OptKind.Long]: [-(1n << 63n), (1n << 63n) - 1n, "long"],
  [OptKind.ULong]: [0n, (1n << 64n) - 1n, "ulong"],
};

/// llvm's StringRef::getAsInteger with radix 0: 0x, 0b, 0o and leading-0 octal prefixes; null if malformed.
function parseInteger(text: string, signed: boolean): bigint | null {
  let s = text;
  let neg = false;
  if (signed && s.startsWith("-")) { neg = true; s = s.slice(1); }
  let radix = 10;
  if (/^0[xX]/.test(s)) { radix = 16; s = s.slice(2); }
  else if (/^0[bB]/.test(s)) { radix = 2; s = s.slice(2); }
  else if (/^0[oO]/.test(s)) { radix = 8; s = s.slice(2); }
  else if (s.length > 1 && s[0] === "0") { radix = 8; s = s.slice(1); }
  if (s.length === 0) return null;
  const digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return null;
  let v = 0n;
  const r = BigInt(radix);
  for (const ch of s) v = v * r + BigInt(parseInt(ch, radix));
  return neg ? -v : v;
}

/// Parses one scalar value; returns the llvm::cl error message on failure (`raw`: the text a pipeline option's parser
/// prints itself, without llvm::cl's `for the --x option:` line).
export function parseScalar(s: OptionSpec<unknown>, text: string): { ok: true; value: unknown } | { ok: false; message: string; raw?: boolean } {
  switch (s.kind) {
    case OptKind.Bool:
      if (text === "" || text === "true" || text === "TRUE" || text === "True" || text === "1") return { ok: true, value: true };
      if (text === "false" || text === "FALSE" || text === "False" || text === "0") return { ok: true, value: false };
      return { ok: false, message: `'${text}' is invalid value for boolean argument! Try 0 or 1` };
    case OptKind.Int: case OptKind.UInt: case OptKind.Long: case OptKind.ULong: {
      const [lo, hi, what] = INT_RANGES[s.kind];
      const v = parseInteger(text, lo < 0n);
      if (v === null || v < lo || v > hi) return { ok: false, message: `'${text}' value invalid for ${what} argument!` };
      return { ok: true, value: Number(v) };
    }
    case OptKind.Double: {
      const v = text.trim() === "" ? NaN : Number(text);
      if (Number.isNaN(v) && text !== "nan") return { ok: false, message: `'${text}' value invalid for floating point argument!` };
      return { ok: true, value: v };
    }
    case OptKind.String: return { ok: true, value: text };
    case OptKind.Enum:
      if (s.enumValues!.some((e) => e.name === text)) return { ok: true, value: text };
      return { ok: false, message: `Cannot find option named '${text}'!` };
    case OptKind.Pipeline: {
      if (pipelineOptionParser === null) return { ok: true, value: text };
      const r = pipelineOptionParser(text);
      return r.ok ? { ok: true, value: r.text } : { ok: false, message: r.message, raw: true };
    }
  }
}

/// Prints one scalar as MLIR prints an option value (strings with a space before any brace or quote go in `{...}`).
export function printScalar(s: OptionSpec<unknown>, v: unknown): string {
  switch (s.kind) {
    case OptKind.Bool: return v ? "true" : "false";
    case OptKind.String: {
      const str = String(v);
      const space = str.indexOf(" ");
      const esc = Math.min(...["{", "'", '"'].map((c) => { const i = str.indexOf(c); return i < 0 ? Infinity : i; }));
      return space >= 0 && space < esc ? `{${str}}` : str;
    }
    default: return String(v);
  }
}

/// Prints `arg=value` (lists: `arg=a,b`; an empty list prints nothing, as MLIR).
export function printOption(s: OptionSpec<unknown>, v: unknown): string {
  if (s.list) {
    const xs = v as readonly unknown[];
    if (xs.length === 0) return "";
    return `${s.arg}=${xs.map((x) => printScalar(s, x)).join(",")}`;
  }
  return `${s.arg}=${printScalar(s, v)}`;
}

/// Trims, then drops one pair of surrounding quotes or braces (MLIR's extractArgAndUpdateOptions).
function unwrap(str: string): string {
  const t = str.trim();
  if (t.length <= 2) return t;
  for (const [a, b] of [["'", "'"], ['"', '"'], ["{", "}"]]) {
    if (t[0] === a && t[t.length - 1] === b) return t.slice(1, -1).trim();
  }
  return t;
}

/// Index of `c` in `str` from `index`, skipping `{}`, `()`, `[]` ranges and quoted text; -1 if none.
function findChar(str: string, index: number, c: string): number {
  for (let i = index; i < str.length; i++) {
    const ch = str[i];
    if (ch === c) return i;
    if (ch === "{") i = findChar(str, i + 1, "}");
    else if (ch === "(") i = findChar(str, i + 1, ")");
    else if (ch === "[") i = findChar(str, i + 1, "]");
    else if (ch === '"' || ch === "'") i = str.indexOf(ch, i + 1);
    if (i < 0) return -1;
  }
  return -1;
}

/// Splits a list value at top-level commas (elements are kept verbatim, as MLIR 19 does).
export function splitList(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  let at = findChar(rest, 0, ",");
  while (at >= 0) {
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
    at = findChar(rest, 0, ",");
  }
  out.push(rest);
  return out;
}

/// One `key` or `key=value` from an options string; `value` is null for a bare key.
export interface RawOption { readonly key: string; readonly value: string | null }

/// Splits `{...}` option text into key/value pairs as MLIR's parseNextArg does (spaces separate; quotes and braces nest).
export function splitOptions(text: string): RawOption[] {
  const out: RawOption[] = [];
  let s = text;
  while (s.length > 0) {
    let key = "";
    let value: string | null = null;
    let hasValue = false;
    for (let i = 0; ; i++) {
      if (i === s.length || s[i] === " ") { key = unwrap(s.slice(0, i)); s = s.slice(i).trimStart(); break; }
      if (s[i] === "=") { key = unwrap(s.slice(0, i)); s = s.slice(i).trimStart().slice(1); hasValue = true; break; }
    }
    if (hasValue) {
      const end = valueEnd(s);
      value = unwrap(s.slice(0, end));
      s = s.slice(end).trimStart();
    }
    if (key.length) out.push({ key, value });
  }
  return out;
}

/// End of an option value: the first top-level space, skipping quoted text and `{...}` groups.
function valueEnd(s: string): number {
  let j = 0;
  for (; j < s.length && s[j] !== " "; j++) {
    const c = s[j];
    if (c === "'" || c === '"') { const k = s.indexOf(c, j + 1); if (k >= 0) j = k; continue; }
    if (c === "{") {
      let depth = 1;
      for (j++; j < s.length; j++) {
        const d = s[j];
        if (d === "'" || d === '"') { const k = s.indexOf(d, j + 1); if (k >= 0) j = k; continue; }
        if (d === "{") depth++;
        else if (d === "}" && --depth === 0) break;
      }
      if (j >= s.length) return s.length;
    }
  }
  return j;
}
