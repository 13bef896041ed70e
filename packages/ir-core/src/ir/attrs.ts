// Builtin attributes (incl. locations): immutable, interned (compare with ===), numeric kind tag.
import type { AffineMap, IntegerSet } from "../affine/index.js";
import { hashMix, hashNumber, hashSeed, hashString, HashBuckets, sameElements, sameNumbers } from "../support/intern.js";
import { Builtin, paramKey, Signedness, type DialectParam, type IntegerType, type ShapedType, type Type, type FloatType, TypeKind } from "./types.js";

/// Discriminates the attribute classes.
export enum AttrKind {
  Integer, Float, String, Unit, Array, Dictionary, DenseElements, DenseArray, SymbolRef, TypeAttr, AffineMap,
  IntegerSet, StridedLayout, Opaque, Dialect, Distinct, SparseElements, DenseResourceElements, DenseStringElements,
  UnknownLoc, FileLineColLoc, NameLoc, CallSiteLoc, FusedLoc,
}

let nextAttrId = 0;
/// Attributes of the rarer kinds, interned by a key string.
const keyedAttrs = new Map<string, Attribute>();

function intern<T extends Attribute>(key: string, make: (id: number) => T): T {
  const found = keyedAttrs.get(key);
  if (found !== undefined) return found as T;
  const a = make(nextAttrId++);
  keyedAttrs.set(key, a);
  return a;
}

/// The map of `outer` under `k`, created on first use (two-level interning tables).
function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, k: K): Map<K2, V> {
  let m = outer.get(k);
  if (m === undefined) { m = new Map(); outer.set(k, m); }
  return m;
}

function hashIds(h: number, xs: readonly { id: number }[]): number {
  h = hashMix(h, xs.length);
  for (let i = 0; i < xs.length; i++) h = hashMix(h, xs[i].id);
  return h;
}

/// Renders an attribute as MLIR text; installed by the printer module.
export let attrToString: (a: Attribute) => string = (a) => `<attr ${a.id}>`;
/// Installs the attribute stringifier (called once by the printer).
export function setAttrStringifier(f: (a: Attribute) => string): void {
  attrToString = f;
}

/// Base of every attribute.
export abstract class Attribute {
  declare readonly kind: AttrKind;
  declare readonly id: number;
  protected constructor(kind: AttrKind, id: number) {
    this.kind = kind;
    this.id = id;
  }
  toString(): string {
    return attrToString(this);
  }
}

/// An integer (or bool: `i1`) attribute. `value` is a number when |v| < 2^53, else a bigint.
export class IntegerAttr extends Attribute {
  declare readonly type: Type;
  declare readonly value: number | bigint;
  constructor(id: number, type: Type, value: number | bigint) {
    super(AttrKind.Integer, id);
    this.type = type;
    this.value = value;
  }
  /// The value as a JS number (may lose precision beyond 2^53).
  get num(): number { return Number(this.value); }
  /// The value as a bigint.
  get big(): bigint { return BigInt(this.value); }
}

/// Wraps `v` into the range of an integer of `width` bits (signed unless `unsigned`).
export function wrapInt(v: bigint, width: number, unsigned: boolean): bigint {
  return unsigned ? BigInt.asUintN(width, v) : BigInt.asIntN(width, v);
}

function normInt(type: Type, v: number | bigint): number | bigint {
  let b: bigint;
  if (type.kind === TypeKind.Integer) {
    const it = type as IntegerType;
    if (typeof v === "number" && it.width >= 53 && Number.isSafeInteger(v) && (v >= 0 || it.signedness !== Signedness.Unsigned)) return v;
    b = wrapInt(BigInt(v), it.width, it.signedness === Signedness.Unsigned);
  } else if (type.kind === TypeKind.Index) {
    if (typeof v === "number") return v;
    b = BigInt.asIntN(64, v);
  } else return v;
  return b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n ? Number(b) : b;
}

