// Public API of @allo/target-sim: the IR interpreter and dataflow simulator.
export * from "./npy.js";
