// Public API of @allo/opt-cli: the drivers behind allo-opt, allo-translate and allo-run.
export * from "./io.js";
export * from "./opt-main.js";
export * from "./render.js";
export * from "./split-input.js";
export * from "./verify-diagnostics.js";
export * from "./translate-main.js";
export * from "./allo-opt-main.js";
export * from "./opt-flags.js";
export * from "./pass-cli.js";
