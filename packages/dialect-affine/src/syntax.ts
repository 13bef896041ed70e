// Hand-written custom syntax of the affine ops (MLIR's AffineOps.cpp parsers and printers).
import {
  AttrKind, Builtin, getAffineConstantExpr, getAffineDimExpr, getAffineMap, getAffineMapAttr, getAffineSymbolExpr, getArrayAttr,
  getBoolAttr, getDenseElementsAttr, getDenseI32ArrayAttr, getI64Attr, getIntegerAttr, getTensorType, Region, shiftDims,
  shiftSymbols, TypeKind, type AffineExpr, type AffineMap, type AffineMapAttr, type Attribute, type IntegerAttr,
  type IntegerSetAttr, type MemRefType, type Operation, type OperationState, type OpParser, type OpPrinter, type OpSyntax,
  type ParsedArgument, type Type, type UnresolvedOperand, type Value,
} from "@allo/ir-core";
import { accessOp, atomicRMWKinds, forOp, ifOp, mapOf, parallelOp } from "./accessors.js";
import { affineMessage, AffineMessages as M } from "./messages.js";

const index = Builtin.index;

/// Reports an error the way MLIR's custom op parsers do (`custom op 'affine.for' ...`).
function opError(p: OpParser, state: OperationState, message: string, offset = state.offset): never {
  return p.error(`custom op '${state.name}' ${message}`, offset);
}

function printDimAndSymbolList(p: OpPrinter, operands: readonly Value[], numDims: number): void {
  p.write("(");
  p.printOperands(operands.slice(0, numDims));
  p.write(")");
  if (operands.length > numDims) {
    p.write("[");
    p.printOperands(operands.slice(numDims));
    p.write("]");
  }
}

/// `(%d0, %d1)[%s0]`: the dim operands and the optional symbol operands.
function parseDimAndSymbolList(p: OpParser): { operands: UnresolvedOperand[]; numDims: number } {
  const dims = p.parseOperandList("paren");
  const syms = p.parseOperandList("optional-square");
  return { operands: [...dims, ...syms], numDims: dims.length };
}

function parseMapAttr(p: OpParser, state: OperationState): AffineMapAttr {
  const at = p.currentOffset();
  const a = p.parseAttribute();
  if (a.kind !== AttrKind.AffineMap) opError(p, state, M.BadAttrKind.text, at);
  return a as AffineMapAttr;
}

function parseColonMemRefType(p: OpParser, state: OperationState): MemRefType {
  p.parsePunct(":");
  const at = p.currentOffset();
  const t = p.parseType();
  if (t.kind !== TypeKind.MemRef) opError(p, state, M.BadTypeKind.text, at);
  return t as MemRefType;
}

// ---- affine.apply ----

export const applySyntax: OpSyntax = {
  parse(p, state) {
    const mapAttr = parseMapAttr(p, state);
    const { operands, numDims } = parseDimAndSymbolList(p);
    p.parseOptionalAttrDict(state.attrs);
    const map = mapAttr.map;
    if (map.numDims !== numDims || numDims + map.numSymbols !== operands.length) opError(p, state, M.ApplyIndexMismatch.text);
    state.props.set("map", mapAttr);
    state.operands.push(...p.resolveOperands(operands, index));
    state.resultTypes.push(...map.results.map(() => index));
    return true;
  },
  print(p, op) {
    const map = mapOf(op)!;
    p.write(" ");
    p.printAttribute(op.props.get("map")!);
    printDimAndSymbolList(p, op.operandValues(), map.numDims);
    p.printOptionalAttrDict(op.attrs);
  },
};

// ---- affine.min / affine.max ----

function minMaxSyntax(): OpSyntax {
  return {
    parse(p, state) {
      const mapAttr = parseMapAttr(p, state);
      const dims = p.parseOperandList("paren");
      const syms = p.parseOperandList("optional-square");
      p.parseOptionalAttrDict(state.attrs);
      state.props.set("map", mapAttr);
      state.operands.push(...p.resolveOperands(dims, index), ...p.resolveOperands(syms, index));
      state.resultTypes.push(index);
      return true;
    },
    print(p, op) {
      const map = mapOf(op)!;
      p.write(" ");
      p.printAttribute(op.props.get("map")!);
      const operands = op.operandValues();
      p.write("(");
      p.printOperands(operands.slice(0, map.numDims));
      p.write(")");
      if (operands.length !== map.numDims) {
        p.write("[");
        p.printOperands(operands.slice(map.numDims));
        p.write("]");
      }
      p.printOptionalAttrDict(op.attrs);
    },
  };
}
export const minSyntax: OpSyntax = minMaxSyntax();
export const maxSyntax: OpSyntax = minMaxSyntax();

