// The attributes a parser collects for one operation (MLIR's NamedAttrList).
import type { Attribute, NamedAttribute } from "../ir/attrs.js";

/// A small map from names to attributes in insertion order, with the methods of `Map` that parsers use. It
/// allocates nothing until the first attribute is set (most ops have few or none), and hands its entries to
/// `getDictionaryAttr` sorted.
export class NamedAttrList {
  private list: NamedAttribute[] | null = null;

  get size(): number { return this.list === null ? 0 : this.list.length; }

  private indexOf(name: string): number {
    const l = this.list;
    if (l !== null) for (let i = 0; i < l.length; i++) if (l[i].name === name) return i;
    return -1;
  }

  get(name: string): Attribute | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.list![i].value;
  }

  has(name: string): boolean { return this.indexOf(name) >= 0; }

  /// Sets `name` (replacing an earlier value in place).
  set(name: string, value: Attribute): this {
    const e: NamedAttribute = { name, value };
    const i = this.indexOf(name);
    if (i >= 0) this.list![i] = e;
    else if (this.list === null) this.list = [e];
    else this.list.push(e);
    return this;
  }

  delete(name: string): boolean {
    const i = this.indexOf(name);
    if (i < 0) return false;
    this.list!.splice(i, 1);
    return true;
  }

  /// `[name, value]` pairs in insertion order.
  *entries(): IterableIterator<[string, Attribute]> {
    if (this.list !== null) for (const e of this.list) yield [e.name, e.value];
  }
  [Symbol.iterator](): IterableIterator<[string, Attribute]> { return this.entries(); }

  /// The entries in insertion order (shared: do not modify).
  namedAttributes(): readonly NamedAttribute[] { return this.list ?? noEntries; }
}

const noEntries: readonly NamedAttribute[] = [];
