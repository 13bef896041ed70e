// MLIR's declarative assembly format: compiled once per op into directives run by one printer and one parser.
import { InternalError } from "../diag/diagnostic.js";
import { getDenseI32ArrayAttr, unitAttr, type Attribute, type NamedAttribute } from "../ir/attrs.js";
import { Region, type Operation, type Value } from "../ir/ir.js";
import { Arity, failedInherentAttr, hasStorageClass, hasTrait, setFormatCompiler, Trait, type OpDef } from "../ir/opdef.js";
import { TypeKind, type FunctionType, type Type } from "../ir/types.js";
import type { NamedAttrList } from "./attr-list.js";
import type { OperationState, OpParser, UnresolvedOperand } from "./op-parser.js";
import type { OpPrinter } from "./op-printer.js";

/// Directive kinds.
export const enum Dir {
  Literal, Space, Newline, Operand, AllOperands, Type, FunctionalType, Prop, AttrDict, AttrDictKw, PropDict, Region,
  AllRegions, Successor, AllSuccessors, Optional, Custom,
}

/// What a `type(...)` or `functional-type` argument refers to.
export const enum TypeRef { Operand, Result, AllOperands, AllResults }

/// One compiled element of a format. Every field is set (null where unused) so all directives share a shape.
export interface Directive {
  readonly kind: Dir;
  readonly text: string;
  readonly slot: number;
  readonly typeRef: TypeRef;
  readonly spaceBefore: boolean;
  readonly group: readonly Directive[] | null;
  readonly elseGroup: readonly Directive[] | null;
  /// Index in `group` of the anchor (`^`), or -1.
  readonly anchor: number;
  readonly args: readonly Directive[] | null;
}

/// A compiled format and the names its directives print (so attr-dict can elide them).
export interface FormatProgram {
  readonly directives: readonly Directive[];
  readonly printedProps: readonly string[];
}

/// A custom directive `custom<Name>(...)`: hand-written syntax for a piece of an op.
export interface CustomDirective {
  print(p: OpPrinter, op: Operation, args: readonly Directive[]): void;
  parse(p: OpParser, state: FormatParseState, args: readonly Directive[]): void;
}

const customDirectives = new Map<string, CustomDirective>();
/// Registers `custom<name>` for use in formats.
export function registerCustomDirective(name: string, d: CustomDirective): void {
  customDirectives.set(name, d);
}

// ---- compilation ----

function shouldEmitSpaceBefore(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== "->") return true;
  if (lastWasPunctuation) return !">)}],".includes(value[0]);
  return !"<>(){}[],".includes(value[0]);
}

class FormatCompiler {
  private pos = 0;
  private shouldEmitSpace = true;
  private lastWasPunctuation = false;
  readonly printedProps: string[] = [];
  constructor(private readonly def: OpDef, private readonly text: string) {}

  fail(msg: string): never {
    throw new InternalError(`format of '${this.def.name}': ${msg} at ${this.pos} in "${this.text}"`);
  }
  private ws(): void { while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++; }
  private peek(s: string): boolean { this.ws(); return this.text.startsWith(s, this.pos); }
  private eat(s: string): boolean { if (this.peek(s)) { this.pos += s.length; return true; } return false; }
  private expect(s: string): void { if (!this.eat(s)) this.fail(`expected '${s}'`); }
  private ident(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
    if (m === null) this.fail("expected identifier");
    this.pos += m[0].length;
    return m[0];
  }

  compile(): Directive[] {
    const out = this.elements(null);
    this.ws();
    if (this.pos !== this.text.length) this.fail("unexpected text");
    return out;
  }

  private elements(end: string | null): Directive[] {
    const out: Directive[] = [];
    for (;;) {
      this.ws();
      if (this.pos >= this.text.length) { if (end !== null) this.fail(`expected '${end}'`); return out; }
      if (end !== null && this.peek(end)) return out;
      out.push(this.element());
    }
  }

  private mk(kind: Dir, extra: Partial<Directive> = {}): Directive {
    let spaceBefore = false;
    if (kind !== Dir.Literal && kind !== Dir.Space && kind !== Dir.Newline && kind !== Dir.AttrDict && kind !== Dir.AttrDictKw && kind !== Dir.Optional) {
      spaceBefore = this.shouldEmitSpace || !this.lastWasPunctuation;
      this.lastWasPunctuation = false;
      this.shouldEmitSpace = true;
    }
    return { kind, text: "", slot: -1, typeRef: TypeRef.Operand, spaceBefore, group: null, elseGroup: null, anchor: -1, args: null, ...extra };
  }

