// The operation-level parser: SSA scopes, blocks, regions, generic and custom op forms, top level.
import { getAffineDimExpr, getAffineMap, getAffineSymbolExpr, type AffineExpr, type AffineMap } from "../affine/index.js";
import { DiagnosticError, fileLoc, makeDiag, type DiagLocation } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import {
  AttrKind, DenseResourceHandle, getDictionaryAttr, getFileLineColLoc,
  type Attribute, type DenseArrayAttr, type DictionaryAttr, type Location, type NamedAttribute, type ResourceBlob,
} from "../ir/attrs.js";
import { setExternalResources, type ExternalResourceGroup, type ResourceValue } from "../ir/file-metadata.js";
import { Block, Operation, PlaceholderValue, Region, ValueKind, type Value } from "../ir/ir.js";
import { failedInherentAttr, hasStorageClass, hasTrait, registry, Trait, type OpDef } from "../ir/opdef.js";
import { resolveLocation, type LocationRef } from "../ir/source-positions.js";
import type { FunctionType, Type } from "../ir/types.js";
import { Builtin, TypeKind } from "../ir/types.js";
import type { SourceBuffer } from "../support/source.js";
import { parseResourceKey } from "./elements-parser.js";
import { parseWithFormat } from "./format.js";
import { Tok, tokNames } from "./lexer.js";
import { OperationState, type AttributeSink, type OpParser, type ParsedArgument, type UnresolvedOperand } from "./op-parser.js";
import { AliasTables, ParserBase, type ParserConfig } from "./parser-base.js";

/// How deep regions may nest: deeper IR is refused with a diagnostic rather than exhausting the JavaScript stack in the
/// recursive parts of the parser, the printer, the passes and the simulator (which all handle 700 levels).
export const maxRegionDepth = 400;

const punct: Record<string, Tok> = {
  "(": Tok.LParen, ")": Tok.RParen, "[": Tok.LSquare, "]": Tok.RSquare, "{": Tok.LBrace, "}": Tok.RBrace,
  "<": Tok.Less, ">": Tok.Greater, ",": Tok.Comma, ":": Tok.Colon, "=": Tok.Equal, "->": Tok.Arrow, "?": Tok.Question,
  "*": Tok.Star, "+": Tok.Plus, "-": Tok.Minus, "...": Tok.Ellipsis, "|": Tok.Vertical,
};

/// The values a name stands for, by result number (forward references are placeholders), and where it was defined.
interface ValueDefEntry { values: Value[]; offset: number }
interface BlockEntry { block: Block; defined: boolean; offset: number }

/// Where the value `number` of `e` was defined or, for a forward reference, first used (MLIR's reference location).
function referenceOffset(e: ValueDefEntry, number: number): number {
  const v = e.values[number];
  return v !== undefined && v.valueKind === ValueKind.Placeholder ? (v as PlaceholderValue).offset : e.offset;
}

/// One isolated naming scope: the whole input, or a region whose op's parser enables name shadowing (MLIR's
/// IsolatedSSANameScope; an op isolated from above does not make one, so its regions see the names around it and
/// may not redefine them).
class IsolatedScope {
  /// The names defined in each region open in this scope, innermost last: a region's names go when it ends. (One map
  /// per region, not one map for the scope, whose entries would be added and deleted region after region: a long-lived
  /// map rehashed that often keeps its garbage past young-generation collections.)
  readonly defined: Map<string, ValueDefEntry>[] = [new Map()];
  /// Names used before their definition, until defined.
  readonly pending = new Map<string, ValueDefEntry>();
  /// Forward references not defined yet, by `%name#number`.
  readonly forwardRefs = new Map<string, PlaceholderValue>();

  /// The entry of `name`: defined in an open region, or used before its definition.
  lookup(name: string): ValueDefEntry | undefined {
    const d = this.defined;
    for (let i = d.length - 1; i >= 0; i--) {
      const e = d[i].get(name);
      if (e !== undefined) return e;
    }
    return this.pending.get(name);
  }
}

/// Parses MLIR text into operations.
export class Parser extends ParserBase implements OpParser {
  private readonly scopes: IsolatedScope[] = [new IsolatedScope()];
  private readonly blockScopes: Map<string, BlockEntry>[] = [];
  /// Forward references left undefined by the isolated scopes closed so far (reported at the end, as MLIR's finalize).
  private readonly undeclared: PlaceholderValue[] = [];
  private readonly defaultDialects: string[] = ["builtin"];
  /// The op whose custom syntax is being parsed: its errors read `custom op 'name' ...`, as MLIR's OpAsmParser's.
  private customOpName: string | null = null;
  /// `external_resources` groups of the file metadata, in parse order.
  readonly externalResources: ExternalResourceGroup[] = [];

  constructor(buffer: SourceBuffer, config: ParserConfig, aliases: AliasTables = new AliasTables()) {
    super(buffer, config, aliases);
  }

  // ---- top level ----

  /// Parses a whole buffer: aliases, file metadata and top-level ops, into `into`.
  parseTopLevel(into: Block): void {
    for (;;) {
      const lx = this.lex;
      switch (lx.kind) {
        case Tok.EOF: this.finish(); return;
        case Tok.HashIdent: case Tok.BangIdent: this.parseAliasDef(); break;
        case Tok.FileMetadataBegin: this.parseFileMetadata(); break;
        default: into.append(this.parseOperation());
      }
    }
  }

  private finish(): void {
    this.failUndeclared([...this.undeclared, ...this.scopes[0].forwardRefs.values()]);
    for (const d of this.aliases.deferredLocs) {
      const a = this.aliases.attrs.get(d.name);
      if (a === undefined) this.failWith(DiagMessages.UndefinedAlias, this.locAt(d.offset), d.name);
      if (a.kind < AttrKind.UnknownLoc) this.fail(`expected location, but found '${String(a)}'`, this.locAt(d.offset));
      d.apply(a as Location);
    }
  }

