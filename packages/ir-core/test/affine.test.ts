// Tests of affine expressions, maps and integer sets against mlir-opt 19 ground truth.
//
// Expected strings were produced with /usr/bin/mlir-opt-19 (parse + print, or
// `--pass-pipeline=builtin.module(func.func(affine-simplify-structures))` for simplification,
// or `-affine-super-vectorizer-test=compose-maps` for composition) and are hard-coded here.

import { expect } from 'chai';
import {
  AffineExpr,
  AffineExprKind,
  AffineMap,
  IntegerSet,
  affineAdd,
  affineCeilDiv,
  affineFloorDiv,
  affineMod,
  affineMul,
  affineNeg,
  affineSub,
  ceilDiv,
  composeAffineMaps,
  compressUnusedDims,
  compressUnusedSymbols,
  constantFoldAffineExpr,
  evaluateAffineExpr,
  evaluateAffineMap,
  flattenAffineExpr,
  floorDiv,
  getAffineConstantExpr,
  getAffineDimExpr,
  getAffineMap,
  getAffineSymbolExpr,
  getConstantAffineMap,
  getEmptyAffineMap,
  getEmptyIntegerSet,
  getIntegerSet,
  getMinorIdentityMap,
  getMultiDimIdentityMap,
  getPermutationMap,
  getRawAffineBinaryOpExpr,
  getSymbolIdentityMap,
  inversePermutation,
  mod,
  printAffineExpr,
  printAffineMap,
  printAffineMapResults,
  printIntegerSet,
  replaceDimsAndSymbols,
  simplifyAffineExpr,
  simplifyAffineMap,
} from '../src/affine/index.js';

//===----------------------------------------------------------------------===//
// A small parser for the affine_map / affine_set bodies, building expressions exactly like
// MLIR's AffineParser does (through the simplifying operators, left to right).
//===----------------------------------------------------------------------===//

const TOKEN_RE = /\s*(->|>=|<=|==|[A-Za-z_][A-Za-z0-9_$.]*|\d+|[()[\],+\-*:])/y;

function tokenize(text: string): string[] {
  const toks: string[] = [];
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < text.length) {
    const m = TOKEN_RE.exec(text);
    if (m === null) break;
    toks.push(m[1]!);
  }
  if (text.slice(TOKEN_RE.lastIndex).trim() !== '') throw new Error(`cannot tokenize ${text}`);
  return toks;
}

function parseAffine(text: string): AffineMap | IntegerSet {
  const t = tokenize(text);
  let p = 0;
  const names = new Map<string, AffineExpr>();
  const take = (s: string): void => {
    if (t[p++] !== s) throw new Error(`expected '${s}' in ${text}`);
  };
  const idList = (close: string, mk: (i: number) => AffineExpr): number => {
    let n = 0;
    if (t[p] === close) {
      p++;
      return 0;
    }
    for (;;) {
      names.set(t[p++]!, mk(n++));
      const s = t[p++];
      if (s === close) return n;
      if (s !== ',') throw new Error(`bad id list in ${text}`);
    }
  };
  const operand = (): AffineExpr => {
    const s = t[p++]!;
    if (s === '(') {
      const e = expr();
      take(')');
      return e;
    }
    if (s === '-') return affineMul(getAffineConstantExpr(-1), operand());
    if (/^\d+$/.test(s)) return getAffineConstantExpr(Number(s));
    const e = names.get(s);
    if (e === undefined) throw new Error(`unknown identifier ${s}`);
    return e;
  };
  const term = (): AffineExpr => {
    let l = operand();
    for (;;) {
      const op = t[p];
      if (op === '*') {
        p++;
        const r = operand();
        if (!l.isSymbolicOrConstant() && !r.isSymbolicOrConstant()) throw new Error('non-affine multiply');
        l = affineMul(l, r);
      } else if (op === 'floordiv' || op === 'ceildiv' || op === 'mod') {
        p++;
        const r = operand();
        if (!r.isSymbolicOrConstant()) throw new Error('non-affine divisor');
        l = op === 'mod' ? affineMod(l, r) : op === 'floordiv' ? affineFloorDiv(l, r) : affineCeilDiv(l, r);
      } else {
        return l;
      }
    }
  };
  const expr = (): AffineExpr => {
    let l = term();
    for (;;) {
      const op = t[p];
      if (op !== '+' && op !== '-') return l;
      p++;
      const r = term();
      l = op === '+' ? affineAdd(l, r) : affineSub(l, r);
    }
  };
  take('(');
  const nd = idList(')', getAffineDimExpr);
  let ns = 0;
  if (t[p] === '[') {
    p++;
    ns = idList(']', getAffineSymbolExpr);
  }
  if (t[p] === '->') {
    p++;
    take('(');
    const results: AffineExpr[] = [];
    if (t[p] === ')') p++;
    else
      for (;;) {
        results.push(expr());
        const s = t[p++];
        if (s === ')') break;
        if (s !== ',') throw new Error(`bad result list in ${text}`);
      }
    return getAffineMap(nd, ns, results);
  }
  take(':');
  take('(');
  const cs: AffineExpr[] = [];
  const eqs: boolean[] = [];
  if (t[p] === ')') {
    // MLIR turns an empty constraint list into the trivially true `0 == 0`.
    cs.push(getAffineConstantExpr(0));
    eqs.push(true);
  } else
    for (;;) {
      const l = expr();
      const op = t[p++];
      const r = expr();
      if (op === '>=' || op === '==') cs.push(affineSub(l, r));
      else if (op === '<=') cs.push(affineSub(r, l));
      else throw new Error(`bad constraint in ${text}`);
      eqs.push(op === '==');
      const s = t[p++];
      if (s === ')') break;
      if (s !== ',') throw new Error(`bad constraint list in ${text}`);
    }
  return getIntegerSet(nd, ns, cs, eqs);
}

function parseMap(text: string): AffineMap {
  const m = parseAffine(text);
  if (!(m instanceof AffineMap)) throw new Error(`not a map: ${text}`);
  return m;
}

function roundTrip(text: string): string {
  const x = parseAffine(text);
  return x instanceof AffineMap ? printAffineMap(x) : printIntegerSet(x);
}

const d0 = getAffineDimExpr(0);
const d1 = getAffineDimExpr(1);
const d2 = getAffineDimExpr(2);
const s0 = getAffineSymbolExpr(0);
const s1 = getAffineSymbolExpr(1);
const c = getAffineConstantExpr;
const p = (e: AffineExpr): string => printAffineExpr(e);

