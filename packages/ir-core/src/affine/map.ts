// Affine maps: interned (numDims, numSymbols, results) triples with MLIR AffineMap semantics.

import {
  AffineExpr,
  AffineExprKind,
  constantFoldAffineExpr,
  evaluateAffineExpr,
  gcd,
  getAffineConstantExpr,
  getAffineDimExpr,
  getAffineSymbolExpr,
  replaceAffineExprs,
  replaceDimsAndSymbols,
  shiftSymbols,
} from './expr.js';
import { printAffineMap } from './print.js';
import { simplifyAffineExpr } from './simplify.js';
import { hashMix, hashSeed, HashBuckets, sameElements } from '../support/intern.js';

const CONSTRUCT_TOKEN: unique symbol = Symbol('AffineMap');
const EMPTY_EXPRS: readonly AffineExpr[] = Object.freeze([]);

/// An affine map `(d0, ..., dn-1)[s0, ..., sm-1] -> (results...)`. Immutable and interned:
/// equal maps are the same object.
export class AffineMap {
  /// Dense unique id.
  readonly id: number;
  /// Number of dimension inputs.
  readonly numDims: number;
  /// Number of symbol inputs.
  readonly numSymbols: number;
  /// Result expressions (frozen).
  readonly results: readonly AffineExpr[];

  /// Internal: use getAffineMap().
  constructor(
    token: typeof CONSTRUCT_TOKEN,
    id: number,
    numDims: number,
    numSymbols: number,
    results: readonly AffineExpr[],
  ) {
    if (token !== CONSTRUCT_TOKEN) throw new TypeError('AffineMap is created through getAffineMap()');
    this.id = id;
    this.numDims = numDims;
    this.numSymbols = numSymbols;
    this.results = results;
  }

