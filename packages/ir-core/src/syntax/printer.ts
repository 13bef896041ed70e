// The AsmPrinter: MLIR's custom and generic forms, SSA naming, aliases, regions and blocks.
import { printAffineMap, printIntegerSet, writeAffineExpr, type AffineExpr, type AffineMap } from "../affine/index.js";
import {
  AttrKind, setAttrStringifier, type AffineMapAttr, type ArrayAttr, Attribute, type CallSiteLoc, type DenseArrayAttr,
  type DenseElementsAttr, type DialectAttr, type DictionaryAttr, type FileLineColLoc, type FloatAttr, type FusedLoc,
  type IntegerAttr, type IntegerSetAttr, type Location, type NamedAttribute, type NameLoc, type OpaqueAttr,
  type StridedLayoutAttr, type StringAttr, type SymbolRefAttr, type TypeAttr, type DistinctAttr, type DenseStringElementsAttr,
  type SparseElementsAttr, type DenseResourceElementsAttr, type DenseResourceHandle, isLocation,
} from "../ir/attrs.js";
import { externalResourcesOf } from "../ir/file-metadata.js";
import type { Block, BlockArgument, OpOperand, Operation, Region, Value } from "../ir/ir.js";
import { hasTrait, registry, Trait, type OpDef } from "../ir/opdef.js";
import { setDiagnosticOpPrinter, verify } from "../ir/verifier.js";
import {
  kDynamic, setTypeStringifier, Signedness, TypeKind, type ComplexType, type DialectType, type FloatType, type FunctionType,
  type IntegerType, type MemRefType, type OpaqueType, type RankedTensorType, type ShapedType, type TupleType, type Type,
  type UnrankedMemRefType, type UnrankedTensorType, type VectorType,
} from "../ir/types.js";
import { integerText } from "../support/integer-text.js";
import { TextBuffer } from "../support/text-buffer.js";
import { AliasScan } from "./alias-scan.js";
import { defaultHexElementLimit, denseElementsText, denseStringText, fileMetadataText } from "./elements-print.js";
import { formatFloat, formatFloatAttr } from "./float-format.js";
import { printWithFormat } from "./format.js";
import type { OpPrinter } from "./op-printer.js";
import { SsaNames } from "./ssa-names.js";

/// Printer flags, after mlir-opt's.
export interface PrintOptions {
  /// `--mlir-print-op-generic`.
  readonly generic?: boolean;
  /// `--mlir-print-debuginfo`.
  readonly debugInfo?: boolean;
  /// `--mlir-print-local-scope`: no aliases; attributes, types and locations print where they are used.
  readonly localScope?: boolean;
  /// `--mlir-print-skip-regions`: regions print as `{...}`.
  readonly skipRegions?: boolean;
  /// `--mlir-print-elementsattrs-with-hex-if-larger`: dense elements attributes with more elements than this print as
  /// hex (-1: never; default 100).
  readonly elementsHexAbove?: number;
  /// `--mlir-elide-elementsattrs-if-larger`: elements attributes with more elements than this print as
  /// `dense_resource<__elided__>` (-1: never, the default).
  readonly elideElementsAbove?: number;
  /// `--mlir-print-value-users`: a comment after each op names the users of its results (` // users: %3, %5`) or, for
  /// an op without results, its own number (` // id: %4`); one line per block argument names the argument's users.
  /// Ops without results take value numbers then, as in MLIR.
  readonly valueUsers?: boolean;
  /// `--mlir-print-unique-ssa-ids`: value numbers, entry-block argument numbers and name-conflict suffixes run on across
  /// all regions instead of restarting in each region (always so in generic form).
  readonly uniqueIds?: boolean;
  /// `--mlir-pretty-debuginfo`: locations print in MLIR's pretty form (`a.c:1:2` for `loc("a.c":1:2)`, `[unknown]`,
  /// fused locations without `fused`, a call site's caller on a new line) wherever they print: after ops and block
  /// arguments under `--mlir-print-debuginfo`, as attributes, in alias definitions.
  readonly prettyDebugInfo?: boolean;
  /// `--mlir-print-assume-verified`: print IR that may not verify in custom form without verifying it first (see
  /// printOptionsForUnverified; MLIR's OpPrintingFlags::assumeVerified).
  readonly assumeVerified?: boolean;
}

const bareIdRe = /^[A-Za-z_][A-Za-z0-9_$.]*$/;

/// An elements attribute elided by `--mlir-elide-elementsattrs-if-larger`.
const elidedElements = "dense_resource<__elided__>";

/// `s` quoted with MLIR's escapes (`\22` for a quote, `\0A` for a newline).
export function escapeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 34 && c !== 92) out += s[i];
    else if (c === 92) out += "\\\\"; // llvm::printEscapedString keeps a backslash as `\\`
    else out += "\\" + (c & 0xff).toString(16).toUpperCase().padStart(2, "0");
  }
  return out + '"';
}

/// A keyword if `s` is a bare identifier, else a quoted string.
export function keywordOrString(s: string): string { return bareIdRe.test(s) ? s : escapeString(s); }
/// `@name` or `@"quoted name"`.
export function symbolName(s: string): string { return "@" + (bareIdRe.test(s) ? s : escapeString(s)); }

const enum Elide { Never, May }

/// An attribute or type met by the alias collection (MLIR's InProgressAliasInfo): `base` is its alias prefix (null:
/// no alias), `depth` orders the definitions (one more than its deepest child alias), `deferrable` says whether the
/// definition may follow the top-level op (only operation locations may), `children` are the entries met inside it.
interface AliasEntry {
  readonly sym: Attribute | Type;
  readonly base: string | null;
  depth: number;
  readonly order: number;
  deferrable: boolean;
  readonly children: AliasEntry[];
}

/// Makes `e` and everything met inside it non-deferrable (MLIR's markAliasNonDeferrable).
function markNonDeferrable(e: AliasEntry): void {
  if (!e.deferrable) return;
  e.deferrable = false;
  for (const c of e.children) markNonDeferrable(c);
}