//===----------------------------------------------------------------------===//

describe('affine: expressions', () => {
  it('interns structurally equal expressions', () => {
    expect(getAffineDimExpr(0)).to.equal(d0);
    expect(c(5)).to.equal(c(5));
    expect(c(-0)).to.equal(c(0));
    expect(Object.is(c(-0).value, 0)).to.equal(true);
    const a = affineAdd(affineMul(d0, c(4)), d1);
    const b = affineAdd(affineMul(d0, c(4)), d1);
    expect(a).to.equal(b);
    expect(a.kind).to.equal(AffineExprKind.Add);
    expect(a.lhs!.kind).to.equal(AffineExprKind.Mul);
    expect(a.rhs).to.equal(d1);
    expect(a.id).to.not.equal(b.lhs!.id);
    expect(d0.id).to.not.equal(s0.id);
    expect(d0.value).to.equal(0);
    expect(c(7).value).to.equal(7);
    expect(() => c(1.5)).to.throw(RangeError);
    expect(() => getAffineDimExpr(-1)).to.throw(RangeError);
  });

  it('has predicates matching MLIR', () => {
    expect(c(3).isConstant()).to.equal(true);
    expect(affineMul(s0, s1).isSymbolicOrConstant()).to.equal(true);
    expect(affineAdd(d0, s0).isSymbolicOrConstant()).to.equal(false);
    expect(affineMul(d0, c(3)).isPureAffine()).to.equal(true);
    expect(affineMul(d0, s0).isPureAffine()).to.equal(false);
    expect(affineFloorDiv(d0, s0).isPureAffine()).to.equal(false);
    expect(affineMod(d0, c(4)).isPureAffine()).to.equal(true);
    expect(affineAdd(d0, affineMul(d2, s1)).isFunctionOfDim(2)).to.equal(true);
    expect(affineAdd(d0, affineMul(d2, s1)).isFunctionOfDim(1)).to.equal(false);
    expect(affineAdd(d0, affineMul(d2, s1)).isFunctionOfSymbol(1)).to.equal(true);
    expect(affineMul(affineMul(d0, c(4)), s0).getLargestKnownDivisor()).to.equal(4);
    expect(affineAdd(affineMul(d0, c(6)), c(9)).getLargestKnownDivisor()).to.equal(3);
    expect(affineMul(d0, c(-8)).getLargestKnownDivisor()).to.equal(8);
    expect(affineMul(d0, c(12)).isMultipleOf(4)).to.equal(true);
    expect(d0.isMultipleOf(2)).to.equal(false);
    expect(d0.isMultipleOf(-1)).to.equal(true);
  });

  it('folds constants and moves constants / symbols to the right', () => {
    expect(affineAdd(c(2), c(3))).to.equal(c(5));
    expect(affineMul(c(4), c(-3))).to.equal(c(-12));
    expect(p(affineAdd(c(4), d0))).to.equal('d0 + 4');
    expect(p(affineAdd(s0, d0))).to.equal('d0 + s0');
    expect(p(affineMul(c(2), d0))).to.equal('d0 * 2');
    expect(p(affineMul(s0, d0))).to.equal('d0 * s0');
    expect(p(affineMul(s1, s0))).to.equal('s1 * s0'); // both symbolic: kept in order
    expect(p(affineMul(affineMul(c(2), s0), d0))).to.equal('d0 * (s0 * 2)');
    expect(affineAdd(d0, c(0))).to.equal(d0);
    expect(affineMul(d0, c(1))).to.equal(d0);
    expect(affineMul(d0, c(0))).to.equal(c(0));
    expect(affineNeg(affineNeg(d0))).to.equal(d0);
  });

  it('merges successive constants: d0 * 2 * 3, (d0 + 1) + 2, (d0 + 2) + d1', () => {
    expect(affineMul(affineMul(d0, c(2)), c(3))).to.equal(affineMul(d0, c(6)));
    expect(p(affineAdd(affineAdd(d0, c(1)), c(2)))).to.equal('d0 + 3');
    expect(p(affineAdd(affineAdd(d0, c(2)), d1))).to.equal('d0 + d1 + 2');
    expect(p(affineMul(affineMul(d0, c(2)), s0))).to.equal('(d0 * s0) * 2');
    // c1 * e + c2 * e -> (c1 + c2) * e, with a bare e counting as e * 1.
    expect(p(affineAdd(affineMul(d0, c(3)), affineMul(d0, c(2))))).to.equal('d0 * 5');
    expect(p(affineAdd(d0, d0))).to.equal('d0 * 2');
    expect(affineSub(d0, d0)).to.equal(c(0));
    expect(p(affineAdd(affineAdd(affineMul(d0, c(3)), d1), affineMul(d0, c(2))))).to.equal(
      'd0 * 3 + d1 + d0 * 2',
    );
  });

  it('simplifies floordiv / ceildiv / mod at construction like MLIR 19', () => {
    expect(affineFloorDiv(d0, c(1))).to.equal(d0);
    expect(affineCeilDiv(d0, c(1))).to.equal(d0);
    expect(affineMod(d0, c(1))).to.equal(c(0));
    expect(p(affineFloorDiv(affineMul(d0, c(128)), c(64)))).to.equal('d0 * 2');
    expect(p(affineCeilDiv(affineMul(d0, c(512)), c(128)))).to.equal('d0 * 4');
    expect(affineMod(affineMul(d0, c(128)), c(64))).to.equal(c(0));
    expect(p(affineFloorDiv(affineMul(d0, c(6)), c(4)))).to.equal('(d0 * 6) floordiv 4');
    // (e1 + e2) floordiv c when one side is a known multiple of c (not for ceildiv).
    const sum = affineAdd(affineMul(d0, c(4)), d1);
    expect(p(affineFloorDiv(sum, c(4)))).to.equal('d0 + d1 floordiv 4');
    expect(p(affineMod(sum, c(4)))).to.equal('d1 mod 4');
    expect(p(affineCeilDiv(sum, c(4)))).to.equal('(d0 * 4 + d1) ceildiv 4');
    // (e mod 12) mod 4 -> e mod 4, but not (e mod 4) mod 8.
    expect(p(affineMod(affineMod(d0, c(12)), c(4)))).to.equal('d0 mod 4');
    expect(p(affineMod(affineMod(d0, c(4)), c(8)))).to.equal('(d0 mod 4) mod 8');
    // Constant folding uses floor semantics; negative divisors fold for div but not for mod.
    expect(affineFloorDiv(c(-7), c(2))).to.equal(c(-4));
    expect(affineCeilDiv(c(-7), c(2))).to.equal(c(-3));
    expect(affineMod(c(-7), c(2))).to.equal(c(1));
    expect(affineFloorDiv(c(7), c(-2))).to.equal(c(-4));
    expect(affineCeilDiv(c(-7), c(-2))).to.equal(c(4));
    expect(p(affineMod(c(7), c(-2)))).to.equal('7 mod -2');
    expect(p(affineFloorDiv(c(7), c(0)))).to.equal('7 floordiv 0');
    expect(p(affineFloorDiv(affineMul(d0, c(4)), c(-2)))).to.equal('d0 * -2');
    expect(p(affineFloorDiv(d0, c(-1)))).to.equal('d0 floordiv -1');
  });

  it('recognizes e - (e floordiv q) * q as e mod q', () => {
    const fd = affineFloorDiv(d0, c(4));
    expect(p(affineSub(d0, affineMul(fd, c(4))))).to.equal('d0 mod 4');
    const fs = affineFloorDiv(d0, s0);
    expect(p(affineSub(d0, affineMul(fs, s0)))).to.equal('d0 mod s0');
    expect(p(affineAdd(d0, affineMul(fs, affineNeg(s0))))).to.equal('d0 mod s0');
    // Only when the outer right operand is a product (MLIR 19 behaviour).
    expect(p(affineAdd(d0, affineMod(fd, c(-4))))).to.equal('d0 + (d0 floordiv 4) mod -4');
    expect(p(affineAdd(affineMul(fd, c(-4)), d0))).to.equal('(d0 floordiv 4) * -4 + d0');
  });

  it('substitutes dims and symbols, re-simplifying', () => {
    const e = affineAdd(affineMul(d0, c(2)), affineFloorDiv(d1, c(4)));
    expect(p(replaceDimsAndSymbols(e, [c(3), affineMul(d0, c(8))], []))).to.equal('d0 * 2 + 6');
    expect(p(replaceDimsAndSymbols(e, [s0], []))).to.equal('d1 floordiv 4 + s0 * 2');
    expect(replaceDimsAndSymbols(e, [d0, d1], [s1])).to.equal(e);
  });

  it('evaluates with MLIR semantics on negatives', () => {
    expect([floorDiv(-7, 2), ceilDiv(-7, 2), mod(-7, 2)]).to.deep.equal([-4, -3, 1]);
    expect([floorDiv(7, -2), ceilDiv(7, -2), mod(7, -2)]).to.deep.equal([-4, -3, -1]);
    expect([floorDiv(-8, 4), ceilDiv(-8, 4), mod(-8, 4)]).to.deep.equal([-2, -2, 0]);
    expect(Object.is(floorDiv(0, -3), 0)).to.equal(true);
    // Values checked against `affine.apply` constant folding by `mlir-opt-19 -canonicalize`.
    const m = parseMap(
      '(d0, d1, d2)[s0, s1] -> ((((s0 floordiv 1) + -((s0 ceildiv 5))) * (((-6) mod 8) * (d0 ceildiv (s1 ceildiv 1)))))',
    );
    expect(evaluateAffineMap(m, [-10, 6, 6], [20, -2])).to.deep.equal([160]);
    const e = parseMap('(d0)[s0] -> (d0 mod 4 + d0 floordiv 4 + (d0 - s0) ceildiv 3)').results[0]!;
    expect(evaluateAffineExpr(e, [-5], [2])).to.equal(3 + -2 + -2);
    expect(evaluateAffineExpr(e, [9], [-1])).to.equal(1 + 2 + 4);
    expect(() => evaluateAffineExpr(affineMod(d0, s0), [5], [0])).to.throw(RangeError);
    expect(() => evaluateAffineExpr(affineFloorDiv(d0, s0), [5], [0])).to.throw(RangeError);
    expect(evaluateAffineExpr(affineFloorDiv(d0, s0), [5], [-2])).to.equal(-3);
    expect(() => evaluateAffineExpr(affineMod(d0, s0), [5], [-2])).to.throw(RangeError);
    const poison = { value: false };
    expect(constantFoldAffineExpr(affineAdd(d0, s0), [1], [null])).to.equal(null);
    expect(constantFoldAffineExpr(affineMod(d0, s0), [1], [0], poison)).to.equal(null);
    expect(poison.value).to.equal(true);
  });
});

