// Reads one byte range of a large XML or EVTX export, as a worker thread does when one file is split so that
// several threads read it at once (read/parallel/ranges.ts plans the ranges and joins the results). A range is read
// exactly as the whole file would be read from the range's first byte on; what it reports tells whether the
// ranges join up (XML) or where reading stopped (EVTX).
import { createReadStream } from 'node:fs';
import type { FactWithOwner, RecordSpan } from '../evidence/index.js';
import { ACTIVATION_EVENT_IDS } from '../decode/index.js';
import type { InputFile, TextEncoding } from '../ingest/index.js';
import { readEvtxWith, type EvtxReadStatus } from '../ingest/evtx/index.js';
import { makeXmlReader, type XmlRangeReport } from '../ingest/xml/index.js';
import type { InputAccount } from '../accounts/index.js';
import { readItems, type ReadOptions } from './input-file.js';
import type { InputFormat, ReaderContext, ReaderItem } from '../types.js';

/** One byte range of a file: [start, end). Ranges of one file tile it, in order. */
export interface ByteRange {
  start: number;
  end: number;
  index: number;
  /** The range that ends at the end of the file. */
  last: boolean;
  format: InputFormat;
  reader:
    | { kind: 'xml-events'; encoding: TextEncoding; bomLength: number }
    /** verifyCrc: the file header's checksum flag, read by the planner (later ranges do not see the header). */
    | { kind: 'evtx'; verifyCrc: boolean };
}

export interface RangeResult {
  account: InputAccount;
  facts: FactWithOwner[];
  /** The record ledger's parts (RecordLedger.parts): joined in file order, they give the file's spans. */
  spans: RecordSpan[];
  localTimes: number;
  /** XML: nothing was left over at the range's end, so the next range starts where this one ends. */
  clean: boolean;
  /** XML: newlines in the range, to number the lines of later ranges. */
  newlines: number;
  /** XML: <Event> elements found, and other root elements seen (for the file-level "no events" rejection). */
  events: number;
  otherRoots: string[];
  /** EVTX: how the read went (whether it stopped, chunks before the first good one), see EvtxReadStatus. */
  evtx: EvtxReadStatus;
}

/** Large reads: a range is tens of MB, and 64 KiB reads cost a fifth of what decoding the bytes does. */
const CHUNK_BYTES = 1024 * 1024;

/** The reader of one range, and the reports it fills in as it goes (see RangeResult). */
export interface OpenedRange {
  items: AsyncGenerator<ReaderItem>;
  xml: XmlRangeReport;
  evtx: EvtxReadStatus;
  close: () => void;
}

export function openRange(file: InputFile, range: ByteRange, ctx: ReaderContext, startLine = 1): OpenedRange {
  const stream = createReadStream(file.path, { start: range.start, end: range.end - 1, highWaterMark: CHUNK_BYTES });
  const xml: XmlRangeReport = { last: range.last, startLine };
  const evtx: EvtxReadStatus = { stopped: false, sawChunk: false, leadingBadChunks: 0 };
  let items: AsyncGenerator<ReaderItem>;
  if (range.reader.kind === 'xml-events') {
    // The BOM is at the start of the file only.
    const encoding = { encoding: range.reader.encoding, bomLength: range.index === 0 ? range.reader.bomLength : 0 };
    items = makeXmlReader(encoding, xml)(stream, ctx);
  } else {
    const continueAt = range.index === 0 ? undefined : { firstChunk: chunkIndexAt(range.start), verifyCrc: range.reader.verifyCrc };
    // Inside a file worker: no second pool of decoder threads.
    items = readEvtxWith(stream, ctx, { threads: 0, status: evtx, ...(continueAt ? { continueAt } : {}) });
  }
  return { items, xml, evtx, close: () => stream.destroy() };
}

export async function analyzeRange(file: InputFile, range: ByteRange, options: ReadOptions = {}): Promise<RangeResult> {
  const ctx = { file: file.display, filter: { eventIds: ACTIVATION_EVENT_IDS }, ...(options.tz ? { tz: options.tz } : {}) };
  const opened = openRange(file, range, ctx);
  try {
    const read = await readItems(file, range.format, opened.items, options);
    return {
      account: read.account,
      facts: read.facts,
      spans: read.ledger.parts(),
      localTimes: read.localTimes,
      clean: opened.xml.clean ?? true,
      newlines: opened.xml.newlines ?? 0,
      events: opened.xml.events ?? 0,
      otherRoots: opened.xml.otherRoots ?? [],
      evtx: opened.evtx,
    };
  } finally {
    opened.close();
  }
}

/** EVTX chunks follow the 4 KiB file header, 64 KiB each. */
export function chunkIndexAt(offset: number): number {
  return (offset - 4096) / 65536;
}
