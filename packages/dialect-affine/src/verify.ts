// Verifiers of the affine ops, with MLIR 19's checks and messages (including dim/symbol validity).
import {
  AttrKind, TypeKind, type AffineMap, type DiagMessage, type IntegerType, type MemRefType, type Operation, type OpVerifyContext,
  type ShapedType, type Type, type Value,
} from "@allo/ir-core";
import { forOp, mapOf, parallelOp } from "./accessors.js";
import { affineMessage, AffineMessages as M } from "./messages.js";
import { getAffineScope, isValidDimIn, isValidSymbolIn } from "./validity.js";
import { dmaStartGroups } from "./syntax.js";

function fail(v: OpVerifyContext, m: DiagMessage, ...args: unknown[]): false {
  return v.error(affineMessage(m, ...args), m.code);
}

/// MLIR's verifyDimAndSymbolIdentifiers: the first `numDims` operands must be valid dims, the rest valid symbols.
function verifyDimAndSymbolIdentifiers(op: Operation, v: OpVerifyContext, operands: readonly Value[], numDims: number): boolean {
  const scope = getAffineScope(op);
  for (let i = 0; i < operands.length; i++) {
    if (i < numDims) {
      if (!isValidDimIn(operands[i], scope)) return fail(v, M.OperandNotDim);
    } else if (!isValidSymbolIn(operands[i], scope)) return fail(v, M.OperandNotSymbol);
  }
  return true;
}

function requireMap(op: Operation, v: OpVerifyContext, name: string): AffineMap | false {
  const m = mapOf(op, name);
  return m === null ? fail(v, M.MissingMapAttr, name) : m;
}

function verifySingleBlockRegion(op: Operation, v: OpVerifyContext, index: number, name: string): boolean {
  const r = op.regions[index];
  if (r === undefined || r.firstBlock === null || r.firstBlock !== r.lastBlock) return fail(v, M.RegionBlocks, index, name);
  return true;
}

/// affine.apply.
export function verifyApply(op: Operation, v: OpVerifyContext): boolean {
  const map = requireMap(op, v, "map");
  if (map === false) return false;
  if (op.operands.length !== map.numDims + map.numSymbols) return fail(v, M.MapOperandCount);
  if (map.results.length !== 1) return fail(v, M.ApplyOneResult);
  return true;
}

/// affine.min and affine.max.
export function verifyMinMax(op: Operation, v: OpVerifyContext): boolean {
  const map = requireMap(op, v, "map");
  if (map === false) return false;
  if (op.operands.length !== map.numDims + map.numSymbols) return fail(v, M.MapOperandCount);
  return true;
}

/// MLIR's LoopLikeOpInterface checks of affine.for (run with the regions): inits, iter_args, yielded values and results.
function verifyForLoopLike(op: Operation, v: OpVerifyContext): boolean {
  const body = op.regions[0]?.firstBlock ?? null;
  if (body === null) return true;
  const inits = forOp.inits(op);
  const iterArgs = body.args.slice(1);
  const term = body.lastOp;
  const yielded = term !== null && term.name === "affine.yield" ? term.operandValues() : [];
  if (inits.length !== iterArgs.length) return fail(v, M.LoopLikeCounts, "inits", "region iter_args", inits.length, iterArgs.length);
  if (yielded.length !== 0 && iterArgs.length !== yielded.length) return fail(v, M.LoopLikeCounts, "region iter_args", "yielded values", iterArgs.length, yielded.length);
  if (op.results.length !== iterArgs.length) return fail(v, M.LoopLikeCounts, "loop results", "region iter_args", op.results.length, iterArgs.length);
  for (let i = 0; i < inits.length; i++) {
    if (inits[i].type !== iterArgs[i].type) return fail(v, M.LoopLikeTypes, i, "init", "region iter_arg", inits[i].type, iterArgs[i].type);
  }
  for (let i = 0; i < iterArgs.length && i < yielded.length; i++) {
    if (iterArgs[i].type !== yielded[i].type) return fail(v, M.LoopLikeTypes, i, "region iter_arg", "yielded value", iterArgs[i].type, yielded[i].type);
  }
  for (let i = 0; i < iterArgs.length; i++) {
    if (iterArgs[i].type !== op.results[i].type) return fail(v, M.LoopLikeTypes, i, "region iter_arg", "loop result", iterArgs[i].type, op.results[i].type);
  }
  return true;
}

