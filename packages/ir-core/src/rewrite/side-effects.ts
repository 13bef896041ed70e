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
    const es = getEffects(op);
    if (es === null || es.length !== 0) return false;
    if (!recursive) return true;
  } else if (!recursive) return false;
  for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) if (!isMemoryEffectFree(n)) return false;
  return true;
}

/// True if the op only reads memory (MLIR's onlyHasEffect<Read>): declared effects, all reads, at least one.
export function onlyReads(op: Operation): boolean {
  if (!hasEffectInterface(op)) return false;
  const es = getEffects(op);
  return es !== null && es.length > 0 && es.every((e) => e.kind === "read");
}

/// True if the op could be erased if its results were unused (MLIR's wouldOpBeTriviallyDead).
export function wouldOpBeTriviallyDead(op: Operation): boolean {
  if (op.def !== null && (hasTrait(op.def, Trait.Terminator) || hasTrait(op.def, Trait.Symbol))) return false;
  if (op.def === null) return false;
  const stack: Operation[] = [op];
  while (stack.length) {
    const o = stack.pop()!;
    const recursive = o.def !== null && hasTrait(o.def, Trait.RecursiveMemoryEffects);
    if (recursive) for (const r of o.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let n = b.firstOp; n !== null; n = n.next) stack.push(n);
    if (hasEffectInterface(o)) {
      const es = getEffects(o);
      if (es === null) return false;
      for (const e of es) {
        if (e.kind === "alloc" && e.value !== null && e.value.definingOp === o) continue;
        if (e.kind === "read") continue;
        if (e.value !== null && es.some((a) => a.kind === "alloc" && a.value === e.value && e.value!.definingOp === o)) continue;
        return false;
      }
      continue;
    }
    if (recursive) continue;
    return false;
  }
  return true;
}

/// True if the op has no uses and would be trivially dead (MLIR's isOpTriviallyDead).
export function isOpTriviallyDead(op: Operation): boolean {
  for (const r of op.results) if (r.firstUse !== null) return false;
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
