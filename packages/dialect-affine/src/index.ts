// Public API of @allo/dialect-affine: the affine dialect's ops, syntax, verifiers, folders and map utilities.
export * from "./accessors.js";
export * from "./canonicalize.js";
export * from "./fold.js";
export * from "./map-utils.js";
export * from "./messages.js";
export * from "./ops.js";
export * from "./plain-operands.js";
export * from "./syntax.js";
export * from "./validity.js";
export * from "./verify.js";
