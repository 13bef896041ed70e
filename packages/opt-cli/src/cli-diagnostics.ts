// The codes of the errors the tools report themselves (9xxx), beside ir-core's table of parser and verifier codes.

/// Codes of allo-opt's own errors: --verify-diagnostics mismatches, --verify-roundtrip failures, output files.
export const CliDiag = {
  Unexpected: 9001, NotProduced: 9002, InvalidDesignator: 9003, WrongSeverity: 9004,
  RoundTripParseBack: 9005, RoundTripDiffers: 9006,
  ReproducerWrite: 9007,
} as const;
