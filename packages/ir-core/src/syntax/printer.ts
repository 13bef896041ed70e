// The AsmPrinter: MLIR's custom and generic forms, SSA naming, aliases, regions and blocks.
import { printAffineExpr, printAffineMap, printIntegerSet, type AffineExpr, type AffineMap } from "../affine/index.js";
import {
  AttrKind, setAttrStringifier, type AffineMapAttr, type ArrayAttr, Attribute, type CallSiteLoc, type DenseArrayAttr,
  type DenseElementsAttr, type DialectAttr, type DictionaryAttr, type FileLineColLoc, type FloatAttr, type FusedLoc,
  type IntegerAttr, type IntegerSetAttr, type Location, type NamedAttribute, type NameLoc, type OpaqueAttr,
  type StridedLayoutAttr, type StringAttr, type SymbolRefAttr, type TypeAttr, type DistinctAttr, type DenseStringElementsAttr,
  type SparseElementsAttr, type DenseResourceElementsAttr, type DenseResourceHandle, isLocation,
} from "../ir/attrs.js";
import { externalResourcesOf } from "../ir/file-metadata.js";
import { OpResult, ValueKind, type Block, type BlockArgument, type Operation, type Region, type Value } from "../ir/ir.js";
import { hasTrait, registry, Trait } from "../ir/opdef.js";
import {
  kDynamic, setTypeStringifier, Signedness, TypeKind, type ComplexType, type DialectType, type FloatType, type FunctionType,
  type IntegerType, type MemRefType, type OpaqueType, type RankedTensorType, type TupleType, type Type,
  type UnrankedMemRefType, type UnrankedTensorType, type VectorType,
} from "../ir/types.js";
import { AliasScan } from "./alias-scan.js";
import { denseElementsText, denseStringText, fileMetadataText } from "./elements-print.js";
import { formatFloat } from "./float-format.js";
import { printWithFormat, resultGroups } from "./format.js";
import type { OpPrinter } from "./op-printer.js";

/// Printer flags, after mlir-opt's.
export interface PrintOptions {
  /// `--mlir-print-op-generic`.
  readonly generic?: boolean;
  /// `--mlir-print-debuginfo`.
  readonly debugInfo?: boolean;
}

const bareIdRe = /^[A-Za-z_][A-Za-z0-9_$.]*$/;

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

class Scope {
  readonly names = new Set<string>();
  constructor(readonly parent: Scope | null) {}
  has(n: string): boolean {
    for (let s: Scope | null = this; s !== null; s = s.parent) if (s.names.has(n)) return true;
    return false;
  }
}

const CHUNK = 1 << 16;

/// An attribute met by the alias collection; `base` is its alias prefix (null: no alias).
interface AliasEntry { readonly attr: Attribute; readonly base: string | null; depth: number; readonly order: number }

/// Prints operations, types and attributes.
export class AsmPrinter implements OpPrinter {
  readonly generic: boolean;
  readonly debugInfo: boolean;
  private buf = "";
  private readonly chunks: string[] = [];
  private indent = 0;
  private readonly names = new Map<Value, string>();
  private readonly blockNames = new Map<Block, { name: string; ordering: number }>();
  private readonly resultGroups = new Map<Operation, number[]>();
  /// Final alias names of attributes (MLIR's AliasState), known before the body is printed.
  private readonly aliasNames = new Map<Attribute, string>();
  /// Aliases in definition order.
  private aliasDefs: AliasEntry[] = [];
  /// Every attribute (and type) the alias collection visited, as MLIR's AliasInitializer.
  private readonly visited = new Map<Attribute, AliasEntry>();
  private readonly visitedTypes = new Set<Type>();
  private readonly aliasScan = new AliasScan();
  /// Set during the alias collection pass: the printer walks what it would print and writes nothing.
  private collecting = false;
  /// The deepest alias met while visiting the current attribute's children.
  private depthAcc = 0;
  /// `distinct[N]` numbers, assigned in print order.
  private readonly distinctIds = new Map<DistinctAttr, number>();
  /// Resource handles in the order they were printed (for the `{-# dialect_resources #-}` section).
  private readonly usedResources = new Set<DenseResourceHandle>();
  private readonly defaultDialects: string[] = ["builtin"];
  /// When set, aliases are not used (a lone attribute, or an op printed in context).
  private noAliases = false;

