// The hw attribute `#hw.partition<dim = 1, kind = cyclic, factor = 2>` (array partitioning, Vitis semantics).
import {
  AttrKind, getDialectAttr, type Attribute, type DialectAttr, type DialectAttrDef, type DialectAttrSyntax, type OpParser,
  type OpPrinter,
} from "@allo/ir-core";
import { HwDiag, parseFail } from "./diag.js";

/// The definition of `#hw.partition<...>`; params `[dim: number, kind: PartitionKind, factor: number]` (factor 0: none).
export const PartitionAttrDef: DialectAttrDef = { name: "hw.partition" };

/// How an array dimension is partitioned.
export type PartitionKind = "block" | "cyclic" | "complete";

/// One partitioning: `dim` (0 = every dimension, else 1-based), `kind`, `factor` (0 when absent, as for `complete`).
export interface PartitionInfo {
  readonly dim: number;
  readonly kind: PartitionKind;
  readonly factor: number;
}

/// `#hw.partition<dim = d, kind = k, factor = f>` (`factor` omitted when 0).
export function getPartitionAttr(dim: number, kind: PartitionKind, factor = 0): DialectAttr {
  return getDialectAttr(PartitionAttrDef, [dim, kind, factor]);
}

/// True for `#hw.partition<...>`.
export function isPartitionAttr(a: Attribute): a is DialectAttr {
  return a.kind === AttrKind.Dialect && (a as DialectAttr).def === PartitionAttrDef;
}

/// The fields of a `#hw.partition`; null for any other attribute.
export function partitionInfo(a: Attribute): PartitionInfo | null {
  if (!isPartitionAttr(a)) return null;
  return { dim: a.params[0] as number, kind: a.params[1] as PartitionKind, factor: a.params[2] as number };
}

function field(p: OpParser, name: string): void {
  p.parseKeyword(name);
  p.parsePunct("=");
}

const partitionSyntax: DialectAttrSyntax = {
  name: "hw.partition",
  mnemonic: "partition",
  parse(p) {
    p.parsePunct("<");
    field(p, "dim");
    let at = p.currentOffset();
    const dim = p.parseInteger();
    if (dim < 0) parseFail(p, HwDiag.PartitionValue, at, "dim", "non-negative", dim);
    p.parsePunct(",");
    field(p, "kind");
    at = p.currentOffset();
    const kind = p.parseOptionalKeywordAny();
    if (kind !== "block" && kind !== "cyclic" && kind !== "complete") parseFail(p, HwDiag.PartitionKind, at, kind ?? "");
    let factor = 0;
    if (p.parseOptionalPunct(",")) {
      field(p, "factor");
      at = p.currentOffset();
      factor = p.parseInteger();
      if (factor < 1) parseFail(p, HwDiag.PartitionValue, at, "factor", "positive", factor);
    }
    p.parsePunct(">");
    return getPartitionAttr(dim, kind, factor);
  },
  print(p: OpPrinter, a: Attribute) {
    const info = partitionInfo(a)!;
    p.write(`<dim = ${info.dim}, kind = ${info.kind}` + (info.factor ? `, factor = ${info.factor}` : "") + ">");
  },
};

/// The attribute syntax records of the hw dialect.
export const hwAttrSyntax: readonly DialectAttrSyntax[] = [partitionSyntax];
