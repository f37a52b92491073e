// Tar archives through tar-stream: entries arrive in order, each must be read to its end before the next.
// A tar cut short keeps every entry read before the cut.
import { once } from 'node:events';
import tar from 'tar-stream';
import { parseEntryName } from './entry-name.js';
import { formatBytes } from './limits.js';
import { budgetSpent, meter, type MeterOptions } from './meter.js';
import type { ArchiveItem, WalkContext } from './walk.js';

type Source = tar.Extract extends AsyncIterable<infer S> ? S : never;

/** Entry types that hold no file bytes and are skipped quietly, like folders. */
const QUIET_TYPES = new Set(['directory']);

export async function* walkTar(bytes: AsyncIterable<Buffer>, ctx: WalkContext, ratio: MeterOptions = {}): AsyncGenerator<ArchiveItem> {
  const extract = tar.extract();
  const feeding = feed(bytes, extract);
  let seen = 0;
  let entry: Source | undefined;
  const iterator = extract[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Source>;
      try {
        next = await iterator.next();
      } catch (error) {
        const reason = describeTarError(error as Error);
        yield { kind: 'problem', where: seen === 0 ? 'whole archive' : `after entry ${seen}`, reason };
        return;
      }
      if (next.done) return;
      entry = next.value;
      seen++;
      const header = entry.header;
      const name = parseEntryName(header.name);
      if (seen > ctx.limits.maxEntries) {
        yield { kind: 'problem', where: `entry ${seen}`, reason: `entries past the first ${ctx.limits.maxEntries} were not read (limit maxEntries)` };
        return;
      }
      let skip: string | undefined;
      if (QUIET_TYPES.has(header.type ?? 'file') || (name.isFolder && (header.size ?? 0) === 0)) skip = '';
      else if (header.type === 'symlink' || header.type === 'link') skip = `a ${header.type === 'link' ? 'hard' : 'symbolic'} link, not followed: volact reads only bytes inside the archive`;
      else if (header.type !== 'file' && header.type !== 'contiguous-file') skip = `a ${header.type} entry, which holds no file`;
      else if ((header.size ?? 0) > ctx.limits.maxEntryBytes) skip = `not read: declares ${formatBytes(header.size ?? 0)}, past ${formatBytes(ctx.limits.maxEntryBytes)} (limit maxEntryBytes)`;
      else skip = budgetSpent(ctx);
      const chunks = keepAlive(entry);
      if (skip !== undefined) {
        if (skip !== '') yield { kind: 'skipped', name, reason: skip };
      } else {
        yield { kind: 'entry', name, bytes: meter(chunks, ctx, ratio), declaredSize: header.size ?? 0 };
      }
      // Whatever the consumer left of this entry is read past (counted, never kept) so the next header can be read;
      // past a bound for the whole archive, the walk stops here.
      const stop = await readPast(chunks, ctx, ratio);
      entry = undefined;
      if (stop) {
        yield { kind: 'problem', where: `after entry ${seen}`, reason: stop };
        return;
      }
    }
  } finally {
    entry?.destroy();
    extract.destroy();
    await feeding;
  }
}

/** Pushes the bytes into the parser with backpressure; a source error ends the parser with it. */
async function feed(bytes: AsyncIterable<Buffer>, extract: tar.Extract): Promise<void> {
  try {
    for await (const chunk of bytes) {
      if (extract.destroyed) return;
      if (!extract.write(chunk)) await Promise.race([once(extract as unknown as NodeJS.EventEmitter, 'drain'), once(extract as unknown as NodeJS.EventEmitter, 'close')]);
    }
    if (!extract.destroyed) extract.end(undefined);
  } catch (error) {
    extract.destroy(error as Error);
  }
}

/**
 * The entry's chunks, for one consumer that may stop early: stopping must not destroy the entry stream, which
 * in tar-stream would end the whole archive.
 */
function keepAlive(entry: Source): AsyncIterable<Buffer> & { rest: AsyncIterator<Buffer> } {
  const inner = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  // The archive's own failure (cut short, damaged header) ends the entry with a reason a person can act on.
  const next = (): Promise<IteratorResult<Buffer>> =>
    inner.next().catch((error: Error) => {
      throw Object.assign(new Error(describeTarError(error)), { code: 'EARCHIVE' });
    });
  const rest: AsyncIterator<Buffer> = { next };
  return {
    rest,
    [Symbol.asyncIterator]: () => ({ next, return: async () => ({ done: true, value: undefined }) }),
  };
}

/** Reads an entry to its end, counting what it expands to; returns why the walk must stop, if it must. */
async function readPast(chunks: { rest: AsyncIterator<Buffer> }, ctx: WalkContext, ratio: MeterOptions): Promise<string | undefined> {
  const { limits, budget } = ctx;
  try {
    for (;;) {
      const next = await chunks.rest.next();
      if (next.done) return undefined;
      budget.expanded += next.value.length;
      if (budget.expanded > limits.maxTotalBytes) {
        return `the archive expands past ${formatBytes(limits.maxTotalBytes)} in all; the rest was not read (limit maxTotalBytes)`;
      }
      const compressed = typeof ratio.compressed === 'function' ? ratio.compressed() : ratio.compressed;
      if (compressed !== undefined && budget.expanded > limits.ratioFloorBytes && budget.expanded / Math.max(1, compressed) > limits.maxRatio) {
        return `the archive expands more than ${limits.maxRatio}:1: a zip bomb, not an export; the rest was not read (limit maxRatio)`;
      }
    }
  } catch {
    // The stream's own error ends the archive; the next header read reports it.
    return undefined;
  }
}

function describeTarError(error: Error & { code?: string }): string {
  if (/unexpected end of (data|file)/i.test(error.message)) return 'the archive ends early (truncated): entries read before the cut still count';
  if (error.code === 'EARCHIVE') return error.message;
  if (error.code === 'EARCHIVELIMIT') return error.message;
  if (error.code) return `the archive could not be read further: ${error.message}`;
  return `the archive is damaged here: ${error.message}; entries read before still count`;
}
