// Reusable type and attribute constraints for op records (MLIR's ODS constraint vocabulary).
import {
  AttrKind, getStringAttr, unitAttr, type Attribute, type DenseArrayAttr, type IntegerAttr,
  type StringAttr, type TypeAttr,
} from "./attrs.js";
import type { AttrConstraint, TypeConstraint } from "./opdef.js";
import { Builtin, Signedness, TypeKind, type IntegerType, type ShapedType, type Type } from "./types.js";

function tc(desc: string, check: (t: Type) => boolean, buildable?: Type): TypeConstraint { return buildable === undefined ? { desc, check } : { desc, check, buildable }; }

/// Any type.
export const AnyType = tc("any type", () => true);
/// `index`.
export const Index = tc("index", (t) => t.kind === TypeKind.Index, Builtin.index);
/// `i1`.
export const I1 = tc("1-bit signless integer", (t) => t.kind === TypeKind.Integer && (t as IntegerType).width === 1 && (t as IntegerType).signedness === Signedness.Signless, Builtin.i1);
/// Signless integers.
export const SignlessInteger = tc("signless integer", (t) => t.kind === TypeKind.Integer && (t as IntegerType).signedness === Signedness.Signless);
/// Any integer type.
export const AnyInteger = tc("integer", (t) => t.kind === TypeKind.Integer);
/// Signless integer or index.
export const SignlessIntOrIndex = tc("signless integer or index", (t) => t.kind === TypeKind.Index || (t.kind === TypeKind.Integer && (t as IntegerType).signedness === Signedness.Signless));
/// Floats.
export const AnyFloat = tc("floating-point", (t) => t.kind === TypeKind.Float);
/// Integer, index or float.
export const IntOrIndexOrFloat = tc("integer, index or floating-point", (t) => t.kind === TypeKind.Integer || t.kind === TypeKind.Index || t.kind === TypeKind.Float);

function elementwise(desc: string, scalar: (t: Type) => boolean): TypeConstraint {
  return tc(desc, (t) => scalar(t) || ((t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor) && scalar((t as ShapedType).elementType)));
}
/// Signless integer/index or a vector/tensor of them (arith's SignlessIntegerLike).
export const SignlessIntegerLike = elementwise("signless-integer-like", SignlessIntOrIndex.check);
/// Float or a vector/tensor of floats.
export const FloatLike = elementwise("floating-point-like", AnyFloat.check);
/// i1 or a vector/tensor of i1.
export const BoolLike = elementwise("bool-like", I1.check);
/// Any memref (ranked or not).
export const AnyMemRef = tc("memref of any type values", (t) => t.kind === TypeKind.MemRef || t.kind === TypeKind.UnrankedMemRef);
/// A ranked memref.
export const RankedMemRef = tc("ranked memref of any type values", (t) => t.kind === TypeKind.MemRef);
/// Any tensor.
export const AnyTensor = tc("tensor of any type values", (t) => t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor);
/// A function type.
export const FunctionTypeC = tc("function type", (t) => t.kind === TypeKind.Function);
/// The union of constraints.
export function anyOf(desc: string, ...cs: TypeConstraint[]): TypeConstraint { return tc(desc, (t) => cs.some((c) => c.check(t))); }

function ac(desc: string, check: (a: Attribute) => boolean, extra: Partial<AttrConstraint> = {}): AttrConstraint { return { desc, check, ...extra }; }

