// Hand-written syntax of hw.design: the function-like form of func.func (a body and no results).
import { parseFunctionLike, printFunctionLike } from "@allo/dialect-std";
import type { OpSyntax } from "@allo/ir-core";

/// The syntax record of hw.design: `hw.design @top(%A: T {attrs}, ...) attributes {...} { body }`.
export const designSyntax: OpSyntax = { parse: parseFunctionLike, print: printFunctionLike };
