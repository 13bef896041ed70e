// The affine dialect's diagnostics table (codes 5xxx), worded as MLIR 19 words them.
import { formatMessage, Severity, type DiagMessage } from "@allo/ir-core";

function e(code: number, text: string): DiagMessage {
  return { code, severity: Severity.Error, text };
}

/// Messages of the affine dialect. Codes are never reused or renumbered.
export const AffineMessages = {
  // verifier
  OperandNotDim: e(5001, "operand cannot be used as a dimension id"),
  OperandNotSymbol: e(5002, "operand cannot be used as a symbol"),
  IndexNotDimOrSymbol: e(5003, "index must be a valid dimension or symbol identifier"),
  LoadIndexType: e(5004, "index to load must have 'index' type"),
  MapResultsRank: e(5005, "affine map num results must equal memref rank"),
  SubscriptCount: e(5006, "expects as many subscripts as affine map inputs"),
  LoadResultType: e(5007, "result type must match element type of memref"),
  StoreValueType: e(5008, "value to store must have the same type as memref element type"),
  MapOperandCount: e(5009, "operand count and affine map dimension and symbol count must match"),
  ApplyOneResult: e(5010, "mapping must produce one value"),
  ForInductionVar: e(5011, "expected body to have a single index argument for the induction variable"),
  ForIterCount: e(5012, "mismatch between the number of loop-carried values and results"),
  ForBlockArgCount: e(5013, "mismatch between the number of basic block args and results"),
  IfCondition: e(5014, "requires an integer set attribute named 'condition'"),
  IfOperandCount: e(5015, "operand count and condition integer set dimension and symbol count must match"),
  ParallelCounts: e(5016, "the number of region arguments ({0}) and the number of map groups for lower ({1}) and upper bound ({2}), and the number of steps ({3}) must all match"),
  ParallelLowerResults: e(5017, "expected lower bounds map to have {0} results"),
  ParallelUpperResults: e(5018, "expected upper bounds map to have {0} results"),
  ParallelReductionCount: e(5019, "a reduction must be specified for each output"),
  ParallelBadReduction: e(5020, "invalid reduction attribute"),
  ParallelReductionType: e(5021, "result type cannot match reduction attribute"),
  YieldParent: e(5022, "only terminates affine.if/for/parallel regions"),
  YieldCount: e(5023, "parent of yield must have same number of results as the yield operands"),
  YieldTypes: e(5024, "types mismatch between yield op and its parent"),
  VectorElementType: e(5025, "requires memref and vector types of the same elemental type"),
  PrefetchRank: e(5026, "affine.prefetch affine map num results must equal memref rank"),
  PrefetchOperands: e(5027, "too few operands"),
  DmaSource: e(5028, "expected DMA source to be of memref type"),
  DmaDest: e(5029, "expected DMA destination to be of memref type"),
  DmaTag: e(5030, "expected DMA tag to be of memref type"),
  DmaOperandCount: e(5031, "incorrect number of operands"),
  DmaIndexType: e(5032, "{0} index to dma_start must have 'index' type"),
  DmaIndexDim: e(5033, "{0} index must be a valid dimension or symbol identifier"),
  DmaWaitIndexType: e(5034, "index to dma_wait must have 'index' type"),
  DelinearizeEmptyBasis: e(5035, "basis should not be empty"),
  DelinearizeResults: e(5036, "should return an index for each basis element"),
  RegionArguments: e(5037, "region #{0} should have no arguments"),
  MissingMapAttr: e(5038, "requires attribute '{0}'"),
  RegionBlocks: e(5039, "region #{0} ('{1}') failed to verify constraint: region with 1 blocks"),
  LoopLikeCounts: e(5040, "different number of {0} and {1}: {2} != {3}"),
  LoopLikeTypes: e(5041, "{0}-th {1} and {0}-th {2} have different type: '{3}' != '{4}'"),
  // custom syntax
  OnlyOneBoundOperand: e(5101, "expected only one loop bound operand"),
  BoundDimCount: e(5102, "dim operand count and affine map dim count must match"),
  BoundSymbolCount: e(5103, "symbol operand count and affine map symbol count must match"),
  LowerBoundNeedsMax: e(5104, "lower loop bound affine map with multiple results requires 'max' prefix"),
  UpperBoundNeedsMin: e(5105, "upper loop bound affine map with multiple results requires 'min' prefix"),
  BadBound: e(5106, "expected valid affine map representation for loop bounds"),
  NegativeStep: e(5107, "expected step to be representable as a positive signed integer"),
  ExpectedToBetweenBounds: e(5108, "expected 'to' between bounds"),
  ApplyIndexMismatch: e(5109, "dimension or symbol index mismatch"),
  SetDimCount: e(5110, "dim operand count and integer set dim count must match"),
  SetSymbolCount: e(5111, "symbol operand count and integer set symbol count must match"),
  StepsNotConstant: e(5112, "steps must be constant integers"),
  BadReductionValue: e(5113, "invalid reduction value: {0}"),
  RwSpecifier: e(5114, "rw specifier has to be 'read' or 'write'"),
  CacheType: e(5115, "cache type has to be 'data' or 'instr'"),
  TwoStrideOperands: e(5116, "expected two stride related operands"),
  ThreeTypes: e(5117, "expected three types"),
  DmaMapInputs: e(5118, "memref operand count not equal to map.numInputs"),
  TagNotMemref: e(5119, "expected tag to be of memref type"),
  BadAttrKind: e(5120, "invalid kind of attribute specified"),
  BadTypeKind: e(5121, "invalid kind of type specified"),
} as const;

/// The text of `m` with its `{n}` slots filled.
export function affineMessage(m: DiagMessage, ...args: unknown[]): string {
  return formatMessage(m.text, args);
}
