// Opens one input, sniffs its format from the first bytes and streams it through the matching reader.
import { createReadStream } from 'node:fs';
import type { Reader, ReaderContext, ReaderItem, InputFormat } from '../types.js';
import { describeFsError, type InputFile } from './inputs.js';
import { SNIFF_BYTES, sniffFormat, type InputKind, type Sniffed } from './sniff.js';
import { readEvtx } from './evtx/index.js';
import { makeXmlReader } from './xml/index.js';
import { readWholeText } from './whole-text.js';
import * as text from './text/index.js';
import { makeWmiCsvReader, makeWmiJsonReader, makeWmiListReader, makeWmiTableReader } from './wmi/readers.js';
import {
  DEFAULT_ARCHIVE_LIMITS, UNREAD_ARCHIVES, archiveStem, collect, formatBytes, peek, sniffArchive, walkGzip, walkTar, walkZip,
  type ArchiveItem, type ArchiveLimits, type Budget, type WalkContext,
} from './archive/index.js';

const CHUNK_BYTES = 64 * 1024;

/** One reader per input kind the sniffer can name (the type makes a missing one a compile error). */
const READERS: Record<Exclude<InputKind, 'unknown'>, (sniffed: Sniffed) => Reader> = {
  evtx: () => readEvtx,
  'xml-events': (s) => makeXmlReader(s.encoding),
  slmgr: (s) => readWholeText(s.encoding, 'slmgr'),
  ospp: (s) => readWholeText(s.encoding, 'ospp'),
  'wmi-list': (s) => makeWmiListReader(s.encoding),
  'wmi-table': (s) => makeWmiTableReader(s.encoding),
  'wmi-csv': (s) => makeWmiCsvReader(s.encoding),
  'wmi-json': (s) => makeWmiJsonReader(s.encoding),
  'text-network': (s) => readWholeText(s.encoding, 'network'),
  'text-paste': (s) => readWholeText(s.encoding, 'paste'),
  'csv-eventviewer': text.csvEventViewerReader,
  'tsv-eventviewer': text.tsvEventViewerReader,
  'csv-powershell': text.csvPowerShellReader,
  'text-wevtutil': text.textWevtutilReader,
  'text-eventviewer': text.textEventViewerReader,
  'text-powershell-list': text.textPowerShellListReader,
  'json-powershell': text.jsonPowerShellReader,
  'jsonl-events': text.jsonlEventsReader,
};

export interface OpenedInput {
  format: InputFormat;
  kind: InputKind;
  items: AsyncGenerator<ReaderItem>;
}

export async function openInput(file: InputFile, ctx: Omit<ReaderContext, 'file'> = {}, stdin?: NodeJS.ReadableStream): Promise<OpenedInput> {
  const stream = file.path === '-' ? (stdin ?? process.stdin) : createReadStream(file.path, { highWaterMark: CHUNK_BYTES });
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  try {
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      head.push(chunk);
      headBytes += chunk.length;
    }
  } catch (error) {
    return failed(`cannot read: ${describeFsError(error as NodeJS.ErrnoException)}`);
  }
  // Exactly the first SNIFF_BYTES bytes: how the source happened to cut its chunks must not change the verdict.
  const sniffed = sniffFormat(Buffer.concat(head).subarray(0, SNIFF_BYTES));
  if (sniffed.kind === 'unknown') {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    return { format: sniffed.format, kind: sniffed.kind, items: oneRejection('whole file', sniffed.recognised ? sniffed.reason : `unknown format: ${sniffed.reason}`) };
  }
  const bytes = replay(head, iterator);
  const reader = READERS[sniffed.kind](sniffed);
  return { format: sniffed.format, kind: sniffed.kind, items: guard(reader(bytes, { ...ctx, file: file.display })) };

  function failed(reason: string): OpenedInput {
    return { format: 'unknown', kind: 'unknown', items: oneRejection('whole file', reason) };
  }
}

/** One file to read: a plain input, or an entry of an archive (its display reads `customer.zip!client01/x.evtx`). */
export interface OpenedEntry extends OpenedInput {
  file: InputFile;
}

