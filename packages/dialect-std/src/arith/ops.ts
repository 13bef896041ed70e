// The arith dialect (MLIR 19): integer and float arithmetic, comparisons, select, constants and casts.
import {
  AnyType, AttrKind, BoolLike, Builtin, defineOp, FloatLike, matchConstant, operand, optProp, prop, registry, result, SignlessIntegerLike,
  Trait, TypedAttr, TypeKind, typeToText, type Attribute, type DenseElementsAttr, type DialectDef, type FloatAttr,
  type FloatType, type InferTypesContext, type IntegerAttr, type IntegerType, type OpDef, type Operation, type OpSyntax,
  type OpVerifyContext, type RankedTensorType, type ShapedType, type StringAttr, type Type, type TypeConstraint,
  type VectorType,
} from "@allo/ir-core";
import {
  arithAttrSyntax, CmpFPredicateAttrC, CmpIPredicateAttrC, FastMathAttrC, fastMathNone, OverflowAttrC, overflowNone,
  RoundingModeAttrC,
} from "./attrs.js";
import * as F from "./fold.js";

// ---- type constraints (ArithOps.td / CommonTypeConstraints.td) ----

function elementOf(t: Type): Type {
  return t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor ? (t as ShapedType).elementType : t;
}
function isSignlessInt(t: Type): boolean { return t.kind === TypeKind.Integer && (t as IntegerType).isSignless; }

/// Signless integers (not index), or vectors/tensors of them.
const SignlessFixedWidthIntegerLike: TypeConstraint = { desc: "signless-fixed-width-integer-like", check: (t) => isSignlessInt(elementOf(t)) };
/// What `arith.index_cast` accepts: signless-integer-like or a memref of signless integers or index.
const IndexCastType: TypeConstraint = {
  desc: "signless-integer-like or memref of signless-integer",
  check: (t) => SignlessIntegerLike.check(t) || (t.kind === TypeKind.MemRef && (isSignlessInt((t as ShapedType).elementType) || (t as ShapedType).elementType.kind === TypeKind.Index)),
};
/// What `arith.bitcast` accepts.
const BitcastType: TypeConstraint = {
  desc: "signless-integer-or-float-like or memref of signless-integer or float",
  check: (t) => {
    const e = t.kind === TypeKind.MemRef ? (t as ShapedType).elementType : elementOf(t);
    return isSignlessInt(e) || e.kind === TypeKind.Float || (t.kind !== TypeKind.MemRef && e.kind === TypeKind.Index);
  },
};

// ---- shape helpers shared by the verifiers ----

function isShaped(t: Type): boolean {
  return t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor || t.kind === TypeKind.MemRef || t.kind === TypeKind.UnrankedMemRef;
}
function isRanked(t: Type): boolean { return t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.MemRef; }

/// MLIR's verifyCompatibleShapes: all scalar, or all shaped with equal ranks and no conflicting static sizes.
function compatibleShapes(types: readonly Type[]): boolean {
  const shaped = types.filter(isShaped);
  if (shaped.length === 0) return true;
  if (shaped.length !== types.length) return false;
  // As MLIR's verifyCompatibleShapes: scalable vectors only go with scalable vectors.
  const scalable = types.filter((t) => t.kind === TypeKind.Vector && (t as VectorType).scalableDims.some((x) => x)).length;
  if (scalable !== 0 && scalable !== types.length) return false;
  const ranked = shaped.filter(isRanked).map((t) => (t as ShapedType).shape);
  if (ranked.length === 0) return true;
  const rank = ranked[0].length;
  if (ranked.some((s) => s.length !== rank)) return false;
  for (let i = 0; i < rank; i++) {
    let fixed: number | null = null;
    for (const s of ranked) {
      if (s[i] < 0) continue;
      if (fixed === null) fixed = s[i];
      else if (fixed !== s[i]) return false;
    }
  }
  return true;
}

