// Reporting a dialect's coded diagnostics-table entries from its verifiers and custom parsers.
import { Diagnostic, DiagnosticError, formatMessage } from "../diag/diagnostic.js";
import type { DiagMessage } from "../diag/messages.js";
import type { OpVerifyContext } from "./opdef.js";
import type { OpParser } from "../syntax/op-parser.js";

/// Reports `msg` (formatted with `args`) through a verifier context with the entry's code; returns false.
export function reportMessage(v: OpVerifyContext, msg: DiagMessage, ...args: unknown[]): false {
  return v.error(formatMessage(msg.text, args), msg.code);
}

/// Throws a parse error at `offset` (with the parser's usual prefix and location) carrying the entry's code.
export function failParse(p: OpParser, msg: DiagMessage, offset: number, ...args: unknown[]): never {
  try {
    p.error(formatMessage(msg.text, args), offset);
  } catch (err) {
    if (err instanceof DiagnosticError) {
      const d = err.diagnostic;
      throw new DiagnosticError(new Diagnostic(msg.severity, msg.code, d.message, d.loc));
    }
    throw err;
  }
}
