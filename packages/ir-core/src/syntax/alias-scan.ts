// Which ops, attributes and types may print an aliasable attribute (maps, sets, locations, distinct and dialect
// attributes with an alias): the alias collection skips everything else, which keeps its extra walk cheap.
import {
  Attribute, AttrKind, type ArrayAttr, type DenseElementsAttr, type DialectAttr, type DictionaryAttr, type StringAttr,
  type TypeAttr,
} from "../ir/attrs.js";
import type { Operation } from "../ir/ir.js";
import { registry } from "../ir/opdef.js";
import {
  Type, TypeKind, type DialectParam, type DialectType, type FunctionType, type MemRefType, type RankedTensorType,
  type TupleType, type UnrankedMemRefType, type VectorType,
} from "../ir/types.js";

/// Answers "may this print an aliasable attribute?", memoized per attribute and type.
export class AliasScan {
  /// Whether printing `op` itself (not its nested ops) may meet an attribute with an alias.
  opMayAlias(op: Operation): boolean {
    if ((op.props.size !== 0 && this.attrMayAlias(op.props)) || (op.attrs.size !== 0 && this.attrMayAlias(op.attrs))) return true;
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) if (this.typeMayAlias(operands[i].value.type)) return true;
    const results = op.results;
    for (let i = 0; i < results.length; i++) if (this.typeMayAlias(results[i].type)) return true;
    for (const r of op.regions) {
      for (let b = r.firstBlock; b !== null; b = b.next) for (let i = 0; i < b.args.length; i++) if (this.typeMayAlias(b.args[i].type)) return true;
    }
    return false;
  }

  private readonly attrCache = new Map<Attribute, boolean>();
  private readonly typeCache = new Map<Type, boolean>();

  attrMayAlias(a: Attribute): boolean {
    let r = this.attrCache.get(a);
    if (r !== undefined) return r;
    switch (a.kind) {
      case AttrKind.Integer: case AttrKind.Float: case AttrKind.Unit: case AttrKind.SymbolRef: case AttrKind.StridedLayout:
      case AttrKind.Opaque: case AttrKind.DenseArray: r = false; break;
      case AttrKind.String: r = (a as StringAttr).type !== null && this.typeMayAlias((a as StringAttr).type!); break;
      case AttrKind.Array: r = (a as ArrayAttr).elements.some((e) => this.attrMayAlias(e)); break;
      case AttrKind.Dictionary: r = (a as DictionaryAttr).entries.some((e) => this.attrMayAlias(e.value)); break;
      case AttrKind.TypeAttr: r = this.typeMayAlias((a as TypeAttr).type); break;
      case AttrKind.DenseElements: case AttrKind.DenseStringElements: case AttrKind.SparseElements: case AttrKind.DenseResourceElements:
        r = this.typeMayAlias((a as DenseElementsAttr).type); break;
      case AttrKind.Dialect:
        r = registry.lookupAttr((a as DialectAttr).def.name)?.alias !== undefined || this.paramsMayAlias((a as DialectAttr).params);
        break;
      default: r = true; // maps, sets, locations, distinct
    }
    this.attrCache.set(a, r);
    return r;
  }

  typeMayAlias(t: Type): boolean {
    // Scalars, and memrefs of scalars with the default layout and memory space, answer without the cache.
    switch (t.kind) {
      case TypeKind.Integer: case TypeKind.Index: case TypeKind.Float: case TypeKind.None: return false;
      case TypeKind.MemRef: {
        const mt = t as MemRefType;
        if (mt.layout === null && mt.memorySpace === null && isScalar(mt.elementType)) return false;
        break;
      }
      default: break;
    }
    let r = this.typeCache.get(t);
    if (r !== undefined) return r;
    switch (t.kind as TypeKind) {
      case TypeKind.Integer: case TypeKind.Index: case TypeKind.Float: case TypeKind.None: case TypeKind.Opaque: r = false; break;
      case TypeKind.MemRef: {
        const mt = t as MemRefType;
        r = mt.layout !== null || (mt.memorySpace !== null && this.attrMayAlias(mt.memorySpace)) || this.typeMayAlias(mt.elementType);
        break;
      }
      case TypeKind.UnrankedMemRef: {
        const mt = t as UnrankedMemRefType;
        r = (mt.memorySpace !== null && this.attrMayAlias(mt.memorySpace)) || this.typeMayAlias(mt.elementType);
        break;
      }
      case TypeKind.Tensor: {
        const tt = t as RankedTensorType;
        r = (tt.encoding !== null && this.attrMayAlias(tt.encoding)) || this.typeMayAlias(tt.elementType);
        break;
      }
      case TypeKind.UnrankedTensor: case TypeKind.Vector: case TypeKind.Complex:
        r = this.typeMayAlias((t as VectorType).elementType); break;
      case TypeKind.Function: r = (t as FunctionType).inputs.some((x) => this.typeMayAlias(x)) || (t as FunctionType).results.some((x) => this.typeMayAlias(x)); break;
      case TypeKind.Tuple: r = (t as TupleType).types.some((x) => this.typeMayAlias(x)); break;
      case TypeKind.Dialect: r = this.paramsMayAlias((t as DialectType).params); break;
      default: r = true;
    }
    this.typeCache.set(t, r);
    return r;
  }

  private paramsMayAlias(ps: readonly DialectParam[]): boolean {
    for (const x of ps) {
      if (x instanceof Attribute ? this.attrMayAlias(x) : x instanceof Type ? this.typeMayAlias(x) : Array.isArray(x) && this.paramsMayAlias(x)) return true;
    }
    return false;
  }
}

function isScalar(t: Type): boolean {
  return t.kind === TypeKind.Integer || t.kind === TypeKind.Index || t.kind === TypeKind.Float || t.kind === TypeKind.None;
}
