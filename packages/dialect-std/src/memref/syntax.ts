// Hand-written memref syntax: the DynamicIndexList and global type/initial-value directives, and the ops MLIR prints by hand.
import {
  AttrKind, Builtin, getBoolAttr, getDenseI64ArrayAttr, getAffineMapAttr, getIntegerAttr, getTensorType, getTypeAttr, operandGroups,
  printAffineMap, registerCustomDirective, Region, TypeKind, unitAttr, type AffineMapAttr, type Attribute, type DenseArrayAttr,
  type Directive, type FormatParseState, type IntegerAttr, type MemRefType, type NamedAttribute, type Operation, type OperationState, type OpParser,
  type OpPrinter, type OpSyntax, type TypeAttr, type UnresolvedOperand, type Value,
} from "@allo/ir-core";
import { I64_DYNAMIC } from "./layout.js";

/// Prints `[%a, 4, %b]`: static entries as integers, dynamic ones (INT64_MIN) as the next value.
export function printDynamicIndexList(p: OpPrinter, values: readonly Value[], statics: readonly number[], open = "[", close = "]"): void {
  p.write(open);
  let k = 0;
  for (let i = 0; i < statics.length; i++) {
    if (i) p.write(", ");
    if (statics[i] === I64_DYNAMIC) p.printOperand(values[k++]);
    else p.write(String(statics[i]));
  }
  p.write(close);
}

/// Parses what `printDynamicIndexList` prints; the SSA entries go to `values`. As MLIR's parseDynamicIndexList, a
/// failure inside the list is followed by an error at the op name.
export function parseDynamicIndexList(p: OpParser, values: UnresolvedOperand[], open: "[" | "(" = "[", nameOffset = p.currentOffset()): number[] {
  const close = open === "[" ? "]" : ")";
  const statics: number[] = [];
  p.parseOrError(() => {
    p.parsePunctIn(open, " in dynamic index list");
    if (p.parseOptionalPunct(close)) return;
    do {
      const u = p.parseOptionalOperand();
      if (u !== null) { values.push(u); statics.push(I64_DYNAMIC); } else statics.push(p.parseInteger());
    } while (p.parseOptionalPunct(","));
    p.parsePunctIn(close, " in dynamic index list");
  }, "expected SSA value or integer", nameOffset);
  return statics;
}

// custom<DynamicIndexList>($values, $static_values)
registerCustomDirective("DynamicIndexList", {
  print(p: OpPrinter, op: Operation, args: readonly Directive[]): void {
    printDynamicIndexList(p, operandGroups(op, op.def!)[args[0].slot], (op.props.get(args[1].text) as DenseArrayAttr).values);
  },
  parse(p: OpParser, fs: FormatParseState, args: readonly Directive[]): void {
    const values: UnresolvedOperand[] = [];
    const statics = parseDynamicIndexList(p, values, "[", fs.state.offset);
    fs.operands[args[0].slot] = values;
    fs.state.props.set(args[1].text, getDenseI64ArrayAttr(statics));
  },
});

// custom<GlobalMemrefOpTypeAndInitialValue>($type, $initial_value)
registerCustomDirective("GlobalMemrefOpTypeAndInitialValue", {
  print(p: OpPrinter, op: Operation, args: readonly Directive[]): void {
    p.printType((op.props.get(args[0].text) as TypeAttr).type);
    const init = op.props.get(args[1].text);
    if (init === null) return;
    p.write(" = ");
    if (init.kind === AttrKind.Unit) p.write("uninitialized");
    else p.printAttributeWithoutType(init);
  },
  parse(p: OpParser, fs: FormatParseState, args: readonly Directive[]): void {
    const fail = (msg: string): never => p.error(`custom op '${fs.state.name}' ${msg}`, fs.state.offset);
    const t = p.parseType();
    if (t.kind !== TypeKind.MemRef || !(t as MemRefType).hasStaticShape) fail(`type should be static shaped memref, but got '${String(t)}'`);
    fs.state.props.set(args[0].text, getTypeAttr(t));
    if (!p.parseOptionalPunct("=")) return;
    if (p.parseOptionalKeyword("uninitialized")) { fs.state.props.set(args[1].text, unitAttr); return; }
    const mt = t as MemRefType;
    const init = p.parseAttribute(getTensorType(mt.shape, mt.elementType));
    if (init.kind !== AttrKind.DenseElements) fail("initial value should be a unit or elements attribute");
    fs.state.props.set(args[1].text, init);
  },
});

