// The slow path of signed 64-bit arithmetic (i64, index): exact bigint math with wrap-around.
import type { Frame } from "./bytecode.js";
import type { ScalarInfo } from "./values.js";

function big(num: Float64Array, obj: unknown[], s: number): bigint {
  const v = num[s];
  return v === v ? BigInt(v) : (obj[s] as bigint);
}

/// Stores a canonical signed 64-bit value: a number when exact, else NaN plus the bigint.
export function storeI64(num: Float64Array, obj: unknown[], d: number, b: bigint): void {
  const w = BigInt.asIntN(64, b);
  if (w > -9007199254740992n && w < 9007199254740992n) num[d] = Number(w);
  else { num[d] = NaN; obj[d] = w; }
}

/// Add (0), sub (1) or mul (2) of the i64-like instruction at `pc` when the fast path overflowed.
export function wideArith(kind: number, f: Frame, pc: number): void {
  const code = f.code, num = f.num, obj = f.obj;
  const a = big(num, obj, code[pc + 2]), b = big(num, obj, code[pc + 3]);
  storeI64(num, obj, code[pc + 1], kind === 0 ? a + b : kind === 1 ? a - b : a * b);
}

const cmpOps: readonly ((a: bigint, b: bigint) => boolean)[] = [
  (a, b) => a === b, (a, b) => a !== b, (a, b) => a < b, (a, b) => a <= b, (a, b) => a > b, (a, b) => a >= b,
  (a, b) => a < b, (a, b) => a <= b, (a, b) => a > b, (a, b) => a >= b,
];

/// The slow path of `CmpW` (a bigint operand, or an unsigned predicate on negative numbers).
export function cmpWide(f: Frame, pc: number): void {
  const code = f.code, num = f.num, obj = f.obj;
  const pred = code[pc + 4];
  const w = (f.unit.consts[code[pc + 6]] as ScalarInfo).width;
  const X = big(num, obj, code[pc + 2]), Y = big(num, obj, code[pc + 3]);
  const a = pred >= 6 ? BigInt.asUintN(w, X) : BigInt.asIntN(w, X), b = pred >= 6 ? BigInt.asUintN(w, Y) : BigInt.asIntN(w, Y);
  num[code[pc + 1]] = cmpOps[pred](a, b) ? 1 : 0;
}

/// The JavaScript comparison operator of an arith.cmpi predicate (0..9).
export const cmpJs: readonly string[] = ["===", "!==", "<", "<=", ">", ">=", "<", "<=", ">", ">="];
