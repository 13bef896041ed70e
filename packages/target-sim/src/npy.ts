// NumPy .npy codec: reads format versions 1.0, 2.0 and 3.0, writes 1.0 (2.0 for huge headers); little-endian, C order.

/// The NumPy dtypes we support, by descr without byte order: 'b1','i1','i2','i4','i8','u1','u2','u4','u8','f2','f4','f8'.
export type NpyDType =
  | "bool"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "float16"
  | "float32"
  | "float64";

/// Element storage of an array: bool is a Uint8Array of 0/1, float16 a Uint16Array of raw IEEE half bits.
export type NpyData =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/// A C-ordered array: `data.length` is the product of `shape` (1 for the 0-d shape `[]`).
export interface NpyArray {
  dtype: NpyDType;
  shape: number[];
  data: NpyData;
}

/// Thrown for malformed or unsupported .npy contents and for invalid arrays given to writeNpy.
export class NpyError extends Error {
  override readonly name = "NpyError";
}

interface DTypeInfo {
  /// descr without byte order, e.g. "f4".
  code: string;
  size: number;
  ctor: { new (buffer: ArrayBuffer): NpyData; readonly name: string };
}

const DTYPES: Record<NpyDType, DTypeInfo> = {
  bool: { code: "b1", size: 1, ctor: Uint8Array },
  int8: { code: "i1", size: 1, ctor: Int8Array },
  int16: { code: "i2", size: 2, ctor: Int16Array },
  int32: { code: "i4", size: 4, ctor: Int32Array },
  int64: { code: "i8", size: 8, ctor: BigInt64Array },
  uint8: { code: "u1", size: 1, ctor: Uint8Array },
  uint16: { code: "u2", size: 2, ctor: Uint16Array },
  uint32: { code: "u4", size: 4, ctor: Uint32Array },
  uint64: { code: "u8", size: 8, ctor: BigUint64Array },
  float16: { code: "f2", size: 2, ctor: Uint16Array },
  float32: { code: "f4", size: 4, ctor: Float32Array },
  float64: { code: "f8", size: 8, ctor: Float64Array },
};

const BY_CODE = new Map(Object.entries(DTYPES).map(([dtype, info]) => [info.code, dtype as NpyDType]));

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const ALIGN = 64;
/// numpy leaves room after the dict for the first axis to grow to this many digits.
const GROWTH_AXIS_MAX_DIGITS = 21;

/// Decodes a .npy file. The returned data is a fresh copy, so any data offset (aligned or not) works.
export function readNpy(bytes: Uint8Array): NpyArray {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new NpyError("not a .npy file: bad magic string");
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) {
    throw new NpyError(`unsupported .npy format version ${major}.${minor} (supported: 1.0, 2.0, 3.0)`);
  }
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) throw new NpyError("truncated .npy header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLen;
  if (dataStart > bytes.length) throw new NpyError("truncated .npy header");
  const { dtype, shape } = parseHeader(decodeHeader(bytes.subarray(headerStart, dataStart), major));

  const info = DTYPES[dtype];
  const nbytes = shapeSize(shape) * info.size;
  if (bytes.length - dataStart < nbytes) {
    throw new NpyError(`truncated .npy data: expected ${nbytes} bytes, found ${bytes.length - dataStart}`);
  }
  const copy = new Uint8Array(nbytes); // not bytes.slice(): on a Node Buffer that is a view, not a copy
  copy.set(bytes.subarray(dataStart, dataStart + nbytes));
  if (dtype === "bool") copy.forEach((b, i) => (copy[i] = b ? 1 : 0));
  return { dtype, shape, data: new info.ctor(copy.buffer) };
}

