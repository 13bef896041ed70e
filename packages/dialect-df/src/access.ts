// Typed accessors of df ops for passes and targets: names, mappings, layouts, parameters, enclosing ops, stream labels.
import {
  AttrKind, type ArrayAttr, type Attribute, type DenseArrayAttr, type FunctionType, type IntegerAttr, type Operation,
  type StringAttr, type SymbolRefAttr, type Type, type TypeAttr, type Value,
} from "@allo/ir-core";
import type { MappingEntry } from "./attrs.js";

/// The `sym_name` of a df.region, df.kernel (or any symbol op); "" if it has none.
export function symName(op: Operation): string {
  const a = op.props.get("sym_name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

/// The mapping of a df.kernel: grid sizes and parameter names, in order (malformed entries are skipped).
export function kernelMapping(kernel: Operation): MappingEntry[] {
  const a = kernel.props.get("mapping");
  if (a === null || a.kind !== AttrKind.Array) return [];
  const out: MappingEntry[] = [];
  for (const e of (a as ArrayAttr).elements) {
    if (e.kind === AttrKind.Integer) out.push((e as IntegerAttr).num);
    else if (e.kind === AttrKind.String) out.push((e as StringAttr).value);
  }
  return out;
}

/// The layouts of a df.kernel, one per operand; null when it has none (every dimension replicated).
export function kernelLayouts(kernel: Operation): readonly Attribute[] | null {
  const a = kernel.props.get("layouts");
  return a !== null && a.kind === AttrKind.Array ? (a as ArrayAttr).elements : null;
}

/// The parameter names of a df.region (`[]` when it has none).
export function regionParams(region: Operation): string[] {
  const a = region.props.get("params");
  if (a === null || a.kind !== AttrKind.Array) return [];
  return (a as ArrayAttr).elements.map((e) => (e.kind === AttrKind.String ? (e as StringAttr).value : String(e)));
}

/// The argument types of a df.region (its `function_type` inputs).
export function regionArgTypes(region: Operation): readonly Type[] {
  const a = region.props.get("function_type");
  return a !== null && a.kind === AttrKind.TypeAttr ? ((a as TypeAttr).type as FunctionType).inputs : [];
}

/// The callee name of a df.call.
export function callCallee(call: Operation): string {
  const a = call.props.get("callee");
  return a !== null && a.kind === AttrKind.SymbolRef ? (a as SymbolRefAttr).root : "";
}

/// The parameter values of a df.call (`[]` when it has none).
export function callParams(call: Operation): number[] {
  const a = call.props.get("params");
  return a !== null && a.kind === AttrKind.DenseArray ? (a as DenseArrayAttr).values.slice() : [];
}

/// The parameter name a df.param reads.
export function paramName(op: Operation): string {
  const a = op.props.get("name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

/// The nearest enclosing op named `name` (not `op` itself), or null.
export function enclosingOp(op: Operation, name: string): Operation | null {
  for (let p = op.parentOp; p !== null; p = p.parentOp) if (p.name === name) return p;
  return null;
}

/// The nearest enclosing df.kernel, or null.
export function enclosingKernel(op: Operation): Operation | null {
  return enclosingOp(op, "df.kernel");
}

/// The nearest enclosing df.region, or null.
export function enclosingRegion(op: Operation): Operation | null {
  return enclosingOp(op, "df.region");
}

/// The df.stream that defines `v`, or null (e.g. a block argument).
export function streamDecl(v: Value): Operation | null {
  const d = v.definingOp;
  return d !== null && d.name === "df.stream" ? d : null;
}

/// The name of a df.stream (its optional `name` property), or null.
export function streamName(decl: Operation): string | null {
  const a = decl.props.get("name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : null;
}

/// How diagnostics name a stream: `stream "pipe"` when named, else `stream #k of region @top`
/// (k counts the df.stream ops of its block), or `stream argument #i` for a block argument.
export function streamLabel(v: Value): string {
  const d = streamDecl(v);
  if (d === null) {
    const owner = v.parentBlock;
    const idx = owner === null ? -1 : owner.args.indexOf(v as never);
    return idx >= 0 ? `stream argument #${idx}` : "stream";
  }
  const name = streamName(d);
  if (name !== null) return `stream "${name}"`;
  let k = 0;
  for (let o = d.parent?.firstOp ?? null; o !== null && o !== d; o = o.next) if (o.name === "df.stream") k++;
  const region = enclosingRegion(d) ?? d.parentOp;
  return region !== null && region.name === "df.region" ? `stream #${k} of region @${symName(region)}` : `stream #${k}`;
}

/// `in kernel @k: ` when `op` is nested in a df.kernel, else `in region @r: ` when nested in a df.region, else "".
export function contextPrefix(op: Operation): string {
  const k = enclosingKernel(op);
  if (k !== null) return `in kernel @${symName(k)}: `;
  const r = enclosingRegion(op);
  return r !== null ? `in region @${symName(r)}: ` : "";
}
