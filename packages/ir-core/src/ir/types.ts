// Builtin types: immutable, interned (compare with ===), with a numeric kind tag.
import { InternalError } from "../diag/diagnostic.js";
import { hashMix, hashNumber, hashSeed, HashBuckets, sameElements, sameNumbers } from "../support/intern.js";
import type { Attribute } from "./attrs.js";

/// Discriminates the builtin type classes.
export enum TypeKind { Integer, Index, Float, None, Function, MemRef, UnrankedMemRef, Tensor, UnrankedTensor, Vector, Tuple, Complex, Opaque, Dialect }

/// The dynamic-size marker of shaped types (printed `?`), as MLIR's ShapedType::kDynamic.
export const kDynamic = Number.MIN_SAFE_INTEGER;

let nextTypeId = 0;
/// Types of the rarer kinds, interned by a key string.
const typeTable = new Map<string, Type>();

function intern<T extends Type>(key: string, make: (id: number) => T): T {
  const found = typeTable.get(key);
  if (found !== undefined) return found as T;
  const t = make(nextTypeId++);
  typeTable.set(key, t);
  return t;
}

/// Renders a type as MLIR text; installed by the printer module.
export let typeToString: (t: Type) => string = (t) => `<type ${t.id}>`;
/// Installs the type stringifier (called once by the printer).
export function setTypeStringifier(f: (t: Type) => string): void {
  typeToString = f;
}

/// Base of every type. Types are created only by the `get*` factories below.
export abstract class Type {
  declare readonly kind: TypeKind;
  declare readonly id: number;
  protected constructor(kind: TypeKind, id: number) {
    this.kind = kind;
    this.id = id;
  }
  toString(): string {
    return typeToString(this);
  }
}

/// Signedness of an integer type.
export enum Signedness { Signless, Signed, Unsigned }

/// `iN`, `siN`, `uiN`.
export class IntegerType extends Type {
  declare readonly width: number;
  declare readonly signedness: Signedness;
  constructor(id: number, width: number, signedness: Signedness) {
    super(TypeKind.Integer, id);
    this.width = width;
    this.signedness = signedness;
  }
  get isSignless(): boolean { return this.signedness === Signedness.Signless; }
  get isUnsigned(): boolean { return this.signedness === Signedness.Unsigned; }
  get isSigned(): boolean { return this.signedness === Signedness.Signed; }
}

const intCache: IntegerType[][] = [[], [], []];
/// `iN` (signless), `siN` or `uiN`.
export function getIntegerType(width: number, signedness: Signedness = Signedness.Signless): IntegerType {
  const row = intCache[signedness];
  const hit = row[width];
  if (hit !== undefined) return hit;
  const t = intern(`i${signedness}:${width}`, (id) => new IntegerType(id, width, signedness));
  row[width] = t;
  return t;
}

/// `index`.
export class IndexType extends Type {
  constructor(id: number) { super(TypeKind.Index, id); }
}
/// `none`.
export class NoneType extends Type {
  constructor(id: number) { super(TypeKind.None, id); }
}

/// Float formats: name, total width, significand precision (bits incl. hidden), exponent bits.
export interface FloatSemantics { readonly name: string; readonly width: number; readonly precision: number; readonly exponentBits: number }

/// A builtin float type (`f16`, `bf16`, `f32`, `f64`, `f80`, `f128`, `tf32`, f8 variants).
export class FloatType extends Type {
  declare readonly semantics: FloatSemantics;
  constructor(id: number, semantics: FloatSemantics) {
    super(TypeKind.Float, id);
    this.semantics = semantics;
  }
  get name(): string { return this.semantics.name; }
  get width(): number { return this.semantics.width; }
}

const floatSemantics: Readonly<Record<string, FloatSemantics>> = {
  f16: { name: "f16", width: 16, precision: 11, exponentBits: 5 },
  bf16: { name: "bf16", width: 16, precision: 8, exponentBits: 8 },
  tf32: { name: "tf32", width: 19, precision: 11, exponentBits: 8 },
  f32: { name: "f32", width: 32, precision: 24, exponentBits: 8 },
  f64: { name: "f64", width: 64, precision: 53, exponentBits: 11 },
  f80: { name: "f80", width: 80, precision: 64, exponentBits: 15 },
  f128: { name: "f128", width: 128, precision: 113, exponentBits: 15 },
  f8E5M2: { name: "f8E5M2", width: 8, precision: 3, exponentBits: 5 },
  f8E4M3FN: { name: "f8E4M3FN", width: 8, precision: 4, exponentBits: 4 },
  f8E5M2FNUZ: { name: "f8E5M2FNUZ", width: 8, precision: 3, exponentBits: 5 },
  f8E4M3FNUZ: { name: "f8E4M3FNUZ", width: 8, precision: 4, exponentBits: 4 },
  f8E4M3B11FNUZ: { name: "f8E4M3B11FNUZ", width: 8, precision: 4, exponentBits: 4 },
  f8E4M3: { name: "f8E4M3", width: 8, precision: 4, exponentBits: 4 },
};

