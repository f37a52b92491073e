// Opens one input, sniffs its format from the first bytes and streams it through the matching reader.
import { createReadStream } from 'node:fs';
import type { Reader, ReaderContext, ReaderItem, InputFormat } from '../types.js';
import { describeFsError, type InputFile } from './inputs.js';
import { SNIFF_BYTES, sniffFormat, type InputKind, type Sniffed } from './sniff.js';
import { readEvtx } from './evtx/index.js';
import { makeXmlReader } from './xml/index.js';
import { readWholeText } from './whole-text.js';
import * as text from './text/index.js';

const CHUNK_BYTES = 64 * 1024;

/** One reader per input kind the sniffer can name (the type makes a missing one a compile error). */
const READERS: Record<Exclude<InputKind, 'unknown'>, (sniffed: Sniffed) => Reader> = {
  evtx: () => readEvtx,
  'xml-events': (s) => makeXmlReader(s.encoding),
  slmgr: (s) => readWholeText(s.encoding, 'slmgr'),
  'text-network': (s) => readWholeText(s.encoding, 'network'),
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
    return { format: sniffed.format, kind: sniffed.kind, items: oneRejection('whole file', `unknown format: ${sniffed.reason}`) };
  }
  const bytes = replay(head, iterator);
  const reader = READERS[sniffed.kind](sniffed);
  return { format: sniffed.format, kind: sniffed.kind, items: guard(reader(bytes, { ...ctx, file: file.display })) };

  function failed(reason: string): OpenedInput {
    return { format: 'unknown', kind: 'unknown', items: oneRejection('whole file', reason) };
  }
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
