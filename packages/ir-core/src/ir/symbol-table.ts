// Symbol tables: lookup of `sym_name` symbols in ops with the SymbolTable trait.
import { AttrKind, type StringAttr, type SymbolRefAttr } from "./attrs.js";
import type { Operation } from "./ir.js";
import { hasTrait, Trait } from "./opdef.js";

/// The `sym_name` of `op`, or null.
export function symbolNameOf(op: Operation): string | null {
  const a = op.props.get("sym_name") ?? op.attrs.get("sym_name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : null;
}

/// The symbols defined directly in a symbol-table op, by name.
export class SymbolTable {
  private readonly table = new Map<string, Operation>();
  constructor(readonly owner: Operation) {
    const r = owner.regions[0];
    for (let b = r?.firstBlock ?? null; b !== null; b = b.next) {
      for (let op = b.firstOp; op !== null; op = op.next) {
        const n = symbolNameOf(op);
        if (n !== null && !this.table.has(n)) this.table.set(n, op);
      }
    }
  }
  /// The symbol named `name`, or null.
  lookup(name: string): Operation | null { return this.table.get(name) ?? null; }
  /// Every symbol.
  symbols(): Operation[] { return [...this.table.values()]; }
  /// Registers `op` (after it was inserted into the owner).
  insert(op: Operation): void { const n = symbolNameOf(op); if (n !== null) this.table.set(n, op); }
  /// Removes `name`.
  remove(name: string): void { this.table.delete(name); }
}

/// The nearest ancestor of `op` (or `op` itself) with the SymbolTable trait.
export function nearestSymbolTable(op: Operation): Operation | null {
  for (let p: Operation | null = op; p !== null; p = p.parentOp) if (p.def !== null && hasTrait(p.def, Trait.SymbolTable)) return p;
  return null;
}

/// Resolves `ref` from `from` as MLIR's lookupNearestSymbolFrom does.
export function lookupSymbolFrom(from: Operation, ref: SymbolRefAttr): Operation | null {
  for (let t = nearestSymbolTable(from); t !== null; t = t.parentOp === null ? null : nearestSymbolTable(t.parentOp)) {
    let found = new SymbolTable(t).lookup(ref.root);
    for (const n of ref.nested) {
      if (found === null) break;
      found = new SymbolTable(found).lookup(n);
    }
    if (found !== null) return found;
  }
  return null;
}
