// Canonicalization patterns of arith (MLIR 19's ArithCanonicalization.td and ArithOps.cpp), appended to the op
// records' lists on import. Rewrites create their constants first and replace the root, as DRR-generated code does.
import {
  AttrKind, Builtin, getFusedLoc, getIntegerAttr, matchConstant, pattern, registry, Signedness, TypeKind, type Attribute, type DialectDef,
  type IntegerAttr, type IntegerType, type Location, type LocationRef, type OpBuilder,
  type Operation, type PatternRewriter, type RewritePattern, type Type, type Value,
} from "@allo/ir-core";
import { flagsOf, getOverflowAttr } from "./attrs.js";
import {
  AddIOp, AndIOp, ArithConstantOp, ArithDialect, CmpFOp, CmpIOp, DivFOp, ExtSIOp, MulFOp, IndexCastOp, IndexCastUIOp, MulIOp, OrIOp, SelectOp, SubIOp,
  XOrIOp,
} from "./ops.js";
import { arithCastPatterns } from "./cast-patterns.js";
import { cmpFIntToFPConst } from "./cmpf-int.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`arith canonicalization needs '${name}'`);
  return d;
}

/// A scalar integer constant (DRR's ConstantLikeMatcher APIntAttr), or null.
function apint(v: Value): IntegerAttr | null {
  const a = matchConstant(v);
  return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr) : null;
}

const defining = (v: Value, name: string): Operation | null => {
  const d = v.definingOp;
  return d !== null && d.name === name ? d : null;
};

function widthOf(t: Type): number { return t.kind === TypeKind.Index ? 64 : (t as IntegerType).width; }

/// An integer attribute of `type` from `f(a, b)`, wrapped to the type's width (MLIR's applyToIntegerAttrs).
function intAttr(type: Type, v: bigint): IntegerAttr {
  return getIntegerAttr(type, BigInt.asIntN(widthOf(type), v));
}

/// The location of the replacement ops: DRR's odsLoc, the fused locations of the first N ops DRR's matcher records
/// (N = the op nodes of the source pattern), root first, then matched ops in depth-first post order, where the defining
/// op of a ConstantLikeMatcher operand counts as matched but not towards N.
function loc(root: Operation, ...matched: Operation[]): Location {
  return getFusedLoc([root.loc, ...matched.map((m) => m.loc)]);
}

function constant(rw: PatternRewriter, value: Attribute, type: Type, l: Location): Value {
  return rw.create(def("arith.constant"), { resultTypes: [type], props: { value }, loc: l }).results[0];
}

function overflow(op: Operation): number { return flagsOf(op.props.get("overflowFlags")); }

function binary(rw: PatternRewriter, name: string, a: Value, b: Value, l: Location, ovf: number | null = null): Value {
  const props = ovf === null ? {} : { overflowFlags: getOverflowAttr(ovf) };
  return rw.create(def(name), { operands: [a, b], resultTypes: [a.type], props, loc: l }).results[0];
}

/// `root(inner(x, c0), c1)` with constants: the matched values, or null.
function matchInnerConst(op: Operation, inner: string, constOnRight: boolean): { x: Value; c0: IntegerAttr; c1: IntegerAttr; innerOp: Operation } | null {
  const c1 = apint(op.operand(1));
  const i = defining(op.operand(0), inner);
  if (c1 === null || i === null) return null;
  const c0 = apint(i.operand(constOnRight ? 1 : 0));
  if (c0 === null) return null;
  return { x: i.operand(constOnRight ? 0 : 1), c0, c1, innerOp: i };
}

/// The defining op of the constant operand of `inner`.
function i0(inner: Operation, constOnRight: boolean): Operation {
  return inner.operand(constOnRight ? 1 : 0).definingOp!;
}

/// A DRR-style constant folding pattern: `root(inner(..), c1) -> make(...)`.
function constPattern(name: string, root: string, inner: string, constOnRight: boolean,
  rewrite: (rw: PatternRewriter, op: Operation, m: { x: Value; c0: bigint; c1: bigint; innerOp: Operation }, l: Location) => Value): RewritePattern {
  return pattern({
    name, root, benefit: 2,
    matchAndRewrite(op, rw) {
      const m = matchInnerConst(op, inner, constOnRight);
      if (m === null) return false;
      const l = loc(op, i0(m.innerOp, constOnRight));
      const v = rewrite(rw, op, { x: m.x, c0: m.c0.big, c1: m.c1.big, innerOp: m.innerOp }, l);
      rw.replaceOp(op, [v]);
      return true;
    },
  });
}