  private literal(value: string): Directive {
    if (value === " " || value === "") {
      const d: Directive = { kind: Dir.Space, text: value, slot: -1, typeRef: TypeRef.Operand, spaceBefore: value === " ", group: null, elseGroup: null, anchor: -1, args: null };
      this.lastWasPunctuation = value !== " ";
      this.shouldEmitSpace = false;
      return d;
    }
    if (value === "\\n") return { kind: Dir.Newline, text: "", slot: -1, typeRef: TypeRef.Operand, spaceBefore: false, group: null, elseGroup: null, anchor: -1, args: null };
    const spaceBefore = this.shouldEmitSpace && shouldEmitSpaceBefore(value, this.lastWasPunctuation);
    this.shouldEmitSpace = value.length !== 1 || !"<({[".includes(value[0]);
    this.lastWasPunctuation = value[0] !== "_" && !/[A-Za-z]/.test(value[0]);
    return { kind: Dir.Literal, text: value, slot: -1, typeRef: TypeRef.Operand, spaceBefore, group: null, elseGroup: null, anchor: -1, args: null };
  }

  private element(): Directive {
    this.ws();
    const t = this.text;
    if (t[this.pos] === "`") {
      const end = t.indexOf("`", this.pos + 1);
      if (end < 0) this.fail("unterminated literal");
      const v = t.slice(this.pos + 1, end);
      this.pos = end + 1;
      return this.literal(v);
    }
    if (t[this.pos] === "$") {
      this.pos++;
      return this.variable(this.ident());
    }
    if (this.eat("(")) return this.optionalGroup();
    const kw = this.ident();
    switch (kw) {
      case "attr-dict": { const d = this.mk(Dir.AttrDict); return d; }
      case "attr-dict-with-keyword": return this.mk(Dir.AttrDictKw);
      case "prop-dict": return this.mk(Dir.PropDict);
      case "operands": return this.mk(Dir.AllOperands);
      case "regions": return this.mk(Dir.AllRegions);
      case "successors": return this.mk(Dir.AllSuccessors);
      case "type": {
        this.expect("(");
        const ref = this.typeArg();
        this.expect(")");
        return this.mk(Dir.Type, ref);
      }
      case "qualified": {
        this.expect("(");
        const inner = this.element();
        this.expect(")");
        return inner;
      }
      case "functional-type": {
        this.expect("(");
        const a = this.typeArg();
        this.expect(",");
        const b = this.typeArg();
        this.expect(")");
        const mkArg = (r: Partial<Directive>): Directive => ({ kind: Dir.Type, text: "", slot: -1, typeRef: TypeRef.Operand, spaceBefore: false, group: null, elseGroup: null, anchor: -1, args: null, ...r });
        return this.mk(Dir.FunctionalType, { args: [mkArg(a), mkArg(b)] });
      }
      case "custom": {
        this.expect("<");
        const name = this.ident();
        this.expect(">");
        this.expect("(");
        const args: Directive[] = [];
        const save = [this.shouldEmitSpace, this.lastWasPunctuation] as const;
        if (!this.peek(")")) do args.push(this.customArg()); while (this.eat(","));
        [this.shouldEmitSpace, this.lastWasPunctuation] = save;
        this.expect(")");
        if (!customDirectives.has(name)) this.fail(`unknown custom directive '${name}'`);
        return this.mk(Dir.Custom, { text: name, args });
      }
    }
    return this.fail(`unknown directive '${kw}'`);
  }

  private customArg(): Directive {
    this.ws();
    if (this.text.startsWith("ref(", this.pos)) {
      this.pos += 4;
      const d = this.customArg();
      this.expect(")");
      return d;
    }
    return this.element();
  }

  private typeArg(): Partial<Directive> {
    this.ws();
    if (this.eat("$")) {
      const n = this.ident();
      const oi = this.def.operands.findIndex((o) => o.name === n);
      if (oi >= 0) return { typeRef: TypeRef.Operand, slot: oi };
      const ri = this.def.results.findIndex((o) => o.name === n);
      if (ri >= 0) return { typeRef: TypeRef.Result, slot: ri };
      this.fail(`'${n}' is not an operand or result`);
    }
    const kw = this.ident();
    if (kw === "operands") return { typeRef: TypeRef.AllOperands };
    if (kw === "results") return { typeRef: TypeRef.AllResults };
    return this.fail(`bad type argument '${kw}'`);
  }

