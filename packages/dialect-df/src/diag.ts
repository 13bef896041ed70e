// The df diagnostics table (codes 6xxx) and the helpers that report its entries from parsers and verifiers.
import { errorMessage as e } from "@allo/ir-core";

/// Messages of the df dialect. Codes are never reused or renumbered; MLIR's wording where MLIR has the check.
export const DfDiag = {
  // types and attributes
  StreamDepth: e(6001, "stream depth must be a positive integer, got {0}"),
  StreamElement: e(6002, "stream element type must be an integer, index, float or statically shaped memref type, got {0}"),
  StreamArrayRank: e(6003, "stream array must have 1 to 3 dimensions, got {0}"),
  StreamArrayDim: e(6004, "stream array dimensions must be positive integers, got {0}"),
  LayoutEntry: e(6005, "expected layout entry 'S<axis>' or 'R', got '{0}'"),
  // df.region
  RegionBodyOp: e(6010, "@{0}: body may only contain 'df.stream' and 'df.kernel' ops, found '{1}'"),
  RegionResults: e(6011, "@{0}: a region returns nothing, but its function type has {1} results"),
  RegionNoBody: e(6012, "@{0}: expects a body of exactly one block"),
  RegionArgCount: e(6013, "@{0}: entry block must have {1} arguments to match function signature"),
  RegionArgType: e(6014, "@{0}: type of entry block argument #{1}({2}) must match the type of the corresponding argument in function signature({3})"),
  RegionParamDuplicate: e(6015, "@{0}: duplicate parameter '{1}'"),
  SymbolRedefined: e(6016, "@{0}: redefinition of symbol named '{1}'"),
  // df.kernel
  KernelMappingRank: e(6020, "@{0}: mapping must have 1 to 3 dimensions, got {1}"),
  KernelMappingEntry: e(6021, "@{0}: mapping entry #{1} must be a positive integer or a parameter name, got {2}"),
  KernelMappingParam: e(6022, "@{0}: mapping parameter '{1}' is not a parameter of region @{2}"),
  KernelBlockArgCount: e(6023, "@{0}: expects {1} block arguments (one per operand), got {2}"),
  KernelArgType: e(6024, "@{0}: block argument #{1} has type {2}, but operand #{1} has type {3} and no layout"),
  KernelLayoutCount: e(6025, "@{0}: expects {1} layouts (one per operand), got {2}"),
  KernelLayoutRank: e(6026, "@{0}: layout #{1} {2} has rank {3}, but operand #{1} ({4}) has rank {5}"),
  KernelLayoutAxis: e(6027, "@{0}: layout #{1} {2} shards dimension {3} over mesh axis {4}, but the mapping {5} has {6} axes"),
  KernelLayoutDivisible: e(6028, "@{0}: layout #{1} {2}: dimension {3} of size {4} is not divisible by mesh axis {5} of size {6}"),
  KernelLocalType: e(6029, "@{0}: block argument #{1} has type {2}, but layout {3} on mapping {4} gives {5}"),
  KernelNoBody: e(6030, "@{0}: expects a body of exactly one block"),
  // df.get_pid, df.param, df.call placement
  NotInKernel: e(6040, "must be nested in a 'df.kernel'"),
  NotInRegion: e(6041, "must be nested in a 'df.region'"),
  PidCount: e(6042, "in kernel @{0}: expects {1} results (one per mapping dimension), got {2}"),
  UnknownParam: e(6043, "{0}'{1}' is not a parameter of region @{2}"),
  // df.put / df.get
  IndexCount: e(6050, "{0}{1} of type {2} takes {3} indices, got {4}"),
  IndexBounds: e(6051, "{0}index #{1} ({2}) of {3} is out of bounds for a dimension of size {4}"),
  PutValueType: e(6052, "{0}value type {1} does not match the element type {2} of {3}"),
  GetResultType: e(6053, "{0}result type {1} does not match the element type {2} of {3}"),
  // df.call
  CallCallee: e(6060, "in kernel @{0}: '{1}' does not reference a valid df.region"),
  CallParamCount: e(6061, "in kernel @{0}: region @{1} has {2} parameters, but {3} were given"),
  CallParamValue: e(6062, "in kernel @{0}: parameter #{1} of region @{2} must be a positive integer, got {3}"),
  CallOperandCount: e(6063, "in kernel @{0}: incorrect number of operands for callee"),
  CallOperandType: e(6064, "in kernel @{0}: operand type mismatch: expected operand type '{1}', but provided '{2}' for operand number {3}"),
} as const;

/// A key of the table.
export type DfDiagCode = keyof typeof DfDiag;

export { failParse as parseFail, reportMessage as report } from "@allo/ir-core";