/// The ElementwiseMappable trait's check; null when the op is valid.
function elementwiseError(op: Operation): string | null {
  const mappable = (t: Type) => t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor;
  const res = op.results.map((r) => r.type).filter(mappable);
  const ops = op.operandValues().map((v) => v.type).filter(mappable);
  if (res.length === 0 && ops.length === 0) return null;
  if (res.length !== 0 && ops.length === 0) return "if a result is non-scalar, then at least one operand must be non-scalar";
  if (res.length === 0) return "if an operand is non-scalar, then there must be at least one non-scalar result";
  if (res.length !== op.results.length) return "if an operand is non-scalar, then all results must be non-scalar";
  const all = [...ops, ...res];
  const base = (t: Type) => (t.kind === TypeKind.UnrankedTensor ? TypeKind.Tensor : t.kind);
  if (all.some((t) => base(t) !== base(all[0])) || !compatibleShapes(all)) return "all non-scalar operands/results must have the same shape and base type";
  return null;
}

function checkElementwise(op: Operation, v: OpVerifyContext): boolean {
  const e = elementwiseError(op);
  return e === null ? true : v.error(e);
}

function q(t: Type): string { return `'${typeToText(t)}'`; }

// ---- op families (ODS base classes) ----

type FoldFn = NonNullable<OpDef["fold"]>;

/// `Arith_IntBinaryOp` and its flavours: `$lhs, $rhs [overflow<...>] : type`. Ops that may divide by zero have no memory
/// effects but are speculatable only as `speculatable` says (ConditionallySpeculatable); the others are Pure.
function intBinary(mnemonic: string, summary: string, fold: FoldFn, opts: {
  overflow?: boolean; speculatable?: (op: Operation) => boolean; traits?: Trait[]; asmNames?: (op: Operation, set: (i: number, name: string) => void) => void;
} = {}): OpDef {
  const overflow = opts.overflow ?? false;
  return defineOp({
    name: `arith.${mnemonic}`,
    summary,
    operands: [operand("lhs", SignlessIntegerLike), operand("rhs", SignlessIntegerLike)],
    results: [result("result", SignlessIntegerLike)],
    props: overflow ? [prop("overflowFlags", OverflowAttrC, overflowNone)] : [],
    traits: [...(opts.speculatable !== undefined ? [] : [Trait.Pure]), ...(opts.traits ?? []), Trait.SameOperandsAndResultType, Trait.ElementwiseMappable],
    format: overflow ? "$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)" : "$lhs `,` $rhs attr-dict `:` type($result)",
    fold: F.withTraitFolds(fold, (opts.traits ?? []).includes(Trait.Commutative), (opts.traits ?? []).includes(Trait.Idempotent)),
    asmNames: opts.asmNames,
    extra: opts.speculatable !== undefined ? { effects: [], speculatable: opts.speculatable } : {},
  });
}

/// The integer constant of operand `i`, or null.
function constantOperand(op: Operation, i: number): bigint | null {
  const a = matchConstant(op.operand(i));
  return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr).big : null;
}
/// Unsigned division: speculatable by a constant non-zero divisor (DivUIOp::getSpeculatability).
const nonZeroDivisor = (op: Operation): boolean => {
  const d = constantOperand(op, 1);
  return d !== null && d !== 0n;
};
/// Signed division: speculatable by a constant divisor other than 0 and -1 (no INT_MIN / -1 overflow).
const safeSignedDivisor = (op: Operation): boolean => {
  const d = constantOperand(op, 1);
  if (d === null || d === 0n) return false;
  const t = elementOf(op.results[0].type);
  return BigInt.asIntN(t.kind === TypeKind.Index ? 64 : (t as IntegerType).width, d) !== -1n;
};

/// `Arith_FloatBinaryOp`: `$lhs, $rhs [fastmath<...>] : type`.
function floatBinary(mnemonic: string, summary: string, fold: FoldFn, traits: Trait[] = []): OpDef {
  return defineOp({
    name: `arith.${mnemonic}`,
    summary,
    operands: [operand("lhs", FloatLike), operand("rhs", FloatLike)],
    results: [result("result", FloatLike)],
    props: [prop("fastmath", FastMathAttrC, fastMathNone)],
    traits: [Trait.Pure, ...traits, Trait.SameOperandsAndResultType, Trait.ElementwiseMappable],
    format: "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
    fold: F.withTraitFolds(fold, traits.includes(Trait.Commutative), false),
  });
}

type CastCompat = (from: Type, to: Type) => boolean;

