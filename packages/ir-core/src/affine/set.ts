// Integer sets: interned conjunctions of affine constraints `e >= 0` / `e == 0` (MLIR IntegerSet).

import { AffineExpr, getAffineConstantExpr, replaceDimsAndSymbols, walkAffineExpr } from './expr.js';
import { printIntegerSet } from './print.js';

const CONSTRUCT_TOKEN: unique symbol = Symbol('IntegerSet');

/// An integer set `(d0, ...)[s0, ...] : (c0 >= 0, c1 == 0, ...)`. Immutable and interned.
export class IntegerSet {
  /// Dense unique id.
  readonly id: number;
  /// Number of dimension inputs.
  readonly numDims: number;
  /// Number of symbol inputs.
  readonly numSymbols: number;
  /// Constraint expressions (frozen), each meaning `expr >= 0` or `expr == 0`.
  readonly constraints: readonly AffineExpr[];
  /// eqFlags[i] is true if constraint i is an equality (frozen).
  readonly eqFlags: readonly boolean[];

  /// Internal: use getIntegerSet().
  constructor(
    token: typeof CONSTRUCT_TOKEN,
    id: number,
    numDims: number,
    numSymbols: number,
    constraints: readonly AffineExpr[],
    eqFlags: readonly boolean[],
  ) {
    if (token !== CONSTRUCT_TOKEN) throw new TypeError('IntegerSet is created through getIntegerSet()');
    this.id = id;
    this.numDims = numDims;
    this.numSymbols = numSymbols;
    this.constraints = constraints;
    this.eqFlags = eqFlags;
  }

  /// Number of dimension inputs.
  getNumDims(): number {
    return this.numDims;
  }
  /// Number of symbol inputs.
  getNumSymbols(): number {
    return this.numSymbols;
  }
  /// numDims + numSymbols.
  getNumInputs(): number {
    return this.numDims + this.numSymbols;
  }
  /// Number of constraints.
  getNumConstraints(): number {
    return this.constraints.length;
  }
  /// Number of equality constraints.
  getNumEqualities(): number {
    let n = 0;
    for (const f of this.eqFlags) if (f) n++;
    return n;
  }
  /// Number of inequality constraints.
  getNumInequalities(): number {
    return this.constraints.length - this.getNumEqualities();
  }
  /// Constraint expression `idx`.
  getConstraint(idx: number): AffineExpr {
    const e = this.constraints[idx];
    if (e === undefined) throw new RangeError(`constraint ${idx} out of range`);
    return e;
  }
  /// True if constraint `idx` is an equality.
  isEq(idx: number): boolean {
    return this.eqFlags[idx] === true;
  }
  /// True for the canonical empty set `(1 == 0)` (no deeper emptiness check, as in MLIR).
  isEmptyIntegerSet(): boolean {
    return this === getEmptyIntegerSet(this.numDims, this.numSymbols);
  }
  /// Visits every node of every constraint in post order.
  walkExprs(callback: (e: AffineExpr) => void): void {
    for (const c of this.constraints) walkAffineExpr(c, callback);
  }
  /// Substitutes dims / symbols in every constraint; the result has the given arity.
  replaceDimsAndSymbols(
    dims: readonly AffineExpr[],
    syms: readonly AffineExpr[],
    numResultDims: number,
    numResultSyms: number,
  ): IntegerSet {
    return getIntegerSet(
      numResultDims,
      numResultSyms,
      this.constraints.map((c) => replaceDimsAndSymbols(c, dims, syms)),
      this.eqFlags,
    );
  }
  /// Prints like mlir-opt: `(d0)[s0] : (d0 - s0 >= 0, d0 == 0)`.
  toString(): string {
    return printIntegerSet(this);
  }
}

let nextSetId = 0;
const setTable = new Map<string, IntegerSet>();

/// The interned set with the given constraints; `eqFlags[i]` marks equalities. Like MLIR, at
/// least one constraint is required (an unconstrained set is written `(0 == 0)`).
export function getIntegerSet(
  numDims: number,
  numSymbols: number,
  constraints: readonly AffineExpr[],
  eqFlags: readonly boolean[],
): IntegerSet {
  if (constraints.length !== eqFlags.length) throw new RangeError('constraints and eqFlags differ in length');
  let key = `${numDims},${numSymbols}:`;
  for (let i = 0; i < constraints.length; i++)
    key += `${i === 0 ? '' : ','}${constraints[i]!.id}${eqFlags[i] === true ? '=' : '>'}`;
  let s = setTable.get(key);
  if (s === undefined) {
    if (constraints.length === 0) throw new RangeError('an integer set needs at least one constraint');
    if (!Number.isInteger(numDims) || numDims < 0 || !Number.isInteger(numSymbols) || numSymbols < 0)
      throw new RangeError(`invalid integer set arity (${numDims}, ${numSymbols})`);
    for (const e of constraints) {
      if (e.maxDim >= numDims || e.maxSymbol >= numSymbols)
        throw new RangeError(
          `integer set constraint uses d${e.maxDim}/s${e.maxSymbol} beyond (${numDims} dims, ${numSymbols} symbols)`,
        );
    }
    s = new IntegerSet(
      CONSTRUCT_TOKEN,
      nextSetId++,
      numDims,
      numSymbols,
      Object.freeze(constraints.slice()),
      Object.freeze(eqFlags.map((f) => f === true)),
    );
    setTable.set(key, s);
  }
  return s;
}

/// The canonical empty set `(...) : (1 == 0)`.
export function getEmptyIntegerSet(numDims: number, numSymbols: number): IntegerSet {
  return getIntegerSet(numDims, numSymbols, [getAffineConstantExpr(1)], [true]);
}