// ---- affine.for ----

function parseBound(p: OpParser, state: OperationState, isLower: boolean, operands: Value[]): AffineMap {
  const hasMinMax = p.parseOptionalKeyword(isLower ? "max" : "min");
  const ssa = p.parseOperandList("none");
  if (ssa.length !== 0) {
    if (ssa.length > 1) opError(p, state, M.OnlyOneBoundOperand.text);
    operands.push(p.resolveOperand(ssa[0], index));
    return getAffineMap(0, 1, [getAffineSymbolExpr(0)]);
  }
  const attrAt = p.currentOffset();
  const a = p.parseAttribute(index);
  if (a.kind === AttrKind.AffineMap) {
    const map = (a as AffineMapAttr).map;
    const { operands: us, numDims } = parseDimAndSymbolList(p);
    if (map.numDims !== numDims) opError(p, state, M.BoundDimCount.text);
    if (numDims + map.numSymbols !== us.length) opError(p, state, M.BoundSymbolCount.text);
    operands.push(...p.resolveOperands(us, index));
    if (map.results.length > 1 && !hasMinMax) opError(p, state, (isLower ? M.LowerBoundNeedsMax : M.UpperBoundNeedsMin).text, attrAt);
    return map;
  }
  if (a.kind === AttrKind.Integer) return getAffineMap(0, 0, [getAffineConstantExpr((a as IntegerAttr).num)]);
  return opError(p, state, M.BadBound.text);
}

