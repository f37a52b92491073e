// A small pool of worker threads decoding chunks. Each worker answers in the order it was asked,
// and the caller awaits results in submission order, so output order never changes.
import { Worker } from 'node:worker_threads';
import type { ReaderItem } from '../../types.js';
import type { ChunkJob } from './chunk.js';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  job: Omit<ChunkJob, 'bytes'>;
}
export type WorkerReply = { id: number; items: ReaderItem[] } | { id: number; error: string };

interface Waiter {
  resolve: (items: ReaderItem[]) => void;
  reject: (e: Error) => void;
}

export class ChunkPool {
  private readonly workers: Worker[] = [];
  private readonly waiting: Array<Map<number, Waiter>> = [];
  private next = 0;
  private seq = 0;

  constructor(workerUrl: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(workerUrl);
      const waiting = new Map<number, Waiter>();
      w.on('message', (r: WorkerReply) => {
        const waiter = waiting.get(r.id);
        if (!waiter) return;
        waiting.delete(r.id);
        if ('error' in r) waiter.reject(new Error(r.error));
        else waiter.resolve(r.items);
      });
      const failAll = (e: Error): void => {
        for (const waiter of waiting.values()) waiter.reject(e);
        waiting.clear();
      };
      w.on('error', failAll);
      w.on('exit', (code) => failAll(new Error(`decoder thread exited with code ${code}`)));
      this.workers.push(w);
      this.waiting.push(waiting);
    }
  }

  run(job: ChunkJob): Promise<ReaderItem[]> {
    const i = this.next;
    this.next = (this.next + 1) % this.workers.length;
    const id = this.seq++;
    const { bytes, ...rest } = job;
    // BlockReader hands out unpooled buffers, so the whole ArrayBuffer can move to the worker.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
    const msg: WorkerRequest = { id, bytes: own, job: rest };
    return new Promise<ReaderItem[]>((resolve, reject) => {
      this.waiting[i].set(id, { resolve, reject });
      this.workers[i].postMessage(msg, [own.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