describe('affine: printing', () => {
  it('prints expressions with MLIR pretty forms', () => {
    expect(p(affineSub(d0, d1))).to.equal('d0 - d1');
    expect(p(affineSub(c(63), d0))).to.equal('-d0 + 63');
    expect(p(getRawAffineBinaryOpExpr(AffineExprKind.Mul, d0, c(-1)))).to.equal('-d0');
    expect(p(affineAdd(affineMul(s0, c(16)), c(16)))).to.equal('s0 * 16 + 16');
    expect(p(affineMul(affineAdd(s0, c(1)), c(16)))).to.equal('(s0 + 1) * 16');
    expect(p(affineSub(d0, affineMul(d1, c(2))))).to.equal('d0 - d1 * 2');
    expect(p(affineSub(d0, affineAdd(d1, c(1))))).to.equal('d0 - (d1 + 1)');
    expect(p(affineSub(d0, affineMul(affineAdd(d1, c(1)), c(3))))).to.equal('d0 - (d1 + 1) * 3');
    expect(p(affineFloorDiv(affineNeg(s0), c(4)))).to.equal('(-s0) floordiv 4');
    expect(p(affineNeg(affineFloorDiv(d0, c(2))))).to.equal('-(d0 floordiv 2)');
    expect(p(affineNeg(affineMul(d0, s0)))).to.equal('-(d0 * s0)');
    expect(p(affineAdd(affineNeg(affineMod(d0, c(2))), c(1)))).to.equal('-(d0 mod 2) + 1');
    expect(p(affineMod(affineCeilDiv(d1, c(7)), s0))).to.equal('(d1 ceildiv 7) mod s0');
  });

  it('prints with operand name callbacks (custom affine op syntax)', () => {
    const e = affineAdd(affineMul(d0, c(4)), affineAdd(d1, affineMul(s0, c(-1))));
    expect(printAffineExpr(e, (i) => ['%i', '%j'][i]!, (i) => `symbol(%n${i})`)).to.equal(
      '%i * 4 + %j - symbol(%n0)',
    );
    const m = getAffineMap(2, 1, [affineAdd(d0, s0), d1]);
    expect(printAffineMapResults(m, (i) => `%a${i}`, (i) => `%s${i}`)).to.equal('%a0 + %s0, %a1');
  });

  it('prints maps and sets', () => {
    expect(printAffineMap(getAffineMap(2, 1, [affineAdd(d0, s0), d1]))).to.equal('(d0, d1)[s0] -> (d0 + s0, d1)');
    expect(printAffineMap(getEmptyAffineMap())).to.equal('() -> ()');
    expect(printAffineMap(getAffineMap(3, 0, []))).to.equal('(d0, d1, d2) -> ()');
    expect(printAffineMap(getSymbolIdentityMap())).to.equal('()[s0] -> (s0)');
    expect(String(getConstantAffineMap(-3))).to.equal('() -> (-3)');
    const set = getIntegerSet(1, 1, [affineSub(d0, s0), d0], [false, true]);
    expect(printIntegerSet(set)).to.equal('(d0)[s0] : (d0 - s0 >= 0, d0 == 0)');
    expect(printIntegerSet(getEmptyIntegerSet(0, 0))).to.equal('() : (1 == 0)');
    expect(String(getEmptyIntegerSet(2, 1))).to.equal('(d0, d1)[s0] : (1 == 0)');
  });

  // [input as written, mlir-opt-19 output]; parsing builds through the simplifying operators.
  const parsePrintCases: [string, string][] = [
    // mlir/test/IR/affine-map.mlir
    ['(i, j) -> (2 + 3 - 2*2 + i, 4*j + 2)', '(d0, d1) -> (d0 + 1, d1 * 4 + 2)'],
    ['(i, j) -> (1*i+3*2-2*2-1, 2*j*2 + 2)', '(d0, d1) -> (d0 + 1, d1 * 4 + 2)'],
    [
      '(i, j) -> ((j - i) + 2*(i - j + 1) + j - 1 + 0, j + j + 1 + j + j + 1)',
      '(d0, d1) -> (d1 - d0 + (d0 - d1 + 1) * 2 + d1 - 1, d1 * 4 + 2)',
    ],
    ['(i, j)[s0] -> (5 + i + j + s0, j)', '(d0, d1)[s0] -> (d0 + d1 + s0 + 5, d1)'],
    ['(i, j)[s0] -> (i + (j + 5), j)', '(d0, d1)[s0] -> (d0 + d1 + 5, d1)'],
    ['(i, j)[s0] -> (i + 2*6 + 5*(j+s0*3), j)', '(d0, d1)[s0] -> (d0 + (d1 + s0 * 3) * 5 + 12, d1)'],
    ['(i, j)[N] -> (i, 2 + N*N*9*i + 1)', '(d0, d1)[s0] -> (d0, d0 * ((s0 * s0) * 9) + 3)'],
    ['(i, j)[s0] -> (5*s0, i + 3*j + 5*i)', '(d0, d1)[s0] -> (s0 * 5, d0 + d1 * 3 + d0 * 5)'],
    ['(i, j)[M, N] -> (i, i - N*j + 2)', '(d0, d1)[s0, s1] -> (d0, d0 - d1 * s1 + 2)'],
    [
      '(i, j)[s0, s1] -> (-5*i, -3*j, -2, -1*(i+j), -1*s0)',
      '(d0, d1)[s0, s1] -> (d0 * -5, d1 * -3, -2, -(d0 + d1), -s0)',
    ],
    ['(i, j) -> (-2+-5-(-3), -1*i)', '(d0, d1) -> (-4, -d0)'],
    ['(i, j, k)[s0, s1, s2] -> (i*s1*s2 + j*s1 + k)', '(d0, d1, d2)[s0, s1, s2] -> ((d0 * s1) * s2 + d1 * s1 + d2)'],
    ['(i, j) -> (5+3, 2*2, 8-7, 100 floordiv 32, 5 mod 3, 10 ceildiv 3)', '(d0, d1) -> (8, 4, 1, 3, 2, 4)'],
    ['(i, j) -> (5 mod 3 + 2, 5*3 - 4, 128 * (500 ceildiv 128), 40 floordiv 7 * 3)', '(d0, d1) -> (4, 11, 512, 15)'],
    ['(i, j) [s0] -> ( i * 5 floordiv 4, j ceildiv 7 mod s0)', '(d0, d1)[s0] -> ((d0 * 5) floordiv 4, (d1 ceildiv 7) mod s0)'],
    [
      '(i, j, k) [N] -> (1 + i + 3 + j - 3 + k, k + 5 + j - 5, 2*i*4*N)',
      '(d0, d1, d2)[s0] -> (d0 + d1 + d2 + 1, d2 + d1, (d0 * s0) * 8)',
    ],
    [
      '(i, j, k) -> (i*0, 1*j, i * 128 floordiv 64, j * 0 floordiv 64)',
      '(d0, d1, d2) -> (0, d1, d0 * 2, 0)',
    ],
    [
      '(i, j)[s0] -> ( (i * 4 + 8) mod 4, 32 * j * s0 * 8 mod 256, (4*i + (j * (s0 * 2))) mod 2, (4*i + 3) mod 2)',
      '(d0, d1)[s0] -> (0, 0, 0, 1)',
    ],
    ['(i) -> (-5 floordiv 3, -5 mod 3, -5 ceildiv 3)', '(d0) -> (-2, 1, -1)'],
    ['(d0) -> (16*d0 + ((d0 + 1) * -1) + 15)', '(d0) -> (d0 * 16 - (d0 + 1) + 15)'],
    ['(d0)[s0] -> (-s0 floordiv 4, d0 floordiv -1)', '(d0)[s0] -> ((-s0) floordiv 4, d0 floordiv -1)'],
    [
      '(d0, d1) -> ((4*d0 + 2) floordiv 4, (4*d0 + 8*d1 + 5) floordiv 2, (2*d0 + 4*d1 + 3) mod 2, (3*d0 - 4) mod 3, (4*d0 + 8*d1) mod 8)',
      '(d0, d1) -> (d0, d0 * 2 + d1 * 4 + 2, 1, 2, (d0 * 4) mod 8)',
    ],
    [
      '(d0, d1) -> (d0 - d0 + d1, -d0 + d0 + d0, (1 + d0 + d1 floordiv 4) - (d0 + d1 floordiv 4 + 1))',
      '(d0, d1) -> (d1, d0, 0)',
    ],
    [
      '(d0, d1) -> (4*d0 - 2*d0 + d0, (d0 + d1) + (d0 + d1), 2 * (d0 mod 2) - d0 mod 2)',
      '(d0, d1) -> (d0 * 3, (d0 + d1) * 2, d0 mod 2)',
    ],
    ['(d0, d1) -> ((d0 mod 35) mod 5, (d1 mod 35) mod 4)', '(d0, d1) -> (d0 mod 5, (d1 mod 35) mod 4)'],
    [
      '(d0, d1)[mod, floordiv] -> (floordiv floordiv 2 - d0, mod mod 3 - d1)',
      '(d0, d1)[s0, s1] -> (-d0 + s1 floordiv 2, -d1 + s0 mod 3)',
    ],
    // Hand-written and randomly generated cases.
    ['(d0, d1) -> ((d0 + d1) * -2 + d0)', '(d0, d1) -> ((d0 + d1) * -2 + d0)'],
    ['(d0, d1) -> (-(d0 + d1) floordiv 2)', '(d0, d1) -> ((-(d0 + d1)) floordiv 2)'],
    ['(d0) -> (7 floordiv 0, 7 ceildiv 0, 7 mod 0, -7 floordiv -2, -7 mod -2)', '(d0) -> (7 floordiv 0, 7 ceildiv 0, 7 mod 0, 3, -7 mod -2)'],
    ['(d0) -> ((d0 * 4 + 2) floordiv -2)', '(d0) -> (d0 * -2 - 1)'],
    ['(d0, d1) -> ((d0 * 4 + d1) floordiv -4)', '(d0, d1) -> (-d0 + d1 floordiv -4)'],
    ['(d0, d1) -> (((d0 * 4 + d1 * 4) ceildiv 2) mod 2)', '(d0, d1) -> (0)'],
    ['(d0, d1) -> (((d0 * 4 + d1 * 4) ceildiv 2 + d1) floordiv 2)', '(d0, d1) -> (((d0 * 4 + d1 * 4) ceildiv 2) floordiv 2 + d1 floordiv 2)'],
    ['(d0, d1)[s0] -> ((d0 + 2) + (d1 + 3), s0 + (d0 + d1))', '(d0, d1)[s0] -> (d0 + d1 + 3 + 2, d0 + d1 + s0)'],
    ['(d0, d1, d2) -> (d0 - d1 - d2, d0 - (d1 + d2), d0 + (d1 - d2))', '(d0, d1, d2) -> (d0 - d1 - d2, d0 - (d1 + d2), d0 + d1 - d2)'],
    ['(d0)[s0] -> (d0 + ((d0 floordiv s0) * s0) mod -1)', '(d0)[s0] -> (d0 mod s0)'],
    ['(d0)[s0] -> (d0 + ((d0 floordiv 4) * s0) ceildiv -1)', '(d0)[s0] -> (d0 + ((d0 floordiv 4) * s0) ceildiv -1)'],
    ['(d0)[s0] -> (d0 - (d0 floordiv s0) * s0, (d0 * s0) mod s0)', '(d0)[s0] -> (d0 mod s0, (d0 * s0) mod s0)'],
    ['(d0, d1, d2)[s0, s1] -> (((s0 floordiv 2) * -(d0)))', '(d0, d1, d2)[s0, s1] -> (-(d0 * (s0 floordiv 2)))'],
    ['(d0, d1, d2)[s0, s1] -> ((12 * s0) - (d2 + 16))', '(d0, d1, d2)[s0, s1] -> (-(d2 + 16) + s0 * 12)'],
    ['(d0, d1, d2)[s0, s1] -> ((-((s1 - ((d1 mod 6) - -2)) - 8)))', '(d0, d1, d2)[s0, s1] -> (-(-(d1 mod 6 + 2) + s1 - 8))'],
    ['(d0, d1, d2)[s0, s1] -> (((s1 ceildiv 8) - (d2 ceildiv -1)))', '(d0, d1, d2)[s0, s1] -> (-(d2 ceildiv -1) + s1 ceildiv 8)'],
    ['(d0, d1, d2)[s0, s1] -> ((((d2 floordiv 6) - (s1 * d1)) ceildiv 6))', '(d0, d1, d2)[s0, s1] -> ((d2 floordiv 6 - d1 * s1) ceildiv 6)'],
    ['(d0, d1, d2)[s0, s1] -> ((6 mod (-1 * s1)), (-4 mod 0))', '(d0, d1, d2)[s0, s1] -> (6 mod (-s1), -4 mod 0)'],
    // Integer sets (constraints: `a >= b` is a - b, `a <= b` is b - a, `a == b` is a - b).
    ['(d0)[s0] : (d0 - s0 >= 0, d0 == 0)', '(d0)[s0] : (d0 - s0 >= 0, d0 == 0)'],
    ['(d0) : (d0 >= 5, d0 <= 5)', '(d0) : (d0 - 5 >= 0, -d0 + 5 >= 0)'],
    ['(d0)[s0] : (d0 == s0)', '(d0)[s0] : (d0 - s0 == 0)'],
    ['(d0) : ()', '(d0) : (0 == 0)'],
    ['() : (1 == 0)', '() : (1 == 0)'],
    [
      '(d0, d1) : (d0 - 1 >= 0, -d1 + 10 >= 0, d0 * 2 - d1 == 0)',
      '(d0, d1) : (d0 - 1 >= 0, -d1 + 10 >= 0, d0 * 2 - d1 == 0)',
    ],
  ];
  const nonFixedPoints = new Map([
    ['(d0, d1)[s0] -> (d0 + d1 + 3 + 2, d0 + d1 + s0)', '(d0, d1)[s0] -> (d0 + d1 + 5, d0 + d1 + s0)'],
  ]);
  for (const [input, expected] of parsePrintCases) {
    it(`parses and prints ${input}`, () => {
      expect(roundTrip(input)).to.equal(expected);
      // mlir-opt's output is a fixed point of parse + print, except where printing hides the
      // tree shape: `(d0 + d1 + 3) + 2` prints as `d0 + d1 + 3 + 2` but reparses as `d0 + d1 + 5`.
      expect(roundTrip(expected)).to.equal(nonFixedPoints.get(expected) ?? expected);
    });
  }
});