/// Prints operations, types and attributes.
export class AsmPrinter implements OpPrinter {
  readonly generic: boolean;
  readonly debugInfo: boolean;
  private readonly out = new TextBuffer(256);
  private indent = 0;
  private readonly names: SsaNames;
  /// Final alias names of attributes (MLIR's AliasState), known before the body is printed.
  private readonly aliasNames = new Map<Attribute, string>();
  /// Aliases in definition order.
  private aliasDefs: AliasEntry[] = [];
  /// Every attribute and type the alias collection visited, as MLIR's AliasInitializer.
  private readonly visited = new Map<Attribute | Type, AliasEntry>();
  private readonly aliasScan = new AliasScan();
  /// Set during the alias collection pass: the printer walks what it would print and writes nothing.
  private collecting = false;
  /// During the collection: the entry whose children are being visited (null at op level), the deepest child
  /// alias met so far, and whether those children may be deferred (they inherit it from their parent).
  private parentEntry: AliasEntry | null = null;
  private childDepth = 0;
  private deferrable = false;
  /// `distinct[N]` numbers, assigned in print order.
  private readonly distinctIds = new Map<DistinctAttr, number>();
  /// Resource handles in the order they were printed (for the `{-# dialect_resources #-}` section).
  private readonly usedResources = new Set<DenseResourceHandle>();
  private readonly defaultDialects: string[] = ["builtin"];
  /// Printed op names by default dialect and op record.
  private readonly shortNames = new Map<string, Map<OpDef, string>>();
  /// When set, aliases are not used (a lone attribute, an op printed in context, local scope).
  private noAliases = false;
  private readonly localScope: boolean;
  private readonly skipRegions: boolean;
  private readonly valueUsers: boolean;
  private readonly prettyLocs: boolean;
  private readonly elementsHexAbove: number;
  private readonly elideElementsAbove: number;
  /// The operands of the affine expression being printed, and the name callbacks reading them (made once).
  private affineDims: readonly Value[] = [];
  private affineSyms: readonly Value[] = [];
  private affineSymBase = 0;
  private readonly affineDimName = (i: number): string => this.valueName(this.affineDims[i]);
  private readonly affineSymName = (i: number): string => "symbol(" + this.valueName(this.affineSyms[this.affineSymBase + i]) + ")";

  constructor(options: PrintOptions = {}) {
    this.generic = options.generic ?? false;
    this.debugInfo = options.debugInfo ?? false;
    this.localScope = options.localScope ?? false;
    this.skipRegions = options.skipRegions ?? false;
    this.elementsHexAbove = options.elementsHexAbove ?? defaultHexElementLimit;
    this.elideElementsAbove = options.elideElementsAbove ?? -1;
    this.valueUsers = options.valueUsers ?? false;
    this.prettyLocs = options.prettyDebugInfo ?? false;
    this.noAliases = this.localScope;
    this.names = new SsaNames(this.generic, options.uniqueIds ?? false, this.valueUsers);
  }

  // ---- output ----

  write(s: string): void {
    if (!this.collecting) this.out.write(s);
  }
  private writeIndent(): void {
    if (!this.collecting) this.out.writeSpaces(this.indent);
  }
  /// The printed text (and a fresh start).
  private takeText(): string {
    const text = this.out.toString();
    this.out.clear();
    return text;
  }
  printNewline(): void {
    this.write("\n");
    this.writeIndent();
  }

  // ---- entry points ----

  /// Prints a top-level operation as mlir-opt does: alias definitions first, then the op and a newline (one string).
  printTopLevel(op: Operation): string[] {
    this.printTopLevelInto(op);
    return [this.takeText()];
  }

  /// printTopLevel's text followed by `suffix`, as chunks of UTF-8 bytes (for writing to a file without building a
  /// string).
  printTopLevelBytes(op: Operation, suffix = ""): Uint8Array[] {
    this.printTopLevelInto(op);
    this.write(suffix);
    return this.out.chunks();
  }

  private printTopLevelInto(op: Operation): void {
    this.names.number(op);
    // With local scope MLIR's Operation::print prints the op alone: no aliases, newline or file metadata.
    if (this.localScope) { this.printFullOp(op); return; }
    this.initializeAliases(op);
    this.printAliasDefs(false);
    this.printFullOp(op);
    this.write("\n");
    this.printAliasDefs(true);
    this.printFileMetadata(op);
  }

  /// Prints one op (without aliases; its location under debug info) with value names numbered from `scope`: by
  /// default, as MLIR's Operation::print, its top-level ancestor, or under local scope its closest ancestor (or
  /// itself) isolated from above.
  printInContext(op: Operation, scope: Operation = this.localScope ? localScopeRoot(op) : topLevelOf(op)): string {
    this.names.number(scope);
    this.noAliases = true;
    this.printFullOp(op);
    return this.takeText();
  }

  /// `t` alone, without aliases (diagnostics spell out layouts, as MLIR's).
  typeText(t: Type): string {
    this.noAliases = true;
    this.printType(t);
    return this.takeText();
  }

  /// `a` alone, without aliases.
  attrText(a: Attribute): string {
    this.noAliases = true;
    this.printAttribute(a);
    return this.takeText();
  }

  /// MLIR's AliasInitializer: walks what would be printed (custom printers included, writing nothing) and
  /// names every aliasable attribute; aliases are ordered by nesting depth, then name, then first use.
  private initializeAliases(op: Operation): void {
    if (this.noAliases) return;
    this.collecting = true;
    this.printFullOp(op);
    this.collecting = false;
    const cands: AliasEntry[] = [];
    for (const e of this.visited.values()) if (e.base !== null) cands.push(e);
    cands.sort((x, y) => x.depth - y.depth || (x.base! < y.base! ? -1 : x.base! > y.base! ? 1 : 0) || x.order - y.order);
    const counts = new Map<string, number>();
    for (const e of cands) {
      const n = counts.get(e.base!) ?? 0;
      counts.set(e.base!, n + 1);
      this.aliasNames.set(e.sym as Attribute, n === 0 ? e.base! : e.base! + n);
    }
    this.aliasDefs = cands;
    this.visited.clear();
  }

