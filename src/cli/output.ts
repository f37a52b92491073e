// Where results go: a file (-o) or stdout. Diagnostics go to stderr, always.
//
// A reader that goes away (`volact events big.evtx | head -2`) is not an error: the next write throws
// OutputClosed, the command stops reading its inputs, and volact exits 0 without a word. An -o path
// that cannot be written is a usage error: one line, exit 2. Long reports are written in chunks, each
// waiting for the stream to drain (backpressure), so the whole text never sits in memory.
import type { WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { english, langFromEnv, LANGS, msg, pickLang, type Lang, type MessageId, type MessageRef } from '../messages/index.js';
import { speaker } from '../report/speaker.js';
import { parseTimeZone } from '../ingest/index.js';

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

/** Thrown by a write after the reader of stdout (or of an -o file) went away: the command stops quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed by its reader');
  }
}

/** stdout and stderr of this process; a broken pipe turns further writes into OutputClosed. */
function makeProcessIo(): CliIo {
  let closed = false;
  let watching = false;
  const watch = (): void => {
    if (watching) return;
    watching = true;
    // Without a listener, EPIPE is an unhandled 'error' event and Node prints a stack trace.
    process.stdout.on('error', () => {
      closed = true;
    });
    process.stderr.on('error', () => {
      // Nowhere left to say anything: stay quiet.
    });
  };
  return {
    stdout: (text) => {
      watch();
      if (closed || process.stdout.destroyed) throw new OutputClosed();
      process.stdout.write(text);
    },
    stderr: (text) => {
      watch();
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
    write: (text) => {
      watch();
      if (closed || process.stdout.destroyed) throw new OutputClosed();
      return drained(process.stdout, process.stdout.write(text));
    },
    stdin: process.stdin,
  };
}

/** Resolves when a stream that said "full" (`ok` false) can take more, or is gone. Never rejects. */
function drained(stream: NodeJS.WritableStream, ok: boolean): Promise<void> {
  if (ok) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}

export const processIo: CliIo = makeProcessIo();

/** Writes a whole result to the -o file, or to stdout. */
export async function emit(io: CliIo, text: string, out?: string): Promise<void> {
  if (!out) {
    io.stdout(text);
    return;
  }
  const file = await openOutput(out);
  file.write(text);
  await file.close();
}

/** Writes a report produced in chunks, waiting for each to drain, so the whole text never sits in memory. */
export async function emitChunks(io: CliIo, chunks: Iterable<string>, out?: string): Promise<void> {
  if (out) {
    const file = await openOutput(out);
    for (const chunk of chunks) await file.write(chunk);
    await file.close();
    return;
  }
  for (const chunk of chunks) {
    if (io.write) await io.write(chunk);
    else io.stdout(chunk);
  }
}

/**
 * An -o file opened for writing: write() throws at once when the file failed, else resolves when the stream
 * can take more; close() reports a late failure.
 */
export interface OutputFile {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creates or truncates) an -o file; a folder that does not exist or cannot be written is a UsageError. */
export async function openOutput(out: string): Promise<OutputFile> {
  let handle;
  try {
    handle = await open(out, 'w');
  } catch (error) {
    throw new UsageError(msg('cli.cannot-write', { file: out, why: describeFsError(error) }));
  }
  // The stream owns the FileHandle and closes it; a bare fd would be closed twice (once more when the handle is collected).
  const stream: WriteStream = handle.createWriteStream();
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const check = (): void => {
    if (failure) throw new UsageError(msg('cli.cannot-write', { file: out, why: describeFsError(failure) }));
  };
  return {
    write(text) {
      check();
      return drained(stream, stream.write(text));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.end(() => {
          try {
            check();
            resolve();
          } catch (error) {
            reject(error);
          }
        });
      }),
  };
}

const FS_REASONS = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EISDIR', 'EROFS', 'ENOSPC']);

/** Why a file cannot be written, in the catalog's words for the usual codes (the system's own text otherwise). */
function describeFsError(error: unknown): MessageRef | string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_REASONS.has(code)) return msg(`cli.fs.${code}` as MessageId, { code });
  return error instanceof Error ? error.message : String(error);
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

/** The run's language: set by main from --lang or the environment; read from the environment otherwise. */
export function runLang(io: CliIo): Lang {
  return io.lang ?? langFromEnv(io.env ?? process.env);
}

/** A line on stderr in the run's language. */
export function tell(io: CliIo, ref: MessageRef): void {
  io.stderr(`${speaker(runLang(io)).say(ref)}\n`);
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
  if (value === undefined) return runLang(io);
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw expectsOneOf('--lang', LANGS, value);
}

/** --tz: an IANA zone name or ±HH:MM, checked before anything is read (an unknown zone is a usage error). */
export function parseTz(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!parseTimeZone(value)) throw new UsageError(msg('cli.expects-tz', { found: JSON.stringify(value) }));
  return value;
}

export function parseNow(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(msg('cli.expects-now', { found: JSON.stringify(value) }));
  return new Date(ms).toISOString();
}