describe('affine: simplifyAffineExpr (flattening)', () => {
  // [input, output of mlir-opt-19 affine-simplify-structures]
  const cases: [string, string][] = [
    [
      '(d0, d1) -> (d1 - d0 + (d0 - d1 + 1) * 2 + d1 - 1, d1 * 4 + 2)',
      '(d0, d1) -> (d0 + 1, d1 * 4 + 2)',
    ],
    ['(d0, d1) -> (d0 + (d1 + 1) * 3)', '(d0, d1) -> (d0 + d1 * 3 + 3)'],
    ['(d0, d1) -> ((d0 * 4 + d1 * 4 + 4) floordiv 8)', '(d0, d1) -> ((d0 + d1 + 1) floordiv 2)'],
    ['(d0, d1) -> ((d0 * 4 + d1 * 4 + 4) ceildiv 8)', '(d0, d1) -> ((d0 + d1 + 1) ceildiv 2)'],
    [
      '(d0, d1) -> ((d0 * 4 + d1 * 4 + 4) mod 8)',
      '(d0, d1) -> (d0 * 4 + d1 * 4 - ((d0 + d1 + 1) floordiv 2) * 8 + 4)',
    ],
    ['(d0, d1) -> ((d0 + d1) mod 4 + ((d0 + d1) floordiv 4) * 4)', '(d0, d1) -> (d0 + d1)'],
    ['(d0) -> (d0 mod 4 + (d0 floordiv 4) * 4)', '(d0) -> (d0)'],
    [
      '(d0, d1) -> ((d0 * 2 + d1) mod 2, (d0 * 2 + d1) floordiv 2 + (d0 * 2 + d1) mod 2)',
      '(d0, d1) -> (d1 mod 2, d0 + d1 - d1 floordiv 2)',
    ],
    ['(d0) -> ((d0 + 3) floordiv 4 - (d0 + 3) floordiv 4)', '(d0) -> (0)'],
    [
      '(d0, d1, d2)[s0] -> (d2 + d1 * 2 + d0 * 3 + s0 * 4 + 5)',
      '(d0, d1, d2)[s0] -> (d0 * 3 + d1 * 2 + d2 + s0 * 4 + 5)',
    ],
    ['(d0)[s0] -> (s0 - d0, d0 - s0 + 1)', '(d0)[s0] -> (-d0 + s0, d0 - s0 + 1)'],
    ['(d0) -> (-d0 floordiv 2, (d0 * -2) floordiv 4)', '(d0) -> ((-d0) floordiv 2, (-d0) floordiv 2)'],
    ['(d0, d1) -> (d0 mod 0, d0 floordiv -1)', '(d0, d1) -> (d0 mod 0, d0 floordiv -1)'],
    ['(d0, d1) -> ((d0 * 6 + d1 * 9) floordiv 12)', '(d0, d1) -> ((d0 * 2 + d1 * 3) floordiv 4)'],
    ['(d0, d1) -> ((d0 + d1) floordiv 4 + (d1 + d0) floordiv 4)', '(d0, d1) -> (((d0 + d1) floordiv 4) * 2)'],
    ['(d0) -> ((d0 floordiv 2) floordiv 3, (d0 mod 6) mod 4)', '(d0) -> ((d0 floordiv 2) floordiv 3, (d0 mod 6) mod 4)'],
    // Semi-affine.
    [
      '(d0)[s0] -> ((d0 * s0) mod s0, (d0 * s0) floordiv s0, (d0 * s0) ceildiv s0)',
      '(d0)[s0] -> (0, d0, d0)',
    ],
    ['(d0)[s0, s1] -> ((d0 * s0 + s0 * s1) floordiv s0)', '(d0)[s0, s1] -> (d0 + s1)'],
    [
      '(d0)[s0, s1] -> ((d0 * s0 * s1) floordiv s1, (d0 * s1 + s1) floordiv s1)',
      '(d0)[s0, s1] -> (d0 * s0, d0 + 1)',
    ],
    [
      '(d0, d1)[s0, s1] -> (d0 * s0 + d1 + d0 * s1 + s0 + d0)',
      '(d0, d1)[s0, s1] -> (d0 + d0 * s0 + d0 * s1 + s0 + d1)',
    ],
    [
      '(d0, d1)[s0] -> (s0 * d1 + d0 * 2 + d1 mod 4)',
      '(d0, d1)[s0] -> (d0 * 2 + d1 - (d1 floordiv 4) * 4 + d1 * s0)',
    ],
    [
      '(d0, d1)[s0, s1] -> (d1 mod s1 + d0 floordiv s0 + s1 + d0 mod 3)',
      '(d0, d1)[s0, s1] -> (d0 mod 3 + d0 floordiv s0 + d1 mod s1 + s1)',
    ],
    [
      '(d0, d1)[s0, s1] -> (d1 * s1 + d0 * s0 + s1 + s0 * s1)',
      '(d0, d1)[s0, s1] -> (d0 * s0 + s0 * s1 + d1 * s1 + s1)',
    ],
    ['(d0, d1)[s0] -> ((d0 * s0) * 2 + d1 * s0)', '(d0, d1)[s0] -> ((d0 * s0) * 2 + d1 * s0)'],
    ['(d0)[s0] -> ((d0 - d0 mod s0) mod s0, (s0 - s0 mod 4) mod 4)', '(d0)[s0] -> (0, 0)'],
    ['(d0)[s0] -> ((d0 - d0 mod s0 + 3) mod s0)', '(d0)[s0] -> ((d0 - d0 mod s0 + 3) mod s0)'],
    ['(d0)[s0] -> (((d0 * s0) floordiv 2) floordiv s0)', '(d0)[s0] -> (d0 floordiv 2)'],
    [
      '(d0)[s0] -> (s0 mod 3 + s0 floordiv 2 + s0 * d0 + s0)',
      '(d0)[s0] -> (d0 * s0 + s0 * 2 - (s0 floordiv 3) * 3 + s0 floordiv 2)',
    ],
    [
      '(d0, d1)[s0] -> (d1 floordiv 4 + d1 * 3 + d0 * s0 + d0 + 1 + s0 mod 4 + 2)',
      '(d0, d1)[s0] -> (d0 + d0 * s0 + s0 - (s0 floordiv 4) * 4 + d1 * 3 + d1 floordiv 4 + 3)',
    ],
    ['(d0)[s0] -> ((d0 * s0 + d0 * s0) mod 4)', '(d0)[s0] -> ((d0 * s0) * 2 - ((d0 * s0) floordiv 2) * 4)'],
    // MLIR keeps the first of two terms that get the same sort key (d0 floordiv s0 twice).
    ['(d0)[s0] -> (d0 floordiv s0 + d0 mod s0 + d0 - d0)', '(d0)[s0] -> ((d0 floordiv s0) * 2)'],
    ['(d0)[s0] -> (d0 floordiv s0 + d0 mod s0)', '(d0)[s0] -> (d0 floordiv s0 + d0 mod s0)'],
    // Randomly generated.
    [
      '(d0, d1, d2)[s0, s1] -> ((12 * ((-(8 mod 3)) * ((d0 * s0) + (d1 ceildiv 6)))))',
      '(d0, d1, d2)[s0, s1] -> ((d0 * s0) * -24 - (d1 ceildiv 6) * 24)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> ((((s1 + 2) * (8 + d2)) + ((0 ceildiv 8) - (s1 floordiv 4))))',
      '(d0, d1, d2)[s0, s1] -> ((d2 + 8) * (s1 + 2) - s1 floordiv 4)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> (((-(d2 * (-(1 + ((3 * s1) + (s0 + 6)))))) floordiv 3), s1)',
      '(d0, d1, d2)[s0, s1] -> ((-(d2 * (-s0 - s1 * 3 - 7))) floordiv 3, s1)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> (((0 mod 0) - (((s0 + d2) mod (s1 + s0)) - s0)))',
      '(d0, d1, d2)[s0, s1] -> (-((d2 + s0) mod (s1 + s0) - s0) + 0 mod 0)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> ((((6 + d0) + (s1 - s0)) + ((d1 + s0) + (-1 ceildiv (s0 + s1)))))',
      '(d0, d1, d2)[s0, s1] -> (d0 + d1 + s1 + -1 ceildiv (s0 + s1) + 6)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> (((((-((5 mod 1)) - ((s0 * d2) + (-2 * 2))) floordiv 8) ceildiv 1) - d1))',
      '(d0, d1, d2)[s0, s1] -> (-d1 + (-(d2 * s0) + 4) floordiv 8)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> ((((s0 ceildiv (8 mod 5)) + (d1 * 12)) ceildiv -2))',
      '(d0, d1, d2)[s0, s1] -> ((d1 * 12 + s0 ceildiv 3) ceildiv -2)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> (((((((2 mod 1) + s1) - (d2 - s1)) mod -2) mod 5) mod 6))',
      '(d0, d1, d2)[s0, s1] -> ((((-(d2 - s1) + s1) mod -2) mod 5) mod 6)',
    ],
    [
      '(d0, d1, d2)[s0, s1] -> (((d1 mod (s1 floordiv 1)) * 4), (s1 + (-(((s1 - s1) * (s1 * d1)) * ((s0 mod 4) + s1)))))',
      '(d0, d1, d2)[s0, s1] -> ((d1 mod s1) * 4, s1)',
    ],
  ];
  for (const [input, expected] of cases) {
    it(`simplifies ${input}`, () => {
      expect(printAffineMap(simplifyAffineMap(parseMap(input)))).to.equal(expected);
    });
  }

  it('simplifies single expressions and keeps unflattenable ones', () => {
    const e = affineAdd(affineMod(d0, c(4)), affineMul(affineFloorDiv(d0, c(4)), c(4)));
    expect(simplifyAffineExpr(e, 1, 0)).to.equal(d0);
    const bad = affineAdd(affineFloorDiv(d0, c(-2)), d1);
    expect(simplifyAffineExpr(bad, 2, 0)).to.equal(bad);
  });

  it('flattens into [dims, symbols, locals, constant] rows', () => {
    const e = affineAdd(affineAdd(affineMul(d0, c(3)), affineMod(d1, c(4))), affineAdd(s0, c(7)));
    const r = flattenAffineExpr(e, 2, 1)!;
    expect(r.localExprs.map(p)).to.deep.equal(['d1 floordiv 4']);
    expect(r.flat).to.deep.equal([3, 1, 1, -4, 7]);
    expect(flattenAffineExpr(affineMod(d0, c(0)), 1, 0)).to.equal(null);
  });
});