  /// The alias definitions that must precede the top-level op (`deferred` false) or may follow it (true).
  private printAliasDefs(deferred: boolean): void {
    for (const e of this.aliasDefs) {
      if (e.deferrable !== deferred) continue;
      this.write("#" + this.aliasNames.get(e.sym as Attribute)! + " = ");
      this.printAttrImpl(e.sym as Attribute, Elide.Never, true);
      this.write("\n");
    }
  }

  /// Visits an attribute or type during the alias collection (MLIR's AliasInitializer::visit): the first visit
  /// walks its children; a visit that may not be deferred makes the entry and its children non-deferrable.
  private collect(sym: Attribute | Type, isType: boolean, elide: Elide, deferrable: boolean): void {
    let e = this.visited.get(sym);
    if (e === undefined) {
      const base = isType ? null : this.aliasBase(sym as Attribute);
      e = { sym, base, depth: base === null ? 0 : 1, order: this.visited.size, deferrable, children: [] };
      this.visited.set(sym, e);
      const parent = this.parentEntry, parentDepth = this.childDepth, parentDeferrable = this.deferrable;
      this.parentEntry = e;
      this.childDepth = 0;
      this.deferrable = deferrable;
      if (isType) this.printTypeImpl(sym as Type);
      else this.printAttrImpl(sym as Attribute, elide, true);
      if (this.childDepth > 0) e.depth = this.childDepth + 1;
      this.parentEntry = parent;
      this.childDepth = parentDepth;
      this.deferrable = parentDeferrable;
    } else if (!deferrable) markNonDeferrable(e);
    if (this.parentEntry !== null) {
      this.parentEntry.children.push(e);
      if (e.depth > this.childDepth) this.childDepth = e.depth;
    }
  }

  /// Visits a location printed after an op (`deferrable`) or an argument during the alias collection.
  private collectLoc(loc: Location, deferrable: boolean): void {
    this.collect(loc, false, Elide.Never, deferrable);
  }

  /// The alias name prefix MLIR's OpAsmDialectInterface gives `a`, or null.
  private aliasBase(a: Attribute): string | null {
    switch (a.kind) {
      case AttrKind.AffineMap: return "map";
      case AttrKind.IntegerSet: return "set";
      case AttrKind.Distinct: return (a as DistinctAttr).referenced.kind === AttrKind.Unit ? null : "distinct";
      case AttrKind.Dialect: return registry.lookupAttr((a as DialectAttr).def.name)?.alias ?? null;
      default: return isLocation(a) ? "loc" : null;
    }
  }

  /// `{-# dialect_resources: ... external_resources: ... #-}` after the top-level op, as mlir-opt prints it.
  private printFileMetadata(op: Operation): void {
    this.write(fileMetadataText(this.usedResources, externalResourcesOf(op), escapeString));
  }

  valueName(v: Value): string { return this.names.valueName(v); }

  // ---- operations ----

  private printFullOp(op: Operation): void {
    if (this.collecting) {
      if (this.debugInfo) this.collectLoc(op.loc, true);
      this.printOperation(op);
      return;
    }
    this.printOperation(op);
    if (this.debugInfo) this.printTrailingLoc(op.loc, true);
    if (this.valueUsers) this.printUsersComment(op);
  }

  private printOperation(op: Operation): void {
    const n = op.results.length;
    if (n > 0 && !this.collecting) {
      const groups = this.names.resultGroupsOf(op);
      if (groups !== undefined) {
        for (let k = 0; k < groups.length; k++) {
          if (k) this.write(", ");
          const cnt = (k + 1 < groups.length ? groups[k + 1] : n) - groups[k];
          this.write(this.names.nameOf(op.results[groups[k]])!);
          if (cnt > 1) this.write(":" + cnt);
        }
      } else {
        this.write(this.names.nameOf(op.results[0]) ?? "<<UNKNOWN SSA VALUE>>");
        if (n > 1) this.write(":" + n);
      }
      this.write(" = ");
    }
    const def = op.def;
    const custom = !this.generic && def !== null && (def.syntax !== null || def.format !== null);
    if (this.collecting) {
      // Only ops that may print an aliasable attribute matter to the collection; the rest are skipped (their
      // nested ops still visited in order), which keeps the extra pass cheap.
      // Under --mlir-print-debuginfo the locations of an op's nested ops and block arguments print only where its
      // custom printer prints them (an elided terminator's location does not): such ops are walked in full.
      if (!(this.debugInfo && op.regions.length !== 0) && (!this.aliasScan.opMayAlias(op) || this.aliasesSeen(op))) {
        this.visitNestedOps(op);
        return;
      }
      if (!custom) { this.visitGenericOp(op); return; }
    }
    if (custom) {
      this.write(this.shortName(def, this.defaultDialects[this.defaultDialects.length - 1]));
      if (def.syntax !== null) def.syntax.print(this, op);
      else printWithFormat(this, op, def.format!);
      return;
    }
    this.printGenericOp(op);
  }

  /// The name of a custom-form op of `def`: without the prefix of the default dialect `dflt` when that leaves a
  /// name without dots (`return` in a `func.func`).
  private shortName(def: OpDef, dflt: string): string {
    if (dflt === "") return def.name;
    let byDialect = this.shortNames.get(dflt);
    if (byDialect === undefined) { byDialect = new Map(); this.shortNames.set(dflt, byDialect); }
    let name = byDialect.get(def);
    if (name === undefined) {
      const n = def.name;
      name = n.length > dflt.length && n.charCodeAt(dflt.length) === 46 && n.startsWith(dflt) && n.indexOf(".", dflt.length + 1) < 0 ? n.slice(dflt.length + 1) : n;
      byDialect.set(def, name);
    }
    return name;
  }

