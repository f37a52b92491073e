// A few small files are read faster in this thread than on workers: each worker loads volact's modules again
// before it reads anything (about 0.4 CPU-s), and the facts it sends back are copied. Measured on 2 cores at load
// 10-12, four dense XML files of 1, 2 and 4 MiB each (analyze -f json): two workers took 2.35/2.32/3.55 CPU-s and
// 7.1/8.1/6.1 s against 1.46/1.58/2.60 CPU-s and 4.5/6.2/4.6 s in this thread.
import { open, stat } from 'node:fs/promises';
import { sniffArchive, type InputFile } from '../../ingest/index.js';

/** Inputs holding fewer bytes than this in all are read in this thread unless threads were asked for. */
export const MIN_WORKER_BYTES = 32 * 1024 * 1024;
/** Enough of the head for every archive magic (tar's sits at byte 257). */
const HEAD_BYTES = 512;

/**
 * Whether `files` hold fewer than `limit` bytes in all and none is an archive (whose size says little about how
 * much it holds). Sizes are summed first and the summing stops at the limit, so a large snapshot costs a few
 * stat calls; only inputs already judged small are opened to look for archives.
 */
export async function smallInputs(files: readonly InputFile[], limit = MIN_WORKER_BYTES): Promise<boolean> {
  let total = 0;
  for (const file of files) {
    if (file.entryPath) return false;
    try {
      total += (await stat(file.path)).size;
    } catch {
      continue;
    }
    if (total >= limit) return false;
  }
  for (const file of files) {
    if (await startsAsArchive(file.path)) return false;
  }
  return true;
}

async function startsAsArchive(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
      return sniffArchive(head.subarray(0, bytesRead)) !== undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}
