// Memory effects of ops as the passes need them (MLIR's SideEffectInterfaces.cpp), read from op records:
// `Trait.Pure`; `Trait.RecursiveMemoryEffects`; `extra.effects` (a list of {kind, on, resource} or a function of
// the op, the convention of dialect-std's memref/effects.ts; `[]` means no effects); or the coarse Mem* traits.
import type { Operation, Value } from "../ir/ir.js";
import { hasTrait, Trait, type OpDef } from "../ir/opdef.js";

/// A memory effect kind.
export type EffectKind = "read" | "write" | "alloc" | "free";

/// One effect of an op instance; `value` is null when the effect is on unknown memory.
export interface EffectInstance {
  readonly kind: EffectKind;
  readonly value: Value | null;
  readonly resource: string;
}

interface EffectDecl { readonly kind: EffectKind; readonly on: string; readonly resource?: string }

function slotValues(op: Operation, def: OpDef, name: string): Value[] {
  const ri = def.results.findIndex((r) => r.name === name);
  if (ri >= 0) return ri < op.results.length ? [op.results[ri]] : [];
  const oi = def.operands.findIndex((o) => o.name === name);
  return oi >= 0 && oi < op.operands.length ? [op.operand(oi)] : [];
}

/// True if the op declares its effects (MLIR: implements MemoryEffectOpInterface).
export function hasEffectInterface(op: Operation): boolean {
  const def = op.def;
  if (def === null) return false;
  if (hasTrait(def, Trait.Pure) || def.extra.effects !== undefined) return true;
  return hasTrait(def, Trait.MemRead) || hasTrait(def, Trait.MemWrite) || hasTrait(def, Trait.MemAlloc) || hasTrait(def, Trait.MemFree);
}

/// The op's own effects (not those of nested ops); null if it does not declare them.
export function getEffects(op: Operation): EffectInstance[] | null {
  const def = op.def;
  if (def === null) return null;
  if (hasTrait(def, Trait.Pure)) return [];
  const listed = def.extra.effects as readonly EffectDecl[] | ((op: Operation) => readonly { kind: EffectKind; value: Value; resource?: string }[]) | undefined;
  if (typeof listed === "function") return listed(op).map((e) => ({ kind: e.kind, value: e.value, resource: e.resource ?? "default" }));
  if (listed !== undefined) {
    const out: EffectInstance[] = [];
    for (const e of listed) for (const v of slotValues(op, def, e.on)) out.push({ kind: e.kind, value: v, resource: e.resource ?? "default" });
    return out;
  }
  const out: EffectInstance[] = [];
  if (hasTrait(def, Trait.MemRead)) out.push({ kind: "read", value: null, resource: "default" });
  if (hasTrait(def, Trait.MemWrite)) out.push({ kind: "write", value: null, resource: "default" });
  if (hasTrait(def, Trait.MemAlloc)) out.push({ kind: "alloc", value: op.results[0] ?? null, resource: "default" });
  if (hasTrait(def, Trait.MemFree)) out.push({ kind: "free", value: null, resource: "default" });
  if (out.length === 0 && !hasTrait(def, Trait.RecursiveMemoryEffects)) return null;
  return out;
}

/// The effects of the op and, for RecursiveMemoryEffects ops, of everything nested; null if any are unknown.
export function getEffectsRecursively(op: Operation): EffectInstance[] | null {
  const out: EffectInstance[] = [];
  const stack: Operation[] = [op];
  while (stack.length) {
    const o = stack.pop()!;
    const recursive = o.def !== null && hasTrait(o.def, Trait.RecursiveMemoryEffects);
    if (hasEffectInterface(o)) {
      const es = getEffects(o);
      if (es === null) return null;
      out.push(...es);
    } else if (!recursive) return null;
    if (recursive) for (const r of o.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) stack.push(n);
  }
  return out;
}

/// True if the op (and its nested ops, when recursive) has no memory effects at all.
export function isMemoryEffectFree(op: Operation): boolean {
  const recursive = op.def !== null && hasTrait(op.def, Trait.RecursiveMemoryEffects);
  if (hasEffectInterface(op)) {
    if (countOwnEffects(op, op.def!, false) !== 0) return false;
    if (!recursive) return true;
  } else if (!recursive) return false;
  for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) if (!isMemoryEffectFree(n)) return false;
  return true;
}

/// True if the op only reads memory (MLIR's onlyHasEffect<Read>): declared effects, all reads, at least one.
export function onlyReads(op: Operation): boolean {
  if (!hasEffectInterface(op)) return false;
  return countOwnEffects(op, op.def!, true) > 0;
}