  private variable(n: string): Directive {
    const d = this.def;
    let i = d.operands.findIndex((o) => o.name === n);
    if (i >= 0) return this.mk(Dir.Operand, { slot: i });
    i = d.props.findIndex((p) => p.name === n);
    if (i >= 0) { this.printedProps.push(n); return this.mk(Dir.Prop, { slot: i, text: n }); }
    i = d.regions.findIndex((r) => r.name === n);
    if (i >= 0) return this.mk(Dir.Region, { slot: i });
    i = d.successors.findIndex((r) => r.name === n);
    if (i >= 0) return this.mk(Dir.Successor, { slot: i });
    return this.fail(`'$${n}' names no operand, property, region or successor`);
  }

  private optionalGroup(): Directive {
    const startState = [this.shouldEmitSpace, this.lastWasPunctuation] as const;
    const group: Directive[] = [];
    let anchor = -1;
    for (;;) {
      this.ws();
      if (this.eat(")")) break;
      const el = this.element();
      if (this.eat("^")) anchor = group.length;
      group.push(el);
    }
    let elseGroup: Directive[] | null = null;
    if (this.eat(":")) {
      this.expect("(");
      elseGroup = this.elements(")");
      this.expect(")");
    }
    this.expect("?");
    void startState;
    if (group.length === 0) this.fail("empty optional group");
    if (anchor < 0) anchor = group.findIndex((g) => g.kind !== Dir.Literal && g.kind !== Dir.Space);
    return { kind: Dir.Optional, text: "", slot: -1, typeRef: TypeRef.Operand, spaceBefore: false, group, elseGroup, anchor, args: null };
  }
}

function compileFormat(def: OpDef, text: string): FormatProgram {
  const c = new FormatCompiler(def, text);
  const directives = c.compile();
  return { directives, printedProps: c.printedProps };
}
setFormatCompiler(compileFormat);

// ---- operand grouping ----

/// The operand values of each operand slot of `op` (variadic slots from operandSegmentSizes or the remainder).
export function operandGroups(op: Operation, def: OpDef): Value[][] {
  return valueGroups(op.operandValues(), def.operands.map((o) => o.arity), segmentSizes(op, "operandSegmentSizes"));
}
/// The result values of each result slot.
export function resultGroups(op: Operation, def: OpDef): Value[][] {
  return valueGroups(op.results, def.results.map((o) => o.arity), segmentSizes(op, "resultSegmentSizes"));
}
function segmentSizes(op: Operation, name: string): readonly number[] | null {
  const a = op.props.get(name);
  return a !== null && "values" in a ? (a as { values: readonly number[] }).values : null;
}

/// Where each slot's values start among `count` values (as valueGroups splits them), then the end: slot `k` holds
/// values `[b[k], b[k + 1])`. `slots` gives the arities.
function slotBounds(count: number, slots: readonly { readonly arity: Arity }[], sizes: readonly number[] | null): number[] {
  const b = new Array<number>(slots.length + 1);
  let at = 0;
  if (sizes !== null) {
    for (let i = 0; i < slots.length; i++) { b[i] = Math.min(at, count); at += sizes[i] ?? 0; }
  } else {
    let fixed = 0, variable = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i].arity === Arity.Single) fixed++; else variable++;
    const extra = count - fixed;
    for (let i = 0; i < slots.length; i++) {
      b[i] = Math.min(at, count);
      at += slots[i].arity === Arity.Single ? 1 : variable === 1 ? Math.max(0, extra) : Math.max(0, Math.min(1, extra));
    }
  }
  b[slots.length] = Math.min(at, count);
  return b;
}

/// Splits `values` over slots of the given arities.
export function valueGroups(values: readonly Value[], arities: readonly Arity[], sizes: readonly number[] | null): Value[][] {
  const out: Value[][] = [];
  if (sizes !== null) {
    let at = 0;
    for (let i = 0; i < arities.length; i++) { out.push(values.slice(at, at + (sizes[i] ?? 0))); at += sizes[i] ?? 0; }
    return out;
  }
  let fixed = 0, variable = 0;
  for (const a of arities) if (a === Arity.Single) fixed++; else variable++;
  const extra = values.length - fixed;
  let at = 0;
  for (const a of arities) {
    const n = a === Arity.Single ? 1 : variable === 1 ? Math.max(0, extra) : Math.max(0, Math.min(1, extra));
    out.push(values.slice(at, at + n) as Value[]);
    at += n;
  }
  return out;
}

// ---- printing ----