  /// Whether every attribute and type `op` may print that may hold an alias was met already, on a visit that may
  /// not be deferred: walking the op again would change nothing (custom printers print what the op holds).
  private aliasesSeen(op: Operation): boolean {
    const scan = this.aliasScan;
    if (!this.entriesSeen(op.props.entries) || !this.entriesSeen(op.attrs.entries)) return false;
    for (let i = 0; i < op.operands.length; i++) { const t = op.operands[i].value.type; if (scan.typeMayAlias(t) && !this.seenNonDeferrable(t)) return false; }
    for (let i = 0; i < op.results.length; i++) { const t = op.results[i].type; if (scan.typeMayAlias(t) && !this.seenNonDeferrable(t)) return false; }
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) {
      for (const a of b.args) if (scan.typeMayAlias(a.type) && !this.seenNonDeferrable(a.type)) return false;
    }
    return true;
  }

  private entriesSeen(es: readonly NamedAttribute[]): boolean {
    for (let i = 0; i < es.length; i++) if (this.aliasScan.attrMayAlias(es[i].value) && !this.seenNonDeferrable(es[i].value)) return false;
    return true;
  }

  private seenNonDeferrable(sym: Attribute | Type): boolean {
    const e = this.visited.get(sym);
    return e !== undefined && !e.deferrable;
  }

  private printGenericOp(op: Operation): void {
    this.write(quotedOpName(op.name));
    this.write("(");
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) { if (i) this.write(", "); this.printOperand(operands[i].value); }
    this.write(")");
    if (op.successors.length) {
      this.write("[");
      op.successors.forEach((b, i) => { if (i) this.write(", "); this.printSuccessor(b); });
      this.write("]");
    }
    if (op.props.size) {
      this.write(" <");
      this.printAttrImpl(op.props, Elide.Never);
      this.write(">");
    }
    if (op.regions.length) {
      this.write(" (");
      op.regions.forEach((r, i) => { if (i) this.write(", "); this.printRegion(r, true, true, true); });
      this.write(")");
    }
    this.printOptionalAttrDict(op.attrs);
    // The functional type, as printFunctionalType prints it.
    this.write(" : (");
    for (let i = 0; i < operands.length; i++) { if (i) this.write(", "); this.printType(operands[i].value.type); }
    this.write(") -> ");
    const results = op.results;
    const wrap = results.length !== 1 || results[0].type.kind === TypeKind.Function;
    if (wrap) this.write("(");
    for (let i = 0; i < results.length; i++) { if (i) this.write(", "); this.printType(results[i].type); }
    if (wrap) this.write(")");
  }

  printRegion(r: Region, printEntryBlockArgs = true, printBlockTerminators = true, printEmptyBlock = false): void {
    if (this.skipRegions) { this.write("{...}"); return; }
    this.write("{\n");
    if (!r.empty) {
      const parent = r.parent;
      this.defaultDialects.push(parent !== null && parent.def !== null ? parent.def.defaultDialect : "");
      const entry = r.firstBlock!;
      const header = (printEmptyBlock && entry.empty) || (printEntryBlockArgs && entry.args.length !== 0);
      this.printBlock(entry, header, printBlockTerminators);
      for (let b = entry.next; b !== null; b = b.next) this.printBlock(b, true, true);
      this.defaultDialects.pop();
    }
    this.writeIndent();
    this.write("}");
  }

  private printBlock(b: Block, header: boolean, printTerminator: boolean): void {
    if (header) {
      this.writeIndent();
      this.write(this.names.blockInfo(b, true)!.name);
      if (b.args.length) {
        this.write("(");
        b.args.forEach((a, i) => {
          if (i) this.write(", ");
          this.write(this.valueName(a) + ": ");
          this.printType(a.type);
          if (this.debugInfo) this.printArgLoc(a.loc);
        });
        this.write(")");
      }
      this.write(":");
      const preds = b.predecessors();
      if (preds.length === 0) { if (!b.isEntryBlock) this.write("  // no predecessors"); }
      else if (preds.length === 1) this.write("  // pred: " + this.names.blockInfo(preds[0])!.name);
      else {
        // One entry per branch edge, as MLIR's getPredecessors (a cond_br to one block twice counts twice).
        const infos = preds.map((p) => this.names.blockInfo(p)!).sort((x, y) => x.ordering - y.ordering);
        this.write(`  // ${infos.length} preds: ` + infos.map((x) => x.name).join(", "));
      }
      this.write("\n");
    }
    this.indent += 2;
    // Under --mlir-print-value-users each argument's users, on lines of their own, even when the header is not printed.
    if (this.valueUsers && !this.collecting) {
      for (const a of b.args) {
        this.writeIndent();
        this.write("// " + this.valueName(a) + (a.useEmpty ? " is unused" : " is used by " + this.usersText(a)) + "\n");
      }
    }
    const last = b.lastOp;
    const skipLast = !printTerminator && last !== null && hasTrait(last.def, Trait.Terminator);
    for (let op = b.firstOp; op !== null; op = op.next) {
      if (skipLast && op === last) break;
      this.writeIndent();
      this.printFullOp(op);
      this.write("\n");
    }
    this.indent -= 2;
  }

  /// The comment `--mlir-print-value-users` puts after an op (MLIR's printUsersComment): ` // id: %N` for an op
  /// without results that has operands, ` // unused` when no result is used, else ` // user: ...` (one result used by
  /// one op with at most one result) or ` // users: ...`, each result's users in parentheses when there are several.
  private printUsersComment(op: Operation): void {
    const results = op.results;
    const n = results.length;
    if (n === 0) {
      if (op.operands.length !== 0) this.write(" // id: " + this.names.opId(op));
      return;
    }
    let userOps = 0, userResults = 0;
    const seen = new Set<Operation>();
    for (let i = 0; i < n; i++) {
      for (let u = results[i].firstUse; u !== null; u = u.nextUse) {
        if (seen.has(u.owner)) continue;
        seen.add(u.owner);
        userOps++;
        userResults += u.owner.results.length;
      }
    }
    if (userOps === 0) { this.write(" // unused"); return; }
    let text = userResults <= 1 && userOps <= 1 && n === 1 ? " // user: " : " // users: ";
    for (let i = 0; i < n; i++) {
      if (i) text += ", ";
      text += n > 1 ? "(" + this.usersText(results[i]) + ")" : this.usersText(results[i]);
    }
    this.write(text);
  }

  /// The users of `v` in use-list order, each once (MLIR's printValueUsers): a user's results, or its number when it
  /// has none; `unused` for a value without uses.
  private usersText(v: Value): string {
    if (v.firstUse === null) return "unused";
    let text = "";
    const seen = new Set<Operation>();
    for (let u: OpOperand | null = v.firstUse; u !== null; u = u.nextUse) {
      const user = u.owner;
      if (seen.has(user)) continue;
      seen.add(user);
      if (text.length !== 0) text += ", ";
      const rs = user.results;
      if (rs.length === 0) text += this.names.opId(user);
      else for (let i = 0; i < rs.length; i++) text += (i ? ", " : "") + this.valueName(rs[i]);
    }
    return text;
  }

  // ---- OpPrinter ----

  printOperand(v: Value): void { if (!this.collecting) this.write(this.valueName(v)); }
  printOperands(vs: readonly Value[]): void {
    if (this.collecting) return;
    for (let i = 0; i < vs.length; i++) { if (i) this.write(", "); this.write(this.valueName(vs[i])); }
  }
  printTypes(ts: readonly Type[]): void {
    for (let i = 0; i < ts.length; i++) { if (i) this.write(", "); this.printType(ts[i]); }
  }
  printSuccessor(b: Block): void { if (!this.collecting) this.write(this.names.blockInfo(b)?.name ?? "<<UNKNOWN BLOCK>>"); }
  printSymbolName(name: string): void { if (!this.collecting) this.write(symbolName(name)); }
  printString(s: string): void { if (!this.collecting) this.write(escapeString(s)); }
  printKeywordOrString(s: string): void { if (!this.collecting) this.write(keywordOrString(s)); }
  printAttribute(a: Attribute): void { this.printAttrImpl(a, Elide.Never); }
  printAttributeWithoutType(a: Attribute): void {
    if (a.kind === AttrKind.Integer) {
      const ia = a as IntegerAttr;
      if (ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 1) this.write(ia.value ? "true" : "false");
      else this.write(String(ia.value));
    } else if (a.kind === AttrKind.Float) this.write(formatFloatAttr(a as FloatAttr).text);
    else if (a.kind === AttrKind.String) this.write(escapeString((a as StringAttr).value));
    else if (a.kind === AttrKind.DenseElements) this.printDense(a as DenseElementsAttr, false);
    else if (a.kind === AttrKind.Opaque) this.write(dialectSymbol("#", (a as OpaqueAttr).dialect, (a as OpaqueAttr).data));
    else this.printAttrImpl(a, Elide.Never);
  }

  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.write("(");
    this.printTypes(inputs);
    this.write(") -> ");
    const wrap = results.length !== 1 || results[0].kind === TypeKind.Function;
    if (wrap) this.write("(");
    this.printTypes(results);
    if (wrap) this.write(")");
  }
  printOptionalArrowTypeList(ts: readonly Type[]): void {
    if (!ts.length) return;
    this.write(" -> ");
    const wrap = ts.length !== 1 || ts[0].kind === TypeKind.Function;
    if (wrap) this.write("(");
    this.printTypes(ts);
    if (wrap) this.write(")");
  }
  printOptionalAttrDict(attrs: DictionaryAttr | readonly NamedAttribute[], elided: readonly string[] = []): void {
    const es = withoutElided(isNamedList(attrs) ? attrs : attrs.entries, elided);
    if (!es.length) return;
    this.write(" ");
    this.printNamedAttrs(es);
  }
  printOptionalAttrDictWithKeyword(attrs: DictionaryAttr | readonly NamedAttribute[], elided: readonly string[] = []): void {
    const es = withoutElided(isNamedList(attrs) ? attrs : attrs.entries, elided);
    if (!es.length) return;
    this.write(" attributes ");
    this.printNamedAttrs(es);
  }
  private printNamedAttrs(es: readonly NamedAttribute[]): void {
    this.write("{");
    for (let i = 0; i < es.length; i++) {
      if (i) this.write(", ");
      const e = es[i];
      this.write(keywordOrString(e.name));
      if (e.value.kind === AttrKind.Unit) continue;
      this.write(" = ");
      this.printAttrImpl(e.value, Elide.Never);
    }
    this.write("}");
  }
  printRegionArgument(arg: BlockArgument, attrs: DictionaryAttr | null = null, omitType = false): void {
    if (this.collecting) {
      // As MLIR's alias collection: the type (even when omitted) and the location; not the argument attributes.
      this.printType(arg.type);
      if (this.debugInfo) this.collectLoc(arg.loc, false);
      return;
    }
    this.write(this.valueName(arg));
    if (!omitType) { this.write(": "); this.printType(arg.type); }
    if (attrs !== null && attrs.size) { this.write(" "); this.printNamedAttrs(attrs.entries); }
    if (this.debugInfo) this.printArgLoc(arg.loc);
  }
  printAffineMapOfSSAIds(map: AffineMap, operands: readonly Value[]): void {
    if (this.collecting) return;
    this.affineDims = operands;
    this.affineSyms = operands;
    this.affineSymBase = map.numDims;
    const rs = map.results;
    for (let i = 0; i < rs.length; i++) {
      if (i) this.write(", ");
      writeAffineExpr(this, rs[i], this.affineDimName, this.affineSymName);
    }
  }
  printAffineExprOfSSAIds(e: AffineExpr, dims: readonly Value[], syms: readonly Value[]): void {
    if (this.collecting) return;
    this.affineDims = dims;
    this.affineSyms = syms;
    this.affineSymBase = 0;
    writeAffineExpr(this, e, this.affineDimName, this.affineSymName);
  }
  printOptionalLocationSpecifier(loc: Location): void {
    if (!this.debugInfo) return;
    if (this.collecting) this.collectLoc(loc, false);
    else this.printTrailingLoc(loc, true);
  }
  /// A block argument's location: inline (its nested locations may use aliases), as MLIR prints it.
  private printArgLoc(loc: Location): void {
    if (this.collecting) this.collectLoc(loc, false);
    else this.printTrailingLoc(loc, false);
  }
  /// ` loc(...)`; with `allowAlias` the whole location may print as its alias (MLIR's printTrailingLocation). In pretty
  /// form the location prints inline without `loc(...)`, never as its alias (its nested locations may).
  private printTrailingLoc(loc: Location, allowAlias: boolean): void {
    if (this.prettyLocs) { this.write(" "); this.printLocInner(loc, true); return; }
    const alias = allowAlias ? this.aliasNames.get(loc) : undefined;
    if (alias !== undefined) { this.write(" loc(#" + alias + ")"); return; }
    this.write(" loc(");
    this.printLocInner(loc, true);
    this.write(")");
  }

  // ---- types ----

  printType(t: Type): void {
    if (this.collecting) this.collect(t, true, Elide.Never, this.deferrable);
    else this.printTypeImpl(t);
  }

  private printTypeImpl(t: Type): void {
    switch (t.kind) {
      case TypeKind.Integer: {
        const it = t as IntegerType;
        this.write((it.signedness === Signedness.Signed ? "si" : it.signedness === Signedness.Unsigned ? "ui" : "i") + it.width);
        return;
      }
      case TypeKind.Index: this.write("index"); return;
      case TypeKind.None: this.write("none"); return;
      case TypeKind.Float: this.write((t as FloatType).name); return;
      case TypeKind.Function: { const ft = t as FunctionType; this.printFunctionalType(ft.inputs, ft.results); return; }
      case TypeKind.MemRef: {
        const mt = t as MemRefType;
        this.write("memref<");
        this.printDims(mt.shape);
        this.printType(mt.elementType);
        if (mt.layout !== null) { this.write(", "); this.printAttribute(mt.layout); }
        if (mt.memorySpace !== null) { this.write(", "); this.printAttrImpl(mt.memorySpace, Elide.May); }
        this.write(">");
        return;
      }
      case TypeKind.UnrankedMemRef: {
        const mt = t as UnrankedMemRefType;
        this.write("memref<*x");
        this.printType(mt.elementType);
        if (mt.memorySpace !== null) { this.write(", "); this.printAttrImpl(mt.memorySpace, Elide.May); }
        this.write(">");
        return;
      }
      case TypeKind.Tensor: {
        const tt = t as RankedTensorType;
        this.write("tensor<");
        this.printDims(tt.shape);
        this.printType(tt.elementType);
        if (tt.encoding !== null) { this.write(", "); this.printAttribute(tt.encoding); }
        this.write(">");
        return;
      }
      case TypeKind.UnrankedTensor: this.write("tensor<*x"); this.printType((t as UnrankedTensorType).elementType); this.write(">"); return;
      case TypeKind.Vector: {
        const vt = t as VectorType;
        this.write("vector<");
        vt.shape.forEach((d, i) => this.write(vt.scalableDims[i] ? `[${integerText(d)}]x` : `${integerText(d)}x`));
        this.printType(vt.elementType);
        this.write(">");
        return;
      }
      case TypeKind.Tuple: this.write("tuple<"); this.printTypes((t as TupleType).types); this.write(">"); return;
      case TypeKind.Complex: this.write("complex<"); this.printType((t as ComplexType).elementType); this.write(">"); return;
      case TypeKind.Opaque: this.write(dialectSymbol("!", (t as OpaqueType).dialect, (t as OpaqueType).data)); return;
      case TypeKind.Dialect: {
        const dt = t as DialectType;
        const syn = registry.lookupType(dt.def.name);
        this.write("!" + dt.def.name);
        if (syn !== null) syn.print(this, t);
        return;
      }
    }
  }

  private printDims(shape: readonly number[]): void {
    for (const d of shape) this.write(d === kDynamic ? "?x" : `${integerText(d)}x`);
  }

  // ---- attributes ----

  /// Prints `a`, or its alias; `top` prints the attribute itself even if it has an alias (alias definitions).
  private printAttrImpl(a: Attribute, elide: Elide, top = false): void {
    if (!top && !this.noAliases) {
      if (this.collecting) { this.collect(a, false, elide, this.deferrable); return; }
      const alias = this.aliasNames.get(a);
      if (alias !== undefined) { this.write("#" + alias); return; }
    }
    switch (a.kind) {
      case AttrKind.Integer: {
        const ia = a as IntegerAttr;
        if (ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 1 && (ia.type as IntegerType).signedness === Signedness.Signless) {
          this.write(ia.value ? "true" : "false");
          return;
        }
        this.write(String(ia.value));
        if (elide === Elide.May && ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 64 && (ia.type as IntegerType).signedness === Signedness.Signless) return;
        this.write(" : ");
        this.printType(ia.type);
        return;
      }
      case AttrKind.Float: {
        const fa = a as FloatAttr;
        const f = formatFloatAttr(fa);
        this.write(f.text);
        if (elide === Elide.May && fa.type.name === "f64" && !f.hex) return;
        this.write(" : ");
        this.printType(fa.type);
        return;
      }
      case AttrKind.String: {
        const sa = a as StringAttr;
        this.write(escapeString(sa.value));
        if (sa.type !== null && sa.type.kind !== TypeKind.None) { this.write(" : "); this.printType(sa.type); }
        return;
      }
      case AttrKind.Unit: this.write("unit"); return;
      case AttrKind.Array: {
        const es = (a as ArrayAttr).elements;
        this.write("[");
        for (let i = 0; i < es.length; i++) { if (i) this.write(", "); this.printAttrImpl(es[i], Elide.May); }
        this.write("]");
        return;
      }
      case AttrKind.Dictionary: this.printNamedAttrs((a as DictionaryAttr).entries); return;
      case AttrKind.SymbolRef: {
        const sr = a as SymbolRefAttr;
        this.write(symbolName(sr.root));
        for (const n of sr.nested) this.write("::" + symbolName(n));
        return;
      }
      case AttrKind.TypeAttr: this.printType((a as TypeAttr).type); return;
      case AttrKind.AffineMap: this.write(`affine_map<${printAffineMap((a as AffineMapAttr).map)}>`); return;
      case AttrKind.IntegerSet: this.write(`affine_set<${printIntegerSet((a as IntegerSetAttr).set)}>`); return;
      case AttrKind.DenseArray: {
        const da = a as DenseArrayAttr;
        this.write("array<");
        this.printType(da.elementType);
        if (da.values.length) {
          this.write(": ");
          const et = da.elementType;
          const isBool = et.kind === TypeKind.Integer && (et as IntegerType).width === 1;
          da.values.forEach((v, i) => {
            if (i) this.write(", ");
            if (isBool) this.write(v ? "true" : "false");
            else if (et.kind === TypeKind.Float) this.write(formatFloat(v, et as FloatType).text);
            else this.write(integerText(v)); // exact for INT64_MIN (kDynamic)
          });
        }
        this.write(">");
        return;
      }
      case AttrKind.DenseElements: this.printDense(a as DenseElementsAttr, true); return;
      case AttrKind.StridedLayout: {
        const sl = a as StridedLayoutAttr;
        const d = (x: number) => (x === kDynamic ? "?" : integerText(x));
        this.write("strided<[" + sl.strides.map(d).join(", ") + "]");
        if (sl.offset !== 0) this.write(", offset: " + d(sl.offset));
        this.write(">");
        return;
      }
      case AttrKind.Opaque: {
        const oa = a as OpaqueAttr;
        this.write(dialectSymbol("#", oa.dialect, oa.data));
        if (oa.type !== null) { this.write(" : "); this.printType(oa.type); }
        return;
      }
      case AttrKind.Dialect: {
        const da = a as DialectAttr;
        this.write("#" + da.def.name);
        registry.lookupAttr(da.def.name)?.print(this, a);
        return;
      }
      case AttrKind.Distinct: {
        const d = a as DistinctAttr;
        let id = this.distinctIds.get(d);
        if (id === undefined && !this.collecting) { id = this.distinctIds.size; this.distinctIds.set(d, id); }
        this.write(`distinct[${id}]<`);
        if (d.referenced.kind !== AttrKind.Unit) this.printAttrImpl(d.referenced, Elide.Never);
        this.write(">");
        return;
      }
      case AttrKind.DenseStringElements: {
        const d = a as DenseStringElementsAttr;
        this.write(this.elides(d.splat, d.type) ? elidedElements : `dense<${denseStringText(d, escapeString)}>`);
        this.write(" : ");
        this.printType(d.type);
        return;
      }
      case AttrKind.SparseElements: {
        const sp = a as SparseElementsAttr;
        if (this.elides(false, sp.type)) this.write(elidedElements);
        else {
          this.write("sparse<");
          if (sp.indices.type.numElements !== 0) {
            this.write(denseElementsText(sp.indices, -1) + ", ");
            this.write(sp.values.kind === AttrKind.DenseElements ? denseElementsText(sp.values as DenseElementsAttr, this.elementsHexAbove) : denseStringText(sp.values as DenseStringElementsAttr, escapeString));
          }
          this.write(">");
        }
        this.write(" : ");
        this.printType(sp.type);
        return;
      }
      case AttrKind.DenseResourceElements: {
        const dr = a as DenseResourceElementsAttr;
        if (!this.collecting) this.usedResources.add(dr.handle);
        this.write(`dense_resource<${keywordOrString(dr.handle.key)}> : `);
        this.printType(dr.type);
        return;
      }
      default:
        if (this.prettyLocs) { this.printLocInner(a as Location, true); return; }
        this.write("loc(");
        this.printLocInner(a as Location, true);
        this.write(")");
    }
  }

  /// Whether an elements attribute prints elided (MLIR's OpPrintingFlags::shouldElideElementsAttr).
  private elides(splat: boolean, type: ShapedType): boolean {
    return this.elideElementsAbove >= 0 && !splat && type.numElements > this.elideElementsAbove;
  }

  private printDense(d: DenseElementsAttr, withType: boolean): void {
    this.write(this.elides(d.splat, d.type) ? elidedElements : `dense<${denseElementsText(d, this.elementsHexAbove)}>`);
    if (withType) { this.write(" : "); this.printType(d.type); }
  }

  /// The body of a location; nested locations use their aliases unless aliases are off (MLIR's printLocationInternal,
  /// in its pretty form under --mlir-pretty-debuginfo).
  private printLocInner(l: Location, isTopLevel = true): void {
    if (!isTopLevel && !this.noAliases) {
      if (this.collecting) { this.collect(l, false, Elide.Never, this.deferrable); return; }
      const alias = this.aliasNames.get(l);
      if (alias !== undefined) { this.write("#" + alias); return; }
    }
    // MLIR's pretty form (--mlir-pretty-debuginfo): `[unknown]`, the file name unquoted, a call site as
    // `callee at caller` (on a new line unless the callee is a name and the caller a file location), no `fused`.
    const pretty = this.prettyLocs;
    switch (l.kind) {
      case AttrKind.UnknownLoc: this.write(pretty ? "[unknown]" : "unknown"); return;
      case AttrKind.FileLineColLoc: { const f = l as FileLineColLoc; this.write(`${pretty ? f.file : escapeString(f.file)}:${f.line}:${f.col}`); return; }
      case AttrKind.NameLoc: {
        const n = l as NameLoc;
        this.write(escapeString(n.name));
        if (n.child.kind !== AttrKind.UnknownLoc) { this.write("("); this.printLocInner(n.child, false); this.write(")"); }
        return;
      }
      case AttrKind.CallSiteLoc: {
        const c = l as CallSiteLoc;
        if (!pretty) this.write("callsite(");
        this.printLocInner(c.callee, false);
        this.write(!pretty || (c.callee.kind === AttrKind.NameLoc && c.caller.kind === AttrKind.FileLineColLoc) ? " at " : "\n at ");
        this.printLocInner(c.caller, false);
        if (!pretty) this.write(")");
        return;
      }
      case AttrKind.FusedLoc: {
        const f = l as FusedLoc;
        if (!pretty) this.write("fused");
        if (f.metadata !== null) { this.write("<"); this.printAttribute(f.metadata); this.write(">"); }
        this.write("[");
        f.locations.forEach((x, i) => { if (i) this.write(", "); this.printLocInner(x, false); });
        this.write("]");
        return;
      }
    }
  }

  // ---- alias collection of an op printed in generic form: regions first, then types, then attributes ----

  private visitNestedOps(op: Operation): void {
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) {
      for (let o = b.firstOp; o !== null; o = o.next) this.printFullOp(o);
    }
  }

  private visitGenericOp(op: Operation): void {
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) {
      for (const a of b.args) { this.printType(a.type); if (this.debugInfo) this.collectLoc(a.loc, false); }
      for (let o = b.firstOp; o !== null; o = o.next) this.printFullOp(o);
    }
    for (const o of op.operands) this.printType(o.value.type);
    for (const r of op.results) this.printType(r.type);
    const merged = op.props.size === 0 ? op.attrs.entries : op.attrs.size === 0 ? op.props.entries :
      [...op.props.entries, ...op.attrs.entries].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const e of merged) this.printAttrImpl(e.value, Elide.Never);
  }
}

