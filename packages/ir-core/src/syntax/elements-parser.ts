// Elements attributes and literal values in MLIR's grammar and wording (AttributeParser.cpp): `dense<...>`
// (MLIR's TensorLiteralParser, hex blobs included), `sparse<...>`, `dense_resource<...>`, `array<...>`,
// `distinct[N]<...>`, and the integer/float literal rules shared with plain number attributes.
import { Diagnostic, DiagnosticError } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import {
  createDistinctAttr, getDenseArrayAttr, getDenseElementsAttr, getDenseResourceElementsAttr, getDenseStringElementsAttr,
  getFloatAttr, getIntegerAttr, getNaNFloatAttr, getSparseElementsAttr, roundToFloatType, unitAttr, DenseResourceHandle,
  type Attribute, type DenseElementsAttr, type DistinctAttr, type DenseStringElementsAttr, type DenseValue, type FloatAttr,
} from "../ir/attrs.js";
import {
  Builtin, getTensorType, Signedness, TypeKind, type ComplexType, type FloatType, type IntegerType, type ShapedType, type Type,
} from "../ir/types.js";
import { floatBits } from "./float-format.js";
import { Tok } from "./lexer.js";
import type { ParserBase } from "./parser-base.js";

/// A literal token kept for later conversion once the element type is known.
interface ElemTok { readonly neg: boolean; readonly kind: Tok; readonly text: string; readonly offset: number; readonly str: string }

function bitLength(v: bigint): number { return v === 0n ? 0 : v.toString(2).length; }

/// The bit width MLIR stores an element of `t` in (getDenseElementBitWidth), or -1 if `t` has no raw form.
function elementBitWidth(t: Type): number {
  switch (t.kind) {
    case TypeKind.Integer: return (t as IntegerType).width;
    case TypeKind.Index: return 64;
    case TypeKind.Float: return (t as FloatType).width;
    case TypeKind.Complex: {
      const w = elementBitWidth((t as ComplexType).elementType);
      return w < 0 ? -1 : alignTo8(w) * 2;
    }
    default: return -1;
  }
}
function alignTo8(n: number): number { return Math.ceil(n / 8) * 8; }

/// MLIR's buildAttributeAPInt: the bits of an integer literal for `type`, or null if it does not fit.
export function buildIntBits(type: Type, neg: boolean, spelling: string): bigint | null {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(spelling)) return null;
  let v = BigInt(spelling);
  const width = type.kind === TypeKind.Index ? 64 : type.kind === TypeKind.Integer ? (type as IntegerType).width : elementBitWidth(type);
  if (bitLength(v) > width) return null;
  if (width === 0) return neg ? null : 0n;
  const signBit = 1n << BigInt(width - 1);
  if (neg) {
    v = BigInt.asUintN(width, -v);
    if ((v & signBit) === 0n) return null;
  } else if ((type.kind === TypeKind.Index || (type.kind === TypeKind.Integer && (type as IntegerType).signedness === Signedness.Signed)) && (v & signBit) !== 0n) {
    return null;
  }
  return v;
}

/// Decodes the raw bits of a float of type `t`.
export function floatFromRawBits(bits: bigint, t: FloatType): number {
  const w = t.width;
  const view = new DataView(new ArrayBuffer(8));
  if (w === 64) { view.setBigUint64(0, bits); return view.getFloat64(0); }
  if (w === 32) { view.setUint32(0, Number(bits)); return view.getFloat32(0); }
  const p = t.semantics.precision - 1;
  const e = t.semantics.exponentBits;
  const mant = Number(bits & ((1n << BigInt(p)) - 1n));
  const exp = Number((bits >> BigInt(p)) & ((1n << BigInt(e)) - 1n));
  const sign = (bits >> BigInt(w - 1)) & 1n ? -1 : 1;
  const bias = (1 << (e - 1)) - 1;
  if (exp === (1 << e) - 1 && !t.name.includes("FN")) return mant === 0 ? sign * Infinity : NaN;
  if (exp === 0) return sign * mant * 2 ** (1 - bias - p);
  return sign * (1 + mant / 2 ** p) * 2 ** (exp - bias);
}