  private parseAliasDef(): void {
    const isType = this.is(Tok.BangIdent);
    const name = this.lex.spelling().slice(1);
    const at = this.here();
    if (name.includes(".")) this.fail("expected 'attribute alias' or 'type alias' definition, dialect names are reserved");
    this.consume();
    this.expect(Tok.Equal, isType ? "'=' in type alias definition" : "'=' in attribute alias definition");
    if (isType) {
      if (this.aliases.types.has(name)) this.failWith(DiagMessages.RedefinedAlias, at, "type", name);
      this.aliases.types.set(name, this.parseType());
    } else {
      if (this.aliases.attrs.has(name)) this.failWith(DiagMessages.RedefinedAlias, at, "attribute", name);
      this.aliases.attrs.set(name, this.parseAttribute());
    }
  }

  /// `{-# key: {...}, ... #-}` (MLIR's parseFileMetadataDictionary): builtin resource blobs fill the
  /// `dense_resource` handles; `external_resources` are kept to be printed back.
  private parseFileMetadata(): void {
    this.consume();
    if (this.consumeIf(Tok.FileMetadataEnd)) return;
    do {
      const keyLoc = this.here();
      if (!this.is(Tok.BareIdent)) this.failWith(DiagMessages.MetadataKey, this.here());
      const key = this.lex.spelling();
      this.consume();
      this.expect(Tok.Colon, "':'");
      if (key === "dialect_resources") this.parseResourceSection(true);
      else if (key === "external_resources") this.parseResourceSection(false);
      else this.failWith(DiagMessages.MetadataUnknownKey, keyLoc, key);
    } while (this.consumeIf(Tok.Comma));
    this.expect(Tok.FileMetadataEnd, "',' or '#-}'");
  }

  private parseResourceSection(dialect: boolean): void {
    this.expect(Tok.LBrace, "'{'");
    if (this.consumeIf(Tok.RBrace)) return;
    do {
      const nameLoc = this.here();
      if (!this.is(Tok.BareIdent)) this.failWith(DiagMessages.ExpectedResourceKey, this.here());
      const name = this.lex.spelling();
      this.consume();
      this.expect(Tok.Colon, "':'");
      this.expect(Tok.LBrace, "'{'");
      let group: ExternalResourceGroup | null = null;
      if (dialect) {
        if (name !== "builtin") {
          if (!registry.hasDialect(name)) this.failWith(DiagMessages.UnknownDialectName, nameLoc, name);
          this.failWith(DiagMessages.UnexpectedResourceSection, this.here(), name);
        }
      } else {
        group = { name, entries: [] };
        this.externalResources.push(group);
      }
      if (this.consumeIf(Tok.RBrace)) continue;
      do {
        let key: string;
        if (dialect) key = parseResourceKey(this);
        else if (this.is(Tok.BareIdent)) { key = this.lex.spelling(); this.consume(); }
        else if (this.is(Tok.String)) { key = this.lex.stringValue(); this.consume(); }
        else return this.failWith(DiagMessages.ExpectedExternalResourceKey, this.here());
        this.expect(Tok.Colon, "':'");
        const lx = this.lex;
        const valueLoc = this.here();
        const spelling = lx.spelling();
        // A dialect's resources are blobs (MLIR's parseAsBlob): any other value is refused as one.
        if (dialect && !(lx.kind === Tok.String && spelling.startsWith('"0x'))) this.failWith(DiagMessages.ResourceHexBlob, valueLoc, key);
        let value: ResourceValue;
        if (this.isKeyword("true") || this.isKeyword("false")) value = { kind: "bool", value: spelling === "true" };
        else if (lx.kind === Tok.String && spelling.startsWith('"0x')) value = { kind: "blob", blob: this.resourceBlob(key, valueLoc) };
        else if (lx.kind === Tok.String) value = { kind: "string", value: lx.stringValue() };
        else return this.failWith(DiagMessages.ResourceStringValue, valueLoc, key);
        if (!dialect) group!.entries.push({ key, value });
        else if (value.kind === "blob") {
          let h = this.aliases.resourceHandles.get(key);
          if (h === undefined) { h = new DenseResourceHandle(key); this.aliases.resourceHandles.set(key, h); }
          h.blob = value.blob;
        }
        this.consume();
      } while (this.consumeIf(Tok.Comma));
      this.expect(Tok.RBrace, "',' or '}'");
    } while (this.consumeIf(Tok.Comma));
    this.expect(Tok.RBrace, "',' or '}'");
  }

