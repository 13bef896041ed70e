// Builtin attributes (incl. locations): immutable, interned (compare with ===), numeric kind tag.
import type { AffineMap, IntegerSet } from "../affine/index.js";
import { Builtin, paramKey, Signedness, type DialectParam, type IntegerType, type ShapedType, type Type, type FloatType, TypeKind } from "./types.js";

/// Discriminates the attribute classes.
export enum AttrKind {
  Integer, Float, String, Unit, Array, Dictionary, DenseElements, DenseArray, SymbolRef, TypeAttr, AffineMap,
  IntegerSet, StridedLayout, Opaque, Dialect, Distinct, SparseElements, DenseResourceElements, DenseStringElements,
  UnknownLoc, FileLineColLoc, NameLoc, CallSiteLoc, FusedLoc,
}

let nextAttrId = 0;
const attrTable = new Map<string, Attribute>();

function intern<T extends Attribute>(key: string, make: (id: number) => T): T {
  const found = attrTable.get(key);
  if (found !== undefined) return found as T;
  const a = make(nextAttrId++);
  attrTable.set(key, a);
  return a;
}

/// Renders an attribute as MLIR text; installed by the printer module.
export let attrToString: (a: Attribute) => string = (a) => `<attr ${a.id}>`;
/// Installs the attribute stringifier (called once by the printer).
export function setAttrStringifier(f: (a: Attribute) => string): void {
  attrToString = f;
}

/// Base of every attribute.
export abstract class Attribute {
  readonly kind: AttrKind;
  readonly id: number;
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
  readonly type: Type;
  readonly value: number | bigint;
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

/// The integer attribute of `type` holding `value` (wrapped into the type's width).
export function getIntegerAttr(type: Type, value: number | bigint): IntegerAttr {
  const v = normInt(type, value);
  return intern(`i:${type.id}:${v}`, (id) => new IntegerAttr(id, type, v));
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
  readonly type: FloatType;
  readonly value: number;
  constructor(id: number, type: FloatType, value: number) {
    super(AttrKind.Float, id);
    this.type = type;
    this.value = value;
  }
}
/// The float attribute of `type` with `value` rounded to the type's precision.
export function getFloatAttr(type: FloatType, value: number): FloatAttr {
  // All NaNs share one attribute; store the canonical quiet NaN so its printed bits never depend on which NaN came first.
  const v = Number.isNaN(value) ? Number.NaN : roundToFloatType(type, value);
  const key = Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "nan" : String(v);
  return intern(`f:${type.id}:${key}`, (id) => new FloatAttr(id, type, v));
}

/// `"text"` with an optional type (`"x" : i32`).
export class StringAttr extends Attribute {
  readonly value: string;
  readonly type: Type | null;
  constructor(id: number, value: string, type: Type | null) {
    super(AttrKind.String, id);
    this.value = value;
    this.type = type;
  }
}
/// A string attribute.
export function getStringAttr(value: string, type: Type | null = null): StringAttr {
  return intern(`s:${type?.id ?? ""}:${value}`, (id) => new StringAttr(id, value, type));
}

/// `unit`.
export class UnitAttr extends Attribute {
  constructor(id: number) { super(AttrKind.Unit, id); }
}
/// The unit attribute.
export const unitAttr: UnitAttr = intern("unit", (id) => new UnitAttr(id));

function ids(xs: readonly { id: number }[]): string {
  let s = "";
  for (let i = 0; i < xs.length; i++) s += xs[i].id + ",";
  return s;
}

/// `[a, b, c]`.
export class ArrayAttr extends Attribute {
  readonly elements: readonly Attribute[];
  constructor(id: number, elements: readonly Attribute[]) { super(AttrKind.Array, id); this.elements = elements; }
}
/// An array attribute.
export function getArrayAttr(elements: readonly Attribute[]): ArrayAttr {
  return intern(`a:${ids(elements)}`, (id) => new ArrayAttr(id, elements.slice()));
}

/// A name and its attribute value.
export interface NamedAttribute { readonly name: string; readonly value: Attribute }

/// `{a = 1 : i32, b}`: entries sorted by name, names unique.
export class DictionaryAttr extends Attribute {
  readonly entries: readonly NamedAttribute[];
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

/// A dictionary attribute from entries in any order (the last of duplicate names wins).
export function getDictionaryAttr(entries: readonly NamedAttribute[]): DictionaryAttr {
  let sorted = true;
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].name >= entries[i].name) { sorted = false; break; }
  let es = entries;
  if (!sorted) {
    const m = new Map<string, Attribute>();
    for (const e of entries) m.set(e.name, e.value);
    es = [...m].map(([name, value]) => ({ name, value })).sort(cmpNames);
  }
  let key = "d:";
  for (let i = 0; i < es.length; i++) key += es[i].name + "\u0000" + es[i].value.id + ",";
  return intern(key, (id) => new DictionaryAttr(id, es.slice()));
}
/// The empty dictionary.
export const emptyDict: DictionaryAttr = getDictionaryAttr([]);