const integerAttrs = new Map<Type, Map<number | bigint, IntegerAttr>>();
/// The integer attribute of `type` holding `value` (wrapped into the type's width).
export function getIntegerAttr(type: Type, value: number | bigint): IntegerAttr {
  const v = normInt(type, value);
  const byValue = inner(integerAttrs, type);
  let a = byValue.get(v); // a Map compares bigints by value
  if (a === undefined) { a = new IntegerAttr(nextAttrId++, type, v); byValue.set(v, a); }
  return a;
}
/// `true` / `false` (an `i1` integer attribute).
export function getBoolAttr(b: boolean): IntegerAttr {
  return getIntegerAttr(Builtin.i1, b ? 1 : 0);
}
/// An index-typed integer attribute.
export function getIndexAttr(v: number): IntegerAttr { return getIntegerAttr(Builtin.index, v); }
/// An i64 integer attribute.
export function getI64Attr(v: number): IntegerAttr { return getIntegerAttr(Builtin.i64, v); }

/// Rounds `v` to the precision of a float type (f32, f16, bf16 as IEEE round-to-nearest-even).
export function roundToFloatType(type: FloatType, v: number): number {
  switch (type.name) {
    case "f32": return Math.fround(v);
    case "f16": return roundToBits(v, 11, 5);
    case "bf16": return roundToBits(v, 8, 8);
    case "tf32": return roundToBits(v, 11, 8);
    default: return v;
  }
}

/// Rounds a double to a binary format with `precision` significand bits and `expBits` exponent bits.
export function roundToBits(v: number, precision: number, expBits: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const emax = (1 << (expBits - 1)) - 1;
  const emin = 1 - emax;
  const a = Math.abs(v);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  const q = Math.max(e, emin) - (precision - 1); // quantum exponent
  const scaled = a / 2 ** q; // exact: a power-of-two scaling
  const fl = Math.floor(scaled);
  const frac = scaled - fl;
  const r = frac > 0.5 || (frac === 0.5 && fl % 2 === 1) ? fl + 1 : fl;
  const out = r * 2 ** q;
  const max = (2 - 2 ** (1 - precision)) * 2 ** emax;
  if (out > max) return v > 0 ? Infinity : -Infinity;
  return v < 0 ? -out : out;
}

/// A float attribute (value already rounded to the type).
export class FloatAttr extends Attribute {
  declare readonly type: FloatType;
  declare readonly value: number;
  /// The raw bits of a NaN other than the one `getFloatAttr` makes (MLIR keeps a NaN's sign and payload), else null.
  declare readonly nanBits: bigint | null;
  constructor(id: number, type: FloatType, value: number, nanBits: bigint | null) {
    super(AttrKind.Float, id);
    this.type = type;
    this.value = value;
    this.nanBits = nanBits;
  }
}
const floatAttrs = new Map<Type, Map<number | string, FloatAttr>>();
/// The float attribute of `type` with `value` rounded to the type's precision.
export function getFloatAttr(type: FloatType, value: number): FloatAttr {
  // All NaNs share one attribute; store the canonical quiet NaN so its printed bits never depend on which NaN came first.
  const v = Number.isNaN(value) ? Number.NaN : roundToFloatType(type, value);
  const key = Object.is(v, -0) ? "-0" : v; // a Map key: -0 would find 0; NaN finds NaN
  const byValue = inner(floatAttrs, type);
  let a = byValue.get(key);
  if (a === undefined) { a = new FloatAttr(nextAttrId++, type, v, null); byValue.set(key, a); }
  return a;
}
/// The NaN of `type` with raw bits `bits`: bits that are not those of the NaN `getFloatAttr` makes (the syntax layer
/// knows them: see floatAttrFromBits), so the sign and payload survive printing.
export function getNaNFloatAttr(type: FloatType, bits: bigint): FloatAttr {
  const byValue = inner(floatAttrs, type);
  const key = "nan:" + bits.toString(16);
  let a = byValue.get(key);
  if (a === undefined) { a = new FloatAttr(nextAttrId++, type, Number.NaN, bits); byValue.set(key, a); }
  return a;
}

/// `"text"` with an optional type (`"x" : i32`).
export class StringAttr extends Attribute {
  declare readonly value: string;
  declare readonly type: Type | null;
  constructor(id: number, value: string, type: Type | null) {
    super(AttrKind.String, id);
    this.value = value;
    this.type = type;
  }
}
const stringAttrs = new Map<Type | null, Map<string, StringAttr>>();
/// A string attribute.
export function getStringAttr(value: string, type: Type | null = null): StringAttr {
  const byValue = inner(stringAttrs, type);
  let a = byValue.get(value);
  if (a === undefined) { a = new StringAttr(nextAttrId++, value, type); byValue.set(value, a); }
  return a;
}

