// Native EVTX reader: file header, then 64 KiB chunks read one by one from the input stream and
// decoded either in this thread or, for larger files, by worker threads (chunks are independent).
// Results are always yielded in file order, and at most a few chunks are held at once.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Reader, ReaderContext, ReaderItem } from '../../types.js';
import { BlockReader } from './blocks.js';
import { chunkWhere, decodeChunk, type ChunkJob } from './chunk.js';
import {
  CHUNK_SIZE, FILE_HEADER_BLOCK, FILE_SIGNATURE, FLAG_NO_CRC32, hex8, isAllZero, parseFileHeader, startsWith,
} from './layout.js';
import { ChunkPool } from './pool.js';

export { decodeChunk, type ChunkJob } from './chunk.js';
export { FILE_SIGNATURE, CHUNK_SIZE, FILE_HEADER_BLOCK } from './layout.js';

/** True when `head` starts with the EVTX file signature "ElfFile\0". */
export function isEvtxMagic(head: Buffer): boolean {
  return startsWith(head, FILE_SIGNATURE);
}

export interface EvtxReadOptions {
  /** Decoder threads; 0 = decode in this thread. Default: see defaultThreads (VOLACT_EVTX_THREADS overrides). */
  threads?: number;
  /** Chunks decoded in this thread before threads are started, so small files skip the start-up cost. */
  warmupChunks?: number;
  /**
   * A later byte range of the file (see read/parallel/ranges.ts): the input starts at chunk `firstChunk`, without the
   * file header, whose checksum flag the caller read. The first range is read as a whole file that ends early.
   */
  continueAt?: { firstChunk: number; verifyCrc: boolean };
  /** Filled in while reading: see EvtxReadStatus. */
  status?: EvtxReadStatus;
}

/** How a read went, for joining byte ranges of one file (read/parallel/ranges.ts). */
export interface EvtxReadStatus {
  /** Reading stopped before the end of the input (a file that only claims to be EVTX). */
  stopped: boolean;
  /** A chunk with the chunk signature was seen. */
  sawChunk: boolean;
  /** Chunks without the signature (and not all zero) before the first that has it: they count toward giving up. */
  leadingBadChunks: number;
}

/** Whether the file header (its first 128 bytes) asks for chunk checksums to be verified. */
export function evtxVerifiesCrc(head: Buffer): boolean {
  return head.length < 128 || (parseFileHeader(head).flags & FLAG_NO_CRC32) === 0;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** Compiled JS only: when running from TypeScript sources (tests), workers cannot load the module. */
const WORKERS_AVAILABLE = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));
/** A run of bad chunks at the start of a file means it only claims to be EVTX: stop there. */
export const GIVE_UP_AFTER_BAD_CHUNKS = 16;

/**
 * Measured on the 2-core dev VM (scripts/bench-evtx.js): handing results back from a worker costs
 * about as much CPU as decoding them (structured clone), so with two cores worker threads use ~2×
 * the CPU and rarely finish sooner. They only pay with spare cores: one per core beyond the main
 * thread's, from 4 cores up.
 */
function defaultThreads(): number {
  const env = process.env.VOLACT_EVTX_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 4) : 0;
}

function rejected(where: string, reason: string, offset: number): ReaderItem {
  return { kind: 'rejected', rejection: { where, reason, offset } };
}

export const readEvtx: Reader = (input, ctx) => readEvtxWith(input, ctx, {});

