// Hand-written syntax of func.func (MLIR's function_interface_impl printer/parser).
import {
  AttrKind, getArrayAttr, getDictionaryAttr, getFunctionType, getStringAttr, getTypeAttr, type ArrayAttr, type Attribute,
  type DictionaryAttr, type FunctionType, type Operation, type OperationState, type OpParser, type OpPrinter, type OpSyntax,
  type ParsedArgument, type StringAttr, type Type, type TypeAttr, Region, emptyDict, TypeKind,
} from "@allo/ir-core";

const elidedFuncAttrs = ["sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs"];

/// The function type of a function-like op.
export function functionTypeOf(op: Operation): FunctionType {
  return (op.props.get("function_type") as TypeAttr).type as FunctionType;
}

function argAttrs(op: Operation, key: "arg_attrs" | "res_attrs", i: number): DictionaryAttr | null {
  const a = op.props.get(key);
  if (a === null || a.kind !== AttrKind.Array) return null;
  const d = (a as ArrayAttr).elements[i];
  return d !== undefined && d.kind === AttrKind.Dictionary && (d as DictionaryAttr).size ? (d as DictionaryAttr) : null;
}

/// Prints `[visibility] @name(args) -> results attributes {...} {body}`.
export function printFunctionLike(p: OpPrinter, op: Operation): void {
  const vis = op.props.get("sym_visibility");
  p.write(" ");
  if (vis !== null) p.write((vis as StringAttr).value + " ");
  p.printSymbolName((op.props.get("sym_name") as StringAttr).value);
  const ft = functionTypeOf(op);
  const body = op.regions[0];
  const isExternal = body.empty;
  p.write("(");
  ft.inputs.forEach((t, i) => {
    if (i) p.write(", ");
    if (isExternal) {
      p.printType(t);
      const d = argAttrs(op, "arg_attrs", i);
      if (d !== null) p.printOptionalAttrDict(d);
    } else p.printRegionArgument(body.entry.args[i], argAttrs(op, "arg_attrs", i));
  });
  p.write(")");
  if (ft.results.length) {
    p.write(" -> ");
    const anyAttrs = ft.results.some((_t, i) => argAttrs(op, "res_attrs", i) !== null);
    const wrap = ft.results.length > 1 || anyAttrs || ft.results[0].kind === TypeKind.Function;
    if (wrap) p.write("(");
    ft.results.forEach((t, i) => {
      if (i) p.write(", ");
      p.printType(t);
      const d = argAttrs(op, "res_attrs", i);
      if (d !== null) p.printOptionalAttrDict(d);
    });
    if (wrap) p.write(")");
  }
  p.printOptionalAttrDictWithKeyword(op.attrs.entries.concat(op.props.entries.filter((e) => !elidedFuncAttrs.includes(e.name))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  if (!isExternal) {
    p.write(" ");
    p.printRegion(body, false, true);
  }
}

/// Parses the form printed by `printFunctionLike`.
export function parseFunctionLike(p: OpParser, state: OperationState): boolean {
  for (const v of ["private", "public", "nested"]) if (p.parseOptionalKeyword(v)) { state.props.set("sym_visibility", getStringAttr(v)); break; }
  state.props.set("sym_name", getStringAttr(p.parseSymbolName()));
  const args: ParsedArgument[] = [];
  const types: Type[] = [];
  const argDicts: Attribute[] = [];
  let named: boolean | null = null;
  p.parsePunct("(");
  if (!p.parseOptionalPunct(")")) {
    do {
      const at = p.currentOffset();
      const a = p.parseOptionalArgument(true, true);
      if (a !== null) {
        if (named === false) p.error("expected type instead of SSA identifier", at);
        named = true;
        args.push(a);
        types.push(a.type!);
        argDicts.push(a.attrs ?? emptyDict);
      } else {
        if (named === true) p.error("expected SSA identifier", at);
        named = false;
        types.push(p.parseType());
        const d = new Map<string, Attribute>();
        p.parseOptionalAttrDict(d);
        argDicts.push(getDictionaryAttr([...d].map(([name, value]) => ({ name, value }))));
        p.parseOptionalLocationSpecifier();
      }
    } while (p.parseOptionalPunct(","));
    p.parsePunct(")");
  }
  const results: Type[] = [];
  const resDicts: Attribute[] = [];
  if (p.parseOptionalPunct("->")) {
    const one = () => {
      results.push(p.parseType());
      const d = new Map<string, Attribute>();
      p.parseOptionalAttrDict(d);
      resDicts.push(getDictionaryAttr([...d].map(([name, value]) => ({ name, value }))));
    };
    if (p.parseOptionalPunct("(")) {
      if (!p.parseOptionalPunct(")")) { do one(); while (p.parseOptionalPunct(",")); p.parsePunct(")"); }
    } else { // a single result without parentheses has no attributes: `-> i32 {` starts the body
      results.push(p.parseType());
      resDicts.push(getDictionaryAttr([]));
    }
  }
  state.props.set("function_type", getTypeAttr(getFunctionType(types, results)));
  if (argDicts.some((d) => (d as DictionaryAttr).size)) state.props.set("arg_attrs", getArrayAttr(argDicts));
  if (resDicts.some((d) => (d as DictionaryAttr).size)) state.props.set("res_attrs", getArrayAttr(resDicts));
  const attrDictAt = p.currentOffset();
  p.parseOptionalAttrDictWithKeyword(state.attrs);
  // As MLIR's parseFunctionOp: these are spelled by the syntax, not in the attribute dictionary.
  for (const name of ["sym_visibility", "sym_name", "function_type"]) {
    if (state.attrs.has(name)) p.error(`'${name}' is an inferred attribute and should not be specified in the explicit attribute dictionary`, attrDictAt);
  }
  const body = state.addRegion(new Region());
  if (p.atPunct("{")) {
    // As MLIR: with a bare type list the body's entry block declares its own arguments (`^bb0(%a: i32):`).
    const at = p.currentOffset();
    p.parseRegion(body, args);
    if (body.empty) p.error("expected non-empty function body", at);
  }
  return true;
}

/// The syntax record of func.func.
export const functionSyntax: OpSyntax = { parse: parseFunctionLike, print: printFunctionLike };