/// The op's properties and attributes, sorted by name, without `elided` (what MLIR's printOptionalAttrDict(getAttrs()) prints).
export function sortedAttrs(op: Operation, elided: readonly string[]): NamedAttribute[] {
  return [...op.props.entries, ...op.attrs.entries].filter((e) => !elided.includes(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/// `memref.alloca_scope [-> (types)] { ... } {attrs}`.
export const allocaScopeSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.write(" ");
    const types = op.results.map((r) => r.type);
    if (types.length) { p.write(" -> ("); p.printTypes(types); p.write(")"); }
    p.write(" ");
    p.printRegion(op.regions[0], false, types.length > 0);
    p.printOptionalAttrDict(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    state.resultTypes.push(...p.parseOptionalArrowTypeList());
    const body = state.addRegion(new Region());
    p.parseRegion(body);
    p.ensureTerminator(body, "memref.alloca_scope.return", state.loc);
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
};

/// `memref.generic_atomic_rmw %m[%i] : memref<...> { ^bb0(%cur: T): ... }`.
export const genericAtomicRmwSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.write(" ");
    p.printOperand(op.operand(0));
    p.write("[");
    p.printOperands(op.operandValues().slice(1));
    p.write("] : ");
    p.printType(op.operand(0).type);
    p.write(" ");
    p.printRegion(op.regions[0]);
    p.printOptionalAttrDict(sortedAttrs(op, []));
  },
  parse(p: OpParser, state: OperationState): boolean {
    const m = p.parseOperand();
    const ivs = p.parseOperandList("square");
    const t = p.parseColonType();
    state.operands.push(p.resolveOperand(m, t), ...p.resolveOperands(ivs, Builtin.index));
    p.parseRegion(state.addRegion(new Region()));
    p.parseOptionalAttrDict(state.attrs);
    if (t.kind !== TypeKind.MemRef) p.error(`custom op 'memref.generic_atomic_rmw' expected a memref type`, state.offset);
    state.resultTypes.push((t as MemRefType).elementType);
    return true;
  },
};

/// `memref.prefetch %m[%i], read|write, locality<N>, data|instr : memref<...>`.
export const prefetchSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.write(" ");
    p.printOperand(op.operand(0));
    p.write("[");
    p.printOperands(op.operandValues().slice(1));
    p.write("], " + ((op.props.get("isWrite") as IntegerAttr).num ? "write" : "read"));
    p.write(`, locality<${(op.props.get("localityHint") as IntegerAttr).num}>, `);
    p.write((op.props.get("isDataCache") as IntegerAttr).num ? "data" : "instr");
    p.printOptionalAttrDict(sortedAttrs(op, ["localityHint", "isWrite", "isDataCache"]));
    p.write(" : ");
    p.printType(op.operand(0).type);
  },
  parse(p: OpParser, state: OperationState): boolean {
    const m = p.parseOperand();
    const ivs = p.parseOperandList("square");
    p.parsePunct(",");
    const rw = p.parseOptionalKeywordAny() ?? p.error("expected valid keyword");
    p.parsePunct(",");
    p.parseKeyword("locality");
    p.parsePunct("<");
    state.props.set("localityHint", p.parseAttribute(Builtin.i32));
    p.parsePunct(">");
    p.parsePunct(",");
    const cache = p.parseOptionalKeywordAny() ?? p.error("expected valid keyword");
    const t = p.parseColonType();
    state.operands.push(p.resolveOperand(m, t), ...p.resolveOperands(ivs, Builtin.index));
    if (rw !== "read" && rw !== "write") p.error("custom op 'memref.prefetch' rw specifier has to be 'read' or 'write'", state.offset);
    state.props.set("isWrite", getBoolAttr(rw === "write"));
    if (cache !== "data" && cache !== "instr") p.error("custom op 'memref.prefetch' cache type has to be 'data' or 'instr'", state.offset);
    state.props.set("isDataCache", getBoolAttr(cache === "data"));
    return true;
  },
};