/// The regions of region slot `slot` (a variadic slot takes what the fixed slots leave).
export function regionGroup(op: Operation, def: OpDef, slot: number): Region[] {
  if (!def.regions[slot].variadic) return [op.regions[slot]];
  return op.regions.slice(slot, slot + op.regions.length - (def.regions.length - 1));
}

/// Prints a region as ODS does: under SingleBlockImplicitTerminator, the terminator is elided
/// unless it has operands, results or attributes.
function printFormatRegion(p: OpPrinter, def: OpDef, r: Region): void {
  if (def.implicitTerminator === null) { p.printRegion(r, true, !hasTrait(def, Trait.NoTerminator)); return; }
  const term = r.empty ? null : r.firstBlock!.lastOp;
  const printTerminator = term === null || !hasTrait(term.def, Trait.Terminator) || term.operands.length !== 0 || term.results.length !== 0 || term.attrs.size !== 0 || term.props.size !== 0;
  p.printRegion(r, true, printTerminator);
}

/// The operand and result slots of the op being printed: `operands[k]..operands[k + 1]` are the operands of slot `k`
/// (results likewise, computed on first use).
class PrintSlots {
  readonly operands: number[];
  private res: number[] | null = null;
  constructor(readonly op: Operation, readonly def: OpDef) {
    this.operands = slotBounds(op.operands.length, def.operands, segmentSizes(op, "operandSegmentSizes"));
  }
  get results(): number[] {
    return this.res ??= slotBounds(this.op.results.length, this.def.results, segmentSizes(this.op, "resultSegmentSizes"));
  }
}

function isPresent(op: Operation, def: OpDef, d: Directive, slots: PrintSlots): boolean {
  switch (d.kind) {
    case Dir.Operand: return slots.operands[d.slot + 1] > slots.operands[d.slot];
    case Dir.Prop: {
      const pd = def.props[d.slot];
      const a = op.props.get(pd.name);
      return a !== null && a !== (pd.defaultValue ?? pd.unsetDefault ?? null);
    }
    case Dir.Region: return def.regions[d.slot].variadic ? regionGroup(op, def, d.slot).length > 0 : !op.regions[d.slot].empty;
    case Dir.Successor: return op.successors.length > 0;
    case Dir.Type:
      if (d.typeRef === TypeRef.Operand) return slots.operands[d.slot + 1] > slots.operands[d.slot];
      if (d.typeRef === TypeRef.Result) return slots.results[d.slot + 1] > slots.results[d.slot];
      return d.typeRef === TypeRef.AllOperands ? op.operands.length > 0 : op.results.length > 0;
    case Dir.AllOperands: return op.operands.length > 0;
    case Dir.AllRegions: return op.regions.some((r) => !r.empty);
    default: return true;
  }
}

function typesOf(op: Operation, d: Directive, slots: PrintSlots): Type[] {
  const out: Type[] = [];
  switch (d.typeRef) {
    case TypeRef.Operand: for (let j = slots.operands[d.slot]; j < slots.operands[d.slot + 1]; j++) out.push(op.operands[j].value.type); break;
    case TypeRef.Result: for (let j = slots.results[d.slot]; j < slots.results[d.slot + 1]; j++) out.push(op.results[j].type); break;
    case TypeRef.AllOperands: for (const o of op.operands) out.push(o.value.type); break;
    case TypeRef.AllResults: for (const r of op.results) out.push(r.type); break;
  }
  return out;
}

/// Prints the types `type(...)` refers to, comma-separated.
function printTypesOf(p: OpPrinter, op: Operation, d: Directive, slots: PrintSlots): void {
  let from = 0, to: number, results = false;
  switch (d.typeRef) {
    case TypeRef.Operand: from = slots.operands[d.slot]; to = slots.operands[d.slot + 1]; break;
    case TypeRef.Result: from = slots.results[d.slot]; to = slots.results[d.slot + 1]; results = true; break;
    case TypeRef.AllOperands: to = op.operands.length; break;
    case TypeRef.AllResults: to = op.results.length; results = true; break;
  }
  for (let j = from; j < to; j++) {
    if (j !== from) p.write(", ");
    p.printType(results ? op.results[j].type : op.operands[j].value.type);
  }
}

/// Prints the operands of slot `slot`, comma-separated.
function printSlotOperands(p: OpPrinter, op: Operation, slots: PrintSlots, slot: number): void {
  const from = slots.operands[slot], to = slots.operands[slot + 1];
  for (let j = from; j < to; j++) {
    if (j !== from) p.write(", ");
    p.printOperand(op.operands[j].value);
  }
}

const noEntries: readonly NamedAttribute[] = [];