  /// Number of dimension inputs.
  getNumDims(): number {
    return this.numDims;
  }
  /// Number of symbol inputs.
  getNumSymbols(): number {
    return this.numSymbols;
  }
  /// Number of results.
  getNumResults(): number {
    return this.results.length;
  }
  /// numDims + numSymbols.
  getNumInputs(): number {
    return this.numDims + this.numSymbols;
  }
  /// Result expression `idx`.
  getResult(idx: number): AffineExpr {
    const e = this.results[idx];
    if (e === undefined) throw new RangeError(`result ${idx} out of range`);
    return e;
  }
  /// Position of the dim that result `idx` is (the result must be a dim expression).
  getDimPosition(idx: number): number {
    const e = this.getResult(idx);
    if (e.kind !== AffineExprKind.DimId) throw new TypeError(`result ${idx} is not a dim`);
    return e.value;
  }
  /// Index of the first result equal to the dim expression `input`, or null.
  getResultPosition(input: AffineExpr): number | null {
    if (input.kind !== AffineExprKind.DimId) return null;
    const i = this.results.indexOf(input);
    return i < 0 ? null : i;
  }
  /// `(d0, ..., dn-1) -> (d0, ..., dn-1)` (symbols allowed, as in MLIR).
  isIdentity(): boolean {
    if (this.numDims !== this.results.length) return false;
    for (let i = 0; i < this.numDims; i++) {
      const e = this.results[i]!;
      if (e.kind !== AffineExprKind.DimId || e.value !== i) return false;
    }
    return true;
  }
  /// `()[s0, ..., sm-1] -> (s0, ..., sm-1)`-like: one result per symbol, result i being s_i.
  /// (MLIR 19's isSymbolIdentity tests for dim results, which looks like a bug; this checks symbols.)
  isSymbolIdentity(): boolean {
    if (this.numSymbols !== this.results.length) return false;
    for (let i = 0; i < this.numSymbols; i++) {
      const e = this.results[i]!;
      if (e.kind !== AffineExprKind.SymbolId || e.value !== i) return false;
    }
    return true;
  }
  /// Identity on the most minor `numResults` dims: `(d0, d1, d2) -> (d1, d2)`.
  isMinorIdentity(): boolean {
    const n = this.results.length;
    if (this.numDims < n) return false;
    const start = this.numDims - n;
    for (let i = 0; i < n; i++) {
      const e = this.results[i]!;
      if (e.kind !== AffineExprKind.DimId || e.value !== start + i) return false;
    }
    return this.numSymbols === 0;
  }
  /// `() -> ()`: no inputs and no results.
  isEmpty(): boolean {
    return this.numDims === 0 && this.numSymbols === 0 && this.results.length === 0;
  }
  /// Exactly one result, which is a constant.
  isSingleConstant(): boolean {
    return this.results.length === 1 && this.results[0]!.kind === AffineExprKind.Constant;
  }
  /// Every result is a constant (vacuously true without results).
  isConstant(): boolean {
    for (const e of this.results) if (e.kind !== AffineExprKind.Constant) return false;
    return true;
  }
  /// The value of the single constant result.
  getSingleConstantResult(): number {
    if (!this.isSingleConstant()) throw new TypeError('map must have a single constant result');
    return this.results[0]!.value;
  }
  /// The values of the results, all of which must be constants.
  getConstantResults(): number[] {
    if (!this.isConstant()) throw new TypeError('map must have only constant results');
    return this.results.map((e) => e.value);
  }
  /// True if dim `position` occurs in some result.
  isFunctionOfDim(position: number): boolean {
    for (const e of this.results) if (e.isFunctionOfDim(position)) return true;
    return false;
  }
  /// True if symbol `position` occurs in some result.
  isFunctionOfSymbol(position: number): boolean {
    for (const e of this.results) if (e.isFunctionOfSymbol(position)) return true;
    return false;
  }
  /// Results are distinct dims, or zeros if `allowZeroInResults`; no symbols.
  isProjectedPermutation(allowZeroInResults = false): boolean {
    if (this.numSymbols > 0) return false;
    if (this.results.length > this.getNumInputs()) return false;
    const seen: boolean[] = new Array(this.getNumInputs()).fill(false);
    for (const e of this.results) {
      if (e.kind === AffineExprKind.DimId) {
        if (seen[e.value]) return false;
        seen[e.value] = true;
      } else if (!allowZeroInResults || !e.isConstantValue(0)) {
        return false;
      }
    }
    return true;
  }
  /// A projected permutation with as many results as dims.
  isPermutation(): boolean {
    return this.numDims === this.results.length && this.isProjectedPermutation();
  }
  /// gcd of the largest known divisors of the results (MAX_SAFE_INTEGER for no results).
  getLargestKnownDivisorOfMapExprs(): number {
    let g = 0;
    for (const e of this.results) g = gcd(g, e.getLargestKnownDivisor());
    return g === 0 ? Number.MAX_SAFE_INTEGER : g;
  }
  /// Map with results `resultPos` (in that order).
  getSubMap(resultPos: readonly number[]): AffineMap {
    return getAffineMap(
      this.numDims,
      this.numSymbols,
      resultPos.map((i) => this.getResult(i)),
    );
  }
  /// Map with results [start, start + length).
  getSliceMap(start: number, length: number): AffineMap {
    return getAffineMap(this.numDims, this.numSymbols, this.results.slice(start, start + length));
  }
  /// Map without the results whose index is in `positions`.
  dropResults(positions: Iterable<number>): AffineMap {
    const drop = new Set(positions);
    return getAffineMap(
      this.numDims,
      this.numSymbols,
      this.results.filter((_, i) => !drop.has(i)),
    );
  }
  /// Substitutes dims / symbols in every result (see replaceDimsAndSymbols) and gives the result
  /// map `numResultDims` dims and `numResultSyms` symbols.
  replaceDimsAndSymbols(
    dims: readonly AffineExpr[],
    syms: readonly AffineExpr[],
    numResultDims: number,
    numResultSyms: number,
  ): AffineMap {
    return getAffineMap(
      numResultDims,
      numResultSyms,
      this.results.map((e) => replaceDimsAndSymbols(e, dims, syms)),
    );
  }
  /// Sparse replacement in every result; dims / symbols counts are given explicitly.
  replace(map: ReadonlyMap<AffineExpr, AffineExpr>, numResultDims: number, numResultSyms: number): AffineMap {
    return getAffineMap(
      numResultDims,
      numResultSyms,
      this.results.map((e) => replaceAffineExprs(e, map)),
    );
  }
  /// `this ∘ inner` (MLIR AffineMap::compose): this map's dims are replaced by inner's results;
  /// the result has inner's dims and this map's symbols followed by inner's symbols.
  compose(inner: AffineMap): AffineMap {
    return composeAffineMaps(this, inner);
  }
  /// Applies this symbol-less map to constant dim values, returning the folded results.
  composeValues(values: readonly number[]): number[] {
    if (this.numSymbols !== 0) throw new TypeError('expected symbol-less map');
    return evaluateAffineMap(this, values, []);
  }
  /// Folds the results given known operand values (`null`/`undefined` = unknown). Returns the
  /// partially folded map; `results` holds all values when every result folded, else null;
  /// `hasPoison` tells whether some evaluation hit division by zero / mod by non-positive.
  partialConstantFold(
    dims: readonly (number | null | undefined)[],
    syms: readonly (number | null | undefined)[],
  ): { map: AffineMap; results: number[] | null; hasPoison: boolean } {
    const poison = { value: false };
    const exprs: AffineExpr[] = [];
    let values: number[] | null = [];
    for (const e of this.results) {
      const v = constantFoldAffineExpr(e, dims, syms, poison);
      if (v !== null) {
        exprs.push(getAffineConstantExpr(v));
        values?.push(v);
      } else {
        exprs.push(e);
        values = null;
      }
    }
    return { map: getAffineMap(this.numDims, this.numSymbols, exprs), results: values, hasPoison: poison.value };
  }
  /// Prints like mlir-opt: `(d0, d1)[s0] -> (d0 + s0, d1)`.
  toString(): string {
    return printAffineMap(this);
  }
}