/// `unit`.
export class UnitAttr extends Attribute {
  constructor(id: number) { super(AttrKind.Unit, id); }
}
/// The unit attribute.
export const unitAttr: UnitAttr = intern("unit", (id) => new UnitAttr(id));

/// `[a, b, c]`.
export class ArrayAttr extends Attribute {
  declare readonly elements: readonly Attribute[];
  constructor(id: number, elements: readonly Attribute[]) { super(AttrKind.Array, id); this.elements = elements; }
}
const arrayAttrs = new HashBuckets<ArrayAttr>();
function sameArray(a: ArrayAttr, elements: readonly Attribute[]): boolean { return sameElements(a.elements, elements); }
/// An array attribute.
export function getArrayAttr(elements: readonly Attribute[]): ArrayAttr {
  const h = hashIds(hashSeed, elements);
  return arrayAttrs.find(h, sameArray, elements, null, null, null) ?? arrayAttrs.add(h, new ArrayAttr(nextAttrId++, elements.slice()));
}

/// A name and its attribute value.
export interface NamedAttribute { readonly name: string; readonly value: Attribute }

/// `{a = 1 : i32, b}`: entries sorted by name, names unique.
export class DictionaryAttr extends Attribute {
  declare readonly entries: readonly NamedAttribute[];
  constructor(id: number, entries: readonly NamedAttribute[]) { super(AttrKind.Dictionary, id); this.entries = entries; }
  /// The value of `name`, or null.
  get(name: string): Attribute | null {
    const es = this.entries;
    for (let i = 0; i < es.length; i++) if (es[i].name === name) return es[i].value;
    return null;
  }
  get size(): number { return this.entries.length; }
  /// A dictionary with `name` set to `value` (null removes it).
  with(name: string, value: Attribute | null): DictionaryAttr {
    const rest = this.entries.filter((e) => e.name !== name);
    if (value !== null) rest.push({ name, value });
    return getDictionaryAttr(rest);
  }
}

function cmpNames(a: NamedAttribute, b: NamedAttribute): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const dictAttrs = new HashBuckets<DictionaryAttr>();
function sameDict(d: DictionaryAttr, es: readonly NamedAttribute[]): boolean {
  const ds = d.entries;
  if (ds.length !== es.length) return false;
  for (let i = 0; i < es.length; i++) if (ds[i].value !== es[i].value || ds[i].name !== es[i].name) return false;
  return true;
}
/// The empty dictionary.
export const emptyDict: DictionaryAttr = dictAttrs.add(hashMix(hashSeed, 0), new DictionaryAttr(nextAttrId++, []));
/// A dictionary attribute from entries in any order (the last of duplicate names wins).
export function getDictionaryAttr(entries: readonly NamedAttribute[]): DictionaryAttr {
  if (entries.length === 0) return emptyDict;
  let sorted = true;
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].name >= entries[i].name) { sorted = false; break; }
  let es = entries;
  if (!sorted) {
    const m = new Map<string, Attribute>();
    for (const e of entries) m.set(e.name, e.value);
    es = [...m].map(([name, value]) => ({ name, value })).sort(cmpNames);
  }
  let h = hashMix(hashSeed, es.length);
  for (let i = 0; i < es.length; i++) h = hashMix(hashString(h, es[i].name), es[i].value.id);
  return dictAttrs.find(h, sameDict, es, null, null, null) ?? dictAttrs.add(h, new DictionaryAttr(nextAttrId++, es.slice()));
}

/// Values of a dense elements attribute: numbers (ints, floats), bigints beyond 2^53, or [re, im] pairs.
export type DenseValue = number | bigint | string;

