// Public API of @allo/dialect-df: the dataflow dialect (types, layout attribute, ops, accessors, diagnostics).
export * from "./access.js";
export * from "./attrs.js";
export * from "./diag.js";
export * from "./ops.js";
export * from "./syntax.js";
export * from "./types.js";
export * from "./verify.js";