/// `Arith_CastOp`: `$in [extra] : type($in) to type($out)`, with the shape and cast-compatibility checks.
function cast(mnemonic: string, summary: string, from: TypeConstraint, to: TypeConstraint, compatible: CastCompat, fold: FoldFn, extra: {
  props?: OpDef["props"]; format?: string; verify?: (op: Operation, v: OpVerifyContext) => boolean;
} = {}): OpDef {
  return defineOp({
    name: `arith.${mnemonic}`,
    summary,
    operands: [operand("in", from)],
    results: [result("out", to)],
    props: extra.props ?? [],
    traits: [Trait.Pure, Trait.ElementwiseMappable],
    format: `$in ${extra.format ?? ""}attr-dict \`:\` type($in) \`to\` type($out)`,
    fold,
    verify: (op, v) => {
      const a = op.operand(0).type, b = op.results[0].type;
      // ODS checks the SameInputOutputTensorDims predicate with the invariants, before the shape trait.
      if (tensorDims(a) !== tensorDims(b)) {
        return v.error("failed to verify that input and output have the same tensor dimensions");
      }
      if (!compatibleShapes([a, b])) return v.error("requires the same shape for all operands and results");
      if (!sameEncoding(a, b) || !compatible(a, b)) return v.error(`operand type ${q(a)} and result type ${q(b)} are cast incompatible`);
      if (!checkElementwise(op, v)) return false;
      return extra.verify === undefined || extra.verify(op, v);
    },
  });
}

/// The shape a SameInputOutputTensorDims check compares: a ranked tensor's dims, nothing for other types.
function tensorDims(t: Type): string {
  return t.kind === TypeKind.Tensor ? (t as ShapedType).shape.join("x") : "";
}

/// False only for two ranked tensors with different encodings.
function sameEncoding(a: Type, b: Type): boolean {
  const enc = (t: Type) => (t.kind === TypeKind.Tensor ? (t as RankedTensorType).encoding : null);
  return enc(a) === enc(b);
}

/// The element type of `t` if it satisfies `ok`, for a scalar or a vector/tensor (with `memref`, also a memref); else null.
function likeOf(t: Type, memref: boolean, ok: (e: Type) => boolean): Type | null {
  if (isShaped(t) && !(t.kind === TypeKind.Vector || t.kind === TypeKind.Tensor || t.kind === TypeKind.UnrankedTensor || (memref && t.kind === TypeKind.MemRef))) return null;
  const e = isShaped(t) ? (t as ShapedType).elementType : t;
  return ok(e) ? e : null;
}
const isIntElem = (e: Type) => e.kind === TypeKind.Integer;
const isFloatElem = (e: Type) => e.kind === TypeKind.Float;
function widthOf(e: Type): number { return e.kind === TypeKind.Float ? (e as FloatType).width : (e as IntegerType).width; }

function widthChange(ok: (e: Type) => boolean, wider: boolean): CastCompat {
  return (a, b) => {
    const s = likeOf(a, false, ok), d = likeOf(b, false, ok);
    return s !== null && d !== null && (wider ? widthOf(d) > widthOf(s) : widthOf(d) < widthOf(s));
  };
}
function intFloat(fromOk: (e: Type) => boolean, toOk: (e: Type) => boolean): CastCompat {
  return (a, b) => likeOf(a, false, fromOk) !== null && likeOf(b, false, toOk) !== null;
}
const indexCastCompatible: CastCompat = (a, b) => {
  const s = likeOf(a, true, (e) => isIntElem(e) || e.kind === TypeKind.Index), d = likeOf(b, true, (e) => isIntElem(e) || e.kind === TypeKind.Index);
  if (s === null || d === null) return false;
  return (s.kind === TypeKind.Index && isSignlessInt(d)) || (isSignlessInt(s) && d.kind === TypeKind.Index);
};
const bitcastCompatible: CastCompat = (a, b) => {
  const s = likeOf(a, true, (e) => isIntElem(e) || isFloatElem(e)), d = likeOf(b, true, (e) => isIntElem(e) || isFloatElem(e));
  return s !== null && d !== null && widthOf(s) === widthOf(d);
};

