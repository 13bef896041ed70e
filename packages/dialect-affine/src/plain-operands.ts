// Composition and canonicalization of a map with "plain" operands depend on the map alone, so their result is
// computed once per (interned) map and reused: SimplifyAffineOp and the affine.for folder run on every access and
// loop in every greedy iteration.
import { AffineExprKind, walkAffineExpr, type AffineMap, type Value } from "@allo/ir-core";
import { getForInductionVarOwner } from "./accessors.js";
import { canonicalizeMapAndOperands, composeAffineMapAndOperands, simplifyMapWithOperands } from "./map-utils.js";
import { constantIntValueOf, isValidSymbol } from "./validity.js";

/// The result for plain operands: the new map and the positions of the operands it keeps (null: all).
interface PlainResult { readonly map: AffineMap; readonly kept: readonly number[] | null; readonly numOperands: number }

/// True if composing and canonicalizing `map` learn nothing from `operands` but their number: no operand is an
/// affine.apply, no dim operand is a valid symbol, no value repeats among the dims or among the symbols, and no
/// symbol is an integer constant.
export function plainOperands(map: AffineMap, operands: readonly Value[]): boolean {
  const nd = Math.min(map.numDims, operands.length);
  for (let i = 0; i < operands.length; i++) {
    const v = operands[i];
    if (v.definingOp?.name === "affine.apply") return false;
    const dim = i < nd;
    if (dim ? isValidSymbol(v) : constantIntValueOf(v) !== null) return false;
    for (let j = dim ? 0 : nd; j < i; j++) if (operands[j] === v) return false;
  }
  return true;
}

/// True if no operand is an affine.for induction variable (so operand bounds are all unknown).
export function noInductionVars(operands: readonly Value[]): boolean {
  for (const v of operands) if (getForInductionVarOwner(v) !== null) return false;
  return true;
}

/// A canonicalization step on a map and its operands, cached per map for plain operands.
export class PlainOperandCache {
  private readonly results = new Map<AffineMap, PlainResult | null>();
  /// `step` updates `operands` in place and returns the new map, and whether that holds for any plain operands of
  /// the map (false when it also looked at the operands, e.g. at their bounds).
  constructor(private readonly step: (map: AffineMap, operands: Value[]) => { map: AffineMap; cacheable: boolean }) {}

  /// Runs the step; `plain` says the operands are plain for it (see plainOperands).
  run(map: AffineMap, operands: Value[], plain: boolean): AffineMap {
    const known = plain ? this.results.get(map) : undefined;
    if (known !== undefined && known !== null && known.numOperands === operands.length) {
      if (known.kept !== null) {
        const all = operands.slice();
        operands.length = 0;
        for (const i of known.kept) operands.push(all[i]);
      }
      return known.map;
    }
    const before = plain && known === undefined ? operands.slice() : null;
    const r = this.step(map, operands);
    if (before !== null) {
      const kept = operands.length === before.length ? null : operands.map((v) => before.indexOf(v));
      this.results.set(map, r.cacheable ? { map: r.map, kept, numOperands: before.length } : null);
    }
    return r.map;
  }
}

function usesBounds(map: AffineMap): boolean {
  let found = false;
  for (const e of map.results) {
    walkAffineExpr(e, (x) => {
      if (x.kind === AffineExprKind.FloorDiv || x.kind === AffineExprKind.CeilDiv || x.kind === AffineExprKind.Mod) found = true;
    });
  }
  return found;
}

const simplified = new PlainOperandCache((map, operands) => {
  let out = composeAffineMapAndOperands(map, operands);
  out = canonicalizeMapAndOperands(out, operands);
  // Only floordiv, ceildiv and mod look at the bounds of the operands.
  const cacheable = !usesBounds(out);
  return { map: simplifyMapWithOperands(out, operands), cacheable };
});

/// `map` composed with the affine.apply ops among `operands`, canonicalized and simplified with the operands' bounds
/// (SimplifyAffineOp's steps); `operands` is updated in place.
export function simplifyMapAndOperands(map: AffineMap, operands: Value[]): AffineMap {
  return simplified.run(map, operands, plainOperands(map, operands));
}
