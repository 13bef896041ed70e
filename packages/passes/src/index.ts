// Public API of @allo/passes: every pass; importing it registers them.
export * from "./df/index.js";
