// lower-affine: lowers affine ops to arith, memref, scf and vector (MLIR's AffineToStandard.cpp), with the dialect
// conversion driver's order: ops in pre-order, each folded first if it folds, else rewritten, with replacements deferred to the end.
import {
  AffineExprKind, Builtin, definePass, DiagMessages, foldOperation, getAffineDimExpr, getAffineMap, getAffineMapAttr, getAffineSymbolExpr,
  getDenseI32ArrayAttr, getIntegerAttr, getIndexAttr, hasTrait, InternalError,
  getFloatAttr, materializeConstant, PatternRewriter, registry, Trait, TypeKind, type AffineExpr, type AffineMap, type Attribute,
  type FloatType, type IntegerType, type OpDef, type Operation, type Type, type Value,
} from "@allo/ir-core";
import { accessOp, atomicRMWKinds, composeAffineMapAndOperands, dmaStartGroups, forOp, ifOp, mapOf, parallelOp } from "@allo/dialect-affine";

function def(name: string): OpDef {
  const d = registry.lookupOp(name);
  if (d === null) throw new InternalError(`lower-affine needs '${name}'`);
  return d;
}

/// arith.cmpi predicates.
const enum Pred { eq = 0, ne = 1, slt = 2, sle = 3, sgt = 4, sge = 5 }

/// Emits arith ops computing affine expressions at the rewriter's insertion point (MLIR's AffineApplyExpander).
class Expander {
  error: string | null = null;
  constructor(private readonly rw: PatternRewriter, private readonly loc: Operation["loc"]) {}
  private bin(name: string, a: Value, b: Value): Value {
    return this.rw.create(def(name), { operands: [a, b], resultTypes: [a.type], loc: this.loc }).results[0];
  }
  constant(v: number): Value {
    return this.rw.create(def("arith.constant"), { resultTypes: [Builtin.index], props: { value: getIndexAttr(v) }, loc: this.loc }).results[0];
  }
  private cmp(p: Pred, a: Value, b: Value): Value {
    return this.rw.create(def("arith.cmpi"), { operands: [a, b], resultTypes: [Builtin.i1], props: { predicate: getIntegerAttr(Builtin.i64, p) }, loc: this.loc }).results[0];
  }
  private select(c: Value, a: Value, b: Value): Value {
    return this.rw.create(def("arith.select"), { operands: [c, a, b], resultTypes: [a.type], loc: this.loc }).results[0];
  }
  expand(e: AffineExpr, dims: readonly Value[], syms: readonly Value[]): Value | null {
    switch (e.kind) {
      case AffineExprKind.Constant: return this.constant(e.value);
      case AffineExprKind.DimId: return dims[e.value];
      case AffineExprKind.SymbolId: return syms[e.value];
      case AffineExprKind.Add: case AffineExprKind.Mul: {
        const l = this.expand(e.lhs!, dims, syms), r = this.expand(e.rhs!, dims, syms);
        if (l === null || r === null) return null;
        return this.bin(e.kind === AffineExprKind.Add ? "arith.addi" : "arith.muli", l, r);
      }
      case AffineExprKind.Mod: {
        if (e.rhs!.isConstant() && e.rhs!.value <= 0) { this.error = DiagMessages.UnsupportedAffineExpr.text.replace("{0}", "modulo"); return null; }
        const l = this.expand(e.lhs!, dims, syms), r = this.expand(e.rhs!, dims, syms);
        if (l === null || r === null) return null;
        const rem = this.bin("arith.remsi", l, r);
        const zero = this.constant(0);
        const neg = this.cmp(Pred.slt, rem, zero);
        const corrected = this.bin("arith.addi", rem, r);
        return this.select(neg, corrected, rem);
      }
      case AffineExprKind.FloorDiv: {
        if (e.rhs!.isConstant() && e.rhs!.value <= 0) { this.error = DiagMessages.UnsupportedAffineExpr.text.replace("{0}", "division"); return null; }
        const l = this.expand(e.lhs!, dims, syms), r = this.expand(e.rhs!, dims, syms);
        if (l === null || r === null) return null;
        const zero = this.constant(0);
        const none = this.constant(-1);
        const neg = this.cmp(Pred.slt, l, zero);
        const negDec = this.bin("arith.subi", none, l);
        const dividend = this.select(neg, negDec, l);
        const q = this.bin("arith.divsi", dividend, r);
        const corrected = this.bin("arith.subi", none, q);
        return this.select(neg, corrected, q);
      }
      case AffineExprKind.CeilDiv: {
        if (e.rhs!.isConstant() && e.rhs!.value <= 0) { this.error = DiagMessages.UnsupportedAffineExpr.text.replace("{0}", "division"); return null; }
        const l = this.expand(e.lhs!, dims, syms), r = this.expand(e.rhs!, dims, syms);
        if (l === null || r === null) return null;
        const zero = this.constant(0);
        const one = this.constant(1);
        const nonPos = this.cmp(Pred.sle, l, zero);
        const negated = this.bin("arith.subi", zero, l);
        const dec = this.bin("arith.subi", l, one);
        const dividend = this.select(nonPos, negated, dec);
        const q = this.bin("arith.divsi", dividend, r);
        const negQ = this.bin("arith.subi", zero, q);
        const incQ = this.bin("arith.addi", q, one);
        return this.select(nonPos, negQ, incQ);
      }
    }
  }
  /// One value per result of `map` applied to `operands` (MLIR's expandAffineMap), or null.
  expandMap(map: AffineMap, operands: readonly Value[]): Value[] | null {
    const dims = operands.slice(0, map.getNumDims()), syms = operands.slice(map.getNumDims());
    const out: Value[] = [];
    for (const e of map.results) {
      const v = this.expand(e, dims, syms);
      if (v === null) return null;
      out.push(v);
    }
    return out;
  }
  /// max (sgt) or min (slt) of values, left to right (MLIR's buildMinMaxReductionSeq).
  reduce(values: readonly Value[], max: boolean): Value {
    let v = values[0];
    for (let i = 1; i < values.length; i++) v = this.bin(max ? "arith.maxsi" : "arith.minsi", v, values[i]);
    return v;
  }
}

