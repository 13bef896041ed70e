// Op definitions as data: operands, results, properties, regions, traits, verifier, folder, syntax.
import { InternalError } from "../diag/diagnostic.js";
import type { AttrKind, Attribute } from "./attrs.js";
import type { OpBuilder } from "./builder.js";
import type { Operation, Region } from "./ir.js";
import type { LocationRef } from "./source-positions.js";
import type { Type } from "./types.js";
import type { OpPrinter } from "../syntax/op-printer.js";
import type { OpParser, OperationState } from "../syntax/op-parser.js";
import type { FoldResult, RewritePattern } from "../rewrite/pattern.js";
import type { FormatProgram, InferTypesContext } from "../syntax/format.js";

/// Op traits (bit positions in `OpDef.traitBits`).
export enum Trait {
  Pure, Terminator, IsolatedFromAbove, Symbol, SymbolTable, SameOperandsAndResultType, SameTypeOperands,
  Commutative, ConstantLike, ReturnLike, NoTerminator, SingleBlock, AffineScope, RecursiveMemoryEffects,
  AutomaticAllocationScope, AttrSizedOperandSegments, AttrSizedResultSegments, Idempotent, Involution,
  GraphRegion, ElementwiseMappable, MemRead, MemWrite, MemAlloc, MemFree, NoRegionArguments, IsTerminatorLike,
}

/// A predicate on types with the description MLIR prints in "must be ..." messages.
export interface TypeConstraint {
  readonly desc: string;
  check(t: Type): boolean;
  /// ODS's BuildableType: the one type the constraint allows, which formats may leave out (`index`, `i1`).
  readonly buildable?: Type;
}

/// A predicate on attributes, with optional custom syntax used when the attribute appears in a format.
export interface AttrConstraint {
  readonly desc: string;
  check(a: Attribute): boolean;
  /// Prints the attribute where a format names it (default: the attribute with its type).
  print?(p: OpPrinter, a: Attribute): void;
  /// Parses the attribute where a format names it; null if absent (optional groups).
  parse?(p: OpParser): Attribute | null;
  /// True if the format element can start at the current token (for optional groups).
  startsHere?(p: OpParser): boolean;
  /// The attribute class the property is stored as, when the constraint asks more than the class (an integer
  /// attribute of a given width or range, a type attribute of a function type): parsing checks only the class (ODS's
  /// property conversion and custom-form parsers), the verifier the rest. Unset: the constraint is its class.
  readonly kind?: AttrKind;
}

/// The first property of `def` (in record order) whose value in `attrs` fails its constraint: MLIR's
/// verifyInherentAttrs, run by parsers on the inherent attributes given in an attribute dictionary.
export function failedInherentAttr(def: OpDef, attrs: { get(name: string): Attribute | undefined }): PropDef | null {
  for (const p of def.props) {
    const a = attrs.get(p.name);
    if (a !== undefined && !p.constraint.check(a)) return p;
  }
  return null;
}

/// Whether `a` is of the attribute class a property of constraint `c` is stored as (see AttrConstraint.kind).
export function hasStorageClass(c: AttrConstraint, a: Attribute): boolean {
  return c.kind !== undefined ? a.kind === c.kind : c.check(a);
}

/// How many values an operand/result definition binds.
export enum Arity { Single, Optional, Variadic }

/// A named operand or result slot.
export interface ValueDef { readonly name: string; readonly constraint: TypeConstraint; readonly arity: Arity }
/// A named property (inherent attribute).
export interface PropDef {
  readonly name: string;
  readonly constraint: AttrConstraint;
  readonly optional: boolean;
  /// ODS's DefaultValuedAttr: set on every op that lacks it; attr-dict leaves it out.
  readonly defaultValue: Attribute | null;
  /// ODS's DefaultValuedOptionalAttr: what an absent property stands for; not set, and attr-dict leaves it out.
  readonly unsetDefault?: Attribute | null;
}
/// A named region.
export interface RegionDef { readonly name: string; readonly variadic: boolean; readonly sized: boolean }
/// A named successor.
export interface SuccessorDef { readonly name: string; readonly variadic: boolean }

/// Reports verification errors of one op; returns false so verifiers can `return v.error(...)`.
export interface OpVerifyContext {
  /// Reports `'op.name' op <message>` at the op; `code` is a dialect's diagnostic code (default: 2001).
  error(message: string, code?: number): false;
  /// Reports an error at the op and attaches a note at another op.
  errorWithNote(message: string, note: string, noteOp: Operation | null, code?: number): false;
  /// Reports an error at the op with notes at the op (MLIR's `diag.attachNote() << ...`).
  errorWithNotes(message: string, notes: readonly string[]): false;
  /// Reports `message` at the op without the `'op.name' op` prefix (MLIR's `emitError` as opposed to `emitOpError`).
  plainError(message: string, code?: number): false;
  /// Reports `message` at another op (a nested one), without prefix (MLIR's `nestedOp->emitError`).
  plainErrorAt(at: Operation, message: string, code?: number): false;
}