  /// The blob of a `"0x..."` resource value: 4 bytes of alignment (a power of 2), then the data.
  private resourceBlob(key: string, loc: DiagLocation): ResourceBlob {
    const body = this.lex.spelling().slice(1, -1);
    if (!/^0x([0-9a-fA-F]{2})*$/.test(body)) this.failWith(DiagMessages.ResourceHexBlob, loc, key);
    const bytes = new Uint8Array((body.length - 2) / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(body.slice(2 + 2 * i, 4 + 2 * i), 16);
    if (bytes.length < 4) this.failWith(DiagMessages.ResourceAlignment, loc, key);
    const alignment = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
    if (alignment !== 0 && (alignment & (alignment - 1)) !== 0) this.failWith(DiagMessages.ResourceAlignmentPow2, loc, key, alignment);
    return { alignment, data: bytes.slice(4) };
  }

  // ---- SSA values ----

  private get scope(): IsolatedScope { return this.scopes[this.scopes.length - 1]; }

  private pushRegionScope(isolated: boolean): void {
    if (isolated) this.scopes.push(new IsolatedScope());
    else this.scope.defined.push(new Map());
    this.blockScopes.push(new Map());
  }

  private popRegionScope(isolated: boolean): void {
    const blocks = this.blockScopes.pop()!;
    for (const e of blocks.values()) if (!e.defined) this.failWith(DiagMessages.UndefinedBlock, this.locAt(e.offset));
    if (isolated) this.undeclared.push(...this.scopes.pop()!.forwardRefs.values());
    else this.scope.defined.pop();
  }

  /// Fails, at the end of the input as MLIR's finalize, with an error for each forward reference never defined, in
  /// source order.
  private failUndeclared(refs: readonly PlaceholderValue[]): void {
    if (refs.length === 0) return;
    const errors = refs.map((ph) => ph.offset).sort((a, b) => a - b).map((at) => makeDiag(DiagMessages.UndeclaredSSA, this.locAt(at)));
    throw new DiagnosticError(errors[0], errors.slice(1));
  }

  /// MLIR's addDefinition for each of `values` (`name#0`, `name#1`, ...): a forward reference to one is replaced by
  /// it; forward references to higher result numbers stay (and are undeclared if the scope ends so).
  private defineValues(name: string, values: Value[], offset: number): void {
    const s = this.scope;
    const prior = s.lookup(name);
    let entryValues = values;
    if (prior !== undefined) {
      for (let i = 0; i < values.length; i++) {
        const ph = prior.values[i];
        if (ph === undefined) continue;
        const at = this.locAt(referenceOffset(prior, i));
        if (ph.valueKind !== ValueKind.Placeholder) this.failWithNote(DiagMessages.RedefinedSSA, this.locAt(offset), [name], DiagMessages.PreviouslyDefined, at);
        if (values[i].type !== ph.type) {
          this.failWithNote(DiagMessages.DefinitionType, this.locAt(offset), [name, i, values[i].type], DiagMessages.PreviouslyUsedWithType, at, ph.type);
        }
        ph.replaceAllUsesWith(values[i]);
        s.forwardRefs.delete(i === 0 ? name : `${name}#${i}`);
      }
      if (prior.values.length > values.length) entryValues = [...values, ...prior.values.slice(values.length)];
      s.pending.delete(name);
    }
    s.defined[s.defined.length - 1].set(name, { values: entryValues, offset });
    const bare = name.slice(1);
    if (values.length === 1) values[0].sourceName = bare;
    else for (let i = 0; i < values.length; i++) values[i].sourceName = `${bare}#${i}`;
  }

  /// Resolves a use of `%name#number` with the expected type (creating a forward reference if needed).
  resolveOperand(u: UnresolvedOperand, type: Type): Value {
    const s = this.scope;
    const e = s.lookup(u.name);
    const ref = u.number === 0 ? u.name : `${u.name}#${u.number}`;
    if (e !== undefined) {
      const v = e.values[u.number];
      if (v !== undefined) {
        if (v.type !== type) {
          this.failWithNote(DiagMessages.TypeMismatchUse, this.locAt(u.offset), [u.name, type, v.type], DiagMessages.PriorUseHere, this.locAt(referenceOffset(e, u.number)));
        }
        return v;
      }
      const first = e.values[0];
      if (first !== undefined && first.valueKind !== ValueKind.Placeholder) this.failWith(DiagMessages.InvalidResultNumber, this.locAt(u.offset));
    }
    const ph = new PlaceholderValue(type, ref, u.offset);
    if (e !== undefined) e.values[u.number] = ph;
    else {
      const vals: Value[] = [];
      vals[u.number] = ph;
      s.pending.set(u.name, { values: vals, offset: u.offset });
    }
    s.forwardRefs.set(ref, ph);
    return ph;
  }

  resolveOperands(us: readonly UnresolvedOperand[], types: readonly Type[] | Type, offset = this.lex.start): Value[] {
    if (Array.isArray(types)) {
      if (types.length !== us.length) this.error(`${us.length} operands present, but expected ${types.length}`, offset);
      return us.map((u, i) => this.resolveOperand(u, (types as Type[])[i]));
    }
    return us.map((u) => this.resolveOperand(u, types as Type));
  }

  // ---- operations ----

  /// Parses one operation (with its results and trailing location).
  parseOperation(): Operation {
    const lx = this.lex;
    const resultNames: { name: string; count: number; offset: number }[] = [];
    if (lx.kind === Tok.PercentIdent) {
      do {
        if (!this.is(Tok.PercentIdent)) this.fail("expected valid ssa identifier");
        const name = lx.spelling();
        const offset = lx.start;
        this.consume();
        let count = 1;
        if (this.consumeIf(Tok.Colon)) {
          if (!this.is(Tok.Integer)) this.failWrongToken("expected integer number of results");
          count = Number(lx.spelling());
          if (count < 1) this.fail("expected named operation to have at least 1 result");
          this.consume();
        }
        resultNames.push({ name, count, offset });
      } while (this.consumeIf(Tok.Comma));
      this.expect(Tok.Equal, "'=' after SSA name");
    }
    let op: Operation;
    if (lx.kind === Tok.String) op = this.parseGenericOperation();
    // An integer type's spelling (`i32`, `si8`) is a token of its own in MLIR's lexer, never an op name.
    else if (lx.kind === Tok.BareIdent && this.integerTypePrefix() === 0) op = this.parseCustomOperation();
    else return this.failWrongTokenWith(DiagMessages.ExpectedOpName);
    this.parseTrailingLocation(op);
    if (resultNames.length) {
      const declared = resultNames.reduce((a, r) => a + r.count, 0);
      const at = this.locAt(resultNames[0].offset);
      if (op.results.length === 0) this.failWith(DiagMessages.NamedNoResults, at);
      if (declared !== op.results.length) this.failWith(DiagMessages.ResultCountMismatch, at, op.results.length, declared);
      let i = 0;
      for (const r of resultNames) {
        this.defineValues(r.name, op.results.slice(i, i + r.count), r.offset);
        i += r.count;
      }
    }
    return op;
  }

  private parseTrailingLocation(op: Operation): void {
    if (!this.isKeyword("loc")) return;
    op.loc = this.parseLocation((l) => { op.loc = l; });
  }

  /// `loc(...)` after an argument, if present.
  parseOptionalLocationSpecifier(): Location | null {
    if (!this.isKeyword("loc")) return null;
    return this.parseLocation();
  }

  private parseGenericOperation(): Operation {
    const start = this.lex.start;
    const name = this.lex.stringValue();
    this.consume();
    const def = registry.lookupOp(name);
    if (def === null) this.checkUnregistered(name, this.lex.start);
    const state = new OperationState(name, def, this.sourcePosition(start), start);
    const uses: UnresolvedOperand[] = [];
    // MLIR's parseOptionalSSAUseList between its own messages for the parentheses.
    this.expect(Tok.LParen, "'(' to start operand list");
    if (this.is(Tok.PercentIdent)) do uses.push(this.parseOperand()); while (this.consumeIf(Tok.Comma));
    this.expect(Tok.RParen, "')' to end operand list");
    if (this.is(Tok.LSquare)) this.commaList(Tok.LSquare, Tok.RSquare, () => state.successors.push(this.parseSuccessor()));
    let props: Attribute | null = null;
    if (this.consumeIf(Tok.Less)) {
      props = this.parseAttribute();
      // An unregistered op's properties can only be a dictionary here (MLIR keeps any attribute).
      if (def === null && props.kind !== AttrKind.Dictionary && this.is(Tok.Greater)) this.fail("expected dictionary of properties");
      this.expect(Tok.Greater, "'>' to close properties");
    }
    if (this.consumeIf(Tok.LParen)) {
      // As MLIR: only a custom-form op sets the default dialect of its regions; a generic op keeps the enclosing one.
      do {
        const r = state.addRegion(new Region());
        this.parseRegionBody(r, [], false);
      } while (this.consumeIf(Tok.Comma));
      this.expect(Tok.RParen);
    }
    if (this.is(Tok.LBrace)) this.parseOptionalAttrDict(state.attrs);
    this.expect(Tok.Colon, "':' followed by operation type");
    const tAt = this.lex.start;
    const ft = this.parseType();
    if (ft.kind !== TypeKind.Function) this.fail("expected function type", this.locAt(tAt));
    const fnt = ft as FunctionType;
    if (fnt.inputs.length !== uses.length) this.failWith(DiagMessages.OperandCountMismatch, this.locAt(tAt), uses.length, uses.length === 1 ? "" : "s", fnt.inputs.length);
    state.operands.push(...uses.map((u, i) => this.resolveOperand(u, fnt.inputs[i])));
    state.resultTypes.push(...fnt.results);
    if (props !== null) this.setProperties(state, props);
    else if (def !== null && state.attrList !== null && state.attrList.size !== 0) {
      const failed = failedInherentAttr(def, state.attrList);
      if (failed !== null) this.failWith(DiagMessages.InherentAttrConstraint, this.locAt(state.offset), def.name, failed.name, failed.constraint.desc);
    }
    return this.createOperation(state);
  }

  /// MLIR's setPropertiesFromAttribute for the `<{...}>` of a generic op: a registered op refuses a property of the
  /// wrong attribute class (the rest of its constraint is the verifier's), keeps the entries that are its properties
  /// (over the same inherent attributes given in its attribute dictionary) and drops the others; one without
  /// properties refuses them all. An unregistered op keeps them.
  private setProperties(state: OperationState, attr: Attribute): void {
    const def = state.def;
    if (def === null) {
      for (const e of (attr as DictionaryAttr).entries) state.props.set(e.name, e.value);
      return;
    }
    if (!hasProperties(def)) this.failWith(DiagMessages.PropertiesUnsupported, this.locAt(state.offset), attr, def.name);
    if (attr.kind !== AttrKind.Dictionary) this.failWith(DiagMessages.PropertiesNotDictionary, this.locAt(state.offset), attr, def.name);
    const props = attr as DictionaryAttr;
    for (const p of def.props) {
      const a = props.get(p.name);
      if (a !== null && !hasStorageClass(p.constraint, a)) this.failWith(DiagMessages.PropertyConversion, this.locAt(state.offset), props, def.name, p.name, a);
    }
    if (hasTrait(def, Trait.AttrSizedOperandSegments)) this.checkSegmentSizes(state, props, "operandSegmentSizes", def.operands.length);
    if (hasTrait(def, Trait.AttrSizedResultSegments)) this.checkSegmentSizes(state, props, "resultSegmentSizes", def.results.length);
    for (const e of props.entries) {
      if (!isInherent(def, e.name)) continue;
      state.props.set(e.name, e.value);
      state.attrList?.delete(e.name);
    }
  }

  /// The conversion of a segment sizes property: an i32 dense array with one size per operand (result) group.
  private checkSegmentSizes(state: OperationState, props: DictionaryAttr, name: string, groups: number): void {
    const a = props.get(name);
    if (a === null) return;
    if (a.kind !== AttrKind.DenseArray || (a as DenseArrayAttr).elementType !== Builtin.i32) {
      this.failWith(DiagMessages.SegmentSizesKind, this.locAt(state.offset), props, state.name);
    }
    const n = (a as DenseArrayAttr).values.length;
    if (n !== groups) this.failWith(DiagMessages.SegmentSizesCount, this.locAt(state.offset), props, state.name, n, groups);
  }

  /// Refuses an op without a record unless unregistered dialects are allowed; an op of a registered dialect is left
  /// to the verifier (which refuses it unless the dialect allows unknown ops), as MLIR does.
  private checkUnregistered(name: string, offset: number): void {
    const dot = name.indexOf(".");
    if (this.config.allowUnregistered || registry.hasDialect(dot < 0 ? "" : name.slice(0, dot))) return;
    this.failWith(DiagMessages.UnregisteredDialectOp, this.locAt(offset));
  }

  private parseCustomOperation(): Operation {
    const start = this.lex.start;
    const spelled = this.lex.spelling();
    // MLIR's parseCustomOperationName: a name with nothing after its first dot takes the default dialect's prefix
    // (the empty one inside ops that set none).
    let def = registry.lookupOp(spelled);
    let name = spelled;
    if (def === null) {
      const dot = spelled.indexOf(".");
      if (dot < 0 || dot === spelled.length - 1) name = `${this.defaultDialects[this.defaultDialects.length - 1]}.${spelled}`;
      if (name !== spelled) def = registry.lookupOp(name);
    }
    this.consume(); // lexing the next token first, as MLIR: a lexer error there is reported before an unknown op
    if (def === null) {
      const tried = name !== spelled ? ` (tried '${name}' as well)` : "";
      const dialect = name.slice(0, name.indexOf("."));
      if (!registry.hasDialect(dialect)) {
        this.failWithNote(DiagMessages.DialectNotFoundCustomOp, this.locAt(start), [dialect, spelled, tried], DiagMessages.RegisteredDialects, this.locAt(start), registry.dialectNames().join(", "));
      }
      this.failWith(DiagMessages.UnknownOpCustom, this.locAt(start), spelled, tried);
    }
    const state = new OperationState(def.name, def, this.sourcePosition(start), start);
    this.defaultDialects.push(def.defaultDialect);
    const outerCustomOp = this.customOpName;
    this.customOpName = def.name;
    if (def.syntax !== null) def.syntax.parse(this, state);
    else if (def.format !== null) parseWithFormat(this, state, def.format);
    else this.fail(`custom op '${def.name}' has no custom assembly form`, this.locAt(start));
    this.customOpName = outerCustomOp;
    this.defaultDialects.pop();
    return this.createOperation(state);
  }

  /// Builds the operation of `state`; inherent attributes given as discardable ones become properties.
  createOperation(state: OperationState): Operation {
    const def = state.def;
    let props = state.propList?.namedAttributes() ?? noNamedAttrs;
    let attrs = state.attrList?.namedAttributes() ?? noNamedAttrs;
    if (def !== null && attrs.length !== 0 && attrs.some((e) => isInherent(def, e.name))) {
      props = [...props, ...attrs.filter((e) => isInherent(def, e.name))];
      attrs = attrs.filter((e) => !isInherent(def, e.name));
    }
    return new Operation({
      name: state.name, def, operands: state.operandList ?? undefined, resultTypes: state.resultTypeList ?? undefined,
      props: getDictionaryAttr(sortedByName(props)), attrs: getDictionaryAttr(sortedByName(attrs)), regions: state.regionList ?? undefined,
      successors: state.successorList ?? undefined, loc: state.loc,
    });
  }

  // ---- regions and blocks ----

  parseRegion(region: Region, args: readonly ParsedArgument[] = [], enableShadowing = false): void {
    this.parseRegionBody(region, args, enableShadowing);
  }

  parseOptionalRegion(region: Region, args: readonly ParsedArgument[] = []): boolean {
    if (!this.is(Tok.LBrace)) return false;
    this.parseRegion(region, args);
    return true;
  }

  private parseRegionBody(region: Region, args: readonly ParsedArgument[], isolated: boolean): void {
    const lbrace = this.lex.start;
    if (this.blockScopes.length >= maxRegionDepth) this.failWith(DiagMessages.RegionsTooDeep, this.locAt(lbrace), maxRegionDepth);
    this.expect(Tok.LBrace, "'{' to begin a region");
    this.pushRegionScope(isolated);
    if (this.is(Tok.RBrace)) {
      if (args.length) {
        const b = region.appendBlock();
        this.defineArgs(b, args);
      }
      this.consume();
      this.popRegionScope(isolated);
      return;
    }
    let first = true;
    while (!this.is(Tok.RBrace)) {
      if (first) {
        first = false;
        if (this.is(Tok.CaretIdent)) {
          if (args.length) this.fail("invalid block name in region with named arguments");
          this.parseBlock(region);
        } else {
          const b = region.appendBlock();
          this.defineArgs(b, args);
          this.parseBlockBody(b);
        }
      } else this.parseBlock(region);
    }
    this.consume();
    this.popRegionScope(isolated);
  }

  /// Defines the entry arguments a custom parser gave a region; as MLIR's parseRegion, a name already defined or
  /// used in the scope is refused.
  private defineArgs(b: Block, args: readonly ParsedArgument[]): void {
    for (const a of args) {
      const e = this.scope.lookup(a.name);
      if (e !== undefined && e.values[0] !== undefined) {
        this.failWithNote(DiagMessages.RegionArgInUse, this.locAt(a.offset), [a.name], DiagMessages.PreviouslyReferenced, this.locAt(referenceOffset(e, 0)));
      }
      const arg = b.addArgument(a.type ?? Builtin.none, a.loc ?? this.sourcePosition(a.offset));
      this.defineValues(a.name, [arg], a.offset);
    }
  }

  private blockEntry(name: string, offset: number): BlockEntry {
    const scope = this.blockScopes[this.blockScopes.length - 1];
    // A successor outside any region (at the top level) can name no block.
    if (scope === undefined) this.failWith(DiagMessages.UndefinedBlock, this.locAt(offset));
    let e = scope.get(name);
    if (e === undefined) {
      e = { block: new Block(), defined: false, offset };
      scope.set(name, e);
    }
    return e;
  }

  private parseBlock(region: Region): void {
    if (!this.is(Tok.CaretIdent)) this.failWrongToken("expected block name");
    const name = this.lex.spelling();
    const offset = this.lex.start;
    this.consume();
    const e = this.blockEntry(name, offset);
    if (e.defined) this.failWith(DiagMessages.RedefinedBlock, this.locAt(offset), name);
    e.defined = true;
    region.appendBlock(e.block);
    if (this.is(Tok.LParen)) {
      this.commaList(Tok.LParen, Tok.RParen, () => {
        // MLIR's parseSSADefOrUseAndType, then a location.
        const a = this.parseArgumentName() ?? this.failWrongTokenWith(DiagMessages.ExpectedSSAOperand);
        this.expect(Tok.Colon, "':' and type for SSA operand");
        const type = this.parseType();
        const loc = this.parseOptionalLocationSpecifier();
        const arg = e!.block.addArgument(type, loc ?? this.sourcePosition(a.offset));
        this.defineValues(a.name, [arg], a.offset);
      });
    }
    this.expect(Tok.Colon, "':' after block name");
    this.parseBlockBody(e.block);
  }

  private parseBlockBody(b: Block): void {
    while (!this.is(Tok.CaretIdent) && !this.is(Tok.RBrace)) b.append(this.parseOperation());
  }

  parseSuccessor(): Block {
    if (!this.is(Tok.CaretIdent)) this.failWrongToken("expected block name");
    const e = this.blockEntry(this.lex.spelling(), this.lex.start);
    this.consume();
    return e.block;
  }

  parseOptionalSuccessor(): Block | null {
    return this.is(Tok.CaretIdent) ? this.parseSuccessor() : null;
  }

  /// Appends `terminator` (with its record's fixed regions, empty) to each block of `region` that lacks one.
  ensureTerminator(region: Region, terminator: string, loc: LocationRef): void {
    const def = registry.lookupOp(terminator);
    if (region.empty) region.appendBlock();
    for (let b = region.firstBlock; b !== null; b = b.next) {
      const last = b.lastOp;
      if (last !== null && last.def !== null && hasTrait(last.def, Trait.Terminator)) continue;
      b.append(new Operation({ name: terminator, def, regions: def?.fixedCounts.regions ?? 0, loc }));
    }
  }

  // ---- OpParser ----

  currentOffset(): number { return this.lex.start; }
  error(message: string, offset = this.lex.start): never {
    const prefixed = this.customOpName === null || this.symbolDepth > 0 || message.startsWith("custom op '");
    return this.fail(prefixed ? message : `custom op '${this.customOpName}' ${message}`, this.locAt(offset));
  }
  parserError(message: string, offset = this.lex.start): never { return this.fail(message, this.locAt(offset)); }
  locationOf(offset: number): Location { return resolveLocation(this.sourcePosition(offset)); }

  private punctTok(p: string): Tok {
    const t = punct[p];
    if (t === undefined) throw new DiagnosticError(this.diagFor(`internal: unknown punctuation '${p}'`));
    return t;
  }
  private diagFor(msg: string) { try { this.fail(msg); } catch (e) { return (e as DiagnosticError).diagnostic; } }
  parsePunct(p: string): void { this.expect(this.punctTok(p), `'${p}'`); }
  parsePunctIn(p: string, context: string): void { this.expect(this.punctTok(p), `'${p}'${context}`); }
  parseOrError<T>(parse: () => T, message: string, offset = this.lex.start): T {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      try { this.error(message, offset); } catch (after) { throw new DiagnosticError(e.diagnostic, [...e.diagnostics.slice(1), ...(after as DiagnosticError).diagnostics]); }
    }
  }
  parseOptionalPunct(p: string): boolean { return this.consumeIf(this.punctTok(p)); }
  atPunct(p: string): boolean { return this.is(this.punctTok(p)); }
  parseKeyword(kw: string): void { if (!this.consumeKeyword(kw)) this.error(`expected '${kw}'`); }
  parseOptionalKeyword(kw: string): boolean { return this.consumeKeyword(kw); }
  atKeyword(kw: string): boolean { return this.isKeyword(kw); }
  parseOptionalKeywordAny(): string | null {
    if (!this.is(Tok.BareIdent)) return null;
    const s = this.lex.spelling();
    this.consume();
    return s;
  }
  parseOptionalInteger(): number | null {
    const at = this.lex.start;
    const v = this.parseOptionalIntegerBig();
    return v === null ? null : this.exactNumber(v, at);
  }
  /// As the OpAsmParser's parseInteger: inside a custom op, its error names the op.
  override parseInteger(what?: string): number {
    if (what !== undefined) return super.parseInteger(what);
    const at = this.lex.start;
    const v = this.parseOptionalIntegerBig();
    if (v === null) this.error("expected integer value");
    return this.exactNumber(v, at);
  }
  parseString(): string {
    const s = this.parseOptionalString();
    if (s === null) this.fail("expected string");
    return s;
  }
  parseOptionalString(): string | null {
    if (!this.is(Tok.String)) return null;
    const v = this.lex.stringValue();
    this.consume();
    return v;
  }
  parseSymbolName(): string {
    const s = this.parseOptionalSymbolName();
    if (s === null) this.error(DiagMessages.BadSymbolName.text); // an OpAsmParser error: `custom op '...'` first
    return s;
  }
  parseOptionalSymbolName(): string | null {
    if (!this.is(Tok.AtIdent)) return null;
    const v = this.lex.stringValueOrBare();
    this.consume();
    return v;
  }

