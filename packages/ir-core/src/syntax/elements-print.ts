// Text of elements attributes as MLIR's AsmPrinter writes them: nested lists, splats, and the hex form
// (`dense<"0x...">`, raw little-endian storage) of non-splat attributes with more than 100 elements.
import type { DenseElementsAttr, DenseResourceHandle, DenseStringElementsAttr, DenseValue, ResourceBlob } from "../ir/attrs.js";
import type { ExternalResourceGroup } from "../ir/file-metadata.js";
import { TypeKind, type ComplexType, type FloatType, type IntegerType, type ShapedType, type Type } from "../ir/types.js";
import { floatBits, formatFloat } from "./float-format.js";

/// mlir-opt prints elements attributes with more elements than this as hex (unless a splat), by default.
export const defaultHexElementLimit = 100;

function scalarText(v: DenseValue, t: Type): string {
  if (t.kind === TypeKind.Float) return formatFloat(Number(v), t as FloatType).text;
  if (t.kind === TypeKind.Integer && (t as IntegerType).width === 1) return Number(v) ? "true" : "false";
  return String(v);
}

/// Writes `values` (one or two per element for complex types) as MLIR's nested list of `shape`.
function nestedList(type: ShapedType, splat: boolean, count: number, elem: (i: number) => string): string {
  if (splat) return elem(0);
  if (count === 0) return "";
  const shape = type.shape;
  const rank = shape.length;
  const counter = new Array<number>(rank).fill(0);
  let open = 0;
  let out = "";
  for (let idx = 0; idx < count; idx++) {
    if (idx !== 0) out += ", ";
    while (open < rank) { out += "["; open++; }
    out += elem(idx);
    // Bump the mixed-radix counter; each rolled-over digit closes a bracket.
    if (rank > 0) {
      counter[rank - 1]++;
      for (let i = rank - 1; i > 0; i--) {
        if (counter[i] >= shape[i]) { counter[i] = 0; counter[i - 1]++; open--; out += "]"; }
      }
    }
  }
  while (open-- > 0) out += "]";
  return out;
}

function storageBytes(t: Type): number {
  switch (t.kind) {
    case TypeKind.Index: return 8;
    case TypeKind.Integer: return Math.ceil((t as IntegerType).width / 8);
    case TypeKind.Float: return Math.ceil((t as FloatType).width / 8);
    default: return 0;
  }
}

function pushLE(out: number[], v: bigint, n: number): void {
  for (let i = 0; i < n; i++) { out.push(Number(v & 0xffn)); v >>= 8n; }
}

/// The raw storage of `d` as MLIR keeps it (i1 packed eight per byte, other scalars little-endian).
export function denseRawBytes(d: DenseElementsAttr): number[] {
  const et = d.type.elementType;
  const out: number[] = [];
  if (et.kind === TypeKind.Integer && (et as IntegerType).width === 1) {
    if (d.splat) return [d.values[0] ? 0xff : 0];
    const n = d.values.length;
    for (let i = 0; i < n; i += 8) {
      let b = 0;
      for (let j = 0; j < 8 && i + j < n; j++) if (Number(d.values[i + j])) b |= 1 << j;
      out.push(b);
    }
    return out;
  }
  const scalar = et.kind === TypeKind.Complex ? (et as ComplexType).elementType : et;
  const n = storageBytes(scalar);
  const width = scalar.kind === TypeKind.Index ? 64 : n * 8;
  for (const v of d.values) {
    if (scalar.kind === TypeKind.Float) pushLE(out, floatBits(Number(v), scalar as FloatType), n);
    else pushLE(out, BigInt.asUintN(width, BigInt(v)), n);
  }
  return out;
}

/// Uppercase hex of `bytes`, as llvm::toHex.
export function hexOf(bytes: readonly number[] | Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16).toUpperCase();
  return s;
}

/// The text between `dense<` and `>` of `d`: the hex form when it has more than `hexAbove` elements (-1: never).
export function denseElementsText(d: DenseElementsAttr, hexAbove: number): string {
  const type = d.type;
  const n = type.numElements;
  if (hexAbove !== -1 && !d.splat && n > hexAbove) return `"0x${hexOf(denseRawBytes(d))}"`;
  const et = type.elementType;
  if (et.kind === TypeKind.Complex) {
    const inner = (et as ComplexType).elementType;
    return nestedList(type, d.splat, n, (i) => `(${scalarText(d.values[2 * i], inner)},${scalarText(d.values[2 * i + 1], inner)})`);
  }
  return nestedList(type, d.splat, n, (i) => scalarText(d.values[i], et));
}

/// The text between `dense<` and `>` of a string elements attribute.
export function denseStringText(d: DenseStringElementsAttr, escape: (s: string) => string): string {
  return nestedList(d.type, d.splat, d.type.numElements, (i) => escape(d.values[i]));
}

/// A resource blob as file metadata prints it: its alignment (4 bytes, little-endian) then its bytes, in hex.
function blobText(b: ResourceBlob): string {
  const a = b.alignment;
  return `"0x${hexOf([a & 0xff, (a >>> 8) & 0xff, (a >>> 16) & 0xff, (a >>> 24) & 0xff])}${hexOf(b.data)}"`;
}

const bareKey = /^[A-Za-z_][A-Za-z0-9_$.]*$/;

/// The `{-# ... #-}` section mlir-opt prints after the top-level op: the builtin blobs of the printed
/// `dense_resource` handles (in print order), then the external resources kept from the input; "" if none.
export function fileMetadataText(used: Iterable<DenseResourceHandle>, external: readonly ExternalResourceGroup[], escape: (s: string) => string): string {
  const key = (k: string) => (bareKey.test(k) ? k : escape(k));
  const builtin: [string, string][] = [];
  for (const h of used) if (h.blob !== null) builtin.push([h.key, blobText(h.blob)]);
  const sections: { name: string; groups: { name: string; entries: [string, string][] }[] }[] = [
    { name: "dialect", groups: builtin.length ? [{ name: "builtin", entries: builtin }] : [] },
    {
      name: "external",
      groups: external.filter((g) => g.entries.length > 0).map((g) => ({
        name: g.name,
        entries: g.entries.map((en): [string, string] => [en.key, en.value.kind === "blob" ? blobText(en.value.blob) : en.value.kind === "bool" ? String(en.value.value) : escape(en.value.value)]),
      })),
    },
  ];
  const used2 = sections.filter((x) => x.groups.length > 0);
  if (!used2.length) return "";
  const body = used2.map((sec) => `  ${sec.name}_resources: {\n` + sec.groups.map((g) =>
    `    ${key(g.name)}: {\n` + g.entries.map(([k, v]) => `      ${key(k)}: ${v}`).join(",\n") + "\n    }").join(",\n") + "\n  }").join(",\n");
  return "\n{-#\n" + body + "\n#-}\n";
}