/// Attributes attr-dict prints: properties not printed elsewhere and not at their default, then discardable ones.
export function attrDictEntries(op: Operation, def: OpDef, printed: readonly string[]): readonly NamedAttribute[] {
  let out: NamedAttribute[] | null = null;
  const props = op.props.entries;
  for (let i = 0; i < props.length; i++) {
    const e = props[i];
    if (printed.includes(e.name) || e.name === "operandSegmentSizes" || e.name === "resultSegmentSizes") continue;
    let dflt: Attribute | null = null;
    for (const pd of def.props) if (pd.name === e.name) { dflt = pd.defaultValue ?? pd.unsetDefault ?? null; break; }
    if (dflt === e.value) continue;
    (out ??= []).push(e);
  }
  const attrs = op.attrs.entries;
  if (out === null) return attrs.length === 0 ? noEntries : attrs;
  for (const e of attrs) out.push(e);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/// Prints `op` with its compiled format (after the op name).
export function printWithFormat(p: OpPrinter, op: Operation, prog: FormatProgram): void {
  const def = op.def!;
  printDirectives(p, op, def, prog, prog.directives, new PrintSlots(op, def));
}

// A unit attribute anchoring an optional group is not printed (`(`constant` $constant^)?` prints `constant`).
function withoutUnitAnchor(op: Operation, def: OpDef, d: Directive): readonly Directive[] {
  const a = d.group![d.anchor];
  if (a.kind !== Dir.Prop || op.props.get(def.props[a.slot].name) !== unitAttr) return d.group!;
  return d.group!.filter((x) => x !== a);
}

function printDirectives(p: OpPrinter, op: Operation, def: OpDef, prog: FormatProgram, ds: readonly Directive[], slots: PrintSlots): void {
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i];
    if (d.spaceBefore) p.write(" ");
    switch (d.kind) {
      case Dir.Literal: p.write(d.text); break;
      case Dir.Space: case Dir.Newline: if (d.kind === Dir.Newline) p.printNewline(); break;
      case Dir.Operand: printSlotOperands(p, op, slots, d.slot); break;
      case Dir.AllOperands: p.printOperands(op.operandValues()); break;
      case Dir.Type: printTypesOf(p, op, d, slots); break;
      case Dir.FunctionalType: p.printFunctionalType(typesOf(op, d.args![0], slots), typesOf(op, d.args![1], slots)); break;
      case Dir.Prop: {
        const pd = def.props[d.slot];
        const a = op.props.get(pd.name);
        if (a === null) break;
        if (pd.constraint.print !== undefined) pd.constraint.print(p, a);
        else p.printAttribute(a);
        break;
      }
      case Dir.AttrDict: p.printOptionalAttrDict(attrDictEntries(op, def, prog.printedProps)); break;
      case Dir.AttrDictKw: p.printOptionalAttrDictWithKeyword(attrDictEntries(op, def, prog.printedProps)); break;
      case Dir.PropDict: break;
      case Dir.Region: regionGroup(op, def, d.slot).forEach((r, k) => { if (k) p.write(", "); printFormatRegion(p, def, r); }); break;
      case Dir.AllRegions: op.regions.forEach((r, k) => { if (k) p.write(", "); p.printRegion(r); }); break;
      case Dir.Successor: p.printSuccessor(op.successors[d.slot]); break;
      case Dir.AllSuccessors: op.successors.forEach((b, k) => { if (k) p.write(", "); p.printSuccessor(b); }); break;
      case Dir.Optional:
        if (isPresent(op, def, d.group![d.anchor], slots)) printDirectives(p, op, def, prog, withoutUnitAnchor(op, def, d), slots);
        else if (d.elseGroup !== null) printDirectives(p, op, def, prog, d.elseGroup, slots);
        break;
      case Dir.Custom: customDirectives.get(d.text)!.print(p, op, d.args!); break;
    }
  }
}

// ---- parsing ----

/// What format parsing has gathered so far; custom directives read and write it.
export class FormatParseState {
  readonly operands: (UnresolvedOperand[] | null)[];
  readonly operandTypes: (Type[] | null)[];
  readonly resultTypes: (Type[] | null)[];
  readonly state: OperationState;
  constructor(def: OpDef, state: OperationState) {
    this.operands = def.operands.map(() => null);
    this.operandTypes = def.operands.map(() => null);
    this.resultTypes = def.results.map(() => null);
    this.state = state;
  }
}

