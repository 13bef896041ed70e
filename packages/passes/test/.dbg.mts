import "@allo/dialect-std";
import { parseString, walk, getEffects, onlyReads, isMemoryEffectFree, hasEffectInterface } from "@allo/ir-core";
const r = parseString(`func.func @f(%m: memref<4xi32>, %i: index) -> i32 {
  %l1 = memref.load %m[%i] : memref<4xi32>
  return %l1 : i32
}`);
if (!r.ok) throw new Error(String(r.diagnostics[0].message));
walk(r.op, (op) => { if (op.name === "memref.load") console.log(op.def?.extra, hasEffectInterface(op), getEffects(op), onlyReads(op), isMemoryEffectFree(op)); });