const floatTypes = new Map<string, FloatType>(Object.values(floatSemantics).map((sem) => [sem.name, new FloatType(nextTypeId++, sem)]));
/// The float type named `name`, or null if `name` is not a builtin float keyword.
export function getFloatType(name: string): FloatType | null {
  return floatTypes.get(name) ?? null;
}

/// `(inputs) -> results`.
export class FunctionType extends Type {
  declare readonly inputs: readonly Type[];
  declare readonly results: readonly Type[];
  constructor(id: number, inputs: readonly Type[], results: readonly Type[]) {
    super(TypeKind.Function, id);
    this.inputs = inputs;
    this.results = results;
  }
}

function ids(ts: readonly { id: number }[]): string {
  let s = "";
  for (let i = 0; i < ts.length; i++) s += ts[i].id + ",";
  return s;
}

function hashIds(h: number, xs: readonly { id: number }[]): number {
  h = hashMix(h, xs.length);
  for (let i = 0; i < xs.length; i++) h = hashMix(h, xs[i].id);
  return h;
}

function hashShape(h: number, shape: readonly number[]): number {
  h = hashMix(h, shape.length);
  for (let i = 0; i < shape.length; i++) h = hashNumber(h, shape[i]);
  return h;
}

const functionTypes = new HashBuckets<FunctionType>();
function sameFunction(f: FunctionType, inputs: readonly Type[], results: readonly Type[]): boolean {
  return sameElements(f.inputs, inputs) && sameElements(f.results, results);
}
/// The function type from `inputs` to `results`.
export function getFunctionType(inputs: readonly Type[], results: readonly Type[]): FunctionType {
  const h = hashIds(hashIds(hashSeed, inputs), results);
  return functionTypes.find(h, sameFunction, inputs, results, null, null) ?? functionTypes.add(h, new FunctionType(nextTypeId++, inputs.slice(), results.slice()));
}

/// Common base of shaped types.
export abstract class ShapedType extends Type {
  declare readonly elementType: Type;
  protected constructor(kind: TypeKind, id: number, elementType: Type) {
    super(kind, id);
    this.elementType = elementType;
  }
  abstract get hasRank(): boolean;
  /// The shape (ranked types only).
  abstract get shape(): readonly number[];
  get rank(): number { return this.shape.length; }
  /// Number of elements of a static shape.
  get numElements(): number {
    let n = 1;
    for (const d of this.shape) n *= d;
    return n;
  }
  get hasStaticShape(): boolean { return this.hasRank && this.shape.every((d) => d !== kDynamic); }
}

/// `memref<4x?xf32, layout, memspace>`.
export class MemRefType extends ShapedType {
  declare readonly shape: readonly number[];
  declare readonly layout: Attribute | null;
  declare readonly memorySpace: Attribute | null;
  constructor(id: number, shape: readonly number[], elementType: Type, layout: Attribute | null, memorySpace: Attribute | null) {
    super(TypeKind.MemRef, id, elementType);
    this.shape = shape;
    this.layout = layout;
    this.memorySpace = memorySpace;
  }
  get hasRank(): boolean { return true; }
}

