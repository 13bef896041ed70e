// Public API of @allo/dialect-std: func, arith, memref, scf and linalg.
export * from "./func/ops.js";
export * from "./func/syntax.js";