/// `dense<...> : tensor<...>`; `splat` means one value for every element.
export class DenseElementsAttr extends Attribute {
  declare readonly type: ShapedType;
  declare readonly splat: boolean;
  declare readonly values: readonly DenseValue[];
  constructor(id: number, type: ShapedType, splat: boolean, values: readonly DenseValue[]) {
    super(AttrKind.DenseElements, id);
    this.type = type;
    this.splat = splat;
    this.values = values;
  }
  /// The value of the flat element `i`.
  at(i: number): DenseValue { return this.splat ? this.values[0] : this.values[i]; }
}
/// A dense elements attribute; a list whose values are all equal becomes a splat, as in MLIR.
export function getDenseElementsAttr(type: ShapedType, values: readonly DenseValue[]): DenseElementsAttr {
  // Complex elements are stored as (re, im) pairs.
  const stride = type.elementType.kind === TypeKind.Complex ? 2 : 1;
  let splat = values.length === stride;
  if (!splat && values.length > 0) {
    splat = true;
    for (let i = stride; i < values.length; i++) if (!Object.is(values[i], values[i % stride])) { splat = false; break; }
  }
  const vs = splat ? values.slice(0, stride) : values.slice();
  return intern(`de:${type.id}:${splat ? 1 : 0}:${vs.map(String).join(",")}`, (id) => new DenseElementsAttr(id, type, splat, vs));
}

/// `dense<"a"> : tensor<2x!foo.string>`: string elements of a shaped type whose element type is not a number.
export class DenseStringElementsAttr extends Attribute {
  declare readonly type: ShapedType;
  declare readonly splat: boolean;
  declare readonly values: readonly string[];
  constructor(id: number, type: ShapedType, splat: boolean, values: readonly string[]) {
    super(AttrKind.DenseStringElements, id);
    this.type = type;
    this.splat = splat;
    this.values = values;
  }
}
/// A dense string elements attribute (equal values become a splat).
export function getDenseStringElementsAttr(type: ShapedType, values: readonly string[]): DenseStringElementsAttr {
  const splat = values.length > 0 && values.every((v) => v === values[0]);
  const vs = splat ? [values[0]] : values.slice();
  let key = `ds:${type.id}:${splat ? 1 : 0}`;
  for (const v of vs) key += "\u0000" + v;
  return intern(key, (id) => new DenseStringElementsAttr(id, type, splat, vs));
}

/// `sparse<indices, values> : type`: `indices` is an i64 tensor of shape [N, rank], `values` has N elements.
export class SparseElementsAttr extends Attribute {
  declare readonly type: ShapedType;
  declare readonly indices: DenseElementsAttr;
  declare readonly values: DenseElementsAttr | DenseStringElementsAttr;
  constructor(id: number, type: ShapedType, indices: DenseElementsAttr, values: DenseElementsAttr | DenseStringElementsAttr) {
    super(AttrKind.SparseElements, id);
    this.type = type;
    this.indices = indices;
    this.values = values;
  }
}
/// A sparse elements attribute.
export function getSparseElementsAttr(type: ShapedType, indices: DenseElementsAttr, values: DenseElementsAttr | DenseStringElementsAttr): SparseElementsAttr {
  return intern(`sp:${type.id}:${indices.id}:${values.id}`, (id) => new SparseElementsAttr(id, type, indices, values));
}

/// A blob of a `{-# dialect_resources #-}` entry: its alignment and bytes.
export interface ResourceBlob { readonly alignment: number; readonly data: Uint8Array }

/// A named handle into the builtin dialect's resources; its blob is known once the file metadata is parsed.
export class DenseResourceHandle {
  declare readonly key: string;
  declare blob: ResourceBlob | null;
  constructor(key: string) {
    this.key = key;
    this.blob = null;
  }
}

/// `dense_resource<key> : type`.
export class DenseResourceElementsAttr extends Attribute {
  declare readonly type: ShapedType;
  declare readonly handle: DenseResourceHandle;
  constructor(id: number, type: ShapedType, handle: DenseResourceHandle) {
    super(AttrKind.DenseResourceElements, id);
    this.type = type;
    this.handle = handle;
  }
}
const handleIds = new WeakMap<DenseResourceHandle, number>();
let nextHandleId = 0;
/// A dense resource elements attribute of `handle`.
export function getDenseResourceElementsAttr(type: ShapedType, handle: DenseResourceHandle): DenseResourceElementsAttr {
  let hid = handleIds.get(handle);
  if (hid === undefined) { hid = nextHandleId++; handleIds.set(handle, hid); }
  return intern(`dr:${type.id}:${hid}`, (id) => new DenseResourceElementsAttr(id, type, handle));
}

