// Folders of the scf ops (MLIR 19's SCF.cpp).
import {
  AttrKind, matchConstant, Region, TypeKind, type FoldResult, type IntegerAttr, type IntegerType, type Operation, type Type,
} from "@allo/ir-core";

const widthOf = (t: Type): number => (t.kind === TypeKind.Index ? 64 : (t as IntegerType).width);

/// if (xori(c, true)) then A else B -> if c then B else A (in place; IfOp::fold).
export function foldIf(op: Operation): FoldResult {
  if (op.regions[1].empty) return null;
  const x = op.operand(0).definingOp;
  if (x?.name !== "arith.xori") return null;
  const one = matchConstant(x.operand(1));
  if (one === null || one.kind !== AttrKind.Integer || BigInt.asUintN(widthOf((one as IntegerAttr).type), (one as IntegerAttr).big) !== 1n) return null;
  op.operands[0].set(x.operand(0));
  const then = new Region();
  op.regions[0].takeBody(then);
  op.regions[1].takeBody(op.regions[0]);
  then.takeBody(op.regions[1]);
  return op.results;
}
