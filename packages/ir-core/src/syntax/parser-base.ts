// Token-level parsing helpers and the grammar of types, attributes, locations and affine syntax.
import {
  affineAdd, affineCeilDiv, affineFloorDiv, affineMod, affineMul, affineNeg, affineSub, getAffineConstantExpr,
  getAffineDimExpr, getAffineMap, getAffineSymbolExpr, getIntegerSet, type AffineExpr, type AffineMap, type IntegerSet,
} from "../affine/index.js";
import { bufferLoc, Diagnostic, DiagnosticError, makeDiag, type DiagLocation } from "../diag/diagnostic.js";
import { DiagMessages, type DiagMessage } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import {
  AttrKind, getAffineMapAttr, getArrayAttr, getBoolAttr, getCallSiteLoc,
  getDictionaryAttr, getFileLineColLoc, getFloatAttr, getFusedLoc, getIntegerSetAttr, getNameLoc,
  getOpaqueAttr, getStridedLayoutAttr, getStringAttr, getSymbolRefAttr, getTypeAttr, isLocation, unitAttr, unknownLoc,
  type AffineMapAttr, type Attribute, type DenseResourceHandle, type Location, type NamedAttribute, type StridedLayoutAttr,
} from "../ir/attrs.js";
import { registry } from "../ir/opdef.js";
import { sourcePositionBase, type LocationRef } from "../ir/source-positions.js";
import {
  Builtin, getComplexType, getFloatType, getFunctionType, getIntegerType, getMemRefType, getOpaqueType, getTensorType,
  getTupleType, getUnrankedMemRefType, getUnrankedTensorType, getVectorType, isFloat, kDynamic, Signedness, TypeKind,
  type FloatType, type Type,
} from "../ir/types.js";
import { TextMemo } from "../support/intern.js";
import type { SourceBuffer } from "../support/source.js";
import {
  floatAttrFromIntegerLiteral, integerAttrFromLiteral, parseDenseArrayAttr, parseDenseElementsAttr, parseDenseResourceElementsAttr,
  parseDistinctAttr, parseSparseElementsAttr,
} from "./elements-parser.js";
import { Lexer, Tok, tokNames } from "./lexer.js";

/// Options shared by every parser of one input.
export interface ParserConfig {
  /// Accept ops, types and attributes of dialects that are not registered.
  readonly allowUnregistered: boolean;
}

/// Aliases (`#name = ...`, `!name = ...`) and deferred location references of one input.
export class AliasTables {
  readonly attrs = new Map<string, Attribute>();
  readonly types = new Map<string, Type>();
  /// Location aliases used before being defined: patched when the parse ends.
  readonly deferredLocs: { name: string; offset: number; apply: (l: Location) => void }[] = [];
  /// `distinct[N]<...>` attributes by N.
  readonly distinct = new Map<string, Attribute>();
  /// `dense_resource<key>` handles by key; blobs are filled in by the `{-# dialect_resources #-}` section.
  readonly resourceHandles = new Map<string, DenseResourceHandle>();
  /// Types by their source text (`memref<4xf32>`, `!df.stream<f32, 4>`), as parsed once in this input.
  readonly typeMemo = new TextMemo<Type | Attribute>();
  /// Affine maps and sets by their source text (`affine_map<(d0) -> (d0)>`), as parsed once in this input.
  readonly attrMemo = new TextMemo<Type | Attribute>();
}

/// A `!name`/`#name` token as MLIR's parseExtendedSymbol reads it: an alias (`dialect` null) or a dialect's symbol,
/// `dot` the index of the dot in `name` (-1 for `dialect<...>`), `trailing` whether a `<` follows at once, `opaqueAt`
/// where MLIR reports an opaque symbol's errors (the data after the dot, or the token for `dialect<...>`).
interface ExtendedSymbol {
  readonly name: string;
  readonly dialect: string | null;
  readonly dot: number;
  readonly trailing: boolean;
  readonly opaqueAt: number;
}

/// What parseMemoized parses.
const enum Memoized { DialectType, BuiltinType, AffineMap, IntegerSet }

/// Builtin type keywords that take a body in `<...>`: their types are remembered by source text (see typeMemo).
const compositeTypeKeywords = ["memref", "tensor", "vector", "tuple", "complex"];

/// The grammar below operations: tokens, types, attributes, locations, affine maps and sets.
export class ParserBase {
  readonly lex: Lexer;
  readonly buffer: SourceBuffer;
  readonly config: ParserConfig;
  readonly aliases: AliasTables;
  /// > 0 while a dialect type or attribute parses its body (its errors are not an op's: no `custom op` prefix).
  symbolDepth = 0;
  /// The first source position of the buffer (see sourcePosition), given when first needed.
  private positionBase: number | null = null;

  constructor(buffer: SourceBuffer, config: ParserConfig, aliases: AliasTables) {
    this.buffer = buffer;
    this.lex = new Lexer(buffer);
    this.config = config;
    this.aliases = aliases;
    if (this.lex.kind === Tok.Error) this.lexError();
  }

  // ---- tokens and errors ----

  /// The current token's location (a point, as MLIR's parser reports: no range).
  here(): DiagLocation { return bufferLoc(this.buffer, this.lex.start); }
  /// A location at `offset`.
  locAt(offset: number): DiagLocation { return bufferLoc(this.buffer, offset); }
  /// The source position of `offset`: its FileLineColLoc, made when first needed.
  sourcePosition(offset: number): LocationRef {
    return (this.positionBase ??= sourcePositionBase(this.buffer)) + offset;
  }