/// `distinct[N]<attr>`: an attribute equal only to itself, referencing `referenced` (MLIR's DistinctAttr).
export class DistinctAttr extends Attribute {
  declare readonly referenced: Attribute;
  constructor(id: number, referenced: Attribute) {
    super(AttrKind.Distinct, id);
    this.referenced = referenced;
  }
}
/// Creates a new distinct attribute (never interned: each call gives a different attribute).
export function createDistinctAttr(referenced: Attribute): DistinctAttr {
  return new DistinctAttr(nextAttrId++, referenced);
}

/// `array<i32: 1, 2>`.
export class DenseArrayAttr extends Attribute {
  declare readonly elementType: Type;
  declare readonly values: readonly number[];
  constructor(id: number, elementType: Type, values: readonly number[]) {
    super(AttrKind.DenseArray, id);
    this.elementType = elementType;
    this.values = values;
  }
}
const denseArrayAttrs = new HashBuckets<DenseArrayAttr>();
function sameDenseArray(a: DenseArrayAttr, elementType: Type, values: readonly number[]): boolean {
  return a.elementType === elementType && sameNumbers(a.values, values);
}
/// A dense array attribute.
export function getDenseArrayAttr(elementType: Type, values: readonly number[]): DenseArrayAttr {
  let h = hashMix(hashMix(hashSeed, elementType.id), values.length);
  for (let i = 0; i < values.length; i++) h = hashNumber(h, values[i]);
  return denseArrayAttrs.find(h, sameDenseArray, elementType, values, null, null) ?? denseArrayAttrs.add(h, new DenseArrayAttr(nextAttrId++, elementType, values.slice()));
}
/// `array<i32: ...>`, the common case.
export function getDenseI32ArrayAttr(values: readonly number[]): DenseArrayAttr { return getDenseArrayAttr(Builtin.i32, values); }
/// `array<i64: ...>`.
export function getDenseI64ArrayAttr(values: readonly number[]): DenseArrayAttr { return getDenseArrayAttr(Builtin.i64, values); }

/// `@root::@nested`.
export class SymbolRefAttr extends Attribute {
  declare readonly root: string;
  declare readonly nested: readonly string[];
  constructor(id: number, root: string, nested: readonly string[]) {
    super(AttrKind.SymbolRef, id);
    this.root = root;
    this.nested = nested;
  }
  /// The last name of the reference.
  get leaf(): string { return this.nested.length ? this.nested[this.nested.length - 1] : this.root; }
}
const flatSymbolRefs = new Map<string, SymbolRefAttr>();
/// A (possibly nested) symbol reference.
export function getSymbolRefAttr(root: string, nested: readonly string[] = []): SymbolRefAttr {
  if (nested.length !== 0) return intern(`sr:${root}\u0000${nested.join("\u0000")}`, (id) => new SymbolRefAttr(id, root, nested.slice()));
  let a = flatSymbolRefs.get(root);
  if (a === undefined) { a = new SymbolRefAttr(nextAttrId++, root, []); flatSymbolRefs.set(root, a); }
  return a;
}

/// A type used as an attribute.
export class TypeAttr extends Attribute {
  declare readonly type: Type;
  constructor(id: number, type: Type) { super(AttrKind.TypeAttr, id); this.type = type; }
}
const typeAttrs = new Map<Type, TypeAttr>();
/// The type attribute of `type`.
export function getTypeAttr(type: Type): TypeAttr {
  let a = typeAttrs.get(type);
  if (a === undefined) { a = new TypeAttr(nextAttrId++, type); typeAttrs.set(type, a); }
  return a;
}

/// `affine_map<...>`.
export class AffineMapAttr extends Attribute {
  declare readonly map: AffineMap;
  constructor(id: number, map: AffineMap) { super(AttrKind.AffineMap, id); this.map = map; }
}
const affineMapAttrs = new Map<AffineMap, AffineMapAttr>();
/// The attribute of an affine map.
export function getAffineMapAttr(map: AffineMap): AffineMapAttr {
  let a = affineMapAttrs.get(map);
  if (a === undefined) { a = new AffineMapAttr(nextAttrId++, map); affineMapAttrs.set(map, a); }
  return a;
}

