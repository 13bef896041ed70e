// Arith attributes: fastmath and overflow flags (#arith.fastmath, #arith.overflow) and the predicate/rounding enums.
import {
  AttrKind, Builtin, getDialectAttr, getIntegerAttr, TypeKind, type AttrConstraint, type Attribute, type DialectAttr,
  type DialectAttrDef, type DialectAttrSyntax, type IntegerAttr, type IntegerType, type OpParser, type OpPrinter,
} from "@allo/ir-core";

/// A bit enum as MLIR's I32BitEnumAttr: keyword per bit, an optional group keyword, a printed separator.
interface BitEnum {
  /// The C++ name MLIR puts in parse errors.
  readonly cppName: string;
  readonly bits: readonly string[];
  /// A keyword naming all bits at once (`fast`), printed instead of them.
  readonly group: string | null;
  readonly separator: string;
}

const fastMathEnum: BitEnum = {
  cppName: "::mlir::arith::FastMathFlags",
  bits: ["reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"],
  group: "fast",
  separator: ",",
};
const overflowEnum: BitEnum = { cppName: "::mlir::arith::IntegerOverflowFlags", bits: ["nsw", "nuw"], group: null, separator: ", " };

/// Fastmath flag bits (`#arith.fastmath<...>`).
export enum FastMath { None = 0, Reassoc = 1, NNaN = 2, NInf = 4, NSZ = 8, ARcp = 16, Contract = 32, AFn = 64, Fast = 127 }
/// Integer overflow flag bits (`#arith.overflow<...>`).
export enum Overflow { None = 0, NSW = 1, NUW = 2 }

function allBits(e: BitEnum): number { return (1 << e.bits.length) - 1; }

function stringifyBits(e: BitEnum, v: number): string {
  if (v === 0) return "none";
  const parts: string[] = [];
  if (e.group !== null && (v & allBits(e)) === allBits(e)) { parts.push(e.group); v &= ~allBits(e); }
  for (let i = 0; i < e.bits.length; i++) if (v & (1 << i)) parts.push(e.bits[i]);
  return parts.join(e.separator);
}

function parseBits(p: OpParser, e: BitEnum): number {
  let v = 0;
  do {
    const at = p.currentOffset();
    const kw = p.parseOptionalKeywordAny();
    if (kw === null) p.error("expected valid keyword", at);
    const i = e.bits.indexOf(kw);
    if (i >= 0) v |= 1 << i;
    else if (kw === e.group) v |= allBits(e);
    else if (kw !== "none") p.error(`expected ${e.cppName} to be one of: ${["none", ...e.bits, ...(e.group === null ? [] : [e.group])].join(", ")}`, at);
  } while (p.parseOptionalPunct(","));
  return v;
}

/// The definition of `#arith.fastmath`.
export const FastMathAttrDef: DialectAttrDef = { name: "arith.fastmath" };
/// The definition of `#arith.overflow`.
export const OverflowAttrDef: DialectAttrDef = { name: "arith.overflow" };

/// `#arith.fastmath<flags>`.
export function getFastMathAttr(flags: number): DialectAttr { return getDialectAttr(FastMathAttrDef, [flags]); }
/// `#arith.overflow<flags>`.
export function getOverflowAttr(flags: number): DialectAttr { return getDialectAttr(OverflowAttrDef, [flags]); }
/// `#arith.fastmath<none>`, the default of every fastmath property.
export const fastMathNone: DialectAttr = getFastMathAttr(FastMath.None);
/// `#arith.overflow<none>`, the default of every overflow property.
export const overflowNone: DialectAttr = getOverflowAttr(Overflow.None);

/// The flag bits of a fastmath or overflow attribute (0 for null).
export function flagsOf(a: Attribute | null): number {
  return a !== null && a.kind === AttrKind.Dialect ? ((a as DialectAttr).params[0] as number) : 0;
}

function isFlagsAttr(a: Attribute, def: DialectAttrDef): boolean {
  return a.kind === AttrKind.Dialect && (a as DialectAttr).def === def;
}

function flagsSyntax(def: DialectAttrDef, e: BitEnum, mnemonic: string, make: (v: number) => Attribute): DialectAttrSyntax {
  return {
    name: def.name,
    mnemonic,
    parse: (p) => { p.parsePunct("<"); const v = parseBits(p, e); p.parsePunct(">"); return make(v); },
    print: (p, a) => p.write(`<${stringifyBits(e, flagsOf(a))}>`),
  };
}