/// Encodes an array exactly as numpy.save does: version 1.0 (2.0 if the header exceeds 64 KiB),
/// header padded with spaces to a multiple of 64 bytes and terminated by '\n'.
export function writeNpy(arr: NpyArray): Uint8Array {
  const info = DTYPES[arr.dtype];
  if (!info) throw new NpyError(`unsupported dtype '${String(arr.dtype)}'`);
  if (!arr.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new NpyError(`invalid shape [${arr.shape.join(", ")}]`);
  }
  if (!(arr.data instanceof info.ctor)) {
    throw new NpyError(`data for dtype ${arr.dtype} must be a ${info.ctor.name}`);
  }
  const count = shapeSize(arr.shape);
  if (arr.data.length !== count) {
    throw new NpyError(`data has ${arr.data.length} elements but shape [${arr.shape.join(", ")}] needs ${count}`);
  }

  const descr = (info.size === 1 ? "|" : "<") + info.code;
  const dims = arr.shape.length === 1 ? `(${arr.shape[0]},)` : `(${arr.shape.join(", ")})`;
  const growth = arr.shape.length > 0 ? GROWTH_AXIS_MAX_DIGITS - String(arr.shape[0]).length : 0;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${dims}, }` + " ".repeat(growth);

  const hlen = dict.length + 1; // + '\n'
  let prefix = 10;
  let padded = hlen + ALIGN - ((prefix + hlen) % ALIGN);
  if (padded > 0xffff) {
    prefix = 12;
    padded = hlen + ALIGN - ((prefix + hlen) % ALIGN);
  }
  const out = new Uint8Array(prefix + padded + count * info.size);
  out.set(MAGIC);
  out[6] = prefix === 10 ? 1 : 2;
  const view = new DataView(out.buffer);
  if (prefix === 10) view.setUint16(8, padded, true);
  else view.setUint32(8, padded, true);
  const header = dict.padEnd(padded - 1, " ") + "\n";
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);

  const raw = new Uint8Array(arr.data.buffer, arr.data.byteOffset, arr.data.byteLength);
  const dataStart = prefix + padded;
  if (arr.dtype === "bool") raw.forEach((b, i) => (out[dataStart + i] = b ? 1 : 0));
  else out.set(raw, dataStart);
  return out;
}

/// Converts IEEE 754 half-precision bits to a number (exact; NaN payloads are not kept).
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (0x400 + frac) * 2 ** (exp - 25);
}

const f64 = new DataView(new ArrayBuffer(8));

/// Converts a number to IEEE 754 half-precision bits, rounding to nearest even exactly as numpy's
/// float64 -> float16 cast: overflow gives ±inf, underflow gives (signed) subnormals or zeros,
/// NaN keeps its sign and the top 10 payload bits (quiet NaN -> 0x7e00).
export function numberToFloat16Bits(value: number): number {
  f64.setFloat64(0, value);
  const hi = f64.getUint32(0);
  const sign = (hi >>> 16) & 0x8000;
  const exp = ((hi >>> 20) & 0x7ff) - 1023;
  if (exp === 1024) {
    const payload = (hi & 0xfffff) >>> 10; // top 10 of the 52 fraction bits
    return sign | 0x7c00 | (Number.isNaN(value) ? payload || 1 : 0);
  }
  const mag = Math.abs(value);
  if (exp < -14) return sign | roundHalfEven(mag * 2 ** 24); // subnormal; 0x400 carries into the smallest normal
  if (exp > 15) return sign | 0x7c00;
  // Normal: (exp + 15) << 10 plus the rounded 10-bit fraction; a carry bumps the exponent (up to inf).
  return sign | (((exp + 15) << 10) + roundHalfEven((mag * 2 ** -exp - 1) * 1024));
}

/// Rounds a non-negative number to the nearest integer, ties to even (all steps are exact in float64).
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  return diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
}

function shapeSize(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function decodeHeader(bytes: Uint8Array, major: number): string {
  if (major < 3) return Array.from(bytes, (b) => String.fromCharCode(b)).join(""); // latin1
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NpyError("malformed .npy header: not valid UTF-8");
  }
}

function parseHeader(text: string): { dtype: NpyDType; shape: number[] } {
  const dict = parsePyLiteral(text);
  if (!(dict instanceof Map)) throw new NpyError(`malformed .npy header: not a dict: ${text.trim()}`);
  const descr = dict.get("descr");
  const fortran = dict.get("fortran_order");
  const shape = dict.get("shape");
  if (descr === undefined || fortran === undefined || shape === undefined) {
    throw new NpyError(`malformed .npy header: needs keys 'descr', 'fortran_order' and 'shape': ${text.trim()}`);
  }
  if (typeof fortran !== "boolean") throw new NpyError(`malformed .npy header: fortran_order is not a bool`);
  if (fortran) throw new NpyError("Fortran-order arrays are not supported (save a C-contiguous array)");
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === "number" && d >= 0)) {
    throw new NpyError(`malformed .npy header: invalid shape in ${text.trim()}`);
  }
  return { dtype: parseDescr(descr), shape: shape as number[] };
}

function parseDescr(descr: PyValue): NpyDType {
  if (typeof descr !== "string") throw new NpyError("unsupported dtype: structured dtypes are not supported");
  const m = /^([<>|=!]?)([a-zA-Z])(\d*)$/.exec(descr);
  if (m?.[2] === "O") throw new NpyError("object arrays are not supported");
  const dtype = m ? BY_CODE.get(m[2]! + m[3]!) : undefined;
  if (!m || !dtype) throw new NpyError(`unsupported dtype '${descr}'`);
  if ((m[1] === ">" || m[1] === "!") && DTYPES[dtype].size > 1) {
    throw new NpyError(`big-endian data ('${descr}') is not supported`);
  }
  return dtype;
}

type PyValue = string | number | boolean | null | PyValue[] | Map<string, PyValue>;

/// Parses the Python literal subset used by .npy headers: dicts, tuples, lists, strings,
/// integers (with an optional Python 2 'L' suffix), True, False and None.
function parsePyLiteral(src: string): PyValue {
  let pos = 0;
  const fail = (what: string): never => {
    throw new NpyError(`malformed .npy header: ${what} at offset ${pos} in ${JSON.stringify(src.trim())}`);
  };
  const skip = () => {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  };
  const expect = (c: string) => {
    skip();
    if (src[pos] !== c) fail(`expected '${c}'`);
    pos++;
  };
  // Comma-separated items up to `close`, with an optional trailing comma.
  const items = (close: string, item: () => void) => {
    for (skip(); src[pos] !== close; skip()) {
      item();
      skip();
      if (src[pos] === ",") pos++;
      else if (src[pos] !== close) fail(`expected ',' or '${close}'`);
    }
    pos++;
  };
  const value = (): PyValue => {
    skip();
    const c = src[pos];
    if (c === "{") {
      pos++;
      const dict = new Map<string, PyValue>();
      items("}", () => {
        const key = value();
        if (typeof key !== "string") fail("dict key is not a string");
        expect(":");
        dict.set(key as string, value());
      });
      return dict;
    }
    if (c === "(" || c === "[") {
      pos++;
      const list: PyValue[] = [];
      items(c === "(" ? ")" : "]", () => list.push(value()));
      return list;
    }
    if (c === "'" || c === '"') {
      let s = "";
      for (pos++; src[pos] !== c; pos++) {
        if (pos >= src.length) fail("unterminated string");
        if (src[pos] === "\\") pos++;
        s += src[pos];
      }
      pos++;
      return s;
    }
    const m = /^(?:True|False|None|[-+]?\d+L?)(?![\w.])/.exec(src.slice(pos));
    if (!m) return fail("unexpected token");
    pos += m[0].length;
    if (m[0] === "True" || m[0] === "False") return m[0] === "True";
    if (m[0] === "None") return null;
    const n = Number(m[0].replace("L", ""));
    return Number.isSafeInteger(n) ? n : fail("integer out of range");
  };
  const result = value();
  skip();
  if (pos < src.length) fail("trailing characters");
  return result;
}