/// Parses an op's custom form with its compiled format into `state`.
export function parseWithFormat(p: OpParser, state: OperationState, prog: FormatProgram): void {
  const def = state.def!;
  const fs = new FormatParseState(def, state);
  const start = p.currentOffset();
  parseDirectives(p, def, fs, prog.directives);
  resolveFormatTypes(p, def, fs, start);
}

/// Whether a literal is a keyword (starts with a letter or `_`) rather than punctuation.
function isKeywordLiteral(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return (c >= 97 && c <= 122) || text.charCodeAt(0) === 95;
}

function startsHere(p: OpParser, def: OpDef, d: Directive): boolean {
  switch (d.kind) {
    case Dir.Literal: return isKeywordLiteral(d.text) ? p.atKeyword(d.text) : p.atPunct(d.text);
    case Dir.Operand: case Dir.AllOperands: return p.atOperand();
    case Dir.Region: return p.atPunct("{");
    case Dir.Successor: return p.atSuccessor();
    case Dir.Prop: {
      const c = def.props[d.slot].constraint;
      return c.startsHere !== undefined ? c.startsHere(p) : true;
    }
    default: return true;
  }
}

function parseDirectives(p: OpParser, def: OpDef, fs: FormatParseState, ds: readonly Directive[]): void {
  const state = fs.state;
  for (const d of ds) {
    switch (d.kind) {
      case Dir.Literal:
        if (isKeywordLiteral(d.text)) p.parseKeyword(d.text); else p.parsePunct(d.text);
        break;
      case Dir.Space: case Dir.Newline: break;
      case Dir.Operand: {
        const od = def.operands[d.slot];
        if (od.arity === Arity.Single) fs.operands[d.slot] = [p.parseOperand()];
        else if (od.arity === Arity.Optional) { const u = p.parseOptionalOperand(); fs.operands[d.slot] = u === null ? [] : [u]; }
        else fs.operands[d.slot] = p.parseOperandList("none");
        break;
      }
      case Dir.AllOperands: {
        const all = p.parseOperandList("none");
        if (def.operands.length === 1) fs.operands[0] = all;
        else (fs as { allOperands?: UnresolvedOperand[] }).allOperands = all;
        break;
      }
      case Dir.Type: parseTypeDirective(p, def, fs, d); break;
      case Dir.FunctionalType: {
        // Any type, then a function type is required (MLIR's parseType<FunctionType>).
        const at = p.currentOffset();
        const t = p.parseType();
        if (t.kind !== TypeKind.Function) p.error("invalid kind of type specified", at);
        assignTypes(def, fs, d.args![0], [...(t as FunctionType).inputs]);
        assignTypes(def, fs, d.args![1], [...(t as FunctionType).results]);
        break;
      }
      case Dir.Prop: {
        const pd = def.props[d.slot];
        const at = p.currentOffset();
        const a = pd.constraint.parse !== undefined ? pd.constraint.parse(p) : p.parseAttribute();
        if (a === null) p.error(`expected ${pd.constraint.desc}`, at);
        if (!hasStorageClass(pd.constraint, a)) p.error(`invalid kind of attribute specified`, at);
        state.props.set(pd.name, a);
        break;
      }
      case Dir.AttrDict:
      case Dir.AttrDictKw: {
        const at = p.currentOffset();
        if (d.kind === Dir.AttrDict) p.parseOptionalAttrDict(state.attrs);
        else p.parseOptionalAttrDictWithKeyword(state.attrs);
        // ODS's generated parsers check the inherent attributes given there, reporting at the dictionary.
        const failed = state.attrList === null || state.attrList.size === 0 ? null : failedInherentAttr(def, state.attrList);
        if (failed !== null) p.error(`'${def.name}' op attribute '${failed.name}' failed to satisfy constraint: ${failed.constraint.desc}`, at);
        break;
      }
      case Dir.PropDict: break;
      case Dir.Region: {
        if (def.regions[d.slot].variadic) {
          if (!p.atPunct("{")) break;
          do {
            const r = state.addRegion(new Region());
            p.parseRegion(r);
            if (def.implicitTerminator !== null) p.ensureTerminator(r, def.implicitTerminator, state.loc);
          } while (p.parseOptionalPunct(","));
          break;
        }
        const r = regionSlot(state, d.slot);
        p.parseRegion(r);
        if (def.implicitTerminator !== null) p.ensureTerminator(r, def.implicitTerminator, state.loc);
        else if (r.empty && (def.regions[d.slot].sized || hasTrait(def, Trait.SingleBlock))) r.appendBlock();
        break;
      }
      case Dir.AllRegions: {
        let i = 0;
        do p.parseRegion(regionSlot(state, i++)); while (p.parseOptionalPunct(","));
        break;
      }
      case Dir.Successor: state.successors.push(p.parseSuccessor()); break;
      case Dir.AllSuccessors: {
        const b = p.parseOptionalSuccessor();
        if (b !== null) { state.successors.push(b); while (p.parseOptionalPunct(",")) state.successors.push(p.parseSuccessor()); }
        break;
      }
      case Dir.Optional: {
        const g = d.group!;
        const first = g.find((x) => x.kind !== Dir.Space && x.kind !== Dir.Newline)!;
        if (startsHere(p, def, first)) {
          if (first.kind === Dir.Prop && def.props[first.slot].constraint.check(unitAttr) && g.length === 1) state.props.set(def.props[first.slot].name, unitAttr);
          parseDirectives(p, def, fs, g);
          const anc = g[d.anchor];
          if (anc.kind === Dir.Literal && g.length === 1) { /* a keyword-only group sets nothing */ }
        } else if (d.elseGroup !== null) parseDirectives(p, def, fs, d.elseGroup);
        else markAbsent(def, fs, g);
        break;
      }
      case Dir.Custom: customDirectives.get(d.text)!.parse(p, fs, d.args!); break;
    }
  }
}

