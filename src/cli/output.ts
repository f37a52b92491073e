// Where results go: a file (-o) or stdout. Diagnostics go to stderr, always.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
};

export async function emit(io: CliIo, text: string, out?: string): Promise<void> {
  if (out) await writeFile(out, text);
  else io.stdout(text);
}

/**
 * Writes a report given in pieces without ever joining it whole: to the file, else to stdout, in batches of
 * about 64 KiB.
 */
export async function emitChunks(io: CliIo, chunks: Iterable<string>, out?: string): Promise<void> {
  const file = out ? createWriteStream(out) : undefined;
  const failed = file ? new Promise<never>((_, reject) => file.once('error', reject)) : undefined;
  failed?.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!file) return io.stdout(text);
    if (!file.write(text)) await Promise.race([new Promise<void>((resolve) => file.once('drain', () => resolve())), failed]);
  };
  let batch: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    length += chunk.length;
    if (length >= 65_536) {
      await write(batch.join(''));
      batch = [];
      length = 0;
    }
  }
  if (batch.length) await write(batch.join(''));
  if (file) await Promise.race([new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve()))), failed]);
}

/** A usage error: commander's or ours. Exit code 2. */
export class UsageError extends Error {}

export function parseNow(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--now expects an ISO-8601 time such as 2024-03-08T00:00:00Z, found ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}