export interface OpenInputsOptions {
  limits?: Partial<ArchiveLimits>;
  /** The whole file, already read (a small file is read in one call rather than streamed). */
  bytes?: Buffer;
}

/**
 * Opens one input as the files it holds: itself, or, for a zip, tar, tar.gz or gz, each entry in turn (nested
 * archives included). Each entry's items must be read before asking for the next entry: nothing is extracted
 * to disk, and at most one entry is open at a time. Entries not read (encrypted, past a limit, …) and damage to
 * the archive itself come as entries with one rejection each, so they are accounted like any file.
 */
export async function* openInputs(
  file: InputFile,
  ctx: Omit<ReaderContext, 'file'> = {},
  stdin?: NodeJS.ReadableStream,
  options: OpenInputsOptions = {},
): AsyncGenerator<OpenedEntry> {
  const stream = options.bytes ? undefined : file.path === '-' ? (stdin ?? process.stdin) : createReadStream(file.path, { highWaterMark: CHUNK_BYTES });
  const source = stream ? toBuffers(stream as AsyncIterable<Buffer | string>) : once(options.bytes!);
  const peeked = await peek(source, SNIFF_BYTES);
  if (peeked.error) {
    await peeked.all.return(undefined);
    yield { file, ...failedInput(`cannot read: ${describeFsError(peeked.error as NodeJS.ErrnoException)}`) };
    return;
  }
  const limits: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
  const archive: ArchiveLevel = { limits, budget: { expanded: 0 }, depth: 0 };
  try {
    yield* openBytes(file, peeked.head, peeked.all, ctx, archive);
  } finally {
    (stream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined)?.destroy?.();
  }
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

interface ArchiveLevel {
  limits: ArchiveLimits;
  budget: Budget;
  /** Archives around this input: 0 for what the user named. */
  depth: number;
}

async function* openBytes(
  file: InputFile,
  head: Buffer,
  all: AsyncGenerator<Buffer>,
  ctx: Omit<ReaderContext, 'file'>,
  level: ArchiveLevel,
): AsyncGenerator<OpenedEntry> {
  // The whole head: an Office document is told from a zip by the entry names in its first kilobytes.
  const kind = sniffArchive(head);
  if (!kind) {
    yield { file, ...openSniffed(file, head, all, ctx) };
    return;
  }
  if (kind !== 'zip' && kind !== 'gzip' && kind !== 'tar') {
    await all.return(undefined);
    yield { file, ...failedInput(UNREAD_ARCHIVES[kind]) };
    return;
  }
  if (level.depth >= level.limits.maxDepth) {
    await all.return(undefined);
    yield { file, ...failedInput(`an archive nested ${level.depth + 1} deep, past ${level.limits.maxDepth} (limit maxDepth): not read`) };
    return;
  }
  const walk: WalkContext = { display: file.display, limits: level.limits, budget: level.budget };
  // Where this archive's entries sit below the input the user named (see InputFile.entryPath).
  const base = file.entryPath?.at(-1) ?? file.display.split(/[\\/]/).pop() ?? file.display;
  const beside = file.entryPath?.slice(0, -1) ?? [];
  const inside = file.entryPath ? [...beside, archiveStem(base)] : [];
  const folderOf = (display: string): string => display.split(/[\\/]/).slice(0, -1).join('/') || '.';
  const rootFor = (replaces: boolean): string =>
    file.archiveRoot ?? (replaces ? folderOf(file.display) : [folderOf(file.display), archiveStem(base)].join('/'));
  let items: AsyncGenerator<ArchiveItem>;
  if (kind === 'zip') {
    if (file.path !== '-' && level.depth === 0) {
      // A zip on disk is read where it lies (its directory is at the end): the sniffing stream is not needed.
      await all.return(undefined);
      items = walkZip({ path: file.path }, walk);
    } else {
      // A zip inside a compressed entry or on standard input has no random access: it is held in memory, bounded.
      let collected;
      try {
        collected = await collect(all, level.limits.maxBufferedZipBytes);
      } catch (error) {
        yield { file, ...failedInput(`cannot read the zip: ${(error as Error).message}`) };
        return;
      }
      if ('tooLarge' in collected) {
        yield {
          file,
          ...failedInput(
            `a zip that is not a file on disk (inside another archive, or on standard input) is read in memory, and this one is larger than ${formatBytes(level.limits.maxBufferedZipBytes)} (limit maxBufferedZipBytes): extract the outer archive and pass the folder`,
          ),
        };
        return;
      }
      items = walkZip({ buffer: collected.buffer }, walk);
    }
  } else if (kind === 'tar') {
    items = walkTar(all, walk);
  } else {
    items = walkGzip(all, walk, base);
  }
  let yielded = 0;
  for await (const item of items) {
    yielded++;
    if (item.kind === 'problem') {
      yield { file, ...failedInput(item.reason, item.where) };
      continue;
    }
    const replaces = item.kind === 'entry' && item.replacesArchive === true;
    const entryFile: InputFile = {
      path: file.path,
      display: `${file.display}!${item.name.shown}`,
      entryPath: [...(replaces ? beside : inside), ...item.name.segments],
      archiveRoot: rootFor(replaces),
    };
    if (file.folderMachine !== undefined) entryFile.folderMachine = file.folderMachine;
    if (item.kind === 'skipped') {
      yield { file: entryFile, ...failedInput(item.reason) };
      continue;
    }
    const entryHead = await peek(item.bytes, SNIFF_BYTES);
    if (entryHead.error && entryHead.head.length === 0) {
      await entryHead.all.return(undefined);
      yield { file: entryFile, ...failedInput(`cannot read the entry: ${entryHead.error.message}`) };
      continue;
    }
    const oddities = item.name.oddities;
    for await (const opened of openBytes(entryFile, entryHead.head, entryHead.all, ctx, { ...level, depth: level.depth + 1 })) {
      yield oddities.length > 0 && opened.file === entryFile ? { ...opened, items: withNameWarning(opened.items, oddities) } : opened;
    }
  }
  if (yielded === 0) yield { file, ...failedInput('the archive holds no files') };
}

function openSniffed(file: InputFile, head: Buffer, all: AsyncGenerator<Buffer>, ctx: Omit<ReaderContext, 'file'>): OpenedInput {
  const sniffed = sniffFormat(head.subarray(0, SNIFF_BYTES));
  if (sniffed.kind === 'unknown') {
    void all.return(undefined);
    return { format: sniffed.format, kind: sniffed.kind, items: oneRejection('whole file', sniffed.recognised ? sniffed.reason : `unknown format: ${sniffed.reason}`) };
  }
  const reader = READERS[sniffed.kind](sniffed);
  return { format: sniffed.format, kind: sniffed.kind, items: guard(reader(all, { ...ctx, file: file.display })) };
}

function failedInput(reason: string, where = 'whole file'): OpenedInput {
  return { format: 'unknown', kind: 'unknown', items: oneRejection(where, reason) };
}

async function* withNameWarning(items: AsyncGenerator<ReaderItem>, oddities: string[]): AsyncGenerator<ReaderItem> {
  yield { kind: 'warning', warning: { where: 'entry name', reason: `the name holds ${oddities.join(', ')}: shown as given, never used as a path` } };
  yield* items;
}

async function* toBuffers(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

async function* replay(head: Buffer[], rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
  }
}

async function* oneRejection(where: string, reason: string): AsyncGenerator<ReaderItem> {
  yield { kind: 'rejected', rejection: { where, reason } };
}

/** An I/O error in the middle of a file ends that file with a rejection; what was read still counts. */
async function* guard(items: AsyncGenerator<ReaderItem>): AsyncGenerator<ReaderItem> {
  try {
    yield* items;
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const reason = err.code ? `read error: ${describeFsError(err)}` : `reader failed: ${err.message}`;
    yield { kind: 'rejected', rejection: { where: 'rest of file', reason } };
  }
}