/// `root(c1, inner(..))`: the constant is the left operand of the root.
function constLhsPattern(name: string, root: string, inner: string, constOnRight: boolean,
  rewrite: (rw: PatternRewriter, op: Operation, m: { x: Value; c0: bigint; c1: bigint; innerOp: Operation }, l: Location) => Value): RewritePattern {
  return pattern({
    name, root, benefit: 2,
    matchAndRewrite(op, rw) {
      const c1 = apint(op.operand(0));
      const i = defining(op.operand(1), inner);
      if (c1 === null || i === null) return false;
      const c0 = apint(i.operand(constOnRight ? 1 : 0));
      if (c0 === null) return false;
      const l = loc(op, op.operand(0).definingOp!);
      const v = rewrite(rw, op, { x: i.operand(constOnRight ? 0 : 1), c0: c0.big, c1: c1.big, innerOp: i }, l);
      rw.replaceOp(op, [v]);
      return true;
    },
  });
}

const merge = (a: Operation, b: Operation) => overflow(a) & overflow(b);
const ty = (op: Operation) => op.results[0].type;

// ---- addi ----
const addIAddConstant = constPattern("AddIAddConstant", "arith.addi", "arith.addi", true, (rw, op, m, l) =>
  binary(rw, "arith.addi", m.x, constant(rw, intAttr(ty(op), m.c0 + m.c1), ty(op), l), l, merge(m.innerOp, op)));
const addISubConstantRHS = constPattern("AddISubConstantRHS", "arith.addi", "arith.subi", true, (rw, op, m, l) =>
  binary(rw, "arith.addi", m.x, constant(rw, intAttr(ty(op), m.c1 - m.c0), ty(op), l), l, merge(m.innerOp, op)));
const addISubConstantLHS = constPattern("AddISubConstantLHS", "arith.addi", "arith.subi", false, (rw, op, m, l) =>
  binary(rw, "arith.subi", constant(rw, intAttr(ty(op), m.c0 + m.c1), ty(op), l), m.x, l, merge(m.innerOp, op)));

function isNegOne(v: Value): boolean {
  const a = matchConstant(v);
  if (a === null) return false;
  if (a.kind === AttrKind.Integer) return BigInt.asIntN(widthOf((a as IntegerAttr).type), (a as IntegerAttr).big) === -1n;
  return false;
}

const addIMulNegativeOneRhs = pattern({
  name: "AddIMulNegativeOneRhs", root: "arith.addi", benefit: 2,
  matchAndRewrite(op, rw) {
    const mul = defining(op.operand(1), "arith.muli");
    if (mul === null || !isNegOne(mul.operand(1))) return false;
    rw.replaceOp(op, [binary(rw, "arith.subi", op.operand(0), mul.operand(0), loc(op, mul.operand(1).definingOp!), 0)]);
    return true;
  },
});
const addIMulNegativeOneLhs = pattern({
  name: "AddIMulNegativeOneLhs", root: "arith.addi", benefit: 2,
  matchAndRewrite(op, rw) {
    const mul = defining(op.operand(0), "arith.muli");
    if (mul === null || !isNegOne(mul.operand(1))) return false;
    rw.replaceOp(op, [binary(rw, "arith.subi", op.operand(1), mul.operand(0), loc(op, mul.operand(1).definingOp!), 0)]);
    return true;
  },
});

// ---- subi ----
const subIRHSAddConstant = constPattern("SubIRHSAddConstant", "arith.subi", "arith.addi", true, (rw, op, m, l) =>
  binary(rw, "arith.addi", m.x, constant(rw, intAttr(ty(op), m.c0 - m.c1), ty(op), l), l, merge(m.innerOp, op)));
const subILHSAddConstant = constLhsPattern("SubILHSAddConstant", "arith.subi", "arith.addi", true, (rw, op, m, l) =>
  binary(rw, "arith.subi", constant(rw, intAttr(ty(op), m.c1 - m.c0), ty(op), l), m.x, l, merge(m.innerOp, op)));
const subIRHSSubConstantRHS = constPattern("SubIRHSSubConstantRHS", "arith.subi", "arith.subi", true, (rw, op, m, l) =>
  binary(rw, "arith.subi", m.x, constant(rw, intAttr(ty(op), m.c0 + m.c1), ty(op), l), l, merge(m.innerOp, op)));