describe('affine: maps', () => {
  it('interns maps and validates arity', () => {
    const a = getAffineMap(2, 1, [affineAdd(d0, s0), d1]);
    expect(getAffineMap(2, 1, [affineAdd(d0, s0), d1])).to.equal(a);
    expect(getAffineMap(2, 2, [affineAdd(d0, s0), d1])).to.not.equal(a);
    expect(a.results).to.be.frozen;
    expect(a.getNumInputs()).to.equal(3);
    expect(() => getAffineMap(1, 0, [d1])).to.throw(RangeError);
    expect(() => getAffineMap(1, 0, [s0])).to.throw(RangeError);
  });

  it('answers structural queries', () => {
    expect(getMultiDimIdentityMap(3).isIdentity()).to.equal(true);
    expect(printAffineMap(getMultiDimIdentityMap(2))).to.equal('(d0, d1) -> (d0, d1)');
    expect(parseMap('(d0, d1)[s0] -> (d0, d1)').isIdentity()).to.equal(true);
    expect(parseMap('(d0, d1) -> (d1, d0)').isIdentity()).to.equal(false);
    expect(parseMap('(d0, d1) -> (d1, d0)').isPermutation()).to.equal(true);
    expect(parseMap('(d0, d1, d2) -> (d2, 0)').isProjectedPermutation(true)).to.equal(true);
    expect(parseMap('(d0, d1, d2) -> (d2, 0)').isProjectedPermutation()).to.equal(false);
    expect(getMinorIdentityMap(3, 2).isMinorIdentity()).to.equal(true);
    expect(printAffineMap(getMinorIdentityMap(3, 2))).to.equal('(d0, d1, d2) -> (d1, d2)');
    expect(getEmptyAffineMap().isEmpty()).to.equal(true);
    expect(getAffineMap(1, 0, []).isEmpty()).to.equal(false);
    expect(getConstantAffineMap(42).isSingleConstant()).to.equal(true);
    expect(getConstantAffineMap(42).getSingleConstantResult()).to.equal(42);
    const cm = parseMap('(d0) -> (3, -1)');
    expect(cm.isConstant()).to.equal(true);
    expect(cm.isSingleConstant()).to.equal(false);
    expect(cm.getConstantResults()).to.deep.equal([3, -1]);
    expect(() => parseMap('(d0) -> (d0)').getSingleConstantResult()).to.throw(TypeError);
    expect(getSymbolIdentityMap().isSymbolIdentity()).to.equal(true);
    expect(printAffineMap(getPermutationMap([1, 2, 0]))).to.equal('(d0, d1, d2) -> (d1, d2, d0)');
    expect(printAffineMap(inversePermutation(getPermutationMap([1, 2, 0]))!)).to.equal(
      '(d0, d1, d2) -> (d2, d0, d1)',
    );
    expect(parseMap('(d0, d1) -> (d0 * 4, d1 * 6)').getLargestKnownDivisorOfMapExprs()).to.equal(2);
  });

  it('composes like AffineMap::compose', () => {
    // outer.compose(inner): inner's dims, outer's symbols first.
    const outer = parseMap('(d0, d1)[s0] -> (d0 + s0, d1 * 2)');
    const inner = parseMap('(d0)[s0] -> (d0 * 4, d0 + s0)');
    expect(printAffineMap(composeAffineMaps(outer, inner))).to.equal('(d0)[s0, s1] -> (d0 * 4 + s0, (d0 + s1) * 2)');
    expect(printAffineMap(outer.compose(inner))).to.equal('(d0)[s0, s1] -> (d0 * 4 + s0, (d0 + s1) * 2)');
    expect(() => composeAffineMaps(inner, inner)).to.throw(RangeError);
    expect(composeAffineMaps(outer, getMultiDimIdentityMap(2))).to.equal(outer);
  });

  // mlir/test/Dialect/Affine/SuperVectorize/compose_maps.mlir: maps [f, g, h] give
  // simplifyAffineMap(h.compose(g).compose(f)).
  const composeCases: [string[], string][] = [
    [['(d0) -> (d0 - 1)', '(d0) -> (d0 + 1)'], '(d0) -> (d0)'],
    [['(d0)[s0] -> (d0 + s0 - 1)', '(d0)[s0] -> (d0 - s0 + 1)'], '(d0)[s0, s1] -> (d0 - s0 + s1)'],
    [
      ['(d0, d1)[s0, s1] -> (d0 ceildiv s0, d1 ceildiv s1)', '(d0, d1)[s0, s1] -> (d0 * s0, d1 * s1)'],
      '(d0, d1)[s0, s1, s2, s3] -> ((d0 ceildiv s2) * s0, (d1 ceildiv s3) * s1)',
    ],
    [
      [
        '(d0, d1)[s0, s1] -> ((d0 ceildiv s0) * s0, (d1 ceildiv s1) * s1, d0, d1)',
        '(d0, d1, d2, d3)[s0, s1, s2, s3] -> (d0 + d2 mod s2, d1 + d3 mod s3)',
      ],
      '(d0, d1)[s0, s1, s2, s3, s4, s5] -> ((d0 ceildiv s4) * s4 + d0 mod s2, (d1 ceildiv s5) * s5 + d1 mod s3)',
    ],
    [['(d0, d1) -> (d1, d0)', '(d0, d1)[s0, s1] -> (d0 * s1, d1 ceildiv s0)'], '(d0, d1)[s0, s1] -> (d1 * s1, d0 ceildiv s0)'],
    [
      [
        '(d0, d1, d2)[s0] -> (s0, (s0 floordiv 5), (-(d2) * s0))',
        '(d0, d1, d2)[s0] -> (((d0 - d1) floordiv 5), (s0 floordiv 2))',
        '(d0, d1)[s0, s1] -> ((((-2 * 12) mod (s1 ceildiv -2)) * s1), ((d1 + d1) - (d0 floordiv 8)))',
      ],
      '(d0, d1, d2)[s0, s1, s2, s3] -> ((-24 mod (s1 ceildiv -2)) * s1, -(((s3 - s3 floordiv 5) floordiv 5) floordiv 8) + (s2 floordiv 2) * 2)',
    ],
  ];
  for (const [maps, expected] of composeCases) {
    it(`composes ${maps.join(' ; ')}`, () => {
      const ms = maps.map(parseMap).reverse();
      let res = ms[0]!;
      for (const m of ms.slice(1)) res = composeAffineMaps(res, m);
      expect(printAffineMap(simplifyAffineMap(res))).to.equal(expected);
    });
  }

  it('evaluates and partially folds maps', () => {
    const m = parseMap('(d0, d1)[s0] -> (d0 floordiv 4, d1 mod s0, d0 - d1 * 2)');
    expect(evaluateAffineMap(m, [-9, 7], [3])).to.deep.equal([-3, 1, -23]);
    expect(() => evaluateAffineMap(m, [1], [3])).to.throw(RangeError);
    const r = m.partialConstantFold([-9, null], [3]);
    expect(printAffineMap(r.map)).to.equal('(d0, d1)[s0] -> (-3, d1 mod s0, d0 - d1 * 2)');
    expect(r.results).to.equal(null);
    const all = m.partialConstantFold([8, 5], [2]);
    expect(all.results).to.deep.equal([2, 1, -2]);
    expect(all.hasPoison).to.equal(false);
    expect(m.partialConstantFold([8, 5], [0]).hasPoison).to.equal(true);
  });

  it('drops unused dims and symbols', () => {
    const m = parseMap('(d0, d1, d2)[s0, s1] -> (d2 + s1, d0)');
    expect(printAffineMap(compressUnusedDims(m))).to.equal('(d0, d1)[s0, s1] -> (d1 + s1, d0)');
    expect(printAffineMap(compressUnusedSymbols(m))).to.equal('(d0, d1, d2)[s0] -> (d2 + s0, d0)');
  });
});

