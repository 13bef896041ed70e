// arith ops as C++ expressions with MLIR's exact integer semantics (wrap-around, no UB from int promotion).
//
// Invariant: the C++ expression of an integer value holds exactly the value of the MLIR type read as signed
// (signless and `si` types) or unsigned (`ui` types), whatever C++ type the expression itself has after promotion.
// Arithmetic that can leave that range is done in an unsigned type (no signed overflow) and cast back.
import { AttrKind, type Attribute, type FloatAttr, type IntegerAttr } from "@allo/ir-core";
import {
  atom, binary, call, cast, floatLit, intLit, Prec, signedLit, ternary, unary, unsignedLit, type CExpr,
} from "./expr.js";
import { ScalarKind, type ScalarInfo } from "./types.js";

/// Headers and helpers an expression needs; the emitter adds them to the file.
export interface ExprNeeds {
  header(h: string): void;
}

/// The unsigned type arithmetic on a standard-width integer is done in (never promoted to `int`).
function wideUnsigned(info: ScalarInfo): string {
  return info.width <= 32 ? "uint32_t" : "uint64_t";
}

/// `e` converted to the unsigned type `type` of `width` bits; a literal is respelled instead of cast.
function toUnsigned(e: CExpr, type: string, width: number): CExpr {
  if (e.value !== null) return width < 32 ? intLit(BigInt.asUintN(width, e.value)) : unsignedLit(e.value, width);
  if (e.unsignedForm !== undefined && e.unsignedForm.type === type) return e.unsignedForm.expr;
  return cast(type, e);
}

/// `T(u)` for a computation `u` in the unsigned type `U` of the same width as `T`, remembering `u` so the next
/// unsigned operation uses it instead of `U(T(u))` (the same value).
function wrapUnsigned(T: string, U: string, u: CExpr): CExpr {
  return { ...cast(T, u), unsignedForm: { type: U, expr: u } };
}

/// An integer binary op (`+ - *`, shifts, divisions, bitwise) on values of type `info`, wrapping as MLIR does.
/// `kind` is the arith mnemonic. Returns null if the op has no C++ form for this type.
export function intBinary(kind: string, a: CExpr, b: CExpr, info: ScalarInfo, needs: ExprNeeds): CExpr | null {
  if (/^(max|min)si$/.test(kind) || (info.kind === ScalarKind.Index && /^(max|min)/.test(kind))) needs.header("<algorithm>");
  if (info.kind === ScalarKind.Bool) return boolBinary(kind, a, b);
  if (info.kind === ScalarKind.Index) return indexBinary(kind, a, b);
  const T = info.cpp, W = info.width;
  const std = info.standard;
  switch (kind) {
    case "addi": case "subi": case "muli": {
      const op = kind === "addi" ? "+" : kind === "subi" ? "-" : "*";
      const p = kind === "muli" ? Prec.Multiplicative : Prec.Additive;
      // Narrow standard types promote to int: sums and signed 16-bit products fit, so only the cast back is needed.
      if (!std || W <= 8 || (W === 16 && (kind !== "muli" || info.signed))) return cast(T, binary(op, p, a, b));
      const U = wideUnsigned(info);
      const UW = U === "uint32_t" ? 32 : 64;
      const u = binary(op, p, toUnsigned(a, U, UW), toUnsigned(b, U, UW));
      return W === UW ? wrapUnsigned(T, U, u) : cast(T, u);
    }
    case "andi": return binary("&", Prec.BitAnd, a, b);
    case "ori": return binary("|", Prec.BitOr, a, b);
    case "xori": return binary("^", Prec.BitXor, a, b);
    case "shli": {
      if (!std) return cast(T, binary("<<", Prec.Shift, a, b));
      const U = wideUnsigned(info);
      return cast(T, binary("<<", Prec.Shift, toUnsigned(a, U, U === "uint32_t" ? 32 : 64), b));
    }
    case "shrsi": {
      const s = binary(">>", Prec.Shift, info.signed ? a : cast(info.signedCpp, a), b);
      return std && W >= 32 && info.signed ? s : cast(T, s);
    }
    case "shrui": return cast(T, binary(">>", Prec.Shift, info.signed ? toUnsigned(a, info.unsignedCpp, W) : a, b));
    case "divsi": case "remsi": {
      const op = kind === "divsi" ? "/" : "%";
      const s = binary(op, Prec.Multiplicative, a, b);
      return std && W >= 32 ? s : cast(T, s);
    }
    case "divui": case "remui": {
      const op = kind === "divui" ? "/" : "%";
      return cast(T, binary(op, Prec.Multiplicative, toUnsigned(a, info.unsignedCpp, W), toUnsigned(b, info.unsignedCpp, W)));
    }
    case "maxsi": case "minsi":
      return call(`std::${kind === "maxsi" ? "max" : "min"}<${T}>`, [a, b]);
    case "maxui": case "minui": {
      const ua = toUnsigned(a, info.unsignedCpp, W), ub = toUnsigned(b, info.unsignedCpp, W);
      return ternary(binary(kind === "maxui" ? ">" : "<", Prec.Relational, ua, ub), a, b);
    }
    default: return null;
  }
}