/// An affine.apply of `map` to `operands` composed with the affine.apply ops defining them (MLIR's
/// makeComposedAffineApply), at the rewriter's insertion point.
function composedApply(rw: PatternRewriter, loc: Operation["loc"], map: AffineMap, operands: readonly Value[], created: Operation[]): Operation {
  const ops = operands.slice();
  const composed = composeAffineMapAndOperands(map, ops);
  const apply = rw.create(def("affine.apply"), { operands: ops, resultTypes: [Builtin.index], props: { map: getAffineMapAttr(composed) }, loc });
  created.push(apply);
  return apply;
}

/// The product of `values` (MLIR's getIndexProduct): the value itself for one, a constant when the product folds
/// (made with arith.constant, as getValueOrCreateConstantIndexOp), else an affine.apply of the product.
function indexProduct(rw: PatternRewriter, loc: Operation["loc"], values: readonly Value[], created: Operation[]): Value {
  let v = values[0];
  const s0 = getAffineSymbolExpr(0), s1 = getAffineSymbolExpr(1);
  for (let i = 1; i < values.length; i++) {
    const apply = composedApply(rw, loc, getAffineMap(0, 2, [s0.mul(s1)]), [v, values[i]], created);
    const e = mapOf(apply)!.results[0];
    if (e.kind !== AffineExprKind.Constant) { v = apply.results[0]; continue; }
    rw.eraseOp(apply);
    created.pop();
    v = rw.create(def("arith.constant"), { resultTypes: [Builtin.index], props: { value: getIndexAttr(e.value) }, loc }).results[0];
  }
  return v;
}

