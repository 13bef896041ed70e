// Byte strings: MLIR's strings (string attributes, symbol names) are bytes; here they are JavaScript strings with one
// char per byte, the UTF-8 encoding of non-ASCII text.

const utf8 = new TextDecoder("utf-8", { fatal: true });

/// Converts non-ASCII characters to their UTF-8 bytes, one char per byte.
export function toByteString(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return String.fromCharCode(...new TextEncoder().encode(s));
}

/// The text of `s` when it holds UTF-8 bytes (chars 0x80-0xff forming valid UTF-8, none above 0xff), as text quoting
/// a byte string reads once written out (MLIR writes the bytes); otherwise `s` itself.
export function textOfByteString(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x80-\xff]/.test(s) || /[^\x00-\xff]/.test(s)) return s;
  try {
    return utf8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}