  /// Throws a parse error at `loc` (the current token by default).
  fail(message: string, loc: DiagLocation = this.here()): never {
    throw new DiagnosticError(new Diagnostic(Severity.Error, DiagMessages.DialectParse.code, message, loc));
  }
  /// Throws a table-coded parse error.
  failWith(msg: DiagMessage, loc: DiagLocation, ...args: unknown[]): never {
    throw new DiagnosticError(makeDiag(msg, loc, ...args));
  }
  /// Throws a table-coded parse error (with arguments `args`) that has a note.
  failWithNote(msg: DiagMessage, loc: DiagLocation, args: readonly unknown[], note: DiagMessage, noteLoc: DiagLocation, ...noteArgs: unknown[]): never {
    throw new DiagnosticError(makeDiag(msg, loc, ...args).attachNoteWith(note, noteLoc, ...noteArgs));
  }
  private lexError(): never {
    this.failWith(this.lex.error, this.here());
  }
  /// Restarts the lexer at `offset` (inside or after what the current token spans).
  resetLexer(offset: number): void {
    this.lex.resetTo(offset);
    if (this.lex.kind === Tok.Error) this.lexError();
  }
  /// `v` as a number, or an error at `offset` when the number would not be `v` exactly: shapes, strides, dense
  /// arrays and affine constants are numbers here, and MLIR's 64-bit integers go beyond what a double holds exactly.
  exactNumber(v: bigint, offset: number): number {
    const n = Number(v);
    if (BigInt(n) !== v) this.failWith(DiagMessages.InexactInteger, this.locAt(offset), v);
    return n;
  }

  /// Advances one token.
  consume(): void {
    this.lex.next();
    if (this.lex.kind === Tok.Error) this.lexError();
  }
  /// True if the current token is `k`.
  is(k: Tok): boolean { return this.lex.kind === k; }
  /// Consumes a token of kind `k` if present.
  consumeIf(k: Tok): boolean {
    if (this.lex.kind !== k) return false;
    this.consume();
    return true;
  }
  /// Consumes a token of kind `k` or fails with "expected <what>".
  expect(k: Tok, what: string = tokNames[k]): void {
    if (this.lex.kind !== k) this.failWrongToken(`expected ${what}`);
    this.consume();
  }
  /// MLIR's emitWrongTokenError: an error about the current token, reported at the end of the previous
  /// non-blank, non-comment text when the token starts a line (so it lands on the line that is wrong).
  failWrongToken(message: string): never {
    return this.fail(message, this.wrongTokenLoc());
  }
  /// failWrongToken with a table-coded message.
  failWrongTokenWith(msg: DiagMessage, ...args: unknown[]): never {
    return this.failWith(msg, this.wrongTokenLoc(), ...args);
  }
  private wrongTokenLoc(): DiagLocation {
    const src = this.lex.src;
    let loc = this.lex.start;
    if (this.lex.kind === Tok.EOF && loc > 0) loc--;
    let end = loc;
    for (;;) {
      while (end > 0 && (src.charCodeAt(end - 1) === 32 || src.charCodeAt(end - 1) === 9)) end--;
      if (end === 0) return this.locAt(loc);
      const c = src.charCodeAt(end - 1);
      if (c !== 10 && c !== 13) return this.locAt(end);
      end--;
      const lineStart = Math.max(src.lastIndexOf("\n", end - 1), src.lastIndexOf("\r", end - 1)) + 1;
      const comment = src.indexOf("//", lineStart);
      if (comment >= 0 && comment < end) end = comment;
    }
  }
  /// True if the current token is the keyword `kw`.
  isKeyword(kw: string): boolean {
    return this.lex.kind === Tok.BareIdent && this.lex.end - this.lex.start === kw.length && this.lex.src.startsWith(kw, this.lex.start);
  }
  /// Consumes keyword `kw` if present.
  consumeKeyword(kw: string): boolean {
    if (!this.isKeyword(kw)) return false;
    this.consume();
    return true;
  }
  /// Consumes keyword `kw` or fails.
  expectKeyword(kw: string): void {
    if (!this.consumeKeyword(kw)) this.fail(`expected '${kw}'`);
  }
  /// Parses `elem (',' elem)*` between `open` and `close` (the list may be empty); `what` names the missing `close`,
  /// `openWhat` the missing `open`.
  commaList(open: Tok, close: Tok, elem: () => void, what = tokNames[close], openWhat = tokNames[open]): void {
    this.expect(open, openWhat);
    if (this.consumeIf(close)) return;
    do elem(); while (this.consumeIf(Tok.Comma));
    this.expect(close, what);
  }

  /// Parses an optional `-` then an integer literal, as a bigint; null if no integer is here.
  parseOptionalIntegerBig(): bigint | null {
    const neg = this.is(Tok.Minus) && this.peekKindAfterMinus() === Tok.Integer;
    if (neg) this.consume();
    if (!this.is(Tok.Integer)) return null;
    const v = BigInt(this.lex.spelling());
    this.consume();
    return neg ? -v : v;
  }
  private peekKindAfterMinus(): Tok {
    const save = this.lex.pos, k = this.lex.kind, st = this.lex.start, en = this.lex.end;
    this.lex.next();
    const res = this.lex.kind;
    this.lex.pos = save; this.lex.kind = k; this.lex.start = st; this.lex.end = en;
    return res;
  }
  /// Parses an integer literal (with optional `-`) that a JS number holds exactly; `what` names it in the error.
  parseInteger(what: string): number {
    const at = this.lex.start;
    const v = this.parseOptionalIntegerBig();
    if (v === null) this.failWrongToken(`expected ${what}`);
    return this.exactNumber(v, at);
  }

  // ---- types ----

  /// Parses a type or fails.
  parseType(): Type {
    const t = this.parseOptionalType();
    if (t === null) this.failWrongToken("expected non-function type");
    return t;
  }

  /// True if the current token can start a type.
  startsType(): boolean {
    const k = this.lex.kind;
    if (k === Tok.BangIdent || k === Tok.LParen) return true;
    if (k !== Tok.BareIdent) return false;
    const s = this.lex.spelling();
    return this.integerTypePrefix() > 0 || getFloatType(s) !== null || s === "index" || s === "none" || compositeTypeKeywords.includes(s);
  }

  /// The length of the `i`/`si`/`ui` prefix when the current identifier spells an integer type (`i32`), else 0.
  protected integerTypePrefix(): number {
    const lx = this.lex, src = lx.src, st = lx.start;
    const c = src.charCodeAt(st);
    const prefix = c === 105 ? 1 : (c === 115 || c === 117) && src.charCodeAt(st + 1) === 105 ? 2 : 0;
    if (prefix === 0 || lx.end - st <= prefix) return 0;
    for (let i = st + prefix; i < lx.end; i++) { const d = src.charCodeAt(i); if (d < 48 || d > 57) return 0; }
    return prefix;
  }