describe('affine: integer sets', () => {
  it('interns sets and exposes constraints', () => {
    const a = getIntegerSet(2, 0, [affineSub(d0, c(1)), affineSub(d0, d1)], [false, true]);
    expect(getIntegerSet(2, 0, [affineSub(d0, c(1)), affineSub(d0, d1)], [false, true])).to.equal(a);
    expect(getIntegerSet(2, 0, [affineSub(d0, c(1)), affineSub(d0, d1)], [false, false])).to.not.equal(a);
    expect(a.getNumConstraints()).to.equal(2);
    expect(a.getNumEqualities()).to.equal(1);
    expect(a.getNumInequalities()).to.equal(1);
    expect(a.isEq(1)).to.equal(true);
    expect(p(a.getConstraint(0))).to.equal('d0 - 1');
    expect(a.isEmptyIntegerSet()).to.equal(false);
    expect(getEmptyIntegerSet(2, 0).isEmptyIntegerSet()).to.equal(true);
    expect(getEmptyIntegerSet(2, 0)).to.equal(getIntegerSet(2, 0, [c(1)], [true]));
    expect(() => getIntegerSet(1, 0, [], [])).to.throw(RangeError);
    expect(() => getIntegerSet(1, 0, [d0], [])).to.throw(RangeError);
    expect(() => getIntegerSet(1, 0, [d1], [true])).to.throw(RangeError);
    const r = a.replaceDimsAndSymbols([c(3), s0], [], 0, 1);
    expect(printIntegerSet(r)).to.equal('()[s0] : (2 >= 0, -s0 + 3 == 0)');
  });
});