/// Values of a dense elements attribute: numbers (ints, floats), bigints beyond 2^53, or [re, im] pairs.
export type DenseValue = number | bigint | string;

/// `dense<...> : tensor<...>`; `splat` means one value for every element.
export class DenseElementsAttr extends Attribute {
  readonly type: ShapedType;
  readonly splat: boolean;
  readonly values: readonly DenseValue[];
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
  readonly type: ShapedType;
  readonly splat: boolean;
  readonly values: readonly string[];
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
  readonly type: ShapedType;
  readonly indices: DenseElementsAttr;
  readonly values: DenseElementsAttr | DenseStringElementsAttr;
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
  readonly key: string;
  blob: ResourceBlob | null;
  constructor(key: string) {
    this.key = key;
    this.blob = null;
  }
}

/// `dense_resource<key> : type`.
export class DenseResourceElementsAttr extends Attribute {
  readonly type: ShapedType;
  readonly handle: DenseResourceHandle;
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
  readonly referenced: Attribute;
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
  readonly elementType: Type;
  readonly values: readonly number[];
  constructor(id: number, elementType: Type, values: readonly number[]) {
    super(AttrKind.DenseArray, id);
    this.elementType = elementType;
    this.values = values;
  }
}
/// A dense array attribute.
export function getDenseArrayAttr(elementType: Type, values: readonly number[]): DenseArrayAttr {
  return intern(`da:${elementType.id}:${values.join(",")}`, (id) => new DenseArrayAttr(id, elementType, values.slice()));
}
/// `array<i32: ...>`, the common case.
export function getDenseI32ArrayAttr(values: readonly number[]): DenseArrayAttr { return getDenseArrayAttr(Builtin.i32, values); }
/// `array<i64: ...>`.
export function getDenseI64ArrayAttr(values: readonly number[]): DenseArrayAttr { return getDenseArrayAttr(Builtin.i64, values); }

/// `@root::@nested`.
export class SymbolRefAttr extends Attribute {
  readonly root: string;
  readonly nested: readonly string[];
  constructor(id: number, root: string, nested: readonly string[]) {
    super(AttrKind.SymbolRef, id);
    this.root = root;
    this.nested = nested;
  }
  /// The last name of the reference.
  get leaf(): string { return this.nested.length ? this.nested[this.nested.length - 1] : this.root; }
}
/// A (possibly nested) symbol reference.
export function getSymbolRefAttr(root: string, nested: readonly string[] = []): SymbolRefAttr {
  return intern(`sr:${root}\u0000${nested.join("\u0000")}`, (id) => new SymbolRefAttr(id, root, nested.slice()));
}

/// A type used as an attribute.
export class TypeAttr extends Attribute {
  readonly type: Type;
  constructor(id: number, type: Type) { super(AttrKind.TypeAttr, id); this.type = type; }
}
/// The type attribute of `type`.
export function getTypeAttr(type: Type): TypeAttr {
  return intern(`ty:${type.id}`, (id) => new TypeAttr(id, type));
}

