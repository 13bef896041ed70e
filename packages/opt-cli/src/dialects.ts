// Registers every dialect and pass the tools know (import for side effects).
import "@allo/dialect-std";
import "@allo/dialect-affine";
import "@allo/dialect-df";
import "@allo/dialect-hw";
import "@allo/passes";
import { registry } from "@allo/ir-core";
import { TestDialect } from "./test-dialect.js";

// mlir-opt registers MLIR's `test` dialect, whose ops appear throughout MLIR's own test files; like mlir-opt,
// accept them without --allow-unregistered-dialect (ops without a record stay unregistered ops).
registry.register(TestDialect);