/// verifyExtOp / verifyTruncateOp: reported with MLIR's plain `emitError`.
function widthVerifier(wider: boolean): (op: Operation, v: OpVerifyContext) => boolean {
  return (op, v) => {
    const s = elementOf(op.operand(0).type), d = elementOf(op.results[0].type);
    if (wider ? widthOf(s) >= widthOf(d) : widthOf(s) <= widthOf(d)) {
      return v.plainError(`result type ${q(d)} must be ${wider ? "wider" : "shorter"} than operand type ${q(s)}`);
    }
    return true;
  };
}

// ---- constant ----

/// The type of a typed attribute (NoneType for an untyped string).
export function typeOfAttr(a: Attribute): Type | null {
  switch (a.kind) {
    case AttrKind.Integer: return (a as IntegerAttr).type;
    case AttrKind.Float: return (a as FloatAttr).type;
    case AttrKind.DenseElements: case AttrKind.SparseElements: case AttrKind.DenseResourceElements: case AttrKind.DenseStringElements:
      return (a as DenseElementsAttr).type;
    case AttrKind.String: return (a as StringAttr).type ?? Builtin.none;
    default: return null;
  }
}

/// `%c42_i32`, `%c-1`, `%true`, `%false`, `%cst`: MLIR's ConstantOp::getAsmResultNames.
function constantName(op: Operation, set: (i: number, name: string) => void): void {
  const a = op.props.get("value");
  const t = op.results[0].type;
  if (a === null || a.kind !== AttrKind.Integer) { set(0, "cst"); return; }
  const ia = a as IntegerAttr;
  if (t.kind === TypeKind.Integer && (t as IntegerType).width === 1) { set(0, ia.value ? "true" : "false"); return; }
  set(0, t.kind === TypeKind.Integer ? `c${String(ia.value)}_${typeToText(t)}` : `c${String(ia.value)}`);
}

/// `arith.constant 42 : i32`.
export const ArithConstantOp = defineOp({
  name: "arith.constant",
  summary: "integer or floating point constant",
  results: [result("result", AnyType)],
  props: [prop("value", TypedAttr)],
  traits: [Trait.ConstantLike, Trait.Pure],
  format: "attr-dict $value",
  inferTypes: (ctx: InferTypesContext) => {
    const a = ctx.props.get("value");
    const t = a === undefined ? null : typeOfAttr(a);
    if (t === null) return "expected a typed attribute";
    ctx.resultTypes[0] = [t];
    return null;
  },
  verify: (op, v) => {
    const a = op.props.get("value")!;
    const t = op.results[0].type;
    if (typeOfAttr(a) !== t) return v.error("failed to verify that all of {value, result} have same type");
    if (t.kind === TypeKind.Integer && !(t as IntegerType).isSignless) return v.error("integer return type must be signless");
    const isElements = a.kind === AttrKind.DenseElements || a.kind === AttrKind.SparseElements || a.kind === AttrKind.DenseResourceElements || a.kind === AttrKind.DenseStringElements;
    if (a.kind !== AttrKind.Integer && a.kind !== AttrKind.Float && !isElements) return v.error("value must be an integer, float, or elements attribute");
    if (t.kind === TypeKind.Vector && (t as VectorType).scalableDims.some((s) => s) && !(a.kind === AttrKind.DenseElements && (a as DenseElementsAttr).splat)) {
      return v.error("intializing scalable vectors with elements attribute is not supported unless it's a vector splat");
    }
    return true;
  },
  fold: F.foldConstant,
  asmNames: constantName,
});

// ---- integer arithmetic ----

/// `%c4_vscale` for `base * vector.vscale` on index (MLIR's MulIOp::getAsmResultNames).
function mulIName(op: Operation, set: (i: number, name: string) => void): void {
  if (op.results[0].type.kind !== TypeKind.Index) return;
  const c = (x: number, y: number): string | null => {
    const k = op.operand(x).definingOp, s = op.operand(y).definingOp;
    if (k === null || s === null || s.name !== "vector.vscale" || !k.hasTrait(Trait.ConstantLike)) return null;
    const a = k.props.get("value");
    return a !== null && a.kind === AttrKind.Integer ? `c${String((a as IntegerAttr).value)}_vscale` : null;
  };
  const n = c(0, 1) ?? c(1, 0);
  if (n !== null) set(0, n);
}