const memRefTypes = new HashBuckets<MemRefType>();
function sameMemRef(m: MemRefType, shape: readonly number[], elementType: Type, layout: Attribute | null, memorySpace: Attribute | null): boolean {
  return m.elementType === elementType && m.layout === layout && m.memorySpace === memorySpace && sameNumbers(m.shape, shape);
}
/// A memref type; `layout` null means the identity layout.
export function getMemRefType(shape: readonly number[], elementType: Type, layout: Attribute | null = null, memorySpace: Attribute | null = null): MemRefType {
  // As MLIR's MemRefType::get, an identity affine-map layout is the default layout.
  if ((layout as { map?: { isIdentity(): boolean } } | null)?.map?.isIdentity() === true) layout = null;
  memorySpace = skipDefaultMemorySpace(memorySpace);
  const h = hashMix(hashMix(hashMix(hashShape(hashSeed, shape), elementType.id), layout?.id ?? -1), memorySpace?.id ?? -1);
  return memRefTypes.find(h, sameMemRef, shape, elementType, layout, memorySpace) ??
    memRefTypes.add(h, new MemRefType(nextTypeId++, shape.slice(), elementType, layout, memorySpace));
}

// As MLIR, an integer memory space 0 is the default memory space.
function skipDefaultMemorySpace(ms: Attribute | null): Attribute | null {
  const a = ms as { value?: unknown; type?: Type } | null;
  return a !== null && a.type instanceof IntegerType && (a.value === 0 || a.value === 0n) ? null : ms;
}

/// `memref<*xf32>`.
export class UnrankedMemRefType extends ShapedType {
  declare readonly memorySpace: Attribute | null;
  constructor(id: number, elementType: Type, memorySpace: Attribute | null) {
    super(TypeKind.UnrankedMemRef, id, elementType);
    this.memorySpace = memorySpace;
  }
  get hasRank(): boolean { return false; }
  get shape(): readonly number[] { throw new InternalError("unranked memref has no shape"); }
}
/// An unranked memref type.
export function getUnrankedMemRefType(elementType: Type, memorySpace: Attribute | null = null): UnrankedMemRefType {
  memorySpace = skipDefaultMemorySpace(memorySpace);
  return intern(`um:${elementType.id}:${memorySpace?.id ?? ""}`, (id) => new UnrankedMemRefType(id, elementType, memorySpace));
}

/// `tensor<4x?xf32, encoding>`.
export class RankedTensorType extends ShapedType {
  declare readonly shape: readonly number[];
  declare readonly encoding: Attribute | null;
  constructor(id: number, shape: readonly number[], elementType: Type, encoding: Attribute | null) {
    super(TypeKind.Tensor, id, elementType);
    this.shape = shape;
    this.encoding = encoding;
  }
  get hasRank(): boolean { return true; }
}
const tensorTypes = new HashBuckets<RankedTensorType>();
function sameTensor(t: RankedTensorType, shape: readonly number[], elementType: Type, encoding: Attribute | null): boolean {
  return t.elementType === elementType && t.encoding === encoding && sameNumbers(t.shape, shape);
}
/// A ranked tensor type.
export function getTensorType(shape: readonly number[], elementType: Type, encoding: Attribute | null = null): RankedTensorType {
  const h = hashMix(hashMix(hashShape(hashSeed, shape), elementType.id), encoding?.id ?? -1);
  return tensorTypes.find(h, sameTensor, shape, elementType, encoding, null) ??
    tensorTypes.add(h, new RankedTensorType(nextTypeId++, shape.slice(), elementType, encoding));
}

/// `tensor<*xf32>`.
export class UnrankedTensorType extends ShapedType {
  constructor(id: number, elementType: Type) { super(TypeKind.UnrankedTensor, id, elementType); }
  get hasRank(): boolean { return false; }
  get shape(): readonly number[] { throw new InternalError("unranked tensor has no shape"); }
}
/// An unranked tensor type.
export function getUnrankedTensorType(elementType: Type): UnrankedTensorType {
  return intern(`ut:${elementType.id}`, (id) => new UnrankedTensorType(id, elementType));
}

/// `vector<4x[8]xf32>` (bracketed dims are scalable).
export class VectorType extends ShapedType {
  declare readonly shape: readonly number[];
  declare readonly scalableDims: readonly boolean[];
  constructor(id: number, shape: readonly number[], elementType: Type, scalableDims: readonly boolean[]) {
    super(TypeKind.Vector, id, elementType);
    this.shape = shape;
    this.scalableDims = scalableDims;
  }
  get hasRank(): boolean { return true; }
}
/// A vector type.
export function getVectorType(shape: readonly number[], elementType: Type, scalableDims: readonly boolean[] = shape.map(() => false)): VectorType {
  return intern(`v:${shape.join("x")}:${scalableDims.map((b) => (b ? 1 : 0)).join("")}:${elementType.id}`,
    (id) => new VectorType(id, shape.slice(), elementType, scalableDims.slice()));
}

