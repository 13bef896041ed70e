// Hand-written syntax of the linalg named ops (MLIR's parse/printNamedStructuredOp) and the region bodies they build.
import {
  AttrKind, Block, getDenseI32ArrayAttr, OpBuilder, operandGroups, Region, registry, TypeKind, unknownLoc,
  type DictionaryAttr, type FloatType, type IntegerType, type NamedAttribute, type OpDef, type Operation, type OpParser,
  type OpPrinter, type OpSyntax, type OperationState, type ShapedType, type Type, type UnresolvedOperand, type Value,
} from "@allo/ir-core";
import {
  AddFOp, AddIOp, AndIOp, ExtFOp, ExtSIOp, FPToSIOp, IndexCastOp, MulFOp, MulIOp, OrIOp, SIToFPOp, TruncFOp, TruncIOp,
} from "../arith/ops.js";

/// The computation a named op's hidden region performs.
export type RegionBody = "fill" | "matmul" | "add";

/// The attribute where matmul memoizes its indexing maps (as MLIR's generated getIndexingMaps does).
export const memoizedIndexingMaps = "linalg.memoized_indexing_maps";
const elidedAttrs = ["operandSegmentSizes", memoizedIndexingMaps];

/// The element type of a memref or ranked tensor, else the type itself (what a region argument gets).
export function elementOrSelf(t: Type): Type {
  return t.kind === TypeKind.MemRef || t.kind === TypeKind.Tensor ? (t as ShapedType).elementType : t;
}

function byName(a: NamedAttribute, b: NamedAttribute): number { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }

// ---- region bodies (the generated regionBuilder functions) ----

/// MLIR's convertScalarToDtype with signed casts; an unsupported pair leaves the value as is (MLIR only warns).
function castTo(b: OpBuilder, v: Value, to: Type): Value {
  const from = v.type;
  if (from === to) return v;
  const make = (def: OpDef): Value => b.create(def, { operands: [v], resultTypes: [to], loc: unknownLoc }).results[0];
  if (to.kind === TypeKind.Integer) {
    if (from.kind === TypeKind.Float) return make(FPToSIOp);
    if (from.kind === TypeKind.Index) return make(IndexCastOp);
    if (from.kind === TypeKind.Integer) {
      const tw = (to as IntegerType).width, fw = (from as IntegerType).width;
      if (tw > fw) return make(ExtSIOp);
      if (tw < fw) return make(TruncIOp);
    }
  } else if (to.kind === TypeKind.Float) {
    if (from.kind === TypeKind.Integer) return make(SIToFPOp);
    if (from.kind === TypeKind.Float) {
      const tw = (to as FloatType).width, fw = (from as FloatType).width;
      if (tw > fw) return make(ExtFOp);
      if (tw < fw) return make(TruncFOp);
    }
  }
  return v;
}

/// BinaryFn::add / BinaryFn::mul on numbers: float ops, `ori`/`andi` on i1, integer ops otherwise.
function binary(p: OpParser, b: OpBuilder, fn: "add" | "mul", x: Value, y: Value): Value {
  const bothFloat = x.type.kind === TypeKind.Float && y.type.kind === TypeKind.Float;
  const bothInt = x.type.kind === TypeKind.Integer && y.type.kind === TypeKind.Integer;
  if (!bothFloat && !bothInt) p.error("unsupported non numeric type");
  const bool = bothInt && (x.type as IntegerType).width === 1 && (y.type as IntegerType).width === 1;
  const def = bothFloat ? (fn === "add" ? AddFOp : MulFOp) : bool ? (fn === "add" ? OrIOp : AndIOp) : fn === "add" ? AddIOp : MulIOp;
  return b.create(def, { operands: [x, y], resultTypes: [x.type], loc: unknownLoc }).results[0];
}

const regionArgCount: Record<RegionBody, number> = { fill: 2, matmul: 3, add: 3 };

