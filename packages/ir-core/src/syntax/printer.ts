// The AsmPrinter: operations in MLIR's custom and generic forms, regions and blocks, SSA names and the alias collection
// walk (MLIR's OperationPrinter); attributes, types and locations print through its base, AttrTypePrinter.
import { writeAffineExpr, type AffineExpr, type AffineMap } from "../affine/index.js";
import { setAttrStringifier, type Attribute, type DictionaryAttr, type Location, type NamedAttribute } from "../ir/attrs.js";
import { externalResourcesOf } from "../ir/file-metadata.js";
import type { Block, BlockArgument, OpOperand, Operation, Region, Value } from "../ir/ir.js";
import { hasTrait, Trait, type OpDef } from "../ir/opdef.js";
import { setDiagnosticOpPrinter, verify } from "../ir/verifier.js";
import { setTypeStringifier, TypeKind, type Type } from "../ir/types.js";
import { AliasScan } from "./alias-scan.js";
import { AttrTypePrinter, Elide, escapeString } from "./attr-type-printer.js";
import { fileMetadataText } from "./elements-print.js";
import { printWithFormat } from "./format.js";
import type { OpPrinter } from "./op-printer.js";
import { SsaNames } from "./ssa-names.js";

export { escapeString, keywordOrString, symbolName } from "./attr-type-printer.js";

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

/// Prints operations, types and attributes.
export class AsmPrinter extends AttrTypePrinter implements OpPrinter {
  readonly generic: boolean;
  private readonly names: SsaNames;
  private readonly aliasScan = new AliasScan();
  private readonly defaultDialects: string[] = ["builtin"];
  /// Printed op names by default dialect and op record.
  private readonly shortNames = new Map<string, Map<OpDef, string>>();
  private readonly localScope: boolean;
  private readonly skipRegions: boolean;
  private readonly valueUsers: boolean;
  /// The operands of the affine expression being printed, and the name callbacks reading them (made once).
  private affineDims: readonly Value[] = [];
  private affineSyms: readonly Value[] = [];
  private affineSymBase = 0;
  private readonly affineDimName = (i: number): string => this.valueName(this.affineDims[i]);
  private readonly affineSymName = (i: number): string => "symbol(" + this.valueName(this.affineSyms[this.affineSymBase + i]) + ")";

  constructor(options: PrintOptions = {}) {
    super(options);
    this.generic = options.generic ?? false;
    this.localScope = options.localScope ?? false;
    this.skipRegions = options.skipRegions ?? false;
    this.valueUsers = options.valueUsers ?? false;
    this.names = new SsaNames(this.generic, options.uniqueIds ?? false, this.valueUsers);
  }

  protected get dialectPrinter(): OpPrinter { return this; }

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

  /// MLIR's AliasInitializer: walks what would be printed (custom printers included, writing nothing) and
  /// names every aliasable attribute; aliases are ordered by nesting depth, then name, then first use.
  private initializeAliases(op: Operation): void {
    if (this.noAliases) return;
    this.collecting = true;
    this.printFullOp(op);
    this.collecting = false;
    this.nameAliases();
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
  printSuccessor(b: Block): void { if (!this.collecting) this.write(this.names.blockInfo(b)?.name ?? "<<UNKNOWN BLOCK>>"); }
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

/// The top-level ancestor of `op` (`op` itself if it has no parent).
export function topLevelOf(op: Operation): Operation {
  let top = op;
  while (top.parentOp !== null) top = top.parentOp;
  return top;
}