/// The affine.apply ops that delinearize `linear` over `basis` (MLIR's delinearizeIndex): per divisor (the product
/// of the basis after each position) a floordiv and a mod of what is left. The affine.apply ops go to `created`.
function delinearize(rw: PatternRewriter, loc: Operation["loc"], linear: Value, basis: readonly Value[], created: Operation[]): Value[] {
  const divisors: Value[] = [];
  for (let i = 1; i < basis.length; i++) divisors.push(indexProduct(rw, loc, basis.slice(i), created));
  const d0 = getAffineDimExpr(0), d1 = getAffineDimExpr(1);
  const out: Value[] = [];
  let residual = linear;
  for (const d of divisors) {
    out.push(composedApply(rw, loc, getAffineMap(2, 0, [d0.floorDiv(d1)]), [residual, d], created).results[0]);
    residual = composedApply(rw, loc, getAffineMap(2, 0, [d0.mod(d1)]), [residual, d], created).results[0];
  }
  out.push(residual);
  return out;
}

/// Lowers one affine op; returns false if there is no lowering for it (it is then left alone). An op with results
/// goes through `replace`, which defers the replacement, and the affine ops a lowering creates go through `legalize`
/// (see `lowerAffine`).
function lowerOp(op: Operation, rw: PatternRewriter, errors: string[], replace: (op: Operation, values: readonly Value[]) => void, legalize: (op: Operation) => void): boolean {
  rw.setInsertionPoint(op);
  const x = new Expander(rw, op.loc);
  const fail = (): false => { if (x.error !== null) errors.push(x.error); return false; };
  switch (op.name) {
    case "affine.apply": {
      const vs = x.expandMap(mapOf(op)!, op.operandValues());
      if (vs === null) return fail();
      replace(op, vs);
      return true;
    }
    case "affine.min": case "affine.max": {
      const vs = x.expandMap(mapOf(op)!, op.operandValues());
      if (vs === null) return fail();
      replace(op, [x.reduce(vs, op.name === "affine.max")]);
      return true;
    }
    case "affine.yield": {
      if (op.parentOp?.name === "scf.parallel") return false;
      rw.create(def("scf.yield"), { operands: op.operandValues(), loc: op.loc });
      rw.eraseOp(op);
      return true;
    }
    case "affine.for": {
      const lbs = x.expandMap(forOp.lowerBoundMap(op), forOp.lowerBoundOperands(op));
      if (lbs === null) return fail();
      const lb = x.reduce(lbs, true);
      const ubs = x.expandMap(forOp.upperBoundMap(op), forOp.upperBoundOperands(op));
      if (ubs === null) return fail();
      const ub = x.reduce(ubs, false);
      const step = x.constant(forOp.step(op));
      const inits = forOp.inits(op);
      const f = rw.create(def("scf.for"), { operands: [lb, ub, step, ...inits], resultTypes: inits.map((v) => v.type), loc: op.loc });
      rw.inlineRegionBefore(op.regions[0], f.regions[0], null);
      replace(op, f.results);
      return true;
    }
    case "affine.if": {
      const set = ifOp.integerSet(op);
      const zero = x.constant(0);
      const operands = op.operandValues();
      const dims = operands.slice(0, set.numDims), syms = operands.slice(set.numDims);
      let cond: Value | null = null;
      for (let i = 0; i < set.constraints.length; i++) {
        const v = x.expand(set.constraints[i], dims, syms);
        if (v === null) return fail();
        const c = rw.create(def("arith.cmpi"), { operands: [v, zero], resultTypes: [Builtin.i1], props: { predicate: getIntegerAttr(Builtin.i64, set.eqFlags[i] ? Pred.eq : Pred.sge) }, loc: op.loc }).results[0];
        cond = cond === null ? c : rw.create(def("arith.andi"), { operands: [cond, c], resultTypes: [Builtin.i1], loc: op.loc }).results[0];
      }
      if (cond === null) cond = rw.create(def("arith.constant"), { resultTypes: [Builtin.i1], props: { value: getIntegerAttr(Builtin.i1, 1) }, loc: op.loc }).results[0];
      const s = rw.create(def("scf.if"), { operands: [cond], resultTypes: op.results.map((r) => r.type), loc: op.loc });
      rw.inlineRegionBefore(op.regions[0], s.regions[0], null);
      if (!op.regions[1].empty) rw.inlineRegionBefore(op.regions[1], s.regions[1], null);
      replace(op, s.results);
      return true;
    }
    case "affine.load": case "affine.vector_load": {
      const idx = x.expandMap(accessOp.map(op), accessOp.mapOperands(op));
      if (idx === null) return fail();
      const to = op.name === "affine.load" ? "memref.load" : "vector.load";
      const l = rw.create(def(to), { operands: [accessOp.memref(op), ...idx], resultTypes: [op.results[0].type], loc: op.loc });
      replace(op, l.results);
      return true;
    }
    case "affine.store": case "affine.vector_store": {
      const idx = x.expandMap(accessOp.map(op), accessOp.mapOperands(op));
      if (idx === null) return fail();
      const to = op.name === "affine.store" ? "memref.store" : "vector.store";
      rw.create(def(to), { operands: [op.operand(0), accessOp.memref(op), ...idx], loc: op.loc });
      rw.eraseOp(op);
      return true;
    }
    case "affine.dma_start": {
      const g = dmaStartGroups(op);
      const src = x.expandMap(mapOf(op, "src_map")!, g.srcIndices);
      if (src === null) return fail();
      const dst = x.expandMap(mapOf(op, "dst_map")!, g.dstIndices);
      if (dst === null) return fail();
      const tag = x.expandMap(mapOf(op, "tag_map")!, g.tagIndices);
      if (tag === null) return fail();
      rw.create(def("memref.dma_start"), { operands: [g.src, ...src, g.dst, ...dst, g.numElements, g.tag, ...tag, ...g.stride], loc: op.loc });
      rw.eraseOp(op);
      return true;
    }
    case "affine.dma_wait": {
      const map = mapOf(op, "tag_map")!;
      const vs = op.operandValues();
      const tag = x.expandMap(map, vs.slice(1, 1 + map.getNumInputs()));
      if (tag === null) return fail();
      rw.create(def("memref.dma_wait"), { operands: [vs[0], ...tag, vs[1 + map.getNumInputs()]], loc: op.loc });
      rw.eraseOp(op);
      return true;
    }
    case "affine.delinearize_index": {
      const [linear, ...basis] = op.operandValues();
      const created: Operation[] = [];
      const results = delinearize(rw, op.loc, linear, basis, created);
      for (const c of created) if (c.parent !== null) legalize(c);
      replace(op, results);
      return true;
    }
    case "affine.prefetch": {
      const idx = x.expandMap(accessOp.map(op), accessOp.mapOperands(op));
      if (idx === null) return fail();
      rw.create(def("memref.prefetch"), { operands: [accessOp.memref(op), ...idx], props: { isWrite: op.getAttr("isWrite"), localityHint: op.getAttr("localityHint"), isDataCache: op.getAttr("isDataCache") }, loc: op.loc });
      rw.eraseOp(op);
      return true;
    }
    case "affine.parallel": {
      const lbMap = parallelOp.lowerBoundsMap(op), ubMap = parallelOp.upperBoundsMap(op);
      const lbGroups = parallelOp.lowerBoundsGroups(op), ubGroups = parallelOp.upperBoundsGroups(op);
      const steps = parallelOp.steps(op);
      const lbOps = parallelOp.lowerBoundsOperands(op), ubOps = parallelOp.upperBoundsOperands(op);
      const lbs: Value[] = [], ubs: Value[] = [], st: Value[] = [];
      let lbAt = 0, ubAt = 0;
      for (let i = 0; i < steps.length; i++) {
        const l = x.expandMap(lbMap.getSliceMap(lbAt, lbGroups[i]), lbOps); lbAt += lbGroups[i];
        if (l === null) return fail();
        lbs.push(x.reduce(l, true));
        const u = x.expandMap(ubMap.getSliceMap(ubAt, ubGroups[i]), ubOps); ubAt += ubGroups[i];
        if (u === null) return fail();
        ubs.push(x.reduce(u, false));
      }
      for (const k of steps) st.push(x.constant(k));
      const kinds = parallelOp.reductions(op).map((k) => atomicRMWKinds[k]);
      const inits: Value[] = [];
      for (let i = 0; i < kinds.length; i++) {
        const c = identityValue(rw, kinds[i], op.results[i].type, op.loc);
        if (c === null) return false;
        inits.push(c);
      }
      const p = rw.create(def("scf.parallel"), {
        operands: [...lbs, ...ubs, ...st, ...inits], resultTypes: op.results.map((r) => r.type), loc: op.loc,
        props: { operandSegmentSizes: getDenseI32ArrayAttr([lbs.length, ubs.length, st.length, inits.length]) },
      });
      const y = op.regions[0].entry.lastOp!;
      rw.inlineRegionBefore(op.regions[0], p.regions[0], null);
      rw.setInsertionPoint(y);
      const red = rw.create(def("scf.reduce"), { operands: y.operandValues(), loc: op.loc, regions: kinds.length });
      for (let i = 0; i < kinds.length; i++) {
        const t = op.results[i].type;
        rw.createBlock(red.regions[i], [t, t], [op.loc, op.loc]);
        const blk = red.regions[i].entry;
        const r = rw.create(def(reductionOpName(kinds[i])), { operands: [blk.args[0], blk.args[1]], resultTypes: [t], loc: op.loc });
        rw.create(def("scf.reduce.return"), { operands: [r.results[0]], loc: op.loc });
      }
      rw.eraseOp(y);
      replace(op, p.results);
      return true;
    }
    default: return false;
  }
}

