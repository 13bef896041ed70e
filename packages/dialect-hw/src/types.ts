// The hw type `!hw.fifo<T, D>`: a FIFO channel between processing elements.
import {
  getDialectType, TypeKind, type DialectType, type DialectTypeDef, type DialectTypeSyntax, type MemRefType, type OpPrinter,
  type Type, type TypeConstraint,
} from "@allo/ir-core";
import { HwDiag, parseFail } from "./diag.js";

/// The definition of `!hw.fifo<T, D>`; params `[element: Type, depth: number]`.
export const FifoTypeDef: DialectTypeDef = { name: "hw.fifo" };

/// `!hw.fifo<element, depth>`.
export function getFifoType(element: Type, depth: number): DialectType {
  return getDialectType(FifoTypeDef, [element, depth]);
}

/// True for `!hw.fifo<...>`.
export function isFifoType(t: Type): t is DialectType {
  return t.kind === TypeKind.Dialect && (t as DialectType).def === FifoTypeDef;
}

/// What a fifo type carries: its element type and depth.
export interface FifoInfo {
  readonly element: Type;
  readonly depth: number;
}

/// The element type and depth of a `!hw.fifo`; null for any other type.
export function fifoInfo(t: Type): FifoInfo | null {
  return isFifoType(t) ? { element: t.params[0] as Type, depth: t.params[1] as number } : null;
}

/// The element type of a `!hw.fifo`; null for other types.
export function fifoElementType(t: Type): Type | null {
  return fifoInfo(t)?.element ?? null;
}

/// The depth of a `!hw.fifo`; null for other types.
export function fifoDepth(t: Type): number | null {
  return fifoInfo(t)?.depth ?? null;
}

/// Operand/result constraint: a `!hw.fifo`.
export const AnyFifo: TypeConstraint = { desc: "hw fifo", check: isFifoType };

function validElement(t: Type): boolean {
  switch (t.kind) {
    case TypeKind.Integer: case TypeKind.Index: case TypeKind.Float: return true;
    case TypeKind.MemRef: return (t as MemRefType).hasStaticShape;
    default: return false;
  }
}

const fifoSyntax: DialectTypeSyntax = {
  name: "hw.fifo",
  mnemonic: "fifo",
  parse(p) {
    p.parsePunct("<");
    const at = p.currentOffset();
    const element = p.parseType();
    if (!validElement(element)) parseFail(p, HwDiag.FifoElement, at, String(element));
    p.parsePunct(",");
    const dat = p.currentOffset();
    const depth = p.parseInteger();
    if (depth < 1) parseFail(p, HwDiag.FifoDepth, dat, depth);
    p.parsePunct(">");
    return getFifoType(element, depth);
  },
  print(p: OpPrinter, t: Type) {
    const info = fifoInfo(t)!;
    p.write("<");
    p.printType(info.element);
    p.write(`, ${info.depth}>`);
  },
};

/// The type syntax records of the hw dialect.
export const hwTypeSyntax: readonly DialectTypeSyntax[] = [fifoSyntax];
