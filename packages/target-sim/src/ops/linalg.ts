// linalg named ops on memrefs: fill, matmul, batch_matmul, copy, transpose, elementwise add/sub/mul/div/max/min.
import { TypeKind, type Operation } from "@allo/ir-core";
import { registerExt, Trap, type Frame } from "../bytecode.js";
import { registerHandlers, type UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import { readElement, writeElement, type MemRef, type NumStorage } from "../memory.js";
import { narrowS, narrowU, normWide, readScalar, Rep, roundFloat, wrapBig, type ScalarInfo } from "../values.js";
import { castScalar } from "./arith.js";
import { denseInts, segments } from "./common.js";
import { sameShape } from "./memref.js";

const enum LK { Fill, Matmul, BatchMatmul, Copy, Transpose, Add, Sub, Mul, Div, DivU, Max, Min }

interface LinalgData { kind: LK; infos: ScalarInfo[]; perm: number[] | null }

type V = number | bigint;

/// One binary step in `t`'s arithmetic (wrap-around for integers, rounding for floats).
function arith(kind: LK, t: ScalarInfo, x: V, y: V): V {
  if (t.rep === Rep.Float) {
    const a = x as number, b = y as number;
    let r: number;
    switch (kind) {
      case LK.Add: r = a + b; break;
      case LK.Sub: r = a - b; break;
      case LK.Mul: r = a * b; break;
      case LK.Div: case LK.DivU: r = a / b; break;
      case LK.Max: r = a !== a || b !== b ? NaN : Math.max(a, b); break;
      default: r = a !== a || b !== b ? NaN : Math.min(a, b); break;
    }
    return roundFloat(t, r);
  }
  if (t.rep === Rep.Narrow) {
    const a = x as number, b = y as number;
    let r: number;
    switch (kind) {
      case LK.Add: r = a + b; break;
      case LK.Sub: r = a - b; break;
      case LK.Mul: r = Math.imul(a, b); break;
      case LK.Div: { const bs = narrowS(t, b); if (bs === 0) throw new Trap(SimMessages.DivisionByZero, []); r = Math.trunc(narrowS(t, a) / bs); break; }
      case LK.DivU: { const bu = narrowU(t, b); if (bu === 0) throw new Trap(SimMessages.DivisionByZero, []); r = Math.trunc(narrowU(t, a) / bu); break; }
      case LK.Max: r = Math.max(narrowS(t, a), narrowS(t, b)); break;
      default: r = Math.min(narrowS(t, a), narrowS(t, b)); break;
    }
    return t.unsignedRep ? (r << t.shift) >>> t.shift : (r << t.shift) >> t.shift;
  }
  const A = typeof x === "bigint" ? x : BigInt(x), B = typeof y === "bigint" ? y : BigInt(y);
  const w = t.width;
  let r: bigint;
  switch (kind) {
    case LK.Add: r = A + B; break;
    case LK.Sub: r = A - B; break;
    case LK.Mul: r = A * B; break;
    case LK.Div: { const bs = BigInt.asIntN(w, B); if (bs === 0n) throw new Trap(SimMessages.DivisionByZero, []); r = BigInt.asIntN(w, A) / bs; break; }
    case LK.DivU: { const bu = BigInt.asUintN(w, B); if (bu === 0n) throw new Trap(SimMessages.DivisionByZero, []); r = BigInt.asUintN(w, A) / bu; break; }
    case LK.Max: { const a = BigInt.asIntN(w, A), b = BigInt.asIntN(w, B); r = a > b ? a : b; break; }
    default: { const a = BigInt.asIntN(w, A), b = BigInt.asIntN(w, B); r = a < b ? a : b; break; }
  }
  return normWide(wrapBig(t, r));
}

/// Storage indices of every element of `m` in row-major order.
function indices(m: MemRef): Float64Array {
  const out = new Float64Array(m.size);
  m.forEachIndex((i, flat) => { out[flat] = i; });
  return out;
}

function matmul(A: MemRef, B: MemRef, C: MemRef, ta: ScalarInfo, tb: ScalarInfo, tc: ScalarInfo): void {
  const M = A.shape[0], K = A.shape[1], N = B.shape[1];
  if (B.shape[0] !== K || C.shape[0] !== M || C.shape[1] !== N) {
    throw new Trap(SimMessages.ShapeMismatch, [`matmul of [${A.shape.join(", ")}] and [${B.shape.join(", ")}] into [${C.shape.join(", ")}]`]);
  }
  const fast = ta === tc && tb === tc && tc.rep === Rep.Float && tc.fkind <= 1;
  if (fast) {
    const a = A.data as NumStorage, b = B.data as NumStorage, c = C.data as NumStorage;
    const f32 = tc.fkind === 1;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        const ci = C.offset + i * C.t0 + j * C.t1;
        let acc = c[ci];
        let ai = A.offset + i * A.t0, bi = B.offset + j * B.t1;
        if (f32) for (let k = 0; k < K; k++, ai += A.t1, bi += B.t0) acc = Math.fround(acc + Math.fround(a[ai] * b[bi]));
        else for (let k = 0; k < K; k++, ai += A.t1, bi += B.t0) acc += a[ai] * b[bi];
        c[ci] = acc;
      }
    }
    return;
  }
  if (ta === tc && tb === tc && tc.rep === Rep.Narrow && tc.width === 32 && !tc.unsignedRep) {
    const a = A.data as NumStorage, b = B.data as NumStorage, c = C.data as NumStorage;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        const ci = C.offset + i * C.t0 + j * C.t1;
        let acc = c[ci];
        let ai = A.offset + i * A.t0, bi = B.offset + j * B.t1;
        for (let k = 0; k < K; k++, ai += A.t1, bi += B.t0) acc = (acc + Math.imul(a[ai], b[bi])) | 0;
        c[ci] = acc;
      }
    }
    return;
  }
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      const ci = C.offset + i * C.t0 + j * C.t1;
      let acc = readElement(C, ci);
      for (let k = 0; k < K; k++) {
        const x = castScalar(ta, tc, readElement(A, A.offset + i * A.t0 + k * A.t1));
        const y = castScalar(tb, tc, readElement(B, B.offset + k * B.t0 + j * B.t1));
        acc = arith(LK.Add, tc, acc, arith(LK.Mul, tc, x, y));
      }
      writeElement(C, ci, acc);
    }
  }
}