function markAbsent(def: OpDef, fs: FormatParseState, g: readonly Directive[]): void {
  for (const x of g) {
    if (x.kind === Dir.Operand && fs.operands[x.slot] === null) fs.operands[x.slot] = [];
    if (x.kind === Dir.Type && x.typeRef === TypeRef.Operand && fs.operandTypes[x.slot] === null) fs.operandTypes[x.slot] = [];
    if (x.kind === Dir.Type && x.typeRef === TypeRef.Result && fs.resultTypes[x.slot] === null && def.results[x.slot].arity !== Arity.Single) fs.resultTypes[x.slot] = [];
    if (x.kind === Dir.Optional) markAbsent(def, fs, x.group!);
  }
}

function regionSlot(state: OperationState, slot: number): Region {
  while (state.regions.length <= slot) state.regions.push(new Region());
  return state.regions[slot];
}

/// Parses `type(...)`: one type for a single slot, at most one for an optional slot, and for a variadic slot or
/// `operands`/`results` a list of at least one (MLIR's parseTypeList: an empty list is an error there too).
function parseTypeDirective(p: OpParser, def: OpDef, fs: FormatParseState, d: Directive): void {
  const arity = d.typeRef === TypeRef.Operand ? def.operands[d.slot].arity : d.typeRef === TypeRef.Result ? def.results[d.slot].arity : Arity.Variadic;
  let ts: Type[];
  if (arity === Arity.Single) ts = [p.parseType()];
  else if (arity === Arity.Optional) { const t = p.parseOptionalType(); ts = t === null ? [] : [t]; }
  else {
    ts = [p.parseType()];
    while (p.parseOptionalPunct(",")) ts.push(p.parseType());
  }
  assignTypes(def, fs, d, ts);
}

function assignTypes(def: OpDef, fs: FormatParseState, d: Directive, ts: Type[]): void {
  switch (d.typeRef) {
    case TypeRef.Operand: fs.operandTypes[d.slot] = ts; break;
    case TypeRef.Result: fs.resultTypes[d.slot] = ts; break;
    case TypeRef.AllOperands:
      if (def.operands.length === 1) fs.operandTypes[0] = ts;
      else (fs as { allOperandTypes?: Type[] }).allOperandTypes = ts;
      break;
    case TypeRef.AllResults: {
      // Single results take one type each; the variadic ones share the rest equally (SameVariadicResultSize).
      let variadic = 0;
      for (const r of def.results) if (r.arity !== Arity.Single) variadic++;
      const each = variadic === 0 ? 0 : Math.max(0, Math.floor((ts.length - (def.results.length - variadic)) / variadic));
      let at = 0;
      def.results.forEach((r, i) => {
        const n = r.arity === Arity.Single ? 1 : each;
        fs.resultTypes[i] = ts.slice(at, at + n);
        at += n;
      });
      break;
    }
  }
}

const noOperands: readonly UnresolvedOperand[] = [];

/// The first type of the first non-empty list.
function firstType(lists: readonly (Type[] | null)[]): Type | null {
  for (const ts of lists) if (ts !== null && ts.length) return ts[0];
  return null;
}

