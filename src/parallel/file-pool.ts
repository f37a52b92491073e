// Reads many inputs at once on worker threads and hands the results back in input order. Workers run the
// compiled JS in dist/; from TypeScript sources (tests) or for a single file, the work stays in this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../read-input-file.js';
import type { InputFile } from '../ingest/index.js';
import type { FileJob, FileJobOptions, FileReply } from './protocol.js';

export interface ReadFilesOptions extends FileJobOptions {
  /** Worker threads; 0 or 1 reads in this thread. Default: one per core, at most 8 (VOLACT_THREADS overrides). */
  threads?: number;
  stdin?: NodeJS.ReadableStream;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * How one input is read in this thread (the analyze layer passes analyzeInput): one result for a plain file,
 * one per entry for an archive. An archive is one job: its entries are read in order by whichever thread has it.
 */
export type ReadOne = (file: InputFile, options: FileJobOptions & { stdin?: NodeJS.ReadableStream }) => Promise<FileResult | FileResult[]>;

const WORKER_URL = new URL('./worker.js', import.meta.url);
const WORKERS_AVAILABLE = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));
/**
 * Old-generation cap per worker. A worker holds one file's facts at a time; without a cap each worker's heap
 * grows lazily and the process peak is several heaps of garbage. A file that truly needs more ends the worker,
 * and the file is read again in this thread.
 */
const WORKER_HEAP_MB = 256;
/** Jobs queued on each worker, so it never waits for the parent between files. */
const IN_FLIGHT_PER_WORKER = 2;

export function defaultThreads(): number {
  const env = process.env.VOLACT_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(availableParallelism(), 8);
}

export function workersAvailable(): boolean {
  return WORKERS_AVAILABLE;
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
  const threads = Math.min(options.threads ?? defaultThreads(), remote.length);
  if (!WORKERS_AVAILABLE || threads < 2) {
    for (const i of remote.splice(0)) local.push(i);
    local.sort((a, b) => a - b);
  }

  const inThread = async (i: number): Promise<void> => {
    results[i] = await readOne(files[i], { ...jobOptions, ...(options.stdin ? { stdin: options.stdin } : {}) });
    finished();
  };
  const fallback: number[] = [];
  if (remote.length > 0) {
    for (const i of await runOnWorkers(files, remote, jobOptions, threads, results, finished)) fallback.push(i);
  }
  for (const i of [...local, ...fallback.sort((a, b) => a - b)]) await inThread(i);
  return results.flat();
}

/** Runs the jobs on `threads` workers; returns the indexes a dying worker left unanswered. */
async function runOnWorkers(
  files: readonly InputFile[],
  indexes: number[],
  options: FileJobOptions,
  threads: number,
  results: Array<FileResult | FileResult[]>,
  finished: () => void,
): Promise<number[]> {
  const queue = [...indexes];
  const orphaned: number[] = [];
  // EVTX decoding has its own chunk pool; inside a file worker it must stay in-thread.
  const env = { ...process.env, VOLACT_EVTX_THREADS: '0' };

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER_URL, { env, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const pending = new Set<number>();
      let closing = false;
      const feed = (): void => {
        while (pending.size < IN_FLIGHT_PER_WORKER && queue.length > 0) {
          const id = queue.shift()!;
          pending.add(id);
          worker.postMessage({ id, file: files[id], options } satisfies FileJob);
        }
        if (pending.size === 0 && !closing) {
          closing = true;
          void worker.terminate();
        }
      };
      worker.on('message', (reply: FileReply) => {
        if (!pending.delete(reply.id)) return;
        results[reply.id] = 'error' in reply ? failedRead(files[reply.id], reply.error) : reply.results.map((r) => ({ ...r, fromWorker: true as const }));
        finished();
        feed();
      });
      const end = (): void => {
        // Whatever a crashed worker still held is read again in the parent thread.
        for (const i of pending) orphaned.push(i);
        pending.clear();
        resolve();
      };
      worker.on('error', () => {
        closing = true;
        void worker.terminate();
      });
      worker.on('exit', end);
      feed();
    });

  await Promise.all(Array.from({ length: threads }, runWorker));
  // When every worker died, the jobs nobody took are left too.
  return [...orphaned, ...queue];
}

function failedRead(file: InputFile, reason: string): FileResult {
  return {
    account: { file: file.display, format: 'unknown', records: 1, decoded: 0, ignored: 0, rejected: [{ where: 'whole file', reason: `reader failed: ${reason}` }] },
    facts: [],
  };
}