/// i1 arithmetic: addition and subtraction are xor, multiplication is and.
function boolBinary(kind: string, a: CExpr, b: CExpr): CExpr | null {
  // `x != x` is always false, and g++ -Wall says so: fold identical operands.
  if (a.text === b.text && /^(addi|subi|xori)$/.test(kind)) return boolLit(false);
  switch (kind) {
    case "addi": case "subi": case "xori": return binary("!=", Prec.Equality, a, b);
    case "muli": case "andi": case "minui": case "maxsi": return binary("&&", Prec.LogicalAnd, a, b);
    case "ori": case "maxui": case "minsi": return binary("||", Prec.LogicalOr, a, b);
    case "divsi": case "divui": case "shli": case "shrsi": case "shrui": return a;
    // The only valid divisor is true (1, or -1 read as signed): the remainder is 0.
    case "remsi": case "remui": return boolLit(false);
    default: return null;
  }
}

/// index arithmetic: `int`, whose values the emitter assumes fit in 32 bits (array sizes and loop bounds do).
function indexBinary(kind: string, a: CExpr, b: CExpr): CExpr | null {
  switch (kind) {
    case "addi": return binary("+", Prec.Additive, a, b);
    case "subi": return binary("-", Prec.Additive, a, b);
    case "muli": return binary("*", Prec.Multiplicative, a, b);
    case "divsi": return binary("/", Prec.Multiplicative, a, b);
    case "remsi": return binary("%", Prec.Multiplicative, a, b);
    case "divui": case "remui": {
      const op = kind === "divui" ? "/" : "%";
      return cast("int", binary(op, Prec.Multiplicative, toUnsigned(a, "unsigned", 32), toUnsigned(b, "unsigned", 32)));
    }
    case "andi": return binary("&", Prec.BitAnd, a, b);
    case "ori": return binary("|", Prec.BitOr, a, b);
    case "xori": return binary("^", Prec.BitXor, a, b);
    case "shli": return binary("<<", Prec.Shift, a, b);
    case "shrsi": return binary(">>", Prec.Shift, a, b);
    case "shrui": return cast("int", binary(">>", Prec.Shift, toUnsigned(a, "unsigned", 32), b));
    case "maxsi": return call("std::max<int>", [a, b]);
    case "minsi": return call("std::min<int>", [a, b]);
    default: return null;
  }
}

const CMPI = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
const REL: Record<string, string> = { eq: "==", ne: "!=", lt: "<", le: "<=", gt: ">", ge: ">=" };

/// `arith.cmpi` with predicate number `pred` on values of type `info`.
export function cmpi(pred: number, a: CExpr, b: CExpr, info: ScalarInfo): CExpr | null {
  let name = CMPI[pred];
  if (name === undefined) return null;
  // Identical operands (the same value, or the same read): a self-comparison g++ -Wall warns about, so fold it.
  if (a.text === b.text) return boolLit(/^(eq|sle|sge|ule|uge)$/.test(name));
  if (info.kind === ScalarKind.Bool && name[0] === "s") {
    // As signed i1, true is -1: signed order is the reverse of unsigned order.
    name = { slt: "ugt", sle: "uge", sgt: "ult", sge: "ule" }[name]!;
  }
  if (name === "eq" || name === "ne") return binary(REL[name], Prec.Equality, a, b);
  const rel = REL[name.slice(1)];
  if (name[0] === "s" || info.kind === ScalarKind.Bool) return binary(rel, Prec.Relational, a, b);
  if (info.kind === ScalarKind.Index) return binary(rel, Prec.Relational, toUnsigned(a, "unsigned", 32), toUnsigned(b, "unsigned", 32));
  return binary(rel, Prec.Relational, toUnsigned(a, info.unsignedCpp, info.width), toUnsigned(b, info.unsignedCpp, info.width));
}

const CMPF = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"];