/// `affine_map<...>`.
export class AffineMapAttr extends Attribute {
  readonly map: AffineMap;
  constructor(id: number, map: AffineMap) { super(AttrKind.AffineMap, id); this.map = map; }
}
/// The attribute of an affine map.
export function getAffineMapAttr(map: AffineMap): AffineMapAttr {
  return intern(`am:${map.id}`, (id) => new AffineMapAttr(id, map));
}

/// `affine_set<...>`.
export class IntegerSetAttr extends Attribute {
  readonly set: IntegerSet;
  constructor(id: number, set: IntegerSet) { super(AttrKind.IntegerSet, id); this.set = set; }
}
/// The attribute of an integer set.
export function getIntegerSetAttr(set: IntegerSet): IntegerSetAttr {
  return intern(`is:${set.id}`, (id) => new IntegerSetAttr(id, set));
}

/// `strided<[s0, s1], offset: o>` (kDynamic for `?`).
export class StridedLayoutAttr extends Attribute {
  readonly offset: number;
  readonly strides: readonly number[];
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

/// An attribute of an unregistered dialect, kept verbatim: `#foo.bar<...>`.
export class OpaqueAttr extends Attribute {
  readonly dialect: string;
  readonly data: string;
  constructor(id: number, dialect: string, data: string) { super(AttrKind.Opaque, id); this.dialect = dialect; this.data = data; }
}
/// An opaque attribute.
export function getOpaqueAttr(dialect: string, data: string): OpaqueAttr {
  return intern(`oa:${dialect}:${data}`, (id) => new OpaqueAttr(id, dialect, data));
}

/// What a dialect attribute definition provides (its syntax lives with the dialect).
export interface DialectAttrDef { readonly name: string }

/// An attribute defined by a dialect (`#df.layout<[S0, R]>`).
export class DialectAttr extends Attribute {
  readonly def: DialectAttrDef;
  readonly params: readonly DialectParam[];
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
  readonly file: string;
  readonly line: number;
  readonly col: number;
  constructor(id: number, file: string, line: number, col: number) {
    super(AttrKind.FileLineColLoc, id);
    this.file = file;
    this.line = line;
    this.col = col;
  }
}
/// A file:line:col location.
export function getFileLineColLoc(file: string, line: number, col: number): FileLineColLoc {
  return intern(`lf:${file}\u0000${line}:${col}`, (id) => new FileLineColLoc(id, file, line, col));
}

/// `loc("name"(child))`.
export class NameLoc extends Attribute {
  readonly name: string;
  readonly child: Location;
  constructor(id: number, name: string, child: Location) { super(AttrKind.NameLoc, id); this.name = name; this.child = child; }
}
/// A name location.
export function getNameLoc(name: string, child: Location = unknownLoc): NameLoc {
  return intern(`ln:${name}\u0000${child.id}`, (id) => new NameLoc(id, name, child));
}

/// `loc(callsite(callee at caller))`.
export class CallSiteLoc extends Attribute {
  readonly callee: Location;
  readonly caller: Location;
  constructor(id: number, callee: Location, caller: Location) { super(AttrKind.CallSiteLoc, id); this.callee = callee; this.caller = caller; }
}
/// A call-site location.
export function getCallSiteLoc(callee: Location, caller: Location): CallSiteLoc {
  return intern(`lc:${callee.id}:${caller.id}`, (id) => new CallSiteLoc(id, callee, caller));
}

/// `loc(fused<meta>[a, b])`.
export class FusedLoc extends Attribute {
  readonly locations: readonly Location[];
  readonly metadata: Attribute | null;
  constructor(id: number, locations: readonly Location[], metadata: Attribute | null) {
    super(AttrKind.FusedLoc, id);
    this.locations = locations;
    this.metadata = metadata;
  }
}
/// A fused location.
export function getFusedLoc(locations: readonly Location[], metadata: Attribute | null = null): FusedLoc {
  return intern(`lu:${ids(locations)}:${metadata?.id ?? ""}`, (id) => new FusedLoc(id, locations.slice(), metadata));
}

/// True for location attributes.
export function isLocation(a: Attribute): a is Location {
  return a.kind >= AttrKind.UnknownLoc;
}