/// Throws MLIR's error for an integer literal used as a float, with its note.
function failDecimalForFloat(p: ParserBase, offset: number): never {
  const loc = p.locAt(offset);
  const d = new Diagnostic(Severity.Error, DiagMessages.FloatForInteger.code, DiagMessages.FloatForInteger.text, loc);
  d.attachNote(DiagMessages.AddTrailingDot.text, loc);
  throw new DiagnosticError(d);
}

/// MLIR's parseFloatFromIntegerLiteral: a hex literal gives a float's raw bits.
function hexFloatBits(p: ParserBase, spelling: string, neg: boolean, t: FloatType, offset: number): bigint {
  if (!spelling.startsWith("0x")) failDecimalForFloat(p, offset);
  if (neg) p.failWith(DiagMessages.HexFloatMinus, p.locAt(offset));
  const bits = BigInt(spelling);
  if (bitLength(bits) > t.width) p.failWith(DiagMessages.HexFloatRange, p.locAt(offset));
  return bits;
}

/// The value of a float of type `t` written as an integer literal (its raw bits in hex).
export function floatFromIntegerLiteral(p: ParserBase, spelling: string, neg: boolean, t: FloatType, offset: number): number {
  return floatFromRawBits(hexFloatBits(p, spelling, neg, t, offset), t);
}

/// The float attribute of `t` with raw bits `bits`: a NaN keeps its sign and payload, as MLIR's APFloat does.
export function floatAttrFromBits(t: FloatType, bits: bigint): FloatAttr {
  const v = floatFromRawBits(bits, t);
  return !Number.isNaN(v) || bits === floatBits(Number.NaN, t) ? getFloatAttr(t, v) : getNaNFloatAttr(t, bits);
}

/// MLIR's parseFloatFromIntegerLiteral for a float attribute (see floatAttrFromBits).
export function floatAttrFromIntegerLiteral(p: ParserBase, spelling: string, neg: boolean, t: FloatType, offset: number): FloatAttr {
  return floatAttrFromBits(t, hexFloatBits(p, spelling, neg, t, offset));
}

/// Parses the literal tokens of a tensor literal (MLIR's TensorLiteralParser).
export class TensorLiteralParser {
  /// The shape of the nested lists (empty for a single element).
  readonly shape: number[] = [];
  readonly storage: ElemTok[] = [];
  /// The string token of a hex (or string) literal.
  hex: ElemTok | null = null;
  private readonly p: ParserBase;
  constructor(p: ParserBase) { this.p = p; }

  /// Parses a tensor literal; with `allowHex` a string token is kept as a hex blob.
  parse(allowHex: boolean): void {
    const p = this.p;
    if (allowHex && p.is(Tok.String)) {
      this.hex = this.token(false);
      p.consume();
      return;
    }
    if (p.is(Tok.LSquare)) this.shape.push(...this.parseList());
    else this.parseElement();
  }

  private token(neg: boolean): ElemTok {
    const lx = this.p.lex;
    return { neg, kind: lx.kind, text: lx.spelling(), offset: lx.start, str: lx.kind === Tok.String ? lx.stringValue() : "" };
  }

  private parseElement(): void {
    const p = this.p;
    const k = p.lex.kind;
    if (k === Tok.Integer || k === Tok.Float || k === Tok.String || p.isKeyword("true") || p.isKeyword("false")) {
      this.storage.push(this.token(false));
      p.consume();
    } else if (k === Tok.Minus) {
      p.consume();
      if (!p.is(Tok.Integer) && !p.is(Tok.Float)) p.failWith(DiagMessages.ExpectedIntOrFloatLiteral, p.here());
      this.storage.push(this.token(true));
      p.consume();
    } else if (k === Tok.LParen) {
      p.consume();
      this.parseElement();
      p.expect(Tok.Comma, "',' between complex elements");
      this.parseElement();
      p.expect(Tok.RParen, "')' after complex elements");
    } else p.failWith(DiagMessages.ExpectedElementLiteral, p.here());
  }