  constructor(options: PrintOptions = {}) {
    this.generic = options.generic ?? false;
    this.debugInfo = options.debugInfo ?? false;
  }

  // ---- output ----

  write(s: string): void {
    if (this.collecting) return;
    this.buf += s;
    if (this.buf.length > CHUNK) { this.chunks.push(this.buf); this.buf = ""; }
  }
  /// The printed text as chunks (the CLI streams them).
  takeChunks(): string[] {
    if (this.buf.length) this.chunks.push(this.buf);
    this.buf = "";
    return this.chunks.splice(0);
  }
  printNewline(): void { this.write("\n" + " ".repeat(this.indent)); }

  // ---- entry points ----

  /// Prints a top-level operation as mlir-opt does: alias definitions first, then the op and a newline.
  printTopLevel(op: Operation): string[] {
    this.numberRegionsOf(op);
    this.initializeAliases(op);
    this.printAliasDefs();
    this.printFullOp(op);
    this.write("\n");
    this.printFileMetadata(op);
    return this.takeChunks();
  }

  /// Prints one op (without aliases header) with value names numbered from its top-level ancestor, as MLIR's Operation::print.
  printInContext(op: Operation): string {
    let top = op;
    while (top.parentOp !== null) top = top.parentOp;
    this.numberRegionsOf(top);
    this.noAliases = true;
    this.printOperation(op);
    return this.takeChunks().join("");
  }

  /// MLIR's AliasInitializer: walks what would be printed (custom printers included, writing nothing) and
  /// names every aliasable attribute; aliases are ordered by nesting depth, then name, then first use.
  private initializeAliases(op: Operation): void {
    if (this.noAliases) return;
    this.collecting = true;
    this.printOperation(op);
    this.collecting = false;
    const cands: AliasEntry[] = [];
    for (const e of this.visited.values()) if (e.base !== null) cands.push(e);
    cands.sort((x, y) => x.depth - y.depth || (x.base! < y.base! ? -1 : x.base! > y.base! ? 1 : 0) || x.order - y.order);
    const counts = new Map<string, number>();
    for (const e of cands) {
      const n = counts.get(e.base!) ?? 0;
      counts.set(e.base!, n + 1);
      this.aliasNames.set(e.attr, n === 0 ? e.base! : e.base! + n);
    }
    this.aliasDefs = cands;
    this.visited.clear();
    this.visitedTypes.clear();
  }

  private printAliasDefs(): void {
    for (const e of this.aliasDefs) {
      this.write(`#${this.aliasNames.get(e.attr)!} = `);
      this.printAttrImpl(e.attr, Elide.Never, true);
      this.write("\n");
    }
  }