export async function* readEvtxWith(input: AsyncIterable<Buffer>, ctx: ReaderContext, opts: EvtxReadOptions): AsyncGenerator<ReaderItem> {
  const blocks = new BlockReader(input);
  const threads = WORKERS_AVAILABLE ? (opts.threads ?? defaultThreads()) : 0;
  const warmup = opts.warmupChunks ?? 16;
  let pool: ChunkPool | undefined;
  const stop = (): void => {
    if (opts.status) opts.status.stopped = true;
  };
  try {
    let verifyCrc: boolean;
    if (opts.continueAt) {
      verifyCrc = opts.continueAt.verifyCrc;
    } else {
      const head = await blocks.read(FILE_HEADER_BLOCK);
      if (!head || head.length < FILE_SIGNATURE.length || !isEvtxMagic(head)) {
        const found = head ? head.subarray(0, 8).toString('hex') : 'an empty file';
        yield rejected('file header at offset 0x0', `not an EVTX file: expected signature 456c6646696c6500 ("ElfFile"), found ${found}`, 0);
        stop();
        return;
      }
      if (head.length < 128) {
        yield rejected('file header at offset 0x0', `file header truncated: ${head.length} of 128 bytes`, 0);
        stop();
        return;
      }
      const fh = parseFileHeader(head);
      verifyCrc = (fh.flags & FLAG_NO_CRC32) === 0;
      const crcBad = verifyCrc && fh.computedCrc !== fh.storedCrc;
      const shapeProblems: string[] = [];
      if (fh.majorVersion !== 3) shapeProblems.push(`major version ${fh.majorVersion} (expected 3)`);
      if (fh.headerSize !== 128) shapeProblems.push(`header size ${fh.headerSize} (expected 128)`);
      if (fh.blockSize !== FILE_HEADER_BLOCK) shapeProblems.push(`chunk data offset ${fh.blockSize} (expected 4096)`);
      if (crcBad && shapeProblems.length > 0) {
        yield rejected('file header at offset 0x0', `EVTX signature present but the header is damaged: checksum mismatch (header says ${hex8(fh.storedCrc)}, computed ${hex8(fh.computedCrc)}) and ${shapeProblems.join(', ')}`, 0);
        stop();
        return;
      }
      if (crcBad) {
        yield rejected('file header at offset 0x0', `file header checksum mismatch: header says ${hex8(fh.storedCrc)}, computed ${hex8(fh.computedCrc)}; chunks read anyway`, 0);
      } else if (shapeProblems.length > 0) {
        yield rejected('file header at offset 0x0', `unexpected file header values: ${shapeProblems.join(', ')}; chunks read anyway`, 0);
      }
    }

    const eventIds = ctx.filter?.eventIds ? [...ctx.filter.eventIds] : undefined;
    const pending: Array<Promise<ReaderItem[]>> = [];
    const maxInFlight = Math.max(2, threads * 3);
    // A later range of a file that had good chunks before: the give-up below was decided in the first range.
    let goodChunks = opts.continueAt ? 1 : 0;
    let badRun = 0;

    // Decoding in this thread copies everything it keeps out of the chunk, so one buffer serves all.
    const scratch = Buffer.allocUnsafeSlow(CHUNK_SIZE);
    for (let index = opts.continueAt?.firstChunk ?? 0; ; index++) {
      if (threads > 0 && !pool && index >= warmup) pool = new ChunkPool(WORKER_URL, threads);
      const bytes = await blocks.read(CHUNK_SIZE, pool ? undefined : scratch);
      if (!bytes) break;
      // A zero-filled tail (pre-allocated or cut) is not an error and needs no decoding.
      if (isAllZero(bytes)) continue;
      const job: ChunkJob = { bytes, index, fileOffset: FILE_HEADER_BLOCK + index * CHUNK_SIZE, file: ctx.file, verifyCrc, eventIds };
      const where = chunkWhere(job);
      const looksLikeChunk = bytes.length >= 8 && bytes.toString('latin1', 0, 8) === 'ElfChnk\0';
      if (opts.status && !opts.status.sawChunk) {
        if (looksLikeChunk) opts.status.sawChunk = true;
        else opts.status.leadingBadChunks++;
      }
      if (looksLikeChunk) {
        goodChunks++;
        badRun = 0;
      } else if (goodChunks === 0 && ++badRun >= GIVE_UP_AFTER_BAD_CHUNKS) {
        while (pending.length > 0) yield* (await pending.shift()!);
        yield rejected(where, `no valid chunk in the first ${badRun} chunks: file claims to be EVTX but is not; reading stopped`, job.fileOffset);
        stop();
        return;
      }
      if (pool) {
        pending.push(pool.run(job).catch((e: unknown) => [rejected(where, `internal decoder error: ${e instanceof Error ? e.message : String(e)}; chunk skipped`, job.fileOffset)]));
      } else {
        pending.push(Promise.resolve(decodeSafely(job, where)));
      }
      while (pending.length >= maxInFlight || (!pool && pending.length > 0)) yield* (await pending.shift()!);
    }
    while (pending.length > 0) yield* (await pending.shift()!);
  } finally {
    await blocks.close();
    if (pool) await pool.close();
  }
}

function decodeSafely(job: ChunkJob, where: string): ReaderItem[] {
  try {
    return decodeChunk(job);
  } catch (e) {
    // decodeChunk turns bad input into rejections; anything else is a bug, reported without crashing.
    return [rejected(where, `internal decoder error: ${e instanceof Error ? e.message : String(e)}; chunk skipped`, job.fileOffset)];
  }
}