  /// Parses a type if one starts here.
  parseOptionalType(): Type | null {
    const lx = this.lex;
    switch (lx.kind) {
      case Tok.LParen: return this.parseFunctionType();
      case Tok.BangIdent: return this.parseMemoizedType(true);
      case Tok.BareIdent: break;
      default: return null;
    }
    const prefix = this.integerTypePrefix();
    if (prefix > 0) {
      const digits = lx.src.slice(lx.start + prefix, lx.end);
      const w = digits.length > 10 ? Infinity : Number(digits);
      if (w > 4294967295) this.failWith(DiagMessages.InvalidIntWidth, this.here());
      if (w > 16777215) this.failWith(DiagMessages.IntWidthLimit, this.here());
      const c = lx.src.charCodeAt(lx.start);
      this.consume();
      return getIntegerType(w, prefix === 1 ? Signedness.Signless : c === 115 ? Signedness.Signed : Signedness.Unsigned);
    }
    if (this.consumeKeyword("index")) return Builtin.index;
    for (const kw of compositeTypeKeywords) if (this.isKeyword(kw)) return this.parseMemoizedType(false);
    return this.parseSimpleBuiltinType();
  }

  /// A float type or `none`, or null.
  private parseSimpleBuiltinType(): Type | null {
    const f = getFloatType(this.lex.spelling());
    if (f !== null) { this.consume(); return f; }
    if (this.consumeKeyword("none")) return Builtin.none;
    return null;
  }

  /// Parses the type starting here (a `!dialect` type, or a builtin type with a `<...>` body), reusing the type
  /// parsed earlier from the same text (see parseMemoized).
  private parseMemoizedType(dialect: boolean): Type | null {
    return this.parseMemoized(this.aliases.typeMemo, dialect ? Memoized.DialectType : Memoized.BuiltinType, dialect) as Type | null;
  }

  /// Parses what starts here (a name, then a `<...>` body unless `bodyOptional` allows none), reusing the result of
  /// parsing the same text earlier in this input: types and maps repeat throughout a file, and parsing them is
  /// deterministic given the file's aliases. The body is found by a bracket scan; a result is remembered only when
  /// its parse ended right there.
  private parseMemoized(memo: TextMemo<Type | Attribute>, what: Memoized, bodyOptional: boolean): Type | Attribute | null {
    const lx = this.lex, src = lx.src;
    const start = lx.start, nameEnd = lx.end;
    let end = -1;
    if (src.charCodeAt(nameEnd) === 60) { // `<` right after the name
      lx.resetTo(nameEnd);
      if (lx.kind === Tok.Less && lx.skipBalancedBody()) {
        end = lx.bodyEnd;
        const known = memo.get(src, start, end);
        if (known !== undefined) {
          if ((lx.kind as Tok) === Tok.Error) this.lexError();
          return known;
        }
      }
      lx.resetTo(start);
    } else if (bodyOptional) {
      end = nameEnd;
      const known = memo.get(src, start, end);
      if (known !== undefined) { this.consume(); return known; }
    }
    const r = this.parseUnmemoized(what);
    if (end >= 0 && r !== null && lx.start >= end && this.endsAt(end)) memo.set(src, start, end, r);
    return r;
  }

  private parseUnmemoized(what: Memoized): Type | Attribute | null {
    switch (what) {
      case Memoized.DialectType: return this.parseDialectType();
      case Memoized.BuiltinType: return this.parseBuiltinTypeWithBody();
      case Memoized.AffineMap: {
        this.consume();
        this.expect(Tok.Less, "'<' in affine map");
        const m = this.parseAffineMapBody();
        this.expect(Tok.Greater, "'>' in affine map");
        return getAffineMapAttr(m);
      }
      case Memoized.IntegerSet: {
        this.consume();
        this.expect(Tok.Less, "'<' in integer set");
        const st = this.parseIntegerSetBody();
        this.expect(Tok.Greater, "'>' in integer set");
        return getIntegerSetAttr(st);
      }
    }
  }