  private parseList(): number[] {
    const p = this.p;
    let first = true;
    let newDims: number[] = [];
    let size = 0;
    const one = (): void => {
      let these: number[] = [];
      if (p.is(Tok.LSquare)) these = this.parseList();
      else this.parseElement();
      size++;
      if (!first) {
        if (these.length !== newDims.length || these.some((d, i) => d !== newDims[i])) p.failWith(DiagMessages.TensorLiteralRanks, p.here());
        return;
      }
      newDims = these;
      first = false;
    };
    p.expect(Tok.LSquare, "'['");
    if (!p.consumeIf(Tok.RSquare)) {
      do one(); while (p.consumeIf(Tok.Comma));
      p.expect(Tok.RSquare, "']'");
    }
    return [size, ...newDims];
  }

  /// Builds the attribute of `type` from the parsed literal; `loc` is where errors about the whole literal point.
  getAttr(loc: number, type: ShapedType): DenseElementsAttr | DenseStringElementsAttr {
    const p = this.p;
    let et = type.elementType;
    if (this.hex !== null && elementBitWidth(et) >= 0) return this.getHexAttr(loc, type);
    if (this.shape.length && (this.shape.length !== type.shape.length || this.shape.some((d, i) => d !== type.shape[i]))) {
      p.failWith(DiagMessages.BadDenseShape, p.locAt(loc), this.shape.join(", "), type.shape.join(", "));
    }
    if (this.hex === null && this.storage.length === 0 && type.numElements !== 0) {
      p.failWith(DiagMessages.ParsedZeroElements, p.locAt(loc), String(type));
    }
    const isComplex = et.kind === TypeKind.Complex;
    if (isComplex) {
      const ct = et as ComplexType;
      et = ct.elementType;
      const isSplat = this.shape.length === 0 && type.numElements !== 0;
      if (isSplat && this.storage.length !== 2) p.failWith(DiagMessages.ComplexSplatCount, p.locAt(loc), this.storage.length, String(ct));
      if (this.shape.length && this.storage.length !== type.numElements * 2) {
        p.failWith(DiagMessages.ComplexElementCount, p.locAt(loc), this.storage.length, String(type), type.numElements * 2);
      }
    }
    if (et.kind === TypeKind.Integer || et.kind === TypeKind.Index) return getDenseElementsAttr(type, this.intValues(et));
    if (et.kind === TypeKind.Float) return getDenseElementsAttr(type, this.floatValues(et as FloatType));
    if (this.hex !== null) return getDenseStringElementsAttr(type, [this.hex.str]);
    return getDenseStringElementsAttr(type, this.storage.map((t) => t.str));
  }

  private intValues(et: Type): DenseValue[] {
    const p = this.p;
    const out: DenseValue[] = [];
    const isUnsigned = et.kind === TypeKind.Integer && (et as IntegerType).signedness === Signedness.Unsigned;
    const isI1 = et.kind === TypeKind.Integer && (et as IntegerType).width === 1;
    for (const t of this.storage) {
      if (t.neg && isUnsigned) p.failWith(DiagMessages.UnsignedNegativeElements, p.locAt(t.offset));
      if (t.kind === Tok.Float) p.failWith(DiagMessages.IntElementsGotFloat, p.locAt(t.offset));
      if (t.kind === Tok.BareIdent) {
        if (!isI1) p.failWith(DiagMessages.BoolForNonI1, p.locAt(t.offset));
        out.push(t.text === "true" ? 1 : 0);
        continue;
      }
      const bits = buildIntBits(et, t.neg, t.text);
      if (bits === null) return p.failWith(DiagMessages.IntElementOutOfRange, p.locAt(t.offset));
      out.push(getIntegerAttr(et, bits).value);
    }
    return out;
  }

