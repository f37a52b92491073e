// Cuts an arbitrary stream of buffers (fs stream, stdin) into fixed-size blocks, holding at most
// one block plus one input buffer in memory.

export class BlockReader {
  private readonly it: AsyncIterator<Buffer>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private done = false;

  constructor(input: AsyncIterable<Buffer>) {
    this.it = input[Symbol.asyncIterator]();
  }

  /** Total bytes handed out so far. */
  consumed = 0;

  /**
   * The next `size` bytes as one Buffer, fewer at the end of input, or null when nothing is left.
   * The result never shares memory with later reads.
   */
  async read(size: number): Promise<Buffer | null> {
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
    // Fresh, unpooled memory so a block can be handed to a worker thread without copying again.
    const out = Buffer.allocUnsafeSlow(take);
    let filled = 0;
    while (filled < take) {
      const head = this.pending[0];
      const n = Math.min(head.length, take - filled);
      head.copy(out, filled, 0, n);
      filled += n;
      if (n === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(n);
    }
    this.pendingBytes -= take;
    this.consumed += take;
    return out;
  }

  /** Lets the source release its resources when reading stops early. */
  async close(): Promise<void> {
    this.pending = [];
    if (!this.done) {
      this.done = true;
      await this.it.return?.();
    }
  }
}
