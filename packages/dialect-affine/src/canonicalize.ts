// Canonicalization patterns of the affine ops, as MLIR 19 registers them (getCanonicalizationPatterns).
import {
  AffineExprFlattener, getAffineMap, getAffineMapAttr, pattern, registry, shiftDims, shiftSymbols, type AffineExpr,
  type AffineMap, type Attribute, type Operation, type PatternRewriter, type RewritePattern, type Value,
} from "@allo/ir-core";
import { accessOp, forOp, ifOp, mapOf } from "./accessors.js";
import { simplifyMapAndOperands } from "./plain-operands.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`${name} is not registered`);
  return d;
}

function sameValues(a: readonly Value[], b: readonly Value[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/// Creates `name` with `operands` and the map property at `op`'s position and replaces `op` by it.
function replaceWithMapOp(rw: PatternRewriter, op: Operation, name: string, operands: readonly Value[], map: AffineMap, extraProps: Record<string, Attribute | null> = {}): void {
  rw.replaceOpWithNew(op, (b) => b.create(def(name), {
    operands, resultTypes: op.results.map((r) => r.type), props: { ...extraProps, map: getAffineMapAttr(map) }, loc: op.loc,
  }));
}

/// MLIR's SimplifyAffineOp: composes affine.apply producers into the map, canonicalizes and simplifies it.
function simplifyAffineOp(root: string): RewritePattern {
  return pattern({
    name: `SimplifyAffineOp<${root}>`,
    root,
    matchAndRewrite(op, rw) {
      const isAccess = root !== "affine.apply" && root !== "affine.min" && root !== "affine.max";
      const oldMap = mapOf(op);
      if (oldMap === null) return false;
      const oldOperands = isAccess ? accessOp.mapOperands(op) : op.operandValues();
      const operands = oldOperands.slice();
      const map = simplifyMapAndOperands(oldMap, operands);
      if (map === oldMap && sameValues(oldOperands, operands)) return false;
      if (!isAccess) {
        replaceWithMapOp(rw, op, root, operands, map);
        return true;
      }
      const head = op.operandValues().slice(0, accessOp.memrefIndex(op) + 1);
      const extra: Record<string, Attribute | null> = {};
      if (root === "affine.prefetch") for (const k of ["isWrite", "localityHint", "isDataCache"]) extra[k] = op.props.get(k);
      replaceWithMapOp(rw, op, root, [...head, ...operands], map, extra);
      return true;
    },
  });
}

// ---- affine.min / affine.max ----

function canonicalizeSingleResultMinMax(root: string): RewritePattern {
  return pattern({
    name: `CanonicalizeSingleResultAffineMinMaxOp<${root}>`,
    root,
    matchAndRewrite(op, rw) {
      const map = mapOf(op);
      if (map === null || map.results.length !== 1) return false;
      replaceWithMapOp(rw, op, "affine.apply", op.operandValues(), map);
      return true;
    },
  });
}

function deduplicateMinMax(root: string): RewritePattern {
  return pattern({
    name: `DeduplicateAffineMinMaxExpressions<${root}>`,
    root,
    matchAndRewrite(op, rw) {
      const map = mapOf(op);
      if (map === null) return false;
      const exprs: AffineExpr[] = [];
      for (const e of map.results) if (!exprs.includes(e)) exprs.push(e);
      if (exprs.length === map.results.length) return false;
      replaceWithMapOp(rw, op, root, op.operandValues(), getAffineMap(map.numDims, map.numSymbols, exprs));
      return true;
    },
  });
}

function mergeMinMax(root: string): RewritePattern {
  return pattern({
    name: `MergeAffineMinMaxOp<${root}>`,
    root,
    matchAndRewrite(op, rw) {
      const map = mapOf(op);
      if (map === null) return false;
      const operands = op.operandValues();
      const dimOps = operands.slice(0, map.numDims);
      const symOps = operands.slice(operands.length - map.numSymbols);
      const newDims = dimOps.slice(), newSyms = symOps.slice();
      const exprs: AffineExpr[] = [];
      const producers: Operation[] = [];
      for (const e of map.results) {
        const v = e.isSymbol() ? symOps[e.value] : e.isDim() ? dimOps[e.value] : null;
        const p = v === null ? null : v.definingOp;
        if (p !== null && p.name === root) { producers.push(p); continue; }
        exprs.push(e);
      }
      if (producers.length === 0) return false;
      let nd = map.numDims, ns = map.numSymbols;
      for (const p of producers) {
        const pm = mapOf(p)!;
        const pops = p.operandValues();
        newDims.push(...pops.slice(0, pm.numDims));
        newSyms.push(...pops.slice(pops.length - pm.numSymbols));
        for (const e of pm.results) exprs.push(shiftSymbols(shiftDims(e, pm.numDims, nd), pm.numSymbols, ns));
        nd += pm.numDims;
        ns += pm.numSymbols;
      }
      replaceWithMapOp(rw, op, root, [...newDims, ...newSyms], getAffineMap(nd, ns, exprs));
      return true;
    },
  });
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

/// MLIR's canonicalizeMapExprAndTermOrder: orders results by their flattened coefficient rows.
function canonicalizeMapExprAndTermOrder(map: AffineMap): AffineMap | null {
  const rows: number[][] = [];
  for (const e of map.results) {
    if (!e.isPureAffine()) return null;
    const f = new AffineExprFlattener(map.numDims, map.numSymbols);
    if (!f.flatten(e)) return null;
    const row = f.operandExprStack[f.operandExprStack.length - 1];
    if (row.length !== map.numDims + map.numSymbols + 1) return null;
    rows.push(row.slice());
  }
  let sorted = true;
  for (let i = 1; i < rows.length; i++) if (lexLess(rows[i], rows[i - 1])) { sorted = false; break; }
  if (sorted) return null;
  const perm = rows.map((_r, i) => i).sort((x, y) => (lexLess(rows[x], rows[y]) ? -1 : lexLess(rows[y], rows[x]) ? 1 : 0));
  return getAffineMap(map.numDims, map.numSymbols, perm.map((i) => map.results[i]));
}

function canonicalizeMinMaxOrder(root: string): RewritePattern {
  return pattern({
    name: `CanonicalizeAffineMinMaxOpExprAndTermOrder<${root}>`,
    root,
    matchAndRewrite(op, rw) {
      const map = mapOf(op);
      if (map === null) return false;
      const m = canonicalizeMapExprAndTermOrder(map);
      if (m === null) return false;
      replaceWithMapOp(rw, op, root, op.operandValues(), m);
      return true;
    },
  });
}

function minMaxPatterns(root: string): RewritePattern[] {
  return [canonicalizeSingleResultMinMax(root), deduplicateMinMax(root), mergeMinMax(root), simplifyAffineOp(root), canonicalizeMinMaxOrder(root)];
}

// ---- affine.for ----

/// MLIR's AffineForEmptyLoopFolder: a loop whose body only yields is replaced by the values it would produce.
const forEmptyLoopFolder = pattern({
  name: "AffineForEmptyLoopFolder",
  root: "affine.for",
  matchAndRewrite(op, rw) {
    const body = forOp.body(op);
    if (body.firstOp === null || body.firstOp !== body.lastOp) return false;
    if (op.results.length === 0) return false;
    const tripCount = forOp.trivialConstantTripCount(op);
    const inits = forOp.inits(op);
    if (tripCount === 0) {
      rw.replaceOp(op, inits);
      return true;
    }
    const yieldOp = body.lastOp!;
    const iterArgs = forOp.regionIterArgs(op);
    const replacements: Value[] = [];
    let definedOutside = false, outOfOrder = false;
    for (let i = 0; i < yieldOp.operands.length; i++) {
      const v = yieldOp.operand(i);
      const pos = (iterArgs as readonly Value[]).indexOf(v);
      if (pos < 0) {
        definedOutside = true;
        replacements.push(v);
      } else {
        if (pos !== i) outOfOrder = true;
        replacements.push(inits[pos]);
      }
    }
    if (tripCount === null && (definedOutside || outOfOrder)) return false;
    if (tripCount !== null && tripCount >= 2 && outOfOrder) return false;
    rw.replaceOp(op, replacements);
    return true;
  },
});

// ---- affine.if ----

/// MLIR's SimplifyDeadElse: an else block holding only the yield is removed (when the if has no results).
const simplifyDeadElse = pattern({
  name: "SimplifyDeadElse",
  root: "affine.if",
  matchAndRewrite(op, rw) {
    if (!ifOp.hasElse(op) || op.results.length !== 0) return false;
    const b = ifOp.elseBlock(op);
    if (b.firstOp === null || b.firstOp !== b.lastOp) return false;
    rw.modifyOpInPlace(op, () => rw.eraseBlock(b));
    return true;
  },
});

/// MLIR's AlwaysTrueOrFalseIf: an empty set or the set `(0 == 0)` selects one branch statically.
const alwaysTrueOrFalseIf = pattern({
  name: "AlwaysTrueOrFalseIf",
  root: "affine.if",
  matchAndRewrite(op, rw) {
    const set = ifOp.integerSet(op);
    const trivialTrue = set.getNumEqualities() === 1 && set.getNumInequalities() === 0 && set.constraints[0].isConstantValue(0);
    let block;
    if (set.isEmptyIntegerSet()) {
      if (op.results.length === 0 && !ifOp.hasElse(op)) {
        rw.eraseOp(op);
        return true;
      }
      block = ifOp.elseBlock(op);
    } else if (trivialTrue) block = ifOp.thenBlock(op);
    else return false;
    const term = block.lastOp!;
    const values = term.operandValues();
    rw.inlineBlockBefore(block, op);
    rw.replaceOp(op, values);
    rw.eraseOp(term);
    return true;
  },
});

/// Patterns of affine.apply.
export const applyPatterns: readonly RewritePattern[] = [simplifyAffineOp("affine.apply")];
/// Patterns of affine.load.
export const loadPatterns: readonly RewritePattern[] = [simplifyAffineOp("affine.load")];
/// Patterns of affine.store.
export const storePatterns: readonly RewritePattern[] = [simplifyAffineOp("affine.store")];
/// Patterns of affine.prefetch.
export const prefetchPatterns: readonly RewritePattern[] = [simplifyAffineOp("affine.prefetch")];
/// Patterns of affine.vector_load.
export const vectorLoadPatterns: readonly RewritePattern[] = [simplifyAffineOp("affine.vector_load")];
/// Patterns of affine.vector_store.
export const vectorStorePatterns: readonly RewritePattern[] = [simplifyAffineOp("affine.vector_store")];
/// Patterns of affine.min.
export const minPatterns: readonly RewritePattern[] = minMaxPatterns("affine.min");
/// Patterns of affine.max.
export const maxPatterns: readonly RewritePattern[] = minMaxPatterns("affine.max");
/// Patterns of affine.for.
export const forPatterns: readonly RewritePattern[] = [forEmptyLoopFolder];
/// Patterns of affine.if.
export const ifPatterns: readonly RewritePattern[] = [simplifyDeadElse, alwaysTrueOrFalseIf];