/// Resolves `us` with `ts` into the operands of `state` (resolveOperands reports a count mismatch, as MLIR's generated
/// parsers at the group's first operand, else at `offset`).
function resolveInto(p: OpParser, state: OperationState, us: readonly UnresolvedOperand[], ts: readonly Type[], offset: number): void {
  if (us.length === 0 && ts.length === 0) return;
  if (us.length !== ts.length) p.resolveOperands(us, ts, us.length !== 0 ? us[0].offset : offset);
  for (let i = 0; i < us.length; i++) state.operands.push(p.resolveOperand(us[i], ts[i]));
}

/// Types a format leaves out, derived from traits and the op's `inferTypes` hook.
export interface InferTypesContext {
  readonly operandTypes: (Type[] | null)[];
  readonly resultTypes: (Type[] | null)[];
  readonly operandCounts: number[];
  readonly props: NamedAttrList;
}

function resolveFormatTypes(p: OpParser, def: OpDef, fs: FormatParseState, start: number): void {
  const state = fs.state;
  const all = (fs as { allOperands?: UnresolvedOperand[] }).allOperands;
  const allTypes = (fs as { allOperandTypes?: Type[] }).allOperandTypes;
  if (all !== undefined && allTypes !== undefined) resolveInto(p, state, all, allTypes, start);
  const counts = new Array<number>(fs.operands.length);
  for (let i = 0; i < counts.length; i++) counts[i] = fs.operands[i]?.length ?? 0;
  if (all === undefined && allTypes !== undefined) {
    // `type(operands)` / `functional-type(operands, ...)` over several operand slots: split by slot.
    let at = 0;
    for (let i = 0; i < counts.length; i++) { fs.operandTypes[i] = allTypes.slice(at, at + counts[i]); at += counts[i]; }
  }
  const sameAll = hasTrait(def, Trait.SameOperandsAndResultType);
  if (sameAll || hasTrait(def, Trait.SameTypeOperands)) {
    const known = firstType(fs.operandTypes) ?? (sameAll ? firstType(fs.resultTypes) : null);
    if (known !== null) {
      for (let i = 0; i < counts.length; i++) if (fs.operandTypes[i] === null) fs.operandTypes[i] = new Array<Type>(counts[i]).fill(known);
      if (sameAll) for (let i = 0; i < fs.resultTypes.length; i++) if (fs.resultTypes[i] === null) fs.resultTypes[i] = [known];
    }
  }
  for (let i = 0; i < def.operands.length; i++) {
    const b = def.operands[i].constraint.buildable;
    if (fs.operandTypes[i] === null && b !== undefined) fs.operandTypes[i] = new Array<Type>(counts[i]).fill(b);
  }
  for (let i = 0; i < def.results.length; i++) {
    const b = def.results[i].constraint.buildable;
    if (fs.resultTypes[i] === null && b !== undefined && def.results[i].arity === Arity.Single) fs.resultTypes[i] = [b];
  }
  for (const name of def.typeSources) {
    let i = 0;
    while (i < def.operands.length && def.operands[i].name !== name) i++;
    const ts = i < def.operands.length ? fs.operandTypes[i] : null;
    if (ts === null) continue;
    for (const t of ts) {
      if (!def.operands[i].constraint.check(t)) p.error(`'${name}' must be ${def.operands[i].constraint.desc}, but got '${String(t)}'`, fs.state.offset);
    }
  }
  if (def.inferTypes !== null) {
    const err = def.inferTypes({ operandTypes: fs.operandTypes, resultTypes: fs.resultTypes, operandCounts: counts, props: state.props });
    if (err !== null) p.error(err, start);
  }
  if (all === undefined) {
    for (let i = 0; i < def.operands.length; i++) {
      const us = fs.operands[i];
      const ts = fs.operandTypes[i];
      if (ts === null) { if (us !== null && us.length) p.error(`cannot infer the type of operand '${def.operands[i].name}'`, start); continue; }
      resolveInto(p, state, us ?? noOperands, ts, start);
    }
  }
  for (let i = 0; i < def.results.length; i++) {
    const ts = fs.resultTypes[i];
    if (ts === null) {
      if (def.results[i].arity === Arity.Single) p.error(`cannot infer the type of result '${def.results[i].name}'`, start);
      continue;
    }
    for (const t of ts) state.resultTypes.push(t);
  }
  let fixedRegions = 0;
  for (const r of def.regions) if (!r.variadic) fixedRegions++;
  if (fixedRegions !== 0) while (state.regions.length < fixedRegions) regionSlot(state, state.regions.length);
  if (hasTrait(def, Trait.AttrSizedOperandSegments)) state.props.set("operandSegmentSizes", getDenseI32ArrayAttr(counts));
}