/// How many effects getEffects lists for `op` (which declares them), -1 if it returns null; with `readsOnly`, -1 also
/// as soon as one is not a read. Builds no list where the record gives the effects as data.
function countOwnEffects(op: Operation, def: OpDef, readsOnly: boolean): number {
  if (hasTrait(def, Trait.Pure)) return 0;
  const listed = def.extra.effects as readonly EffectDecl[] | ((op: Operation) => unknown) | undefined;
  if (typeof listed === "function") {
    const es = getEffects(op)!;
    return readsOnly && es.some((e) => e.kind !== "read") ? -1 : es.length;
  }
  let n = 0;
  if (listed !== undefined) {
    for (const e of listed) {
      if (slotValue(op, def, e.on) === null) continue;
      if (readsOnly && e.kind !== "read") return -1;
      n++;
    }
    return n;
  }
  if (hasTrait(def, Trait.MemRead)) n++;
  if (hasTrait(def, Trait.MemWrite) || hasTrait(def, Trait.MemAlloc) || hasTrait(def, Trait.MemFree)) {
    if (readsOnly) return -1;
    n += (hasTrait(def, Trait.MemWrite) ? 1 : 0) + (hasTrait(def, Trait.MemAlloc) ? 1 : 0) + (hasTrait(def, Trait.MemFree) ? 1 : 0);
  }
  return n === 0 && !hasTrait(def, Trait.RecursiveMemoryEffects) ? -1 : n;
}

/// True if the op could be erased if its results were unused (MLIR's wouldOpBeTriviallyDead).
export function wouldOpBeTriviallyDead(op: Operation): boolean {
  const def = op.def;
  if (def === null || hasTrait(def, Trait.Terminator) || hasTrait(def, Trait.Symbol)) return false;
  return effectsAllowErasure(op);
}

/// True if `o` and, for RecursiveMemoryEffects ops, everything nested only read memory or allocate (and possibly
/// write or free) their own results: what may go with the op.
function effectsAllowErasure(o: Operation): boolean {
  const def = o.def;
  if (def === null) return false;
  const recursive = hasTrait(def, Trait.RecursiveMemoryEffects);
  if (hasEffectInterface(o)) {
    if (!ownEffectsAllowErasure(o, def)) return false;
  } else if (!recursive) return false;
  if (recursive) {
    for (const r of o.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) {
      if (!effectsAllowErasure(n)) return false;
    }
  }
  return true;
}

/// The effect test of wouldOpBeTriviallyDead on `o`'s own effects (`o` declares them), without building the list
/// where the record gives it as data.
function ownEffectsAllowErasure(o: Operation, def: OpDef): boolean {
  if (hasTrait(def, Trait.Pure)) return true;
  const listed = def.extra.effects as readonly EffectDecl[] | ((op: Operation) => unknown) | undefined;
  if (typeof listed === "function") {
    const es = getEffects(o);
    if (es === null) return false;
    for (const e of es) {
      if (e.kind === "alloc" && e.value !== null && e.value.definingOp === o) continue;
      if (e.kind === "read") continue;
      if (e.value !== null && es.some((a) => a.kind === "alloc" && a.value === e.value && e.value!.definingOp === o)) continue;
      return false;
    }
    return true;
  }
  if (listed !== undefined) {
    for (const e of listed) {
      if (e.kind === "read") continue;
      const v = slotValue(o, def, e.on);
      if (v === null) continue;
      if (v.definingOp !== o) return false;
      if (e.kind === "alloc") continue;
      let allocated = false;
      for (const a of listed) if (a.kind === "alloc" && slotValue(o, def, a.on) === v) { allocated = true; break; }
      if (!allocated) return false;
    }
    return true;
  }
  // The coarse traits: reads are fine, an allocation of the first result is, writes and frees of unknown memory are not.
  if (hasTrait(def, Trait.MemWrite) || hasTrait(def, Trait.MemFree)) return false;
  return !hasTrait(def, Trait.MemAlloc) || o.results.length !== 0;
}

/// The value of result or operand slot `name` (the first one), or null.
function slotValue(op: Operation, def: OpDef, name: string): Value | null {
  for (let i = 0; i < def.results.length; i++) if (def.results[i].name === name) return i < op.results.length ? op.results[i] : null;
  for (let i = 0; i < def.operands.length; i++) if (def.operands[i].name === name) return i < op.operands.length ? op.operand(i) : null;
  return null;
}

/// True if the op has no uses and would be trivially dead (MLIR's isOpTriviallyDead).
export function isOpTriviallyDead(op: Operation): boolean {
  for (let i = 0; i < op.results.length; i++) if (op.results[i].firstUse !== null) return false;
  return wouldOpBeTriviallyDead(op);
}

/// True if the op may be executed speculatively (hoisted out of conditionals and loops): Pure ops, or ops whose
/// record says `extra.speculatable` (a boolean, or a function of the op; "recursive" defers to the nested ops).
export function isSpeculatable(op: Operation): boolean {
  const def = op.def;
  if (def === null) return false;
  const s = def.extra.speculatable as boolean | "recursive" | ((op: Operation) => boolean | "recursive") | undefined;
  let v: boolean | "recursive" | undefined = typeof s === "function" ? s(op) : s;
  if (v === undefined) v = hasTrait(def, Trait.Pure);
  if (v === "recursive") {
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) if (!isSpeculatable(n)) return false;
    return true;
  }
  return v;
}

/// True if the op is memory-effect free and speculatable (MLIR's isPure).
export function isPure(op: Operation): boolean {
  return isSpeculatable(op) && isMemoryEffectFree(op);
}
