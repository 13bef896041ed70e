// func: calls between compiled functions (func.return is compiled by the unit's builder).
import type { Operation } from "@allo/ir-core";
import { Op } from "../bytecode.js";
import { calleeName, registerHandlers, type UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";

function call(c: UnitBuilder, op: Operation): void {
  const name = calleeName(op) ?? "";
  const fn = c.prog.lookup(name, ["func.func"]);
  if (fn === null) fail(SimMessages.UnknownSymbol, op, op.name, name, "func.func");
  if (fn.regions[0].empty) fail(SimMessages.UnknownSymbol, op, op.name, name, "function with a body (external functions cannot run)");
  const unit = c.prog.unitFor(fn);
  const args = c.operandSlots(op);
  const res = op.results.map((r) => c.def(r));
  c.emit(Op.Call, unit, args.length, ...args, res.length, ...res);
}

registerHandlers({ "func.call": call });
