// Stream elements of a df.region: which kernel instance puts to / gets from which FIFO, with constant indices.
import { AttrKind, walk, type AffineMapAttr, type Attribute, type Diagnostic, type Operation, type StringAttr, type Value } from "@allo/ir-core";
import { streamInfo, symName } from "@allo/dialect-df";
import { constantInt, errorAt } from "./common.js";
import { DfPassDiag } from "./diag.js";

/// One use of a stream element by a kernel instance.
export interface StreamAccess {
  readonly op: Operation;
  readonly kernel: Operation;
  readonly isPut: boolean;
  readonly element: StreamElement;
}

/// One FIFO: a stream (or stream-array element) and its accesses.
export interface StreamElement {
  readonly stream: Value;
  readonly indices: readonly number[];
  /// `fifo_A[1][2]`.
  readonly name: string;
  readonly accesses: StreamAccess[];
}

/// The stream elements of a region, by name in first-access order, and each kernel's accesses in program order.
export interface RegionStreams {
  readonly elements: Map<string, StreamElement>;
  readonly accessesOf: Map<Operation, StreamAccess[]>;
}

/// The source name of a df.stream: its `name` property, the SSA name it was parsed with, or `stream<k>`.
export function streamBaseName(stream: Value, k: number): string {
  const d = stream.definingOp;
  const n = d?.props.get("name") ?? null;
  if (n !== null && n.kind === AttrKind.String) return (n as StringAttr).value;
  return stream.sourceName ?? `stream${k}`;
}

/// Collects the stream elements used in `region` (a df.region); null after reporting a non-constant or out-of-bounds index.
export function collectStreamElements(region: Operation, emit: (d: Diagnostic) => void): RegionStreams | null {
  const body = region.regions[0].entry;
  const names = new Map<Value, string>();
  let k = 0;
  for (let op = body.firstOp; op !== null; op = op.next) if (op.name === "df.stream") names.set(op.results[0], streamBaseName(op.results[0], k++));
  const elements = new Map<string, StreamElement>();
  const accessesOf = new Map<Operation, StreamAccess[]>();
  const memo = new Map<Value, Attribute | null>();
  for (let kernel = body.firstOp; kernel !== null; kernel = kernel.next) {
    if (kernel.name !== "df.kernel") continue;
    const own: StreamAccess[] = [];
    accessesOf.set(kernel, own);
    let failed = false;
    walk(kernel, (op) => {
      if (failed || (op.name !== "df.put" && op.name !== "df.get")) return;
      const isPut = op.name === "df.put";
      const stream = op.operand(0);
      const info = streamInfo(stream.type)!;
      const base = names.get(stream) ?? stream.sourceName ?? "stream";
      const indices: number[] = [];
      for (let i = isPut ? 2 : 1; i < op.operands.length; i++) {
        const c = constantInt(op.operands[i].value, memo);
        if (c === null) {
          emit(errorAt(op, DfPassDiag.IndexNotConstant, symName(kernel), indices.length, op.name, base));
          failed = true;
          return;
        }
        indices.push(c);
      }
      if (indices.some((c, i) => c < 0 || c >= info.shape[i])) {
        emit(errorAt(op, DfPassDiag.IndexOutOfBounds, symName(kernel), indices.join(", "), base, info.shape.join(", ")));
        failed = true;
        return;
      }
      let name = base;
      for (let i = 0; i < indices.length; i++) name += `[${indices[i]}]`;
      let element = elements.get(name);
      if (element === undefined) { element = { stream, indices, name, accesses: [] }; elements.set(name, element); }
      const access = { op, kernel, isPut, element };
      element.accesses.push(access);
      own.push(access);
    }, "pre");
    if (failed) return null;
  }
  return { elements, accessesOf };
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
