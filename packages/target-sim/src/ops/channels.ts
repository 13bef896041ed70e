// Stream and FIFO types (`!df.stream`, `!df.stream_array`, `!hw.fifo`): element, depth, shape.
import { AttrKind, Attribute, TypeKind, Type, type DialectType } from "@allo/ir-core";
import { Rep, scalarInfo } from "../values.js";
import { FifoKind } from "../streams.js";

/// What a stream-like type says.
export interface ChannelType {
  readonly elem: Type;
  readonly depth: number;
  /// The array shape of `!df.stream_array`, else null.
  readonly shape: number[] | null;
  readonly kind: FifoKind;
}

const names = new Set(["df.stream", "df.stream_array", "hw.fifo"]);

function num(p: unknown): number | null {
  if (typeof p === "number") return p;
  if (typeof p === "bigint") return Number(p);
  if (p instanceof Attribute && p.kind === AttrKind.Integer) return Number((p as unknown as { value: number | bigint }).value);
  return null;
}

/// The channel description of `t`, or null if `t` is not a stream or FIFO type.
export function channelType(t: Type): ChannelType | null {
  if (t.kind !== TypeKind.Dialect) return null;
  const dt = t as DialectType;
  if (!names.has(dt.def.name)) return null;
  let elem: Type | null = null, depth: number | null = null, shape: number[] | null = null;
  for (const p of dt.params) {
    if (p instanceof Type) elem = p;
    else if (p instanceof Attribute && p.kind === AttrKind.TypeAttr) elem = (p as unknown as { type: Type }).type;
    else if (Array.isArray(p) || (p instanceof Attribute && (p.kind === AttrKind.Array || p.kind === AttrKind.DenseArray))) {
      const xs: readonly unknown[] = Array.isArray(p) ? p : p.kind === AttrKind.Array ? (p as unknown as { elements: readonly unknown[] }).elements : (p as unknown as { values: readonly number[] }).values;
      shape = xs.map((x) => num(x) ?? 0);
    } else {
      const n = num(p);
      if (n !== null) depth = n;
    }
  }
  if (elem === null || depth === null) return null;
  if (dt.def.name !== "df.stream_array") shape = null;
  const info = scalarInfo(elem);
  const kind = elem.kind === TypeKind.MemRef ? FifoKind.Block : info !== null && info.rep === Rep.Wide ? FifoKind.Wide : FifoKind.Num;
  return { elem, depth, shape, kind };
}
