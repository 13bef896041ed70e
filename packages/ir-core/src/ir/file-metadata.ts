// File metadata kept from a parsed buffer for printing it back: the `external_resources` of `{-# ... #-}`.
import type { ResourceBlob } from "./attrs.js";
import type { Operation } from "./ir.js";

/// A value of a resource entry.
export type ResourceValue =
  | { readonly kind: "blob"; readonly blob: ResourceBlob }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "string"; readonly value: string };

/// One `name: { key: value, ... }` group of `external_resources` (kept as parsed, as mlir-opt's fallback map).
export interface ExternalResourceGroup {
  readonly name: string;
  readonly entries: { readonly key: string; readonly value: ResourceValue }[];
}

const external = new WeakMap<Operation, readonly ExternalResourceGroup[]>();

/// Attaches the external resources parsed with `top` (the op a buffer was parsed into), replacing any it had.
export function setExternalResources(top: Operation, groups: readonly ExternalResourceGroup[]): void {
  if (groups.length) external.set(top, groups);
  else external.delete(top);
}

/// The external resources parsed with `top`, printed back after it.
export function externalResourcesOf(top: Operation): readonly ExternalResourceGroup[] {
  return external.get(top) ?? [];
}