/// `affine_set<...>`.
export class IntegerSetAttr extends Attribute {
  declare readonly set: IntegerSet;
  constructor(id: number, set: IntegerSet) { super(AttrKind.IntegerSet, id); this.set = set; }
}
const integerSetAttrs = new Map<IntegerSet, IntegerSetAttr>();
/// The attribute of an integer set.
export function getIntegerSetAttr(set: IntegerSet): IntegerSetAttr {
  let a = integerSetAttrs.get(set);
  if (a === undefined) { a = new IntegerSetAttr(nextAttrId++, set); integerSetAttrs.set(set, a); }
  return a;
}

/// `strided<[s0, s1], offset: o>` (kDynamic for `?`).
export class StridedLayoutAttr extends Attribute {
  declare readonly offset: number;
  declare readonly strides: readonly number[];
  constructor(id: number, offset: number, strides: readonly number[]) {
    super(AttrKind.StridedLayout, id);
    this.offset = offset;
    this.strides = strides;
  }
}
/// A strided layout.
export function getStridedLayoutAttr(offset: number, strides: readonly number[]): StridedLayoutAttr {
  return intern(`sl:${offset}:${strides.join(",")}`, (id) => new StridedLayoutAttr(id, offset, strides.slice()));
}

/// An attribute of an unregistered dialect, kept verbatim: `#foo.bar<...>` or `#foo<"...">` (`data` is `bar<...>`
/// or `"..."`), with its type (`: i32`) or null (MLIR's none).
export class OpaqueAttr extends Attribute {
  declare readonly dialect: string;
  declare readonly data: string;
  declare readonly type: Type | null;
  constructor(id: number, dialect: string, data: string, type: Type | null) {
    super(AttrKind.Opaque, id);
    this.dialect = dialect;
    this.data = data;
    this.type = type;
  }
}
/// An opaque attribute.
export function getOpaqueAttr(dialect: string, data: string, type: Type | null = null): OpaqueAttr {
  return intern(`oa:${dialect}:${type?.id ?? -1}:${data}`, (id) => new OpaqueAttr(id, dialect, data, type));
}

/// What a dialect attribute definition provides (its syntax lives with the dialect).
export interface DialectAttrDef { readonly name: string }

/// An attribute defined by a dialect (`#df.layout<[S0, R]>`).
export class DialectAttr extends Attribute {
  declare readonly def: DialectAttrDef;
  declare readonly params: readonly DialectParam[];
  constructor(id: number, def: DialectAttrDef, params: readonly DialectParam[]) {
    super(AttrKind.Dialect, id);
    this.def = def;
    this.params = params;
  }
}
/// The dialect attribute of `def` with `params`.
export function getDialectAttr(def: DialectAttrDef, params: readonly DialectParam[]): DialectAttr {
  return intern(`da:${def.name}:${paramKey(params)}`, (id) => new DialectAttr(id, def, params.slice()));
}

// ---- Locations ----

/// Base of location attributes.
export type Location = UnknownLoc | FileLineColLoc | NameLoc | CallSiteLoc | FusedLoc;

/// `loc(unknown)`.
export class UnknownLoc extends Attribute {
  constructor(id: number) { super(AttrKind.UnknownLoc, id); }
}
/// The unknown location.
export const unknownLoc: UnknownLoc = intern("loc?", (id) => new UnknownLoc(id));