const subIRHSSubConstantLHS = constPattern("SubIRHSSubConstantLHS", "arith.subi", "arith.subi", false, (rw, op, m, l) =>
  binary(rw, "arith.subi", constant(rw, intAttr(ty(op), m.c0 - m.c1), ty(op), l), m.x, l, merge(m.innerOp, op)));
const subILHSSubConstantRHS = constLhsPattern("SubILHSSubConstantRHS", "arith.subi", "arith.subi", true, (rw, op, m, l) =>
  binary(rw, "arith.subi", constant(rw, intAttr(ty(op), m.c0 + m.c1), ty(op), l), m.x, l, merge(m.innerOp, op)));
const subILHSSubConstantLHS = constLhsPattern("SubILHSSubConstantLHS", "arith.subi", "arith.subi", false, (rw, op, m, l) =>
  binary(rw, "arith.addi", m.x, constant(rw, intAttr(ty(op), m.c1 - m.c0), ty(op), l), l, merge(m.innerOp, op)));
const subISubILHSRHSLHS = pattern({
  name: "SubISubILHSRHSLHS", root: "arith.subi", benefit: 2,
  matchAndRewrite(op, rw) {
    const inner = defining(op.operand(0), "arith.subi");
    if (inner === null || inner.operand(0) !== op.operand(1)) return false;
    const y = inner.operand(1);
    const l = loc(op, inner);
    rw.replaceOp(op, [binary(rw, "arith.subi", constant(rw, intAttr(y.type, 0n), y.type, l), y, l, 0)]);
    return true;
  },
});

// ---- muli ----
const mulIMulIConstant = constPattern("MulIMulIConstant", "arith.muli", "arith.muli", true, (rw, op, m, l) =>
  binary(rw, "arith.muli", m.x, constant(rw, intAttr(ty(op), m.c0 * m.c1), ty(op), l), l, merge(m.innerOp, op)));

// ---- bitwise of extensions ----
function ofExt(name: string, root: string, ext: string): RewritePattern {
  return pattern({
    name, root, benefit: 3,
    matchAndRewrite(op, rw) {
      const a = defining(op.operand(0), ext), b = defining(op.operand(1), ext);
      if (a === null || b === null || a.operand(0).type !== b.operand(0).type) return false;
      const l = loc(op, a, b);
      const inner = binary(rw, root, a.operand(0), b.operand(0), l);
      rw.replaceOp(op, [rw.create(def(ext), { operands: [inner], resultTypes: [ty(op)], loc: l }).results[0]]);
      return true;
    },
  });
}

// ---- mulf / divf of negations ----
/// op(negf(x), negf(y)) -> op(x, y), keeping op's fastmath flags (MulFOfNegF, DivFOfNegF).
function ofNegF(name: string, root: string): RewritePattern {
  return pattern({
    name, root, benefit: 3,
    matchAndRewrite(op, rw) {
      const a = defining(op.operand(0), "arith.negf"), b = defining(op.operand(1), "arith.negf");
      if (a === null || b === null || a.operand(0).type !== b.operand(0).type) return false;
      const fastmath = op.props.get("fastmath");
      rw.replaceOp(op, rw.create(def(root), { operands: [a.operand(0), b.operand(0)], resultTypes: [ty(op)], props: { fastmath }, loc: loc(op, a, b) }).results);
      return true;
    },
  });
}

// ---- xori(cmpi(p, a, b), true) -> cmpi(!p, a, b) ----
const invertPredicate = [1, 0, 5, 4, 3, 2, 9, 8, 7, 6];
const xorINotCmpI = pattern({
  name: "XOrINotCmpI", root: "arith.xori", benefit: 2,
  matchAndRewrite(op, rw) {
    const cmp = defining(op.operand(0), "arith.cmpi");
    const one = apint(op.operand(1));
    if (cmp === null || one === null || one.type !== Builtin.i1 || one.big === 0n) return false;
    const p = (cmp.props.get("predicate") as IntegerAttr).num;
    const n = rw.create(def("arith.cmpi"), { operands: [cmp.operand(0), cmp.operand(1)], resultTypes: [Builtin.i1], props: { predicate: getIntegerAttr(Builtin.i64, invertPredicate[p]) }, loc: loc(op, cmp) });
    rw.replaceOp(op, n.results);
    return true;
  },
});