let nextMapId = 0;
const mapTable = new HashBuckets<AffineMap>();
function sameMap(m: AffineMap, numDims: number, numSymbols: number, results: readonly AffineExpr[]): boolean {
  return m.numDims === numDims && m.numSymbols === numSymbols && sameElements(m.results, results);
}

/// The interned map `(numDims)[numSymbols] -> (results)`. Throws if a result uses a dim or
/// symbol position out of range.
export function getAffineMap(numDims: number, numSymbols: number, results: readonly AffineExpr[]): AffineMap {
  let h = hashMix(hashMix(hashMix(hashSeed, numDims), numSymbols), results.length);
  for (let i = 0; i < results.length; i++) h = hashMix(h, results[i]!.id);
  let m = mapTable.find(h, sameMap, numDims, numSymbols, results, null);
  if (m === undefined) {
    if (!Number.isInteger(numDims) || numDims < 0 || !Number.isInteger(numSymbols) || numSymbols < 0)
      throw new RangeError(`invalid affine map arity (${numDims}, ${numSymbols})`);
    for (const e of results) {
      if (e.maxDim >= numDims || e.maxSymbol >= numSymbols)
        throw new RangeError(
          `affine map result uses d${e.maxDim}/s${e.maxSymbol} beyond (${numDims} dims, ${numSymbols} symbols)`,
        );
    }
    m = new AffineMap(
      CONSTRUCT_TOKEN,
      nextMapId++,
      numDims,
      numSymbols,
      results.length === 0 ? EMPTY_EXPRS : Object.freeze(results.slice()),
    );
    mapTable.add(h, m);
  }
  return m;
}

/// `() -> ()`.
export function getEmptyAffineMap(): AffineMap {
  return getAffineMap(0, 0, EMPTY_EXPRS);
}

/// `(d0, ..., dn-1) -> (d0, ..., dn-1)`.
export function getMultiDimIdentityMap(n: number): AffineMap {
  const exprs: AffineExpr[] = new Array(n);
  for (let i = 0; i < n; i++) exprs[i] = getAffineDimExpr(i);
  return getAffineMap(n, 0, exprs);
}

