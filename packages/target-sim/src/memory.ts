// Memrefs: typed-array storage with the element type's exact representation, strided views sharing storage.
import { Rep, type ScalarInfo } from "./values.js";

/// Numeric storage (every typed array except the bigint ones); indexing yields numbers.
export interface NumStorage { [i: number]: number; readonly length: number; set(a: ArrayLike<number>, offset?: number): void; fill(v: number): unknown; subarray(a: number, b: number): NumStorage }
/// Bigint storage of 33..64-bit integers and index.
export type BigStorage = BigInt64Array | BigUint64Array;
/// Any storage.
export type Storage = NumStorage | BigStorage;

/// Allocates zeroed storage for `n` elements of `info`; null if the element type has no storage class.
export function allocStorage(info: ScalarInfo, n: number): Storage | null {
  switch (info.rep) {
    case Rep.Narrow: {
      const w = info.width;
      if (w === 1) return new Uint8Array(n);
      if (w === 8) return info.unsignedRep ? new Uint8Array(n) : new Int8Array(n);
      if (w === 16) return info.unsignedRep ? new Uint16Array(n) : new Int16Array(n);
      return info.unsignedRep ? new Uint32Array(n) : new Int32Array(n);
    }
    case Rep.Wide: return info.unsignedRep ? new BigUint64Array(n) : new BigInt64Array(n);
    case Rep.Float: return info.width === 64 ? new Float64Array(n) : new Float32Array(n);
    default: return null;
  }
}

/// A memref value: a view (offset, shape, strides) on storage that other views may share.
/// `d0..d3` and `t0..t3` mirror the first four sizes and strides for the hot load/store paths.
export class MemRef {
  readonly data: Storage;
  readonly elem: ScalarInfo;
  /// True if `data` holds bigints.
  readonly big: boolean;
  readonly offset: number;
  readonly rank: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly d0: number; readonly d1: number; readonly d2: number; readonly d3: number;
  readonly t0: number; readonly t1: number; readonly t2: number; readonly t3: number;
  /// Number of elements.
  readonly size: number;
  /// True if the view is the row-major layout of `size` consecutive elements.
  readonly contiguous: boolean;

  constructor(data: Storage, elem: ScalarInfo, offset: number, shape: readonly number[], strides: readonly number[]) {
    this.data = data;
    this.elem = elem;
    this.big = elem.rep === Rep.Wide;
    this.offset = offset;
    this.rank = shape.length;
    this.shape = shape;
    this.strides = strides;
    this.d0 = shape.length > 0 ? shape[0] : 1;
    this.d1 = shape.length > 1 ? shape[1] : 1;
    this.d2 = shape.length > 2 ? shape[2] : 1;
    this.d3 = shape.length > 3 ? shape[3] : 1;
    this.t0 = strides.length > 0 ? strides[0] : 0;
    this.t1 = strides.length > 1 ? strides[1] : 0;
    this.t2 = strides.length > 2 ? strides[2] : 0;
    this.t3 = strides.length > 3 ? strides[3] : 0;
    let n = 1;
    for (let i = 0; i < shape.length; i++) n *= shape[i];
    this.size = n;
    let c = true, s = 1;
    for (let i = shape.length - 1; i >= 0; i--) {
      if (shape[i] !== 1 && strides[i] !== s) c = false;
      s *= shape[i];
    }
    this.contiguous = c;
  }

  /// A fresh zero-filled row-major memref.
  static alloc(elem: ScalarInfo, shape: readonly number[]): MemRef | null {
    let n = 1;
    for (const d of shape) n *= d;
    const data = allocStorage(elem, n);
    return data === null ? null : new MemRef(data, elem, 0, shape.slice(), rowMajorStrides(shape));
  }

  /// The storage index of the element at `idx` (no bounds checks).
  linear(idx: readonly number[]): number {
    let l = this.offset;
    for (let i = 0; i < idx.length; i++) l += idx[i] * this.strides[i];
    return l;
  }

  /// A contiguous copy of this view (fresh storage).
  clone(): MemRef {
    const out = MemRef.alloc(this.elem, this.shape)!;
    copyInto(this, out);
    return out;
  }

  /// Storage indices of every element in row-major order, passed to `f` (views of any rank).
  forEachIndex(f: (storageIndex: number, flat: number) => void): void {
    const r = this.rank;
    if (this.size === 0) return;
    if (this.contiguous) {
      for (let i = 0; i < this.size; i++) f(this.offset + i, i);
      return;
    }
    const idx = new Array<number>(r).fill(0);
    let lin = this.offset;
    for (let flat = 0; flat < this.size; flat++) {
      f(lin, flat);
      for (let k = r - 1; k >= 0; k--) {
        idx[k]++;
        lin += this.strides[k];
        if (idx[k] < this.shape[k]) break;
        lin -= idx[k] * this.strides[k];
        idx[k] = 0;
      }
    }
  }
}

/// Row-major strides of `shape`.
export function rowMajorStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/// Copies `src` into `dst` element by element (same shape; converts between numeric and bigint storage).
export function copyInto(src: MemRef, dst: MemRef): void {
  if (src.contiguous && dst.contiguous && src.data.constructor === dst.data.constructor) {
    const s = src.data as NumStorage;
    const d = dst.data as NumStorage;
    if (src.data === dst.data && src.offset === dst.offset) return;
    d.set(s.subarray(src.offset, src.offset + src.size), dst.offset);
    return;
  }
  const tmp: (number | bigint)[] = new Array(src.size);
  const sd = src.data as unknown as (number | bigint)[];
  src.forEachIndex((i, flat) => { tmp[flat] = sd[i]; });
  const dd = dst.data as unknown as (number | bigint)[];
  const toBig = dst.big, fromBig = src.big;
  dst.forEachIndex((i, flat) => {
    const v = tmp[flat];
    dd[i] = toBig && !fromBig ? BigInt(v as number) : !toBig && fromBig ? Number(v) : v;
  });
}

/// Reads the element at storage index `i` as number or bigint (bigint only if not a safe number).
export function readElement(m: MemRef, i: number): number | bigint {
  if (!m.big) return (m.data as NumStorage)[i];
  const b = (m.data as BigStorage)[i];
  return b > -9007199254740992n && b < 9007199254740992n ? Number(b) : b;
}

/// Writes a canonical value at storage index `i`.
export function writeElement(m: MemRef, i: number, v: number | bigint): void {
  if (m.big) (m.data as BigStorage)[i] = typeof v === "bigint" ? v : BigInt(v);
  else (m.data as NumStorage)[i] = Number(v);
}
