// The df attribute `#df.layout<[S1, R]>` (how a kernel argument is sharded over the kernel's mesh) and its helpers.
import {
  AttrKind, getDialectAttr, getMemRefType, getTensorType, kDynamic, TypeKind, type Attribute, type AttrConstraint,
  type ArrayAttr, type DialectAttr, type DialectAttrDef, type DialectAttrSyntax, type MemRefType, type OpPrinter,
  type RankedTensorType, type Type,
} from "@allo/ir-core";
import { DfDiag, parseFail } from "./diag.js";

/// The definition of `#df.layout<[...]>`; params `[entries: number[]]`, an entry being a mesh axis or -1 for `R`.
export const LayoutAttrDef: DialectAttrDef = { name: "df.layout" };

/// One layout entry: the mesh axis a dimension is sharded over (`S<axis>`), or null for replicated (`R`).
export type LayoutEntry = number | null;

/// `#df.layout<[entries]>` (null entries are `R`).
export function getLayoutAttr(entries: readonly LayoutEntry[]): DialectAttr {
  return getDialectAttr(LayoutAttrDef, [entries.map((x) => (x === null ? -1 : x))]);
}

/// True for `#df.layout<...>`.
export function isLayoutAttr(a: Attribute): a is DialectAttr {
  return a.kind === AttrKind.Dialect && (a as DialectAttr).def === LayoutAttrDef;
}

/// The entries of a layout, one per tensor dimension: a mesh axis, or null for `R`; null if `a` is not a layout.
export function layoutEntries(a: Attribute): readonly LayoutEntry[] | null {
  if (!isLayoutAttr(a)) return null;
  return (a.params[0] as readonly number[]).map((x) => (x < 0 ? null : x));
}

/// Property constraint of `df.kernel`'s `layouts`: an array of `#df.layout` attributes.
export const LayoutArrayAttr: AttrConstraint = {
  desc: "array of #df.layout attributes",
  kind: AttrKind.Array,
  check: (a) => a.kind === AttrKind.Array && (a as ArrayAttr).elements.every(isLayoutAttr),
};

/// One mapping entry of a kernel: a grid size, or the name of a region parameter.
export type MappingEntry = number | string;

/// Why a layout cannot apply to a global type on a mapping (see `checkLayout`).
export type LayoutProblem =
  | { readonly kind: "rank"; readonly layoutRank: number; readonly typeRank: number }
  | { readonly kind: "axis"; readonly dim: number; readonly axis: number }
  | { readonly kind: "divisible"; readonly dim: number; readonly size: number; readonly axis: number; readonly axisSize: number };

/// The rank and static shape of a shaped type (`[]` for scalars); null for unranked types.
function shapeOf(t: Type): readonly number[] | null {
  if (t.kind === TypeKind.MemRef || t.kind === TypeKind.Tensor || t.kind === TypeKind.Vector) return (t as MemRefType).shape;
  if (t.kind === TypeKind.UnrankedMemRef || t.kind === TypeKind.UnrankedTensor) return null;
  return [];
}

/// Checks that `entries` fit the global type on `mapping`: rank, existing mesh axes, even division. Null if they do.
/// Dimensions sharded over a named (parametric) axis, and dynamic dimensions, are not checked for divisibility.
export function checkLayout(global: Type, entries: readonly LayoutEntry[], mapping: readonly MappingEntry[]): LayoutProblem | null {
  const shape = shapeOf(global);
  const rank = shape === null ? -1 : shape.length;
  if (entries.length !== rank) return { kind: "rank", layoutRank: entries.length, typeRank: rank };
  for (let d = 0; d < entries.length; d++) {
    const axis = entries[d];
    if (axis === null) continue;
    if (axis >= mapping.length) return { kind: "axis", dim: d, axis };
    const n = mapping[axis];
    const size = shape![d];
    if (typeof n === "number" && size !== kDynamic && (n <= 0 || size % n !== 0)) return { kind: "divisible", dim: d, size, axis, axisSize: n };
  }
  return null;
}

/// The local (per-instance) type of a kernel argument of type `global` under `layout` on `mapping`:
/// a dimension sharded over axis `a` has size `d / mapping[a]` (dynamic `?` when `mapping[a]` is a parameter name).
/// A null layout replicates everything (the type itself). Null if the layout does not fit (see `checkLayout`).
export function localTypeFor(global: Type, layout: Attribute | null, mapping: readonly MappingEntry[]): Type | null {
  if (layout === null) return global;
  const entries = layoutEntries(layout);
  if (entries === null || checkLayout(global, entries, mapping) !== null) return null;
  if (entries.every((x) => x === null)) return global;
  const shape = shapeOf(global)!;
  const local = shape.map((d, i) => {
    const axis = entries[i];
    if (axis === null || d === kDynamic) return d;
    const n = mapping[axis];
    return typeof n === "number" ? d / n : kDynamic;
  });
  if (global.kind === TypeKind.MemRef) {
    const mt = global as MemRefType;
    return getMemRefType(local, mt.elementType, null, mt.memorySpace);
  }
  if (global.kind === TypeKind.Tensor) {
    const tt = global as RankedTensorType;
    return getTensorType(local, tt.elementType, tt.encoding);
  }
  return null;
}

/// Prints a mapping as written in the custom form: `[2, 2]`, `[P0, P1]`.
export function mappingToString(mapping: readonly MappingEntry[]): string {
  return "[" + mapping.map(String).join(", ") + "]";
}

const layoutSyntax: DialectAttrSyntax = {
  name: "df.layout",
  mnemonic: "layout",
  parse(p) {
    p.parsePunct("<");
    p.parsePunct("[");
    const entries: LayoutEntry[] = [];
    if (!p.parseOptionalPunct("]")) {
      do {
        const at = p.currentOffset();
        const kw = p.parseOptionalKeywordAny();
        const m = kw === null ? null : /^(?:S([0-9]+)|R)$/.exec(kw);
        if (m === null) parseFail(p, DfDiag.LayoutEntry, at, kw ?? "");
        entries.push(m[1] === undefined ? null : Number(m[1]));
      } while (p.parseOptionalPunct(","));
      p.parsePunct("]");
    }
    p.parsePunct(">");
    return getLayoutAttr(entries);
  },
  print(p: OpPrinter, a: Attribute) {
    const es = layoutEntries(a)!;
    p.write("<[" + es.map((x) => (x === null ? "R" : `S${x}`)).join(", ") + "]>");
  },
};

/// The attribute syntax records of the df dialect.
export const dfAttrSyntax: readonly DialectAttrSyntax[] = [layoutSyntax];
