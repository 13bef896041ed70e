// Public API of @allo/dialect-std: func, arith, memref, scf and linalg.
export * from "./func/ops.js";
export * from "./func/syntax.js";
export * from "./arith/attrs.js";
export * from "./arith/ops.js";
export * from "./arith/fold.js";
export * from "./memref/effects.js";
export * from "./memref/layout.js";
export * from "./memref/ops.js";
export * from "./linalg/ops.js";
export * from "./linalg/syntax.js";
export * from "./scf/ops.js";
export * from "./tensor/ops.js";
export * from "./math/ops.js";
export * from "./scf/canonicalize.js";
export * from "./arith/canonicalize.js";
