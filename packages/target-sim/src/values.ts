// Scalar representation: how each element type's values live in the simulator, and exact arithmetic helpers.
import {
  roundToFloatType, Signedness, TypeKind, type FloatType, type IntegerType, type Type,
} from "@allo/ir-core";

/// How the simulator holds values of a type.
///
/// - `Narrow`: integers of 1..32 bits as plain numbers in canonical form: signed for signless and
///   `si` types wider than 1 bit, unsigned for `ui` types and `i1` (0/1). Wrap-around is a shift pair.
/// - `Wide`: integers of 33..64 bits and `index`, as a number while |v| < 2^53, else a bigint (the
///   slot's number is NaN and the bigint sits in the object slot). Canonical form as for Narrow.
/// - `Float`: f16/bf16/f32/f64 as numbers rounded to the type.
/// - `Object`: memrefs, streams, FIFOs.
export const enum Rep { Narrow, Wide, Float, Object }

/// Everything the compiler and runtime need to know about a scalar type.
export class ScalarInfo {
  readonly type: Type;
  readonly rep: Rep;
  /// Bit width (integers, floats), 64 for index, 0 for objects.
  readonly width: number;
  /// True if the canonical value is the unsigned reading of the bits (`uiN`, `i1`).
  readonly unsignedRep: boolean;
  /// 32 - width for narrow integers (the wrap shift), else 0.
  readonly shift: number;
  /// The float type, or null.
  readonly float: FloatType | null;
  /// Float kind: 0 f64, 1 f32, 2 other (rounded by `roundToFloatType`), -1 not a float.
  readonly fkind: number;
  constructor(type: Type, rep: Rep, width: number, unsignedRep: boolean, float: FloatType | null) {
    this.type = type;
    this.rep = rep;
    this.width = width;
    this.unsignedRep = unsignedRep;
    this.shift = rep === Rep.Narrow ? 32 - width : 0;
    this.float = float;
    this.fkind = float === null ? -1 : float.name === "f64" ? 0 : float.name === "f32" ? 1 : 2;
  }
  /// True for integer and index types.
  get isInt(): boolean { return this.rep === Rep.Narrow || this.rep === Rep.Wide; }
}

const infoCache = new Map<Type, ScalarInfo>();

/// The representation of `t`; null if the simulator cannot hold values of this type.
export function scalarInfo(t: Type): ScalarInfo | null {
  const hit = infoCache.get(t);
  if (hit !== undefined) return hit;
  let info: ScalarInfo | null = null;
  switch (t.kind) {
    case TypeKind.Integer: {
      const it = t as IntegerType;
      const unsigned = it.signedness === Signedness.Unsigned || it.width === 1;
      if (it.width >= 1 && it.width <= 32) info = new ScalarInfo(t, Rep.Narrow, it.width, unsigned, null);
      else if (it.width <= 64) info = new ScalarInfo(t, Rep.Wide, it.width, it.signedness === Signedness.Unsigned, null);
      break;
    }
    case TypeKind.Index: info = new ScalarInfo(t, Rep.Wide, 64, false, null); break;
    case TypeKind.Float: {
      const ft = t as FloatType;
      if (ft.name === "f16" || ft.name === "bf16" || ft.name === "f32" || ft.name === "f64") info = new ScalarInfo(t, Rep.Float, ft.width, false, ft);
      break;
    }
    case TypeKind.MemRef: case TypeKind.Dialect: case TypeKind.Opaque:
      info = new ScalarInfo(t, Rep.Object, 0, false, null);
      break;
    default: break;
  }
  if (info !== null) infoCache.set(t, info);
  return info;
}

/// Rounds a double to a float type's precision (numpy's rounding: IEEE round-to-nearest-even).
export function roundFloat(info: ScalarInfo, v: number): number {
  switch (info.fkind) {
    case 0: return v;
    case 1: return Math.fround(v);
    default: return roundToFloatType(info.float!, v);
  }
}


/// The exact value of a wide slot: its number, or the bigint beside it when the number is NaN.
export function wideBig(n: number, o: unknown): bigint {
  return n === n ? BigInt(n) : (o as bigint);
}

/// Wraps an exact bigint to `info`'s width and canonical form.
export function wrapBig(info: ScalarInfo, b: bigint): bigint {
  return info.unsignedRep ? BigInt.asUintN(info.width, b) : BigInt.asIntN(info.width, b);
}

/// A canonical wide value as number when exact, else bigint.
export function normWide(b: bigint): number | bigint {
  return b > -9007199254740992n && b < 9007199254740992n ? Number(b) : b;
}

/// Wraps an exact integer number (|v| < 2^53) to `info`'s canonical form; returns the number, or
/// writes NaN/bigint through `out` when the wrapped value is not a safe number.
export function wrapIntNumber(info: ScalarInfo, v: number): number | bigint {
  if (info.rep === Rep.Narrow) return info.unsignedRep ? (v << info.shift) >>> info.shift : (v << info.shift) >> info.shift;
  const w = info.width;
  if (w >= 54) {
    if (info.unsignedRep ? v >= 0 : true) return v;
    return normWide(wrapBig(info, BigInt(v)));
  }
  const lo = info.unsignedRep ? 0 : -(2 ** (w - 1));
  const hi = info.unsignedRep ? 2 ** w : 2 ** (w - 1);
  if (v >= lo && v < hi) return v;
  return normWide(wrapBig(info, BigInt(v)));
}


/// The signed reading of a narrow value.
export function narrowS(info: ScalarInfo, v: number): number { return (v << info.shift) >> info.shift; }
/// The unsigned reading of a narrow value.
export function narrowU(info: ScalarInfo, v: number): number { return (v << info.shift) >>> info.shift; }

/// A value as a JavaScript number or bigint (for results and messages).
export type ScalarValue = number | bigint;

/// Reads a scalar slot into a plain value.
export function readScalar(info: ScalarInfo, n: number, o: unknown): ScalarValue {
  return info.rep === Rep.Wide && n !== n ? (o as bigint) : n;
}


/// Converts an arbitrary JS value to the canonical form of an integer type (wrapping) or a float type (rounding).
export function canonical(info: ScalarInfo, v: number | bigint | boolean): number | bigint {
  if (typeof v === "boolean") v = v ? 1 : 0;
  if (info.rep === Rep.Float) return roundFloat(info, Number(v));
  if (typeof v === "bigint") {
    const w = wrapBig(info, v);
    return info.rep === Rep.Narrow ? Number(w) : normWide(w);
  }
  if (Number.isSafeInteger(v)) return wrapIntNumber(info, v);
  return canonical(info, BigInt(Math.trunc(v)));
}
