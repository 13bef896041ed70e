// arith: integer ops with exact wrap-around at every width, float ops rounded like numpy, casts.
import { AttrKind, attrToText, type Attribute, type FloatAttr, type IntegerAttr, type Operation } from "@allo/ir-core";
import { Op, registerExt, Trap, type Frame } from "../bytecode.js";
import { float16BitsToNumber, numberToFloat16Bits } from "../npy.js";
import { registerHandlers, UnitBuilder, type Handler } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import {
  canonical, narrowS, narrowU, normWide, Rep, roundFloat, wideBig, wrapBig, type ScalarInfo,
} from "../values.js";

/// Sub-operations of the generic integer instruction.
const enum IB { Add, Sub, Mul, DivS, DivU, RemS, RemU, CeilDivS, CeilDivU, FloorDivS, And, Or, Xor, Shl, ShrS, ShrU, MaxS, MaxU, MinS, MinU, Cmp }
/// Sub-operations of the generic float instruction.
const enum FB { Add, Sub, Mul, Div, Rem, Neg, Maximum, Minimum, MaxNum, MinNum, Cmp }
/// Casts.
const enum CV { ExtS, ExtU, Trunc, IndexCast, IndexCastU, SIToFP, UIToFP, FPToSI, FPToUI, ExtF, TruncF, Bitcast }

const cmpiNames = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
const cmpfNames = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"];