/// The arith op combining two values of a reduction kind (MLIR's arith::getReductionOp).
function reductionOpName(kind: string): string {
  const m: Record<string, string> = { maxs: "maxsi", mins: "minsi", maxu: "maxui", minu: "minui" };
  return "arith." + (m[kind] ?? kind);
}

/// An arith.constant with the identity of a reduction kind (MLIR's arith::getIdentityValue), or null.
function identityValue(rw: PatternRewriter, kind: string, type: Type, loc: Operation["loc"]): Value | null {
  let value: Attribute | null = null;
  if (type.kind === TypeKind.Float) {
    const f = type as FloatType;
    const v: Record<string, number> = { addf: 0, mulf: 1, maximumf: -Infinity, minimumf: Infinity, maxnumf: NaN, minnumf: NaN };
    if (kind in v) value = getFloatAttr(f, v[kind]);
  } else if (type.kind === TypeKind.Integer || type.kind === TypeKind.Index) {
    const w = type.kind === TypeKind.Index ? 64 : (type as IntegerType).width;
    const big: Record<string, bigint> = {
      addi: 0n, ori: 0n, maxu: 0n, muli: 1n, andi: -1n, mins: (1n << BigInt(w - 1)) - 1n, maxs: -(1n << BigInt(w - 1)), minu: -1n,
    };
    if (kind in big) value = getIntegerAttr(type, big[kind]);
  }
  if (value === null) return null;
  return rw.create(def("arith.constant"), { resultTypes: [type], props: { value }, loc }).results[0];
}

