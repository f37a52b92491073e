// Tar archives through tar-stream: entries arrive in order, each must be read to its end before the next.
// A tar cut short keeps every entry read before the cut.
import tar from 'tar-stream';
import { parseEntryName } from './entry-name.js';
import { formatBytes } from './limits.js';
import { budgetSpent, meter, type MeterOptions } from './meter.js';
import type { ArchiveItem, WalkContext } from './walk.js';

type Source = tar.Extract extends AsyncIterable<infer S> ? S : never;

/** Entry types that hold no file bytes and are skipped quietly, like folders. */
const QUIET_TYPES = new Set(['directory']);

/**
 * When the input ends, tar-stream fails a cut archive at once, dropping whatever the current entry still had
 * buffered: how much of a cut entry survived would depend on how the input was chunked. So the end is held
 * back until every written chunk was parsed and the walk is waiting for more: nothing is buffered then.
 */
class TarFlow {
  pendingWrites = 0;
  waiting = false;
  stopped = false;
  /** How many waits began: tells a wait that never ended from a new one. */
  private waits = 0;
  private wake: (() => void) | undefined;

  changed(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Every chunk parsed and the walk waiting with nothing left to hand it, across a turn of the event loop. */
  async settled(): Promise<void> {
    for (;;) {
      while (!this.stopped && !(this.pendingWrites === 0 && this.waiting)) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.stopped) return;
      // Parsed data reaches a waiting reader a tick later: still waiting on the same read after it means none came.
      const waits = this.waits;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.stopped || (waits === this.waits && this.waiting && this.pendingWrites === 0)) return;
    }
  }

  async wait<T>(promise: Promise<T>): Promise<T> {
    this.waits++;
    this.waiting = true;
    this.changed();
    try {
      return await promise;
    } finally {
      this.waiting = false;
    }
  }
}

export async function* walkTar(bytes: AsyncIterable<Buffer>, ctx: WalkContext, ratio: MeterOptions = {}): AsyncGenerator<ArchiveItem> {
  const extract = tar.extract();
  const flow = new TarFlow();
  // Count chunks until the parser has taken them in (its write callback), through streamx's subclass hook.
  const parse = extract as unknown as { _write: (data: Buffer, cb: (err?: Error | null) => void) => void };
  const write = parse._write.bind(extract);
  parse._write = (data, cb) =>
    write(data, (err) => {
      flow.pendingWrites--;
      flow.changed();
      cb(err);
    });
  const feeding = feed(bytes, extract, flow);
  let seen = 0;
  let entry: Source | undefined;
  const iterator = extract[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Source>;
      try {
        next = await flow.wait(iterator.next());
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
      const chunks = keepAlive(entry, flow);
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
    flow.stopped = true;
    flow.changed();
    entry?.destroy();
    extract.destroy();
    await feeding;
  }
}

/** Pushes the bytes into the parser with backpressure; a source error ends the parser with it. */
async function feed(bytes: AsyncIterable<Buffer>, extract: tar.Extract, flow: TarFlow): Promise<void> {
  try {
    for await (const chunk of bytes) {
      if (extract.destroyed) return;
      flow.pendingWrites++;
      if (!extract.write(chunk)) await drainOrClose(extract as unknown as NodeJS.EventEmitter);
    }
    await flow.settled();
    if (!extract.destroyed) extract.end(undefined);
  } catch (error) {
    // A damaged source (a cut gzip) ends the archive the same way: only once everything before it was read.
    await flow.settled();
    extract.destroy(error as Error);
  }
}

/** Waits for the parser to take more input, or to be gone; leaves no listener behind. */
function drainOrClose(emitter: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      emitter.off('drain', done);
      emitter.off('close', done);
      resolve();
    };
    emitter.on('drain', done);
    emitter.on('close', done);
  });
}

/**
 * The entry's chunks, for one consumer that may stop early: stopping must not destroy the entry stream, which
 * in tar-stream would end the whole archive.
 */
function keepAlive(entry: Source, flow: TarFlow): AsyncIterable<Buffer> & { rest: AsyncIterator<Buffer> } {
  const inner = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  // The archive's own failure (cut short, damaged header) ends the entry with a reason a person can act on.
  const next = (): Promise<IteratorResult<Buffer>> =>
    flow.wait(inner.next()).catch((error: Error) => {
      throw Object.assign(new Error(describeTarError(error, 'entry')), { code: 'EARCHIVE' });
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

function describeTarError(error: Error & { code?: string }, where: 'archive' | 'entry' = 'archive'): string {
  if (/unexpected end of (data|file)/i.test(error.message)) {
    return where === 'entry'
      ? 'the archive ends inside this entry (truncated): what was read before the cut still counts'
      : 'the archive ends early (truncated): entries read before the cut still count';
  }
  if (error.code === 'EARCHIVE') return error.message;
  if (error.code === 'EARCHIVELIMIT') return error.message;
  if (error.code) return `the archive could not be read further: ${error.message}`;
  return `the archive is damaged here: ${error.message}; entries read before still count`;
}