export const forSyntax: OpSyntax = {
  parse(p, state) {
    const iv = p.parseArgument(false);
    iv.type = index;
    p.parsePunct("=");
    const lbOperands: Value[] = [];
    const lbMap = parseBound(p, state, true, lbOperands);
    if (!p.parseOptionalKeyword("to")) opError(p, state, M.ExpectedToBetweenBounds.text, p.currentOffset());
    const ubOperands: Value[] = [];
    const ubMap = parseBound(p, state, false, ubOperands);
    let step: Attribute = getIntegerAttr(index, 1);
    if (p.parseOptionalKeyword("step")) {
      const at = p.currentOffset();
      step = p.parseAttribute(index);
      if (step.kind !== AttrKind.Integer) opError(p, state, M.BadAttrKind.text, at);
      if ((step as IntegerAttr).num < 0) opError(p, state, M.NegativeStep.text, at);
    }
    const regionArgs: ParsedArgument[] = [iv];
    const inits: Value[] = [];
    if (p.parseOptionalKeyword("iter_args")) {
      const args: ParsedArgument[] = [];
      const operands: UnresolvedOperand[] = [];
      p.parseAssignmentList(args, operands);
      if (!p.atPunct("->")) p.parsePunct("->");
      state.resultTypes.push(...p.parseOptionalArrowTypeList());
      for (let i = 0; i < args.length && i < state.resultTypes.length; i++) {
        args[i].type = state.resultTypes[i];
        inits.push(p.resolveOperand(operands[i], state.resultTypes[i]));
      }
      regionArgs.push(...args);
    }
    state.operands.push(...lbOperands, ...ubOperands, ...inits);
    state.props.set("lowerBoundMap", getAffineMapAttr(lbMap));
    state.props.set("upperBoundMap", getAffineMapAttr(ubMap));
    state.props.set("step", step);
    state.props.set("operandSegmentSizes", getDenseI32ArrayAttr([lbOperands.length, ubOperands.length, inits.length]));
    const body = state.addRegion(new Region());
    if (regionArgs.length !== state.resultTypes.length + 1) opError(p, state, M.ForIterCount.text);
    p.parseRegion(body, regionArgs);
    p.ensureTerminator(body, "affine.yield", state.loc);
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
  print(p, op) {
    const body = op.regions[0].entry;
    p.write(" ");
    p.printRegionArgument(body.args[0], null, true);
    p.write(" = ");
    printBound(p, op.props.get("lowerBoundMap")!, forOp.lowerBoundOperands(op), "max");
    p.write(" to ");
    printBound(p, op.props.get("upperBoundMap")!, forOp.upperBoundOperands(op), "min");
    const step = forOp.step(op);
    if (step !== 1) p.write(" step " + String(step));
    const inits = forOp.inits(op);
    let printTerminators = false;
    if (inits.length > 0) {
      p.write(" iter_args(");
      const iterArgs = body.args.slice(1);
      for (let i = 0; i < iterArgs.length && i < inits.length; i++) {
        if (i) p.write(", ");
        p.printOperand(iterArgs[i]);
        p.write(" = ");
        p.printOperand(inits[i]);
      }
      p.write(") -> (");
      p.printTypes(op.results.map((r) => r.type));
      p.write(")");
      printTerminators = true;
    }
    p.write(" ");
    p.printRegion(op.regions[0], false, printTerminators);
    p.printOptionalAttrDict(op.attrs);
  },
};

function printBound(p: OpPrinter, mapAttr: Attribute, operands: readonly Value[], prefix: string): void {
  const map = (mapAttr as AffineMapAttr).map;
  if (map.results.length === 1) {
    const e = map.results[0];
    if (map.numDims === 0 && map.numSymbols === 0 && e.isConstant()) {
      p.write(String(e.value));
      return;
    }
    if (map.numDims === 0 && map.numSymbols === 1 && e.isSymbol()) {
      p.printOperand(operands[0]);
      return;
    }
  } else {
    p.write(prefix + " ");
  }
  p.printAttribute(mapAttr);
  printDimAndSymbolList(p, operands, map.numDims);
}

// ---- affine.if ----

export const ifSyntax: OpSyntax = {
  parse(p, state) {
    const at = p.currentOffset();
    const cond = p.parseAttribute();
    if (cond.kind !== AttrKind.IntegerSet) opError(p, state, M.BadAttrKind.text, at);
    const { operands, numDims } = parseDimAndSymbolList(p);
    const set = (cond as IntegerSetAttr).set;
    if (set.numDims !== numDims) opError(p, state, M.SetDimCount.text);
    if (numDims + set.numSymbols !== operands.length) opError(p, state, M.SetSymbolCount.text);
    state.attrs.set("condition", cond);
    state.operands.push(...p.resolveOperands(operands, index));
    state.resultTypes.push(...p.parseOptionalArrowTypeList());
    const thenRegion = state.addRegion(new Region());
    const elseRegion = state.addRegion(new Region());
    p.parseRegion(thenRegion, []);
    p.ensureTerminator(thenRegion, "affine.yield", state.loc);
    if (p.parseOptionalKeyword("else")) {
      p.parseRegion(elseRegion, []);
      p.ensureTerminator(elseRegion, "affine.yield", state.loc);
    }
    p.parseOptionalAttrDict(state.attrs);
    return true;
  },
  print(p, op) {
    const cond = op.attrs.get("condition") ?? op.props.get("condition")!;
    p.write(" ");
    p.printAttribute(cond);
    printDimAndSymbolList(p, op.operandValues(), ifOp.integerSet(op).numDims);
    p.printOptionalArrowTypeList(op.results.map((r) => r.type));
    p.write(" ");
    const withTerminators = op.results.length > 0;
    p.printRegion(op.regions[0], false, withTerminators);
    if (!op.regions[1].empty) {
      p.write(" else ");
      p.printRegion(op.regions[1], false, withTerminators);
    }
    p.printOptionalAttrDict(op.attrs, ["condition"]);
  },
};

// ---- affine.load / affine.store / vector forms ----

function printAccess(p: OpPrinter, op: Operation): void {
  p.printOperand(accessOp.memref(op));
  p.write("[");
  const map = mapOf(op);
  if (map !== null) p.printAffineMapOfSSAIds(map, accessOp.mapOperands(op));
  p.write("]");
}

/// `[...]` of an affine map of SSA ids, with MLIR's message when the bracket is missing.
function parseSquareMapOfSSAIds(p: OpParser, operands: UnresolvedOperand[]): AffineMap {
  if (!p.atPunct("[")) p.parserError("expected '[' in affine map");
  return p.parseAffineMapOfSSAIds(operands, "square")!;
}

function parseAccess(p: OpParser, state: OperationState): { memref: UnresolvedOperand; indices: UnresolvedOperand[] } {
  const memref = p.parseOperand();
  const indices: UnresolvedOperand[] = [];
  const map = parseSquareMapOfSSAIds(p, indices);
  state.props.set("map", getAffineMapAttr(map));
  return { memref, indices };
}

export const loadSyntax: OpSyntax = {
  parse(p, state) {
    const { memref, indices } = parseAccess(p, state);
    p.parseOptionalAttrDict(state.attrs);
    const t = parseColonMemRefType(p, state);
    state.operands.push(p.resolveOperand(memref, t), ...p.resolveOperands(indices, index));
    state.resultTypes.push(t.elementType);
    return true;
  },
  print(p, op) {
    p.write(" ");
    printAccess(p, op);
    p.printOptionalAttrDict(op.attrs);
    p.write(" : ");
    p.printType(accessOp.memref(op).type);
  },
};

export const storeSyntax: OpSyntax = {
  parse(p, state) {
    const value = p.parseOperand();
    p.parsePunct(",");
    const { memref, indices } = parseAccess(p, state);
    p.parseOptionalAttrDict(state.attrs);
    const t = parseColonMemRefType(p, state);
    state.operands.push(p.resolveOperand(value, t.elementType), p.resolveOperand(memref, t), ...p.resolveOperands(indices, index));
    return true;
  },
  print(p, op) {
    p.write(" ");
    p.printOperand(op.operand(0));
    p.write(", ");
    printAccess(p, op);
    p.printOptionalAttrDict(op.attrs);
    p.write(" : ");
    p.printType(accessOp.memref(op).type);
  },
};

function parseVectorType(p: OpParser, state: OperationState): Type {
  const at = p.currentOffset();
  const t = p.parseType();
  if (t.kind !== TypeKind.Vector) opError(p, state, M.BadTypeKind.text, at);
  return t;
}

export const vectorLoadSyntax: OpSyntax = {
  parse(p, state) {
    const { memref, indices } = parseAccess(p, state);
    p.parseOptionalAttrDict(state.attrs);
    const t = parseColonMemRefType(p, state);
    p.parsePunct(",");
    const vt = parseVectorType(p, state);
    state.operands.push(p.resolveOperand(memref, t), ...p.resolveOperands(indices, index));
    state.resultTypes.push(vt);
    return true;
  },
  print(p, op) {
    p.write(" ");
    printAccess(p, op);
    p.printOptionalAttrDict(op.attrs);
    p.write(" : ");
    p.printType(accessOp.memref(op).type);
    p.write(", ");
    p.printType(op.results[0].type);
  },
};

export const vectorStoreSyntax: OpSyntax = {
  parse(p, state) {
    const value = p.parseOperand();
    p.parsePunct(",");
    const { memref, indices } = parseAccess(p, state);
    p.parseOptionalAttrDict(state.attrs);
    const t = parseColonMemRefType(p, state);
    p.parsePunct(",");
    const vt = parseVectorType(p, state);
    state.operands.push(p.resolveOperand(value, vt), p.resolveOperand(memref, t), ...p.resolveOperands(indices, index));
    return true;
  },
  print(p, op) {
    p.write(" ");
    p.printOperand(op.operand(0));
    p.write(", ");
    printAccess(p, op);
    p.printOptionalAttrDict(op.attrs);
    p.write(" : ");
    p.printType(accessOp.memref(op).type);
    p.write(", ");
    p.printType(op.operand(0).type);
  },
};

// ---- affine.prefetch ----

export const prefetchSyntax: OpSyntax = {
  parse(p, state) {
    const { memref, indices } = parseAccess(p, state);
    p.parsePunct(",");
    const rwAt = p.currentOffset();
    const rw = p.parseOptionalKeywordAny();
    if (rw === null) p.error("expected valid keyword", rwAt);
    p.parsePunct(",");
    p.parseKeyword("locality");
    p.parsePunct("<");
    const hintAt = p.currentOffset();
    const hint = p.parseAttribute(Builtin.i32);
    if (hint.kind !== AttrKind.Integer) opError(p, state, M.BadAttrKind.text, hintAt);
    p.parsePunct(">");
    p.parsePunct(",");
    const cacheAt = p.currentOffset();
    const cache = p.parseOptionalKeywordAny();
    if (cache === null) p.error("expected valid keyword", cacheAt);
    p.parseOptionalAttrDict(state.attrs);
    const t = parseColonMemRefType(p, state);
    state.operands.push(p.resolveOperand(memref, t), ...p.resolveOperands(indices, index));
    if (rw !== "read" && rw !== "write") opError(p, state, M.RwSpecifier.text);
    if (cache !== "data" && cache !== "instr") opError(p, state, M.CacheType.text);
    state.props.set("localityHint", hint);
    state.props.set("isWrite", getBoolAttr(rw === "write"));
    state.props.set("isDataCache", getBoolAttr(cache === "data"));
    return true;
  },
  print(p, op) {
    p.write(" ");
    printAccess(p, op);
    const isWrite = ((op.props.get("isWrite") as IntegerAttr | null)?.num ?? 0) !== 0;
    const isData = ((op.props.get("isDataCache") as IntegerAttr | null)?.num ?? 0) !== 0;
    const hint = op.props.get("localityHint") as IntegerAttr | null;
    p.write(`, ${isWrite ? "write" : "read"}, locality<${hint === null ? 0 : String(hint.value)}>, ${isData ? "data" : "instr"}`);
    p.printOptionalAttrDict(op.attrs);
    p.write(" : ");
    p.printType(accessOp.memref(op).type);
  },
};

// ---- affine.dma_start / affine.dma_wait ----

/// Operand groups of affine.dma_start: memrefs, their index lists, the element count and the optional stride pair.
export function dmaStartGroups(op: Operation): {
  src: Value; srcIndices: Value[]; dst: Value; dstIndices: Value[]; tag: Value; tagIndices: Value[]; numElements: Value; stride: Value[];
} {
  const vs = op.operandValues();
  const ns = mapOf(op, "src_map")?.getNumInputs() ?? 0;
  const nd = mapOf(op, "dst_map")?.getNumInputs() ?? 0;
  const nt = mapOf(op, "tag_map")?.getNumInputs() ?? 0;
  let i = 0;
  const src = vs[i++];
  const srcIndices = vs.slice(i, i += ns);
  const dst = vs[i++];
  const dstIndices = vs.slice(i, i += nd);
  const tag = vs[i++];
  const tagIndices = vs.slice(i, i += nt);
  const numElements = vs[i++];
  return { src, srcIndices, dst, dstIndices, tag, tagIndices, numElements, stride: vs.slice(i) };
}

export const dmaStartSyntax: OpSyntax = {
  parse(p, state) {
    const src = p.parseOperand();
    const srcIdx: UnresolvedOperand[] = [];
    const srcMap = parseSquareMapOfSSAIds(p, srcIdx);
    p.parsePunct(",");
    const dst = p.parseOperand();
    const dstIdx: UnresolvedOperand[] = [];
    const dstMap = parseSquareMapOfSSAIds(p, dstIdx);
    p.parsePunct(",");
    const tag = p.parseOperand();
    const tagIdx: UnresolvedOperand[] = [];
    const tagMap = parseSquareMapOfSSAIds(p, tagIdx);
    p.parsePunct(",");
    const num = p.parseOperand();
    const stride: UnresolvedOperand[] = [];
    if (p.parseOptionalPunct(",")) stride.push(...p.parseOperandList("none"));
    if (stride.length !== 0 && stride.length !== 2) opError(p, state, M.TwoStrideOperands.text);
    const types = p.parseColonTypeList();
    if (types.length !== 3) opError(p, state, M.ThreeTypes.text);
    state.operands.push(
      p.resolveOperand(src, types[0]), ...p.resolveOperands(srcIdx, index),
      p.resolveOperand(dst, types[1]), ...p.resolveOperands(dstIdx, index),
      p.resolveOperand(tag, types[2]), ...p.resolveOperands(tagIdx, index),
      p.resolveOperand(num, index), ...p.resolveOperands(stride, index),
    );
    if (srcIdx.length !== srcMap.getNumInputs() || dstIdx.length !== dstMap.getNumInputs() || tagIdx.length !== tagMap.getNumInputs()) {
      opError(p, state, M.DmaMapInputs.text);
    }
    state.attrs.set("src_map", getAffineMapAttr(srcMap));
    state.attrs.set("dst_map", getAffineMapAttr(dstMap));
    state.attrs.set("tag_map", getAffineMapAttr(tagMap));
    return true;
  },
  print(p, op) {
    const g = dmaStartGroups(op);
    p.write(" ");
    p.printOperand(g.src);
    p.write("[");
    p.printAffineMapOfSSAIds(mapOf(op, "src_map")!, g.srcIndices);
    p.write("], ");
    p.printOperand(g.dst);
    p.write("[");
    p.printAffineMapOfSSAIds(mapOf(op, "dst_map")!, g.dstIndices);
    p.write("], ");
    p.printOperand(g.tag);
    p.write("[");
    p.printAffineMapOfSSAIds(mapOf(op, "tag_map")!, g.tagIndices);
    p.write("], ");
    p.printOperand(g.numElements);
    if (g.stride.length === 2) {
      p.write(", ");
      p.printOperand(g.stride[0]);
      p.write(", ");
      p.printOperand(g.stride[1]);
    }
    p.write(" : ");
    p.printType(g.src.type);
    p.write(", ");
    p.printType(g.dst.type);
    p.write(", ");
    p.printType(g.tag.type);
  },
};

export const dmaWaitSyntax: OpSyntax = {
  parse(p, state) {
    const tag = p.parseOperand();
    const idx: UnresolvedOperand[] = [];
    const map = parseSquareMapOfSSAIds(p, idx);
    p.parsePunct(",");
    const num = p.parseOperand();
    const t = p.parseColonType();
    state.operands.push(p.resolveOperand(tag, t), ...p.resolveOperands(idx, index), p.resolveOperand(num, index));
    if (t.kind !== TypeKind.MemRef) opError(p, state, M.TagNotMemref.text);
    state.attrs.set("tag_map", getAffineMapAttr(map));
    return true;
  },
  print(p, op) {
    const vs = op.operandValues();
    const map = mapOf(op, "tag_map")!;
    p.write(" ");
    p.printOperand(vs[0]);
    p.write("[");
    p.printAffineMapOfSSAIds(map, vs.slice(1, 1 + map.getNumInputs()));
    p.write("], ");
    p.printOperand(vs[1 + map.getNumInputs()]);
    p.write(" : ");
    p.printType(vs[0].type);
  },
};

// ---- affine.parallel ----

function printMinMaxBound(p: OpPrinter, map: AffineMap, groups: readonly number[], operands: readonly Value[], keyword: string): void {
  const dims = operands.slice(0, map.numDims);
  const syms = operands.slice(map.numDims);
  let start = 0;
  for (const size of groups) {
    if (start !== 0) p.write(", ");
    if (size === 1) {
      p.printAffineExprOfSSAIds(map.results[start], dims, syms);
      start++;
    } else {
      p.write(keyword + "(");
      p.printAffineMapOfSSAIds(map.getSliceMap(start, size), operands);
      p.write(")");
      start += size;
    }
  }
}

function parseParallelBound(p: OpParser, state: OperationState, isMin: boolean): void {
  const mapName = isMin ? "upperBoundsMap" : "lowerBoundsMap";
  const groupsName = isMin ? "upperBoundsGroups" : "lowerBoundsGroups";
  p.parsePunct("(");
  if (p.parseOptionalPunct(")")) {
    state.props.set(mapName, getAffineMapAttr(getAffineMap(0, 0, [])));
    state.props.set(groupsName, getDenseElementsAttr(getTensorType([0], Builtin.i32), []));
    return;
  }
  const flatExprs: AffineExpr[] = [];
  const flatDims: UnresolvedOperand[][] = [];
  const flatSyms: UnresolvedOperand[][] = [];
  const groups: number[] = [];
  do {
    if (p.parseOptionalKeyword(isMin ? "min" : "max")) {
      const ops: UnresolvedOperand[] = [];
      const map = p.parseAffineMapOfSSAIds(ops, "paren")!;
      const dims = ops.slice(0, map.numDims);
      const syms = ops.slice(map.numDims);
      for (const e of map.results) {
        flatExprs.push(e);
        flatDims.push(dims);
        flatSyms.push(syms);
      }
      groups.push(map.results.length);
    } else {
      const dims: UnresolvedOperand[] = [];
      const syms: UnresolvedOperand[] = [];
      flatExprs.push(p.parseAffineExprOfSSAIds(dims, syms));
      flatDims.push(dims);
      flatSyms.push(syms);
      groups.push(1);
    }
  } while (p.parseOptionalPunct(","));
  p.parsePunct(")");
  let totalDims = 0, totalSyms = 0;
  for (let i = 0; i < flatExprs.length; i++) {
    const nd = flatDims[i].length, ns = flatSyms[i].length;
    flatExprs[i] = shiftSymbols(shiftDims(flatExprs[i], nd, totalDims), ns, totalSyms);
    totalDims += nd;
    totalSyms += ns;
  }
  const dimOperands: Value[] = [], symOperands: Value[] = [];
  const dimRepl: AffineExpr[] = [], symRepl: AffineExpr[] = [];
  const dedup = (lists: UnresolvedOperand[][], unique: Value[], repl: AffineExpr[], isDim: boolean): void => {
    for (const list of lists) {
      for (const v of p.resolveOperands(list, index)) {
        let pos = unique.indexOf(v);
        if (pos < 0) { pos = unique.length; unique.push(v); }
        repl.push(isDim ? getAffineDimExpr(pos) : getAffineSymbolExpr(pos));
      }
    }
  };
  dedup(flatDims, dimOperands, dimRepl, true);
  dedup(flatSyms, symOperands, symRepl, false);
  state.operands.push(...dimOperands, ...symOperands);
  const flat = getAffineMap(totalDims, totalSyms, flatExprs).replaceDimsAndSymbols(dimRepl, symRepl, dimOperands.length, symOperands.length);
  state.props.set(mapName, getAffineMapAttr(flat));
  state.props.set(groupsName, getDenseElementsAttr(getTensorType([groups.length], Builtin.i32), groups));
}

export const parallelSyntax: OpSyntax = {
  parse(p, state) {
    const ivs = p.parseArgumentList("paren", false);
    p.parsePunct("=");
    parseParallelBound(p, state, false);
    p.parseKeyword("to");
    parseParallelBound(p, state, true);
    let steps: number[] = ivs.map(() => 1);
    if (p.parseOptionalKeyword("step")) {
      const ops: UnresolvedOperand[] = [];
      const map = p.parseAffineMapOfSSAIds(ops, "paren")!;
      steps = [];
      for (const e of map.results) {
        if (!e.isConstant()) opError(p, state, M.StepsNotConstant.text);
        steps.push(e.value);
      }
    }
    state.props.set("steps", getArrayAttr(steps.map((s) => getI64Attr(s))));
    const reductions: Attribute[] = [];
    if (p.parseOptionalKeyword("reduce")) {
      p.parsePunct("(");
      do {
        const at = p.currentOffset();
        const s = p.parseOptionalString();
        if (s === null) return p.error("expected attribute value", at);
        const kind = atomicRMWKinds.indexOf(s);
        if (kind < 0) opError(p, state, affineMessage(M.BadReductionValue, JSON.stringify(s)), at);
        reductions.push(getI64Attr(kind));
      } while (p.parseOptionalPunct(","));
      p.parsePunct(")");
    }
    state.props.set("reductions", getArrayAttr(reductions));
    state.resultTypes.push(...p.parseOptionalArrowTypeList());
    for (const iv of ivs) iv.type = index;
    const body = state.addRegion(new Region());
    p.parseRegion(body, ivs);
    p.parseOptionalAttrDict(state.attrs);
    p.ensureTerminator(body, "affine.yield", state.loc);
    return true;
  },
  print(p, op) {
    const body = op.regions[0].entry;
    p.write(" (");
    p.printOperands(body.args);
    p.write(") = (");
    printMinMaxBound(p, parallelOp.lowerBoundsMap(op), parallelOp.lowerBoundsGroups(op), parallelOp.lowerBoundsOperands(op), "max");
    p.write(") to (");
    printMinMaxBound(p, parallelOp.upperBoundsMap(op), parallelOp.upperBoundsGroups(op), parallelOp.upperBoundsOperands(op), "min");
    p.write(")");
    const steps = parallelOp.steps(op);
    if (!steps.every((s) => s === 1)) p.write(" step (" + steps.join(", ") + ")");
    if (op.results.length) {
      p.write(" reduce (");
      p.write(parallelOp.reductions(op).map((k) => `"${atomicRMWKinds[k] ?? ""}"`).join(", "));
      p.write(") -> (");
      p.printTypes(op.results.map((r) => r.type));
      p.write(")");
    }
    p.write(" ");
    p.printRegion(op.regions[0], false, op.results.length > 0);
    p.printOptionalAttrDict(op.attrs);
  },
};
