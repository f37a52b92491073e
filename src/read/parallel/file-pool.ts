// Reads many inputs at once on worker threads and hands the results back in input order. Workers run the
// compiled JS in dist/; from TypeScript sources (tests) or for a single file, the work stays in this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FactCompactor, type FactWithOwner } from '../../evidence/index.js';
import type { FileResult } from '../../accounts/index.js';
import type { InputFile } from '../../ingest/index.js';
import type { ByteRange, RangeResult } from '../input-range.js';
import type { FileJob, FileJobOptions, FileReply } from './protocol.js';
import { joinRanges, planRanges, splitsFiles, traceRanges } from './ranges.js';
import { smallInputs } from './small-inputs.js';

export interface ReadFilesOptions extends FileJobOptions {
  /**
   * Worker threads; 0 or 1 reads in this thread. Default: one per core, at most 8 (VOLACT_THREADS overrides), and
   * none for inputs of less than 32 MiB in all (small-inputs.ts).
   */
  threads?: number;
  stdin?: NodeJS.ReadableStream;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * How one input is read in this thread (the analyze layer passes analyzeInput): one result for a plain file,
 * one per entry for an archive. An archive is one job: its entries are read in order by whichever thread has it.
 */
export type ReadOne = (file: InputFile, options: FileJobOptions & { stdin?: NodeJS.ReadableStream; compactor?: FactCompactor }) => Promise<FileResult | FileResult[]>;

const WORKER_URL = new URL('./worker.js', import.meta.url);
const WORKERS_AVAILABLE = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));
/**
 * Old-generation cap per worker. A worker holds one file's facts at a time; without a cap each worker's heap
 * grows lazily and the process peak is several heaps of garbage. A file that truly needs more ends the worker,
 * and the file is read again in this thread.
 */
const WORKER_HEAP_MB = 256;
/**
 * Jobs queued on each worker, so it never waits for the parent between files: with two, a fleet's workers sat
 * idle a fifth of the time while this thread was busy with arriving facts (10,000 machines: 46 s wall against
 * 34 s with eight). Byte ranges of large files are held to two, since each brings back some 10,000 facts.
 */
const IN_FLIGHT_PER_WORKER = 8;
const RANGES_IN_FLIGHT_PER_WORKER = 2;

export function defaultThreads(): number {
  const env = process.env.VOLACT_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(availableParallelism(), 8);
}

export function workersAvailable(): boolean {
  return WORKERS_AVAILABLE;
}

