// Diagnostic severities, as MLIR names them.

/// Severity of a diagnostic.
export enum Severity { Error = "error", Warning = "warning", Remark = "remark", Note = "note" }