/// `(d0, ..., d[dims-1]) -> (d[dims-results], ..., d[dims-1])`.
export function getMinorIdentityMap(dims: number, results: number): AffineMap {
  if (results > dims) throw new RangeError('dimension mismatch');
  return getAffineMap(dims, 0, getMultiDimIdentityMap(dims).results.slice(dims - results));
}

/// `() -> (v)`.
export function getConstantAffineMap(v: number): AffineMap {
  return getAffineMap(0, 0, [getAffineConstantExpr(v)]);
}

/// `()[s0] -> (s0)`.
export function getSymbolIdentityMap(): AffineMap {
  return getAffineMap(0, 1, [getAffineSymbolExpr(0)]);
}

/// `(d0, ..., d[numDims-1]) -> (d[targets[0]], ...)`.
export function getMultiDimMapWithTargets(numDims: number, targets: readonly number[]): AffineMap {
  return getAffineMap(
    numDims,
    0,
    targets.map((t) => getAffineDimExpr(t)),
  );
}

/// The permutation map `(d0..dn-1) -> (d[p0], ...)`; throws unless `permutation` is one.
export function getPermutationMap(permutation: readonly number[]): AffineMap {
  if (permutation.length === 0) throw new RangeError('empty permutation');
  const m = getMultiDimMapWithTargets(Math.max(...permutation) + 1, permutation);
  if (!m.isPermutation()) throw new RangeError('invalid permutation vector');
  return m;
}

/// `outer ∘ inner` (MLIR `outer.compose(inner)`): requires outer.numDims == inner.numResults.
/// Result: inner's dims; outer's symbols followed by inner's symbols.
export function composeAffineMaps(outer: AffineMap, inner: AffineMap): AffineMap {
  if (outer.numDims !== inner.results.length)
    throw new RangeError(`cannot compose: ${outer.numDims} dims vs ${inner.results.length} results`);
  const numDims = inner.numDims;
  const numSymbolsOuter = outer.numSymbols;
  const numSymbols = numSymbolsOuter + inner.numSymbols;
  const newDims: AffineExpr[] = new Array(numDims);
  for (let i = 0; i < numDims; i++) newDims[i] = getAffineDimExpr(i);
  const newSyms: AffineExpr[] = new Array(inner.numSymbols);
  for (let i = 0; i < inner.numSymbols; i++) newSyms[i] = getAffineSymbolExpr(numSymbolsOuter + i);
  const innerResults = inner.results.map((e) => replaceDimsAndSymbols(e, newDims, newSyms));
  const exprs = outer.results.map((e) => replaceDimsAndSymbols(e, innerResults, EMPTY_EXPRS));
  return getAffineMap(numDims, numSymbols, exprs);
}

/// Simplifies every result with simplifyAffineExpr (MLIR simplifyAffineMap).
export function simplifyAffineMap(m: AffineMap): AffineMap {
  const exprs = m.results.map((e) => simplifyAffineExpr(e, m.numDims, m.numSymbols));
  return getAffineMap(m.numDims, m.numSymbols, exprs);
}

/// Evaluates every result on integer operands (see evaluateAffineExpr).
export function evaluateAffineMap(m: AffineMap, dims: readonly number[], syms: readonly number[]): number[] {
  if (dims.length !== m.numDims || syms.length !== m.numSymbols)
    throw new RangeError(
      `affine map expects ${m.numDims} dims and ${m.numSymbols} symbols, got ${dims.length} and ${syms.length}`,
    );
  const out: number[] = new Array(m.results.length);
  for (let i = 0; i < out.length; i++) out[i] = evaluateAffineExpr(m.results[i]!, dims, syms);
  return out;
}

/// Removes adjacent duplicate results, like MLIR removeDuplicateExprs (llvm::unique).
export function removeDuplicateExprs(m: AffineMap): AffineMap {
  const out: AffineExpr[] = [];
  for (const e of m.results) if (out.length === 0 || out[out.length - 1] !== e) out.push(e);
  return getAffineMap(m.numDims, m.numSymbols, out);
}