/// `tuple<i32, f32>`.
export class TupleType extends Type {
  declare readonly types: readonly Type[];
  constructor(id: number, types: readonly Type[]) { super(TypeKind.Tuple, id); this.types = types; }
}
/// A tuple type.
export function getTupleType(types: readonly Type[]): TupleType {
  return intern(`tu:${ids(types)}`, (id) => new TupleType(id, types.slice()));
}

/// `complex<f32>`.
export class ComplexType extends Type {
  declare readonly elementType: Type;
  constructor(id: number, elementType: Type) { super(TypeKind.Complex, id); this.elementType = elementType; }
}
/// A complex type.
export function getComplexType(elementType: Type): ComplexType {
  return intern(`c:${elementType.id}`, (id) => new ComplexType(id, elementType));
}

/// A type of an unregistered dialect, kept verbatim: `!foo.bar<...>` or `!foo<"...">`.
export class OpaqueType extends Type {
  declare readonly dialect: string;
  /// What follows `dialect.` (`bar<1, 2>`), or what `dialect<...>` holds (`"x y"`), as MLIR's OpaqueType keeps it.
  declare readonly data: string;
  constructor(id: number, dialect: string, data: string) { super(TypeKind.Opaque, id); this.dialect = dialect; this.data = data; }
}
/// An opaque (unregistered dialect) type.
export function getOpaqueType(dialect: string, data: string): OpaqueType {
  return intern(`o:${dialect}:${data}`, (id) => new OpaqueType(id, dialect, data));
}

/// A parameter of a dialect type or attribute.
export type DialectParam = Type | Attribute | number | string | boolean | readonly DialectParam[];

/// What a dialect type definition provides (its syntax lives with the dialect).
export interface DialectTypeDef {
  /// Full name, `dialect.mnemonic`.
  readonly name: string;
}

/// A type defined by a dialect: its definition and parameters.
export class DialectType extends Type {
  declare readonly def: DialectTypeDef;
  declare readonly params: readonly DialectParam[];
  constructor(id: number, def: DialectTypeDef, params: readonly DialectParam[]) {
    super(TypeKind.Dialect, id);
    this.def = def;
    this.params = params;
  }
}

/// A stable interning key for dialect parameters.
export function paramKey(ps: readonly DialectParam[]): string {
  let s = "";
  for (const p of ps) {
    if (typeof p === "object" && p !== null && "id" in p && "kind" in p) s += (p instanceof Type ? "T" : "A") + p.id + ",";
    else if (Array.isArray(p)) s += "[" + paramKey(p) + "],";
    else s += JSON.stringify(p) + ",";
  }
  return s;
}

/// The dialect type of `def` with `params`.
export function getDialectType(def: DialectTypeDef, params: readonly DialectParam[]): DialectType {
  return intern(`d:${def.name}:${paramKey(params)}`, (id) => new DialectType(id, def, params.slice()));
}

/// Preallocated common types.
export const Builtin = {
  i1: getIntegerType(1),
  i8: getIntegerType(8),
  i16: getIntegerType(16),
  i32: getIntegerType(32),
  i64: getIntegerType(64),
  index: intern("index", (id) => new IndexType(id)),
  none: intern("none", (id) => new NoneType(id)),
  f16: getFloatType("f16")!,
  bf16: getFloatType("bf16")!,
  f32: getFloatType("f32")!,
  f64: getFloatType("f64")!,
};

/// True for `index`.
export function isIndex(t: Type): t is IndexType { return t.kind === TypeKind.Index; }
/// True for integer types.
export function isInteger(t: Type): t is IntegerType { return t.kind === TypeKind.Integer; }
/// True for float types.
export function isFloat(t: Type): t is FloatType { return t.kind === TypeKind.Float; }
/// True for signless integers and index.
export function isSignlessIntOrIndex(t: Type): boolean {
  return t.kind === TypeKind.Index || (t.kind === TypeKind.Integer && (t as IntegerType).signedness === Signedness.Signless);
}
/// True for memref types (ranked).
export function isMemRef(t: Type): t is MemRefType { return t.kind === TypeKind.MemRef; }
/// True for shaped types.
export function isShaped(t: Type): t is ShapedType { return t instanceof ShapedType; }
/// Element type of a shaped type, or the type itself.
export function elementTypeOrSelf(t: Type): Type { return t instanceof ShapedType ? t.elementType : t; }