/// `memref.transpose %m (d0, d1) -> (d1, d0) : memref<...> to memref<...>`.
export const transposeSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    p.write(" ");
    p.printOperand(op.operand(0));
    p.write(" " + printAffineMap((op.props.get("permutation") as AffineMapAttr).map));
    p.printOptionalAttrDict(sortedAttrs(op, ["permutation"]));
    p.write(" : ");
    p.printType(op.operand(0).type);
    p.write(" to ");
    p.printType(op.results[0].type);
  },
  parse(p: OpParser, state: OperationState): boolean {
    const m = p.parseOperand();
    const map = p.parseAffineMap();
    p.parseOptionalAttrDict(state.attrs);
    const src = p.parseColonType();
    state.operands.push(p.resolveOperand(m, src));
    p.parseKeyword("to");
    state.resultTypes.push(p.parseType());
    state.props.set("permutation", getAffineMapAttr(map));
    return true;
  },
};

/// `memref.dma_start %src[...], %dst[...], %n, %tag[...] [, %stride, %perStride] : T0, T1, T2`.
export const dmaStartSyntax: OpSyntax = {
  print(p: OpPrinter, op: Operation): void {
    const vs = op.operandValues();
    const rank = (i: number) => (vs[i].type as MemRefType).shape.length;
    const src = 0, dst = 1 + rank(0), num = dst + 1 + rank(dst), tag = num + 1, end = tag + 1 + rank(tag);
    p.write(" ");
    p.printOperand(vs[src]);
    p.write("[");
    p.printOperands(vs.slice(src + 1, dst));
    p.write("], ");
    p.printOperand(vs[dst]);
    p.write("[");
    p.printOperands(vs.slice(dst + 1, num));
    p.write("], ");
    p.printOperand(vs[num]);
    p.write(", ");
    p.printOperand(vs[tag]);
    p.write("[");
    p.printOperands(vs.slice(tag + 1, end));
    p.write("]");
    if (vs.length > end) { p.write(", "); p.printOperands(vs.slice(end)); }
    p.printOptionalAttrDict(sortedAttrs(op, []));
    p.write(" : ");
    p.printTypes([vs[src].type, vs[dst].type, vs[tag].type]);
  },
  parse(p: OpParser, state: OperationState): boolean {
    const src = p.parseOperand(), srcIdx = p.parseOperandList("square");
    p.parsePunct(",");
    const dst = p.parseOperand(), dstIdx = p.parseOperandList("square");
    p.parsePunct(",");
    const num = p.parseOperand();
    p.parsePunct(",");
    const tag = p.parseOperand(), tagIdx = p.parseOperandList("square");
    const stride = p.parseOptionalPunct(",") ? p.parseOperandList("none") : [];
    if (stride.length !== 0 && stride.length !== 2) p.error("custom op 'memref.dma_start' expected two stride related operands", state.offset);
    const types = p.parseColonTypeList();
    if (types.length !== 3) p.error("custom op 'memref.dma_start' fewer/more types expected", state.offset);
    const idx = Builtin.index;
    state.operands.push(
      p.resolveOperand(src, types[0]), ...p.resolveOperands(srcIdx, idx), p.resolveOperand(dst, types[1]), ...p.resolveOperands(dstIdx, idx),
      p.resolveOperand(num, idx), p.resolveOperand(tag, types[2]), ...p.resolveOperands(tagIdx, idx), ...p.resolveOperands(stride, idx),
    );
    return true;
  },
};

/// The `memref.atomic_rmw` kinds (arith::AtomicRMWKind), in enum order.
export const atomicRmwKinds = [
  "addf", "addi", "assign", "maximumf", "maxs", "maxu", "minimumf", "mins", "minu", "mulf", "muli", "ori", "andi", "maxnumf", "minnumf",
] as const;

/// The keyword of an atomic_rmw kind attribute.
export function atomicRmwKindName(a: Attribute): string {
  return atomicRmwKinds[(a as IntegerAttr).num] ?? String((a as IntegerAttr).num);
}

/// Parses an atomic_rmw kind keyword into its i64 enum attribute.
export function parseAtomicRmwKind(p: OpParser): Attribute | null {
  const at = p.currentOffset();
  const kw = p.parseOptionalKeywordAny();
  if (kw === null) return null;
  const i = (atomicRmwKinds as readonly string[]).indexOf(kw);
  if (i < 0) p.error(`expected ::mlir::arith::AtomicRMWKind to be one of: ${atomicRmwKinds.join(", ")}`, at);
  return getIntegerAttr(Builtin.i64, i);
}
