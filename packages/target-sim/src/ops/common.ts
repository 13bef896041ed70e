// Helpers shared by the dialect compilers: loads and stores, affine expressions, memref types, attributes.
import {
  AffineExprKind, AttrKind, kDynamic, TypeKind, type AffineExpr, type AffineMap, type Attribute, type DenseArrayAttr,
  type MemRefType, type Operation, type Value,
} from "@allo/ir-core";
import { Op } from "../bytecode.js";
import type { UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import { Rep, scalarInfo, type ScalarInfo } from "../values.js";

/// The memref type of `v` (an error at `op` otherwise).
export function memrefType(v: Value, op: Operation): MemRefType {
  if (v.type.kind !== TypeKind.MemRef) fail(SimMessages.UnsupportedType, op, String(v.type));
  return v.type as MemRefType;
}

/// The element representation of a memref type.
export function elemInfo(t: MemRefType, op: Operation): ScalarInfo {
  const i = scalarInfo(t.elementType);
  if (i === null || i.rep === Rep.Object) fail(SimMessages.UnsupportedType, op, String(t));
  return i;
}

/// True if a static size/offset/stride entry means "dynamic".
export function isDynamic(x: number): boolean { return x === kDynamic || x <= -9007199254740991; }

/// Emits a load of `m[idx]` into `d`.
export function emitLoad(c: UnitBuilder, d: number, m: number, idx: readonly number[], elem: ScalarInfo): void {
  if (elem.rep === Rep.Wide) { c.emit(Op.LdB, d, m, idx.length, ...idx); return; }
  switch (idx.length) {
    case 1: c.emit(Op.Ld1, d, m, idx[0]); break;
    case 2: c.emit(Op.Ld2, d, m, idx[0], idx[1]); break;
    case 3: c.emit(Op.Ld3, d, m, idx[0], idx[1], idx[2]); break;
    default: c.emit(Op.LdN, d, m, idx.length, ...idx);
  }
}

/// Emits a store of `v` into `m[idx]`.
export function emitStore(c: UnitBuilder, v: number, m: number, idx: readonly number[], elem: ScalarInfo): void {
  if (elem.rep === Rep.Wide) { c.emit(Op.StB, v, m, idx.length, ...idx); return; }
  switch (idx.length) {
    case 1: c.emit(Op.St1, v, m, idx[0]); break;
    case 2: c.emit(Op.St2, v, m, idx[0], idx[1]); break;
    case 3: c.emit(Op.St3, v, m, idx[0], idx[1], idx[2]); break;
    default: c.emit(Op.StN, v, m, idx.length, ...idx);
  }
}

const I32 = 0x7fffffff;

/// `c + sum(coef[i] * operand i)` if `e` is linear in its dims and symbols, else null.
function linearForm(e: AffineExpr, numDims: number, nOps: number): { c: number; coef: number[] } | null {
  switch (e.kind) {
    case AffineExprKind.Constant: return { c: e.value, coef: new Array<number>(nOps).fill(0) };
    case AffineExprKind.DimId: { const coef = new Array<number>(nOps).fill(0); coef[e.value] = 1; return { c: 0, coef }; }
    case AffineExprKind.SymbolId: { const coef = new Array<number>(nOps).fill(0); coef[numDims + e.value] = 1; return { c: 0, coef }; }
    case AffineExprKind.Add: {
      const a = linearForm(e.lhs!, numDims, nOps), b = linearForm(e.rhs!, numDims, nOps);
      if (a === null || b === null) return null;
      return { c: a.c + b.c, coef: a.coef.map((x, i) => x + b.coef[i]) };
    }
    case AffineExprKind.Mul: {
      const a = linearForm(e.lhs!, numDims, nOps), b = linearForm(e.rhs!, numDims, nOps);
      if (a === null || b === null) return null;
      const aConst = a.coef.every((x) => x === 0), bConst = b.coef.every((x) => x === 0);
      if (bConst) return { c: a.c * b.c, coef: a.coef.map((x) => x * b.c) };
      if (aConst) return { c: a.c * b.c, coef: b.coef.map((x) => x * a.c) };
      return null;
    }
    default: return null;
  }
}

/// Emits affine expression `e` over operand slots (dims first, then symbols); returns the result slot.
export function emitAffineExpr(c: UnitBuilder, e: AffineExpr, numDims: number, ops: readonly number[]): number {
  const lin = linearForm(e, numDims, ops.length);
  if (lin !== null) {
    const terms: number[] = [];
    lin.coef.forEach((k, i) => { if (k !== 0) terms.push(k, ops[i]); });
    const n = terms.length / 2;
    if (n === 0) return c.constNum(lin.c);
    if (n === 1 && lin.c === 0 && terms[0] === 1) return terms[1];
    const fits = Math.abs(lin.c) <= I32 && terms.every((x, i) => i % 2 === 1 || Math.abs(x) <= I32);
    if (fits && n <= 3) {
      const d = c.temp();
      c.emit(n === 1 ? Op.Lin1 : n === 2 ? Op.Lin2 : Op.Lin3, d, lin.c, ...terms);
      return d;
    }
  }
  switch (e.kind) {
    case AffineExprKind.Constant: return c.constNum(e.value);
    case AffineExprKind.DimId: return ops[e.value];
    case AffineExprKind.SymbolId: return ops[numDims + e.value];
    default: break;
  }
  const a = emitAffineExpr(c, e.lhs!, numDims, ops), b = emitAffineExpr(c, e.rhs!, numDims, ops);
  const d = c.temp();
  switch (e.kind) {
    case AffineExprKind.Add: c.emit(Op.AddW, d, a, b); break;
    case AffineExprKind.Mul: c.emit(Op.MulW, d, a, b); break;
    case AffineExprKind.Mod: c.emit(Op.IMod, d, a, b); break;
    case AffineExprKind.FloorDiv: c.emit(Op.IFloorDiv, d, a, b); break;
    default: c.emit(Op.ICeilDiv, d, a, b); break;
  }
  return d;
}

/// Emits every result of `map` applied to operand slots; returns the result slots.
export function emitAffineMap(c: UnitBuilder, map: AffineMap, ops: readonly number[]): number[] {
  return map.results.map((e) => emitAffineExpr(c, e, map.numDims, ops));
}

/// The affine map of attribute `name` of `op`.
export function mapAttr(op: Operation, name: string): AffineMap {
  const a = op.getAttr(name);
  if (a === null || a.kind !== AttrKind.AffineMap) return fail(SimMessages.UnsupportedOp, op, `${op.name} without '${name}' map`);
  return (a as unknown as { map: AffineMap }).map;
}

/// The `operandSegmentSizes` of an op, or null.
export function segments(op: Operation): number[] | null {
  const a = op.getAttr("operandSegmentSizes");
  if (a === null || a.kind !== AttrKind.DenseArray) return null;
  return (a as DenseArrayAttr).values.slice();
}

/// A dense integer array property (`static_offsets`, ...), or null.
export function denseInts(a: Attribute | null): number[] | null {
  if (a === null) return null;
  if (a.kind === AttrKind.DenseArray) return (a as DenseArrayAttr).values.slice();
  if (a.kind === AttrKind.Array) {
    const out: number[] = [];
    for (const x of (a as unknown as { elements: readonly Attribute[] }).elements) {
      if (x.kind !== AttrKind.Integer) return null;
      out.push(Number((x as unknown as { value: number | bigint }).value));
    }
    return out;
  }
  return null;
}

