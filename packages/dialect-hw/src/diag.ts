// The hw diagnostics table (codes 7xxx) and the helpers that report its entries from parsers and verifiers.
import { errorMessage as e } from "@allo/ir-core";

/// Messages of the hw dialect. Codes are never reused or renumbered; MLIR's wording where MLIR has the check.
export const HwDiag = {
  // types and attributes
  FifoDepth: e(7001, "fifo depth must be a positive integer, got {0}"),
  FifoElement: e(7002, "fifo element type must be an integer, index, float or statically shaped memref type, got {0}"),
  PartitionKind: e(7003, "expected partition kind 'block', 'cyclic' or 'complete', got '{0}'"),
  PartitionValue: e(7004, "partition {0} must be a {1} integer, got {2}"),
  // hw.design
  DesignBodyOp: e(7010, "@{0}: body may only contain 'hw.fifo', 'hw.instance' and constant ops, found '{1}'"),
  DesignResults: e(7011, "@{0}: a design returns nothing, but its function type has {1} results"),
  DesignNoBody: e(7012, "@{0}: expects a body of exactly one block"),
  DesignArgCount: e(7013, "@{0}: entry block must have {1} arguments to match function signature"),
  DesignArgType: e(7014, "@{0}: type of entry block argument #{1}({2}) must match the type of the corresponding argument in function signature({3})"),
  // hw.instance
  InstanceCallee: e(7020, "'{0}' does not reference a valid function"),
  InstanceNotPE: e(7021, "callee @{0} is not a processing element: it lacks the 'hw.pe' unit attribute"),
  InstanceOperandCount: e(7022, "incorrect number of operands for callee @{0}"),
  InstanceOperandType: e(7023, "operand type mismatch: expected operand type '{0}', but provided '{1}' for operand number {2} of callee @{3}"),
  // hw.fifo
  FifoProducers: e(7030, "{0} has {1} producers{2}; expected exactly one instance that writes it"),
  FifoConsumers: e(7031, "{0} has {1} consumers{2}; expected exactly one instance that reads it"),
  // hw.write / hw.read
  WriteValueType: e(7040, "value type {0} does not match the element type {1} of {2}"),
  ReadResultType: e(7041, "result type {0} does not match the element type {1} of {2}"),
} as const;

/// A key of the table.
export type HwDiagCode = keyof typeof HwDiag;

export { failParse as parseFail, reportMessage as report } from "@allo/ir-core";