  /// Visits `a` during the alias collection (first visit only), recording its alias depth.
  private collectAttr(a: Attribute, elide: Elide): void {
    const seen = this.visited.get(a);
    if (seen !== undefined) {
      if (seen.depth > this.depthAcc) this.depthAcc = seen.depth;
      return;
    }
    const base = this.aliasBase(a);
    const entry: AliasEntry = { attr: a, base, depth: base === null ? 0 : 1, order: this.visited.size };
    this.visited.set(a, entry);
    const saved = this.depthAcc;
    this.depthAcc = 0;
    this.printAttrImpl(a, elide, true);
    const child = this.depthAcc;
    if (base !== null && child > 0) entry.depth = child + 1;
    this.depthAcc = Math.max(saved, base !== null ? entry.depth : child);
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

  // ---- SSA names (MLIR's SSANameState) ----

  private numberRegionsOf(top: Operation): void {
    type Ctx = { region: Region; nextValue: number; nextArg: number; nextConflict: number; scope: Scope | null };
    const stack: Ctx[] = [];
    for (const r of top.regions) stack.push({ region: r, nextValue: 0, nextArg: 0, nextConflict: 0, scope: null });
    // Regions are processed LIFO like MLIR; each child starts from its parent's counters, except in generic
    // form, where MLIR prints unique SSA ids (OpPrintingFlags::shouldPrintUniqueSSAIDs): counters carry on.
    const uniq = { nextValue: 0, nextArg: 0, nextConflict: 0 };
    while (stack.length) {
      const ctx = stack.pop()!;
      const scope = new Scope(ctx.scope);
      const st = this.generic ? { ...uniq, scope } : { nextValue: ctx.nextValue, nextArg: ctx.nextArg, nextConflict: ctx.nextConflict, scope };
      this.numberRegion(ctx.region, st);
      if (this.generic) { uniq.nextValue = st.nextValue; uniq.nextArg = st.nextArg; uniq.nextConflict = st.nextConflict; }
      for (let b = ctx.region.firstBlock; b !== null; b = b.next) {
        for (let op = b.firstOp; op !== null; op = op.next) {
          for (const r of op.regions) stack.push({ region: r, nextValue: st.nextValue, nextArg: st.nextArg, nextConflict: st.nextConflict, scope });
        }
      }
    }
  }

  private uniqueName(name: string, st: { nextConflict: number; scope: Scope }): string {
    let n = sanitize(name);
    if (st.scope.has(n)) {
      const base = n + "_";
      do n = base + st.nextConflict++; while (st.scope.has(n));
    }
    st.scope.names.add(n);
    return n;
  }

  private numberRegion(region: Region, st: { nextValue: number; nextArg: number; nextConflict: number; scope: Scope }): void {
    const parent = region.parent;
    if (!this.generic && parent !== null && parent.def !== null && parent.def.blockArgNames !== null) {
      parent.def.blockArgNames(parent, region, (i, name) => {
        const a = region.firstBlock?.args[i];
        if (a !== undefined) this.names.set(a, "%" + this.uniqueName(name, st));
      });
    }
    let blockId = 0;
    for (let b = region.firstBlock; b !== null; b = b.next) {
      this.blockNames.set(b, { name: "^bb" + blockId, ordering: blockId });
      blockId++;
      const entry = b === region.firstBlock;
      for (const a of b.args) {
        if (this.names.has(a)) continue;
        if (entry) this.names.set(a, "%" + this.uniqueName("arg" + st.nextArg++, st));
        else this.names.set(a, "%" + st.nextValue++);
      }
      for (let op = b.firstOp; op !== null; op = op.next) {
        if (op.results.length === 0) continue;
        const groups = [0];
        const def = op.def;
        if (!this.generic && def !== null) {
          const set = (i: number, name: string): void => {
            const r = op.results[i];
            if (r === undefined || this.names.has(r)) return;
            this.names.set(r, "%" + this.uniqueName(name, st));
            if (i !== 0) groups.push(i);
          };
          if (def.asmNames !== null) def.asmNames(op, set);
          else if (def.results.length > 1) {
            // ODS gives an op with several named results (and no OpAsmOpInterface) their names.
            const gs = resultGroups(op, def);
            for (let k = 0, at = 0; k < gs.length; at += gs[k].length, k++) if (gs[k].length) set(at, def.results[k].name);
          }
        }
        if (!this.names.has(op.results[0])) this.names.set(op.results[0], "%" + st.nextValue++);
        if (groups.length > 1) this.resultGroups.set(op, groups.sort((x, y) => x - y));
      }
    }
  }

  valueName(v: Value): string {
    if (v.valueKind !== ValueKind.OpResult) return this.names.get(v) ?? "<<UNKNOWN SSA VALUE>>";
    const r = v as OpResult;
    const owner = r.owner;
    if (owner.results.length === 1) return this.names.get(r) ?? "<<UNKNOWN SSA VALUE>>";
    const groups = this.resultGroups.get(owner);
    let start = 0, size = owner.results.length;
    if (groups !== undefined) {
      let k = groups.length - 1;
      while (k > 0 && groups[k] > r.index) k--;
      start = groups[k];
      size = (k + 1 < groups.length ? groups[k + 1] : owner.results.length) - start;
    }
    const base = this.names.get(owner.results[start]) ?? "<<UNKNOWN SSA VALUE>>";
    return size !== 1 ? `${base}#${r.index - start}` : base;
  }

  // ---- operations ----

  private printFullOp(op: Operation): void {
    this.printOperation(op);
    if (this.debugInfo) this.printOptionalLocationSpecifier(op.loc);
  }

  private printOperation(op: Operation): void {
    const n = op.results.length;
    if (n > 0) {
      const groups = this.resultGroups.get(op);
      if (groups !== undefined) {
        for (let k = 0; k < groups.length; k++) {
          if (k) this.write(", ");
          const cnt = (k + 1 < groups.length ? groups[k + 1] : n) - groups[k];
          this.write(this.names.get(op.results[groups[k]])!);
          if (cnt > 1) this.write(":" + cnt);
        }
      } else {
        this.write(this.names.get(op.results[0]) ?? "<<UNKNOWN SSA VALUE>>");
        if (n > 1) this.write(":" + n);
      }
      this.write(" = ");
    }
    const def = op.def;
    const custom = !this.generic && def !== null && (def.syntax !== null || def.format !== null);
    if (this.collecting) {
      // Only ops that may print an aliasable attribute matter to the collection; the rest are skipped (their
      // nested ops still visited in order), which keeps the extra pass cheap.
      if (!this.aliasScan.opMayAlias(op)) { this.visitNestedOps(op); return; }
      if (!custom) { this.visitGenericOp(op); return; }
    }
    if (custom) {
      const dflt = this.defaultDialects[this.defaultDialects.length - 1];
      const name = dflt !== "" && op.name.startsWith(dflt + ".") && op.name.indexOf(".", dflt.length + 1) < 0 ? op.name.slice(dflt.length + 1) : op.name;
      this.write(name);
      if (def.syntax !== null) def.syntax.print(this, op);
      else printWithFormat(this, op, def.format!);
      return;
    }
    this.printGenericOp(op);
  }

  private printGenericOp(op: Operation): void {
    this.write(escapeString(op.name) + "(");
    this.printOperands(op.operandValues());
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
    this.write(" : ");
    this.printFunctionalType(op.operandValues().map((v) => v.type), op.results.map((r) => r.type));
  }

  printRegion(r: Region, printEntryBlockArgs = true, printBlockTerminators = true, printEmptyBlock = false): void {
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
    this.write(" ".repeat(this.indent) + "}");
  }

  private printBlock(b: Block, header: boolean, printTerminator: boolean): void {
    if (header) {
      this.write(" ".repeat(this.indent) + this.blockNames.get(b)!.name);
      if (b.args.length) {
        this.write("(");
        b.args.forEach((a, i) => {
          if (i) this.write(", ");
          this.write(this.valueName(a) + ": ");
          this.printType(a.type);
          if (this.debugInfo) this.printOptionalLocationSpecifier(a.loc);
        });
        this.write(")");
      }
      this.write(":");
      const preds = b.predecessors();
      if (preds.length === 0) { if (!b.isEntryBlock) this.write("  // no predecessors"); }
      else if (preds.every((p) => p === preds[0])) this.write("  // pred: " + this.blockNames.get(preds[0])!.name);
      else {
        const infos = [...new Set(preds)].map((p) => this.blockNames.get(p)!).sort((x, y) => x.ordering - y.ordering);
        this.write(`  // ${infos.length} preds: ` + infos.map((x) => x.name).join(", "));
      }
      this.write("\n");
    }
    this.indent += 2;
    const last = b.lastOp;
    const skipLast = !printTerminator && last !== null && hasTrait(last.def, Trait.Terminator);
    for (let op = b.firstOp; op !== null; op = op.next) {
      if (skipLast && op === last) break;
      this.write(" ".repeat(this.indent));
      this.printFullOp(op);
      this.write("\n");
    }
    this.indent -= 2;
  }

  // ---- OpPrinter ----

  printOperand(v: Value): void { this.write(this.valueName(v)); }
  printOperands(vs: readonly Value[]): void {
    for (let i = 0; i < vs.length; i++) { if (i) this.write(", "); this.write(this.valueName(vs[i])); }
  }
  printTypes(ts: readonly Type[]): void {
    for (let i = 0; i < ts.length; i++) { if (i) this.write(", "); this.printType(ts[i]); }
  }
  printSuccessor(b: Block): void { this.write(this.blockNames.get(b)?.name ?? "<<UNKNOWN BLOCK>>"); }
  printSymbolName(name: string): void { this.write(symbolName(name)); }
  printString(s: string): void { this.write(escapeString(s)); }
  printKeywordOrString(s: string): void { this.write(keywordOrString(s)); }
  printAttribute(a: Attribute): void { this.printAttrImpl(a, Elide.Never); }
  printAttributeWithoutType(a: Attribute): void {
    if (a.kind === AttrKind.Integer) {
      const ia = a as IntegerAttr;
      if (ia.type.kind === TypeKind.Integer && (ia.type as IntegerType).width === 1) this.write(ia.value ? "true" : "false");
      else this.write(String(ia.value));
    } else if (a.kind === AttrKind.Float) this.write(formatFloat((a as FloatAttr).value, (a as FloatAttr).type).text);
    else if (a.kind === AttrKind.String) this.write(escapeString((a as StringAttr).value));
    else if (a.kind === AttrKind.DenseElements) this.printDense(a as DenseElementsAttr, false);
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
    const es = (isNamedList(attrs) ? attrs : attrs.entries).filter((e) => !elided.includes(e.name));
    if (!es.length) return;
    this.write(" ");
    this.printNamedAttrs(es);
  }
  printOptionalAttrDictWithKeyword(attrs: DictionaryAttr | readonly NamedAttribute[], elided: readonly string[] = []): void {
    const es = (isNamedList(attrs) ? attrs : attrs.entries).filter((e) => !elided.includes(e.name));
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
    this.write(this.valueName(arg));
    if (!omitType) { this.write(": "); this.printType(arg.type); }
    if (attrs !== null && attrs.size) { this.write(" "); this.printNamedAttrs(attrs.entries); }
    if (this.debugInfo) this.printOptionalLocationSpecifier(arg.loc);
  }
  printAffineMapOfSSAIds(map: AffineMap, operands: readonly Value[]): void {
    const dims = operands.slice(0, map.numDims), syms = operands.slice(map.numDims);
    map.results.forEach((e, i) => { if (i) this.write(", "); this.printAffineExprOfSSAIds(e, dims, syms); });
  }
  printAffineExprOfSSAIds(e: AffineExpr, dims: readonly Value[], syms: readonly Value[]): void {
    this.write(printAffineExpr(e, (i) => this.valueName(dims[i]), (i) => `symbol(${this.valueName(syms[i])})`));
  }
  printOptionalLocationSpecifier(loc: Location): void {
    this.write(" loc(");
    this.printLocInner(loc);
    this.write(")");
  }

  // ---- types ----

  printType(t: Type): void {
    if (this.collecting) {
      if (this.visitedTypes.has(t)) return;
      this.visitedTypes.add(t);
    }
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
        vt.shape.forEach((d, i) => this.write(vt.scalableDims[i] ? `[${d}]x` : `${d}x`));
        this.printType(vt.elementType);
        this.write(">");
        return;
      }
      case TypeKind.Tuple: this.write("tuple<"); this.printTypes((t as TupleType).types); this.write(">"); return;
      case TypeKind.Complex: this.write("complex<"); this.printType((t as ComplexType).elementType); this.write(">"); return;
      case TypeKind.Opaque: {
        const ot = t as OpaqueType;
        this.write(`!${ot.dialect}.${ot.data}`);
        return;
      }
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
    for (const d of shape) this.write(d === kDynamic ? "?x" : `${d}x`);
  }

