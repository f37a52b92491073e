// `volact events` on one large file split into byte ranges (ranges.ts): worker threads and this one read the
// ranges and write their rows out as text; this thread hands the ranges' output on in file order, holding at
// most a few ranges ahead. Rows carry line numbers, so each range is told the line it starts on: this thread counts the
// newlines before each cut (a byte scan, far cheaper than reading events) while the workers read.
//
// When a cut turns out wrong (a range of XML ended with something unfinished, or an EVTX read would have given
// up further on), what was handed on so far is still exactly the beginning of the whole read: the caller reads
// the file again in this thread and skips that many items (see readEvents).
import { open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { GIVE_UP_AFTER_BAD_CHUNKS } from '../../ingest/evtx/index.js';
import type { InputFile } from '../../ingest/index.js';
import { eventsRange, type EventsRangeJob, type EventsRangeResult, type EventsSegment } from '../events-range.js';
import type { ByteRange } from '../input-range.js';
import { spawnFileWorker } from './file-pool.js';
import type { FileJob, FileReply } from './protocol.js';

export type RangeOutput =
  | { kind: 'segments'; segments: EventsSegment[] }
  /** The last item: whether every range joined up, and what the file-level "no events" check needs. */
  | { kind: 'end'; joined: boolean; events: number; otherRoots: string[] };

/** Ranges handed to workers ahead of the one being written: bounds the output held in memory. */
const AHEAD_PER_THREAD = 2;

export async function* eventsInRanges(file: InputFile, plan: readonly ByteRange[], job: Omit<EventsRangeJob, 'startLine'>, threads: number): AsyncGenerator<RangeOutput> {
  const results = plan.map(() => deferred<EventsRangeResult>());
  const workers: Array<{ worker: Worker; busy: number }> = [];
  const lines = startLines(file.path, plan);
  let dispatched = 0;
  let consumed = 0;
  let pumping = false;
  let nextId = 0;
  const owner = new Map<number, number>();

  // This thread reads ranges too (one at a time, between writing out the others): it would otherwise only wait.
  let hereBusy = false;
  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (dispatched < plan.length && dispatched < consumed + threads * AHEAD_PER_THREAD) {
        const slot = workers.length > 0 ? workers.reduce((a, b) => (b.busy < a.busy ? b : a)) : undefined;
        const here = !hereBusy && (!slot || slot.busy > 0);
        if (!here && (!slot || slot.busy >= AHEAD_PER_THREAD)) break;
        const index = dispatched++;
        const startLine = (await lines.next()).value ?? 1;
        if (here) {
          hereBusy = true;
          eventsRange(file, plan[index], { ...job, startLine }).then(results[index].resolve, results[index].reject).finally(() => {
            hereBusy = false;
            void pump();
          });
          continue;
        }
        const id = nextId++;
        owner.set(id, index);
        slot!.busy++;
        slot!.worker.postMessage({ id, file, options: {}, range: plan[index], events: { ...job, startLine } } satisfies FileJob);
      }
    } catch (error) {
      for (const r of results) r.reject(error);
    } finally {
      pumping = false;
    }
  };

  for (let i = 0; i < threads - 1; i++) {
    const slot = { worker: spawnFileWorker(), busy: 0 };
    slot.worker.on('message', (reply: FileReply) => {
      const index = owner.get(reply.id);
      if (index === undefined) return;
      owner.delete(reply.id);
      slot.busy--;
      if ('events' in reply) results[index].resolve(reply.events);
      else results[index].reject(new Error('error' in reply ? reply.error : 'unexpected reply'));
      void pump();
    });
    // A worker that dies fails every range it held; the caller reads the file again from where output stopped.
    const fail = (error: Error): void => {
      for (const [id, index] of owner) {
        owner.delete(id);
        results[index].reject(error);
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
    workers.push(slot);
  }

  let events = 0;
  const otherRoots: string[] = [];
  let badRun = 0;
  let sawChunk = false;
  let joined = true;
  try {
    void pump();
    for (let i = 0; i < plan.length; i++) {
      let r: EventsRangeResult;
      try {
        r = await results[i].promise;
      } catch {
        joined = false;
        break;
      }
      consumed++;
      void pump();
      if (plan[i].reader.kind === 'evtx' && !sawChunk) {
        // As ranges.ts givesUpLater: a run of bad chunks from the file's start that ends past the first range.
        if (i > 0 && badRun + r.evtx.leadingBadChunks >= GIVE_UP_AFTER_BAD_CHUNKS) {
          joined = false;
          break;
        }
        badRun += r.evtx.leadingBadChunks;
        sawChunk = r.evtx.sawChunk;
      }
      // Everything the range produced before its end is the whole read's; only an unclean end spoils what follows.
      yield { kind: 'segments', segments: r.segments };
      events += r.events;
      for (const name of r.otherRoots) otherRoots.push(name);
      if (r.evtx.stopped) break;
      if (!r.clean && !plan[i].last) {
        joined = false;
        break;
      }
    }
    yield { kind: 'end', joined, events, otherRoots };
  } finally {
    await lines.return(undefined);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** The line each range starts on, in order: 1, then 1 + the newlines before each later cut. */
async function* startLines(path: string, plan: readonly ByteRange[]): AsyncGenerator<number> {
  const first = plan[0];
  if (first.reader.kind !== 'xml-events') {
    for (const _ of plan) yield 1;
    return;
  }
  const wide = first.reader.encoding === 'utf-16le';
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let line = 1;
    let at = 0;
    for (const range of plan) {
      while (at < range.start) {
        const want = Math.min(buf.length, range.start - at);
        const { bytesRead } = await handle.read(buf, 0, want, at);
        if (bytesRead === 0) break;
        line += countNewlines(buf.subarray(0, bytesRead), wide);
        at += bytesRead;
      }
      yield line;
    }
  } finally {
    await handle.close();
  }
}

/** '\n' in UTF-8 bytes, or as UTF-16LE code units (blocks start at even offsets, so units are aligned). */
function countNewlines(bytes: Buffer, wide: boolean): number {
  let n = 0;
  if (!wide) {
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
    return n;
  }
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) if (i % 2 === 0 && bytes[i + 1] === 0) n++;
  return n;
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A range nobody waits for any more (the caller stopped early) must not become an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