/// affine.for (after its body was verified: MLIR's verifyRegions).
export function verifyForRegions(op: Operation, v: OpVerifyContext): boolean {
  if (!verifyForLoopLike(op, v)) return false;
  if (!verifySingleBlockRegion(op, v, 0, "region")) return false;
  const body = op.regions[0].entry;
  if (body.args.length === 0 || body.args[0].type.kind !== TypeKind.Index) return fail(v, M.ForInductionVar);
  const lb = forOp.lowerBoundMap(op), ub = forOp.upperBoundMap(op);
  if (lb.getNumInputs() > 0 && !verifyDimAndSymbolIdentifiers(op, v, forOp.lowerBoundOperands(op), lb.numDims)) return false;
  if (ub.getNumInputs() > 0 && !verifyDimAndSymbolIdentifiers(op, v, forOp.upperBoundOperands(op), ub.numDims)) return false;
  const n = op.results.length;
  if (n === 0) return true;
  if (op.operands.length - lb.getNumInputs() - ub.getNumInputs() !== n) return fail(v, M.ForIterCount);
  if (body.args.length - 1 !== n) return fail(v, M.ForBlockArgCount);
  return true;
}

/// affine.if.
export function verifyIf(op: Operation, v: OpVerifyContext): boolean {
  if (!verifySingleBlockRegion(op, v, 0, "thenRegion")) return false;
  for (let i = 0; i < op.regions.length; i++) {
    const b = op.regions[i].firstBlock;
    if (b !== null && b.args.length !== 0) return fail(v, M.RegionArguments, i);
  }
  const cond = op.getAttr("condition");
  if (cond === null || cond.kind !== AttrKind.IntegerSet) return fail(v, M.IfCondition);
  const set = (cond as unknown as { set: { numDims: number; numSymbols: number } }).set;
  if (op.operands.length !== set.numDims + set.numSymbols) return fail(v, M.IfOperandCount);
  return verifyDimAndSymbolIdentifiers(op, v, op.operandValues(), set.numDims);
}

/// MLIR's verifyMemoryOpIndexing, shared by loads and stores.
function verifyMemoryOpIndexing(op: Operation, v: OpVerifyContext, map: AffineMap, mapOperands: readonly Value[], memref: MemRefType, numIndexOperands: number): boolean {
  if (map.results.length !== memref.rank) return fail(v, M.MapResultsRank);
  if (map.getNumInputs() !== numIndexOperands) return fail(v, M.SubscriptCount);
  const scope = getAffineScope(op);
  for (const idx of mapOperands) {
    if (idx.type.kind !== TypeKind.Index) return fail(v, M.LoadIndexType);
    if (!isValidDimIn(idx, scope)) return fail(v, M.IndexNotDimOrSymbol);
  }
  return true;
}

function rankedMemRef(t: Type): MemRefType | null {
  return t.kind === TypeKind.MemRef ? (t as MemRefType) : null;
}

/// affine.load.
export function verifyLoad(op: Operation, v: OpVerifyContext): boolean {
  const map = requireMap(op, v, "map");
  if (map === false) return false;
  const mt = rankedMemRef(op.operand(0).type);
  if (mt === null) return true;
  if (op.results[0].type !== mt.elementType) return fail(v, M.LoadResultType);
  return verifyMemoryOpIndexing(op, v, map, op.operandValues().slice(1), mt, op.operands.length - 1);
}

