// C++ type mapping: MLIR integer, index and float types to Vitis HLS C++ types, plus the raw-I/O container types.
import {
  Signedness, TypeKind, type FloatType, type IntegerType, type MemRefType, type Type,
} from "@allo/ir-core";

/// The NumPy-style dtype of a raw binary element as the testbench reads and writes it (same names as target-sim's npy codec).
export type HostDType =
  | "bool" | "int8" | "int16" | "int32" | "int64" | "uint8" | "uint16" | "uint32" | "uint64" | "float16" | "float32" | "float64";

/// Bytes per element of each host dtype.
export const HOST_DTYPE_SIZE: Readonly<Record<HostDType, number>> = {
  bool: 1, int8: 1, int16: 2, int32: 4, int64: 8, uint8: 1, uint16: 2, uint32: 4, uint64: 8, float16: 2, float32: 4, float64: 8,
};

/// The C type holding one element of each host dtype in the testbench.
export const HOST_DTYPE_CPP: Readonly<Record<HostDType, string>> = {
  bool: "uint8_t", int8: "int8_t", int16: "int16_t", int32: "int32_t", int64: "int64_t", uint8: "uint8_t",
  uint16: "uint16_t", uint32: "uint32_t", uint64: "uint64_t", float16: "uint16_t", float32: "float", float64: "double",
};

/// Which family a scalar belongs to; decides how arithmetic is printed.
export const enum ScalarKind { Bool, Int, Index, Float }

/// A scalar's C++ spelling and the facts the expression printer needs.
export interface ScalarInfo {
  readonly kind: ScalarKind;
  /// The C++ type: `bool`, `int16_t`, `ap_int<7>`, `uint16_t`, `int` (index), `float`, `half`.
  readonly cpp: string;
  /// Bit width (32 for index).
  readonly width: number;
  /// True if the storage type is signed (signless and `si` integers are stored signed).
  readonly signed: boolean;
  /// True for `intN_t`/`uintN_t` widths (8, 16, 32, 64); false for `ap_int`/`ap_uint`.
  readonly standard: boolean;
  /// The unsigned type of the same width (`uint16_t`, `ap_uint<7>`); equals `cpp` for unsigned and float types.
  readonly unsignedCpp: string;
  /// The signed type of the same width (`int16_t`, `ap_int<7>`).
  readonly signedCpp: string;
  /// Header this type needs beyond <cstdint>: "ap_int.h", "hls_half.h" or null.
  readonly header: string | null;
  /// Element dtype of raw binary I/O.
  readonly host: HostDType;
}

/// Why a type cannot be mapped, for the diagnostic.
export interface TypeError_ { readonly error: string }

const STD_WIDTHS = [8, 16, 32, 64];

function intInfo(width: number, signed: boolean): ScalarInfo | TypeError_ {
  if (width === 1 && signed !== false) return { kind: ScalarKind.Bool, cpp: "bool", width: 1, signed: false, standard: true, unsignedCpp: "bool", signedCpp: "bool", header: null, host: "bool" };
  if (width > 64) return { error: "integers wider than 64 bits are not supported by the C-simulation ap_int.h" };
  const standard = STD_WIDTHS.includes(width);
  const s = standard ? `int${width}_t` : `ap_int<${width}>`;
  const u = standard ? `uint${width}_t` : `ap_uint<${width}>`;
  const container = width <= 8 ? 8 : width <= 16 ? 16 : width <= 32 ? 32 : 64;
  return {
    kind: ScalarKind.Int, cpp: signed ? s : u, width, signed, standard, unsignedCpp: u, signedCpp: s,
    header: standard ? null : "ap_int.h", host: `${signed ? "int" : "uint"}${container}` as HostDType,
  };
}

const INDEX_INFO: ScalarInfo = {
  kind: ScalarKind.Index, cpp: "int", width: 32, signed: true, standard: true, unsignedCpp: "unsigned", signedCpp: "int", header: null, host: "int64",
};

function floatInfo(t: FloatType): ScalarInfo | TypeError_ {
  const mk = (cpp: string, width: number, header: string | null, host: HostDType): ScalarInfo => ({
    kind: ScalarKind.Float, cpp, width, signed: true, standard: true, unsignedCpp: cpp, signedCpp: cpp, header, host,
  });
  switch (t.name) {
    case "f32": return mk("float", 32, null, "float32");
    case "f64": return mk("double", 64, null, "float64");
    case "f16": return mk("half", 16, "hls_half.h", "float16");
    default: return { error: "Vitis HLS has no C++ type for this float format (supported: f16, f32, f64)" };
  }
}

/// The C++ scalar for an integer, index or float type, or why there is none.
export function scalarInfo(t: Type): ScalarInfo | TypeError_ {
  switch (t.kind) {
    case TypeKind.Integer: {
      const it = t as IntegerType;
      if (it.width === 1 && it.signedness !== Signedness.Signless) return intInfo(1, it.signedness === Signedness.Signed);
      return intInfo(it.width, it.signedness !== Signedness.Unsigned);
    }
    case TypeKind.Index: return INDEX_INFO;
    case TypeKind.Float: return floatInfo(t as FloatType);
    default: return { error: "expected an integer, index or float type" };
  }
}

/// True if `x` is an error rather than a scalar.
export function isTypeError(x: ScalarInfo | TypeError_): x is TypeError_ {
  return "error" in x;
}

/// `[16][16]` for a shape (`[1]` for rank 0).
export function arraySuffix(shape: readonly number[]): string {
  if (shape.length === 0) return "[1]";
  let s = "";
  for (const d of shape) s += `[${d}]`;
  return s;
}

/// A readable tag for a type in generated names: `f32`, `i16`, `ui16`, `4x4xi16`.
export function typeTag(t: Type): string {
  switch (t.kind) {
    case TypeKind.Integer: {
      const it = t as IntegerType;
      return `${it.signedness === Signedness.Unsigned ? "ui" : it.signedness === Signedness.Signed ? "si" : "i"}${it.width}`;
    }
    case TypeKind.Index: return "index";
    case TypeKind.Float: return (t as FloatType).name;
    case TypeKind.MemRef: {
      const m = t as MemRefType;
      return [...m.shape.map(String), typeTag(m.elementType)].join("x");
    }
    default: return "t";
  }
}
