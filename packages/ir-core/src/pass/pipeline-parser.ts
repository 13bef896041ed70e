// The textual pipeline grammar of MLIR 19 (PassRegistry.cpp's TextualPipeline): `op(pass{opts},op(...))`,
// with its error messages, and the mlir-opt pass-flag form (`--cse --canonicalize=max-iterations=3`).
import { bufferLoc, Diagnostic, renderDiagnostic, unknownDiagLoc } from "../diag/diagnostic.js";
import { DiagMessages } from "../diag/messages.js";
import { Severity } from "../diag/severity.js";
import { SourceBuffer } from "../support/source.js";
import { Nesting, OpPassManager } from "./pass-manager.js";
import { setPipelineOptionParser } from "./options.js";
import { createPass, defaultOptions, lookupPass, lookupPassPipeline, parseOptionsInto, type ClMessage } from "./registry.js";

/// The name mlir-opt gives the pipeline text in its error messages.
export const pipelineBufferName = "MLIR Textual PassPipeline Parser";

/// A pipeline error: mlir-opt prints the option parsers' `clMessages` (see clText), then `<unknown>:0: error: <message>`.
export class PipelineError {
  /// The error, located at a caret into the pipeline text when there is one (`caret`), else unlocated.
  readonly diagnostic: Diagnostic;
  /// The syntax error with its location in the pipeline buffer, if the error is a syntax or name error.
  readonly caret: Diagnostic | null;
  /// llvm::cl messages (`for the --x option: ...`).
  readonly clMessages: readonly ClMessage[];
  constructor(message: string, code: number, caret: Diagnostic | null, clMessages: readonly ClMessage[]) {
    this.diagnostic = new Diagnostic(Severity.Error, code, message, unknownDiagLoc);
    this.caret = caret;
    this.clMessages = clMessages;
  }
  /// The message text (possibly several lines), as MLIR's error stream holds it.
  get message(): string { return this.diagnostic.message; }
  /// The exact text mlir-opt writes to stderr for this error, with `tool` as the program name.
  render(tool: string): string {
    return this.clText(tool) + `<unknown>:0: error: ${this.message}\n`;
  }
  /// What the option parsers wrote to stderr, `tool` being the program name.
  clText(tool: string): string {
    return this.clMessages.map((m) => (m.raw ? m.text : `${tool}: ${m.text}\n`)).join("");
  }
}

interface Element {
  name: string;
  /// Offset of the (trimmed) name in the pipeline text.
  offset: number;
  options: string;
  inner: Element[];
}

type Parsed = { ok: true; elements: Element[] } | { ok: false; error: PipelineError };

