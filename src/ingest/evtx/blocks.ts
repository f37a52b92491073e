// Cuts an arbitrary stream of buffers (fs stream, stdin) into fixed-size blocks, holding at most
// one block plus one input buffer in memory.

export class BlockReader {
  private readonly it: AsyncIterator<Buffer>;
  private pending: Buffer[] = [];
  /** Index of the first unread buffer in `pending` (shifting a long array per read would be quadratic). */
  private head = 0;
  private pendingBytes = 0;
  private done = false;

  constructor(input: AsyncIterable<Buffer>) {
    this.it = input[Symbol.asyncIterator]();
  }

  /** Total bytes handed out so far. */
  consumed = 0;

  /**
   * The next `size` bytes as one Buffer, fewer at the end of input, or null when nothing is left.
   * Without `into`, the result never shares memory with later reads.
   */
  async read(size: number, into?: Buffer): Promise<Buffer | null> {
    while (this.pendingBytes < size && !this.done) {
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        break;
      }
      const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      if (b.length === 0) continue;
      this.pending.push(b);
      this.pendingBytes += b.length;
    }
    if (this.pendingBytes === 0) return null;
    const take = Math.min(size, this.pendingBytes);
    // Either the caller's scratch buffer (decoding in this thread keeps nothing of it), or fresh,
    // unpooled memory that can be handed to a worker thread without copying again.
    const out = into && into.length >= take ? into.subarray(0, take) : Buffer.allocUnsafeSlow(take);
    let filled = 0;
    while (filled < take) {
      const first = this.pending[this.head];
      const n = Math.min(first.length, take - filled);
      first.copy(out, filled, 0, n);
      filled += n;
      if (n === first.length) this.head++;
      else this.pending[this.head] = first.subarray(n);
    }
    this.pending = this.pending.slice(this.head);
    this.head = 0;
    this.pendingBytes -= take;
    this.consumed += take;
    return out;
  }

  /** Lets the source release its resources when reading stops early. */
  async close(): Promise<void> {
    this.pending = [];
    this.head = 0;
    if (!this.done) {
      this.done = true;
      await this.it.return?.();
    }
  }
}
