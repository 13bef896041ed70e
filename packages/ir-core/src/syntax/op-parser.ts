// The API custom op syntax uses to parse (MLIR's OpAsmParser), and the state an op is built from.
import type { AffineExpr, AffineMap } from "../affine/index.js";
import type { Attribute, Location } from "../ir/attrs.js";
import type { Block, Region, Value } from "../ir/ir.js";
import type { OpDef } from "../ir/opdef.js";
import type { LocationRef } from "../ir/source-positions.js";
import type { Type } from "../ir/types.js";
import { NamedAttrList } from "./attr-list.js";

export { NamedAttrList };

/// An SSA use parsed before its type is known: `%name#number`.
export interface UnresolvedOperand {
  readonly name: string;
  readonly number: number;
  readonly offset: number;
}

/// A region argument as parsed: `%name: type {attrs} loc(...)`.
export interface ParsedArgument {
  readonly name: string;
  readonly offset: number;
  type: Type | null;
  attrs: Attribute | null;
  loc: Location | null;
}

/// Where parsed named attributes go: an op's NamedAttrList, or a `Map`.
export interface AttributeSink { set(name: string, value: Attribute): unknown }

/// Everything an operation is created from; custom parsers fill it in. The lists are created on first use (most
/// ops have no regions or successors).
export class OperationState {
  declare readonly name: string;
  declare readonly def: OpDef | null;
  /// The op's location (its source position until a trailing `loc(...)` is parsed).
  declare loc: LocationRef;
  /// Offset of the op in the source (for diagnostics).
  declare readonly offset: number;
  /// The lists behind the getters below, null until first used (read them to build the op without allocating).
  operandList: Value[] | null;
  resultTypeList: Type[] | null;
  propList: NamedAttrList | null;
  attrList: NamedAttrList | null;
  regionList: Region[] | null;
  successorList: Block[] | null;

  constructor(name: string, def: OpDef | null, loc: LocationRef, offset: number) {
    this.name = name;
    this.def = def;
    this.loc = loc;
    this.offset = offset;
    this.operandList = null;
    this.resultTypeList = null;
    this.propList = null;
    this.attrList = null;
    this.regionList = null;
    this.successorList = null;
  }

  get operands(): Value[] { return this.operandList ??= []; }
  get resultTypes(): Type[] { return this.resultTypeList ??= []; }
  /// Properties (inherent attributes), by name.
  get props(): NamedAttrList { return this.propList ??= new NamedAttrList(); }
  /// Discardable attributes, by name.
  get attrs(): NamedAttrList { return this.attrList ??= new NamedAttrList(); }
  get regions(): Region[] { return this.regionList ??= []; }
  get successors(): Block[] { return this.successorList ??= []; }

  /// Adds a new empty region and returns it.
  addRegion(r: Region): Region {
    this.regions.push(r);
    return r;
  }
}

/// The parsing API of custom op syntax, after MLIR's OpAsmParser. Failures throw a diagnostic.
export interface OpParser {
  /// Offset of the current token.
  currentOffset(): number;
  /// Throws an error at `offset` (the current token by default).
  error(message: string, offset?: number): never;
  /// Throws an error of the generic parser (no `custom op 'name'` prefix), as MLIR's AsmParser-level errors.
  parserError(message: string, offset?: number): never;
  /// The location attribute of `offset`.
  locationOf(offset: number): Location;

  // punctuation, e.g. "(", ")", "[", "]", "{", "}", "<", ">", ",", ":", "=", "->", "?", "*", "+", "-", "...", "|"
  parsePunct(p: string): void;
  /// `parsePunct` whose error names a context: `expected ']' in dynamic index list` (MLIR's parseCommaSeparatedList
  /// context message).
  parsePunctIn(p: string, context: string): void;
  /// Runs `parse`; if it fails, reports `message` at `offset` after its error (MLIR's
  /// `if (failed(parseX())) return emitError(loc) << message`).
  parseOrError<T>(parse: () => T, message: string, offset?: number): T;
  parseOptionalPunct(p: string): boolean;
  atPunct(p: string): boolean;
  parseKeyword(kw: string): void;
  parseOptionalKeyword(kw: string): boolean;
  /// Any bare keyword; null if the current token is not one.
  parseOptionalKeywordAny(): string | null;
  /// True if the current token is keyword `kw`.
  atKeyword(kw: string): boolean;
  parseInteger(): number;
  /// An optional `-` and an integer literal as a bigint (any size); null if no integer is here.
  parseOptionalIntegerBig(): bigint | null;
  parseOptionalInteger(): number | null;
  parseString(): string;
  parseOptionalString(): string | null;
  /// `@name` (bare or quoted).
  parseSymbolName(): string;
  parseOptionalSymbolName(): string | null;