  /// Whether the previous token ended at `offset` (the current token starts after it, past blanks and comments only).
  private endsAt(offset: number): boolean {
    const src = this.lex.src;
    for (let i = offset; i < this.lex.start; i++) {
      const c = src.charCodeAt(i);
      if (c === 47 && src.charCodeAt(i + 1) === 47) { while (i < this.lex.start && src.charCodeAt(i) !== 10) i++; continue; }
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0) return false;
    }
    return true;
  }

  /// `memref<...>`, `tensor<...>`, `vector<...>`, `tuple<...>`, `complex<...>` (the keyword is here).
  private parseBuiltinTypeWithBody(): Type | null {
    const s = this.lex.spelling();
    switch (s) {
      case "memref": return this.parseMemRefType();
      case "tensor": return this.parseTensorType();
      case "vector": return this.parseVectorType();
      case "tuple": {
        this.consume();
        const ts: Type[] = [];
        this.expect(Tok.Less, "'<' in tuple type");
        if (!this.consumeIf(Tok.Greater)) {
          do ts.push(this.parseType()); while (this.consumeIf(Tok.Comma));
          this.expect(Tok.Greater, "'>' in tuple type");
        }
        return getTupleType(ts);
      }
      case "complex": {
        this.consume();
        this.expect(Tok.Less, "'<' in complex type");
        const at = this.here();
        const e = this.parseType();
        this.expect(Tok.Greater, "'>' in complex type");
        if (e.kind !== TypeKind.Integer && e.kind !== TypeKind.Float) this.failWith(DiagMessages.ComplexElementType, at);
        return getComplexType(e);
      }
    }
    return null;
  }

  /// `(inputs) -> results`.
  parseFunctionType(): Type {
    const ins: Type[] = [];
    this.commaList(Tok.LParen, Tok.RParen, () => ins.push(this.parseType()));
    this.expect(Tok.Arrow, "'->' in function type");
    return getFunctionType(ins, this.parseFunctionResultTypes());
  }

  /// Result types after `->`: one type, or a parenthesised list.
  parseFunctionResultTypes(): Type[] {
    if (this.is(Tok.LParen)) {
      const outs: Type[] = [];
      this.commaList(Tok.LParen, Tok.RParen, () => outs.push(this.parseType()));
      return outs;
    }
    return [this.parseType()];
  }

  /// `4x?x8x` (MLIR's parseDimensionListRanked with the trailing `x`).
  private parseDimensionListRanked(): number[] {
    const dims: number[] = [];
    for (;;) {
      if (this.consumeIf(Tok.Question)) dims.push(kDynamic);
      else if (this.is(Tok.Integer)) dims.push(this.parseIntegerInDimensionList());
      else return dims;
      this.parseXInDimensionList();
    }
  }

  /// A dimension; `0xf32` lexes as a hex integer, so it is read as `0` followed by `xf32`.
  private parseIntegerInDimensionList(): number {
    const lx = this.lex;
    const sp = lx.spelling();
    if (sp.length > 1 && sp.charCodeAt(1) === 120) {
      this.resetLexer(lx.start + 1);
      return 0;
    }
    const at = lx.start;
    if (sp.length <= 15) { this.consume(); return Number(sp); }
    const v = BigInt(sp);
    if (v > 9223372036854775807n) this.failWith(DiagMessages.InvalidDimension, this.here());
    this.consume();
    return this.exactNumber(v, at);
  }

  /// The `x` of a dimension list, split off an identifier such as `xf32`.
  private parseXInDimensionList(): void {
    const lx = this.lex;
    if (lx.kind !== Tok.BareIdent || lx.src.charCodeAt(lx.start) !== 120) this.failWrongToken("expected 'x' in dimension list");
    this.resetLexer(lx.start + 1);
  }

  /// `memref<4x?xf32, layout, memory-space>` / `memref<*xf32, memory-space>` (the keyword is the current token).
  private parseMemRefType(): Type {
    const locAt = this.lex.start;
    this.consume();
    this.expect(Tok.Less, "'<' in memref type");
    const unranked = this.consumeIf(Tok.Star);
    let dims: number[] = [];
    if (unranked) this.parseXInDimensionList();
    else dims = this.parseDimensionListRanked();
    const typeLocAt = this.lex.start;
    const elem = this.parseType();
    if (!isValidMemRefElementType(elem)) this.failWith(DiagMessages.InvalidMemRefElement, this.locAt(typeLocAt));
    let layout: Attribute | null = null, ms: Attribute | null = null;
    if (!this.consumeIf(Tok.Greater)) {
      this.expect(Tok.Comma, "',' or '>' in memref type");
      if (this.is(Tok.Greater)) this.failWrongToken("expected list element");
      do {
        const a = this.parseAttribute();
        if (a.kind === AttrKind.AffineMap || a.kind === AttrKind.StridedLayout) layout = a;
        else if (ms !== null) this.failWith(DiagMessages.MultipleMemorySpaces, this.here());
        else { ms = a; continue; }
        if (unranked) this.failWith(DiagMessages.UnrankedMemRefLayout, this.here());
        if (ms !== null) this.failWith(DiagMessages.MemorySpaceNotLast, this.here());
      } while (this.consumeIf(Tok.Comma));
      this.expect(Tok.Greater, "',' or '>'");
    }
    if (!unranked && layout !== null) {
      if (layout.kind === AttrKind.AffineMap) {
        const n = (layout as AffineMapAttr).map.numDims;
        if (n !== dims.length) this.failWith(DiagMessages.LayoutRankMismatch, this.locAt(locAt), dims.length, n);
      } else if ((layout as StridedLayoutAttr).strides.length !== dims.length) this.failWith(DiagMessages.StridesRankMismatch, this.locAt(locAt));
    }
    if (ms !== null && !isSupportedMemorySpace(ms)) this.failWith(DiagMessages.UnsupportedMemorySpace, this.locAt(locAt));
    return unranked ? getUnrankedMemRefType(elem, ms) : getMemRefType(dims, elem, layout, ms);
  }

  /// `tensor<4x?xf32, encoding>` / `tensor<*xf32>` (the keyword is the current token).
  private parseTensorType(): Type {
    this.consume();
    this.expect(Tok.Less, "'<' in tensor type");
    const unranked = this.consumeIf(Tok.Star);
    let dims: number[] = [];
    if (unranked) this.parseXInDimensionList();
    else dims = this.parseDimensionListRanked();
    const typeLocAt = this.lex.start;
    const elem = this.parseType();
    let encoding: Attribute | null = null;
    if (this.consumeIf(Tok.Comma)) encoding = this.parseOptionalAttribute();
    this.expect(Tok.Greater, "'>' in tensor type");
    if (!isValidTensorElementType(elem)) this.failWith(DiagMessages.InvalidTensorElement, this.locAt(typeLocAt));
    if (unranked) {
      if (encoding !== null) this.failWith(DiagMessages.UnrankedTensorEncoding, this.here());
      return getUnrankedTensorType(elem);
    }
    return getTensorType(dims, elem, encoding);
  }

  /// `vector<4x[8]xf32>` (the keyword is the current token).
  private parseVectorType(): Type {
    this.consume();
    this.expect(Tok.Less, "'<' in vector type");
    const dims: number[] = [];
    const scalable: boolean[] = [];
    while (this.is(Tok.Integer) || this.is(Tok.LSquare)) {
      const sc = this.consumeIf(Tok.LSquare);
      dims.push(this.parseIntegerInDimensionList());
      if (sc && !this.consumeIf(Tok.RSquare)) this.failWrongToken("missing ']' closing scalable dimension");
      scalable.push(sc);
      this.parseXInDimensionList();
    }
    if (dims.some((d) => d <= 0)) this.failWith(DiagMessages.VectorSizes, this.here());
    const typeLocAt = this.lex.start;
    const elem = this.parseType();
    this.expect(Tok.Greater, "'>' in vector type");
    if (elem.kind !== TypeKind.Integer && elem.kind !== TypeKind.Index && elem.kind !== TypeKind.Float) this.failWith(DiagMessages.VectorElementType, this.locAt(typeLocAt));
    return getVectorType(dims, elem, scalable);
  }

  /// MLIR's parseExtendedType: a type alias, a registered dialect's type, or an unregistered dialect's type kept
  /// opaque (`!foo.bar<...>`, `!foo<"...">`).
  private parseDialectType(): Type {
    const sym = this.parseExtendedSymbolName();
    if (sym.dialect === null) return this.aliases.types.get(sym.name) ?? this.failWrongTokenWith(DiagMessages.UndefinedAlias, sym.name);
    if (registry.hasDialect(sym.dialect)) return this.parseRegisteredSymbol(sym, false) as Type;
    const data = this.parseDialectSymbolData(sym);
    if (!this.config.allowUnregistered) this.failWith(DiagMessages.UnregisteredDialectType, this.locAt(sym.opaqueAt), sym.dialect, data);
    return getOpaqueType(sym.dialect, data);
  }

  /// MLIR's parseExtendedSymbol, up to the symbol's data: consumes the `!name`/`#name` token and tells whether it is
  /// an alias (no dot in the name, no `<` right after it) or a dialect's symbol (`dialect.data`, `dialect<data>`).
  private parseExtendedSymbolName(): ExtendedSymbol {
    const lx = this.lex;
    const start = lx.start, nameEnd = lx.end;
    const name = lx.spelling().slice(1);
    this.consume();
    const dot = name.indexOf(".");
    const trailing = lx.kind === Tok.Less && lx.start === nameEnd;
    if (dot < 0 && !trailing) return { name, dialect: null, dot, trailing, opaqueAt: start };
    return { name, dialect: dot < 0 ? name : name.slice(0, dot), dot, trailing, opaqueAt: dot < 0 ? start : start + dot + 2 };
  }

  /// The data of a dialect symbol whose name was just consumed: what follows the dot with its `<...>` body, or the
  /// body of `dialect<...>` without its brackets.
  private parseDialectSymbolData(sym: ExtendedSymbol): string {
    const head = sym.dot < 0 ? "" : sym.name.slice(sym.dot + 1);
    if (!sym.trailing) return head;
    const body = this.scanDialectSymbolBody();
    return sym.dot < 0 ? body.slice(1, -1) : head + body;
  }

  /// MLIR's parseDialectSymbolBody: the text of the `<...>` at the current token, its brackets balanced (`->`
  /// aside) and its strings lexed; the lexer moves past it. Errors are at the current token, as MLIR's.
  private scanDialectSymbolBody(): string {
    const lx = this.lex, src = lx.src, begin = lx.start;
    const nested: number[] = [];
    let p = begin;
    const unbalanced = (): never => this.failWith(DiagMessages.UnbalancedDialectBody, this.here(), String.fromCharCode(nested[nested.length - 1]));
    do {
      const c = p < src.length ? src.charCodeAt(p) : 0;
      p++;
      if (c === 60 || c === 91 || c === 40 || c === 123) nested.push(c);
      else if (c === 62 || c === 93 || c === 41 || c === 125) {
        if (nested[nested.length - 1] !== (c === 62 ? 60 : c === 93 ? 91 : c === 41 ? 40 : 123)) unbalanced();
        nested.pop();
      } else if (c === 45) {
        if (src.charCodeAt(p) === 62) p++;
      } else if (c === 34) {
        this.resetLexer(p - 1);
        p = lx.end;
      } else if (c === 0) {
        if (nested.length) unbalanced();
        this.failWith(DiagMessages.DialectBodyEOF, this.here());
      }
    } while (nested.length);
    this.resetLexer(p);
    return src.slice(begin, p);
  }

  /// A type (`isAttr` false) or attribute of a registered dialect, `!dialect.mnemonic...` or `!dialect<mnemonic...>`,
  /// parsed by the hooks the dialect gives for `mnemonic` (the symbol's name is consumed), with the messages of
  /// MLIR's Dialect::parseType/parseAttribute and of ODS's generated dispatch.
  private parseRegisteredSymbol(sym: ExtendedSymbol, isAttr: boolean): Type | Attribute {
    const lx = this.lex, dialect = sym.dialect!;
    let at = sym.opaqueAt, mnemonic = sym.name.slice(sym.dot + 1);
    if (sym.dot < 0) {
      this.consume();
      at = lx.start;
      mnemonic = lx.kind === Tok.BareIdent ? lx.spelling() : "";
    }
    const d = registry.dialect(dialect)!;
    if (((isAttr ? d.attrs : d.types)?.length ?? 0) === 0) this.failWith(isAttr ? DiagMessages.UnknownDialectAttr : DiagMessages.UnknownDialectType, this.locAt(at), dialect);
    if (mnemonic === "") this.failWith(DiagMessages.ExpectedKeyword, this.locAt(at));
    const full = `${dialect}.${mnemonic}`;
    const syn = isAttr ? registry.lookupAttr(full) : registry.lookupType(full);
    if (syn === null) this.failWith(isAttr ? DiagMessages.UnknownAttrMnemonic : DiagMessages.UnknownTypeMnemonic, this.locAt(at), mnemonic, dialect);
    if (sym.dot < 0) this.consume();
    this.symbolDepth++;
    const r = syn.parse(this as never);
    this.symbolDepth--;
    if (r === null) this.fail(`failed to parse ${full} ${isAttr ? "attribute" : "type"}`, this.locAt(sym.opaqueAt));
    if (sym.dot < 0) this.expect(Tok.Greater);
    return r;
  }

  // ---- attributes ----

  /// Parses an attribute; `type` is the expected type of an untyped literal.
  parseAttribute(type: Type | null = null): Attribute {
    const a = this.parseOptionalAttribute(type);
    if (a === null) this.failWrongToken("expected attribute value");
    return a;
  }

  /// Parses an attribute if one starts here.
  parseOptionalAttribute(type: Type | null = null): Attribute | null {
    const lx = this.lex;
    switch (lx.kind) {
      case Tok.Integer: case Tok.Minus: case Tok.Float:
        return this.parseNumberAttr(type);
      case Tok.String: {
        const v = lx.stringValue();
        this.consume();
        let t: Type | null = null;
        if (this.consumeIf(Tok.Colon)) t = this.parseType();
        return getStringAttr(v, t);
      }
      case Tok.LSquare: {
        const elems: Attribute[] = [];
        this.commaList(Tok.LSquare, Tok.RSquare, () => elems.push(this.parseAttribute()), "',' or ']'");
        return getArrayAttr(elems);
      }
      case Tok.LBrace: return this.parseDictionary();
      case Tok.AtIdent: return this.parseSymbolRef();
      case Tok.HashIdent: return this.parseHashAttr();
      case Tok.BareIdent: break;
      default: {
        const t = this.parseOptionalType();
        return t === null ? null : getTypeAttr(t);
      }
    }
    const s = lx.spelling();
    switch (s) {
      case "true": case "false": this.consume(); return getBoolAttr(s === "true");
      case "unit": this.consume(); return unitAttr;
      case "affine_map": return this.parseMemoized(this.aliases.attrMemo, Memoized.AffineMap, false) as Attribute;
      case "affine_set": return this.parseMemoized(this.aliases.attrMemo, Memoized.IntegerSet, false) as Attribute;
      case "dense": return parseDenseElementsAttr(this, type);
      case "dense_resource": return parseDenseResourceElementsAttr(this, type, this.aliases.resourceHandles);
      case "sparse": return parseSparseElementsAttr(this, type);
      case "array": return parseDenseArrayAttr(this);
      case "distinct": return parseDistinctAttr(this, type, this.aliases.distinct);
      case "strided": return this.parseStrided();
      case "loc": return this.parseLocation();
    }
    const t = this.parseOptionalType();
    return t === null ? null : getTypeAttr(t);
  }

  /// `{name = value, unitName}`.
  parseDictionary(): Attribute {
    const entries: NamedAttribute[] = [];
    const seen = new Set<string>();
    this.commaList(Tok.LBrace, Tok.RBrace, () => {
      const at = this.lex.start;
      const name = this.parseAttrName();
      if (seen.has(name)) this.failWith(DiagMessages.DuplicateAttr, this.locAt(at), name);
      seen.add(name);
      entries.push({ name, value: this.consumeIf(Tok.Equal) ? this.parseAttribute() : unitAttr });
    }, "'}' in attribute dictionary");
    return getDictionaryAttr(entries);
  }

  /// An attribute name: bare identifier (or keyword) or string.
  parseAttrName(): string {
    const lx = this.lex;
    if (lx.kind === Tok.String) { const v = lx.stringValue(); this.consume(); return v; }
    if (lx.kind !== Tok.BareIdent) this.failWrongToken("expected attribute name");
    const v = lx.spelling();
    this.consume();
    return v;
  }

  private parseSymbolRef(): Attribute {
    const root = this.lex.stringValueOrBare();
    this.consume();
    const nested: string[] = [];
    while (this.is(Tok.Colon) && this.lex.src.charCodeAt(this.lex.end) === 58) {
      this.lex.resetTo(this.lex.end + 1);
      if (!this.is(Tok.AtIdent)) this.fail("expected nested symbol reference identifier");
      nested.push(this.lex.stringValueOrBare());
      this.consume();
    }
    return getSymbolRefAttr(root, nested);
  }

  /// MLIR's parseExtendedAttr: an attribute alias, a registered dialect's attribute, or an unregistered dialect's
  /// attribute kept opaque with its optional `: type` (`#foo.bar<...>`, `#foo<"..."> : i32`).
  private parseHashAttr(): Attribute {
    const sym = this.parseExtendedSymbolName();
    if (sym.dialect === null) return this.aliases.attrs.get(sym.name) ?? this.failWrongTokenWith(DiagMessages.UndefinedAlias, sym.name);
    if (registry.hasDialect(sym.dialect)) return this.parseRegisteredSymbol(sym, true) as Attribute;
    const data = this.parseDialectSymbolData(sym);
    const type = this.consumeIf(Tok.Colon) ? this.parseType() : null;
    if (!this.config.allowUnregistered) this.failWith(DiagMessages.UnregisteredDialectAttr, this.locAt(sym.opaqueAt), sym.dialect, data, type ?? "none");
    return getOpaqueAttr(sym.dialect, data, type);
  }

  /// Parses an integer or float literal attribute with optional `: type` (MLIR's parseFloatAttr / parseDecOrHexAttr).
  private parseNumberAttr(type: Type | null): Attribute {
    const lx = this.lex;
    let neg = false;
    if (lx.kind === Tok.Minus) { neg = true; this.consume(); }
    const kind = lx.kind;
    if (kind !== Tok.Integer && kind !== Tok.Float) this.failWrongToken("expected constant integer or floating point value");
    const text = lx.spelling();
    const tokStart = lx.start;
    this.consume();
    let t = type;
    if (t === null && this.consumeIf(Tok.Colon)) t = this.parseType(); // as MLIR: an expected type means no `: type`
    if (kind === Tok.Float) {
      const ft = t ?? Builtin.f64;
      if (!isFloat(ft)) this.failWith(DiagMessages.FloatLiteralBadType, this.here());
      const v = Number(text);
      return getFloatAttr(ft as FloatType, neg ? -v : v);
    }
    const it = t ?? Builtin.i64;
    if (isFloat(it)) return floatAttrFromIntegerLiteral(this, text, neg, it as FloatType, tokStart);
    return integerAttrFromLiteral(this, it, neg, text, tokStart);
  }

  /// `strided<[s0, s1], offset: o>` (the keyword is the current token), with MLIR's messages.
  private parseStrided(): Attribute {
    const loc = this.lex.start;
    this.consume();
    this.expect(Tok.Less, "'<' after 'strided'");
    this.expect(Tok.LSquare, "'['");
    const value = (): number => {
      if (this.consumeIf(Tok.Question)) return kDynamic;
      const at = this.lex.start;
      const neg = this.consumeIf(Tok.Minus);
      if (!this.is(Tok.Integer)) this.failWith(DiagMessages.StridedValue, this.locAt(at));
      const v = BigInt(this.lex.spelling());
      if (v >= 1n << 63n) this.failWith(DiagMessages.StridedValue, this.locAt(at));
      this.consume();
      return this.exactNumber(neg ? -v : v, at);
    };
    const strides: number[] = [];
    if (!this.is(Tok.RSquare)) {
      do strides.push(value()); while (this.consumeIf(Tok.Comma));
    }
    this.expect(Tok.RSquare, "']'");
    let offset = 0;
    if (!this.consumeIf(Tok.Greater)) {
      this.expect(Tok.Comma, "','");
      if (!this.consumeKeyword("offset")) this.failWrongToken("expected 'offset' after comma");
      this.expect(Tok.Colon, "':' after 'offset'");
      offset = value();
      this.expect(Tok.Greater, "'>'");
    }
    if (strides.some((x) => x === 0)) this.failWith(DiagMessages.StridesZero, this.locAt(loc));
    return getStridedLayoutAttr(offset, strides);
  }

  // ---- locations ----

  /// `loc(...)`.
  parseLocation(deferTo?: (l: Location) => void): Location {
    this.expectKeyword("loc");
    this.expect(Tok.LParen);
    let l: Location;
    if (this.is(Tok.HashIdent)) {
      const name = this.lex.spelling().slice(1);
      const off = this.lex.start;
      this.consume();
      const a = this.aliases.attrs.get(name);
      if (a !== undefined) {
        if (!isLocation(a)) this.fail(`expected location, but found '${String(a)}'`, this.locAt(off));
        l = a;
      } else {
        l = unknownLoc;
        if (deferTo === undefined) this.failWith(DiagMessages.UndefinedAlias, this.locAt(off), name);
        this.aliases.deferredLocs.push({ name, offset: off, apply: deferTo });
      }
    } else l = this.parseLocationInner();
    this.expect(Tok.RParen, "')' in location");
    return l;
  }

  /// The body of a location (without `loc(`).
  parseLocationInner(): Location {
    const lx = this.lex;
    if (this.consumeKeyword("unknown")) return unknownLoc;
    if (this.consumeKeyword("callsite")) {
      this.expect(Tok.LParen, "'(' in callsite location");
      const callee = this.parseLocationInner();
      if (!this.consumeKeyword("at")) this.failWrongToken("expected 'at' in callsite location");
      const caller = this.parseLocationInner();
      this.expect(Tok.RParen, "')' in callsite location");
      return getCallSiteLoc(callee, caller);
    }
    if (this.consumeKeyword("fused")) {
      let meta: Attribute | null = null;
      if (this.consumeIf(Tok.Less)) { meta = this.parseAttribute(); this.expect(Tok.Greater, "'>' after fused location metadata"); }
      const locs: Location[] = [];
      this.commaList(Tok.LSquare, Tok.RSquare, () => locs.push(this.parseLocationInner()), "']' in fused location");
      return getFusedLoc(locs, meta);
    }
    if (lx.kind === Tok.HashIdent) {
      const a = this.parseAttribute();
      if (!isLocation(a)) this.fail("expected location instance");
      return a;
    }
    if (lx.kind !== Tok.String) this.failWrongToken("expected location instance");
    const s = lx.stringValue();
    this.consume();
    if (this.consumeIf(Tok.Colon)) {
      const line = this.parseInteger("integer line number in FileLineColLoc");
      this.expect(Tok.Colon, "':' in FileLineColLoc");
      const col = this.parseInteger("integer column number in FileLineColLoc");
      return getFileLineColLoc(s, line, col);
    }
    if (this.consumeIf(Tok.LParen)) {
      const child = this.parseLocationInner();
      this.expect(Tok.RParen, "')' after child location of NameLoc");
      return getNameLoc(s, child);
    }
    return getNameLoc(s);
  }

  // ---- affine ----

  /// `(d0, d1)[s0] -> (exprs)` with arbitrary dim/symbol names.
  parseAffineMapBody(): AffineMap {
    const at = this.lex.start;
    const r = this.parseAffineMapOrIntegerSet();
    if (!("map" in r)) this.fail("expected AffineMap, but got IntegerSet", this.locAt(at));
    return r.map;
  }

  /// `(d0)[s0] : (constraints)`.
  parseIntegerSetBody(): IntegerSet {
    const at = this.lex.start;
    const r = this.parseAffineMapOrIntegerSet();
    if (!("set" in r)) this.fail("expected IntegerSet, but got AffineMap", this.locAt(at));
    return r.set;
  }

  /// MLIR's parseAffineMapOrIntegerSetInline: the dim and symbol lists, then `-> (results)` or `: (constraints)`.
  private parseAffineMapOrIntegerSet(): { map: AffineMap } | { set: IntegerSet } {
    const { dims, syms } = this.parseDimAndSymbolLists();
    if (this.consumeIf(Tok.Arrow)) {
      const results: AffineExpr[] = [];
      this.commaList(Tok.LParen, Tok.RParen, () => results.push(this.parseAffineExpr(dims, syms)), "')' in affine map range", "'(' in affine map range");
      return { map: getAffineMap(dims.length, syms.length, results) };
    }
    this.expect(Tok.Colon, "'->' or ':'");
    const cs: AffineExpr[] = [];
    const eq: boolean[] = [];
    this.commaList(Tok.LParen, Tok.RParen, () => {
      const lhs = this.parseAffineExpr(dims, syms);
      // As MLIR's parseAffineConstraint: each comparison's first token is taken even when its second is missing.
      if (this.consumeIf(Tok.Greater) && this.consumeIf(Tok.Equal)) { cs.push(affineSub(lhs, this.parseAffineExpr(dims, syms))); eq.push(false); }
      else if (this.consumeIf(Tok.Less) && this.consumeIf(Tok.Equal)) { cs.push(affineSub(this.parseAffineExpr(dims, syms), lhs)); eq.push(false); }
      else if (this.consumeIf(Tok.Equal) && this.consumeIf(Tok.Equal)) { cs.push(affineSub(lhs, this.parseAffineExpr(dims, syms))); eq.push(true); }
      else this.fail("expected '== affine-expr' or '>= affine-expr' at end of affine constraint");
    }, "')' in integer set constraint list", "'(' in integer set constraint list");
    // As MLIR: no constraints means the set `(0 == 0)`.
    if (cs.length === 0) { cs.push(getAffineConstantExpr(0)); eq.push(true); }
    return { set: getIntegerSet(dims.length, syms.length, cs, eq) };
  }

  private parseDimAndSymbolLists(): { dims: string[]; syms: string[] } {
    const dims: string[] = [], syms: string[] = [];
    const id = (into: string[]) => () => {
      if (!this.is(Tok.BareIdent)) this.failWrongToken("expected bare identifier");
      const n = this.lex.spelling();
      if (dims.includes(n) || syms.includes(n)) this.fail("redefinition of identifier '" + n + "'");
      into.push(n);
      this.consume();
    };
    this.commaList(Tok.LParen, Tok.RParen, id(dims), "')' in dimensional identifier list", "'(' in dimensional identifier list");
    if (this.is(Tok.LSquare)) this.commaList(Tok.LSquare, Tok.RSquare, id(syms), "']' in symbol list");
    return { dims, syms };
  }

  /// An affine expression over named dims and symbols (or SSA operands via `operand`).
  parseAffineExpr(dims: readonly string[], syms: readonly string[], operand?: () => AffineExpr | null): AffineExpr {
    let lhs = this.parseAffineTerm(dims, syms, operand, false);
    for (;;) {
      if (this.consumeIf(Tok.Plus)) lhs = affineAdd(lhs, this.parseAffineTerm(dims, syms, operand, true));
      else if (this.is(Tok.Minus)) { this.consume(); lhs = affineSub(lhs, this.parseAffineTerm(dims, syms, operand, true)); }
      else return lhs;
    }
  }

  /// A product term; `isRhs` when it follows a binary operator (for MLIR's "missing right operand" error).
  private parseAffineTerm(dims: readonly string[], syms: readonly string[], operand: (() => AffineExpr | null) | undefined, isRhs: boolean): AffineExpr {
    let lhs = this.parseAffineOperand(dims, syms, operand, isRhs);
    for (;;) {
      const at = this.here();
      if (this.consumeIf(Tok.Star)) {
        const rhs = this.parseAffineOperand(dims, syms, operand, true);
        if (!lhs.isSymbolicOrConstant() && !rhs.isSymbolicOrConstant()) this.fail("non-affine expression: at least one of the multiply operands has to be either a constant or symbolic", at);
        lhs = affineMul(lhs, rhs);
      } else if (this.isKeyword("floordiv") || this.isKeyword("ceildiv") || this.isKeyword("mod")) {
        const kw = this.lex.spelling();
        this.consume();
        const rhs = this.parseAffineOperand(dims, syms, operand, true);
        if (!rhs.isSymbolicOrConstant()) this.fail(`non-affine expression: right operand of ${kw} has to be either a constant or symbolic`, at);
        lhs = kw === "mod" ? affineMod(lhs, rhs) : kw === "floordiv" ? affineFloorDiv(lhs, rhs) : affineCeilDiv(lhs, rhs);
      } else return lhs;
    }
  }

  /// MLIR's parseIntegerExpr: a constant below 2^63 (held exactly, see exactNumber).
  private parseAffineConstant(): AffineExpr {
    const lx = this.lex, sp = lx.spelling(), at = lx.start;
    if (sp.length <= 15) { this.consume(); return getAffineConstantExpr(Number(sp)); }
    const v = BigInt(sp);
    if (v >= 1n << 63n) this.failWith(DiagMessages.ConstantTooLarge, this.here());
    this.consume();
    return getAffineConstantExpr(this.exactNumber(v, at));
  }

  private parseAffineOperand(dims: readonly string[], syms: readonly string[], operand: (() => AffineExpr | null) | undefined, isRhs: boolean): AffineExpr {
    const lx = this.lex;
    if (lx.kind === Tok.Minus) {
      this.consume();
      return affineNeg(this.parseAffineOperand(dims, syms, operand, isRhs));
    }
    if (lx.kind === Tok.Plus || lx.kind === Tok.Star) this.fail(`missing ${isRhs ? "right" : "left"} operand of binary operator`);
    if (lx.kind === Tok.LParen) {
      this.consume();
      const e = this.parseAffineExpr(dims, syms, operand);
      this.expect(Tok.RParen);
      return e;
    }
    if (lx.kind === Tok.Integer) return this.parseAffineConstant();
    if (lx.kind === Tok.BareIdent) {
      const n = lx.spelling();
      const d = dims.indexOf(n);
      if (d >= 0) { this.consume(); return getAffineDimExpr(d); }
      const s = syms.indexOf(n);
      if (s >= 0) { this.consume(); return getAffineSymbolExpr(s); }
    }
    if (operand !== undefined) {
      const e = operand();
      if (e !== null) return e;
    }
    if (lx.kind === Tok.BareIdent) this.failWrongTokenWith(DiagMessages.UndeclaredIdentifier);
    return this.fail(isRhs ? "missing right operand of binary operator" : "expected affine expression");
  }
}

