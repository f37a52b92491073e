// Worker-thread entry: decodes the chunks the main thread sends, one at a time, in arrival order.
import { parentPort } from 'node:worker_threads';
import { decodeChunk, type ChunkJob } from './chunk.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const job: ChunkJob = { ...msg.job, bytes: Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength) };
      reply = { id: msg.id, items: decodeChunk(job) };
    } catch (e) {
      reply = { id: msg.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
