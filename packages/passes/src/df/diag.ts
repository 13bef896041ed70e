// Diagnostics of the dataflow passes (codes 6500-6599 for df passes, 7500-7599 for hw passes).
import { errorMessage as e } from "@allo/ir-core";

/// Messages of the df and hw passes; codes are never reused.
export const DfPassDiag = {
  TooManyInstances: e(6501, "kernel @{0} has {1} instances, more than the limit of {2}"),
  UnresolvedMapping: e(6502, "kernel @{0} has a mapping with unbound parameter '{1}'"),
  MetaIfNotConstant: e(6503, "in kernel instance @{0}: the condition of df.meta_if does not fold to a constant"),
  RecursiveCall: e(6504, "recursive df.call: {0}"),
  CallUnknownRegion: e(6505, "df.call refers to unknown region @{0}"),
  CallOperandNotArg: e(6506, "in kernel instance @{0}: operand #{1} of df.call @{2} must be an argument of the kernel"),
  CallOperandSharded: e(6507, "in kernel instance @{0}: operand #{1} of df.call @{2} is a sharded kernel argument, which region inlining does not support"),
  CallNotInstantiated: e(6508, "df.call @{0} is in kernel @{1}, which has not been instantiated to a single instance"),
  PipelineNoFixpoint: e(6509, "df-to-hw: no fixed point after {0} rounds of instantiate/specialize/inline"),
  ShardNoInstance: e(6510, "kernel @{0} has layouts but no instance position (run df-instantiate first)"),
  IndexNotConstant: e(6511, "in kernel instance @{0}: index #{1} of {2} on {3} is not a compile-time constant"),
  IndexOutOfBounds: e(6512, "in kernel instance @{0}: index [{1}] of {2} is out of bounds for shape [{3}]"),
  FifoProducers: e(6513, "stream element {0} has {1} producers ({2}); exactly one is required"),
  FifoConsumers: e(6514, "stream element {0} has {1} consumers ({2}); exactly one is required"),
  ElementTypeMismatch: e(6515, "in kernel instance @{0}: {1} on {2} has type {3}, but the stream carries {4}"),
  StreamCountMismatch: e(6516, "stream element {0}: {1} writes {2} element(s) but {3} reads {4}"),
  LowerUnsupported: e(6517, "cannot lower {0}: {1}"),
  RegionNotLowered: e(6518, "df.region @{0} still has {1}; run df-instantiate, df-specialize and df-inline-regions first"),
  PartitionNoMemref: e(7501, "hw-partition: no design argument named '{0}' (designs: {1})"),
  PartitionBadDim: e(7502, "hw-partition: dim {0} is out of range for {1} (rank {2})"),
  PartitionFactor: e(7503, "hw-partition: factor {0} does not divide dimension {1} of size {2} of {3}"),
  PartitionOption: e(7504, "hw-partition: {0}"),
} as const;
