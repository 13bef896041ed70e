// Source positions: the parser gives each op and block argument its position in the source as a number, which
// becomes the FileLineColLoc attribute only when the location is asked for. Most runs never print or report most
// locations, and a number in a field costs no object.
import type { SourceBuffer } from "../support/source.js";
import { getFileLineColLoc, type Location } from "./attrs.js";

/// A location, or a source position (`sourcePositionBase(buffer) + offset`) standing for the FileLineColLoc of that
/// offset of the buffer, made by `resolveLocation` when first needed.
export type LocationRef = Location | number;

/// The buffers given a range of positions, and the first position of each range (ascending).
const buffers: SourceBuffer[] = [];
const bases: number[] = [];
let nextBase = 0;

/// Gives `buffer` a range of source positions, one per offset, and returns its first: position `base + offset`
/// stands for `offset`. The buffer is kept for as long as the process runs (as MLIR's context keeps its locations).
export function sourcePositionBase(buffer: SourceBuffer): number {
  const base = nextBase;
  buffers.push(buffer);
  bases.push(base);
  nextBase += buffer.text.length + 1;
  return base;
}

/// The location `l` stands for (a source position's FileLineColLoc, uniqued as every location is).
export function resolveLocation(l: LocationRef): Location {
  if (typeof l !== "number") return l;
  let lo = 0, hi = bases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bases[mid] <= l) lo = mid; else hi = mid - 1;
  }
  const b = buffers[lo], offset = l - bases[lo];
  const li = b.lineIndex(offset);
  return getFileLineColLoc(b.name, li + b.firstLine, b.column(li, offset));
}