function syntaxError(buf: SourceBuffer, offset: number, message: string, code: number): PipelineError {
  const caret = new Diagnostic(Severity.Error, code, message, bufferLoc(buf, offset));
  return new PipelineError(renderDiagnostic(caret), code, caret, []);
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";

/// Parses the structure of `text` (no name resolution), as TextualPipeline::parsePipelineText.
function parseStructure(buf: SourceBuffer): Parsed {
  const text = buf.text;
  const root: Element[] = [];
  const stack: Element[][] = [root];
  let pos = 0;
  const E = DiagMessages.PipelineSyntax.code;
  for (;;) {
    const pipeline = stack[stack.length - 1];
    let sep = pos;
    while (sep < text.length && ",(){".indexOf(text[sep]) < 0) sep++;
    let a = pos, b = sep;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    const el: Element = { name: text.slice(a, b), offset: a, options: "", inner: [] };
    pipeline.push(el);
    if (sep >= text.length) break;
    pos = sep;
    if (text[pos] === "{") {
      pos++;
      let close = -1;
      for (let i = pos, depth = 1; i < text.length; i++) {
        if (text[i] === "{") { depth++; continue; }
        if (text[i] === "}" && --depth === 0) { close = i; break; }
      }
      if (close < 0) return { ok: false, error: syntaxError(buf, pos - 1, "missing closing '}' while processing pass options", E) };
      el.options = text.slice(pos, close);
      pos = close + 1;
      while (pos < text.length && isSpace(text[pos])) pos++;
    } else if (text[pos] === "(") {
      pos++;
      stack.push(el.inner);
      continue;
    }
    while (pos < text.length && text[pos] === ")") {
      pos++;
      if (stack.length === 1) return { ok: false, error: syntaxError(buf, pos - 1, "encountered extra closing ')' creating unbalanced parentheses while parsing pipeline", E) };
      stack.pop();
      while (pos < text.length && isSpace(text[pos])) pos++;
    }
    if (pos >= text.length) break;
    if (text[pos] !== ",") return { ok: false, error: syntaxError(buf, pos, "expected ',' after parsing pipeline", E) };
    pos++;
  }
  if (stack.length > 1) return { ok: false, error: syntaxError(buf, pos, "encountered unbalanced parentheses while parsing pipeline", E) };
  return { ok: true, elements: root };
}

/// Checks that every leaf names a registered pass or pipeline.
function resolve(buf: SourceBuffer, elements: readonly Element[]): PipelineError | null {
  for (const el of elements) {
    if (el.inner.length) {
      const e = resolve(buf, el.inner);
      if (e !== null) return e;
      continue;
    }
    if (lookupPassPipeline(el.name) === null && lookupPass(el.name) === null) {
      return syntaxError(buf, el.offset, DiagMessages.UnknownPass.text.replace("{0}", el.name), DiagMessages.UnknownPass.code);
    }
  }
  return null;
}

/// Accumulates MLIR's error-stream text while adding elements to pass managers.
class AddErrors {
  text = "";
  readonly cl: ClMessage[] = [];
  code: number = DiagMessages.PassOption.code;
  line(msg: string): false { this.text += msg + "\n"; return false; }
}

/// Adds one registered pass or pipeline with `options` text to `pm` (MLIR's PassRegistryEntry::addToPipeline).
function addEntry(pm: OpPassManager, name: string, options: string, errs: AddErrors): boolean {
  const pl = lookupPassPipeline(name);
  if (pl !== null) {
    const values = defaultOptions(pl.options);
    const err = parseOptionsInto(pl.options, options, values);
    if (err !== null) {
      if (err.clMessage !== null) errs.cl.push(err.clMessage);
      return errs.line(err.message);
    }
    const r = pl.build(pm, values);
    if (typeof r === "string") return errs.line(r);
    return true;
  }
  const def = lookupPass(name)!;
  const created = createPass(def, options);
  if ("error" in created) {
    if (created.error.clMessage !== null) errs.cl.push(created.error.clMessage);
    return errs.line(created.error.message);
  }
  const nestErr = pm.addPass(created.pass);
  if (nestErr !== null) { errs.code = DiagMessages.PassNesting.code; return errs.line(nestErr); }
  return true;
}

function addElements(elements: readonly Element[], pm: OpPassManager, errs: AddErrors): boolean {
  for (const el of elements) {
    if (el.inner.length === 0) {
      if (!addEntry(pm, el.name, el.options, errs)) return errs.line(DiagMessages.FailedToAdd.text.replace("{0}", el.name).replace("{1}", el.options));
    } else if (!addElements(el.inner, pm.nest(el.name === "any" || el.name === "" ? null : el.name), errs)) { // `(...)` is `any(...)`
      return errs.line(DiagMessages.FailedToAddInner.text.replace("{0}", el.name).replace("{1}", el.options));
    }
  }
  return true;
}

/// Parses the inside of a pipeline (`cse,func.func(canonicalize)`) and appends it to `pm` with explicit nesting.
export function parsePipelineInto(text: string, pm: OpPassManager): PipelineError | null {
  if (text.length === 0) return null;
  const buf = new SourceBuffer(pipelineBufferName, text);
  const parsed = parseStructure(buf);
  if (!parsed.ok) return parsed.error;
  const rerr = resolve(buf, parsed.elements);
  if (rerr !== null) return rerr;
  const saved = pm.nesting;
  pm.nesting = Nesting.Explicit;
  const errs = new AddErrors();
  const ok = addElements(parsed.elements, pm, errs);
  pm.nesting = saved;
  return ok ? null : new PipelineError(errs.text, errs.code, null, errs.cl);
}

/// Parses a full pipeline `anchor(...)` (the value of --pass-pipeline) into a new pass manager.
export function parsePassPipeline(text: string): { ok: true; pm: OpPassManager } | { ok: false; error: PipelineError } {
  let t = text.trim();
  const start = t.indexOf("(");
  if (start <= 0 || !t.endsWith(")")) {
    return { ok: false, error: new PipelineError(DiagMessages.PipelineNotWrapped.text, DiagMessages.PipelineNotWrapped.code, null, []) };
  }
  t = t.slice(0, -1);
  const anchor = t.slice(0, start).trimEnd();
  const pm = new OpPassManager(anchor === "any" ? null : anchor, Nesting.Explicit);
  const err = parsePipelineInto(t.slice(start + 1), pm);
  return err !== null ? { ok: false, error: err } : { ok: true, pm };
}

/// Adds a pass or pipeline named by a command-line flag (`--canonicalize=max-iterations=3`) with implicit nesting.
/// Errors are reported as mlir-opt reports them for pass flags (no "failed to add" line).
export function addPassFlag(pm: OpPassManager, name: string, options: string): PipelineError | null {
  if (lookupPass(name) === null && lookupPassPipeline(name) === null) {
    return new PipelineError(DiagMessages.UnknownPass.text.replace("{0}", name), DiagMessages.UnknownPass.code, null, []);
  }
  const errs = new AddErrors();
  if (addEntry(pm, name, options, errs)) return null;
  return new PipelineError(errs.text.replace(/\n$/, ""), errs.code, null, errs.cl);
}

setPipelineOptionParser((text) => {
  const r = parsePassPipeline(text);
  return r.ok ? { ok: true, text: r.pm.toString() } : { ok: false, message: r.error.message };
});