/// Any attribute.
export const AnyAttr = ac("any attribute", () => true);
/// A string attribute; in a format it is a bare string literal (MLIR parses it with a NoneType: no `: type` suffix).
export const StrAttr = ac("string attribute", (a) => a.kind === AttrKind.String, {
  parse: (p) => { const s = p.parseOptionalString(); return s === null ? null : getStringAttr(s); },
});
/// A symbol name (string attribute printed `@name` in formats).
export const SymbolNameAttr = ac("string attribute", (a) => a.kind === AttrKind.String, {
  print: (p, a) => p.printSymbolName((a as StringAttr).value),
  parse: (p) => getStringAttr(p.parseSymbolName()),
  startsHere: (p) => p.atSymbol(),
});
/// A flat symbol reference `@name` (in a format, any attribute parsed without a type, then checked, as ODS's parsers).
export const FlatSymbolRefAttr = ac("flat symbol reference attribute", (a) => a.kind === AttrKind.SymbolRef && (a as { nested: readonly string[] } & Attribute).nested.length === 0, {
  parse: (p) => p.parseAttribute(Builtin.none),
});
/// A (nested) symbol reference.
export const SymbolRefAttrC = ac("symbol reference attribute", (a) => a.kind === AttrKind.SymbolRef);
/// A unit attribute.
export const UnitAttrC = ac("unit attribute", (a) => a === unitAttr, { parse: () => unitAttr });
/// A bool attribute.
export const BoolAttrC = ac("bool attribute", (a) => a.kind === AttrKind.Integer && (a as IntegerAttr).type.kind === TypeKind.Integer && ((a as IntegerAttr).type as IntegerType).width === 1);
/// An integer attribute of any integer or index type, printed without its type in formats.
function intAttr(desc: string, ok: (t: Type) => boolean): AttrConstraint {
  return ac(desc, (a) => a.kind === AttrKind.Integer && ok((a as IntegerAttr).type), { print: (p, a) => p.printAttributeWithoutType(a), kind: AttrKind.Integer });
}
/// `i64` integer attribute.
export const I64Attr = intAttr("64-bit signless integer attribute", (t) => t.kind === TypeKind.Integer && (t as IntegerType).width === 64);
/// `i32` integer attribute.
export const I32Attr = intAttr("32-bit signless integer attribute", (t) => t.kind === TypeKind.Integer && (t as IntegerType).width === 32);
/// `index` integer attribute.
export const IndexAttrC = intAttr("index attribute", (t) => t.kind === TypeKind.Index);
/// Any integer attribute.
export const AnyIntegerAttr = intAttr("integer attribute", (t) => t.kind === TypeKind.Integer || t.kind === TypeKind.Index);
/// A type attribute holding a function type.
export const FunctionTypeAttr = ac("type attribute of function type", (a) => a.kind === AttrKind.TypeAttr && (a as TypeAttr).type.kind === TypeKind.Function, { kind: AttrKind.TypeAttr });
/// A type attribute.
export const TypeAttrC = ac("any type attribute", (a) => a.kind === AttrKind.TypeAttr);
/// An array attribute.
export const ArrayAttrC = ac("array attribute", (a) => a.kind === AttrKind.Array);
/// A dictionary attribute.
export const DictAttrC = ac("dictionary of named attribute values", (a) => a.kind === AttrKind.Dictionary);
/// An affine map attribute.
export const AffineMapAttrC = ac("AffineMap attribute", (a) => a.kind === AttrKind.AffineMap);
/// An integer set attribute.
export const IntegerSetAttrC = ac("IntegerSet attribute", (a) => a.kind === AttrKind.IntegerSet);
/// A typed attribute (integer, float, dense elements, ...).
export const TypedAttr = ac("TypedAttr instance", (a) => a.kind === AttrKind.Integer || a.kind === AttrKind.Float || a.kind === AttrKind.DenseElements || a.kind === AttrKind.String || a.kind === AttrKind.Dialect || a.kind === AttrKind.Opaque ||
  a.kind === AttrKind.SparseElements || a.kind === AttrKind.DenseResourceElements || a.kind === AttrKind.DenseStringElements);
/// A dense i64 array attribute, printed `[1, 2]` in formats.
export const DenseI64ArrayAttrC = ac("i64 dense array attribute", (a) => a.kind === AttrKind.DenseArray && (a as DenseArrayAttr).elementType === Builtin.i64, {
  print: (p, a) => p.write("[" + (a as DenseArrayAttr).values.join(", ") + "]"),
});
/// An elements attribute.
export const ElementsAttrC = ac("constant vector/tensor attribute", (a) => a.kind === AttrKind.DenseElements || a.kind === AttrKind.SparseElements ||
  a.kind === AttrKind.DenseResourceElements || a.kind === AttrKind.DenseStringElements);
/// A location attribute.
export const LocationAttrC = ac("location attribute", (a) => a.kind >= AttrKind.UnknownLoc);
