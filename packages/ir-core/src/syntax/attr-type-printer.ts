// The printer of attributes, types and locations and of their aliases (MLIR's AsmPrinter::Impl), which AsmPrinter
// extends with operations, regions and blocks (MLIR's OperationPrinter).
import { printAffineMap, printIntegerSet } from "../affine/index.js";
import {
  AttrKind, type AffineMapAttr, type ArrayAttr, Attribute, type CallSiteLoc, type DenseArrayAttr,
  type DenseElementsAttr, type DialectAttr, type DictionaryAttr, type FileLineColLoc, type FloatAttr, type FusedLoc,
  type IntegerAttr, type IntegerSetAttr, type Location, type NamedAttribute, type NameLoc, type OpaqueAttr,
  type StridedLayoutAttr, type StringAttr, type SymbolRefAttr, type TypeAttr, type DistinctAttr, type DenseStringElementsAttr,
  type SparseElementsAttr, type DenseResourceElementsAttr, type DenseResourceHandle, isLocation,
} from "../ir/attrs.js";
import { registry } from "../ir/opdef.js";
import {
  kDynamic, Signedness, TypeKind, type ComplexType, type DialectType, type FloatType, type FunctionType,
  type IntegerType, type MemRefType, type OpaqueType, type RankedTensorType, type ShapedType, type TupleType, type Type,
  type UnrankedMemRefType, type UnrankedTensorType, type VectorType,
} from "../ir/types.js";
import { integerText } from "../support/integer-text.js";
import { TextBuffer } from "../support/text-buffer.js";
import { defaultHexElementLimit, denseElementsText, denseStringText } from "./elements-print.js";
import { formatFloat, formatFloatAttr } from "./float-format.js";
import type { OpPrinter } from "./op-printer.js";
import type { PrintOptions } from "./printer.js";

const bareIdRe = /^[A-Za-z_][A-Za-z0-9_$.]*$/;

/// An elements attribute elided by `--mlir-elide-elementsattrs-if-larger`.
const elidedElements = "dense_resource<__elided__>";

/// `s` quoted with MLIR's escapes (`\22` for a quote, `\0A` for a newline).
export function escapeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 34 && c !== 92) out += s[i];
    else if (c === 92) out += "\\\\"; // llvm::printEscapedString keeps a backslash as `\\`
    else out += "\\" + (c & 0xff).toString(16).toUpperCase().padStart(2, "0");
  }
  return out + '"';
}

/// A keyword if `s` is a bare identifier, else a quoted string.
export function keywordOrString(s: string): string { return bareIdRe.test(s) ? s : escapeString(s); }
/// `@name` or `@"quoted name"`.
export function symbolName(s: string): string { return "@" + (bareIdRe.test(s) ? s : escapeString(s)); }

/// Whether an attribute may print with its type elided (an integer of i64, a float of f64) where MLIR allows it.
export enum Elide { Never, May }

/// An attribute or type met by the alias collection (MLIR's InProgressAliasInfo): `base` is its alias prefix (null:
/// no alias), `depth` orders the definitions (one more than its deepest child alias), `deferrable` says whether the
/// definition may follow the top-level op (only operation locations may), `children` are the entries met inside it.
interface AliasEntry {
  readonly sym: Attribute | Type;
  readonly base: string | null;
  depth: number;
  readonly order: number;
  deferrable: boolean;
  readonly children: AliasEntry[];
}

/// Makes `e` and everything met inside it non-deferrable (MLIR's markAliasNonDeferrable).
function markNonDeferrable(e: AliasEntry): void {
  if (!e.deferrable) return;
  e.deferrable = false;
  for (const c of e.children) markNonDeferrable(c);
}

