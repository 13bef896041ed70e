// The AsmPrinter: MLIR's custom and generic forms, SSA naming, aliases, regions and blocks.
import { printAffineExpr, printAffineMap, printIntegerSet, type AffineExpr, type AffineMap } from "../affine/index.js";
import {
  AttrKind, setAttrStringifier, type AffineMapAttr, type ArrayAttr, type Attribute, type CallSiteLoc, type DenseArrayAttr,
  type DenseElementsAttr, type DialectAttr, type DictionaryAttr, type FileLineColLoc, type FloatAttr, type FusedLoc,
  type IntegerAttr, type IntegerSetAttr, type Location, type NamedAttribute, type NameLoc, type OpaqueAttr,
  type StridedLayoutAttr, type StringAttr, type SymbolRefAttr, type TypeAttr,
} from "../ir/attrs.js";
import { OpResult, ValueKind, type Block, type BlockArgument, type Operation, type Region, type Value } from "../ir/ir.js";
import { hasTrait, registry, Trait } from "../ir/opdef.js";
import {
  kDynamic, setTypeStringifier, Signedness, TypeKind, type ComplexType, type DialectType, type FloatType, type FunctionType,
  type IntegerType, type MemRefType, type OpaqueType, type RankedTensorType, type TupleType, type Type,
  type UnrankedMemRefType, type UnrankedTensorType, type VectorType,
} from "../ir/types.js";
import { formatFloat } from "./float-format.js";
import { printWithFormat } from "./format.js";
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
  private readonly aliasNames = new Map<Attribute, string>();
  private readonly aliasCounts = new Map<string, number>();
  private readonly aliasList: { attr: Attribute; base: string; name: string }[] = [];
  private readonly defaultDialects: string[] = ["builtin"];
  /// When set, aliases are not used (printing an alias definition, or a lone attribute).
  private noAliases = false;

  constructor(options: PrintOptions = {}) {
    this.generic = options.generic ?? false;
    this.debugInfo = options.debugInfo ?? false;
  }

  // ---- output ----

  write(s: string): void {
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
    if (this.generic) this.collectAliasesGeneric(op);
    this.printFullOp(op);
    this.write("\n");
    const body = this.takeChunks();
    const header = this.aliasHeader();
    return header.length ? [header, ...body] : body;
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

  private aliasHeader(): string {
    if (!this.aliasList.length) return "";
    const sorted = this.aliasList.slice().sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
    let out = "";
    this.noAliases = true;
    for (const a of sorted) {
      this.buf = "";
      this.printAttrImpl(a.attr, Elide.Never);
      out += `#${a.name} = ${this.buf}\n`;
    }
    this.buf = "";
    this.noAliases = false;
    return out;
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
        if (!this.generic && op.def !== null && op.def.asmNames !== null) {
          op.def.asmNames(op, (i, name) => {
            const r = op.results[i];
            if (r === undefined || this.names.has(r)) return;
            this.names.set(r, "%" + this.uniqueName(name, st));
            if (i !== 0) groups.push(i);
          });
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
    if (!this.generic && def !== null && (def.syntax !== null || def.format !== null)) {
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

  private aliasOf(a: Attribute): string | null {
    if (this.noAliases) return null;
    const found = this.aliasNames.get(a);
    if (found !== undefined) return found;
    let base: string | null = null;
    if (a.kind === AttrKind.AffineMap) base = "map";
    else if (a.kind === AttrKind.IntegerSet) base = "set";
    else if (a.kind === AttrKind.Dialect) base = registry.lookupAttr((a as DialectAttr).def.name)?.alias ?? null;
    if (base === null) return null;
    const n = this.aliasCounts.get(base) ?? 0;
    this.aliasCounts.set(base, n + 1);
    const name = n === 0 ? base : base + n;
    this.aliasNames.set(a, name);
    this.aliasList.push({ attr: a, base, name });
    return name;
  }

  private printAttrImpl(a: Attribute, elide: Elide): void {
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
      case AttrKind.AffineMap: {
        const alias = this.aliasOf(a);
        if (alias !== null) { this.write("#" + alias); return; }
        this.write(`affine_map<${printAffineMap((a as AffineMapAttr).map)}>`);
        return;
      }
      case AttrKind.IntegerSet: {
        const alias = this.aliasOf(a);
        if (alias !== null) { this.write("#" + alias); return; }
        this.write(`affine_set<${printIntegerSet((a as IntegerSetAttr).set)}>`);
        return;
      }
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
        const alias = this.aliasOf(a);
        if (alias !== null) { this.write("#" + alias); return; }
        const da = a as DialectAttr;
        this.write("#" + da.def.name);
        registry.lookupAttr(da.def.name)?.print(this, a);
        return;
      }
      default:
        this.write("loc(");
        this.printLocInner(a as Location);
        this.write(")");
    }
  }

  private printDense(d: DenseElementsAttr, withType: boolean): void {
    const et = d.type.elementType;
    const fmt = (v: unknown): string => {
      if (et.kind === TypeKind.Float) return formatFloat(Number(v), et as FloatType).text;
      if (et.kind === TypeKind.Integer && (et as IntegerType).width === 1) return Number(v) ? "true" : "false";
      return String(v);
    };
    this.write("dense<");
    if (d.splat) this.write(fmt(d.values[0]));
    else if (d.type.numElements === 0) { /* MLIR prints `dense<>` for zero elements */ }
    else {
      const shape = d.type.shape;
      let k = 0;
      const rec = (dim: number): void => {
        if (dim === shape.length) { this.write(fmt(d.values[k++])); return; }
        this.write("[");
        for (let i = 0; i < shape[dim]; i++) { if (i) this.write(", "); rec(dim + 1); }
        this.write("]");
      };
      rec(0);
    }
    this.write(">");
    if (withType) { this.write(" : "); this.printType(d.type); }
  }

  private printLocInner(l: Location): void {
    switch (l.kind) {
      case AttrKind.UnknownLoc: this.write("unknown"); return;
      case AttrKind.FileLineColLoc: { const f = l as FileLineColLoc; this.write(`${escapeString(f.file)}:${f.line}:${f.col}`); return; }
      case AttrKind.NameLoc: {
        const n = l as NameLoc;
        this.write(escapeString(n.name));
        if (n.child.kind !== AttrKind.UnknownLoc) { this.write("("); this.printLocInner(n.child); this.write(")"); }
        return;
      }
      case AttrKind.CallSiteLoc: {
        const c = l as CallSiteLoc;
        this.write("callsite(");
        this.printLocInner(c.callee);
        this.write(" at ");
        this.printLocInner(c.caller);
        this.write(")");
        return;
      }
      case AttrKind.FusedLoc: {
        const f = l as FusedLoc;
        this.write("fused");
        if (f.metadata !== null) { this.write("<"); this.printAttribute(f.metadata); this.write(">"); }
        this.write("[");
        f.locations.forEach((x, i) => { if (i) this.write(", "); this.printLocInner(x); });
        this.write("]");
        return;
      }
    }
  }

  // ---- aliases of the generic form: MLIR visits regions first, then types, then attributes ----

  private collectAliasesGeneric(top: Operation): void {
    const visitOp = (op: Operation): void => {
      for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) {
        for (const a of b.args) this.visitType(a.type);
        for (let o = b.firstOp; o !== null; o = o.next) visitOp(o);
      }
      for (const o of op.operands) this.visitType(o.value.type);
      for (const r of op.results) this.visitType(r.type);
      const merged = [...op.props.entries, ...op.attrs.entries].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      for (const e of merged) this.visitAttr(e.value);
    };
    visitOp(top);
  }
  private visitType(t: Type): void {
    if (t.kind === TypeKind.MemRef) {
      const mt = t as MemRefType;
      this.visitType(mt.elementType);
      if (mt.layout !== null) this.visitAttr(mt.layout);
      if (mt.memorySpace !== null) this.visitAttr(mt.memorySpace);
    } else if (t.kind === TypeKind.Function) {
      for (const x of (t as FunctionType).inputs) this.visitType(x);
      for (const x of (t as FunctionType).results) this.visitType(x);
    } else if (t.kind === TypeKind.Tensor && (t as RankedTensorType).encoding !== null) this.visitAttr((t as RankedTensorType).encoding!);
  }
  private visitAttr(a: Attribute): void {
    switch (a.kind) {
      case AttrKind.AffineMap: case AttrKind.IntegerSet: case AttrKind.Dialect: this.aliasOf(a); return;
      case AttrKind.Array: for (const e of (a as ArrayAttr).elements) this.visitAttr(e); return;
      case AttrKind.Dictionary: for (const e of (a as DictionaryAttr).entries) this.visitAttr(e.value); return;
      case AttrKind.TypeAttr: this.visitType((a as TypeAttr).type); return;
    }
  }
}

function isNamedList(a: DictionaryAttr | readonly NamedAttribute[]): a is readonly NamedAttribute[] {
  return Array.isArray(a);
}

function sanitize(name: string): string {
  // MLIR's sanitizeIdentifier: invalid characters become '_', a leading digit gets a '_' prefix.
  let s = name.replace(/[^A-Za-z0-9_$.-]/g, "_");
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