/// Folds `op` in place or replaces it by its fold results (the conversion driver's legalizeWithFold).
/// Returns "replaced", "in-place" or "none".
function tryFold(op: Operation, rw: PatternRewriter): "replaced" | "in-place" | "none" {
  if (op.def !== null && hasTrait(op.def, Trait.ConstantLike)) return "none";
  const r = foldOperation(op);
  if (r === null) return "none";
  if (r.length === 0) return "in-place";
  rw.setInsertionPoint(op);
  const values: Value[] = [];
  const made: Operation[] = [];
  for (let i = 0; i < r.length; i++) {
    const x = r[i];
    if ((x as Value).valueKind !== undefined && (x as Value).firstUse !== undefined) { values.push(x as Value); continue; }
    const c = materializeConstant(rw, op.dialect, x as Attribute, op.results[i].type, op.locRef);
    if (c === null) { for (const m of made) m.erase(); return "none"; }
    made.push(c);
    values.push(c.results[0]);
  }
  rw.replaceOp(op, values);
  return "replaced";
}

/// Lowers every affine op nested in `root` (the order of MLIR's applyPartialConversion); returns error messages.
export function lowerAffine(root: Operation): string[] {
  const rw = new PatternRewriter();
  const errors: string[] = [];
  const toConvert: Operation[] = [];
  const stack: Operation[] = [];
  for (let ri = root.regions.length - 1; ri >= 0; ri--) for (let b = root.regions[ri].lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) stack.push(o);
  while (stack.length) {
    const op = stack.pop()!;
    toConvert.push(op);
    for (let ri = op.regions.length - 1; ri >= 0; ri--) for (let b = op.regions[ri].lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) stack.push(o);
  }
  const alive = (op: Operation): boolean => {
    for (let o: Operation | null = op; o !== null; o = o.parentOp) if (o === root) return true;
    return false;
  };
  const legal = (op: Operation) => op.dialect === "arith" || op.dialect === "memref" || op.dialect === "scf" || op.dialect === "vector";
  // As the conversion driver, a lowered op is replaced only at the end: until then the ops using its results still
  // see it (so a later fold composes the affine.apply ops feeding it), and a lowering takes its operands mapped to
  // the replacements (the driver's adaptor).
  const replaced = new Map<Value, Value>();
  const pending: Operation[] = [];
  const replace = (op: Operation, values: readonly Value[]): void => {
    op.results.forEach((r, i) => replaced.set(r, values[i]));
    pending.push(op);
  };
  // What `v` stands for once every pending replacement is made (a replacement may itself be replaced).
  const resolve = (v: Value): Value => {
    let x = v;
    for (let y = replaced.get(x); y !== undefined; y = replaced.get(x)) x = y;
    return x;
  };
  // Legalizes one op, as the driver does with each op, and with each op a lowering creates, at once.
  const legalize = (op: Operation): void => {
    let folded = tryFold(op, rw);
    for (let k = 0; folded === "in-place" && k < 8; k++) folded = tryFold(op, rw);
    if (folded === "replaced" || op.dialect !== "affine") return;
    if (!op.operands.some((o) => replaced.has(o.value))) { lowerOp(op, rw, errors, replace, legalize); return; }
    // The lowering reads the mapped operands from the op; one left in place until the end keeps its own.
    const own = op.operandValues();
    op.setOperands(own.map(resolve));
    lowerOp(op, rw, errors, replace, legalize);
    if (op.parent !== null) op.setOperands(own);
  };
  for (const op of toConvert) if (alive(op) && !legal(op)) legalize(op);
  for (const op of pending) op.results.forEach((r) => r.replaceAllUsesWith(resolve(r)));
  for (let i = pending.length - 1; i >= 0; i--) rw.eraseOp(pending[i]);
  return errors;
}

/// `lower-affine`.
export const LowerAffine = definePass({
  argument: "lower-affine",
  name: "ConvertAffineToStandard",
  summary: "Lower Affine operations to a combination of Standard and SCF operations",
  anchor: null,
  run(op, ctx) {
    const errors = lowerAffine(op);
    if (errors.length) {
      for (const e of errors) ctx.emitError(op, e);
      ctx.signalPassFailure();
    }
  },
});
