// The df types: `!df.stream<T, D>` (one FIFO) and `!df.stream_array<[P0, ...], T, D>` (an array of FIFOs).
import {
  getDialectType, TypeKind, type DialectType, type DialectTypeDef, type DialectTypeSyntax, type MemRefType, type OpParser,
  type OpPrinter, type Type, type TypeConstraint,
} from "@allo/ir-core";
import { DfDiag, parseFail } from "./diag.js";

/// The definition of `!df.stream<T, D>`; params `[element: Type, depth: number]`.
export const StreamTypeDef: DialectTypeDef = { name: "df.stream" };
/// The definition of `!df.stream_array<[P0, ...], T, D>`; params `[shape: number[], element: Type, depth: number]`.
export const StreamArrayTypeDef: DialectTypeDef = { name: "df.stream_array" };

/// `!df.stream<element, depth>`.
export function getStreamType(element: Type, depth: number): DialectType {
  return getDialectType(StreamTypeDef, [element, depth]);
}

/// `!df.stream_array<[shape], element, depth>`.
export function getStreamArrayType(shape: readonly number[], element: Type, depth: number): DialectType {
  return getDialectType(StreamArrayTypeDef, [shape.slice(), element, depth]);
}

/// True for `!df.stream<...>`.
export function isStreamType(t: Type): t is DialectType {
  return t.kind === TypeKind.Dialect && (t as DialectType).def === StreamTypeDef;
}

/// True for `!df.stream_array<...>`.
export function isStreamArrayType(t: Type): t is DialectType {
  return t.kind === TypeKind.Dialect && (t as DialectType).def === StreamArrayTypeDef;
}

/// True for either stream type.
export function isAnyStreamType(t: Type): t is DialectType {
  return isStreamType(t) || isStreamArrayType(t);
}

/// What a stream type carries: its array shape (`[]` for a plain stream), element type and FIFO depth.
export interface StreamInfo {
  readonly shape: readonly number[];
  readonly element: Type;
  readonly depth: number;
}

/// The shape, element type and depth of a stream or stream-array type; null for any other type.
export function streamInfo(t: Type): StreamInfo | null {
  if (isStreamType(t)) return { shape: [], element: t.params[0] as Type, depth: t.params[1] as number };
  if (isStreamArrayType(t)) return { shape: t.params[0] as readonly number[], element: t.params[1] as Type, depth: t.params[2] as number };
  return null;
}

/// The element type `T` of a stream or stream array; null for other types.
export function streamElementType(t: Type): Type | null {
  return streamInfo(t)?.element ?? null;
}

/// The FIFO depth `D` of a stream or stream array; null for other types.
export function streamDepth(t: Type): number | null {
  return streamInfo(t)?.depth ?? null;
}

/// The array shape of a stream array (`[]` for a plain stream); null for other types.
export function streamShape(t: Type): readonly number[] | null {
  return streamInfo(t)?.shape ?? null;
}

/// True if `t` may travel through a stream: an integer, index or float scalar, or a statically shaped memref block.
export function isValidStreamElement(t: Type): boolean {
  switch (t.kind) {
    case TypeKind.Integer: case TypeKind.Index: case TypeKind.Float: return true;
    case TypeKind.MemRef: return (t as MemRefType).hasStaticShape;
    default: return false;
  }
}

/// Operand/result constraint: a `!df.stream` or `!df.stream_array`.
export const AnyStream: TypeConstraint = { desc: "df stream or stream array", check: isAnyStreamType };

function parseElementAndDepth(p: OpParser): [Type, number] {
  const at = p.currentOffset();
  const element = p.parseType();
  if (!isValidStreamElement(element)) parseFail(p, DfDiag.StreamElement, at, String(element));
  p.parsePunct(",");
  const dat = p.currentOffset();
  const depth = p.parseInteger();
  if (depth < 1) parseFail(p, DfDiag.StreamDepth, dat, depth);
  p.parsePunct(">");
  return [element, depth];
}

const streamSyntax: DialectTypeSyntax = {
  name: "df.stream",
  mnemonic: "stream",
  parse(p) {
    p.parsePunct("<");
    const [element, depth] = parseElementAndDepth(p);
    return getStreamType(element, depth);
  },
  print(p: OpPrinter, t: Type) {
    const info = streamInfo(t)!;
    p.write("<");
    p.printType(info.element);
    p.write(`, ${info.depth}>`);
  },
};

const streamArraySyntax: DialectTypeSyntax = {
  name: "df.stream_array",
  mnemonic: "stream_array",
  parse(p) {
    p.parsePunct("<");
    const at = p.currentOffset();
    p.parsePunct("[");
    const shape: number[] = [];
    if (!p.parseOptionalPunct("]")) {
      do {
        const dat = p.currentOffset();
        const d = p.parseInteger();
        if (d < 1) parseFail(p, DfDiag.StreamArrayDim, dat, d);
        shape.push(d);
      } while (p.parseOptionalPunct(","));
      p.parsePunct("]");
    }
    if (shape.length < 1 || shape.length > 3) parseFail(p, DfDiag.StreamArrayRank, at, shape.length);
    p.parsePunct(",");
    const [element, depth] = parseElementAndDepth(p);
    return getStreamArrayType(shape, element, depth);
  },
  print(p: OpPrinter, t: Type) {
    const info = streamInfo(t)!;
    p.write(`<[${info.shape.join(", ")}], `);
    p.printType(info.element);
    p.write(`, ${info.depth}>`);
  },
};

/// The type syntax records of the df dialect.
export const dfTypeSyntax: readonly DialectTypeSyntax[] = [streamSyntax, streamArraySyntax];