const extLinalg = registerExt("linalg", (f: Frame, pc: number) => {
  const code = f.code, num = f.num, obj = f.obj;
  const data = f.unit.consts[code[pc + 3]] as LinalgData;
  const n = code[pc + 4];
  const slots: number[] = [];
  for (let i = 0; i < n; i++) slots.push(code[pc + 5 + i]);
  const t = data.infos;
  const mem = (i: number) => obj[slots[i]] as MemRef;
  switch (data.kind) {
    case LK.Fill: {
      const out = mem(1);
      const v = castScalar(t[0], t[1], readScalar(t[0], num[slots[0]], obj[slots[0]]));
      if (out.contiguous && !out.big) { (out.data as NumStorage).subarray(out.offset, out.offset + out.size).fill(Number(v)); return; }
      out.forEachIndex((i) => writeElement(out, i, v));
      return;
    }
    case LK.Matmul: matmul(mem(0), mem(1), mem(2), t[0], t[1], t[2]); return;
    case LK.BatchMatmul: {
      const A = mem(0), B = mem(1), C = mem(2);
      if (B.shape[0] !== A.shape[0] || C.shape[0] !== A.shape[0]) throw new Trap(SimMessages.ShapeMismatch, ["batch_matmul batch sizes differ"]);
      for (let b = 0; b < A.shape[0]; b++) {
        const sl = (m: MemRef) => new (m.constructor as typeof MemRef)(m.data, m.elem, m.offset + b * m.strides[0], m.shape.slice(1), m.strides.slice(1));
        matmul(sl(A), sl(B), sl(C), t[0], t[1], t[2]);
      }
      return;
    }
    case LK.Copy: {
      const src = mem(0), dst = mem(1);
      sameShape(src, dst, "linalg.copy");
      const si = indices(src), di = indices(dst);
      const vals = Array.from(si, (i) => castScalar(t[0], t[1], readElement(src, i)));
      for (let k = 0; k < di.length; k++) writeElement(dst, di[k], vals[k]);
      return;
    }
    case LK.Transpose: {
      const src = mem(0), dst = mem(1), perm = data.perm!;
      if (perm.length !== src.rank || dst.shape.some((d, i) => d !== src.shape[perm[i]])) throw new Trap(SimMessages.ShapeMismatch, ["transpose shapes do not match the permutation"]);
      const view = new (src.constructor as typeof MemRef)(src.data, src.elem, src.offset, perm.map((p) => src.shape[p]), perm.map((p) => src.strides[p]));
      const si = indices(view), di = indices(dst);
      const vals = Array.from(si, (i) => readElement(src, i));
      for (let k = 0; k < di.length; k++) writeElement(dst, di[k], vals[k]);
      return;
    }
    default: {
      const a = mem(0), b = mem(1), c = mem(2);
      sameShape(a, c, data.kind === LK.Add ? "linalg.add" : "linalg elementwise op");
      sameShape(b, c, "linalg elementwise op");
      const ai = indices(a), bi = indices(b), ci = indices(c);
      const tc = t[2];
      if (t[0] === tc && t[1] === tc && tc.rep === Rep.Float && tc.fkind === 1 && data.kind === LK.Add) {
        const ad = a.data as NumStorage, bd = b.data as NumStorage, cd = c.data as NumStorage;
        for (let k = 0; k < ci.length; k++) cd[ci[k]] = Math.fround(ad[ai[k]] + bd[bi[k]]);
        return;
      }
      const out: V[] = new Array(ci.length);
      for (let k = 0; k < ci.length; k++) {
        out[k] = arith(data.kind, tc, castScalar(t[0], tc, readElement(a, ai[k])), castScalar(t[1], tc, readElement(b, bi[k])));
      }
      for (let k = 0; k < ci.length; k++) writeElement(c, ci[k], out[k]);
    }
  }
});

