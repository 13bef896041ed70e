// Public API of @allo/dialect-hw: the lowered hardware graph (fifo type, partition attribute, ops, helpers, diagnostics).
export * from "./attrs.js";
export * from "./diag.js";
export * from "./ops.js";
export * from "./syntax.js";
export * from "./types.js";
export * from "./verify.js";
