// Stream elements of a df.region: which kernel instance puts to / gets from which FIFO, with constant indices.
import { AttrKind, type AffineMapAttr, type Diagnostic, type Operation, type StringAttr, type Value } from "@allo/ir-core";
import { streamInfo, symName } from "@allo/dialect-df";
import { constantInt, errorAt } from "./common.js";
import { DfPassDiag } from "./diag.js";

/// One use of a stream element by a kernel instance.
export interface StreamAccess {
  readonly op: Operation;
  readonly kernel: Operation;
  readonly isPut: boolean;
}

/// One FIFO: a stream (or stream-array element) and its accesses.
export interface StreamElement {
  readonly stream: Value;
  readonly indices: readonly number[];
  /// `fifo_A[1][2]`.
  readonly name: string;
  readonly accesses: StreamAccess[];
}

/// The source name of a df.stream: its `name` property, the SSA name it was parsed with, or `stream<k>`.
export function streamBaseName(stream: Value, k: number): string {
  const d = stream.definingOp;
  const n = d?.props.get("name") ?? null;
  if (n !== null && n.kind === AttrKind.String) return (n as StringAttr).value;
  return stream.sourceName ?? `stream${k}`;
}

/// Collects the stream elements used in `region` (a df.region); null after reporting a non-constant or out-of-bounds index.
export function collectStreamElements(region: Operation, emit: (d: Diagnostic) => void): Map<string, StreamElement> | null {
  const body = region.regions[0].entry;
  const names = new Map<Value, string>();
  let k = 0;
  for (let op = body.firstOp; op !== null; op = op.next) if (op.name === "df.stream") names.set(op.results[0], streamBaseName(op.results[0], k++));
  const out = new Map<string, StreamElement>();
  for (let kernel = body.firstOp; kernel !== null; kernel = kernel.next) {
    if (kernel.name !== "df.kernel") continue;
    const stack: Operation[] = kernel.regions[0].entry.ops();
    while (stack.length) {
      const op = stack.pop()!;
      for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) stack.push(o);
      if (op.name !== "df.put" && op.name !== "df.get") continue;
      const isPut = op.name === "df.put";
      const stream = op.operand(0);
      const info = streamInfo(stream.type)!;
      const base = names.get(stream) ?? stream.sourceName ?? "stream";
      const idxValues = op.operandValues().slice(isPut ? 2 : 1);
      const indices: number[] = [];
      for (let i = 0; i < idxValues.length; i++) {
        const c = constantInt(idxValues[i]);
        if (c === null) {
          emit(errorAt(op, DfPassDiag.IndexNotConstant, symName(kernel), i, op.name, base));
          return null;
        }
        indices.push(c);
      }
      if (indices.some((c, i) => c < 0 || c >= info.shape[i])) {
        emit(errorAt(op, DfPassDiag.IndexOutOfBounds, symName(kernel), indices.join(", "), base, info.shape.join(", ")));
        return null;
      }
      const name = base + indices.map((i) => `[${i}]`).join("");
      let el = out.get(name);
      if (el === undefined) { el = { stream, indices, name, accesses: [] }; out.set(name, el); }
      el.accesses.push({ op, kernel, isPut });
    }
  }
  return out;
}

/// How many times `op` runs per execution of its kernel, when loop bounds make that static; null otherwise.
export function staticExecutionCount(op: Operation, kernel: Operation): number | null {
  let n = 1;
  for (let p = op.parentOp; p !== null && p !== kernel; p = p.parentOp) {
    const trips = tripCount(p);
    if (trips === null) return null;
    n *= trips;
  }
  return n;
}

function constantMap(op: Operation, name: string): number | null {
  const a = op.props.get(name);
  if (a === null || a.kind !== AttrKind.AffineMap) return null;
  const m = (a as AffineMapAttr).map;
  return m.results.length === 1 && m.numDims === 0 && m.numSymbols === 0 && m.results[0].isConstant() ? m.results[0].value : null;
}

function tripCount(loop: Operation): number | null {
  let lb: number | null, ub: number | null, step: number | null;
  if (loop.name === "affine.for") {
    lb = constantMap(loop, "lowerBoundMap");
    ub = constantMap(loop, "upperBoundMap");
    const s = loop.props.get("step");
    step = s !== null && s.kind === AttrKind.Integer ? Number((s as unknown as { value: number }).value) : null;
  } else if (loop.name === "scf.for") {
    lb = constantInt(loop.operand(0));
    ub = constantInt(loop.operand(1));
    step = constantInt(loop.operand(2));
  } else return null;
  if (lb === null || ub === null || step === null || step <= 0) return null;
  return Math.max(0, Math.ceil((ub - lb) / step));
}