/// `arith.cmpf` with predicate number `pred`: C comparisons are false on NaN, which is exactly "ordered".
export function cmpf(pred: number, a: CExpr, b: CExpr): CExpr | null {
  const name = CMPF[pred];
  const not = (e: CExpr): CExpr => unary("!", e);
  switch (name) {
    case "false": return atom("false");
    case "true": return atom("true");
    case "oeq": return binary("==", Prec.Equality, a, b);
    case "ogt": return binary(">", Prec.Relational, a, b);
    case "oge": return binary(">=", Prec.Relational, a, b);
    case "olt": return binary("<", Prec.Relational, a, b);
    case "ole": return binary("<=", Prec.Relational, a, b);
    case "one": return binary("||", Prec.LogicalOr, binary("<", Prec.Relational, a, b), binary(">", Prec.Relational, a, b));
    case "ord": return binary("&&", Prec.LogicalAnd, binary("==", Prec.Equality, a, a), binary("==", Prec.Equality, b, b));
    case "ueq": return not(binary("||", Prec.LogicalOr, binary("<", Prec.Relational, a, b), binary(">", Prec.Relational, a, b)));
    case "ugt": return not(binary("<=", Prec.Relational, a, b));
    case "uge": return not(binary("<", Prec.Relational, a, b));
    case "ult": return not(binary(">=", Prec.Relational, a, b));
    case "ule": return not(binary(">", Prec.Relational, a, b));
    case "une": return binary("!=", Prec.Equality, a, b);
    case "uno": return binary("||", Prec.LogicalOr, binary("!=", Prec.Equality, a, a), binary("!=", Prec.Equality, b, b));
    default: return null;
  }
}

/// A float binary op (`addf` ...). C++ does float and double arithmetic in the operand type (x86-64 SSE, no
/// excess precision) and rounds `half` after each operation, as MLIR does.
export function floatBinary(kind: string, a: CExpr, b: CExpr, info: ScalarInfo, needs: ExprNeeds): CExpr | null {
  switch (kind) {
    case "addf": return binary("+", Prec.Additive, a, b);
    case "subf": return binary("-", Prec.Additive, a, b);
    case "mulf": return binary("*", Prec.Multiplicative, a, b);
    case "divf": return binary("/", Prec.Multiplicative, a, b);
    case "remf": needs.header("<cmath>"); return cast(info.cpp, call("std::fmod", [a, b]));
    case "maxnumf": needs.header("<cmath>"); return cast(info.cpp, call("std::fmax", [a, b]));
    case "minnumf": needs.header("<cmath>"); return cast(info.cpp, call("std::fmin", [a, b]));
    default: return null;
  }
}

/// A conversion op (`extsi`, `sitofp`, `index_cast`, ...) from `from` to `to`; null if unsupported.
export function convert(kind: string, a: CExpr, from: ScalarInfo, to: ScalarInfo): CExpr | null {
  const fromBool = from.kind === ScalarKind.Bool;
  switch (kind) {
    case "extsi":
      return fromBool ? cast(to.cpp, ternary(a, intLit(-1), intLit(0))) : cast(to.cpp, a);
    case "extui":
      return fromBool ? cast(to.cpp, a) : cast(to.cpp, toUnsigned(a, from.unsignedCpp, from.width));
    case "trunci":
      if (to.kind === ScalarKind.Bool) return cast("bool", binary("&", Prec.BitAnd, a, intLit(1)));
      return cast(to.cpp, a);
    case "index_cast":
      if (fromBool) return cast(to.cpp, ternary(a, intLit(-1), intLit(0)));
      if (to.kind === ScalarKind.Bool) return cast("bool", binary("&", Prec.BitAnd, a, intLit(1)));
      // index is `int`, the same type as int32_t: no conversion to write.
      if ((from.kind === ScalarKind.Index && to.cpp === "int32_t") || (to.kind === ScalarKind.Index && from.cpp === "int32_t")) return a;
      return cast(to.cpp, a);
    case "index_castui":
      if (fromBool) return cast(to.cpp, a);
      if (to.kind === ScalarKind.Bool) return cast("bool", binary("&", Prec.BitAnd, a, intLit(1)));
      if (from.kind === ScalarKind.Index) return cast(to.cpp, a);
      return cast(to.cpp, toUnsigned(a, from.unsignedCpp, from.width));
    case "sitofp":
      return fromBool ? ternary(a, floatLit(-1, to.cpp), floatLit(0, to.cpp)) : cast(to.cpp, a);
    case "uitofp":
      return fromBool ? cast(to.cpp, a) : cast(to.cpp, toUnsigned(a, from.unsignedCpp, from.width));
    case "fptosi":
      if (to.kind === ScalarKind.Bool) return null;
      return cast(to.cpp, a);
    case "fptoui":
      if (to.kind === ScalarKind.Bool) return null;
      return cast(to.cpp, cast(to.unsignedCpp, a));
    case "extf": case "truncf":
      return cast(to.cpp, a);
    default: return null;
  }
}

