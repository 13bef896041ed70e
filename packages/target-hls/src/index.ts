// Public API of @allo/target-hls: the Vitis HLS C++ emitter and its g++ C-simulation.
export * from "./diag.js";
export * from "./emitter.js";
export * from "./names.js";
export * from "./schedule.js";
export * from "./types.js";
export * from "./csim.js";
export * from "./testbench.js";
export * from "./expr.js";
