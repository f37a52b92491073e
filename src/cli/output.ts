// Where results go: a file (-o) or stdout. Diagnostics go to stderr, always.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { english, langFromEnv, LANGS, msg, pickLang, render, type Lang, type MessageRef } from '../messages/index.js';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes to stdout and resolves when the stream can take more (backpressure); stdout() when absent. */
  write?: (text: string) => Promise<void>;
  stdin?: NodeJS.ReadableStream;
  /** Environment the language is read from (LC_ALL, LC_MESSAGES, LANG); process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Language of this run's messages, set by main from --lang or the environment. */
  lang?: Lang;
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

/** A usage error: commander's or ours. Exit code 2. The message is shown in the run's language. */
export class UsageError extends Error {
  readonly ref: MessageRef;
  constructor(ref: MessageRef | string) {
    const message = typeof ref === 'string' ? msg('common.value', { value: ref }) : ref;
    super(english(message));
    this.ref = message;
  }
}

/** "--format expects one of md, html, found "x"". */
export function expectsOneOf(option: string, allowed: readonly string[], found: string): UsageError {
  return new UsageError(msg('cli.expects-one-of', { option, allowed: allowed.join(', '), found: JSON.stringify(found) }));
}

/** A line on stderr in the run's language. */
export function tell(io: CliIo, ref: MessageRef): void {
  io.stderr(`${render(ref, io.lang ?? 'en')}\n`);
}

/** The run's language: --lang (also --lang=x) when it names one we speak, else the environment. */
export function langOfArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') flag = argv[i + 1];
    else if (argv[i].startsWith('--lang=')) flag = argv[i].slice('--lang='.length);
  }
  return pickLang(flag, env) ?? langFromEnv(env);
}

/** --lang checked: one of the languages we speak. */
export function parseLang(value: string | undefined, io: CliIo): Lang {
  if (value === undefined) return io.lang ?? 'en';
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw expectsOneOf('--lang', LANGS, value);
}

export function parseNow(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(msg('cli.expects-now', { found: JSON.stringify(value) }));
  return new Date(ms).toISOString();
}
