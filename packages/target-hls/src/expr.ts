// C++ expressions: precedence-aware composition, exact literals, and affine expressions as C index arithmetic.
import { AffineExprKind, type AffineExpr } from "@allo/ir-core";

/// C++ operator precedence levels (higher binds tighter).
export const enum Prec {
  Ternary = 2, LogicalOr = 3, LogicalAnd = 4, BitOr = 5, BitXor = 6, BitAnd = 7, Equality = 8, Relational = 9,
  Shift = 11, Additive = 12, Multiplicative = 13, Unary = 15, Postfix = 16,
}

/// A C++ expression with its precedence. `value` is set for integer literals (so they can be respelled, e.g. `5u`);
/// `loads` is true if evaluating it reads memory (it must then not move past a store).
export interface CExpr {
  readonly text: string;
  readonly prec: Prec;
  readonly value: bigint | null;
  readonly loads: boolean;
  /// For `T(u)` wrapping an unsigned computation `u`: that `u`, so a following unsigned operation can use it
  /// directly instead of `uint32_t(int32_t(u))`.
  readonly unsignedForm?: { readonly type: string; readonly expr: CExpr };
}

/// An expression of the highest precedence (a name, a call, a literal without sign).
export function atom(text: string, loads = false): CExpr {
  return { text, prec: Prec.Postfix, value: null, loads };
}

/// An integer literal (negative values have unary precedence).
export function intLit(v: bigint | number, suffix = ""): CExpr {
  const b = BigInt(v);
  return { text: `${b}${suffix}`, prec: b < 0n ? Prec.Unary : Prec.Postfix, value: b, loads: false };
}

/// `e` as an operand at precedence `p`: parenthesised if it binds looser (or equally, for a right operand).
export function operand(e: CExpr, p: Prec, right = false): string {
  return e.prec < p || (right && e.prec === p) ? `(${e.text})` : e.text;
}

const BITWISE: ReadonlySet<string> = new Set(["&", "|", "^", "<<", ">>", "&&", "||"]);

/// `a op b`. Operands of bitwise, shift and logical operators that are themselves binary expressions of another
/// operator are parenthesised, as g++ -Wparentheses wants (and readers too).
export function binary(op: string, p: Prec, a: CExpr, b: CExpr): CExpr {
  const wrap = (x: CExpr, right: boolean): string => {
    if (BITWISE.has(op) && x.prec < Prec.Unary && !(x.prec === p && !right)) return `(${x.text})`;
    return operand(x, p, right);
  };
  return { text: `${wrap(a, false)} ${op} ${wrap(b, true)}`, prec: p, value: null, loads: a.loads || b.loads };
}

/// A unary prefix operator.
export function unary(op: string, a: CExpr): CExpr {
  const inner = operand(a, Prec.Unary);
  // `- -x` and `--x` differ; keep a space when the operand starts with the same sign.
  const sep = (op === "-" || op === "+") && inner.startsWith(op) ? " " : "";
  return { text: `${op}${sep}${inner}`, prec: Prec.Unary, value: null, loads: a.loads };
}

/// A functional cast `T(e)` (every type we print is one token or a template-id, so this form always parses).
export function cast(type: string, e: CExpr): CExpr {
  return { text: `${type}(${e.text})`, prec: Prec.Postfix, value: null, loads: e.loads };
}

/// A call `f(a, b)`.
export function call(fn: string, args: readonly CExpr[]): CExpr {
  return { text: `${fn}(${args.map((a) => a.text).join(", ")})`, prec: Prec.Postfix, value: null, loads: args.some((a) => a.loads) };
}

/// `c ? a : b`.
export function ternary(c: CExpr, a: CExpr, b: CExpr): CExpr {
  return {
    text: `${operand(c, Prec.LogicalOr)} ? ${operand(a, Prec.Ternary)} : ${operand(b, Prec.Ternary)}`,
    prec: Prec.Ternary, value: null, loads: c.loads || a.loads || b.loads,
  };
}

// ---- integer literals ----

const I32_MIN = -(2n ** 31n);
const I32_MAX = 2n ** 31n - 1n;
const I64_MIN = -(2n ** 63n);

/// An integer literal for a value of a signed C type of `width` bits (`INT32_MIN`, `5000000000LL`, `-3`).
export function signedLit(v: bigint, width: number): CExpr {
  if (width === 32 && v === I32_MIN) return atom("INT32_MIN");
  if (width === 64 && v === I64_MIN) return atom("INT64_MIN");
  if (v >= I32_MIN && v <= I32_MAX) return intLit(v);
  return intLit(v, "LL");
}

