// The API custom op syntax uses to print (MLIR's OpAsmPrinter).
import type { AffineExpr, AffineMap } from "../affine/index.js";
import type { Attribute, DictionaryAttr, Location, NamedAttribute } from "../ir/attrs.js";
import type { Block, BlockArgument, Region, Value } from "../ir/ir.js";
import type { Type } from "../ir/types.js";

/// Printing API for custom op syntax. Each method writes exactly what MLIR's namesake writes.
export interface OpPrinter {
  /// Raw text.
  write(s: string): void;
  printOperand(v: Value): void;
  /// Comma-separated operands.
  printOperands(vs: readonly Value[]): void;
  printType(t: Type): void;
  /// Comma-separated types.
  printTypes(ts: readonly Type[]): void;
  printAttribute(a: Attribute): void;
  /// An attribute with its type elided where MLIR elides it (`5` for `5 : i64` index etc.).
  printAttributeWithoutType(a: Attribute): void;
  /// ` {a = 1, b}` unless empty; `elided` names are skipped.
  printOptionalAttrDict(attrs: DictionaryAttr | readonly NamedAttribute[], elided?: readonly string[]): void;
  /// ` attributes {a = 1}` unless empty.
  printOptionalAttrDictWithKeyword(attrs: DictionaryAttr | readonly NamedAttribute[], elided?: readonly string[]): void;
  /// `@name` (quoted when not a bare identifier).
  printSymbolName(name: string): void;
  /// `"text"` with MLIR's escapes.
  printString(s: string): void;
  /// A bare keyword if valid, else a quoted string.
  printKeywordOrString(s: string): void;
  /// ` {` ... `}` region body with MLIR's block and indentation rules.
  printRegion(r: Region, printEntryBlockArgs?: boolean, printBlockTerminators?: boolean, printEmptyBlock?: boolean): void;
  /// `%arg0: i32` (with `{attrs}` and location when requested).
  printRegionArgument(arg: BlockArgument, attrs?: DictionaryAttr | null, omitType?: boolean): void;
  printSuccessor(b: Block): void;
  /// `(T1, T2) -> R`.
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void;
  /// ` -> T` or ` -> (T1, T2)`; nothing for no results.
  printOptionalArrowTypeList(ts: readonly Type[]): void;
  /// An affine map whose dims and symbols are the given operands (`%i * 4 + symbol(%n)`), without brackets.
  printAffineMapOfSSAIds(map: AffineMap, operands: readonly Value[]): void;
  /// One affine expression over operands.
  printAffineExprOfSSAIds(e: AffineExpr, dims: readonly Value[], syms: readonly Value[]): void;
  printOptionalLocationSpecifier(loc: Location): void;
  printNewline(): void;
  /// The printed name of a value (`%0`, `%arg1`, `%c0`).
  valueName(v: Value): string;
  /// True when printing the generic form.
  readonly generic: boolean;
}