  atOperand(): boolean { return this.is(Tok.PercentIdent); }
  atSuccessor(): boolean { return this.is(Tok.CaretIdent); }
  atSymbol(): boolean { return this.is(Tok.AtIdent); }
  atString(): boolean { return this.is(Tok.String); }
  parseOperand(): UnresolvedOperand {
    const u = this.parseOptionalOperand();
    if (u === null) this.failWrongTokenWith(DiagMessages.ExpectedSSAOperand);
    return u;
  }
  parseOptionalOperand(): UnresolvedOperand | null {
    const lx = this.lex;
    if (lx.kind !== Tok.PercentIdent) return null;
    const offset = lx.start;
    const name = lx.spelling();
    let number = 0;
    this.consume();
    // A `#N` token after the name (spaces allowed, as in MLIR's parseSSAUse) is the result number.
    if (this.is(Tok.HashIdent)) {
      const text = this.lex.spelling();
      if (!/^#[0-9]+$/.test(text) || Number(text.slice(1)) > 0xffffffff) this.failWith(DiagMessages.InvalidSSAResultNumber, this.here());
      number = Number(text.slice(1));
      this.consume();
    }
    return { name, number, offset };
  }
  parseOperandList(delimiter: "none" | "paren" | "square" | "optional-paren" | "optional-square" = "none"): UnresolvedOperand[] {
    const out: UnresolvedOperand[] = [];
    const open = delimiter === "paren" || delimiter === "optional-paren" ? Tok.LParen : delimiter === "square" || delimiter === "optional-square" ? Tok.LSquare : null;
    if (open === null) {
      const first = this.parseOptionalOperand();
      if (first === null) return out;
      out.push(first);
      while (this.consumeIf(Tok.Comma)) out.push(this.parseOperand());
      return out;
    }
    if (delimiter.startsWith("optional") && !this.is(open)) return out;
    const close = open === Tok.LParen ? Tok.RParen : Tok.RSquare;
    this.commaList(open, close, () => out.push(this.parseOperand()), `${tokNames[close]} in operand list`, `${tokNames[open]} in operand list`);
    return out;
  }
  parseAssignmentList(args: ParsedArgument[], operands: UnresolvedOperand[]): void {
    if (!this.parseOptionalAssignmentList(args, operands)) this.error("expected '('");
  }
  parseOptionalAssignmentList(args: ParsedArgument[], operands: UnresolvedOperand[]): boolean {
    if (!this.consumeIf(Tok.LParen)) return false;
    if (this.consumeIf(Tok.RParen)) return true;
    do {
      args.push(this.parseArgument(false));
      this.expect(Tok.Equal, "'='");
      operands.push(this.parseOperand());
    } while (this.consumeIf(Tok.Comma));
    this.expect(Tok.RParen, "',' or ')'");
    return true;
  }

  parseColonType(): Type {
    this.expect(Tok.Colon);
    return this.parseType();
  }
  parseColonTypeList(): Type[] {
    this.expect(Tok.Colon);
    return this.parseTypeList();
  }
  parseTypeList(): Type[] {
    const out = [this.parseType()];
    while (this.consumeIf(Tok.Comma)) out.push(this.parseType());
    return out;
  }
  parseOptionalArrowTypeList(): Type[] {
    if (!this.consumeIf(Tok.Arrow)) return [];
    return this.parseFunctionResultTypes();
  }
  parseOptionalAttrDict(into: AttributeSink): void {
    if (!this.is(Tok.LBrace)) return;
    const d = this.parseDictionary() as unknown as { entries: readonly NamedAttribute[] };
    for (const e of d.entries) into.set(e.name, e.value);
  }
  parseOptionalAttrDictWithKeyword(into: AttributeSink): void {
    if (this.consumeKeyword("attributes")) {
      if (!this.is(Tok.LBrace)) this.failWrongToken("expected '{' in attribute dictionary");
      this.parseOptionalAttrDict(into);
    }
  }

  parseArgument(withType: boolean, withAttrs = false): ParsedArgument {
    const a = this.parseOptionalArgument(withType, withAttrs);
    if (a === null) this.failWrongTokenWith(DiagMessages.ExpectedSSAOperand);
    return a;
  }
  parseOptionalArgument(withType: boolean, withAttrs = false): ParsedArgument | null {
    const n = this.parseArgumentName();
    if (n === null) return null;
    const arg: ParsedArgument = { name: n.name, offset: n.offset, type: null, attrs: null, loc: null };
    if (withType) {
      this.expect(Tok.Colon, "':'");
      arg.type = this.parseType();
      if (withAttrs && this.is(Tok.LBrace)) arg.attrs = this.parseDictionary();
    }
    arg.loc = this.parseOptionalLocationSpecifier();
    return arg;
  }
  /// The `%name` of an argument (no result number), or null if none is here.
  private parseArgumentName(): { name: string; offset: number } | null {
    if (!this.is(Tok.PercentIdent)) return null;
    const name = this.lex.spelling();
    const offset = this.lex.start;
    this.consume();
    if (this.is(Tok.HashIdent)) this.failWith(DiagMessages.ResultNumberInArgumentList, this.here());
    return { name, offset };
  }
  parseArgumentList(delimiter: "paren" | "square" | "none", withType: boolean, withAttrs = false): ParsedArgument[] {
    const out: ParsedArgument[] = [];
    if (delimiter === "none") {
      const a = this.parseOptionalArgument(withType, withAttrs);
      if (a === null) return out;
      out.push(a);
      while (this.consumeIf(Tok.Comma)) out.push(this.parseArgument(withType, withAttrs));
      return out;
    }
    const [o, c] = delimiter === "paren" ? [Tok.LParen, Tok.RParen] : [Tok.LSquare, Tok.RSquare];
    this.commaList(o, c, () => out.push(this.parseArgument(withType, withAttrs)));
    return out;
  }

  parseAffineMapOfSSAIds(operands: UnresolvedOperand[], delimiter: "square" | "paren" | "optional-square"): AffineMap | null {
    const open = delimiter === "paren" ? Tok.LParen : Tok.LSquare;
    const close = delimiter === "paren" ? Tok.RParen : Tok.RSquare;
    if (delimiter === "optional-square" && !this.is(open)) return null;
    const dims: UnresolvedOperand[] = [];
    const syms: UnresolvedOperand[] = [];
    const operand = this.ssaIdOperandParser(dims, syms);
    const exprs: AffineExpr[] = [];
    this.commaList(open, close, () => exprs.push(this.parseAffineExpr([], [], operand)), `${tokNames[close]} in affine map`, `${tokNames[open]} in affine map`);
    operands.push(...dims, ...syms);
    return getAffineMap(dims.length, syms.length, exprs);
  }

  parseAffineMap(): AffineMap { return this.parseAffineMapBody(); }

  parseAffineExprOfSSAIds(dims: UnresolvedOperand[], syms: UnresolvedOperand[]): AffineExpr {
    return this.parseAffineExpr([], [], this.ssaIdOperandParser(dims, syms));
  }

  /// Parses `%x` (a dim) or `symbol(%x)` (a symbol) inside an affine expression of SSA ids. As MLIR's AffineParser,
  /// an SSA id seen before, as a dim or as a symbol, maps to the same expression; new ones are appended.
  private ssaIdOperandParser(dims: UnresolvedOperand[], syms: UnresolvedOperand[]): () => AffineExpr | null {
    const seen = (u: UnresolvedOperand): AffineExpr | null => {
      const d = dims.findIndex((x) => x.name === u.name && x.number === u.number);
      if (d >= 0) return getAffineDimExpr(d);
      const s = syms.findIndex((x) => x.name === u.name && x.number === u.number);
      return s >= 0 ? getAffineSymbolExpr(s) : null;
    };
    return () => {
      if (this.consumeKeyword("symbol")) {
        this.expect(Tok.LParen);
        const u = this.parseOperand();
        this.expect(Tok.RParen);
        const e = seen(u);
        if (e !== null) return e;
        syms.push(u);
        return getAffineSymbolExpr(syms.length - 1);
      }
      const u = this.parseOptionalOperand();
      if (u === null) return null;
      const e = seen(u);
      if (e !== null) return e;
      dims.push(u);
      return getAffineDimExpr(dims.length - 1);
    };
  }

  parseDimAndSymbolOperands(numDims: number, numSymbols: number): UnresolvedOperand[] {
    const at = this.lex.start;
    const dims = this.parseOperandList("paren");
    const syms = this.parseOperandList("optional-square");
    if (dims.length !== numDims) this.fail("dim operand count and affine map dim count must match", this.locAt(at));
    if (syms.length !== numSymbols) this.fail("symbol operand count and affine map symbol count must match", this.locAt(at));
    return [...dims, ...syms];
  }
}

const noNamedAttrs: readonly NamedAttribute[] = [];

/// Whether `name` is an inherent attribute (a property) of ops of `def`.
function isInherent(def: OpDef, name: string): boolean {
  return def.props.some((p) => p.name === name) || (name === "operandSegmentSizes" && hasTrait(def, Trait.AttrSizedOperandSegments)) ||
    (name === "resultSegmentSizes" && hasTrait(def, Trait.AttrSizedResultSegments));
}

/// Whether ops of `def` have properties at all (ODS gives ops without inherent attributes none).
function hasProperties(def: OpDef): boolean {
  return def.props.length !== 0 || hasTrait(def, Trait.AttrSizedOperandSegments) || hasTrait(def, Trait.AttrSizedResultSegments);
}

/// `es` sorted by name (names are unique): itself when already sorted, else a sorted copy (an insertion sort:
/// ops have few attributes).
function sortedByName(es: readonly NamedAttribute[]): readonly NamedAttribute[] {
  let i = 1;
  while (i < es.length && es[i - 1].name < es[i].name) i++;
  if (i >= es.length) return es;
  const out = es.slice();
  for (; i < out.length; i++) {
    const e = out[i];
    let j = i;
    while (j > 0 && out[j - 1].name > e.name) { out[j] = out[j - 1]; j--; }
    out[j] = e;
  }
  return out;
}

/// Options of `parseSource`.
export interface ParseOptions {
  readonly allowUnregistered?: boolean;
  /// Keep a single top-level op as is instead of wrapping everything in a `builtin.module`.
  readonly noImplicitModule?: boolean;
}

/// Parses `buffer` into a top-level operation (a `builtin.module` unless `noImplicitModule`).
/// Throws DiagnosticError on the first syntax error.
export function parseSource(buffer: SourceBuffer, options: ParseOptions = {}): Operation {
  const p = new Parser(buffer, { allowUnregistered: options.allowUnregistered ?? false });
  const top = new Block();
  try {
    p.parseTopLevel(top);
  } catch (e) {
    // A type, attribute or expression nested deeper than the stack allows (regions are limited to maxRegionDepth).
    if (e instanceof RangeError) p.failWith(DiagMessages.NestedTooDeeply, p.here());
    throw e;
  }
  const only = top.firstOp !== null && top.firstOp === top.lastOp ? top.firstOp : null;
  if (only !== null && (only.name === "builtin.module" || options.noImplicitModule)) {
    only.remove();
    setExternalResources(only, p.externalResources);
    return only;
  }
  if (options.noImplicitModule) p.failWith(DiagMessages.NotSingleTopLevelOp, fileLoc(buffer.name, 0, 0), [...top.ops()].length);
  const moduleDef = registry.lookupOp("builtin.module");
  const mod = new Operation({ name: "builtin.module", def: moduleDef, regions: 1, loc: getFileLineColLoc(buffer.name, 0, 0) });
  const body = mod.regions[0].appendBlock();
  for (const op of top.ops()) {
    op.remove();
    body.append(op);
  }
  setExternalResources(mod, p.externalResources);
  return mod;
}