function isNamedList(a: DictionaryAttr | readonly NamedAttribute[]): a is readonly NamedAttribute[] {
  return Array.isArray(a);
}

const quotedOpNames = new Map<string, string>();
/// `"name"` of an op, escaped (cached: a print meets few names).
function quotedOpName(name: string): string {
  let q = quotedOpNames.get(name);
  if (q === undefined) { q = escapeString(name); quotedOpNames.set(name, q); }
  return q;
}

function withoutElided(es: readonly NamedAttribute[], elided: readonly string[]): readonly NamedAttribute[] {
  if (es.length === 0 || elided.length === 0) return es;
  return es.filter((e) => !elided.includes(e.name));
}

/// Prints a top-level operation to a string, as mlir-opt does.
export function printOperationToString(op: Operation, options: PrintOptions = {}): string {
  return new AsmPrinter(options).printTopLevel(op).join("");
}

/// The options to print IR numbered from `root` (the op printed, or the op its values are numbered from) with when it
/// may not verify (after a pass failed or broke it): MLIR verifies that op before it prints and prints the generic
/// form if that fails, since custom printers may not cope with invalid ops (verifyOpAndAdjustFlags) — unless the
/// options ask for the generic form already or assume verified IR (`--mlir-print-assume-verified`).
export function printOptionsForUnverified(root: Operation, options: PrintOptions): PrintOptions {
  if (options.generic === true || options.assumeVerified === true) return options;
  return verify(root).length === 0 ? options : { ...options, generic: true };
}

