// An append-only UTF-8 byte buffer for printers: writing many short strings into byte arrays is several times
// cheaper than concatenating them into a JavaScript string (each `+=` allocates a rope node). Large texts fill a
// list of 1 MB chunks, so that the buffer never copies what it holds nor keeps more than a chunk unused.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const chunkSize = 1 << 20;

/// Accumulates text as UTF-8 bytes, in chunks; `toString` decodes it once.
export class TextBuffer {
  /// Full chunks, then the one being written.
  private readonly full: Uint8Array[] = [];
  private bytes: Uint8Array;
  private pos = 0;

  constructor(initialSize = 256) {
    this.bytes = new Uint8Array(initialSize);
  }

  /// Makes room for `needed` more bytes in the current chunk: a small chunk grows, a full-size one is closed.
  private reserve(needed: number): void {
    if (this.bytes.length < chunkSize) {
      let size = this.bytes.length * 2;
      while (size < this.pos + needed) size *= 2;
      if (size <= chunkSize || this.pos + needed > chunkSize) {
        const b = new Uint8Array(size);
        b.set(this.bytes.subarray(0, this.pos));
        this.bytes = b;
        return;
      }
    }
    this.full.push(this.bytes.subarray(0, this.pos));
    this.bytes = new Uint8Array(Math.max(chunkSize, needed));
    this.pos = 0;
  }

  /// Appends `s`.
  write(s: string): void {
    const n = s.length;
    if (this.pos + n > this.bytes.length) this.reserve(n);
    const b = this.bytes;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) { this.pos = p; this.writeNonAscii(s, i); return; }
      b[p++] = c;
    }
    this.pos = p;
  }

  private writeNonAscii(s: string, from: number): void {
    const rest = s.slice(from);
    if (this.pos + rest.length * 3 > this.bytes.length) this.reserve(rest.length * 3);
    this.pos += encoder.encodeInto(rest, this.bytes.subarray(this.pos)).written;
  }

  /// Appends `n` spaces.
  writeSpaces(n: number): void {
    if (this.pos + n > this.bytes.length) this.reserve(n);
    this.bytes.fill(32, this.pos, this.pos + n);
    this.pos += n;
  }

  /// The text written so far.
  toString(): string {
    const last = decoder.decode(this.bytes.subarray(0, this.pos));
    return this.full.length === 0 ? last : this.full.map((c) => decoder.decode(c)).join("") + last;
  }

  /// The bytes written so far, as chunks (views: valid until the next write).
  chunks(): Uint8Array[] { return [...this.full, this.bytes.subarray(0, this.pos)]; }

  /// Forgets everything written.
  clear(): void {
    this.full.length = 0;
    this.pos = 0;
  }
}
