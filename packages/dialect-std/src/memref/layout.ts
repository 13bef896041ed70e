// Strided memref layouts: strides and offset of a memref type, saturating arithmetic, rank reduction (MLIR's BuiltinTypes utilities).
import {
  affineAdd, AffineExprKind, affineMul, AttrKind, getAffineConstantExpr, getAffineDimExpr, getAffineMap, getAffineMapAttr,
  getAffineSymbolExpr, getMemRefType, getStridedLayoutAttr, kDynamic, simplifyAffineExpr, type AffineExpr, type AffineMap,
  type AffineMapAttr, type MemRefType, type StridedLayoutAttr,
} from "@allo/ir-core";

/// ShapedType::kDynamic as stored in `DenseI64ArrayAttr`s (`static_offsets`, `static_sizes`, ...): INT64_MIN.
export const I64_DYNAMIC = -(2 ** 63);

/// Maps the `DenseI64ArrayAttr` sentinel to the `kDynamic` used by types.
export function fromI64(v: number): number {
  return v === I64_DYNAMIC ? kDynamic : v;
}

/// Maps `kDynamic` to the `DenseI64ArrayAttr` sentinel.
export function toI64(v: number): number {
  return v === kDynamic ? I64_DYNAMIC : v;
}

/// SaturatedInteger `a * b`: 0 if either is 0, else dynamic if either is.
export function satMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return a === kDynamic || b === kDynamic ? kDynamic : a * b;
}

/// SaturatedInteger `a + b`: dynamic if either is.
export function satAdd(a: number, b: number): number {
  return a === kDynamic || b === kDynamic ? kDynamic : a + b;
}

/// Strides and offset of a strided memref (`kDynamic` for `?`).
export interface StridesAndOffset { readonly strides: number[]; readonly offset: number }

/// The row-major strides of `shape` (a stride is dynamic once an inner size is).
export function canonicalStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let running = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = running;
    running = satMul(running, shape[i]);
  }
  return strides;
}

/// MLIR's getStridesAndOffset: null when the layout is not strided.
export function stridesAndOffset(t: MemRefType): StridesAndOffset | null {
  const l = t.layout;
  if (l === null) return { strides: canonicalStrides(t.shape), offset: 0 };
  if (l.kind === AttrKind.StridedLayout) {
    const s = l as StridedLayoutAttr;
    return { strides: s.strides.slice(), offset: s.offset };
  }
  if (l.kind !== AttrKind.AffineMap) return null;
  const m = (l as AffineMapAttr).map;
  if (m.results.length !== 1 || m.numDims !== t.shape.length) return null;
  const strides = new Array<number>(m.numDims).fill(0);
  const acc = { offset: 0 };
  if (!linearTerms(m.results[0], strides, acc)) return null;
  // As MLIR: a zero stride (a dimension the map ignores) means the layout aliases, so it is not strided.
  return strides.includes(0) ? null : { strides, offset: acc.offset };
}

// Accumulates `e` (a sum of `d_i * c`, `d_i * s_j`, `c`, `s_j` terms) into strides and offset.
function linearTerms(e: AffineExpr, strides: number[], acc: { offset: number }): boolean {
  switch (e.kind) {
    case AffineExprKind.Add: return linearTerms(e.lhs!, strides, acc) && linearTerms(e.rhs!, strides, acc);
    case AffineExprKind.Constant: acc.offset = satAdd(acc.offset, e.value); return true;
    case AffineExprKind.SymbolId: acc.offset = kDynamic; return true;
    case AffineExprKind.DimId: strides[e.value] = satAdd(strides[e.value], 1); return true;
    case AffineExprKind.Mul: {
      const l = e.lhs!, r = e.rhs!;
      const dim = l.kind === AffineExprKind.DimId ? l : r.kind === AffineExprKind.DimId ? r : null;
      if (dim === null) {
        if (!e.isSymbolicOrConstant()) return false;
        acc.offset = kDynamic;
        return true;
      }
      const coeff = dim === l ? r : l;
      if (coeff.kind !== AffineExprKind.Constant && coeff.kind !== AffineExprKind.SymbolId) return false;
      strides[dim.value] = satAdd(strides[dim.value], coeff.kind === AffineExprKind.Constant ? coeff.value : kDynamic);
      return true;
    }
    default: return false;
  }
}