/// MLIR's BaseMemRefType::isValidElementType (dialect types are taken to implement MemRefElementTypeInterface).
function isValidMemRefElementType(t: Type): boolean {
  switch (t.kind) {
    case TypeKind.Integer: case TypeKind.Index: case TypeKind.Float: case TypeKind.Complex: case TypeKind.MemRef:
    case TypeKind.UnrankedMemRef: case TypeKind.Vector: case TypeKind.Dialect:
      return true;
    default: return false;
  }
}

/// MLIR's TensorType::isValidElementType: anything but builtin shaped, function, tuple and none types.
function isValidTensorElementType(t: Type): boolean {
  switch (t.kind) {
    case TypeKind.Tensor: case TypeKind.UnrankedTensor: case TypeKind.MemRef: case TypeKind.UnrankedMemRef:
    case TypeKind.Function: case TypeKind.Tuple: case TypeKind.None:
      return false;
    default: return true;
  }
}

/// MLIR's isSupportedMemorySpace: integer, string or dictionary attributes, or a registered dialect's attribute.
function isSupportedMemorySpace(a: Attribute): boolean {
  return a.kind === AttrKind.Integer || a.kind === AttrKind.String || a.kind === AttrKind.Dictionary || a.kind === AttrKind.Dialect;
}

/// Decodes the raw bits of a hex float literal.
export function floatFromBits(bits: bigint, t: FloatType, neg: boolean): number {
  const w = t.width;
  const p = t.semantics.precision - 1;
  const e = t.semantics.exponentBits;
  if (w === 64) { const b = new DataView(new ArrayBuffer(8)); b.setBigUint64(0, bits); return b.getFloat64(0) * (neg ? -1 : 1); }
  if (w === 32) { const b = new DataView(new ArrayBuffer(4)); b.setUint32(0, Number(bits)); return b.getFloat32(0) * (neg ? -1 : 1); }
  const mant = Number(bits & ((1n << BigInt(p)) - 1n));
  const exp = Number((bits >> BigInt(p)) & ((1n << BigInt(e)) - 1n));
  const sign = (bits >> BigInt(w - 1)) & 1n ? -1 : 1;
  const bias = (1 << (e - 1)) - 1;
  let v: number;
  if (exp === (1 << e) - 1) v = mant === 0 ? Infinity : NaN;
  else if (exp === 0) v = mant * 2 ** (1 - bias - p);
  else v = (1 + mant / 2 ** p) * 2 ** (exp - bias);
  return v * sign * (neg ? -1 : 1);
}