/// Syntax of the arith dialect attributes.
export const arithAttrSyntax: readonly DialectAttrSyntax[] = [
  flagsSyntax(FastMathAttrDef, fastMathEnum, "fastmath", getFastMathAttr),
  flagsSyntax(OverflowAttrDef, overflowEnum, "overflow", getOverflowAttr),
];

function flagsConstraint(def: DialectAttrDef, e: BitEnum, desc: string, make: (v: number) => Attribute): AttrConstraint {
  // In a format the attribute prints stripped of its dialect and mnemonic: `fastmath` `` $fastmath gives `fastmath<fast>`.
  return {
    desc,
    check: (a) => isFlagsAttr(a, def),
    print: (p, a) => p.write(`<${stringifyBits(e, flagsOf(a))}>`),
    parse: (p) => { p.parsePunct("<"); const v = parseBits(p, e); p.parsePunct(">"); return make(v); },
    startsHere: (p) => p.atPunct("<"),
  };
}

/// A fastmath flags property.
export const FastMathAttrC: AttrConstraint = flagsConstraint(FastMathAttrDef, fastMathEnum, "Floating point fast math flags", getFastMathAttr);
/// An overflow flags property.
export const OverflowAttrC: AttrConstraint = flagsConstraint(OverflowAttrDef, overflowEnum, "Integer overflow arith flags", getOverflowAttr);

/// `arith.cmpi` predicates, by value.
export const cmpIPredicates = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"] as const;
/// `arith.cmpf` predicates, by value.
export const cmpFPredicates = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"] as const;
/// `arith.truncf` rounding modes, by value.
export const roundingModes = ["to_nearest_even", "downward", "upward", "toward_zero", "to_nearest_away"] as const;

/// A keyword enum stored as an integer attribute (MLIR's I64EnumAttr / I32EnumAttr): keyword in formats, `N : iW` generic.
function intEnum(cases: readonly string[], width: 32 | 64, desc: string, propName: string, quoted: boolean): AttrConstraint {
  const type = width === 64 ? Builtin.i64 : Builtin.i32;
  const valid = (a: Attribute): boolean => {
    if (a.kind !== AttrKind.Integer) return false;
    const ia = a as IntegerAttr;
    if (ia.type.kind !== TypeKind.Integer || (ia.type as IntegerType).width !== width) return false;
    const v = ia.num;
    return v >= 0 && v < cases.length;
  };
  return {
    desc,
    check: valid,
    print: (p: OpPrinter, a: Attribute) => p.write(cases[(a as IntegerAttr).num]),
    parse: (p: OpParser) => {
      const at = p.currentOffset();
      let s: string | null = null;
      for (const c of cases) if (p.atKeyword(c)) { s = c; break; }
      if (s !== null) p.parseKeyword(s);
      else {
        s = quoted ? p.parseOptionalString() : null;
        if (s === null) p.error(`expected string or keyword containing one of the following enum values for attribute '${propName}' [${cases.join(", ")}]`, at);
      }
      const i = cases.indexOf(s);
      if (i < 0) p.error(`invalid ${propName} attribute specification: "${s}"`, at);
      return getIntegerAttr(type, i);
    },
    startsHere: (p: OpParser) => cases.some((c) => p.atKeyword(c)),
  };
}

function casesDesc(width: number, n: number): string {
  return `allowed ${width}-bit signless integer cases: ${Array.from({ length: n }, (_x, i) => i).join(", ")}`;
}

/// The `predicate` property of `arith.cmpi`.
export const CmpIPredicateAttrC: AttrConstraint = intEnum(cmpIPredicates, 64, casesDesc(64, cmpIPredicates.length), "predicate", true);
/// The `predicate` property of `arith.cmpf`.
export const CmpFPredicateAttrC: AttrConstraint = intEnum(cmpFPredicates, 64, casesDesc(64, cmpFPredicates.length), "predicate", true);
/// The `roundingmode` property of `arith.truncf`.
export const RoundingModeAttrC: AttrConstraint = intEnum(roundingModes, 32, "Floating point rounding mode", "roundingmode", false);

/// The predicate attribute of `arith.cmpi`/`arith.cmpf` for a predicate value.
export function getPredicateAttr(value: number): IntegerAttr { return getIntegerAttr(Builtin.i64, value); }