/// `arith.addi`.
export const AddIOp = intBinary("addi", "integer addition operation", F.foldAddI, { overflow: true, traits: [Trait.Commutative] });
/// `arith.subi`.
export const SubIOp = intBinary("subi", "Integer subtraction operation.", F.foldSubI, { overflow: true });
/// `arith.muli`.
export const MulIOp = intBinary("muli", "Integer multiplication operation.", F.foldMulI, { overflow: true, traits: [Trait.Commutative], asmNames: mulIName });
/// `arith.divui`.
export const DivUIOp = intBinary("divui", "unsigned integer division operation", F.foldDivUI, { speculatable: nonZeroDivisor });
/// `arith.divsi`.
export const DivSIOp = intBinary("divsi", "signed integer division operation", F.foldDivSI, { speculatable: safeSignedDivisor });
/// `arith.ceildivui`.
export const CeilDivUIOp = intBinary("ceildivui", "unsigned ceil integer division operation", F.foldCeilDivUI, { speculatable: nonZeroDivisor });
/// `arith.ceildivsi`.
export const CeilDivSIOp = intBinary("ceildivsi", "signed ceil integer division operation", F.foldCeilDivSI, { speculatable: safeSignedDivisor });
/// `arith.floordivsi`.
export const FloorDivSIOp = intBinary("floordivsi", "signed floor integer division operation", F.foldFloorDivSI);
/// `arith.remui`.
export const RemUIOp = intBinary("remui", "unsigned integer division remainder operation", F.foldRemUI);
/// `arith.remsi`.
export const RemSIOp = intBinary("remsi", "signed integer division remainder operation", F.foldRemSI);
/// `arith.andi`.
export const AndIOp = intBinary("andi", "integer binary and", F.foldAndI, { traits: [Trait.Commutative, Trait.Idempotent] });
/// `arith.ori`.
export const OrIOp = intBinary("ori", "integer binary or", F.foldOrI, { traits: [Trait.Commutative, Trait.Idempotent] });
/// `arith.xori`.
export const XOrIOp = intBinary("xori", "integer binary xor", F.foldXOrI, { traits: [Trait.Commutative] });
/// `arith.shli`.
export const ShLIOp = intBinary("shli", "integer left-shift", F.foldShLI, { overflow: true });
/// `arith.shrui`.
export const ShRUIOp = intBinary("shrui", "unsigned integer right-shift", F.foldShRUI);
/// `arith.shrsi`.
export const ShRSIOp = intBinary("shrsi", "signed integer right-shift", F.foldShRSI);
/// `arith.maxsi`.
export const MaxSIOp = intBinary("maxsi", "signed integer maximum operation", F.foldMaxSI, { traits: [Trait.Commutative] });
/// `arith.maxui`.
export const MaxUIOp = intBinary("maxui", "unsigned integer maximum operation", F.foldMaxUI, { traits: [Trait.Commutative] });
/// `arith.minsi`.
export const MinSIOp = intBinary("minsi", "signed integer minimum operation", F.foldMinSI, { traits: [Trait.Commutative] });
/// `arith.minui`.
export const MinUIOp = intBinary("minui", "unsigned integer minimum operation", F.foldMinUI, { traits: [Trait.Commutative] });

function allTypesMatch(op: Operation, names: string, n: number, v: OpVerifyContext): boolean {
  const ts = [...op.operandValues().map((x) => x.type), ...op.results.map((r) => r.type)].slice(0, n);
  return ts.every((t) => t === ts[0]) ? true : v.error(`failed to verify that all of {${names}} have same type`);
}

/// `%sum, %overflow = arith.addui_extended %a, %b : i32, i1`.
export const AddUIExtendedOp = defineOp({
  name: "arith.addui_extended",
  summary: "extended unsigned integer addition operation returning sum and overflow bit",
  operands: [operand("lhs", SignlessIntegerLike), operand("rhs", SignlessIntegerLike)],
  results: [result("sum", SignlessIntegerLike), result("overflow", BoolLike)],
  traits: [Trait.Pure, Trait.Commutative, Trait.ElementwiseMappable],
  format: "$lhs `,` $rhs attr-dict `:` type($sum) `,` type($overflow)",
  inferTypes: (ctx) => { ctx.operandTypes[0] = ctx.resultTypes[0]; ctx.operandTypes[1] = ctx.resultTypes[0]; return null; },
  verify: (op, v) => allTypesMatch(op, "lhs, rhs, sum", 3, v) && checkElementwise(op, v),
  fold: F.withTraitFolds(F.foldAddUIExtended, true, false),
  asmNames: (_op, set) => { set(0, "sum"); set(1, "overflow"); },
});