/// Inverse of a (possibly non-injective) permutation map, or null if some dim is not a result.
export function inversePermutation(m: AffineMap): AffineMap | null {
  if (m.isEmpty()) return m;
  if (m.numSymbols !== 0) throw new TypeError('expected map without symbols');
  const exprs: (AffineExpr | undefined)[] = new Array(m.numDims);
  m.results.forEach((e, i) => {
    if (e.kind === AffineExprKind.DimId && exprs[e.value] === undefined) exprs[e.value] = getAffineDimExpr(i);
  });
  const seen = exprs.filter((e): e is AffineExpr => e !== undefined);
  if (seen.length !== m.getNumInputs()) return null;
  return getAffineMap(m.results.length, 0, seen);
}

/// Concatenates the results of maps (dims shared, symbols appended map after map).
export function concatAffineMaps(maps: readonly AffineMap[]): AffineMap {
  let numDims = 0;
  let numSymbols = 0;
  const results: AffineExpr[] = [];
  for (const m of maps) {
    for (const e of m.results) results.push(shiftSymbols(e, m.numSymbols, numSymbols));
    numSymbols += m.numSymbols;
    if (m.numDims > numDims) numDims = m.numDims;
  }
  return getAffineMap(numDims, numSymbols, results);
}

/// Per-dim flags: true if the dim appears in no result of any of `maps`.
export function getUnusedDims(maps: readonly AffineMap[]): boolean[] {
  const n = maps.length === 0 ? 0 : maps[0]!.numDims;
  const unused: boolean[] = new Array(n).fill(true);
  for (const m of maps) for (let i = 0; i < n; i++) if (unused[i] && m.isFunctionOfDim(i)) unused[i] = false;
  return unused;
}

/// Per-symbol flags: true if the symbol appears in no result of any of `maps`.
export function getUnusedSymbols(maps: readonly AffineMap[]): boolean[] {
  const n = maps.length === 0 ? 0 : maps[0]!.numSymbols;
  const unused: boolean[] = new Array(n).fill(true);
  for (const m of maps) for (let i = 0; i < n; i++) if (unused[i] && m.isFunctionOfSymbol(i)) unused[i] = false;
  return unused;
}

/// Removes the dims flagged in `drop` (which must be unused) and renumbers the others.
export function compressDims(m: AffineMap, drop: readonly boolean[]): AffineMap {
  const repl: AffineExpr[] = new Array(m.numDims);
  let next = 0;
  for (let i = 0; i < m.numDims; i++) repl[i] = drop[i] ? getAffineConstantExpr(0) : getAffineDimExpr(next++);
  return m.replaceDimsAndSymbols(repl, EMPTY_EXPRS, next, m.numSymbols);
}

/// Removes the symbols flagged in `drop` (which must be unused) and renumbers the others.
export function compressSymbols(m: AffineMap, drop: readonly boolean[]): AffineMap {
  const repl: AffineExpr[] = new Array(m.numSymbols);
  let next = 0;
  for (let i = 0; i < m.numSymbols; i++) repl[i] = drop[i] ? getAffineConstantExpr(0) : getAffineSymbolExpr(next++);
  return m.replaceDimsAndSymbols(EMPTY_EXPRS, repl, m.numDims, next);
}

/// Drops every dim that no result uses (MLIR compressUnusedDims).
export function compressUnusedDims(m: AffineMap): AffineMap {
  return compressDims(m, getUnusedDims([m]));
}

/// Drops every symbol that no result uses (MLIR compressUnusedSymbols).
export function compressUnusedSymbols(m: AffineMap): AffineMap {
  return compressSymbols(m, getUnusedSymbols([m]));
}

/// Builds maps for lists of results, with dim / symbol counts inferred from the largest
/// positions used across all lists (MLIR AffineMap::inferFromExprList).
export function inferAffineMapsFromExprList(exprsList: readonly (readonly AffineExpr[])[]): AffineMap[] {
  let maxDim = -1;
  let maxSym = -1;
  for (const exprs of exprsList)
    for (const e of exprs) {
      if (e.maxDim > maxDim) maxDim = e.maxDim;
      if (e.maxSymbol > maxSym) maxSym = e.maxSymbol;
    }
  return exprsList.map((exprs) => getAffineMap(maxDim + 1, maxSym + 1, exprs));
}
