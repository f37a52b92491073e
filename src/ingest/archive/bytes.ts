// Small helpers over byte streams: look at the first bytes without losing them.

export interface Peeked {
  head: Buffer;
  /** Every byte, the head included, in order. */
  all: AsyncGenerator<Buffer>;
  /** What ended the stream while the head was read (it is thrown again by `all`, after the bytes that came). */
  error?: Error;
}

/** Reads at least `size` bytes (fewer at the end of the stream) and hands back a stream that replays them. */
export async function peek(bytes: AsyncIterable<Buffer>, size: number): Promise<Peeked> {
  const iterator = bytes[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let error: unknown;
  try {
    while (length < size) {
      const next = await iterator.next();
      if (next.done) break;
      chunks.push(next.value);
      length += next.value.length;
    }
  } catch (caught) {
    // Surfaces to whoever reads the stream, after the bytes that did arrive.
    error = caught;
  }
  const head = Buffer.concat(chunks).subarray(0, size);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* chunks;
      if (error !== undefined) throw error;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head, all: all(), ...(error !== undefined ? { error: error instanceof Error ? error : new Error(String(error)) } : {}) };
}

/** Collects a stream into one buffer, or stops at `limit` bytes and says so. */
export async function collect(bytes: AsyncIterable<Buffer>, limit: number): Promise<{ buffer: Buffer } | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of bytes) {
    length += chunk.length;
    if (length > limit) return { tooLarge: true };
    chunks.push(chunk);
  }
  return { buffer: Buffer.concat(chunks) };
}
