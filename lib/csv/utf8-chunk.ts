// Text collected as UTF-8 bytes, for streaming large CSV exports. Encoding each short line into one
// buffer is several times cheaper than concatenating a batch into one string and encoding that: a
// long concatenation is a rope V8 must flatten, and one non-Latin-1 character anywhere (a name with
// "ł") makes the whole flattened string two-byte (measured on 2,000 export rows: 3 ms vs 21–45 ms).
const EMPTY = Buffer.alloc(0);

export class Utf8Chunk {
  private bytes = EMPTY;
  private length = 0;

  constructor(private capacity = 1 << 20) {}

  push(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const needed = this.length + text.length * 3;
    if (needed > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.capacity, this.bytes.length * 2, needed));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
      this.capacity = larger.length;
    }
    this.length += this.bytes.write(text, this.length);
  }

  /** The bytes pushed since the last take; the chunk then starts empty. */
  take(): Uint8Array {
    const taken = this.bytes.subarray(0, this.length);
    this.bytes = EMPTY;
    this.length = 0;
    return taken;
  }
}
