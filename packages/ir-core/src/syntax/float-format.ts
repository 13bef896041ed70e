// Float printing exactly as MLIR's printFloatValue does it (APFloat::toString semantics, in BigInt).
import { roundToFloatType, type FloatAttr } from "../ir/attrs.js";
import type { FloatType } from "../ir/types.js";

const view = new DataView(new ArrayBuffer(8));

/// Decomposes a finite non-zero double into M * 2^E with M odd.
function decompose(v: number): { m: bigint; e: number } {
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const be = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  let e: number;
  if (be === 0) e = -1074;
  else { m |= 1n << 52n; e = be - 1075; }
  while ((m & 1n) === 0n) { m >>= 1n; e++; }
  return { m, e };
}

function bitLength(x: bigint): number { return x === 0n ? 0 : x.toString(2).length; }

/// APFloat::toString for a finite value: `precision` significant digits (0 = natural for `semPrecision`).
export function apFloatToString(v: number, semPrecision: number, formatPrecision: number, maxPadding: number, truncateZero: boolean): string {
  const neg = v < 0 || Object.is(v, -0);
  let out = neg ? "-" : "";
  if (v === 0) {
    if (maxPadding === 0) return out + (truncateZero ? "0.0E+0" : "0.0" + "0".repeat(Math.max(0, formatPrecision - 1)) + "e+00");
    return out + "0";
  }
  if (formatPrecision === 0) formatPrecision = 2 + Math.floor((semPrecision * 59) / 196);
  let { m: sig, e: exp } = decompose(v);
  if (exp > 0) { sig <<= BigInt(exp); exp = 0; }
  else if (exp < 0) { sig *= 5n ** BigInt(-exp); }
  // AdjustToPrecision on the integer (truncating division, as APFloat does).
  const bits = bitLength(sig);
  const bitsRequired = Math.floor((formatPrecision * 196 + 58) / 59);
  if (bits > bitsRequired) {
    const tens = Math.floor(((bits - bitsRequired) * 59) / 196);
    if (tens > 0) { exp += tens; sig /= 10n ** BigInt(tens); }
  }
  // Digits, least significant first, dropping trailing zeros.
  const s = sig.toString();
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) { end--; exp++; }
  let buf = s.slice(0, end); // most significant first
  // AdjustToPrecision on the digits (round half up on the next digit).
  if (buf.length > formatPrecision) {
    const keep = formatPrecision;
    const next = buf.charCodeAt(keep);
    exp += buf.length - keep;
    let head = buf.slice(0, keep);
    if (next >= 53) {
      let i = head.length - 1;
      while (i >= 0 && head[i] === "9") i--;
      if (i < 0) { exp += head.length; head = "1"; }
      else { exp += head.length - 1 - i; head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1); }
    }
    let z = head.length;
    while (z > 1 && head.charCodeAt(z - 1) === 48) { z--; exp++; }
    buf = head.slice(0, z);
  }
  const nd = buf.length;
  let scientific: boolean;
  if (maxPadding === 0) scientific = true;
  else if (exp >= 0) scientific = exp > maxPadding || nd + exp > formatPrecision;
  else {
    const msd = exp + nd - 1;
    scientific = msd >= 0 ? false : -msd > maxPadding;
  }
  if (scientific) {
    exp += nd - 1;
    out += buf[0] + ".";
    if (nd === 1 && truncateZero) out += "0";
    else out += buf.slice(1);
    if (!truncateZero && formatPrecision > nd - 1) out += "0".repeat(formatPrecision - nd + 1);
    out += truncateZero ? "E" : "e";
    out += exp >= 0 ? "+" : "-";
    const ae = String(Math.abs(exp));
    out += !truncateZero && ae.length < 2 ? "0" + ae : ae;
    return out;
  }
  if (exp >= 0) return out + buf + "0".repeat(exp);
  const whole = exp + nd;
  if (whole > 0) return out + buf.slice(0, whole) + "." + buf.slice(whole);
  return out + "0." + "0".repeat(-whole) + buf;
}