/// The syntax-time helpers an op record may give; see the format language in ../syntax/format.ts.
export interface OpSyntax {
  parse(p: OpParser, state: OperationState): boolean;
  print(p: OpPrinter, op: Operation): void;
}

/// Sets the printed name hint of a result (`%c0`, `%cst`, `%alloc`).
export type SetNameFn = (resultIndex: number, name: string) => void;

/// The record of one op. Built by `defineOp`; one per op name.
export interface OpDef {
  readonly name: string;
  readonly dialect: string;
  readonly mnemonic: string;
  readonly opcode: number;
  readonly summary: string;
  readonly operands: readonly ValueDef[];
  readonly results: readonly ValueDef[];
  readonly props: readonly PropDef[];
  readonly regions: readonly RegionDef[];
  readonly successors: readonly SuccessorDef[];
  readonly traits: readonly Trait[];
  readonly traitBits: number;
  /// `SingleBlockImplicitTerminator<...>`: the terminator added when a custom-form block omits it.
  readonly implicitTerminator: string | null;
  /// `HasParent<...>`: the allowed parent op names.
  readonly parents: readonly string[] | null;
  /// The dialect whose prefix may be omitted for ops nested directly in this op's regions.
  readonly defaultDialect: string;
  readonly verify: ((op: Operation, v: OpVerifyContext) => boolean) | null;
  /// Verifier that needs the regions verified first (MLIR's hasRegionVerifier).
  readonly verifyRegions: ((op: Operation, v: OpVerifyContext) => boolean) | null;
  /// MLIR's SymbolUserOpInterface::verifySymbolUses: checks the symbols the op references; run by the verification
  /// of the enclosing symbol table, once its symbols are known to be unique.
  readonly verifySymbolUses: ((op: Operation, v: OpVerifyContext) => boolean) | null;
  readonly fold: ((op: Operation, operands: readonly (Attribute | null)[]) => FoldResult) | null;
  readonly canonicalize: readonly RewritePattern[];
  /// Compiled declarative format, or null.
  format: FormatProgram | null;
  /// The source of the format.
  readonly formatText: string | null;
  /// Hand-written syntax (only where MLIR hand-writes it).
  readonly syntax: OpSyntax | null;
  readonly asmNames: ((op: Operation, set: SetNameFn) => void) | null;
  /// Names of the entry block arguments of a region in custom form (e.g. none: `%arg0`).
  readonly blockArgNames: ((op: Operation, region: Region, set: (argIndex: number, name: string) => void) => void) | null;
  /// Fills in result/operand types the custom form does not print (beyond the generic traits).
  readonly inferTypes: ((ctx: InferTypesContext) => string | null) | null;
  /// Operands whose types `inferTypes` computes other types from (ODS's TypesMatchWith with a transform): the
  /// custom-form parser checks their constraints first, as ODS's generated parsers do.
  readonly typeSources: readonly string[];
  /// ODS's AllTypesMatch<[...]> predicates: each list names operands, results or typed properties whose types
  /// must be equal, checked with the record's invariants ("failed to verify that all of {a, b} have same type").
  readonly allTypesMatch: readonly (readonly string[])[];
  /// How many operands, results, regions and successors the record binds one each of (not optional, not variadic).
  readonly fixedCounts: FixedCounts;
  /// Extra data a dialect attaches (e.g. memory effects, interface hooks).
  readonly extra: Readonly<Record<string, unknown>>;
}

/// The fixed-arity slot counts of a record, as ODS's count traits and generated verifiers use them.
export interface FixedCounts { readonly operands: number; readonly results: number; readonly regions: number; readonly successors: number }

