// The pass infrastructure: pass definitions, options, registry, pipelines, pass managers and instrumentation.
export * from "./instrumentation.js";
export * from "./options.js";
export * from "./pass.js";
export * from "./pass-manager.js";
export * from "./pipeline-parser.js";
export * from "./registry.js";
export * from "./reproducer.js";
export * from "./statistics.js";
export * from "./timing.js";