function mulExtended(mnemonic: string, summary: string, fold: FoldFn): OpDef {
  return defineOp({
    name: `arith.${mnemonic}`,
    summary,
    operands: [operand("lhs", SignlessIntegerLike), operand("rhs", SignlessIntegerLike)],
    results: [result("low", SignlessIntegerLike), result("high", SignlessIntegerLike)],
    traits: [Trait.Pure, Trait.Commutative, Trait.ElementwiseMappable],
    format: "$lhs `,` $rhs attr-dict `:` type($lhs)",
    inferTypes: (ctx) => {
      const t = ctx.operandTypes[0];
      ctx.operandTypes[1] = t;
      ctx.resultTypes[0] = t;
      ctx.resultTypes[1] = t;
      return null;
    },
    verify: (op, v) => allTypesMatch(op, "lhs, rhs, low, high", 4, v) && checkElementwise(op, v),
    fold: F.withTraitFolds(fold, true, false),
    asmNames: (_op, set) => { set(0, "low"); set(1, "high"); },
  });
}
/// `%low, %high = arith.mulsi_extended %a, %b : i32`.
export const MulSIExtendedOp = mulExtended("mulsi_extended", "extended signed integer multiplication operation", F.foldMulSIExtended);
/// `%low, %high = arith.mului_extended %a, %b : i32`.
export const MulUIExtendedOp = mulExtended("mului_extended", "extended unsigned integer multiplication operation", F.foldMulUIExtended);

// ---- float arithmetic ----

/// `arith.negf %x : f32`.
export const NegFOp = defineOp({
  name: "arith.negf",
  summary: "floating point negation",
  operands: [operand("operand", FloatLike)],
  results: [result("result", FloatLike)],
  props: [prop("fastmath", FastMathAttrC, fastMathNone)],
  traits: [Trait.Pure, Trait.SameOperandsAndResultType, Trait.ElementwiseMappable],
  format: "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
  fold: F.foldNegF,
});
/// `arith.addf`.
export const AddFOp = floatBinary("addf", "floating point addition operation", F.foldAddF, [Trait.Commutative]);
/// `arith.subf`.
export const SubFOp = floatBinary("subf", "floating point subtraction operation", F.foldSubF);
/// `arith.mulf`.
export const MulFOp = floatBinary("mulf", "floating point multiplication operation", F.foldMulF, [Trait.Commutative]);
/// `arith.divf`.
export const DivFOp = floatBinary("divf", "floating point division operation", F.foldDivF);
/// `arith.remf`.
export const RemFOp = floatBinary("remf", "floating point division remainder operation", F.foldRemF);
/// `arith.maximumf`.
export const MaximumFOp = floatBinary("maximumf", "floating-point maximum operation", F.foldMaximumF, [Trait.Commutative]);
/// `arith.minimumf`.
export const MinimumFOp = floatBinary("minimumf", "floating-point minimum operation", F.foldMinimumF, [Trait.Commutative]);
/// `arith.maxnumf`.
export const MaxNumFOp = floatBinary("maxnumf", "floating-point maximum operation", F.foldMaxNumF, [Trait.Commutative]);
/// `arith.minnumf`.
export const MinNumFOp = floatBinary("minnumf", "floating-point minimum operation", F.foldMinNumF, [Trait.Commutative]);

// ---- comparisons and select ----

function compareResultType(ctx: InferTypesContext): string | null {
  const t = ctx.operandTypes[0]?.[0];
  if (t === undefined) return "cannot infer the type of the comparison";
  ctx.operandTypes[1] = [t];
  ctx.resultTypes[0] = [F.i1SameShape(t)];
  return null;
}

function verifyCompare(op: Operation, v: OpVerifyContext): boolean {
  if (op.results[0].type !== F.i1SameShape(op.operand(0).type)) {
    return v.error("failed to verify that result type has i1 element type and same shape as operands");
  }
  return checkElementwise(op, v);
}

