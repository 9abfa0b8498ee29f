/**
 * One scanned CSV row as field offsets into UTF-8 bytes; reused from row to row (valid only
 * during the callback that receives it). `escaped` marks a quoted field holding doubled quotes,
 * whose text needs unescaping.
 */
export class RawRow {
  bytes: Buffer = Buffer.alloc(0);
  count = 0;
  /** Line the row ends on (1-based), for messages. */
  line = 0;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;

  constructor(width: number) {
    const capacity = Math.max(width, 1);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.escaped = new Uint8Array(capacity);
  }

  add(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }

  /** Field i as text. */
  text(i: number): string {
    const text = this.bytes.toString('utf8', this.starts[i], this.ends[i]);
    return this.escaped[i] === 1 ? text.replace(/""/g, '"') : text;
  }

  /** Every field as text. */
  texts(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i);
    return out;
  }

  private grow(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const next = make(a.length * 2);
      next.set(a);
      return next;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.escaped = grow(this.escaped, (n) => new Uint8Array(n));
  }
}