/// Fills `block` (whose arguments are the operands' element types) with the body of `kind` and its `linalg.yield`.
function buildBody(p: OpParser, kind: RegionBody, block: Block): void {
  const b = OpBuilder.atEnd(block);
  const a = block.args;
  const out = a[a.length - 1].type;
  let r: Value;
  switch (kind) {
    case "fill": r = castTo(b, a[0], out); break;
    case "add": r = binary(p, b, "add", a[0], a[1]); break;
    case "matmul": {
      const x = castTo(b, a[0], out), y = castTo(b, a[1], out);
      r = binary(p, b, "add", a[2], binary(p, b, "mul", x, y));
      break;
    }
  }
  b.create(registry.lookupOp("linalg.yield")!, { operands: [r], loc: unknownLoc });
}

// ---- named ops ----

function parseNamedOp(p: OpParser, state: OperationState, kind: RegionBody): boolean {
  if (p.parseOptionalPunct("<")) {
    const at = p.currentOffset();
    const d = p.parseAttribute();
    if (d.kind !== AttrKind.Dictionary) p.error("expected dictionary of properties", at);
    for (const e of (d as DictionaryAttr).entries) state.props.set(e.name, e.value);
    p.parsePunct(">");
  }
  p.parseOptionalAttrDict(state.attrs);
  let ins: UnresolvedOperand[] = [], outs: UnresolvedOperand[] = [];
  let inTypes: Type[] = [], outTypes: Type[] = [];
  let insAt = p.currentOffset(), outsAt = insAt;
  if (p.parseOptionalKeyword("ins")) {
    p.parsePunct("(");
    insAt = p.currentOffset();
    ins = p.parseOperandList("none");
    inTypes = p.parseColonTypeList();
    p.parsePunct(")");
  }
  if (p.parseOptionalKeyword("outs")) {
    outsAt = p.currentOffset();
    p.parsePunct("(");
    outs = p.parseOperandList("none");
    outTypes = p.parseColonTypeList();
    p.parsePunct(")");
  }
  state.operands.push(...p.resolveOperands(ins, inTypes, insAt), ...p.resolveOperands(outs, outTypes, outsAt));
  state.props.set("operandSegmentSizes", getDenseI32ArrayAttr([ins.length, outs.length]));
  state.resultTypes.push(...p.parseOptionalArrowTypeList());
  const n = regionArgCount[kind];
  if (n !== inTypes.length + outTypes.length) {
    p.error(`[parseNamedStructuredOpRegion] ods-gen generated region expects ${n} args, got ${inTypes.length + outTypes.length}`);
  }
  const block = state.addRegion(new Region()).appendBlock(new Block());
  for (const t of [...inTypes, ...outTypes]) block.addArgument(elementOrSelf(t), unknownLoc);
  buildBody(p, kind, block);
  return true;
}

function printNamedOp(p: OpPrinter, op: Operation): void {
  const attrs: NamedAttribute[] = [...op.props.entries, ...op.attrs.entries].filter((e) => !elidedAttrs.includes(e.name)).sort(byName);
  p.printOptionalAttrDict(attrs);
  const [ins, outs] = operandGroups(op, op.def!);
  for (const [kw, vs] of [["ins", ins], ["outs", outs]] as const) {
    if (vs === undefined || vs.length === 0) continue;
    p.write(` ${kw}(`);
    p.printOperands(vs);
    p.write(" : ");
    p.printTypes(vs.map((v) => v.type));
    p.write(")");
  }
  p.printOptionalArrowTypeList(op.results.map((r) => r.type));
}

/// The syntax of a named structured op whose hidden region computes `kind`.
export function namedOpSyntax(kind: RegionBody): OpSyntax {
  return { parse: (p, state) => parseNamedOp(p, state, kind), print: printNamedOp };
}

/// `linalg.yield %a, %b {attrs} : f32, f32` (MLIR's hand-written YieldOp::parse/print).
export const yieldSyntax: OpSyntax = {
  parse: (p, state) => {
    const at = p.currentOffset();
    const uses = p.parseOperandList("none");
    p.parseOptionalAttrDict(state.attrs);
    const types = uses.length ? p.parseColonTypeList() : [];
    state.operands.push(...p.resolveOperands(uses, types, at));
    return true;
  },
  print: (p, op) => {
    const vs = op.operandValues();
    if (vs.length) { p.write(" "); p.printOperands(vs); }
    p.printOptionalAttrDict([...op.props.entries, ...op.attrs.entries].sort(byName));
    if (vs.length) { p.write(" : "); p.printTypes(vs.map((v) => v.type)); }
  },
};