/// `arith.cmpi slt, %a, %b : i32`; the predicate is an i64 attribute in generic form.
export const CmpIOp = defineOp({
  name: "arith.cmpi",
  summary: "integer comparison operation",
  operands: [operand("lhs", SignlessIntegerLike), operand("rhs", SignlessIntegerLike)],
  results: [result("result", BoolLike)],
  props: [prop("predicate", CmpIPredicateAttrC)],
  traits: [Trait.Pure, Trait.SameTypeOperands, Trait.ElementwiseMappable],
  format: "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)",
  inferTypes: compareResultType,
  typeSources: ["lhs"],
  verify: verifyCompare,
  fold: F.foldCmpI,
});

/// `arith.cmpf olt, %a, %b : f32`.
export const CmpFOp = defineOp({
  name: "arith.cmpf",
  summary: "floating-point comparison operation",
  operands: [operand("lhs", FloatLike), operand("rhs", FloatLike)],
  results: [result("result", BoolLike)],
  props: [prop("predicate", CmpFPredicateAttrC), prop("fastmath", FastMathAttrC, fastMathNone)],
  traits: [Trait.Pure, Trait.SameTypeOperands, Trait.ElementwiseMappable],
  format: "$predicate `,` $lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs)",
  inferTypes: compareResultType,
  typeSources: ["lhs"],
  verify: verifyCompare,
  fold: F.foldCmpF,
});

/// `%c, %a, %b {attrs} : [cond type,] type`: MLIR's hand-written SelectOp::parse/print.
const selectSyntax: OpSyntax = {
  parse: (p, state) => {
    const at = p.currentOffset();
    const uses = p.parseOperandList("none");
    if (uses.length !== 3) p.error("expected 3 operands", at);
    p.parseOptionalAttrDict(state.attrs);
    let resultType = p.parseColonType();
    let condType: Type = Builtin.i1;
    if (p.parseOptionalPunct(",")) { condType = resultType; resultType = p.parseType(); }
    state.resultTypes.push(resultType);
    state.operands.push(...p.resolveOperands(uses, [condType, resultType, resultType], state.offset));
    return true;
  },
  print: (p, op) => {
    p.write(" ");
    p.printOperands(op.operandValues());
    p.printOptionalAttrDict(op.attrs.entries.concat(op.props.entries));
    p.write(" : ");
    const c = op.operand(0).type;
    if (isShaped(c)) { p.printType(c); p.write(", "); }
    p.printType(op.results[0].type);
  },
};

/// `arith.select %c, %a, %b : i32` (hand-written syntax in MLIR).
export const SelectOp = defineOp({
  name: "arith.select",
  summary: "select operation",
  operands: [operand("condition", BoolLike), operand("true_value", AnyType), operand("false_value", AnyType)],
  results: [result("result", AnyType)],
  traits: [Trait.Pure, Trait.ElementwiseMappable],
  syntax: selectSyntax,
  verify: (op, v) => {
    const c = op.operand(0).type, t = op.operand(1).type, f = op.operand(2).type, r = op.results[0].type;
    if (t !== f || t !== r) return v.error("failed to verify that all of {true_value, false_value, result} have same type");
    const shapedOk = isShaped(c) && isShaped(r) && (!isRanked(c) || !isRanked(r) || (c as ShapedType).shape.join("x") === (r as ShapedType).shape.join("x"));
    if (c !== Builtin.i1 && !shapedOk) return v.error("failed to verify that condition is signless i1 or has matching shape");
    if (!checkElementwise(op, v)) return false;
    if (c === Builtin.i1) return true;
    if (!(r.kind === TypeKind.Tensor || r.kind === TypeKind.UnrankedTensor || r.kind === TypeKind.Vector)) return v.error(`expected condition to be a signless i1, but got ${q(c)}`);
    const want = F.i1SameShape(r);
    if (c !== want) return v.error(`expected condition type to have the same shape as the result type, expected ${q(want)}, but got ${q(c)}`);
    return true;
  },
  fold: F.foldSelect,
});

// ---- casts ----

