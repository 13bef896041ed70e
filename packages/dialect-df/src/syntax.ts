// Hand-written syntax of df.region (function-like header with parameters), df.kernel and df.meta_if.
import {
  AttrKind, emptyDict, getArrayAttr, getDenseI64ArrayAttr, getFunctionType, getI64Attr,
  getStringAttr, getTypeAttr, Region, type ArrayAttr, type Attribute, type AttrConstraint, type DenseArrayAttr,
  type DictionaryAttr, type FunctionType, type IntegerAttr, type NamedAttribute, type Operation, type OperationState,
  type OpParser, type OpPrinter, type OpSyntax, type ParsedArgument, type StringAttr, type Type, type TypeAttr, Builtin,
} from "@allo/ir-core";

function sortedEntries(es: readonly NamedAttribute[]): NamedAttribute[] {
  return es.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/// The properties and attributes a hand-written printer did not print itself, for `attributes {...}`.
function remainingAttrs(op: Operation, printed: readonly string[]): NamedAttribute[] {
  return sortedEntries(op.attrs.entries.concat(op.props.entries.filter((e) => !printed.includes(e.name))));
}

function argAttrs(op: Operation, i: number): DictionaryAttr | null {
  const a = op.props.get("arg_attrs");
  if (a === null || a.kind !== AttrKind.Array) return null;
  const d = (a as ArrayAttr).elements[i];
  return d !== undefined && d.kind === AttrKind.Dictionary && (d as DictionaryAttr).size ? (d as DictionaryAttr) : null;
}

/// Parses a parameter name: a bare identifier or a string.
function parseName(p: OpParser): string {
  const kw = p.parseOptionalKeywordAny();
  if (kw !== null) return kw;
  const s = p.parseOptionalString();
  if (s === null) p.error("expected parameter name");
  return s;
}

// ---- df.region ----

const regionPrinted = ["sym_name", "function_type", "params", "arg_attrs"];

/// Prints `@name<P0, P1>(%arg0: T {attrs}, ...) attributes {...} { body }`.
function printRegionOp(p: OpPrinter, op: Operation): void {
  p.write(" ");
  p.printSymbolName((op.props.get("sym_name") as StringAttr).value);
  const params = op.props.get("params");
  if (params !== null && params.kind === AttrKind.Array && (params as ArrayAttr).elements.length) {
    p.write("<");
    (params as ArrayAttr).elements.forEach((e, i) => {
      if (i) p.write(", ");
      if (e.kind === AttrKind.String) p.printKeywordOrString((e as StringAttr).value);
      else p.printAttribute(e);
    });
    p.write(">");
  }
  const ft = (op.props.get("function_type") as TypeAttr).type as FunctionType;
  const body = op.regions[0];
  p.write("(");
  ft.inputs.forEach((t, i) => {
    if (i) p.write(", ");
    const d = argAttrs(op, i);
    if (body.empty || body.entry.args.length <= i) {
      p.printType(t);
      if (d !== null) p.printOptionalAttrDict(d);
    } else p.printRegionArgument(body.entry.args[i], d);
  });
  p.write(")");
  if (ft.results.length) p.printOptionalArrowTypeList(ft.results);
  p.printOptionalAttrDictWithKeyword(remainingAttrs(op, regionPrinted));
  if (!body.empty) {
    p.write(" ");
    p.printRegion(body, false, true);
  }
}

/// Parses what `printRegionOp` prints; the body is required.
function parseRegionOp(p: OpParser, state: OperationState): boolean {
  state.props.set("sym_name", getStringAttr(p.parseSymbolName()));
  if (p.parseOptionalPunct("<")) {
    const names: Attribute[] = [];
    if (!p.parseOptionalPunct(">")) {
      do names.push(getStringAttr(parseName(p))); while (p.parseOptionalPunct(","));
      p.parsePunct(">");
    }
    state.props.set("params", getArrayAttr(names));
  }
  const args: ParsedArgument[] = [];
  const dicts: Attribute[] = [];
  p.parsePunct("(");
  if (!p.parseOptionalPunct(")")) {
    do {
      const a = p.parseArgument(true, true);
      args.push(a);
      dicts.push(a.attrs ?? emptyDict);
    } while (p.parseOptionalPunct(","));
    p.parsePunct(")");
  }
  const results = p.parseOptionalArrowTypeList();
  state.props.set("function_type", getTypeAttr(getFunctionType(args.map((a) => a.type!), results)));
  if (dicts.some((d) => (d as DictionaryAttr).size)) state.props.set("arg_attrs", getArrayAttr(dicts));
  p.parseOptionalAttrDictWithKeyword(state.attrs);
  const body = state.addRegion(new Region());
  p.parseRegion(body, args);
  if (body.empty) body.appendBlock();
  return true;
}

/// The syntax record of df.region.
export const regionSyntax: OpSyntax = { parse: parseRegionOp, print: printRegionOp };

// ---- df.kernel ----

const kernelPrinted = ["sym_name", "mapping", "layouts"];

/// Prints `@name mapping [..] args(%a, ..) layouts [..] : T, .. attributes {..} { ^bb0(..): body }`.
function printKernelOp(p: OpPrinter, op: Operation): void {
  p.write(" ");
  p.printSymbolName((op.props.get("sym_name") as StringAttr).value);
  p.write(" mapping [");
  const mapping = op.props.get("mapping");
  if (mapping !== null && mapping.kind === AttrKind.Array) {
    (mapping as ArrayAttr).elements.forEach((e, i) => {
      if (i) p.write(", ");
      if (e.kind === AttrKind.Integer) p.write(String((e as IntegerAttr).value));
      else if (e.kind === AttrKind.String) p.printKeywordOrString((e as StringAttr).value);
      else p.printAttribute(e);
    });
  }
  p.write("]");
  const args = op.operandValues();
  if (args.length) {
    p.write(" args(");
    p.printOperands(args);
    p.write(")");
  }
  const layouts = op.props.get("layouts");
  if (layouts !== null) {
    p.write(" layouts [");
    if (layouts.kind === AttrKind.Array) (layouts as ArrayAttr).elements.forEach((e, i) => { if (i) p.write(", "); p.printAttribute(e); });
    p.write("]");
  }
  if (args.length) {
    p.write(" : ");
    p.printTypes(args.map((a) => a.type));
  }
  p.printOptionalAttrDictWithKeyword(remainingAttrs(op, kernelPrinted));
  p.write(" ");
  p.printRegion(op.regions[0], true, false);
}

/// Parses what `printKernelOp` prints and adds the implicit `df.yield`.
function parseKernelOp(p: OpParser, state: OperationState): boolean {
  state.props.set("sym_name", getStringAttr(p.parseSymbolName()));
  p.parseKeyword("mapping");
  p.parsePunct("[");
  const mapping: Attribute[] = [];
  if (!p.parseOptionalPunct("]")) {
    do {
      const n = p.parseOptionalInteger();
      mapping.push(n !== null ? getI64Attr(n) : getStringAttr(parseName(p)));
    } while (p.parseOptionalPunct(","));
    p.parsePunct("]");
  }
  state.props.set("mapping", getArrayAttr(mapping));
  const argsAt = p.currentOffset();
  const args = p.parseOptionalKeyword("args") ? p.parseOperandList("paren") : [];
  if (p.parseOptionalKeyword("layouts")) {
    p.parsePunct("[");
    const ls: Attribute[] = [];
    if (!p.parseOptionalPunct("]")) {
      do ls.push(p.parseAttribute()); while (p.parseOptionalPunct(","));
      p.parsePunct("]");
    }
    state.props.set("layouts", getArrayAttr(ls));
  }
  if (args.length) {
    p.parsePunct(":");
    const types: Type[] = p.parseTypeList();
    state.operands.push(...p.resolveOperands(args, types, argsAt));
  }
  p.parseOptionalAttrDictWithKeyword(state.attrs);
  const body = state.addRegion(new Region());
  p.parseRegion(body);
  p.ensureTerminator(body, "df.yield", state.loc);
  return true;
}

/// The syntax record of df.kernel.
export const kernelSyntax: OpSyntax = { parse: parseKernelOp, print: printKernelOp };

// ---- df.meta_if ----

/// Prints `%cond { then } else { else }` (the else part only when the else region has a block), as scf.if.
function printMetaIfOp(p: OpPrinter, op: Operation): void {
  p.write(" ");
  p.printOperand(op.operand(0));
  p.write(" ");
  p.printRegion(op.regions[0], false, false);
  const elseRegion = op.regions[1];
  if (elseRegion !== undefined && !elseRegion.empty) {
    p.write(" else ");
    p.printRegion(elseRegion, false, false);
  }
  p.printOptionalAttrDict(op.attrs.entries.concat(op.props.entries));
}

/// Parses what `printMetaIfOp` prints; both present regions get their implicit `df.yield`.
function parseMetaIfOp(p: OpParser, state: OperationState): boolean {
  const cond = p.parseOperand();
  state.operands.push(p.resolveOperand(cond, Builtin.i1));
  const thenRegion = state.addRegion(new Region());
  const elseRegion = state.addRegion(new Region());
  p.parseRegion(thenRegion);
  p.ensureTerminator(thenRegion, "df.yield", state.loc);
  if (p.parseOptionalKeyword("else")) {
    p.parseRegion(elseRegion);
    p.ensureTerminator(elseRegion, "df.yield", state.loc);
  }
  p.parseOptionalAttrDict(state.attrs);
  return true;
}

/// The syntax record of df.meta_if.
export const metaIfSyntax: OpSyntax = { parse: parseMetaIfOp, print: printMetaIfOp };

// ---- df.call parameters ----

/// `df.call`'s `params`: a dense i64 array printed as a bare list inside the format's `<` `>`: `<2, 2>`.
export const CallParamsAttr: AttrConstraint = {
  desc: "i64 dense array attribute",
  check: (a) => a.kind === AttrKind.DenseArray && (a as DenseArrayAttr).elementType === Builtin.i64,
  print: (p, a) => p.write((a as DenseArrayAttr).values.join(", ")),
  parse: (p) => {
    const vs: number[] = [];
    do vs.push(p.parseInteger()); while (p.parseOptionalPunct(","));
    return getDenseI64ArrayAttr(vs);
  },
  startsHere: (p) => !p.atPunct(">"),
};