/// Prints attributes, types and locations into a text buffer, and collects and names their aliases.
export abstract class AttrTypePrinter {
  readonly debugInfo: boolean;
  protected readonly out = new TextBuffer(256);
  protected indent = 0;
  /// Final alias names of attributes (MLIR's AliasState), known before the body is printed.
  private readonly aliasNames = new Map<Attribute, string>();
  /// Aliases in definition order.
  private aliasDefs: AliasEntry[] = [];
  /// Every attribute and type the alias collection visited, as MLIR's AliasInitializer.
  protected readonly visited = new Map<Attribute | Type, AliasEntry>();
  /// Set during the alias collection pass: the printer walks what it would print and writes nothing.
  protected collecting = false;
  /// During the collection: the entry whose children are being visited (null at op level), the deepest child
  /// alias met so far, and whether those children may be deferred (they inherit it from their parent).
  private parentEntry: AliasEntry | null = null;
  private childDepth = 0;
  private deferrable = false;
  /// `distinct[N]` numbers, assigned in print order.
  private readonly distinctIds = new Map<DistinctAttr, number>();
  /// Resource handles in the order they were printed (for the `{-# dialect_resources #-}` section).
  protected readonly usedResources = new Set<DenseResourceHandle>();
  /// When set, aliases are not used (a lone attribute, an op printed in context, local scope).
  protected noAliases = false;
  private readonly prettyLocs: boolean;
  private readonly elementsHexAbove: number;
  private readonly elideElementsAbove: number;

  constructor(options: PrintOptions) {
    this.debugInfo = options.debugInfo ?? false;
    this.elementsHexAbove = options.elementsHexAbove ?? defaultHexElementLimit;
    this.elideElementsAbove = options.elideElementsAbove ?? -1;
    this.prettyLocs = options.prettyDebugInfo ?? false;
    this.noAliases = options.localScope ?? false;
  }

  // ---- output ----

  write(s: string): void {
    if (!this.collecting) this.out.write(s);
  }
  protected writeIndent(): void {
    if (!this.collecting) this.out.writeSpaces(this.indent);
  }
  /// The printed text (and a fresh start).
  protected takeText(): string {
    const text = this.out.toString();
    this.out.clear();
    return text;
  }
  printNewline(): void {
    this.write("\n");
    this.writeIndent();
  }

  /// `t` alone, without aliases (diagnostics spell out layouts, as MLIR's).
  typeText(t: Type): string {
    this.noAliases = true;
    this.printType(t);
    return this.takeText();
  }

  /// `a` alone, without aliases.
  attrText(a: Attribute): string {
    this.noAliases = true;
    this.printAttribute(a);
    return this.takeText();
  }

  /// The alias definitions that must precede the top-level op (`deferred` false) or may follow it (true).
  protected printAliasDefs(deferred: boolean): void {
    for (const e of this.aliasDefs) {
      if (e.deferrable !== deferred) continue;
      this.write("#" + this.aliasNames.get(e.sym as Attribute)! + " = ");
      this.printAttrImpl(e.sym as Attribute, Elide.Never, true);
      this.write("\n");
    }
  }

  /// Visits an attribute or type during the alias collection (MLIR's AliasInitializer::visit): the first visit
  /// walks its children; a visit that may not be deferred makes the entry and its children non-deferrable.
  private collect(sym: Attribute | Type, isType: boolean, elide: Elide, deferrable: boolean): void {
    let e = this.visited.get(sym);
    if (e === undefined) {
      const base = isType ? null : this.aliasBase(sym as Attribute);
      e = { sym, base, depth: base === null ? 0 : 1, order: this.visited.size, deferrable, children: [] };
      this.visited.set(sym, e);
      const parent = this.parentEntry, parentDepth = this.childDepth, parentDeferrable = this.deferrable;
      this.parentEntry = e;
      this.childDepth = 0;
      this.deferrable = deferrable;
      if (isType) this.printTypeImpl(sym as Type);
      else this.printAttrImpl(sym as Attribute, elide, true);
      if (this.childDepth > 0) e.depth = this.childDepth + 1;
      this.parentEntry = parent;
      this.childDepth = parentDepth;
      this.deferrable = parentDeferrable;
    } else if (!deferrable) markNonDeferrable(e);
    if (this.parentEntry !== null) {
      this.parentEntry.children.push(e);
      if (e.depth > this.childDepth) this.childDepth = e.depth;
    }
  }

  /// Visits a location printed after an op (`deferrable`) or an argument during the alias collection.
  protected collectLoc(loc: Location, deferrable: boolean): void {
    this.collect(loc, false, Elide.Never, deferrable);
  }