/// What `defineOp` takes; everything but `name` is optional.
export interface OpSpec {
  name: string;
  summary?: string;
  operands?: readonly ValueDef[];
  results?: readonly ValueDef[];
  props?: readonly PropDef[];
  regions?: readonly RegionDef[];
  successors?: readonly SuccessorDef[];
  traits?: readonly Trait[];
  implicitTerminator?: string;
  parents?: readonly string[];
  defaultDialect?: string;
  verify?: (op: Operation, v: OpVerifyContext) => boolean;
  verifyRegions?: (op: Operation, v: OpVerifyContext) => boolean;
  verifySymbolUses?: (op: Operation, v: OpVerifyContext) => boolean;
  fold?: (op: Operation, operands: readonly (Attribute | null)[]) => FoldResult;
  canonicalize?: readonly RewritePattern[];
  format?: string;
  syntax?: OpSyntax;
  asmNames?: (op: Operation, set: SetNameFn) => void;
  blockArgNames?: (op: Operation, region: Region, set: (argIndex: number, name: string) => void) => void;
  inferTypes?: (ctx: InferTypesContext) => string | null;
  typeSources?: readonly string[];
  allTypesMatch?: readonly (readonly string[])[];
  extra?: Record<string, unknown>;
}

let nextOpcode = 0;

/// Compiles formats; installed by the syntax module to keep this file free of parser code.
let formatCompiler: ((def: OpDef, text: string) => FormatProgram) | null = null;
/// Installs the format compiler (called once by ../syntax/format.ts).
export function setFormatCompiler(f: (def: OpDef, text: string) => FormatProgram): void {
  formatCompiler = f;
}

/// Creates an op record. Its format (if any) is compiled and checked when its dialect is registered.
export function defineOp(spec: OpSpec): OpDef {
  const dot = spec.name.indexOf(".");
  if (dot <= 0) throw new InternalError(`op name '${spec.name}' has no dialect prefix`);
  let bits = 0;
  for (const t of spec.traits ?? []) bits |= 1 << t;
  return {
    name: spec.name,
    dialect: spec.name.slice(0, dot),
    mnemonic: spec.name.slice(dot + 1),
    opcode: nextOpcode++,
    summary: spec.summary ?? "",
    operands: spec.operands ?? [],
    results: spec.results ?? [],
    props: spec.props ?? [],
    regions: spec.regions ?? [],
    successors: spec.successors ?? [],
    traits: spec.traits ?? [],
    traitBits: bits,
    implicitTerminator: spec.implicitTerminator ?? null,
    parents: spec.parents ?? null,
    defaultDialect: spec.defaultDialect ?? "",
    verify: spec.verify ?? null,
    verifyRegions: spec.verifyRegions ?? null,
    verifySymbolUses: spec.verifySymbolUses ?? null,
    fold: spec.fold ?? null,
    canonicalize: spec.canonicalize ?? [],
    format: null,
    formatText: spec.format ?? null,
    syntax: spec.syntax ?? null,
    asmNames: spec.asmNames ?? null,
    blockArgNames: spec.blockArgNames ?? null,
    inferTypes: spec.inferTypes ?? null,
    typeSources: spec.typeSources ?? [],
    allTypesMatch: spec.allTypesMatch ?? [],
    fixedCounts: {
      operands: (spec.operands ?? []).filter((d) => d.arity === Arity.Single).length,
      results: (spec.results ?? []).filter((d) => d.arity === Arity.Single).length,
      regions: (spec.regions ?? []).filter((d) => !d.variadic).length,
      successors: (spec.successors ?? []).filter((d) => !d.variadic).length,
    },
    extra: spec.extra ?? {},
  };
}

/// True if `def` has trait `t`.
export function hasTrait(def: OpDef | null, t: Trait): boolean {
  return def !== null && (def.traitBits & (1 << t)) !== 0;
}

/// A single operand/result.
export function operand(name: string, constraint: TypeConstraint): ValueDef { return { name, constraint, arity: Arity.Single }; }
/// A variadic operand/result.
export function variadic(name: string, constraint: TypeConstraint): ValueDef { return { name, constraint, arity: Arity.Variadic }; }
/// An optional operand/result.
export function optional(name: string, constraint: TypeConstraint): ValueDef { return { name, constraint, arity: Arity.Optional }; }
/// Results use the same shape as operands.
export const result = operand;
/// A required property.
export function prop(name: string, constraint: AttrConstraint, defaultValue: Attribute | null = null): PropDef {
  return { name, constraint, optional: defaultValue !== null, defaultValue };
}
/// An optional property; `unsetDefault` is the value an absent one stands for (ODS's DefaultValuedOptionalAttr).
export function optProp(name: string, constraint: AttrConstraint, unsetDefault: Attribute | null = null): PropDef {
  return { name, constraint, optional: true, defaultValue: null, unsetDefault };
}
/// A region; `sized` is ODS's `SizedRegion<1>` (exactly one block).
export function region(name: string, variadic = false, sized = false): RegionDef { return { name, variadic, sized }; }
/// A successor.
export function successor(name: string, variadic = false): SuccessorDef { return { name, variadic }; }