/// `true` / `false`, carrying the i1 value read as signed (-1 / 0) so it folds like other integer literals.
export function boolLit(b: boolean): CExpr {
  return { text: b ? "true" : "false", prec: Prec.Postfix, value: b ? -1n : 0n, loads: false };
}

/// Folds an integer op on constant operands (values read as signed for signless types), exactly as MLIR wraps;
/// null if it cannot (division by zero, shifts out of range, or an op it does not know).
export function foldInt(kind: string, args: readonly bigint[], info: ScalarInfo, pred = -1): bigint | null {
  const W = info.kind === ScalarKind.Index ? 64 : info.width;
  const s = (v: bigint): bigint => BigInt.asIntN(W, v);
  const u = (v: bigint): bigint => BigInt.asUintN(W, v);
  const [a, b] = args;
  switch (kind) {
    case "addi": return s(a + b);
    case "subi": return s(a - b);
    case "muli": return s(a * b);
    case "andi": return s(a & b);
    case "ori": return s(a | b);
    case "xori": return s(a ^ b);
    case "shli": return u(b) < BigInt(W) ? s(a << u(b)) : null;
    case "shrsi": return u(b) < BigInt(W) ? s(s(a) >> u(b)) : null;
    case "shrui": return u(b) < BigInt(W) ? s(u(a) >> u(b)) : null;
    case "divsi": case "remsi": {
      if (s(b) === 0n || (s(a) === -(1n << BigInt(W - 1)) && s(b) === -1n)) return null;
      return s(kind === "divsi" ? s(a) / s(b) : s(a) % s(b));
    }
    case "divui": case "remui": return u(b) === 0n ? null : s(kind === "divui" ? u(a) / u(b) : u(a) % u(b));
    case "maxsi": return s(a) > s(b) ? s(a) : s(b);
    case "minsi": return s(a) < s(b) ? s(a) : s(b);
    case "maxui": return u(a) > u(b) ? s(a) : s(b);
    case "minui": return u(a) < u(b) ? s(a) : s(b);
    case "cmpi": {
      const name = CMPI[pred];
      if (name === undefined) return null;
      const [x, y] = name[0] === "u" ? [u(a), u(b)] : [s(a), s(b)];
      const r = { eq: x === y, ne: x !== y, lt: x < y, le: x <= y, gt: x > y, ge: x >= y }[name.length === 2 ? name : name.slice(1)];
      return r === undefined ? null : r ? 1n : 0n;
    }
    default: return null;
  }
}

/// The literal of a folded integer value of type `info`, or null if it does not fit the C++ type (index beyond `int`).
export function intLiteralOf(v: bigint, info: ScalarInfo): CExpr | null {
  if (info.kind === ScalarKind.Bool) return boolLit(v !== 0n);
  if (info.kind === ScalarKind.Index) return v >= -(2n ** 31n) && v < 2n ** 31n ? signedLit(v, 32) : null;
  if (info.kind !== ScalarKind.Int) return null;
  return info.signed ? signedLit(BigInt.asIntN(info.width, v), info.width) : info.width >= 32 ? unsignedLit(v, info.width) : intLit(BigInt.asUintN(info.width, v));
}

/// The literal of an `arith.constant` value of type `info`; null if the attribute is not a scalar.
export function constantLiteral(value: Attribute | null, info: ScalarInfo): CExpr | null {
  if (value === null) return null;
  if (value.kind === AttrKind.Integer) {
    const v = BigInt((value as IntegerAttr).value);
    if (info.kind === ScalarKind.Bool) return boolLit(v !== 0n);
    if (info.kind === ScalarKind.Index) return signedLit(v, 32);
    if (!info.signed) return info.width >= 32 ? unsignedLit(v, info.width) : intLit(BigInt.asUintN(info.width, v));
    return signedLit(BigInt.asIntN(info.width, v), info.width);
  }
  if (value.kind === AttrKind.Float && info.kind === ScalarKind.Float) return floatLit((value as FloatAttr).value, info.cpp);
  return null;
}
