// Affine scopes and the validity of SSA values as dimensions and symbols (MLIR's isValidDim / isValidSymbol).
import {
  AttrKind, kDynamic, Trait, TypeKind, ValueKind, type Attribute, type BlockArgument, type IntegerAttr, type MemRefType,
  type Operation, type Region, type Value,
} from "@allo/ir-core";

/// The attribute a constant-like op defines `v` as, or null (MLIR's `matchPattern(v, m_Constant())`).
export function constantValueOf(v: Value): Attribute | null {
  const op = v.definingOp;
  if (op === null || !op.hasTrait(Trait.ConstantLike)) return null;
  return op.props.get("value") ?? op.attrs.get("value");
}

/// The integer a constant-like op defines `v` as, or null (MLIR's `getConstantIntValue`).
export function constantIntValueOf(v: Value): number | null {
  const a = constantValueOf(v);
  return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr).num : null;
}

/// True if `v` is a block argument of `region` or defined by an op directly in `region`.
export function isTopLevelValueIn(v: Value, region: Region): boolean {
  if (v.valueKind === ValueKind.BlockArgument) return (v as BlockArgument).owner.parent === region;
  const def = v.definingOp;
  return def !== null && def.parentRegion === region;
}

/// True if `v` is defined at the top level of an op with the AffineScope trait (or is an argument of its block).
export function isTopLevelValue(v: Value): boolean {
  if (v.valueKind === ValueKind.BlockArgument) {
    const p = (v as BlockArgument).owner.parentOp;
    return p !== null && p.hasTrait(Trait.AffineScope);
  }
  const def = v.definingOp;
  const p = def === null ? null : def.parentOp;
  return p !== null && p.hasTrait(Trait.AffineScope);
}

/// The region of the closest ancestor of `op` with the AffineScope trait that contains `op`; null if none.
export function getAffineScope(op: Operation): Region | null {
  let cur: Operation = op;
  for (let p = cur.parentOp; p !== null; p = cur.parentOp) {
    if (p.hasTrait(Trait.AffineScope)) return cur.parentRegion;
    cur = p;
  }
  return null;
}

function isIndexValue(v: Value): boolean { return v.type.kind === TypeKind.Index; }

function isAffineLoop(op: Operation | null): boolean {
  return op !== null && (op.name === "affine.for" || op.name === "affine.parallel");
}

/// True for ops that implement MLIR's ShapedDimOpInterface (`memref.dim`, `tensor.dim`).
export function isShapedDimOp(op: Operation): boolean {
  return op.name === "memref.dim" || op.name === "tensor.dim";
}

/// True if `v` can be used as a dimension at all of its uses in its affine scope.
export function isValidDim(v: Value): boolean {
  if (!isIndexValue(v)) return false;
  const def = v.definingOp;
  if (def !== null) return isValidDimIn(v, getAffineScope(def));
  const p = (v as BlockArgument).owner.parentOp;
  return p !== null && (p.hasTrait(Trait.AffineScope) || isAffineLoop(p));
}

/// True if `v` can be used as a dimension in `region` (a symbol, a loop induction variable, an affine.apply of dims, ...).
export function isValidDimIn(v: Value, region: Region | null): boolean {
  if (!isIndexValue(v)) return false;
  if (isValidSymbolIn(v, region)) return true;
  const def = v.definingOp;
  if (def === null) {
    if (v.valueKind !== ValueKind.BlockArgument) return false;
    return isAffineLoop((v as BlockArgument).owner.parentOp);
  }
  if (def.name === "affine.apply") return def.operands.every((o) => isValidDimIn(o.value, region));
  if (isShapedDimOp(def)) return def.operands.length > 0 && isTopLevelValue(def.operand(0));
  return false;
}

/// True if `v` can be used as a symbol at all of its uses.
export function isValidSymbol(v: Value): boolean {
  if (!isIndexValue(v)) return false;
  if (isTopLevelValue(v)) return true;
  const def = v.definingOp;
  if (def !== null) return isValidSymbolIn(v, getAffineScope(def));
  return false;
}

/// True if `v` can be used as a symbol in `region`: a top-level value of it, a constant, an affine.apply of symbols,
/// a dim op of a suitable memref, or a value dominating the region's parent op.
export function isValidSymbolIn(v: Value, region: Region | null): boolean {
  if (!isIndexValue(v)) return false;
  if (region !== null && isTopLevelValueIn(v, region)) return true;
  const def = v.definingOp;
  const regionOp = region === null ? null : region.parent;
  if (def === null) {
    if (regionOp !== null && !regionOp.hasTrait(Trait.IsolatedFromAbove)) {
      const parentRegion = regionOp.parentRegion;
      if (parentRegion !== null) return isValidSymbolIn(v, parentRegion);
    }
    return false;
  }
  if (constantValueOf(v) !== null) return true;
  if (def.name === "affine.apply") return def.operands.every((o) => isValidSymbolIn(o.value, region));
  if (isShapedDimOp(def)) return isDimOpValidSymbol(def, region);
  if (regionOp !== null && !regionOp.hasTrait(Trait.IsolatedFromAbove)) {
    const parentRegion = regionOp.parentRegion;
    if (parentRegion !== null) return isValidSymbolIn(v, parentRegion);
  }
  return false;
}

function isDimOpValidSymbol(dimOp: Operation, region: Region | null): boolean {
  if (dimOp.operands.length < 2) return false;
  const shaped = dimOp.operand(0);
  if (isTopLevelValue(shaped)) return true;
  if (shaped.valueKind === ValueKind.BlockArgument) return false;
  const index = constantIntValueOf(dimOp.operand(1));
  if (index === null) return false;
  const def = shaped.definingOp;
  if (def === null) return false;
  if (def.name !== "memref.view" && def.name !== "memref.subview" && def.name !== "memref.alloc") return false;
  const t = def.results[0]?.type;
  if (t === undefined || t.kind !== TypeKind.MemRef) return false;
  const shape = (t as MemRefType).shape;
  if (index < 0 || index >= shape.length) return false;
  if (shape[index] !== kDynamic) return true;
  let dynPos = 0;
  for (let i = 0; i < index; i++) if (shape[i] === kDynamic) dynPos++;
  const sizes = dynamicSizesOf(def);
  const s = sizes[dynPos];
  return s !== undefined && isValidSymbolIn(s, region);
}

/// The dynamic size operands of memref.alloc / memref.view / memref.subview.
function dynamicSizesOf(op: Operation): Value[] {
  const vals = op.operandValues();
  const seg = op.props.get("operandSegmentSizes");
  const sizes = seg !== null && seg.kind === AttrKind.DenseArray ? (seg as unknown as { values: readonly number[] }).values : null;
  switch (op.name) {
    case "memref.alloc": return sizes === null ? vals : vals.slice(0, sizes[0]);
    case "memref.view": return vals.slice(2);
    default: {
      // memref.subview: source, offsets, sizes, strides.
      if (sizes === null || sizes.length < 4) return [];
      const start = sizes[0] + sizes[1];
      return vals.slice(start, start + sizes[2]);
    }
  }
}