/// The raw bits of `v` in `t`'s format, as a bigint.
export function floatBits(v: number, t: FloatType): bigint {
  const w = t.width;
  if (w === 64) { view.setFloat64(0, v); return view.getBigUint64(0); }
  if (w === 32) { view.setFloat32(0, v); return BigInt(view.getUint32(0)); }
  const p = t.semantics.precision - 1;
  const eb = t.semantics.exponentBits;
  const bias = (1 << (eb - 1)) - 1;
  const sign = v < 0 || Object.is(v, -0) ? 1n : 0n;
  let expField: bigint, mant: bigint;
  const a = Math.abs(v);
  if (Number.isNaN(v)) { expField = (1n << BigInt(eb)) - 1n; mant = 1n << BigInt(p - 1); }
  else if (!Number.isFinite(a)) { expField = (1n << BigInt(eb)) - 1n; mant = 0n; }
  else if (a === 0) { expField = 0n; mant = 0n; }
  else {
    let e = Math.floor(Math.log2(a));
    if (2 ** e > a) e--;
    if (2 ** (e + 1) <= a) e++;
    if (e < 1 - bias) { expField = 0n; mant = BigInt(Math.round(a / 2 ** (1 - bias - p))); }
    else { expField = BigInt(e + bias); mant = BigInt(Math.round((a / 2 ** e - 1) * 2 ** p)); }
  }
  return (sign << BigInt(w - 1)) | (expField << BigInt(p)) | mant;
}

/// True if the decimal `s` read in a format with `precision` significand bits (more than a double's) gives `v`:
/// `v` is exact there, so `s` must lie within half an ulp of it (APFloat parsing, exactly, in BigInt).
function decimalReadsBackAs(s: string, v: number, precision: number): boolean {
  const m = /^(-?)(\d+)\.(\d*)e([+-]\d+)$/.exec(s);
  if (m === null) return false;
  if (v === 0) return /^-?0\.0*e/.test(s) && (m[1] === "-") === Object.is(v, -0);
  if ((m[1] === "-") !== v < 0) return false;
  const digits = BigInt(m[2] + m[3]);
  const e10 = Number(m[4]) - m[3].length;
  const { m: mant, e: e2 } = decompose(v);
  const exp2 = bitLength(mant) - 1 + e2;
  const isPow2 = mant === 1n;
  const halfExp = exp2 - precision - (isPow2 ? 1 : 0); // half an ulp (below v when v is a power of two)
  // Compare |digits*10^e10 - mant*2^e2| with 2^halfExp after scaling everything to integers.
  const s10 = Math.max(0, -e10), s2 = Math.max(0, -e2, -halfExp);
  const dec = digits * 10n ** BigInt(e10 + s10) * 2n ** BigInt(s2);
  const bin = mant * 2n ** BigInt(e2 + s2) * 10n ** BigInt(s10);
  const half = 2n ** BigInt(halfExp + s2) * 10n ** BigInt(s10);
  const diff = dec > bin ? dec - bin : bin - dec;
  if (isPow2 && dec > bin) return diff <= half * 2n;
  return diff <= half;
}

/// Prints a float attribute value as MLIR does; `hex` is set when the hex form was used.
export function formatFloat(v: number, t: FloatType): { text: string; hex: boolean } {
  if (Number.isFinite(v)) {
    const prec = t.semantics.precision;
    const sci = apFloatToString(v, prec, 6, 0, false);
    if (prec > 53 ? decimalReadsBackAs(sci, v, prec) : Object.is(roundToFloatType(t, Number(sci)), v)) return { text: sci, hex: false };
    const dflt = apFloatToString(v, prec, 0, 3, true);
    if (dflt.includes(".")) return { text: dflt, hex: false };
  }
  return { text: "0x" + floatBits(v, t).toString(16).toUpperCase(), hex: true };
}

/// The printed form of each float attribute printed so far (attributes are uniqued, and a constant such as 1.5 recurs
/// all over a module).
const printedFloatAttrs = new WeakMap<FloatAttr, { text: string; hex: boolean }>();

/// Prints a float attribute's value as MLIR does (a NaN with a payload as its raw bits).
export function formatFloatAttr(a: FloatAttr): { text: string; hex: boolean } {
  let out = printedFloatAttrs.get(a);
  if (out === undefined) {
    out = a.nanBits === null ? formatFloat(a.value, a.type) : { text: "0x" + a.nanBits.toString(16).toUpperCase(), hex: true };
    printedFloatAttrs.set(a, out);
  }
  return out;
}