  private floatValues(et: FloatType): DenseValue[] {
    const p = this.p;
    const out: DenseValue[] = [];
    for (const t of this.storage) {
      if (t.kind === Tok.Integer && t.text.startsWith("0x")) {
        out.push(getFloatAttr(et, floatFromIntegerLiteral(p, t.text, t.neg, et, t.offset)).value);
        continue;
      }
      if (t.kind !== Tok.Float) p.failWith(DiagMessages.FloatElementsGotInt, p.here());
      const v = Number(t.text);
      out.push(roundToFloatType(et, t.neg ? -v : v));
    }
    return out;
  }

  private getHexAttr(loc: number, type: ShapedType): DenseElementsAttr {
    const p = this.p;
    const tok = this.hex!;
    const body = tok.text.slice(1, -1);
    if (!/^0x([0-9a-fA-F]{2})*$/.test(body) || /\\/.test(body)) p.failWith(DiagMessages.HexStringExpected, p.locAt(tok.offset));
    const bytes = new Uint8Array((body.length - 2) / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(body.slice(2 + 2 * i, 4 + 2 * i), 16);
    const values = denseValuesFromRawBuffer(type, bytes);
    if (values === null) return p.failWith(DiagMessages.HexDataSize, p.locAt(loc), String(type));
    return getDenseElementsAttr(type, values);
  }
}

/// The element values stored in MLIR's raw little-endian layout, or null if the size fits neither a splat
/// nor the whole shape (DenseElementsAttr::isValidRawBuffer). Complex values come as (re, im) pairs.
export function denseValuesFromRawBuffer(type: ShapedType, bytes: Uint8Array): DenseValue[] | null {
  const et = type.elementType;
  const n = type.numElements;
  const bitWidth = elementBitWidth(et);
  const storage = bitWidth === 1 ? 1 : alignTo8(bitWidth);
  const rawBits = bytes.length * 8;
  if (storage === 1) {
    if (bytes.length === 1 && (bytes[0] === 0 || bytes[0] === 0xff)) return [bytes[0] ? 1 : 0];
    if (rawBits !== alignTo8(n)) return null;
    const out: DenseValue[] = [];
    for (let i = 0; i < n; i++) out.push((bytes[i >> 3] >> (i & 7)) & 1);
    return out;
  }
  const count = rawBits === storage ? 1 : rawBits === storage * n ? n : -1;
  if (count < 0) return null;
  const scalar = et.kind === TypeKind.Complex ? (et as ComplexType).elementType : et;
  const parts = et.kind === TypeKind.Complex ? 2 : 1;
  const partBytes = storage / 8 / parts;
  const out: DenseValue[] = [];
  for (let i = 0; i < count * parts; i++) {
    let v = 0n;
    for (let b = partBytes - 1; b >= 0; b--) v = (v << 8n) | BigInt(bytes[i * partBytes + b]);
    if (scalar.kind === TypeKind.Float) out.push(getFloatAttr(scalar as FloatType, floatFromRawBits(v, scalar as FloatType)).value);
    else out.push(getIntegerAttr(scalar, BigInt.asUintN(elementBitWidth(scalar), v)).value);
  }
  return out;
}

/// `dense<literal> : type` (the keyword is the current token); `expected` is a type given by the context.
export function parseDenseElementsAttr(p: ParserBase, expected: Type | null): Attribute {
  const loc = p.lex.start;
  p.consume();
  p.expect(Tok.Less, "'<' after 'dense'");
  const lit = new TensorLiteralParser(p);
  if (!p.consumeIf(Tok.Greater)) {
    lit.parse(true);
    p.expect(Tok.Greater, "'>'");
  }
  // As MLIR: the literal's errors are at its `: type`, or at `dense` when the context gave the type.
  const typeLoc = expected !== null ? loc : p.lex.start;
  return lit.getAttr(typeLoc, parseElementsLiteralType(p, expected));
}

/// The shaped type of an elements literal: `: type` unless the context gave one; static tensor, vector or memref (errors
/// are at the token after it, as MLIR's).
export function parseElementsLiteralType(p: ParserBase, expected: Type | null): ShapedType {
  let t = expected;
  if (t === null) {
    p.expect(Tok.Colon, "':'");
    t = p.parseType();
  }
  // Any shaped type, as MLIR's parseElementsLiteralType (a memref too); an unranked one has no static shape.
  if (t.kind !== TypeKind.Tensor && t.kind !== TypeKind.Vector && t.kind !== TypeKind.MemRef) {
    if (t.kind === TypeKind.UnrankedTensor || t.kind === TypeKind.UnrankedMemRef) p.failWith(DiagMessages.ElementsTypeNotStatic, p.here());
    p.failWith(DiagMessages.ElementsTypeNotShaped, p.here());
  }
  const st = t as ShapedType;
  if (!st.hasStaticShape) p.failWith(DiagMessages.ElementsTypeNotStatic, p.here());
  return st;
}

/// `sparse<indices, values> : type` (the keyword is the current token).
export function parseSparseElementsAttr(p: ParserBase, expected: Type | null): Attribute {
  const loc = p.lex.start;
  p.consume();
  p.expect(Tok.Less, "'<' after 'sparse'");
  if (p.consumeIf(Tok.Greater)) {
    const type = parseElementsLiteralType(p, expected);
    const indices = getDenseElementsAttr(getTensorType([0, type.rank], Builtin.i64), []);
    const values = type.elementType.kind === TypeKind.Integer || type.elementType.kind === TypeKind.Index || type.elementType.kind === TypeKind.Float
      ? getDenseElementsAttr(getTensorType([0], type.elementType), []) : getDenseStringElementsAttr(getTensorType([0], type.elementType), []);
    return getSparseElementsAttr(type, indices, values);
  }
  const indicesLoc = p.lex.start;
  const ind = new TensorLiteralParser(p);
  ind.parse(false);
  p.expect(Tok.Comma, "','");
  const valuesLoc = p.lex.start;
  const vals = new TensorLiteralParser(p);
  vals.parse(true);
  p.expect(Tok.Greater, "'>'");
  const type = parseElementsLiteralType(p, expected);
  const indicesType = getTensorType(ind.shape.length === 0 ? [1, type.rank] : ind.shape, Builtin.i64);
  const indices = ind.getAttr(indicesLoc, indicesType) as DenseElementsAttr;
  const valuesType = getTensorType(vals.shape.length === 0 ? [indicesType.shape[0]] : vals.shape, type.elementType);
  const values = vals.getAttr(valuesLoc, valuesType);
  verifySparse(p, loc, type, indices, values);
  return getSparseElementsAttr(type, indices, values);
}

/// SparseElementsAttr::verify.
function verifySparse(p: ParserBase, loc: number, type: ShapedType, indices: DenseElementsAttr, values: DenseElementsAttr | DenseStringElementsAttr): void {
  const vt = values.type, it = indices.type;
  if (vt.rank !== 1) p.failWith(DiagMessages.SparseValuesRank, p.locAt(loc));
  const rank = type.rank;
  const shapeError = (): never => p.failWith(DiagMessages.SparseShape, p.locAt(loc), type.shape.join(", "), it.shape.join(", "), vt.shape.join(", "));
  if (it.rank === 2) { if (it.shape[1] !== rank) shapeError(); }
  else if (it.rank !== 1 || rank !== 1) shapeError();
  const numIndices = it.shape[0];
  if (numIndices !== vt.shape[0]) shapeError();
  const bad = (i: number, idx: readonly number[]): never =>
    p.failWith(DiagMessages.SparseIndexOutOfShape, p.locAt(loc), i, idx.join(", "), String(type));
  const valid = (idx: readonly number[]) => idx.length === rank && idx.every((x, d) => x >= 0 && x < type.shape[d]);
  if (indices.splat) {
    const idx = new Array<number>(rank).fill(Number(indices.values[0]));
    if (!valid(idx)) bad(0, idx);
    return;
  }
  for (let i = 0; i < numIndices; i++) {
    const idx: number[] = [];
    for (let d = 0; d < rank; d++) idx.push(Number(indices.at(i * rank + d)));
    if (!valid(idx)) bad(i, idx);
  }
}

/// `dense_resource<key> : type`; handles are shared per parse through `handles`.
export function parseDenseResourceElementsAttr(p: ParserBase, expected: Type | null, handles: Map<string, DenseResourceHandle>): Attribute {
  const loc = p.lex.start;
  p.consume();
  p.expect(Tok.Less, "'<' after 'dense_resource'");
  const key = parseResourceKey(p);
  let h = handles.get(key);
  if (h === undefined) { h = new DenseResourceHandle(key); handles.set(key, h); }
  p.expect(Tok.Greater, "'>'");
  let t = expected;
  let typeLoc = loc;
  if (t === null) {
    typeLoc = p.lex.start;
    p.expect(Tok.Colon, "':'");
    t = p.parseType();
  }
  if (t.kind !== TypeKind.Tensor && t.kind !== TypeKind.Vector && t.kind !== TypeKind.UnrankedTensor) p.failWith(DiagMessages.DenseResourceNotShaped, p.locAt(typeLoc));
  return getDenseResourceElementsAttr(t as ShapedType, h);
}

/// A resource handle key: a bare identifier (MLIR's parseResourceHandle).
export function parseResourceKey(p: ParserBase): string {
  const lx = p.lex;
  if (lx.kind !== Tok.BareIdent) p.failWith(DiagMessages.ExpectedResourceKey, p.here());
  const s = lx.spelling();
  p.consume();
  return s;
}

/// `array<type: v, ...>` (the keyword is the current token).
export function parseDenseArrayAttr(p: ParserBase): Attribute {
  p.consume();
  p.expect(Tok.Less, "'<' after 'array'");
  const typeLoc = p.lex.start;
  const et = p.parseOptionalType();
  if (et === null) p.failWith(DiagMessages.ExpectedIntOrFloatType, p.locAt(typeLoc));
  if (et.kind !== TypeKind.Integer && et.kind !== TypeKind.Float) p.failWith(DiagMessages.DenseArrayBadType, p.locAt(typeLoc), String(et));
  const width = et.kind === TypeKind.Integer ? (et as IntegerType).width : (et as FloatType).width;
  if (width !== 1 && width % 8 !== 0) p.failWith(DiagMessages.DenseArrayBitwidth, p.locAt(typeLoc));
  const vals: number[] = [];
  if (p.consumeIf(Tok.Greater)) return getDenseArrayAttr(et, vals);
  p.expect(Tok.Colon, "':' after dense array type");
  do {
    const neg = p.consumeIf(Tok.Minus);
    const lx = p.lex;
    if (et.kind === TypeKind.Integer) {
      if (p.isKeyword("true") || p.isKeyword("false")) {
        if (width !== 1) p.failWith(DiagMessages.BoolForNonI1, p.here());
        vals.push(p.isKeyword("true") ? 1 : 0);
        p.consume();
      } else if (lx.kind === Tok.Integer) {
        if (width === 1) p.failWith(DiagMessages.I1NeedsBool, p.here());
        const at = lx.start;
        const bits = buildIntBits(et, neg, lx.spelling());
        p.consume();
        if (bits === null) p.failWith(DiagMessages.IntegerLiteralOutOfRange, p.here());
        const v = getIntegerAttr(et, bits).value;
        vals.push(typeof v === "number" ? v : p.exactNumber(v, at));
      } else p.failWith(DiagMessages.ExpectedIntegerLiteral, p.here());
    } else {
      const ft = et as FloatType;
      const start = lx.start;
      let v: number;
      if (lx.kind === Tok.Float) { v = Number(lx.spelling()); if (neg) v = -v; }
      else if (lx.kind === Tok.Integer) v = floatFromIntegerLiteral(p, lx.spelling(), neg, ft, start);
      else return p.failWith(DiagMessages.ExpectedFloatLiteral, p.locAt(start));
      p.consume();
      vals.push(getFloatAttr(ft, v).value);
    }
  } while (p.consumeIf(Tok.Comma));
  p.expect(Tok.Greater, "'>' to close an array attribute");
  return getDenseArrayAttr(et, vals);
}

/// `distinct[N]<attr>`: the same N within one parse is the same attribute (the keyword is the current token).
export function parseDistinctAttr(p: ParserBase, type: Type | null, table: Map<string, Attribute>): Attribute {
  const loc = p.lex.start;
  p.consume();
  p.expect(Tok.LSquare, "'[' after 'distinct'");
  const lx = p.lex;
  if (lx.kind !== Tok.Integer) p.expect(Tok.Integer, "distinct ID");
  const id = BigInt(lx.spelling());
  const idLoc = lx.start;
  p.consume();
  if (id >= 1n << 64n) p.failWith(DiagMessages.DistinctU64, p.locAt(idLoc));
  p.expect(Tok.RSquare, "']' to close distinct ID");
  p.expect(Tok.Less, "'<' after distinct ID");
  let ref: Attribute;
  if (p.consumeIf(Tok.Greater)) ref = unitAttr;
  else {
    const a = p.parseOptionalAttribute(type);
    if (a === null) p.failWith(DiagMessages.ExpectedAttribute, p.here());
    ref = a;
    p.expect(Tok.Greater, "'>' to close distinct attribute");
  }
  const key = id.toString();
  const prior = table.get(key);
  if (prior === undefined) {
    const d = createDistinctAttr(ref);
    table.set(key, d);
    return d;
  }
  if ((prior as DistinctAttr).referenced !== ref) {
    p.failWith(DiagMessages.DistinctMismatch, p.locAt(loc), String((prior as DistinctAttr).referenced));
  }
  return prior;
}

/// A float value of type `t` from a float or integer literal token (the current token), as MLIR's parseFloatFromLiteral.
export function floatFromLiteral(p: ParserBase, neg: boolean, t: FloatType): number {
  const lx = p.lex;
  if (lx.kind === Tok.Float) {
    const v = Number(lx.spelling());
    return roundToFloatType(t, neg ? -v : v);
  }
  if (lx.kind === Tok.Integer) return floatFromIntegerLiteral(p, lx.spelling(), neg, t, lx.start);
  return p.failWith(DiagMessages.ExpectedFloatLiteral, p.here());
}

/// The i64 value of a literal, for callers that need MLIR's integer-attribute range checks.
export function integerAttrFromLiteral(p: ParserBase, type: Type, neg: boolean, spelling: string, offset: number): Attribute {
  if (type.kind !== TypeKind.Integer && type.kind !== TypeKind.Index) p.failWith(DiagMessages.IntLiteralBadType, p.locAt(offset));
  if (neg && type.kind === TypeKind.Integer && (type as IntegerType).signedness === Signedness.Unsigned) {
    p.failWith(DiagMessages.NegativeUnsigned, p.locAt(offset));
  }
  const small = smallDecimal(spelling);
  const width = type.kind === TypeKind.Index ? 64 : (type as IntegerType).width;
  if (small >= 0 && width > 0) {
    // The common case without bigint arithmetic, with buildIntBits' range rules.
    const signed = type.kind === TypeKind.Index || (type as IntegerType).signedness === Signedness.Signed;
    const fits = neg ? small > 0 && small <= 2 ** (width - 1) : small < 2 ** (signed ? width - 1 : width);
    if (!fits) p.failWith(DiagMessages.IntegerOutOfRange, p.locAt(offset));
    return getIntegerAttr(type, neg ? -small : small);
  }
  const bits = buildIntBits(type, neg, spelling);
  if (bits === null) p.failWith(DiagMessages.IntegerOutOfRange, p.locAt(offset));
  return getIntegerAttr(type, bits);
}

/// The value of a decimal literal of at most 15 digits (exact as a number), or -1.
function smallDecimal(spelling: string): number {
  if (spelling.length > 15) return -1;
  for (let i = 0; i < spelling.length; i++) {
    const c = spelling.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  return spelling.length === 0 ? -1 : Number(spelling);
}