/// affine.store.
export function verifyStore(op: Operation, v: OpVerifyContext): boolean {
  const map = requireMap(op, v, "map");
  if (map === false) return false;
  const mt = rankedMemRef(op.operand(1).type);
  if (mt === null) return true;
  if (op.operand(0).type !== mt.elementType) return fail(v, M.StoreValueType);
  return verifyMemoryOpIndexing(op, v, map, op.operandValues().slice(2), mt, op.operands.length - 2);
}

/// affine.vector_load.
export function verifyVectorLoad(op: Operation, v: OpVerifyContext): boolean {
  const map = requireMap(op, v, "map");
  if (map === false) return false;
  const mt = rankedMemRef(op.operand(0).type);
  if (mt === null) return true;
  if (!verifyMemoryOpIndexing(op, v, map, op.operandValues().slice(1), mt, op.operands.length - 1)) return false;
  if (mt.elementType !== (op.results[0].type as ShapedType).elementType) return fail(v, M.VectorElementType);
  return true;
}

/// affine.vector_store.
export function verifyVectorStore(op: Operation, v: OpVerifyContext): boolean {
  const map = requireMap(op, v, "map");
  if (map === false) return false;
  const mt = rankedMemRef(op.operand(1).type);
  if (mt === null) return true;
  if (!verifyMemoryOpIndexing(op, v, map, op.operandValues().slice(2), mt, op.operands.length - 2)) return false;
  if (mt.elementType !== (op.operand(0).type as ShapedType).elementType) return fail(v, M.VectorElementType);
  return true;
}

/// affine.prefetch.
export function verifyPrefetch(op: Operation, v: OpVerifyContext): boolean {
  const map = mapOf(op);
  const mt = rankedMemRef(op.operand(0).type);
  if (map !== null) {
    if (mt !== null && map.results.length !== mt.rank) return fail(v, M.PrefetchRank);
    if (map.getNumInputs() + 1 !== op.operands.length) return fail(v, M.PrefetchOperands);
  } else if (op.operands.length !== 1) return fail(v, M.PrefetchOperands);
  const scope = getAffineScope(op);
  for (const idx of op.operandValues().slice(1)) if (!isValidDimIn(idx, scope)) return fail(v, M.IndexNotDimOrSymbol);
  return true;
}

function isResultTypeMatchAtomicRMWKind(t: Type, kind: number): boolean {
  const isF = t.kind === TypeKind.Float;
  const isI = t.kind === TypeKind.Integer;
  const it = t as IntegerType;
  switch (kind) {
    case 0: case 3: case 6: case 9: return isF; // addf, maximumf, minimumf, mulf
    case 1: case 10: case 11: case 12: return isI; // addi, muli, ori, andi
    case 2: return true; // assign
    case 4: case 7: return isI && it.isSigned; // maxs, mins
    case 5: case 8: return isI && it.isUnsigned; // maxu, minu
    default: return false;
  }
}

/// affine.parallel.
export function verifyParallel(op: Operation, v: OpVerifyContext): boolean {
  if (!verifySingleBlockRegion(op, v, 0, "region")) return false;
  const steps = parallelOp.steps(op);
  const numDims = steps.length;
  const lbGroups = parallelOp.lowerBoundsGroups(op), ubGroups = parallelOp.upperBoundsGroups(op);
  const nArgs = op.regions[0].entry.args.length;
  if (lbGroups.length !== numDims || ubGroups.length !== numDims || nArgs !== numDims) {
    return fail(v, M.ParallelCounts, nArgs, lbGroups.length, ubGroups.length, numDims);
  }
  const lbMap = parallelOp.lowerBoundsMap(op), ubMap = parallelOp.upperBoundsMap(op);
  const nLb = lbGroups.reduce((a, b) => a + b, 0);
  if (nLb !== lbMap.results.length) return fail(v, M.ParallelLowerResults, nLb);
  const nUb = ubGroups.reduce((a, b) => a + b, 0);
  if (nUb !== ubMap.results.length) return fail(v, M.ParallelUpperResults, nUb);
  const reductions = parallelOp.reductions(op);
  if (reductions.length !== op.results.length) return fail(v, M.ParallelReductionCount);
  for (let i = 0; i < reductions.length; i++) {
    const k = reductions[i];
    if (k < 0 || k > 14) return fail(v, M.ParallelBadReduction);
    if (!isResultTypeMatchAtomicRMWKind(op.results[i].type, k)) return fail(v, M.ParallelReductionType);
  }
  if (!verifyDimAndSymbolIdentifiers(op, v, parallelOp.lowerBoundsOperands(op), lbMap.numDims)) return false;
  return verifyDimAndSymbolIdentifiers(op, v, parallelOp.upperBoundsOperands(op), ubMap.numDims);
}

