// Reads a byte stream in exact pieces: n bytes at a time, or the next n bytes as a stream of chunks.
// Used where an archive must be walked front to back (a zip without its directory).

export class TruncatedError extends Error {
  readonly code = 'ETRUNCATED';
  constructor(readonly missing: number) {
    super(`the data ends ${missing} byte${missing === 1 ? '' : 's'} short (the archive was cut)`);
  }
}

export class ByteReader {
  private readonly iterator: AsyncIterator<Buffer>;
  private pending: Buffer = Buffer.alloc(0);
  private done = false;
  /** Bytes handed out so far: the offset of the next byte. */
  offset = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(size: number): Promise<void> {
    const parts = [this.pending];
    let length = this.pending.length;
    while (length < size && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        parts.push(next.value);
        length += next.value.length;
      }
    }
    if (parts.length > 1) this.pending = Buffer.concat(parts);
  }

  /** Exactly `size` bytes, or fewer when the stream ends first. */
  async read(size: number): Promise<Buffer> {
    await this.fill(size);
    const out = this.pending.subarray(0, size);
    this.pending = this.pending.subarray(out.length);
    this.offset += out.length;
    return out;
  }

  /** The next `size` bytes as chunks; ends with a TruncatedError when the stream ends first. */
  async *take(size: number, progress: { left: number }): AsyncGenerator<Buffer> {
    progress.left = size;
    while (progress.left > 0) {
      if (this.pending.length === 0) {
        if (this.done) throw new TruncatedError(progress.left);
        const next = await this.iterator.next();
        if (next.done) {
          this.done = true;
          throw new TruncatedError(progress.left);
        }
        this.pending = next.value;
      }
      const out = this.pending.subarray(0, progress.left);
      this.pending = this.pending.subarray(out.length);
      this.offset += out.length;
      progress.left -= out.length;
      yield out;
    }
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
