// Where results go: a file (-o) or stdout. Diagnostics go to stderr, always.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes to stdout and resolves when the stream can take more (backpressure); stdout() when absent. */
  write?: (text: string) => Promise<void>;
  stdin?: NodeJS.ReadableStream;
}

/** Set once the reader of stdout went away (`volact … -f json | head`): the rest of the report has no reader. */
let stdoutGone = false;
let watching = false;

function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutGone = true;
  });
}

function writeStdout(text: string): Promise<void> {
  watchStdout();
  return new Promise((resolve) => {
    if (stdoutGone || process.stdout.write(text)) return resolve();
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.once('drain', done);
    process.stdout.once('close', done);
  });
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  write: writeStdout,
  stdin: process.stdin,
};

export async function emit(io: CliIo, text: string, out?: string): Promise<void> {
  if (out) await writeFile(out, text);
  else io.stdout(text);
}

/** Writes a report produced in chunks, waiting for each to drain, so the whole text never sits in memory. */
export async function emitChunks(io: CliIo, chunks: Iterable<string>, out?: string): Promise<void> {
  if (out) {
    await pipeline(Readable.from(chunks), createWriteStream(out));
    return;
  }
  for (const chunk of chunks) {
    if (io.write) await io.write(chunk);
    else io.stdout(chunk);
  }
}

/** A usage error: commander's or ours. Exit code 2. */
export class UsageError extends Error {}

export function parseNow(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--now expects an ISO-8601 time such as 2024-03-08T00:00:00Z, found ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}
