// Public API of @allo/target-sim: the IR interpreter and dataflow simulator.
export { isSupportedOp, Program } from "./compiler.js";
export { SimError, SimMessages, type SimCode } from "./diag.js";
export { MemRef } from "./memory.js";
export * from "./npy.js";
export { type RtValue } from "./scheduler.js";
export * from "./simulate.js";
export { scalarInfo, type ScalarInfo } from "./values.js";