/// An unsigned literal of `width` bits for the two's complement bits of `v` (`5u`, `4294967295u`, `7ull`).
export function unsignedLit(v: bigint, width: number): CExpr {
  const u = BigInt.asUintN(width, v);
  return intLit(u, width > 32 ? "ull" : "u");
}

// ---- float literals ----

/// Splits a finite nonzero double into an odd-or-zero integer significand and a power of two: v = m * 2^e exactly.
function dyadic(v: number): { m: bigint; e: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const bits = buf.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return exp === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: exp - 1075 };
}

/// Exact comparison of the decimal `digits * 10^exp10` with the dyadic `m * 2^e` (both non-negative): sign of (dec - dy).
function compareDecimalDyadic(digits: bigint, exp10: number, m: bigint, e: number): number {
  // Scale both sides to integers: dec = digits * 10^exp10, dy = m * 2^e.
  let l = digits, r = m;
  if (exp10 >= 0) l *= 10n ** BigInt(exp10); else r *= 10n ** BigInt(-exp10);
  if (e >= 0) r *= 2n ** BigInt(e); else l *= 2n ** BigInt(-e);
  return l < r ? -1 : l > r ? 1 : 0;
}

/// True if the decimal text `s` (no sign) converts to `v` (> 0) in a binary format with `precision` significand bits
/// and minimum normal exponent `emin`, under round-to-nearest-even, as a C++ compiler converts literals.
function decimalRoundsTo(s: string, v: number, precision: number, emin: number): boolean {
  const m = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(s);
  if (m === null) return false;
  const frac = m[2] ?? "";
  const digits = BigInt(m[1] + frac);
  const exp10 = Number(m[3] ?? "0") - frac.length;
  // ulp of v: 2^(max(floor(log2 v), emin) - (precision - 1)).
  const { m: vm, e: ve } = dyadic(v);
  const log2 = ve + vm.toString(2).length - 1;
  const q = Math.max(log2, emin) - (precision - 1);
  const isPow2 = (vm & (vm - 1n)) === 0n && log2 > emin;
  // Interval bounds: v - ulp/2 (ulp/4 below a power of two) .. v + ulp/2, as dyadics scaled by 2^(q-2).
  const shift = ve - (q - 2);
  const vq = shift >= 0 ? vm << BigInt(shift) : vm >> BigInt(-shift);
  const lo = vq - (isPow2 ? 1n : 2n), hi = vq + 2n;
  const cLo = compareDecimalDyadic(digits, exp10, lo, q - 2);
  const cHi = compareDecimalDyadic(digits, exp10, hi, q - 2);
  const even = ((vq >> 2n) & 1n) === 0n; // v's significand in units of ulp is even
  if (cLo < 0 || cHi > 0) return false;
  if (cLo === 0 || cHi === 0) return even;
  return true;
}

/// The shortest decimal spelling of `v` that a C++ compiler converts back to exactly `v` in a format with
/// `precision` significand bits (24 for float, 11 for half: all halves are floats, printed as float literals).
function shortestDecimal(v: number, precision: number, emin: number, maxDigits: number): string {
  const a = Math.abs(v);
  for (let p = 1; p <= maxDigits; p++) {
    const s = a.toPrecision(p);
    const norm = s.replace(/e\+?/, "e");
    if (decimalRoundsTo(norm, a, precision, emin)) return norm;
  }
  return a.toPrecision(maxDigits).replace(/e\+?/, "e");
}