  /// True if an SSA operand (`%x`) starts here.
  atOperand(): boolean;
  /// True if a symbol (`@name`) starts here.
  atSymbol(): boolean;
  /// True if a string literal starts here.
  atString(): boolean;
  /// True if a block reference (`^bb1`) starts here.
  atSuccessor(): boolean;
  parseOperand(): UnresolvedOperand;
  parseOptionalOperand(): UnresolvedOperand | null;
  /// A comma-separated list, optionally in a delimiter: "none", "paren", "square", "optional-paren", "optional-square".
  parseOperandList(delimiter?: "none" | "paren" | "square" | "optional-paren" | "optional-square"): UnresolvedOperand[];
  /// `(%inner = %outer, ...)` (may be empty): the arguments and the operands assigned to them (MLIR's
  /// parseAssignmentList; the optional form returns false when no `(` is here).
  parseAssignmentList(args: ParsedArgument[], operands: UnresolvedOperand[]): void;
  parseOptionalAssignmentList(args: ParsedArgument[], operands: UnresolvedOperand[]): boolean;
  resolveOperand(u: UnresolvedOperand, type: Type): Value;
  resolveOperands(us: readonly UnresolvedOperand[], types: readonly Type[] | Type, offset?: number): Value[];

  parseType(): Type;
  parseOptionalType(): Type | null;
  parseColonType(): Type;
  parseColonTypeList(): Type[];
  /// Comma-separated types (at least one).
  parseTypeList(): Type[];
  /// `-> type` or `-> (types)`; empty if no arrow.
  parseOptionalArrowTypeList(): Type[];
  parseFunctionType(): Type;
  parseAttribute(type?: Type | null): Attribute;
  parseOptionalAttribute(type?: Type | null): Attribute | null;
  /// `{...}` into `into`, if present.
  parseOptionalAttrDict(into: AttributeSink): void;
  /// `attributes {...}` into `into`, if present.
  parseOptionalAttrDictWithKeyword(into: AttributeSink): void;
  parseOptionalLocationSpecifier(): Location | null;

  /// `%name` (with `: type` when `withType`).
  parseArgument(withType: boolean, withAttrs?: boolean): ParsedArgument;
  parseOptionalArgument(withType: boolean, withAttrs?: boolean): ParsedArgument | null;
  parseArgumentList(delimiter: "paren" | "square" | "none", withType: boolean, withAttrs?: boolean): ParsedArgument[];

  /// Parses `{ ... }` into `region`; `args` become the entry block's arguments. With `enableShadowing` the region is a
  /// naming scope of its own (names from around it are not visible and may be defined again), as in MLIR.
  parseRegion(region: Region, args?: readonly ParsedArgument[], enableShadowing?: boolean): void;
  parseOptionalRegion(region: Region, args?: readonly ParsedArgument[]): boolean;
  parseSuccessor(): Block;
  parseOptionalSuccessor(): Block | null;
  /// Adds the implicit terminator `terminator` to every block of `region` that lacks one (creates the block if empty).
  ensureTerminator(region: Region, terminator: string, loc: LocationRef): void;

  /// Parses an affine map whose dims/symbols are SSA ids (`%i * 4 + symbol(%n)`), in `[...]` or `(...)`;
  /// the operands are appended to `operands` (dims first, then symbols).
  parseAffineMapOfSSAIds(operands: UnresolvedOperand[], delimiter: "square" | "paren" | "optional-square"): AffineMap | null;
  /// A bare affine map `(d0, d1)[s0] -> (d1, d0)` (MLIR's OpAsmParser::parseAffineMap).
  parseAffineMap(): AffineMap;
  /// One affine expression over SSA ids (`%i + symbol(%n)`): new dims/symbols are appended to `dims`/`syms`
  /// (MLIR's OpAsmParser::parseAffineExprOfSSAIds).
  parseAffineExprOfSSAIds(dims: UnresolvedOperand[], syms: UnresolvedOperand[]): AffineExpr;
  /// A dim-and-symbol operand list for a map: `(%a, %b)[%s]`.
  parseDimAndSymbolOperands(numDims: number, numSymbols: number): UnresolvedOperand[];
}
