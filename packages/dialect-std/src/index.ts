// Public API of @allo/dialect-std: func, arith, cf, memref, scf, linalg, and the parts of tensor, math and vector
// that other dialects and passes use.
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
export * from "./vector/ops.js";
export * from "./scf/canonicalize.js";
import "./scf/patterns.js";
export * from "./arith/canonicalize.js";
export * from "./memref/patterns.js";
export * from "./cf/ops.js";
export * from "./cf/syntax.js";
export * from "./cf/canonicalize.js";