/// Makes a decimal look like a floating literal: `1` -> `1.0`, `1e-7` stays.
function floatShape(s: string): string {
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/// A float literal of C++ type `cpp` (`float`, `double` or `half`) for the value `v`, exact.
export function floatLit(v: number, cpp: string): CExpr {
  const limits = cpp === "half" ? "float" : cpp;
  if (Number.isNaN(v)) return atom(`std::numeric_limits<${limits}>::quiet_NaN()`);
  if (!Number.isFinite(v)) {
    const inf = atom(`std::numeric_limits<${limits}>::infinity()`);
    return v < 0 ? unary("-", inf) : inf;
  }
  let body: string;
  if (v === 0) body = "0.0";
  else if (cpp === "double") body = floatShape(String(Math.abs(v)).replace(/e\+?/, "e"));
  else body = floatShape(shortestDecimal(v, 24, -126, 9));
  const neg = v < 0 || Object.is(v, -0);
  const lit = cpp === "double" ? body : `${body}f`;
  const e: CExpr = { text: neg ? `-${lit}` : lit, prec: neg ? Prec.Unary : Prec.Postfix, value: null, loads: false };
  return cpp === "half" ? cast("half", e) : e;
}

// ---- affine expressions ----

/// Prints an affine expression over C operands (`dims`, `syms`). `nonNegative(e)` tells whether a sub-expression is
/// known to be >= 0, in which case floordiv/mod print as plain `/` and `%`; otherwise the floor helpers are used.
export interface AffinePrinter {
  readonly dims: readonly CExpr[];
  readonly syms: readonly CExpr[];
  /// Called when a floor/ceil/mod helper is needed; returns its name.
  helper(name: "floordiv" | "ceildiv" | "mod"): string;
  /// Lower bound of a dim/symbol operand, when known (e.g. a loop counter starting at 0).
  lowerBound(isDim: boolean, pos: number): number | null;
}

/// The smallest value `e` can take given the operands' lower bounds, or null if unbounded below.
export function affineLowerBound(e: AffineExpr, p: AffinePrinter): number | null {
  switch (e.kind) {
    case AffineExprKind.Constant: return e.value;
    case AffineExprKind.DimId: return p.lowerBound(true, e.value);
    case AffineExprKind.SymbolId: return p.lowerBound(false, e.value);
    case AffineExprKind.Add: {
      const a = affineLowerBound(e.lhs!, p), b = affineLowerBound(e.rhs!, p);
      return a === null || b === null ? null : a + b;
    }
    case AffineExprKind.Mul: {
      // MLIR puts a constant factor on the right.
      const r = e.rhs!;
      if (r.kind !== AffineExprKind.Constant) return null;
      const a = affineLowerBound(e.lhs!, p);
      if (a === null || r.value < 0) return null;
      return a * r.value;
    }
    case AffineExprKind.FloorDiv: case AffineExprKind.CeilDiv: {
      const a = affineLowerBound(e.lhs!, p);
      const r = e.rhs!;
      return a !== null && a >= 0 && r.kind === AffineExprKind.Constant && r.value > 0 ? 0 : null;
    }
    case AffineExprKind.Mod: return 0;
    default: return null;
  }
}

/// The C expression of an affine expression.
export function affineToC(e: AffineExpr, p: AffinePrinter): CExpr {
  switch (e.kind) {
    case AffineExprKind.Constant: return intLit(e.value);
    case AffineExprKind.DimId: return p.dims[e.value];
    case AffineExprKind.SymbolId: return p.syms[e.value];
    case AffineExprKind.Add: {
      const r = e.rhs!;
      // `a + -3` prints as `a - 3`, `a + b * -1` as `a - b`.
      if (r.kind === AffineExprKind.Constant && r.value < 0) return binary("-", Prec.Additive, affineToC(e.lhs!, p), intLit(-r.value));
      if (r.kind === AffineExprKind.Mul && r.rhs!.kind === AffineExprKind.Constant && r.rhs!.value < 0) {
        const mag = -r.rhs!.value;
        const term = mag === 1 ? affineToC(r.lhs!, p) : binary("*", Prec.Multiplicative, affineToC(r.lhs!, p), intLit(mag));
        return binary("-", Prec.Additive, affineToC(e.lhs!, p), term);
      }
      return binary("+", Prec.Additive, affineToC(e.lhs!, p), affineToC(r, p));
    }
    case AffineExprKind.Mul: {
      const r = e.rhs!;
      if (r.kind === AffineExprKind.Constant && r.value === -1) return unary("-", affineToC(e.lhs!, p));
      return binary("*", Prec.Multiplicative, affineToC(e.lhs!, p), affineToC(r, p));
    }
    case AffineExprKind.FloorDiv: case AffineExprKind.Mod: case AffineExprKind.CeilDiv: {
      const a = affineToC(e.lhs!, p), b = affineToC(e.rhs!, p);
      const lhsNonNeg = (affineLowerBound(e.lhs!, p) ?? -1) >= 0;
      const rhsPos = e.rhs!.kind === AffineExprKind.Constant && e.rhs!.value > 0;
      if (lhsNonNeg && rhsPos) {
        if (e.kind === AffineExprKind.FloorDiv) return binary("/", Prec.Multiplicative, a, b);
        if (e.kind === AffineExprKind.Mod) return binary("%", Prec.Multiplicative, a, b);
        // ceil(a / b) = (a + b - 1) / b for a >= 0, b > 0.
        return binary("/", Prec.Multiplicative, binary("+", Prec.Additive, a, intLit(e.rhs!.value - 1)), b);
      }
      const name = p.helper(e.kind === AffineExprKind.FloorDiv ? "floordiv" : e.kind === AffineExprKind.Mod ? "mod" : "ceildiv");
      return call(name, [a, b]);
    }
    default: return intLit(0);
  }
}