// ---- cmpi of extensions (eq / ne) ----
function cmpIExt(name: string, ext: string): RewritePattern {
  return pattern({
    name, root: "arith.cmpi", benefit: 3,
    matchAndRewrite(op, rw) {
      const a = defining(op.operand(0), ext), b = defining(op.operand(1), ext);
      if (a === null || b === null || a.operand(0).type !== b.operand(0).type) return false;
      const pred = op.props.get("predicate")!;
      const p = (pred as IntegerAttr).num;
      if (p !== 0 && p !== 1) return false;
      const n = rw.create(def("arith.cmpi"), { operands: [a.operand(0), b.operand(0)], resultTypes: [ty(op)], props: { predicate: pred }, loc: loc(op, a, b) });
      rw.replaceOp(op, n.results);
      return true;
    },
  });
}

// ---- casts ----
const extSIOfExtUI = pattern({
  name: "ExtSIOfExtUI", root: "arith.extsi", benefit: 2,
  matchAndRewrite(op, rw) {
    const e = defining(op.operand(0), "arith.extui");
    if (e === null) return false;
    rw.replaceOp(op, rw.create(def("arith.extui"), { operands: [e.operand(0)], resultTypes: [ty(op)], loc: loc(op, e) }).results);
    return true;
  },
});
function castOfCast(name: string, root: string, inner: string, replaceWithSource: boolean): RewritePattern {
  return pattern({
    name, root, benefit: 2,
    matchAndRewrite(op, rw) {
      const i = defining(op.operand(0), inner);
      if (i === null) return false;
      if (replaceWithSource) {
        if (ty(op) !== i.operand(0).type) return false;
        rw.replaceOp(op, [i.operand(0)]);
        return true;
      }
      rw.replaceOp(op, rw.create(def(root), { operands: [i.operand(0)], resultTypes: [ty(op)], loc: loc(op, i) }).results);
      return true;
    },
  });
}

// ---- select ----
function isBoolConst(v: Value, b: boolean): boolean {
  const a = apint(v);
  return a !== null && a.type === Builtin.i1 && (a.big !== 0n) === b;
}
const redundantSelectTrue = pattern({
  name: "RedundantSelectTrue", root: "arith.select", benefit: 2,
  matchAndRewrite(op, rw) {
    const inner = defining(op.operand(1), "arith.select");
    if (inner === null || inner.operand(0) !== op.operand(0)) return false;
    rw.replaceOp(op, rw.create(def("arith.select"), { operands: [op.operand(0), inner.operand(1), op.operand(2)], resultTypes: [ty(op)], loc: loc(op, inner) }).results);
    return true;
  },
});
const redundantSelectFalse = pattern({
  name: "RedundantSelectFalse", root: "arith.select", benefit: 2,
  matchAndRewrite(op, rw) {
    const inner = defining(op.operand(2), "arith.select");
    if (inner === null || inner.operand(0) !== op.operand(0)) return false;
    rw.replaceOp(op, rw.create(def("arith.select"), { operands: [op.operand(0), op.operand(1), inner.operand(2)], resultTypes: [ty(op)], loc: loc(op, inner) }).results);
    return true;
  },
});
const selectNotCond = pattern({
  name: "SelectNotCond", root: "arith.select", benefit: 2,
  matchAndRewrite(op, rw) {
    const x = defining(op.operand(0), "arith.xori");
    if (x === null || !isBoolConst(x.operand(1), true)) return false;
    rw.replaceOp(op, rw.create(def("arith.select"), { operands: [x.operand(0), op.operand(2), op.operand(1)], resultTypes: [ty(op)], loc: loc(op, x.operand(1).definingOp!) }).results);
    return true;
  },
});
const selectI1ToNot = pattern({
  name: "SelectI1ToNot", root: "arith.select", benefit: 1,
  matchAndRewrite(op, rw) {
    if (!isBoolConst(op.operand(1), false) || !isBoolConst(op.operand(2), true)) return false;
    const l = op.loc;
    const t = constant(rw, getIntegerAttr(Builtin.i1, 1), Builtin.i1, l);
    rw.replaceOp(op, [binary(rw, "arith.xori", op.operand(0), t, l)]);
    return true;
  },
});
const selectToExtUI = pattern({
  name: "SelectToExtUI", root: "arith.select", benefit: 1,
  matchAndRewrite(op, rw) {
    const t = ty(op);
    if (t.kind !== TypeKind.Integer || t === Builtin.i1) return false;
    const tv = apint(op.operand(1)), fv = apint(op.operand(2));
    if (tv === null || fv === null) return false;
    if (tv.big === 1n && fv.big === 0n) {
      rw.replaceOp(op, rw.create(def("arith.extui"), { operands: [op.operand(0)], resultTypes: [t], loc: op.loc }).results);
      return true;
    }
    if (tv.big === 0n && fv.big === 1n) {
      const c = op.operand(0);
      const one = constant(rw, getIntegerAttr(c.type, 1), c.type, op.loc);
      const x = binary(rw, "arith.xori", c, one, op.loc);
      rw.replaceOp(op, rw.create(def("arith.extui"), { operands: [x], resultTypes: [t], loc: op.loc }).results);
      return true;
    }
    return false;
  },
});