/// affine.yield.
export function verifyYield(op: Operation, v: OpVerifyContext): boolean {
  const parent = op.parentOp;
  if (parent === null || (parent.name !== "affine.parallel" && parent.name !== "affine.if" && parent.name !== "affine.for")) return fail(v, M.YieldParent);
  if (parent.results.length !== op.operands.length) return fail(v, M.YieldCount);
  for (let i = 0; i < op.operands.length; i++) if (parent.results[i].type !== op.operand(i).type) return fail(v, M.YieldTypes);
  return true;
}

/// affine.dma_start (MLIR's verifyInvariantsImpl).
export function verifyDmaStart(op: Operation, v: OpVerifyContext): boolean {
  const src = requireMap(op, v, "src_map");
  if (src === false) return false;
  const dst = requireMap(op, v, "dst_map");
  if (dst === false) return false;
  const tag = requireMap(op, v, "tag_map");
  if (tag === false) return false;
  const vs = op.operandValues();
  const dstIndex = 1 + src.getNumInputs();
  const tagIndex = dstIndex + 1 + dst.getNumInputs();
  if (vs[0]?.type.kind !== TypeKind.MemRef) return fail(v, M.DmaSource);
  if (vs[dstIndex]?.type.kind !== TypeKind.MemRef) return fail(v, M.DmaDest);
  if (vs[tagIndex]?.type.kind !== TypeKind.MemRef) return fail(v, M.DmaTag);
  const inputs = src.getNumInputs() + dst.getNumInputs() + tag.getNumInputs();
  if (vs.length !== inputs + 4 && vs.length !== inputs + 6) return fail(v, M.DmaOperandCount);
  const g = dmaStartGroups(op);
  const scope = getAffineScope(op);
  const lists: [string, Value[]][] = [["src", g.srcIndices], ["dst", g.dstIndices], ["tag", g.tagIndices]];
  for (const [what, idxs] of lists) {
    for (const idx of idxs) {
      if (idx.type.kind !== TypeKind.Index) return fail(v, M.DmaIndexType, what);
      if (!isValidDimIn(idx, scope)) return fail(v, M.DmaIndexDim, what);
    }
  }
  return true;
}

/// affine.dma_wait.
export function verifyDmaWait(op: Operation, v: OpVerifyContext): boolean {
  const tag = requireMap(op, v, "tag_map");
  if (tag === false) return false;
  if (op.operands.length === 0 || op.operand(0).type.kind !== TypeKind.MemRef) return fail(v, M.DmaTag);
  const scope = getAffineScope(op);
  for (const idx of op.operandValues().slice(1, 1 + tag.getNumInputs())) {
    if (idx.type.kind !== TypeKind.Index) return fail(v, M.DmaWaitIndexType);
    if (!isValidDimIn(idx, scope)) return fail(v, M.IndexNotDimOrSymbol);
  }
  return true;
}

/// affine.delinearize_index.
export function verifyDelinearize(op: Operation, v: OpVerifyContext): boolean {
  const basis = op.operands.length - 1;
  if (basis === 0) return fail(v, M.DelinearizeEmptyBasis);
  if (op.results.length !== basis) return fail(v, M.DelinearizeResults);
  return true;
}