function named(kind: LK, nIns: number): (c: UnitBuilder, op: Operation) => void {
  return (c, op) => {
    if (op.results.length) fail(SimMessages.UnsupportedOp, op, `${op.name} on tensors`);
    const seg = segments(op);
    const ins = seg?.[0] ?? nIns;
    const total = ins + (seg?.[1] ?? op.operands.length - ins);
    if (total !== nIns + 1 || op.operands.length < total) fail(SimMessages.UnsupportedOp, op, `${op.name} with ${ins} inputs and ${total - ins} outputs`);
    const infos: ScalarInfo[] = [];
    for (let i = 0; i < total; i++) {
      const v = op.operand(i);
      const isMem = v.type.kind === TypeKind.MemRef;
      if (!isMem && !(kind === LK.Fill && i === 0)) fail(SimMessages.UnsupportedType, op, String(v.type));
      const info = c.info(v, op);
      infos.push(isMem ? c.elemOf(v, op) : info);
    }
    const perm = kind === LK.Transpose ? denseInts(op.getAttr("permutation")) : null;
    if (kind === LK.Transpose && perm === null) fail(SimMessages.UnsupportedOp, op, "linalg.transpose without permutation");
    const data: LinalgData = { kind, infos, perm };
    const slots = c.operandSlots(op, 0, total);
    c.emitExt(extLinalg, c.data(data), slots.length, ...slots);
  };
}

registerHandlers({
  "linalg.fill": named(LK.Fill, 1),
  "linalg.matmul": named(LK.Matmul, 2),
  "linalg.batch_matmul": named(LK.BatchMatmul, 2),
  "linalg.copy": named(LK.Copy, 1),
  "linalg.transpose": named(LK.Transpose, 1),
  "linalg.add": named(LK.Add, 2),
  "linalg.sub": named(LK.Sub, 2),
  "linalg.mul": named(LK.Mul, 2),
  "linalg.div": named(LK.Div, 2),
  "linalg.div_unsigned": named(LK.DivU, 2),
  "linalg.max": named(LK.Max, 2),
  "linalg.min": named(LK.Min, 2),
});