/// `loc("file":line:col)`; `offset` is the buffer offset when known (for carets), else -1.
export class FileLineColLoc extends Attribute {
  declare readonly file: string;
  declare readonly line: number;
  declare readonly col: number;
  constructor(id: number, file: string, line: number, col: number) {
    super(AttrKind.FileLineColLoc, id);
    this.file = file;
    this.line = line;
    this.col = col;
  }
}
/// The locations of one file, by line: one location or the list of those of the same line. (A map, not an array: lines
/// come in any order when parsed ops make their locations on demand, and an array written at scattered indices
/// becomes a slow dictionary.)
interface FileLocs { readonly name: string; readonly lines: Map<number, FileLineColLoc | FileLineColLoc[]> }
const fileLocs = new Map<string, FileLocs>();
let lastFileLocs: FileLocs | null = null;
/// A file:line:col location.
export function getFileLineColLoc(file: string, line: number, col: number): FileLineColLoc {
  let f: FileLocs | null | undefined = lastFileLocs;
  if (f === null || file !== f.name) {
    f = fileLocs.get(file);
    // Locations of one file share the file name string of the first one.
    if (f === undefined) { f = { name: file, lines: new Map() }; fileLocs.set(file, f); }
    lastFileLocs = f;
  }
  const e = f.lines.get(line);
  if (e !== undefined) {
    if (!Array.isArray(e)) { if (e.col === col) return e; }
    else for (let i = 0; i < e.length; i++) if (e[i].col === col) return e[i];
  }
  const l = new FileLineColLoc(nextAttrId++, f.name, line, col);
  if (e === undefined) f.lines.set(line, l);
  else if (Array.isArray(e)) e.push(l);
  else f.lines.set(line, [e, l]);
  return l;
}

/// `loc("name"(child))`.
export class NameLoc extends Attribute {
  declare readonly name: string;
  declare readonly child: Location;
  constructor(id: number, name: string, child: Location) { super(AttrKind.NameLoc, id); this.name = name; this.child = child; }
}
const nameLocs = new Map<Location, Map<string, NameLoc>>();
/// A name location.
export function getNameLoc(name: string, child: Location = unknownLoc): NameLoc {
  const byName = inner(nameLocs, child);
  let l = byName.get(name);
  if (l === undefined) { l = new NameLoc(nextAttrId++, name, child); byName.set(name, l); }
  return l;
}

/// `loc(callsite(callee at caller))`.
export class CallSiteLoc extends Attribute {
  declare readonly callee: Location;
  declare readonly caller: Location;
  constructor(id: number, callee: Location, caller: Location) { super(AttrKind.CallSiteLoc, id); this.callee = callee; this.caller = caller; }
}
const callSiteLocs = new Map<Location, Map<Location, CallSiteLoc>>();
/// A call-site location.
export function getCallSiteLoc(callee: Location, caller: Location): CallSiteLoc {
  const byCaller = inner(callSiteLocs, callee);
  let l = byCaller.get(caller);
  if (l === undefined) { l = new CallSiteLoc(nextAttrId++, callee, caller); byCaller.set(caller, l); }
  return l;
}

/// `loc(fused<meta>[a, b])`.
export class FusedLoc extends Attribute {
  declare readonly locations: readonly Location[];
  declare readonly metadata: Attribute | null;
  constructor(id: number, locations: readonly Location[], metadata: Attribute | null) {
    super(AttrKind.FusedLoc, id);
    this.locations = locations;
    this.metadata = metadata;
  }
}
const fusedLocs = new HashBuckets<FusedLoc>();
function sameFused(f: FusedLoc, locs: readonly Location[], metadata: Attribute | null): boolean {
  return f.metadata === metadata && sameElements(f.locations, locs);
}
/// A fused location, simplified as MLIR's FusedLoc::get: nested fused locations with the same metadata are
/// flattened, unknown and repeated locations dropped; none left gives `unknown` (or `fused<meta>[unknown]`), one
/// without metadata gives that location.
export function getFusedLoc(locations: readonly Location[], metadata: Attribute | null = null): Location {
  const locs: Location[] = [];
  const add = (l: Location): void => { if (l.kind !== AttrKind.UnknownLoc && !locs.includes(l)) locs.push(l); };
  for (const l of locations) {
    if (l.kind === AttrKind.FusedLoc && (l as FusedLoc).metadata === metadata) (l as FusedLoc).locations.forEach(add);
    else add(l);
  }
  if (locs.length === 0) {
    if (metadata === null) return unknownLoc;
    locs.push(unknownLoc);
  } else if (locs.length === 1 && metadata === null) return locs[0];
  const h = hashMix(hashIds(hashSeed, locs), metadata?.id ?? -1);
  return fusedLocs.find(h, sameFused, locs, metadata, null, null) ?? fusedLocs.add(h, new FusedLoc(nextAttrId++, locs, metadata));
}

/// True for location attributes.
export function isLocation(a: Attribute): a is Location {
  return a.kind >= AttrKind.UnknownLoc;
}
