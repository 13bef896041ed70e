// The memory-effect convention of op records (MLIR's MemoryEffectOpInterface), read by the simulator and the pass manager.
//
// An op record states its memory effects in one of three ways:
//   - `Trait.Pure`: no memory effects (and speculatable): dead ops may be erased, ops may be hoisted.
//   - `Trait.RecursiveMemoryEffects`: the effects are those of the ops nested in its regions (scf.for, scf.if).
//   - `extra: { effects: MemEffect[] }`: each entry names an effect kind, the operand or result it acts on
//     (by its name in the record, e.g. `"memref"` or `"target"`) and the resource, as MLIR's
//     `Arg<AnyMemRef, "", [MemRead]>` / `Res<AnyMemRef, "", [MemAlloc<...>]>` do. The record also carries
//     the coarse traits `Trait.MemRead`, `Trait.MemWrite`, `Trait.MemAlloc`, `Trait.MemFree` for a quick test.
//     Where the operands are only known per instance (`memref.dma_start`), `effects` is a function
//     `(op) => ValueEffect[]`, as MLIR hand-writes getEffects there.
// An op with none of these (an unregistered op, `memref.prefetch`, `memref.assume_alignment`) has unknown
// effects: treat it as reading and writing any memory.
import { hasTrait, Trait, type Operation, type OpDef, type Value } from "@allo/ir-core";

/// A memory effect kind.
export type MemEffectKind = "read" | "write" | "alloc" | "free";

/// The resource an effect acts on: ordinary memory, or the stack of the enclosing `AutomaticAllocationScope`.
export type MemResource = "default" | "automatic-allocation-scope";

/// One memory effect of an op record on one of its operands or results.
export interface MemEffect {
  readonly kind: MemEffectKind;
  /// The name of the operand or result slot the effect is on.
  readonly on: string;
  readonly resource: MemResource;
}

/// An effect on `on` (default resource).
export function memEffect(kind: MemEffectKind, on: string, resource: MemResource = "default"): MemEffect {
  return { kind, on, resource };
}

/// The coarse traits matching a list of effects.
export function effectTraits(effects: readonly MemEffect[]): Trait[] {
  const t: Trait[] = [];
  const add = (k: MemEffectKind, tr: Trait) => { if (effects.some((e) => e.kind === k)) t.push(tr); };
  add("read", Trait.MemRead);
  add("write", Trait.MemWrite);
  add("alloc", Trait.MemAlloc);
  add("free", Trait.MemFree);
  return t;
}

/// An effect of one op instance on a concrete value.
export interface ValueEffect {
  readonly kind: MemEffectKind;
  readonly value: Value;
  readonly resource: MemResource;
}

/// The memory effects of `op`: `[]` when it has none, `null` when they are unknown. Recursive ops
/// report the effects of their nested ops (null if any nested op's effects are unknown).
export function memoryEffectsOf(op: Operation): ValueEffect[] | null {
  const def = op.def;
  if (def === null) return null;
  if (hasTrait(def, Trait.Pure)) return [];
  const listed = def.extra.effects as readonly MemEffect[] | ((op: Operation) => ValueEffect[]) | undefined;
  if (typeof listed === "function") return listed(op);
  if (listed !== undefined) return listed.flatMap((e) => valuesOf(op, def, e.on).map((value) => ({ kind: e.kind, value, resource: e.resource })));
  if (!hasTrait(def, Trait.RecursiveMemoryEffects)) return null;
  const out: ValueEffect[] = [];
  for (const r of op.regions) {
    for (let b = r.firstBlock; b !== null; b = b.next) {
      for (let o = b.firstOp; o !== null; o = o.next) {
        const inner = memoryEffectsOf(o);
        if (inner === null) return null;
        out.push(...inner);
      }
    }
  }
  return out;
}

// The values bound to operand or result slot `name` (a variadic slot binds several).
function valuesOf(op: Operation, def: OpDef, name: string): Value[] {
  const ri = def.results.findIndex((r) => r.name === name);
  if (ri >= 0) return ri < op.results.length ? [op.results[ri]] : [];
  const oi = def.operands.findIndex((o) => o.name === name);
  return oi >= 0 && oi < op.operands.length ? [op.operand(oi)] : [];
}