/// True if `t` has a strided layout.
export function isStrided(t: MemRefType): boolean {
  return stridesAndOffset(t) !== null;
}

/// `memref<shape x elt, strided<strides, offset: offset>, space>` with `t`'s element type and memory space.
export function stridedType(t: MemRefType, shape: readonly number[], strides: readonly number[], offset: number): MemRefType {
  return getMemRefType(shape, t.elementType, getStridedLayoutAttr(offset, strides), t.memorySpace);
}

/// MLIR's computeRankReductionMask: the dims of `original` dropped to get `reduced`, or null.
export function rankReductionMask(original: readonly number[], reduced: readonly number[]): Set<number> | null {
  const unused = new Set<number>();
  let r = 0;
  for (let i = 0; i < original.length; i++) {
    if (r < reduced.length && original[i] === reduced[r]) { r++; continue; }
    unused.add(i);
    if (original[i] !== 1) return null;
  }
  return r === reduced.length ? unused : null;
}

/// MLIR's makeStridedLinearLayoutMap: `offset + sum(d_i * stride_i)`, a symbol for each dynamic value (offset first).
export function stridedLinearLayoutMap(strides: readonly number[], offset: number): AffineMap {
  let n = 0;
  let e = offset === kDynamic ? getAffineSymbolExpr(n++) : getAffineConstantExpr(offset);
  strides.forEach((s, i) => {
    e = affineAdd(e, affineMul(getAffineDimExpr(i), s === kDynamic ? getAffineSymbolExpr(n++) : getAffineConstantExpr(s)));
  });
  return getAffineMap(strides.length, n, [e]);
}

// MLIR's makeCanonicalStridedLayoutExpr: the row-major layout of `shape`, a symbol per stride after a dynamic size.
function canonicalStridedLayoutExpr(shape: readonly number[]): AffineExpr {
  if (shape.length === 0) return getAffineConstantExpr(0);
  let e: AffineExpr | null = null;
  let symbols = 0, running = 1, poisoned = false;
  for (let i = shape.length - 1; i >= 0; i--) {
    const stride = poisoned ? getAffineSymbolExpr(symbols++) : getAffineConstantExpr(running);
    const term = affineMul(getAffineDimExpr(i), stride);
    e = e === null ? term : affineAdd(e, term);
    if (shape[i] > 0) running *= shape[i]; else poisoned = true;
  }
  return simplifyAffineExpr(e!, shape.length, symbols);
}

/// MLIR's canonicalizeStridedLayout: the layout as a simplified affine map, or none if it is the row-major one.
export function canonicalizeStridedLayout(t: MemRefType): MemRefType {
  const l = t.layout;
  if (l === null) return t;
  const m = l.kind === AttrKind.StridedLayout ? stridedLinearLayoutMap((l as StridedLayoutAttr).strides, (l as StridedLayoutAttr).offset)
    : l.kind === AttrKind.AffineMap ? (l as AffineMapAttr).map : null;
  if (m === null || m.isIdentity()) return m === null ? t : getMemRefType(t.shape, t.elementType, null, t.memorySpace);
  if (m.results.length > 1) return t;
  if (m.numDims === 0 && m.numSymbols === 0) {
    const r = m.results[0];
    return r.kind === AffineExprKind.Constant && r.value === 0 ? getMemRefType(t.shape, t.elementType, null, t.memorySpace) : t;
  }
  if (t.shape.length === 0) return t;
  const simplified = simplifyAffineExpr(m.results[0], m.numDims, m.numSymbols);
  if (simplified === canonicalStridedLayoutExpr(t.shape)) return getMemRefType(t.shape, t.elementType, null, t.memorySpace);
  return getMemRefType(t.shape, t.elementType, getAffineMapAttr(getAffineMap(m.numDims, m.numSymbols, [simplified])), t.memorySpace);
}
