// Where results go: a file (-o) or stdout. Diagnostics go to stderr, always.
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

/** A usage error: commander's or ours. Exit code 2. */
export class UsageError extends Error {}

export function parseNow(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--now expects an ISO-8601 time such as 2024-03-08T00:00:00Z, found ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}
