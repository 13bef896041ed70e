// cmpf(sitofp/uitofp(x), c) -> cmpi(x, int(c)) or a constant, when the conversion cannot change the comparison
// (MLIR 19's CmpFIntToFPConst in ArithOps.cpp).
import {
  AttrKind, Builtin, getBoolAttr, getIntegerAttr, matchConstant, pattern, registry, TypeKind, type FloatAttr, type FloatType,
  type IntegerAttr, type IntegerType, type Operation, type PatternRewriter, type RewritePattern, type Value,
} from "@allo/ir-core";
import { cmpFPredicates, cmpIPredicates, getPredicateAttr } from "./attrs.js";
import { intToFloat } from "./fold.js";

type IPred = (typeof cmpIPredicates)[number];

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`arith canonicalization needs '${name}'`);
  return d;
}

/// The cmpi predicate of an ordered or unordered cmpf predicate (not ord, uno, true, false).
function integerPredicate(p: string, unsigned: boolean): IPred | null {
  switch (p.slice(1)) {
    case "eq": return "eq";
    case "ne": return "ne";
    case "gt": return unsigned ? "ugt" : "sgt";
    case "ge": return unsigned ? "uge" : "sge";
    case "lt": return unsigned ? "ult" : "slt";
    case "le": return unsigned ? "ule" : "sle";
    default: return null;
  }
}

/// floor(log2(|x|)) of a finite non-zero value (APFloat's ilogb).
function ilogb(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return e;
}

function replaceWithBool(rw: PatternRewriter, op: Operation, b: boolean): true {
  rw.replaceOpWithNew(op, (r) => r.create(def("arith.constant"), { resultTypes: [Builtin.i1], props: { value: getBoolAttr(b) }, loc: op.loc }));
  return true;
}

const foldable = new Set(["f16", "bf16", "f32", "f64", "tf32"]);

/// cmpf(sitofp(x), c) / cmpf(uitofp(x), c) with a constant c -> cmpi(x, c') or true/false (CmpFIntToFPConst).
export const cmpFIntToFPConst: RewritePattern = pattern({
  name: "CmpFIntToFPConst", root: "arith.cmpf",
  matchAndRewrite(op, rw) {
    const c = matchConstant(op.operand(1));
    if (c === null || c.kind !== AttrKind.Float) return false;
    const ft = (c as FloatAttr).type as FloatType, rhs = (c as FloatAttr).value;
    if (Number.isNaN(rhs) || !foldable.has(ft.name)) return false;
    const conv = op.operand(0).definingOp;
    if (conv === null || (conv.name !== "arith.sitofp" && conv.name !== "arith.uitofp")) return false;
    const unsigned = conv.name === "arith.uitofp";
    const intVal: Value = conv.operand(0);
    if (intVal.type.kind !== TypeKind.Integer) return false;
    const w = (intVal.type as IntegerType).width;
    const mantissa = ft.semantics.precision;
    const valueBits = unsigned ? w : w - 1;
    if (w > mantissa) {
      if (!Number.isFinite(rhs)) {
        if (2 ** (ft.semantics.exponentBits - 1) - 1 < valueBits) return false;
      } else if (rhs !== 0) {
        const e = ilogb(rhs);
        if (mantissa <= e && e <= valueBits) return false;
      }
    }
    const fp = cmpFPredicates[(op.props.get("predicate") as IntegerAttr).num];
    if (fp === "ord") return replaceWithBool(rw, op, true);
    if (fp === "uno") return replaceWithBool(rw, op, false);
    let pred = integerPredicate(fp, unsigned);
    if (pred === null) return false;
    const max = unsigned ? (1n << BigInt(w)) - 1n : (1n << BigInt(w - 1)) - 1n;
    const min = unsigned ? 0n : -(1n << BigInt(w - 1));
    if (intToFloat(max, ft) < rhs) return replaceWithBool(rw, op, pred === "ne" || pred === (unsigned ? "ult" : "slt") || pred === (unsigned ? "ule" : "sle"));
    if (intToFloat(min, ft) > rhs) return replaceWithBool(rw, op, pred === "ne" || pred === (unsigned ? "ugt" : "sgt") || pred === (unsigned ? "uge" : "sge"));
    const t = BigInt(Math.trunc(rhs));
    if (t < min || t > max) return false;
    if (rhs !== 0 && intToFloat(t, ft) !== rhs) {
      const neg = rhs < 0;
      switch (pred) {
        case "ne": return replaceWithBool(rw, op, true);
        case "eq": return replaceWithBool(rw, op, false);
        case "ule": if (neg) return replaceWithBool(rw, op, false); break;
        case "sle": if (neg) pred = "slt"; break;
        case "ult": if (neg) return replaceWithBool(rw, op, false); pred = "ule"; break;
        case "slt": if (!neg) pred = "sle"; break;
        case "ugt": if (neg) return replaceWithBool(rw, op, true); break;
        case "sgt": if (neg) pred = "sge"; break;
        case "uge": if (neg) return replaceWithBool(rw, op, true); pred = "ugt"; break;
        case "sge": if (!neg) pred = "sgt"; break;
      }
    }
    const k = rw.create(def("arith.constant"), { resultTypes: [intVal.type], props: { value: getIntegerAttr(intVal.type, t) }, loc: op.loc });
    rw.replaceOpWithNew(op, (r) => r.create(def("arith.cmpi"), {
      operands: [intVal, k.results[0]], resultTypes: [Builtin.i1], props: { predicate: getPredicateAttr(cmpIPredicates.indexOf(pred!)) }, loc: op.loc,
    }));
    return true;
  },
});
