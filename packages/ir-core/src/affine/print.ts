// Textual form of affine expressions, maps and integer sets, byte-identical to mlir-opt 19.

import { AffineExpr, AffineExprKind } from './expr.js';
import type { AffineMap } from './map.js';
import type { IntegerSet } from './set.js';
import { integerText } from '../support/integer-text.js';

/// Names an operand by position (e.g. `(i) => '%arg' + i` for the custom forms of affine ops).
export type AffineNameFn = (pos: number) => string;

/// Where printed text goes (a printer, or a list of parts joined afterwards).
export interface AffineTextSink {
  write(s: string): void;
}

class Parts implements AffineTextSink {
  readonly parts: string[] = [];
  write(s: string): void { this.parts.push(s); }
  text(): string { return this.parts.join(''); }
}

// Binding strength of the context an expression is printed in (MLIR BindingStrength).
const WEAK = 0;
const STRONG = 1;

function defaultDimName(pos: number): string {
  return 'd' + pos;
}
function defaultSymbolName(pos: number): string {
  return 's' + pos;
}

function binopSpelling(kind: AffineExprKind): string {
  switch (kind) {
    case AffineExprKind.Add:
      return ' + ';
    case AffineExprKind.Mul:
      return ' * ';
    case AffineExprKind.FloorDiv:
      return ' floordiv ';
    case AffineExprKind.CeilDiv:
      return ' ceildiv ';
    default:
      return ' mod ';
  }
}

// Port of AsmPrinter::Impl::printAffineExprInternal: appends the pieces to `out`.
function printInternal(
  out: AffineTextSink,
  expr: AffineExpr,
  enclosing: number,
  dimName: AffineNameFn,
  symName: AffineNameFn,
): void {
  switch (expr.kind) {
    case AffineExprKind.SymbolId:
      out.write(symName(expr.value));
      return;
    case AffineExprKind.DimId:
      out.write(dimName(expr.value));
      return;
    case AffineExprKind.Constant:
      out.write(integerText(expr.value));
      return;
    default:
      break;
  }
  const lhs = expr.lhs!;
  const rhs = expr.rhs!;
  const paren = enclosing === STRONG;

  if (expr.kind !== AffineExprKind.Add) {
    if (paren) out.write('(');
    if (expr.kind === AffineExprKind.Mul && rhs.isConstantValue(-1)) {
      // e * -1 prints as -e.
      out.write('-');
      printInternal(out, lhs, STRONG, dimName, symName);
    } else {
      printInternal(out, lhs, STRONG, dimName, symName);
      out.write(binopSpelling(expr.kind));
      printInternal(out, rhs, STRONG, dimName, symName);
    }
    if (paren) out.write(')');
    return;
  }

  if (paren) out.write('(');
  // a + b * -1 prints as a - b; a + b * -c (c > 1) as a - b * c.
  if (rhs.kind === AffineExprKind.Mul && rhs.rhs!.kind === AffineExprKind.Constant) {
    const c = rhs.rhs!.value;
    if (c === -1) {
      printInternal(out, lhs, WEAK, dimName, symName);
      out.write(' - ');
      const negated = rhs.lhs!;
      printInternal(out, negated, negated.kind === AffineExprKind.Add ? STRONG : WEAK, dimName, symName);
      if (paren) out.write(')');
      return;
    }
    if (c < -1) {
      printInternal(out, lhs, WEAK, dimName, symName);
      out.write(' - ');
      printInternal(out, rhs.lhs!, STRONG, dimName, symName);
      out.write(' * ' + integerText(-c));
      if (paren) out.write(')');
      return;
    }
  }
  // a + -c prints as a - c.
  if (rhs.kind === AffineExprKind.Constant && rhs.value < 0) {
    printInternal(out, lhs, WEAK, dimName, symName);
    out.write(' - ' + integerText(-rhs.value));
    if (paren) out.write(')');
    return;
  }
  printInternal(out, lhs, WEAK, dimName, symName);
  out.write(' + ');
  printInternal(out, rhs, WEAK, dimName, symName);
  if (paren) out.write(')');
}

/// Prints an expression as mlir-opt does (`d0 * 4 + s0 - 1`, `-d0 + 63`, `(d0 + 1) floordiv 2`).
/// Dims / symbols are named `d<i>` / `s<i>` unless name callbacks are given (e.g. SSA names for
/// the custom form of affine ops: `%i * 4 + %j`).
export function printAffineExpr(e: AffineExpr, dimNames?: AffineNameFn, symNames?: AffineNameFn): string {
  const out = new Parts();
  printInternal(out, e, WEAK, dimNames ?? defaultDimName, symNames ?? defaultSymbolName);
  return out.text();
}

/// Writes `e` to `out` as printAffineExpr prints it.
export function writeAffineExpr(out: AffineTextSink, e: AffineExpr, dimNames: AffineNameFn, symNames: AffineNameFn): void {
  printInternal(out, e, WEAK, dimNames, symNames);
}

/// Prints `e >= 0` or `e == 0` (MLIR printAffineConstraint).
export function printAffineConstraint(
  e: AffineExpr,
  isEq: boolean,
  dimNames?: AffineNameFn,
  symNames?: AffineNameFn,
): string {
  return printAffineExpr(e, dimNames, symNames) + (isEq ? ' == 0' : ' >= 0');
}

function printIdLists(out: AffineTextSink, numDims: number, numSymbols: number): void {
  out.write('(');
  for (let i = 0; i < numDims; i++) out.write(i === 0 ? 'd' + i : ', d' + i);
  out.write(')');
  if (numSymbols !== 0) {
    out.write('[');
    for (let i = 0; i < numSymbols; i++) out.write(i === 0 ? 's' + i : ', s' + i);
    out.write(']');
  }
}

/// Prints a map without the `affine_map<...>` wrapper: `(d0, d1)[s0] -> (d0 + s0, d1)`.
export function printAffineMap(m: AffineMap): string {
  const out = new Parts();
  printIdLists(out, m.numDims, m.numSymbols);
  out.write(' -> (');
  const results = m.results;
  for (let i = 0; i < results.length; i++) {
    if (i !== 0) out.write(', ');
    printInternal(out, results[i]!, WEAK, defaultDimName, defaultSymbolName);
  }
  out.write(')');
  return out.text();
}

/// Prints a set without the `affine_set<...>` wrapper: `(d0)[s0] : (d0 - s0 >= 0, d0 == 0)`.
export function printIntegerSet(s: IntegerSet): string {
  const out = new Parts();
  printIdLists(out, s.numDims, s.numSymbols);
  out.write(' : (');
  const constraints = s.constraints;
  for (let i = 0; i < constraints.length; i++) {
    if (i !== 0) out.write(', ');
    printInternal(out, constraints[i]!, WEAK, defaultDimName, defaultSymbolName);
    out.write(s.eqFlags[i] ? ' == 0' : ' >= 0');
  }
  out.write(')');
  return out.text();
}

/// Prints the results of `m` with operand names instead of d/s ids, as in the custom form of
/// affine ops: `printAffineMapResults(m, dimName, symName)` -> `%i * 4 + %j, %k`.
export function printAffineMapResults(m: AffineMap, dimNames: AffineNameFn, symNames: AffineNameFn): string {
  const out = new Parts();
  const results = m.results;
  for (let i = 0; i < results.length; i++) {
    if (i !== 0) out.write(', ');
    printInternal(out, results[i]!, WEAK, dimNames, symNames);
  }
  return out.text();
}