/// Hooks of a dialect type or attribute with a mnemonic: `!dialect.mnemonic<...>`.
export interface DialectTypeSyntax {
  readonly name: string;
  readonly mnemonic: string;
  /// Parses what follows the mnemonic.
  parse(p: OpParser): Type | null;
  /// Prints what follows the mnemonic.
  print(p: OpPrinter, t: Type): void;
}
/// Hooks of a dialect attribute with a mnemonic: `#dialect.mnemonic<...>`.
export interface DialectAttrSyntax {
  readonly name: string;
  readonly mnemonic: string;
  parse(p: OpParser): Attribute | null;
  print(p: OpPrinter, a: Attribute): void;
  /// Alias name prefix the printer uses for this attribute (`map`, `set`), if any.
  readonly alias?: string;
}

/// A dialect: its ops, types and attributes.
export interface DialectDef {
  readonly name: string;
  /// Ops of this dialect that have no record are accepted as unregistered ops (MLIR's allowsUnknownOperations).
  readonly allowUnknownOps?: boolean;
  readonly ops: readonly OpDef[];
  readonly types?: readonly DialectTypeSyntax[];
  readonly attrs?: readonly DialectAttrSyntax[];
  /// Builds a constant op of `type` holding `value` at `b`'s insertion point, for folding (MLIR's
  /// Dialect::materializeConstant); returns null if the dialect cannot. The op must be ConstantLike.
  readonly materializeConstant?: (b: OpBuilder, value: Attribute, type: Type, loc: LocationRef) => Operation | null;
  /// MLIR's DialectFoldInterface::shouldMaterializeInto: may constants folded inside `region` (whose op is not
  /// isolated from above) be hoisted to its entry block instead of further up?
  readonly shouldMaterializeInto?: (region: Region) => boolean;
  /// MLIR's Dialect::verifyOperationAttribute: checks a discardable attribute named with this dialect's prefix;
  /// returns the message of an error reported at the op, or null.
  readonly verifyOperationAttribute?: (op: Operation, name: string, value: Attribute) => string | null;
  /// MLIR's Dialect::verifyRegionArgAttribute, for attributes of region (function) arguments.
  readonly verifyRegionArgAttribute?: (op: Operation, regionIndex: number, argIndex: number, name: string, value: Attribute) => string | null;
  /// MLIR's Dialect::verifyRegionResultAttribute, for attributes of region (function) results.
  readonly verifyRegionResultAttribute?: (op: Operation, regionIndex: number, resultIndex: number, name: string, value: Attribute) => string | null;
}

/// The process-wide registry of dialects and ops.
export class DialectRegistry {
  private readonly opsByName = new Map<string, OpDef>();
  private readonly dialects = new Map<string, DialectDef>();
  private readonly typesByName = new Map<string, DialectTypeSyntax>();
  private readonly attrsByName = new Map<string, DialectAttrSyntax>();

  /// Registers a dialect (idempotent) and compiles its op formats.
  register(d: DialectDef): void {
    if (this.dialects.has(d.name)) return;
    this.dialects.set(d.name, d);
    for (const op of d.ops) {
      if (this.opsByName.has(op.name)) throw new InternalError(`op '${op.name}' registered twice`);
      if (op.formatText !== null) {
        if (formatCompiler === null) throw new InternalError("format compiler not installed");
        op.format = formatCompiler(op, op.formatText);
      }
      this.opsByName.set(op.name, op);
    }
    for (const t of d.types ?? []) this.typesByName.set(t.name, t);
    for (const a of d.attrs ?? []) this.attrsByName.set(a.name, a);
  }
  /// The record of op `name`, or null if unregistered.
  lookupOp(name: string): OpDef | null { return this.opsByName.get(name) ?? null; }
  /// True if dialect `name` is registered.
  hasDialect(name: string): boolean { return this.dialects.has(name); }
  /// The dialect `name`.
  dialect(name: string): DialectDef | null { return this.dialects.get(name) ?? null; }
  /// The names of the registered dialects, sorted.
  dialectNames(): string[] { return [...this.dialects.keys()].sort(); }
  /// Type syntax of `dialect.mnemonic`.
  lookupType(name: string): DialectTypeSyntax | null { return this.typesByName.get(name) ?? null; }
  /// Attribute syntax of `dialect.mnemonic`.
  lookupAttr(name: string): DialectAttrSyntax | null { return this.attrsByName.get(name) ?? null; }
  /// Every registered op, in registration order.
  allOps(): OpDef[] { return [...this.opsByName.values()]; }
}

/// The registry every parser, printer and verifier consults.
export const registry = new DialectRegistry();