/** A file worker (worker.ts), with the heap cap and the environment every file worker gets. */
export function spawnFileWorker(): Worker {
  // EVTX decoding has its own chunk pool; inside a file worker it must stay in-thread.
  const env = { ...process.env, VOLACT_EVTX_THREADS: '0' };
  return new Worker(WORKER_URL, { env, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

/** Results in input order; an archive's entries take its place, in archive order. */
export async function readFiles(files: readonly InputFile[], readOne: ReadOne, options: ReadFilesOptions = {}): Promise<FileResult[]> {
  const jobOptions: FileJobOptions = {};
  if (options.machine !== undefined) jobOptions.machine = options.machine;
  if (options.tz !== undefined) jobOptions.tz = options.tz;
  const results: Array<FileResult | FileResult[]> = new Array(files.length);
  let done = 0;
  const finished = (): void => options.onProgress?.(++done, files.length);

  // Standard input belongs to this thread; everything else may go to a worker.
  const local: number[] = [];
  const remote: number[] = [];
  files.forEach((f, i) => (f.path === '-' ? local : remote).push(i));
  // Unless threads were asked for, a few small inputs are read here: starting workers would cost more.
  const asked = options.threads !== undefined || process.env.VOLACT_THREADS !== undefined;
  let wanted = options.threads ?? defaultThreads();
  if (!asked && WORKERS_AVAILABLE && wanted >= 2 && (await smallInputs(remote.map((i) => files[i])))) wanted = 1;
  // Fewer inputs than threads: a large one may still keep every thread busy, read in byte ranges.
  const planned = new Map<number, ByteRange[] | undefined>();
  const split = splitsFiles(files.length);
  if (WORKERS_AVAILABLE && wanted >= 2 && remote.length < wanted) {
    for (const i of remote) planned.set(i, split ? await planRanges(files[i]).catch(() => undefined) : undefined);
  }
  const jobCount = remote.reduce((n, i) => n + (planned.get(i)?.length ?? 1), 0);
  const threads = Math.min(wanted, jobCount);
  if (!WORKERS_AVAILABLE || threads < 2) {
    for (const i of remote.splice(0)) local.push(i);
    local.sort((a, b) => a - b);
  }

  // One pool of shared strings for every fact this thread keeps (a fleet repeats names across files).
  const compactor = new FactCompactor();
  const inThread = async (i: number): Promise<void> => {
    results[i] = await readOne(files[i], { ...jobOptions, compactor, ...(options.stdin ? { stdin: options.stdin } : {}) });
    finished();
  };
  const fallback: number[] = [];
  if (remote.length > 0) {
    for (const i of await runOnWorkers(files, remote, jobOptions, threads, split, planned, results, finished, compactor)) fallback.push(i);
  }
  for (const i of [...local, ...fallback.sort((a, b) => a - b)]) await inThread(i);
  return results.flat();
}

/** A unit of work for a worker: a whole input, or one byte range of a large file. */
interface Job {
  file: number;
  range?: { plan: ByteRange[]; index: number };
}

/**
 * Runs the inputs on `threads` workers; returns the indexes to read again in this thread (a dying worker left
 * them unanswered, or the ranges of a split file did not join up). Large XML and EVTX files are split into byte
 * ranges (ranges.ts) as the queue reaches them, so the split of one file overlaps the reading of others.
 * This thread only receives: reading here too saved a worker's start-up, but its garbage grew the heap that holds
 * every fact (10,000 machines: 745 MB peak against 540 MB).
 */
async function runOnWorkers(
  files: readonly InputFile[],
  indexes: number[],
  options: FileJobOptions,
  threads: number,
  split: boolean,
  planned: ReadonlyMap<number, ByteRange[] | undefined>,
  results: Array<FileResult | FileResult[]>,
  finished: () => void,
  compactor: FactCompactor,
): Promise<number[]> {
  const queue = [...indexes];
  const jobs: Job[] = [];
  // Facts arrive as fresh copies, every string its own: they are shared again as they arrive, so the copies are
  // short-lived garbage rather than all held at once until the last file is read.
  const share = (facts: FactWithOwner[]): void => {
    for (const f of facts) compactor.shareStrings(f);
  };
  const again = new Set<number>();
  const rangeResults = new Map<number, Array<RangeResult | undefined>>();
  const addJobs = (index: number, plan: ByteRange[] | undefined): void => {
    if (!plan) {
      jobs.push({ file: index });
      return;
    }
    rangeResults.set(index, Array.from({ length: plan.length }, (): RangeResult | undefined => undefined));
    plan.forEach((_, i) => jobs.push({ file: index, range: { plan, index: i } }));
  };
  for (const [index, plan] of planned) {
    queue.splice(queue.indexOf(index), 1);
    addJobs(index, plan);
  }
  /** The next job, planning the next file's ranges when no job is ready (one file is planned at a time). */
  let planning: Promise<void> | undefined;
  const nextJob = async (): Promise<Job | undefined> => {
    for (;;) {
      if (jobs.length > 0) return jobs.shift();
      if (planning) {
        await planning;
        continue;
      }
      if (queue.length === 0) return undefined;
      const index = queue.shift()!;
      planning = (split ? planRanges(files[index]) : Promise.resolve(undefined))
        .catch(() => undefined)
        .then((plan) => addJobs(index, plan))
        .finally(() => (planning = undefined));
    }
  };

  const rangeDone = (job: Job, range: RangeResult | undefined): void => {
    const slots = rangeResults.get(job.file);
    if (!slots || !job.range) return;
    if (!range) {
      // One range failed: the file is read again whole, once.
      traceRanges(files[job.file], slots.length, 'a range failed, read again whole');
      rangeResults.delete(job.file);
      again.add(job.file);
      return;
    }
    share(range.facts);
    slots[job.range.index] = range;
    if (slots.some((r) => r === undefined)) return;
    rangeResults.delete(job.file);
    const joined = joinRanges(job.range.plan, slots as RangeResult[]);
    traceRanges(files[job.file], slots.length, joined ? 'joined' : 'did not join, read again whole');
    if (!joined) {
      again.add(job.file);
      return;
    }
    results[job.file] = [{ ...joined, fromWorker: true as const }];
    finished();
  };

  let nextId = 0;
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = spawnFileWorker();
      const pending = new Map<number, Job>();
      let closing = false;
      let feeding = false;
      const rangesPending = (): number => {
        let n = 0;
        for (const job of pending.values()) if (job.range) n++;
        return n;
      };
      const feed = async (): Promise<void> => {
        if (feeding) return;
        feeding = true;
        while (!closing && pending.size < IN_FLIGHT_PER_WORKER && rangesPending() < RANGES_IN_FLIGHT_PER_WORKER) {
          const job = await nextJob();
          if (!job) break;
          const id = nextId++;
          pending.set(id, job);
          const range = job.range?.plan[job.range.index];
          worker.postMessage({ id, file: files[job.file], options, ...(range ? { range } : {}) } satisfies FileJob);
        }
        feeding = false;
        if (pending.size === 0 && !closing) {
          closing = true;
          void worker.terminate();
        }
      };
      worker.on('message', (reply: FileReply) => {
        const job = pending.get(reply.id);
        if (!job) return;
        pending.delete(reply.id);
        if (job.range) rangeDone(job, 'range' in reply ? reply.range : undefined);
        else {
          if ('results' in reply) for (const r of reply.results) share(r.facts);
          results[job.file] = 'error' in reply ? failedRead(files[job.file], reply.error) : 'results' in reply ? reply.results.map((r) => ({ ...r, fromWorker: true as const })) : [];
          finished();
        }
        void feed();
      });
      const end = (): void => {
        // Whatever a crashed worker still held is read again in the parent thread.
        for (const job of pending.values()) {
          if (job.range) rangeDone(job, undefined);
          else again.add(job.file);
        }
        pending.clear();
        resolve();
      };
      worker.on('error', () => {
        closing = true;
        void worker.terminate();
      });
      worker.on('exit', end);
      void feed();
    });

  await Promise.all(Array.from({ length: threads }, runWorker));
  // When every worker died, the jobs nobody took are left too.
  for (const job of jobs) again.add(job.file);
  for (const index of queue) again.add(index);
  return [...again];
}

function failedRead(file: InputFile, reason: string): FileResult {
  return {
    account: { file: file.display, format: 'unknown', records: 1, decoded: 0, ignored: 0, rejected: [{ where: 'whole file', reason: `reader failed: ${reason}` }] },
    facts: [],
  };
}
