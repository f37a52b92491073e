// A file worker: reads, decodes and accounts for one input at a time, and sends back only the facts.
// The parent starts it with VOLACT_EVTX_THREADS=0, so EVTX chunks decode here rather than in a second pool.
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../analyze.js';
import type { FileJob, FileReply } from './protocol.js';

const port = parentPort;
if (port) {
  port.on('message', (job: FileJob) => {
    analyzeFile(job.file, job.options).then(
      (result) => port.postMessage({ id: job.id, result } satisfies FileReply),
      (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies FileReply),
    );
  });
}
