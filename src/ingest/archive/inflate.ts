// Inflates through node:zlib in fixed blocks, handing out everything a block produced before the next block
// goes in. A damaged stream then yields the same bytes before its error however its input was cut into chunks,
// and a bomb expands one block at a time (at most ~1032 × BLOCK bytes at once).
import type { Transform } from 'node:stream';

const BLOCK = 8 * 1024;

/** The same bytes in pieces of exactly `size` (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    pending.push(chunk);
    length += chunk.length;
    if (length < size) continue;
    let all = Buffer.concat(pending);
    while (all.length >= size) {
      yield all.subarray(0, size);
      all = all.subarray(size);
    }
    pending = [all];
    length = all.length;
  }
  if (length > 0) yield Buffer.concat(pending);
}

export async function* inflateBlocks(source: AsyncIterable<Buffer>, inflater: Transform): AsyncGenerator<Buffer> {
  const out: Buffer[] = [];
  let error: Error | undefined;
  let ended = false;
  inflater.on('data', (chunk: Buffer) => out.push(chunk));
  inflater.on('error', (err: Error) => (error ??= err));
  inflater.on('end', () => (ended = true));
  // A stream that fails or stops (trailing bytes after the last gzip member) may never call back a write.
  const stopped = new Promise<void>((resolve) => {
    inflater.once('error', () => resolve());
    inflater.once('close', () => resolve());
    inflater.once('end', () => resolve());
  });
  try {
    for await (const block of rechunk(source, BLOCK)) {
      await Promise.race([new Promise<void>((resolve) => inflater.write(block, () => resolve())), stopped]);
      yield* out.splice(0);
      if (error) throw error;
      if (ended) return;
    }
    if (!ended && !error) {
      inflater.end();
      await stopped;
    }
    yield* out.splice(0);
    if (error) throw error;
  } finally {
    inflater.destroy();
  }
}
