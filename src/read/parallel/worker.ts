// A file worker: reads, decodes and accounts for one input at a time (an archive with all its entries, or one
// byte range of a large file), and sends back only the facts.
// The parent starts it with VOLACT_EVTX_THREADS=0, so EVTX chunks decode here rather than in a second pool.
import { parentPort } from 'node:worker_threads';
import { analyzeInput } from '../input-file.js';
import { eventsRange } from '../events-range.js';
import { analyzeRange } from '../input-range.js';
import type { FileJob, FileReply } from './protocol.js';

const port = parentPort;
if (port) {
  port.on('message', (job: FileJob) => {
    // Facts cross to the parent as copies, and the parent shares their strings (see ReadOptions.compact).
    const options = { ...job.options, compact: false };
    const failed = (error: unknown): void => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies FileReply);
    if (job.range && job.events) {
      eventsRange(job.file, job.range, job.events).then((events) => port.postMessage({ id: job.id, events } satisfies FileReply), failed);
    } else if (job.range) {
      analyzeRange(job.file, job.range, options).then((range) => port.postMessage({ id: job.id, range } satisfies FileReply), failed);
    } else {
      analyzeInput(job.file, options).then((results) => port.postMessage({ id: job.id, results } satisfies FileReply), failed);
    }
  });
}