/// `arith.extui %a : i8 to i32`.
export const ExtUIOp = cast("extui", "integer zero extension operation", SignlessFixedWidthIntegerLike, SignlessFixedWidthIntegerLike, widthChange(isIntElem, true), F.foldExtUI, { verify: widthVerifier(true) });
/// `arith.extsi %a : i8 to i32`.
export const ExtSIOp = cast("extsi", "integer sign extension operation", SignlessFixedWidthIntegerLike, SignlessFixedWidthIntegerLike, widthChange(isIntElem, true), F.foldExtSI, { verify: widthVerifier(true) });
/// `arith.extf %a : f16 to f32`.
export const ExtFOp = cast("extf", "cast from floating-point to wider floating-point", FloatLike, FloatLike, widthChange(isFloatElem, true), F.foldExtF, {
  props: [optProp("fastmath", FastMathAttrC)], format: "(`fastmath` `` $fastmath^)? ", verify: widthVerifier(true),
});
/// `arith.trunci %a : i32 to i8`.
export const TruncIOp = cast("trunci", "integer truncation operation", SignlessFixedWidthIntegerLike, SignlessFixedWidthIntegerLike, widthChange(isIntElem, false), F.foldTruncI, { verify: widthVerifier(false) });
/// `arith.truncf %a [to_nearest_even] : f32 to f16`.
export const TruncFOp = cast("truncf", "cast from floating-point to narrower floating-point", FloatLike, FloatLike, widthChange(isFloatElem, false), F.foldTruncF, {
  props: [optProp("roundingmode", RoundingModeAttrC), optProp("fastmath", FastMathAttrC)],
  format: "($roundingmode^)? (`fastmath` `` $fastmath^)? ", verify: widthVerifier(false),
});
/// `arith.uitofp %a : i32 to f32`.
export const UIToFPOp = cast("uitofp", "cast from unsigned integer type to floating-point", SignlessFixedWidthIntegerLike, FloatLike, intFloat(isIntElem, isFloatElem), F.foldUIToFP);
/// `arith.sitofp %a : i32 to f32`.
export const SIToFPOp = cast("sitofp", "cast from integer type to floating-point", SignlessFixedWidthIntegerLike, FloatLike, intFloat(isIntElem, isFloatElem), F.foldSIToFP);
/// `arith.fptoui %a : f32 to i32`.
export const FPToUIOp = cast("fptoui", "cast from floating-point type to integer type", FloatLike, SignlessFixedWidthIntegerLike, intFloat(isFloatElem, isIntElem), F.foldFPToUI);
/// `arith.fptosi %a : f32 to i32`.
export const FPToSIOp = cast("fptosi", "cast from floating-point type to integer type", FloatLike, SignlessFixedWidthIntegerLike, intFloat(isFloatElem, isIntElem), F.foldFPToSI);
/// `arith.index_cast %a : i32 to index`.
export const IndexCastOp = cast("index_cast", "cast between index and integer types", IndexCastType, IndexCastType, indexCastCompatible, F.foldIndexCast);
/// `arith.index_castui %a : i32 to index`.
export const IndexCastUIOp = cast("index_castui", "unsigned cast between index and integer types", IndexCastType, IndexCastType, indexCastCompatible, F.foldIndexCastUI);
/// `arith.bitcast %a : i32 to f32`.
export const BitcastOp = cast("bitcast", "bitcast between values of equal bit width", BitcastType, BitcastType, bitcastCompatible, F.foldBitcast);

/// The arith dialect.
export const ArithDialect: DialectDef = {
  name: "arith",
  ops: [
    ArithConstantOp, AddIOp, AddUIExtendedOp, SubIOp, MulIOp, MulSIExtendedOp, MulUIExtendedOp, DivUIOp, DivSIOp, CeilDivUIOp,
    CeilDivSIOp, FloorDivSIOp, RemUIOp, RemSIOp, AndIOp, OrIOp, XOrIOp, ShLIOp, ShRUIOp, ShRSIOp, NegFOp, AddFOp, SubFOp,
    MaximumFOp, MaxNumFOp, MaxSIOp, MaxUIOp, MinimumFOp, MinNumFOp, MinSIOp, MinUIOp, MulFOp, DivFOp, RemFOp, ExtUIOp,
    ExtSIOp, ExtFOp, TruncIOp, TruncFOp, UIToFPOp, SIToFPOp, FPToUIOp, FPToSIOp, IndexCastOp, IndexCastUIOp, BitcastOp,
    CmpIOp, CmpFOp, SelectOp,
  ],
  attrs: arithAttrSyntax,
};
registry.register(ArithDialect);