const lists: [Operation["def"], RewritePattern[]][] = [
  [AddIOp, [addIAddConstant, addISubConstantRHS, addISubConstantLHS, addIMulNegativeOneRhs, addIMulNegativeOneLhs]],
  [SubIOp, [subIRHSAddConstant, subILHSAddConstant, subIRHSSubConstantRHS, subIRHSSubConstantLHS, subILHSSubConstantRHS, subILHSSubConstantLHS, subISubILHSRHSLHS]],
  [MulIOp, [mulIMulIConstant]],
  [AndIOp, [ofExt("AndOfExtUI", "arith.andi", "arith.extui"), ofExt("AndOfExtSI", "arith.andi", "arith.extsi")]],
  [OrIOp, [ofExt("OrOfExtUI", "arith.ori", "arith.extui"), ofExt("OrOfExtSI", "arith.ori", "arith.extsi")]],
  [XOrIOp, [xorINotCmpI, ofExt("XOrIOfExtUI", "arith.xori", "arith.extui"), ofExt("XOrIOfExtSI", "arith.xori", "arith.extsi")]],
  [CmpIOp, [cmpIExt("CmpIExtSI", "arith.extsi"), cmpIExt("CmpIExtUI", "arith.extui")]],
  [ExtSIOp, [extSIOfExtUI]],
  [IndexCastOp, [castOfCast("IndexCastOfIndexCast", "arith.index_cast", "arith.index_cast", true), castOfCast("IndexCastOfExtSI", "arith.index_cast", "arith.extsi", false)]],
  [IndexCastUIOp, [castOfCast("IndexCastUIOfIndexCastUI", "arith.index_castui", "arith.index_castui", true), castOfCast("IndexCastUIOfExtUI", "arith.index_castui", "arith.extui", false)]],
  [SelectOp, [redundantSelectFalse, redundantSelectTrue, selectNotCond, selectI1ToNot, selectToExtUI]],
  [CmpFOp, [cmpFIntToFPConst]],
  [MulFOp, [ofNegF("MulFOfNegF", "arith.mulf")]],
  [DivFOp, [ofNegF("DivFOfNegF", "arith.divf")]],
  ...arithCastPatterns.map(([name, l]) => [registry.lookupOp(name), l] as [Operation["def"], RewritePattern[]]),
];

/// Every arith canonicalization pattern, by root op.
export const arithCanonicalizationPatterns: readonly RewritePattern[] = lists.flatMap(([, l]) => l);

for (const [record, list] of lists) {
  const target = record!.canonicalize as RewritePattern[];
  for (const p of list) if (!target.includes(p)) target.push(p);
}

// MLIR's ArithDialect::materializeConstant (arith::ConstantOp::materialize): an `arith.constant` of a typed integer,
// float or dense elements attribute whose type is `type` (signless integers only). Installed here when the dialect
// record does not define it yet, so that folding can materialize constants.

function materializeArithConstant(b: OpBuilder, value: Attribute, type: Type, l: LocationRef): Operation | null {
  const k = value.kind;
  if (k !== AttrKind.Integer && k !== AttrKind.Float && k !== AttrKind.DenseElements) return null;
  if ((value as unknown as { type: Type }).type !== type) return null;
  if (type.kind === TypeKind.Integer && (type as IntegerType).signedness !== Signedness.Signless) return null;
  return b.create(ArithConstantOp, { resultTypes: [type], props: { value }, loc: l });
}
if ((ArithDialect as DialectDef).materializeConstant === undefined) Object.defineProperty(ArithDialect, "materializeConstant", { value: materializeArithConstant });