/// The predicate of a cmpi/cmpf op as an index into `names` (integer attribute or enum spelling).
export function predicateOf(op: Operation, names: readonly string[]): number {
  const a = op.getAttr("predicate");
  if (a !== null && a.kind === AttrKind.Integer) return Number((a as IntegerAttr).value);
  if (a !== null) {
    const text = attrToText(a);
    const m = /([a-z]+)\s*>?\s*$/.exec(text.replace(/"/g, ""));
    const i = m === null ? -1 : names.indexOf(m[1]);
    if (i >= 0) return i;
  }
  return fail(SimMessages.UnsupportedOp, op, `${op.name} with predicate ${a === null ? "(none)" : attrToText(a)}`);
}

// ---- run time ----

function store(info: ScalarInfo, num: Float64Array, obj: unknown[], d: number, v: number | bigint): void {
  if (typeof v === "number") num[d] = v;
  else { num[d] = NaN; obj[d] = v; }
  void info;
}

function cmpResult(pred: number, c: number): number {
  // c: -1, 0, 1 comparison of the readings the predicate needs
  switch (pred) {
    case 0: return c === 0 ? 1 : 0;
    case 1: return c !== 0 ? 1 : 0;
    case 2: case 6: return c < 0 ? 1 : 0;
    case 3: case 7: return c <= 0 ? 1 : 0;
    case 4: case 8: return c > 0 ? 1 : 0;
    default: return c >= 0 ? 1 : 0;
  }
}

function divZero(): never { throw new Trap(SimMessages.DivisionByZero, []); }

function intNarrow(sub: number, info: ScalarInfo, x: number, y: number, pred: number): number {
  const xs = narrowS(info, x), ys = narrowS(info, y), xu = narrowU(info, x), yu = narrowU(info, y);
  let r: number;
  switch (sub) {
    case IB.Add: r = x + y; break;
    case IB.Sub: r = x - y; break;
    case IB.Mul: r = Math.imul(x, y); break;
    case IB.DivS: if (ys === 0) divZero(); r = Math.trunc(xs / ys); break;
    case IB.DivU: if (yu === 0) divZero(); r = Math.trunc(xu / yu); break;
    case IB.RemS: if (ys === 0) divZero(); r = xs % ys; break;
    case IB.RemU: if (yu === 0) divZero(); r = xu % yu; break;
    case IB.CeilDivS: if (ys === 0) divZero(); r = Math.ceil(xs / ys); break;
    case IB.CeilDivU: if (yu === 0) divZero(); r = Math.ceil(xu / yu); break;
    case IB.FloorDivS: if (ys === 0) divZero(); r = Math.floor(xs / ys); break;
    case IB.And: r = x & y; break;
    case IB.Or: r = x | y; break;
    case IB.Xor: r = x ^ y; break;
    case IB.Shl: r = yu >= info.width ? 0 : x << yu; break;
    case IB.ShrS: r = xs >> (yu >= info.width ? 31 : yu); break;
    case IB.ShrU: r = yu >= info.width ? 0 : xu >>> yu; break;
    case IB.MaxS: r = xs > ys ? xs : ys; break;
    case IB.MaxU: r = xu > yu ? xu : yu; break;
    case IB.MinS: r = xs < ys ? xs : ys; break;
    case IB.MinU: r = xu < yu ? xu : yu; break;
    default: {
      const [a, b] = pred >= 6 ? [xu, yu] : pred >= 2 ? [xs, ys] : [xu, yu];
      return cmpResult(pred, a < b ? -1 : a > b ? 1 : 0);
    }
  }
  return info.unsignedRep ? (r << info.shift) >>> info.shift : (r << info.shift) >> info.shift;
}

function bigDivTrunc(a: bigint, b: bigint): bigint { return a / b; }
function bigDivFloor(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function bigDivCeil(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) === (b < 0n)) ? q + 1n : q;
}

function intWide(sub: number, info: ScalarInfo, X: bigint, Y: bigint, pred: number): bigint | number {
  const w = info.width;
  const xs = BigInt.asIntN(w, X), ys = BigInt.asIntN(w, Y), xu = BigInt.asUintN(w, X), yu = BigInt.asUintN(w, Y);
  let r: bigint;
  switch (sub) {
    case IB.Add: r = X + Y; break;
    case IB.Sub: r = X - Y; break;
    case IB.Mul: r = X * Y; break;
    case IB.DivS: if (ys === 0n) divZero(); r = bigDivTrunc(xs, ys); break;
    case IB.DivU: if (yu === 0n) divZero(); r = xu / yu; break;
    case IB.RemS: if (ys === 0n) divZero(); r = xs % ys; break;
    case IB.RemU: if (yu === 0n) divZero(); r = xu % yu; break;
    case IB.CeilDivS: if (ys === 0n) divZero(); r = bigDivCeil(xs, ys); break;
    case IB.CeilDivU: if (yu === 0n) divZero(); r = bigDivCeil(xu, yu); break;
    case IB.FloorDivS: if (ys === 0n) divZero(); r = bigDivFloor(xs, ys); break;
    case IB.And: r = xu & yu; break;
    case IB.Or: r = xu | yu; break;
    case IB.Xor: r = xu ^ yu; break;
    case IB.Shl: r = yu >= BigInt(w) ? 0n : xu << yu; break;
    case IB.ShrS: r = xs >> (yu >= BigInt(w) ? BigInt(w - 1) : yu); break;
    case IB.ShrU: r = yu >= BigInt(w) ? 0n : xu >> yu; break;
    case IB.MaxS: r = xs > ys ? xs : ys; break;
    case IB.MaxU: r = xu > yu ? xu : yu; break;
    case IB.MinS: r = xs < ys ? xs : ys; break;
    case IB.MinU: r = xu < yu ? xu : yu; break;
    default: {
      const [a, b] = pred >= 6 ? [xu, yu] : pred >= 2 ? [xs, ys] : [xu, yu];
      return cmpResult(pred, a < b ? -1 : a > b ? 1 : 0);
    }
  }
  return normWide(wrapBig(info, r));
}

const extIntBin = registerExt("arith.int", (f: Frame, pc: number) => {
  const code = f.code, num = f.num, obj = f.obj;
  const sub = code[pc + 3], d = code[pc + 4], a = code[pc + 5], b = code[pc + 6];
  const info = f.unit.consts[code[pc + 7]] as ScalarInfo;
  const pred = code[pc + 8];
  if (info.rep === Rep.Narrow) num[d] = intNarrow(sub, info, num[a], num[b], pred);
  else store(info, num, obj, d, intWide(sub, info, wideBig(num[a], obj[a]), wideBig(num[b], obj[b]), pred));
});

function fcmp(pred: number, x: number, y: number): number {
  const uno = x !== x || y !== y;
  switch (pred) {
    case 0: return 0;
    case 1: return !uno && x === y ? 1 : 0;
    case 2: return !uno && x > y ? 1 : 0;
    case 3: return !uno && x >= y ? 1 : 0;
    case 4: return !uno && x < y ? 1 : 0;
    case 5: return !uno && x <= y ? 1 : 0;
    case 6: return !uno && x !== y ? 1 : 0;
    case 7: return uno ? 0 : 1;
    case 8: return uno || x === y ? 1 : 0;
    case 9: return uno || x > y ? 1 : 0;
    case 10: return uno || x >= y ? 1 : 0;
    case 11: return uno || x < y ? 1 : 0;
    case 12: return uno || x <= y ? 1 : 0;
    case 13: return uno || x !== y ? 1 : 0;
    case 14: return uno ? 1 : 0;
    default: return 1;
  }
}

const extFloatBin = registerExt("arith.float", (f: Frame, pc: number) => {
  const code = f.code, num = f.num;
  const sub = code[pc + 3], d = code[pc + 4];
  const x = num[code[pc + 5]], y = num[code[pc + 6]];
  const info = f.unit.consts[code[pc + 7]] as ScalarInfo;
  let r: number;
  switch (sub) {
    case FB.Add: r = x + y; break;
    case FB.Sub: r = x - y; break;
    case FB.Mul: r = x * y; break;
    case FB.Div: r = x / y; break;
    case FB.Rem: r = x % y; break;
    case FB.Neg: r = -x; break;
    case FB.Maximum: r = x !== x || y !== y ? NaN : x === y ? (Object.is(x, -0) ? y : x) : Math.max(x, y); break;
    case FB.Minimum: r = x !== x || y !== y ? NaN : x === y ? (Object.is(x, -0) ? x : y) : Math.min(x, y); break;
    case FB.MaxNum: r = x !== x ? y : y !== y ? x : Math.max(x, y); break;
    case FB.MinNum: r = x !== x ? y : y !== y ? x : Math.min(x, y); break;
    default: num[d] = fcmp(code[pc + 8], x, y); return;
  }
  num[d] = roundFloat(info, r);
});

const bitsView = new DataView(new ArrayBuffer(8));

function bitcast(src: ScalarInfo, dst: ScalarInfo, n: number, o: unknown): number | bigint {
  // read the bits of src
  let bits: bigint;
  if (src.rep === Rep.Float) {
    if (src.width === 64) { bitsView.setFloat64(0, n); bits = bitsView.getBigUint64(0); }
    else if (src.width === 32) { bitsView.setFloat32(0, n); bits = BigInt(bitsView.getUint32(0)); }
    else if (src.float!.name === "bf16") { bitsView.setFloat32(0, n); bits = BigInt(bitsView.getUint32(0) >>> 16); }
    else bits = BigInt(numberToFloat16Bits(n));
  } else bits = BigInt.asUintN(src.width, src.rep === Rep.Narrow ? BigInt(n) : wideBig(n, o));
  if (dst.rep !== Rep.Float) return canonical(dst, bits);
  if (dst.width === 64) { bitsView.setBigUint64(0, bits); return bitsView.getFloat64(0); }
  if (dst.width === 32) { bitsView.setUint32(0, Number(bits)); return bitsView.getFloat32(0); }
  if (dst.float!.name === "bf16") { bitsView.setUint32(0, Number(bits) << 16); return bitsView.getFloat32(0); }
  return float16BitsToNumber(Number(bits));
}

function fpToInt(dst: ScalarInfo, v: number, unsigned: boolean): number | bigint {
  if (!Number.isFinite(v)) return 0;
  const t = Math.trunc(v);
  if (unsigned && t < 0) return canonical(dst, BigInt(t));
  return canonical(dst, Number.isSafeInteger(t) ? t : BigInt(t));
}

const extCast = registerExt("arith.cast", (f: Frame, pc: number) => {
  const code = f.code, num = f.num, obj = f.obj;
  const sub = code[pc + 3], d = code[pc + 4], a = code[pc + 5];
  const src = f.unit.consts[code[pc + 6]] as ScalarInfo, dst = f.unit.consts[code[pc + 7]] as ScalarInfo;
  const n = num[a], o = obj[a];
  const signed = (): number | bigint => (src.rep === Rep.Narrow ? narrowS(src, n) : BigInt.asIntN(src.width, wideBig(n, o)));
  const unsigned = (): number | bigint => (src.rep === Rep.Narrow ? narrowU(src, n) : BigInt.asUintN(src.width, wideBig(n, o)));
  let r: number | bigint;
  switch (sub) {
    case CV.ExtS: case CV.IndexCast: r = canonical(dst, signed()); break;
    case CV.ExtU: case CV.IndexCastU: r = canonical(dst, unsigned()); break;
    case CV.Trunc: r = canonical(dst, src.rep === Rep.Narrow ? n : wideBig(n, o)); break;
    case CV.SIToFP: r = roundFloat(dst, Number(signed())); break;
    case CV.UIToFP: r = roundFloat(dst, Number(unsigned())); break;
    case CV.FPToSI: r = fpToInt(dst, n, false); break;
    case CV.FPToUI: r = fpToInt(dst, n, true); break;
    case CV.ExtF: r = n; break;
    case CV.TruncF: r = roundFloat(dst, n); break;
    default: r = bitcast(src, dst, n, o); break;
  }
  store(dst, num, obj, d, r);
});

// ---- compile time ----

function constant(c: UnitBuilder, op: Operation): void {
  const v = op.getAttr("value");
  const res = op.result(0);
  const info = c.info(res, op);
  if (v !== null && v.kind === AttrKind.Integer && info.isInt) { c.bindConst(res, canonical(info, (v as IntegerAttr).value)); return; }
  if (v !== null && v.kind === AttrKind.Float && info.rep === Rep.Float) { c.bindConst(res, roundFloat(info, (v as FloatAttr).value)); return; }
  if (v !== null && v.kind === AttrKind.Integer && info.rep === Rep.Float) { c.bindConst(res, roundFloat(info, Number((v as IntegerAttr).value))); return; }
  fail(SimMessages.UnsupportedOp, op, `arith.constant ${v === null ? "" : attrToText(v as Attribute)}`);
}

function intBin(sub: IB, fast: { i32?: Op; s?: Op; u?: Op; w?: Op; n?: Op }): Handler {
  return (c, op) => {
    const info = c.info(op.result(0), op);
    if (!info.isInt) fail(SimMessages.UnsupportedType, op, String(op.result(0).type));
    const a = c.slot(op.operand(0)), b = c.slot(op.operand(1));
    const d = c.def(op.result(0));
    if (info.rep === Rep.Narrow) {
      if (fast.n !== undefined) { c.emit(fast.n, d, a, b); return; }
      if (fast.i32 !== undefined && info.width === 32 && !info.unsignedRep) { c.emit(fast.i32, d, a, b); return; }
      if (fast.s !== undefined && !info.unsignedRep) { c.emit(fast.s, d, a, b, info.shift); return; }
      if (fast.u !== undefined && info.unsignedRep) { c.emit(fast.u, d, a, b, info.shift); return; }
    } else if (fast.w !== undefined && UnitBuilder.isI64Like(info)) { c.emit(fast.w, d, a, b); return; }
    c.emitExt(extIntBin, sub, d, a, b, c.data(info), 0);
  };
}

function cmpi(c: UnitBuilder, op: Operation): void {
  const pred = predicateOf(op, cmpiNames);
  const info = c.info(op.operand(0), op);
  const a = c.slot(op.operand(0)), b = c.slot(op.operand(1));
  const d = c.def(op.result(0));
  if (info.rep === Rep.Narrow) {
    const unsignedPred = pred >= 6, signedPred = pred >= 2 && pred < 6;
    if (pred < 2 || (unsignedPred && info.unsignedRep) || (signedPred && !info.unsignedRep)) {
      const ops = [Op.CmpEq, Op.CmpNe, Op.CmpLt, Op.CmpLe, Op.CmpGt, Op.CmpGe];
      c.emit(ops[pred < 2 ? pred : 2 + ((pred - 2) % 4)], d, a, b);
      return;
    }
  } else if (info.width === 64) {
    // i64, index, ui64: a numeric compare unless a bigint is involved (or an unsigned predicate meets a
    // negative signed-form number)
    c.emit(Op.CmpW, d, a, b, pred, pred >= 6 && !info.unsignedRep ? 1 : 0, c.data(info));
    return;
  }
  c.emitExt(extIntBin, IB.Cmp, d, a, b, c.data(info), pred);
}

function floatBin(sub: FB, f32?: Op, f64?: Op): Handler {
  return (c, op) => {
    const info = c.info(op.result(0), op);
    if (info.rep !== Rep.Float) fail(SimMessages.UnsupportedType, op, String(op.result(0).type));
    const a = c.slot(op.operand(0)), b = op.operands.length > 1 ? c.slot(op.operand(1)) : a;
    const d = c.def(op.result(0));
    if (info.fkind === 1 && f32 !== undefined) c.emit(f32, d, a, b);
    else if (info.fkind === 0 && f64 !== undefined) c.emit(f64, d, a, b);
    else c.emitExt(extFloatBin, sub, d, a, b, c.data(info), 0);
  };
}

function cmpf(c: UnitBuilder, op: Operation): void {
  const pred = predicateOf(op, cmpfNames);
  const info = c.info(op.operand(0), op);
  const a = c.slot(op.operand(0)), b = c.slot(op.operand(1));
  const d = c.def(op.result(0));
  const fast: Partial<Record<number, Op>> = { 1: Op.CmpEq, 2: Op.CmpGt, 3: Op.CmpGe, 4: Op.CmpLt, 5: Op.CmpLe, 13: Op.CmpNe };
  const o = fast[pred];
  if (o !== undefined) c.emit(o, d, a, b);
  else c.emitExt(extFloatBin, FB.Cmp, d, a, b, c.data(info), pred);
}

function cast(sub: CV): Handler {
  return (c, op) => {
    const src = c.info(op.operand(0), op), dst = c.info(op.result(0), op);
    const a = c.slot(op.operand(0));
    const d = c.def(op.result(0));
    c.emitExt(extCast, sub, d, a, c.data(src), c.data(dst));
  };
}

function select(c: UnitBuilder, op: Operation): void {
  const cond = c.slot(op.operand(0)), a = c.slot(op.operand(1)), b = c.slot(op.operand(2));
  c.emit(Op.Select, c.def(op.result(0)), cond, a, b);
}

registerHandlers({
  "arith.constant": constant,
  "arith.addi": intBin(IB.Add, { i32: Op.AddI32, s: Op.AddS, u: Op.AddU, w: Op.AddW }),
  "arith.subi": intBin(IB.Sub, { i32: Op.SubI32, s: Op.SubS, u: Op.SubU, w: Op.SubW }),
  "arith.muli": intBin(IB.Mul, { i32: Op.MulI32, s: Op.MulS, u: Op.MulU, w: Op.MulW }),
  "arith.divsi": intBin(IB.DivS, {}),
  "arith.divui": intBin(IB.DivU, {}),
  "arith.remsi": intBin(IB.RemS, {}),
  "arith.remui": intBin(IB.RemU, {}),
  "arith.ceildivsi": intBin(IB.CeilDivS, {}),
  "arith.ceildivui": intBin(IB.CeilDivU, {}),
  "arith.floordivsi": intBin(IB.FloorDivS, {}),
  "arith.andi": intBin(IB.And, { n: Op.AndN }),
  "arith.ori": intBin(IB.Or, { n: Op.OrN }),
  "arith.xori": intBin(IB.Xor, { n: Op.XorN }),
  "arith.shli": intBin(IB.Shl, {}),
  "arith.shrsi": intBin(IB.ShrS, {}),
  "arith.shrui": intBin(IB.ShrU, {}),
  "arith.maxsi": intBin(IB.MaxS, {}),
  "arith.maxui": intBin(IB.MaxU, {}),
  "arith.minsi": intBin(IB.MinS, {}),
  "arith.minui": intBin(IB.MinU, {}),
  "arith.cmpi": cmpi,
  "arith.select": select,
  "arith.addf": floatBin(FB.Add, Op.AddF32, Op.AddF64),
  "arith.subf": floatBin(FB.Sub, Op.SubF32, Op.SubF64),
  "arith.mulf": floatBin(FB.Mul, Op.MulF32, Op.MulF64),
  "arith.divf": floatBin(FB.Div, Op.DivF32, Op.DivF64),
  "arith.remf": floatBin(FB.Rem),
  "arith.negf": floatBin(FB.Neg),
  "arith.maximumf": floatBin(FB.Maximum),
  "arith.minimumf": floatBin(FB.Minimum),
  "arith.maxnumf": floatBin(FB.MaxNum),
  "arith.minnumf": floatBin(FB.MinNum),
  "arith.cmpf": cmpf,
  "arith.extsi": cast(CV.ExtS),
  "arith.extui": cast(CV.ExtU),
  "arith.trunci": cast(CV.Trunc),
  "arith.index_cast": cast(CV.IndexCast),
  "arith.index_castui": cast(CV.IndexCastU),
  "arith.sitofp": cast(CV.SIToFP),
  "arith.uitofp": cast(CV.UIToFP),
  "arith.fptosi": cast(CV.FPToSI),
  "arith.fptoui": cast(CV.FPToUI),
  "arith.extf": cast(CV.ExtF),
  "arith.truncf": cast(CV.TruncF),
  "arith.bitcast": cast(CV.Bitcast),
});

/// Converts `v` between element types as linalg's `cast_signed` does (used by linalg ops).
export function castScalar(src: ScalarInfo, dst: ScalarInfo, v: number | bigint): number | bigint {
  if (src === dst) return v;
  if (dst.rep === Rep.Float) return roundFloat(dst, Number(src.rep === Rep.Float ? v : src.rep === Rep.Narrow ? narrowS(src, Number(v)) : BigInt.asIntN(src.width, BigInt(v))));
  if (src.rep === Rep.Float) return fpToInt(dst, Number(v), false);
  return canonical(dst, src.rep === Rep.Narrow ? narrowS(src, Number(v)) : BigInt.asIntN(src.width, BigInt(v)));
}
