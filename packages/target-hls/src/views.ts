// Memrefs as C arrays: a view is an array lvalue plus, per array dimension, a fixed index or an offset and stride
// applied to one of the view's own indices (subviews are index arithmetic, never pointers).
import type { MemRefType } from "@allo/ir-core";
import { atom, binary, intLit, Prec, type CExpr } from "./expr.js";
import type { ScalarInfo } from "./types.js";

/// One dimension of the underlying C array of a view: fixed at `offset`, or `offset + stride * index[viewDim]`.
export interface ArrayDim {
  readonly viewDim: number;
  readonly offset: CExpr;
  readonly stride: number;
}

/// A memref value as a C array (or a window of one).
export interface ArrayView {
  /// The C array lvalue: `A`, `blk.data`.
  readonly base: string;
  /// The view's memref type.
  readonly type: MemRefType;
  readonly elem: ScalarInfo;
  /// One entry per dimension of the C array.
  readonly dims: readonly ArrayDim[];
  /// The struct variable whose `data` member is the whole array, if any (block streams send it directly).
  readonly struct: string | null;
}

/// True if `m` has a static shape and the identity layout, i.e. is a plain C array.
export function isPlainArray(m: MemRefType): boolean {
  return m.hasStaticShape && m.layout === null;
}

/// A view of a whole C array `base` of type `type`.
export function wholeView(base: string, type: MemRefType, elem: ScalarInfo, struct: string | null = null): ArrayView {
  const dims: ArrayDim[] = type.shape.length === 0
    ? [{ viewDim: -1, offset: intLit(0), stride: 1 }]
    : type.shape.map((_, k) => ({ viewDim: k, offset: intLit(0), stride: 1 }));
  return { base, type, elem, dims, struct };
}

/// True if the view covers its whole C array in order (so the array itself can be used).
export function isWhole(v: ArrayView): boolean {
  return v.dims.length === Math.max(1, v.type.shape.length) && v.dims.every((d, k) =>
    (v.type.shape.length === 0 ? d.viewDim === -1 : d.viewDim === k) && d.offset.value === 0n && d.stride === 1);
}

/// `a + b` with constants folded (a constant goes last: `i + 32`).
export function add(a: CExpr, b: CExpr): CExpr {
  if (a.value !== null && b.value !== null) return intLit(a.value + b.value);
  if (a.value === 0n) return b;
  if (b.value === 0n) return a;
  if (a.value !== null) return add(b, a);
  if (b.value !== null && b.value < 0n) return binary("-", Prec.Additive, a, intLit(-b.value));
  return binary("+", Prec.Additive, a, b);
}

/// `a * c` with constants folded.
export function mulConst(a: CExpr, c: number): CExpr {
  if (c === 1) return a;
  if (a.value !== null) return intLit(a.value * BigInt(c));
  return binary("*", Prec.Multiplicative, a, intLit(c));
}

/// The element of `v` at `idx` (one index per view dimension).
export function access(v: ArrayView, idx: readonly CExpr[]): CExpr {
  let s = v.base;
  for (const d of v.dims) s += `[${(d.viewDim < 0 ? d.offset : add(d.offset, mulConst(idx[d.viewDim], d.stride))).text}]`;
  return atom(s, true);
}