/// Prints a type.
export function typeToText(t: Type): string { return new AsmPrinter().typeText(t); }
/// Prints an attribute (without aliases).
export function attrToText(a: Attribute): string { return new AsmPrinter().attrText(a); }
setTypeStringifier(typeToText);
/// The op from which MLIR numbers values when it prints `op` with a local scope (OpPrintingFlags::useLocalScope): the
/// closest of `op` and its ancestors that is isolated from above, else the top-level op.
function localScopeRoot(op: Operation): Operation {
  let root = op;
  while (!(root.def !== null && hasTrait(root.def, Trait.IsolatedFromAbove)) && root.parentOp !== null) root = root.parentOp;
  return root;
}

/// The printer of ops in "see current operation" notes under the tool's printing flags `options` (MLIR's
/// Diagnostic::appendOp, which starts from them): generic form, values numbered from the op's local scope
/// (localScopeRoot) as if that op were printed alone, elements attributes of more than 16 elements elided
/// (adjustPrintingFlags); locations, value users and the like as `options` ask.
export function diagnosticOpPrinter(options: PrintOptions): (op: Operation) => string {
  const flags: PrintOptions = { ...options, generic: true, localScope: true, elideElementsAbove: 16 };
  return (op) => new AsmPrinter(flags).printInContext(op, localScopeRoot(op));
}

/// Prints one op for "see current operation" notes with the default printing flags (diagnosticOpPrinter).
export const printOpGeneric: (op: Operation) => string = diagnosticOpPrinter({});

setAttrStringifier(attrToText);
setDiagnosticOpPrinter(printOpGeneric);

/// MLIR's printDialectSymbol: `!foo.bar<...>` when the data is an identifier with an optional `<...>` tail
/// (isDialectSymbolSimpleEnoughForPrettyForm), else `!foo<data>`.
function dialectSymbol(prefix: string, dialect: string, data: string): string {
  let i = 0;
  const c0 = data.charCodeAt(0);
  if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) {
    for (i = 1; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95)) break;
    }
    if (i === data.length || (data.charCodeAt(i) === 60 && data.charCodeAt(data.length - 1) === 62)) return `${prefix}${dialect}.${data}`;
  }
  return `${prefix}${dialect}<${data}>`;
}

/// The top-level ancestor of `op` (`op` itself if it has no parent).
export function topLevelOf(op: Operation): Operation {
  let top = op;
  while (top.parentOp !== null) top = top.parentOp;
  return top;
}
