// symbol-dce: deletes private symbols that are never referenced (MLIR's SymbolDCE.cpp).
import {
  AttrKind, DiagMessages, hasTrait, registry, Trait, type ArrayAttr, type Attribute, type DictionaryAttr, type Operation, type StringAttr,
  type PassRunContext, type SymbolRefAttr,
} from "@allo/ir-core";

import { definePass } from "@allo/ir-core";

/// True if `op` is a symbol (SymbolOpInterface): the Symbol trait, or a `builtin.module` with a name.
export function isSymbol(op: Operation): boolean {
  if (op.def === null) return false;
  if (hasTrait(op.def, Trait.Symbol)) return true;
  return op.name === "builtin.module" && op.props.get("sym_name") !== null;
}

/// The visibility of a symbol: `sym_visibility`, or "public".
export function symbolVisibility(op: Operation): string {
  const v = op.props.get("sym_visibility") ?? op.attrs.get("sym_visibility");
  return v !== null && v.kind === AttrKind.String ? (v as StringAttr).value : "public";
}

function symName(op: Operation): string | null {
  const a = op.props.get("sym_name") ?? op.attrs.get("sym_name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : null;
}

/// Collects the symbol references held in an attribute (nested in arrays and dictionaries).
export function collectSymbolRefs(a: Attribute, out: SymbolRefAttr[]): void {
  switch (a.kind) {
    case AttrKind.SymbolRef: out.push(a as SymbolRefAttr); break;
    case AttrKind.Array: for (const e of (a as ArrayAttr).elements) collectSymbolRefs(e, out); break;
    case AttrKind.Dictionary: for (const e of (a as DictionaryAttr).entries) collectSymbolRefs(e.value, out); break;
    default: break;
  }
}

/// Whether `op` may define a symbol table nobody knows of: an op of an unregistered dialect with one region.
function isPotentiallyUnknownSymbolTable(op: Operation): boolean {
  return op.regions.length === 1 && !registry.hasDialect(op.dialect);
}

/// The symbol references used by `op` and the ops nested in it, not looking into nested symbol tables; null when
/// one of these ops may be an unknown symbol table, whose uses cannot be told apart (MLIR's
/// SymbolTable::getSymbolUses).
export function symbolUses(op: Operation): SymbolRefAttr[] | null {
  const out: SymbolRefAttr[] = [];
  const stack: Operation[] = [op];
  while (stack.length) {
    const o = stack.pop()!;
    if (isPotentiallyUnknownSymbolTable(o)) return null;
    for (const e of o.props.entries) collectSymbolRefs(e.value, out);
    for (const e of o.attrs.entries) collectSymbolRefs(e.value, out);
    for (let ri = o.regions.length - 1; ri >= 0; ri--) {
      for (let b = o.regions[ri].lastBlock; b !== null; b = b.prev) {
        for (let n = b.lastOp; n !== null; n = n.prev) {
          if (n.def !== null && hasTrait(n.def, Trait.SymbolTable)) {
            for (const e of n.props.entries) collectSymbolRefs(e.value, out);
            for (const e of n.attrs.entries) collectSymbolRefs(e.value, out);
            continue;
          }
          stack.push(n);
        }
      }
    }
  }
  return out;
}

function lookupIn(table: Operation, name: string): Operation | null {
  const r = table.regions[0];
  for (let b = r?.firstBlock ?? null; b !== null; b = b.next) for (let op = b.firstOp; op !== null; op = op.next) if (symName(op) === name && isSymbol(op)) return op;
  return null;
}

/// Resolves `ref` from the symbol tables enclosing `from` (every op along a nested reference).
function resolve(from: Operation | null, ref: SymbolRefAttr): Operation[] {
  for (let t: Operation | null = from; t !== null; t = t.parentOp) {
    if (t.def === null || !hasTrait(t.def, Trait.SymbolTable)) continue;
    const out: Operation[] = [];
    let cur = lookupIn(t, ref.root);
    if (cur === null) return [];
    out.push(cur);
    for (const n of ref.nested) {
      if (cur.def === null || !hasTrait(cur.def, Trait.SymbolTable)) return [];
      cur = lookupIn(cur, n);
      if (cur === null) return [];
      out.push(cur);
    }
    return out;
  }
  return [];
}

function computeLiveness(table: Operation, hidden: boolean, live: Set<Operation>, ctx: PassRunContext<unknown, string>): boolean {
  const worklist: Operation[] = [];
  for (let b = table.regions[0]?.firstBlock ?? null; b !== null; b = b.next) {
    for (let op = b.firstOp; op !== null; op = op.next) {
      if (!isSymbol(op)) { worklist.push(op); continue; }
      // SymbolOpInterface::canDiscardOnUseEmpty is true for private symbols only.
      const discardable = (hidden || symbolVisibility(op) === "private") && symbolVisibility(op) === "private";
      if (!discardable && !live.has(op)) { live.add(op); worklist.push(op); }
    }
  }
  while (worklist.length) {
    const op = worklist.pop()!;
    if (op.def !== null && hasTrait(op.def, Trait.SymbolTable)) {
      const symHidden = hidden || !isSymbol(op) || symbolVisibility(op) === "private";
      if (!computeLiveness(op, symHidden, live, ctx)) return false;
    }
    const uses = symbolUses(op);
    if (uses === null) {
      ctx.emitError(op, "operation contains potentially unknown symbol table, meaning that we can't reliable compute symbol uses");
      return false;
    }
    for (const ref of uses) {
      for (const s of resolve(op.parentOp, ref)) if (!live.has(s)) { live.add(s); worklist.push(s); }
    }
  }
  return true;
}

/// `symbol-dce`.
export const SymbolDCE = definePass({
  argument: "symbol-dce",
  name: "SymbolDCE",
  summary: "Eliminate dead symbols",
  description: "Deletes symbols that are private (or in a hidden symbol table) and not referenced by any live operation.",
  anchor: null,
  statistics: { numDCE: { name: "num-dce'd", desc: "Number of symbols DCE'd" } },
  run(op, ctx) {
    if (op.def === null || !hasTrait(op.def, Trait.SymbolTable)) {
      ctx.emitOpError(op, DiagMessages.NotSymbolTable.text.replace("{0}", "SymbolDCE"));
      ctx.signalPassFailure();
      return;
    }
    const hidden = op.parentOp !== null && isSymbol(op) ? symbolVisibility(op) === "private" : true;
    const live = new Set<Operation>();
    if (!computeLiveness(op, hidden, live, ctx)) { ctx.signalPassFailure(); return; }
    let erased = 0;
    const tables: Operation[] = [];
    const stack: Operation[] = [op];
    while (stack.length) {
      const o = stack.pop()!;
      if (o.def !== null && hasTrait(o.def, Trait.SymbolTable)) tables.push(o);
      for (const r of o.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) stack.push(n);
    }
    for (const t of tables) {
      for (let b = t.regions[0]?.firstBlock ?? null; b !== null; b = b.next) {
        let n = b.firstOp;
        while (n !== null) {
          const next = n.next;
          const isTerm = n.def !== null && hasTrait(n.def, Trait.Terminator) && n === b.lastOp;
          if (!isTerm && isSymbol(n) && !live.has(n) && n.parent !== null) { n.dropAllReferences(); n.remove(); erased++; }
          n = next;
        }
      }
    }
    ctx.stats.numDCE += erased;
    if (erased === 0) ctx.markAllAnalysesPreserved();
  },
});