  /// The alias name prefix MLIR's OpAsmDialectInterface gives `a`, or null.
  private aliasBase(a: Attribute): string | null {
    switch (a.kind) {
      case AttrKind.AffineMap: return "map";
      case AttrKind.IntegerSet: return "set";
      case AttrKind.Distinct: return (a as DistinctAttr).referenced.kind === AttrKind.Unit ? null : "distinct";
      case AttrKind.Dialect: return registry.lookupAttr((a as DialectAttr).def.name)?.alias ?? null;
      default: return isLocation(a) ? "loc" : null;
    }
  }
  printTypes(ts: readonly Type[]): void {
    for (let i = 0; i < ts.length; i++) { if (i) this.write(", "); this.printType(ts[i]); }
  }
  printSymbolName(name: string): void { if (!this.collecting) this.write(symbolName(name)); }
  printString(s: string): void { if (!this.collecting) this.write(escapeString(s)); }
  printKeywordOrString(s: string): void { if (!this.collecting) this.write(keywordOrString(s)); }
  printAttribute(a: Attribute): void { this.printAttrImpl(a, Elide.Never); }
  printAttributeWithoutType(a: Attribute): void {
    if (a.kind === AttrKind.Integer) {
      const ia = a as IntegerAttr;
      if (ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 1) this.write(ia.value ? "true" : "false");
      else this.write(String(ia.value));
    } else if (a.kind === AttrKind.Float) this.write(formatFloatAttr(a as FloatAttr).text);
    else if (a.kind === AttrKind.String) this.write(escapeString((a as StringAttr).value));
    else if (a.kind === AttrKind.DenseElements) this.printDense(a as DenseElementsAttr, false);
    else if (a.kind === AttrKind.Opaque) this.write(dialectSymbol("#", (a as OpaqueAttr).dialect, (a as OpaqueAttr).data));
    else this.printAttrImpl(a, Elide.Never);
  }

  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.write("(");
    this.printTypes(inputs);
    this.write(") -> ");
    const wrap = results.length !== 1 || results[0].kind === TypeKind.Function;
    if (wrap) this.write("(");
    this.printTypes(results);
    if (wrap) this.write(")");
  }
  printOptionalArrowTypeList(ts: readonly Type[]): void {
    if (!ts.length) return;
    this.write(" -> ");
    const wrap = ts.length !== 1 || ts[0].kind === TypeKind.Function;
    if (wrap) this.write("(");
    this.printTypes(ts);
    if (wrap) this.write(")");
  }
  protected printNamedAttrs(es: readonly NamedAttribute[]): void {
    this.write("{");
    for (let i = 0; i < es.length; i++) {
      if (i) this.write(", ");
      const e = es[i];
      this.write(keywordOrString(e.name));
      if (e.value.kind === AttrKind.Unit) continue;
      this.write(" = ");
      this.printAttrImpl(e.value, Elide.Never);
    }
    this.write("}");
  }
  /// A block argument's location: inline (its nested locations may use aliases), as MLIR prints it.
  protected printArgLoc(loc: Location): void {
    if (this.collecting) this.collectLoc(loc, false);
    else this.printTrailingLoc(loc, false);
  }
  /// ` loc(...)`; with `allowAlias` the whole location may print as its alias (MLIR's printTrailingLocation). In pretty
  /// form the location prints inline without `loc(...)`, never as its alias (its nested locations may).
  protected printTrailingLoc(loc: Location, allowAlias: boolean): void {
    if (this.prettyLocs) { this.write(" "); this.printLocInner(loc, true); return; }
    const alias = allowAlias ? this.aliasNames.get(loc) : undefined;
    if (alias !== undefined) { this.write(" loc(#" + alias + ")"); return; }
    this.write(" loc(");
    this.printLocInner(loc, true);
    this.write(")");
  }

  // ---- types ----

  printType(t: Type): void {
    if (this.collecting) this.collect(t, true, Elide.Never, this.deferrable);
    else this.printTypeImpl(t);
  }

  private printTypeImpl(t: Type): void {
    switch (t.kind) {
      case TypeKind.Integer: {
        const it = t as IntegerType;
        this.write((it.signedness === Signedness.Signed ? "si" : it.signedness === Signedness.Unsigned ? "ui" : "i") + it.width);
        return;
      }
      case TypeKind.Index: this.write("index"); return;
      case TypeKind.None: this.write("none"); return;
      case TypeKind.Float: this.write((t as FloatType).name); return;
      case TypeKind.Function: { const ft = t as FunctionType; this.printFunctionalType(ft.inputs, ft.results); return; }
      case TypeKind.MemRef: {
        const mt = t as MemRefType;
        this.write("memref<");
        this.printDims(mt.shape);
        this.printType(mt.elementType);
        if (mt.layout !== null) { this.write(", "); this.printAttribute(mt.layout); }
        if (mt.memorySpace !== null) { this.write(", "); this.printAttrImpl(mt.memorySpace, Elide.May); }
        this.write(">");
        return;
      }
      case TypeKind.UnrankedMemRef: {
        const mt = t as UnrankedMemRefType;
        this.write("memref<*x");
        this.printType(mt.elementType);
        if (mt.memorySpace !== null) { this.write(", "); this.printAttrImpl(mt.memorySpace, Elide.May); }
        this.write(">");
        return;
      }
      case TypeKind.Tensor: {
        const tt = t as RankedTensorType;
        this.write("tensor<");
        this.printDims(tt.shape);
        this.printType(tt.elementType);
        if (tt.encoding !== null) { this.write(", "); this.printAttribute(tt.encoding); }
        this.write(">");
        return;
      }
      case TypeKind.UnrankedTensor: this.write("tensor<*x"); this.printType((t as UnrankedTensorType).elementType); this.write(">"); return;
      case TypeKind.Vector: {
        const vt = t as VectorType;
        this.write("vector<");
        vt.shape.forEach((d, i) => this.write(vt.scalableDims[i] ? `[${integerText(d)}]x` : `${integerText(d)}x`));
        this.printType(vt.elementType);
        this.write(">");
        return;
      }
      case TypeKind.Tuple: this.write("tuple<"); this.printTypes((t as TupleType).types); this.write(">"); return;
      case TypeKind.Complex: this.write("complex<"); this.printType((t as ComplexType).elementType); this.write(">"); return;
      case TypeKind.Opaque: this.write(dialectSymbol("!", (t as OpaqueType).dialect, (t as OpaqueType).data)); return;
      case TypeKind.Dialect: {
        const dt = t as DialectType;
        const syn = registry.lookupType(dt.def.name);
        this.write("!" + dt.def.name);
        if (syn !== null) syn.print(this.dialectPrinter, t);
        return;
      }
    }
  }

  private printDims(shape: readonly number[]): void {
    for (const d of shape) this.write(d === kDynamic ? "?x" : `${integerText(d)}x`);
  }

  // ---- attributes ----

  /// Prints `a`, or its alias; `top` prints the attribute itself even if it has an alias (alias definitions).
  protected printAttrImpl(a: Attribute, elide: Elide, top = false): void {
    if (!top && !this.noAliases) {
      if (this.collecting) { this.collect(a, false, elide, this.deferrable); return; }
      const alias = this.aliasNames.get(a);
      if (alias !== undefined) { this.write("#" + alias); return; }
    }
    switch (a.kind) {
      case AttrKind.Integer: {
        const ia = a as IntegerAttr;
        if (ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 1 && (ia.type as IntegerType).signedness === Signedness.Signless) {
          this.write(ia.value ? "true" : "false");
          return;
        }
        this.write(String(ia.value));
        if (elide === Elide.May && ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 64 && (ia.type as IntegerType).signedness === Signedness.Signless) return;
        this.write(" : ");
        this.printType(ia.type);
        return;
      }
      case AttrKind.Float: {
        const fa = a as FloatAttr;
        const f = formatFloatAttr(fa);
        this.write(f.text);
        if (elide === Elide.May && fa.type.name === "f64" && !f.hex) return;
        this.write(" : ");
        this.printType(fa.type);
        return;
      }
      case AttrKind.String: {
        const sa = a as StringAttr;
        this.write(escapeString(sa.value));
        if (sa.type !== null && sa.type.kind !== TypeKind.None) { this.write(" : "); this.printType(sa.type); }
        return;
      }
      case AttrKind.Unit: this.write("unit"); return;
      case AttrKind.Array: {
        const es = (a as ArrayAttr).elements;
        this.write("[");
        for (let i = 0; i < es.length; i++) { if (i) this.write(", "); this.printAttrImpl(es[i], Elide.May); }
        this.write("]");
        return;
      }
      case AttrKind.Dictionary: this.printNamedAttrs((a as DictionaryAttr).entries); return;
      case AttrKind.SymbolRef: {
        const sr = a as SymbolRefAttr;
        this.write(symbolName(sr.root));
        for (const n of sr.nested) this.write("::" + symbolName(n));
        return;
      }
      case AttrKind.TypeAttr: this.printType((a as TypeAttr).type); return;
      case AttrKind.AffineMap: this.write(`affine_map<${printAffineMap((a as AffineMapAttr).map)}>`); return;
      case AttrKind.IntegerSet: this.write(`affine_set<${printIntegerSet((a as IntegerSetAttr).set)}>`); return;
      case AttrKind.DenseArray: {
        const da = a as DenseArrayAttr;
        this.write("array<");
        this.printType(da.elementType);
        if (da.values.length) {
          this.write(": ");
          const et = da.elementType;
          const isBool = et.kind === TypeKind.Integer && (et as IntegerType).width === 1;
          da.values.forEach((v, i) => {
            if (i) this.write(", ");
            if (isBool) this.write(v ? "true" : "false");
            else if (et.kind === TypeKind.Float) this.write(formatFloat(v, et as FloatType).text);
            else this.write(integerText(v)); // exact for INT64_MIN (kDynamic)
          });
        }
        this.write(">");
        return;
      }
      case AttrKind.DenseElements: this.printDense(a as DenseElementsAttr, true); return;
      case AttrKind.StridedLayout: {
        const sl = a as StridedLayoutAttr;
        const d = (x: number) => (x === kDynamic ? "?" : integerText(x));
        this.write("strided<[" + sl.strides.map(d).join(", ") + "]");
        if (sl.offset !== 0) this.write(", offset: " + d(sl.offset));
        this.write(">");
        return;
      }
      case AttrKind.Opaque: {
        const oa = a as OpaqueAttr;
        this.write(dialectSymbol("#", oa.dialect, oa.data));
        if (oa.type !== null) { this.write(" : "); this.printType(oa.type); }
        return;
      }
      case AttrKind.Dialect: {
        const da = a as DialectAttr;
        this.write("#" + da.def.name);
        registry.lookupAttr(da.def.name)?.print(this.dialectPrinter, a);
        return;
      }
      case AttrKind.Distinct: {
        const d = a as DistinctAttr;
        let id = this.distinctIds.get(d);
        if (id === undefined && !this.collecting) { id = this.distinctIds.size; this.distinctIds.set(d, id); }
        this.write(`distinct[${id}]<`);
        if (d.referenced.kind !== AttrKind.Unit) this.printAttrImpl(d.referenced, Elide.Never);
        this.write(">");
        return;
      }
      case AttrKind.DenseStringElements: {
        const d = a as DenseStringElementsAttr;
        this.write(this.elides(d.splat, d.type) ? elidedElements : `dense<${denseStringText(d, escapeString)}>`);
        this.write(" : ");
        this.printType(d.type);
        return;
      }
      case AttrKind.SparseElements: {
        const sp = a as SparseElementsAttr;
        if (this.elides(false, sp.type)) this.write(elidedElements);
        else {
          this.write("sparse<");
          if (sp.indices.type.numElements !== 0) {
            this.write(denseElementsText(sp.indices, -1) + ", ");
            this.write(sp.values.kind === AttrKind.DenseElements ? denseElementsText(sp.values as DenseElementsAttr, this.elementsHexAbove) : denseStringText(sp.values as DenseStringElementsAttr, escapeString));
          }
          this.write(">");
        }
        this.write(" : ");
        this.printType(sp.type);
        return;
      }
      case AttrKind.DenseResourceElements: {
        const dr = a as DenseResourceElementsAttr;
        if (!this.collecting) this.usedResources.add(dr.handle);
        this.write(`dense_resource<${keywordOrString(dr.handle.key)}> : `);
        this.printType(dr.type);
        return;
      }
      default:
        if (this.prettyLocs) { this.printLocInner(a as Location, true); return; }
        this.write("loc(");
        this.printLocInner(a as Location, true);
        this.write(")");
    }
  }

  /// Whether an elements attribute prints elided (MLIR's OpPrintingFlags::shouldElideElementsAttr).
  private elides(splat: boolean, type: ShapedType): boolean {
    return this.elideElementsAbove >= 0 && !splat && type.numElements > this.elideElementsAbove;
  }

  private printDense(d: DenseElementsAttr, withType: boolean): void {
    this.write(this.elides(d.splat, d.type) ? elidedElements : `dense<${denseElementsText(d, this.elementsHexAbove)}>`);
    if (withType) { this.write(" : "); this.printType(d.type); }
  }

  /// The body of a location; nested locations use their aliases unless aliases are off (MLIR's printLocationInternal,
  /// in its pretty form under --mlir-pretty-debuginfo).
  private printLocInner(l: Location, isTopLevel = true): void {
    if (!isTopLevel && !this.noAliases) {
      if (this.collecting) { this.collect(l, false, Elide.Never, this.deferrable); return; }
      const alias = this.aliasNames.get(l);
      if (alias !== undefined) { this.write("#" + alias); return; }
    }
    // MLIR's pretty form (--mlir-pretty-debuginfo): `[unknown]`, the file name unquoted, a call site as
    // `callee at caller` (on a new line unless the callee is a name and the caller a file location), no `fused`.
    const pretty = this.prettyLocs;
    switch (l.kind) {
      case AttrKind.UnknownLoc: this.write(pretty ? "[unknown]" : "unknown"); return;
      case AttrKind.FileLineColLoc: { const f = l as FileLineColLoc; this.write(`${pretty ? f.file : escapeString(f.file)}:${f.line}:${f.col}`); return; }
      case AttrKind.NameLoc: {
        const n = l as NameLoc;
        this.write(escapeString(n.name));
        if (n.child.kind !== AttrKind.UnknownLoc) { this.write("("); this.printLocInner(n.child, false); this.write(")"); }
        return;
      }
      case AttrKind.CallSiteLoc: {
        const c = l as CallSiteLoc;
        if (!pretty) this.write("callsite(");
        this.printLocInner(c.callee, false);
        this.write(!pretty || (c.callee.kind === AttrKind.NameLoc && c.caller.kind === AttrKind.FileLineColLoc) ? " at " : "\n at ");
        this.printLocInner(c.caller, false);
        if (!pretty) this.write(")");
        return;
      }
      case AttrKind.FusedLoc: {
        const f = l as FusedLoc;
        if (!pretty) this.write("fused");
        if (f.metadata !== null) { this.write("<"); this.printAttribute(f.metadata); this.write(">"); }
        this.write("[");
        f.locations.forEach((x, i) => { if (i) this.write(", "); this.printLocInner(x, false); });
        this.write("]");
        return;
      }
    }
  }

  /// Names the attributes the collection met that take aliases, ordered by nesting depth, then name, then first use.
  protected nameAliases(): void {
    const cands: AliasEntry[] = [];
    for (const e of this.visited.values()) if (e.base !== null) cands.push(e);
    cands.sort((x, y) => x.depth - y.depth || (x.base! < y.base! ? -1 : x.base! > y.base! ? 1 : 0) || x.order - y.order);
    const counts = new Map<string, number>();
    for (const e of cands) {
      const n = counts.get(e.base!) ?? 0;
      counts.set(e.base!, n + 1);
      this.aliasNames.set(e.sym as Attribute, n === 0 ? e.base! : e.base! + n);
    }
    this.aliasDefs = cands;
    this.visited.clear();
  }

  /// The printer dialect types and attributes print their bodies with.
  protected abstract get dialectPrinter(): OpPrinter;
}

/// MLIR's printDialectSymbol: `!foo.bar<...>` when the data is an identifier with an optional `<...>` tail
/// (isDialectSymbolSimpleEnoughForPrettyForm), else `!foo<data>`.
function dialectSymbol(prefix: string, dialect: string, data: string): string {
  let i = 0;
  const c0 = data.charCodeAt(0);
  if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) {
    for (i = 1; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95)) break;
    }
    if (i === data.length || (data.charCodeAt(i) === 60 && data.charCodeAt(data.length - 1) === 62)) return `${prefix}${dialect}.${data}`;
  }
  return `${prefix}${dialect}<${data}>`;
}