  // ---- attributes ----

  /// Prints `a`, or its alias; `top` prints the attribute itself even if it has an alias (alias definitions).
  private printAttrImpl(a: Attribute, elide: Elide, top = false): void {
    if (!top && !this.noAliases) {
      if (this.collecting) { this.collectAttr(a, elide); return; }
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
        const f = formatFloat(fa.value, fa.type);
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
            else this.write(Number.isSafeInteger(v) ? String(v) : BigInt(v).toString()); // exact for INT64_MIN (kDynamic)
          });
        }
        this.write(">");
        return;
      }
      case AttrKind.DenseElements: this.printDense(a as DenseElementsAttr, true); return;
      case AttrKind.StridedLayout: {
        const sl = a as StridedLayoutAttr;
        const d = (x: number) => (x === kDynamic ? "?" : String(x));
        this.write("strided<[" + sl.strides.map(d).join(", ") + "]");
        if (sl.offset !== 0) this.write(", offset: " + d(sl.offset));
        this.write(">");
        return;
      }
      case AttrKind.Opaque: { const oa = a as OpaqueAttr; this.write(`#${oa.dialect}.${oa.data}`); return; }
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
        this.write(`dense<${denseStringText(d, escapeString)}> : `);
        this.printType(d.type);
        return;
      }
      case AttrKind.SparseElements: {
        const sp = a as SparseElementsAttr;
        this.write("sparse<");
        if (sp.indices.type.numElements !== 0) {
          this.write(denseElementsText(sp.indices, false) + ", ");
          this.write(sp.values.kind === AttrKind.DenseElements ? denseElementsText(sp.values as DenseElementsAttr, true) : denseStringText(sp.values as DenseStringElementsAttr, escapeString));
        }
        this.write("> : ");
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
        this.write("loc(");
        this.printLocInner(a as Location, top);
        this.write(")");
    }
  }

  private printDense(d: DenseElementsAttr, withType: boolean): void {
    this.write(`dense<${denseElementsText(d, true)}>`);
    if (withType) { this.write(" : "); this.printType(d.type); }
  }

  /// The body of a location; nested locations use their aliases unless `noNestedAliases` (MLIR's printLocationInternal).
  private printLocInner(l: Location, isTopLevel = true): void {
    if (!isTopLevel && !this.noAliases && !this.debugInfo) {
      if (this.collecting) { this.collectAttr(l, Elide.Never); return; }
      const alias = this.aliasNames.get(l);
      if (alias !== undefined) { this.write("#" + alias); return; }
    }
    switch (l.kind) {
      case AttrKind.UnknownLoc: this.write("unknown"); return;
      case AttrKind.FileLineColLoc: { const f = l as FileLineColLoc; this.write(`${escapeString(f.file)}:${f.line}:${f.col}`); return; }
      case AttrKind.NameLoc: {
        const n = l as NameLoc;
        this.write(escapeString(n.name));
        if (n.child.kind !== AttrKind.UnknownLoc) { this.write("("); this.printLocInner(n.child, false); this.write(")"); }
        return;
      }
      case AttrKind.CallSiteLoc: {
        const c = l as CallSiteLoc;
        this.write("callsite(");
        this.printLocInner(c.callee, false);
        this.write(" at ");
        this.printLocInner(c.caller, false);
        this.write(")");
        return;
      }
      case AttrKind.FusedLoc: {
        const f = l as FusedLoc;
        this.write("fused");
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
      for (let o = b.firstOp; o !== null; o = o.next) this.printOperation(o);
    }
  }

  private visitGenericOp(op: Operation): void {
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) {
      for (const a of b.args) this.printType(a.type);
      for (let o = b.firstOp; o !== null; o = o.next) this.printOperation(o);
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

function sanitize(name: string): string {
  // MLIR's sanitizeIdentifier: a space becomes '_', another invalid character its hex code, and a leading digit
  // gets a '_' prefix.
  let s = /^[A-Za-z0-9_$.-]*$/.test(name) ? name : name.replace(/[^A-Za-z0-9_$.-]/g, (c) => (c === " " ? "_" : (c.charCodeAt(0) & 0xff).toString(16).toUpperCase()));
  if (/^[0-9]/.test(s)) s = "_" + s;
  return s.length ? s : "_";
}

/// Prints a top-level operation to a string, as mlir-opt does.
export function printOperationToString(op: Operation, options: PrintOptions = {}): string {
  return new AsmPrinter(options).printTopLevel(op).join("");
}

/// Prints a type.
export function typeToText(t: Type): string {
  const p = new AsmPrinter();
  (p as unknown as { noAliases: boolean }).noAliases = true; // diagnostics spell out layouts, as MLIR's
  p.printType(t);
  return p.takeChunks().join("");
}
/// Prints an attribute (without aliases).
export function attrToText(a: Attribute): string {
  const p = new AsmPrinter();
  (p as unknown as { noAliases: boolean }).noAliases = true;
  p.printAttribute(a);
  return p.takeChunks().join("");
}
setTypeStringifier(typeToText);
setAttrStringifier(attrToText);
