// `volact events` on one byte range of a large file, in a worker thread: the range's rows are written out as
// text here (formatting is a quarter of the work), in segments between the rejections and warnings, so the
// parent only writes them in file order (read/parallel/event-ranges.ts).
import { ACTIVATION_EVENT_IDS } from '../decode/index.js';
import { csvRow, jsonlRow } from '../report/events/index.js';
import { rowsOf } from './event-rows.js';
import type { EvtxReadStatus } from '../ingest/evtx/index.js';
import type { InputFile } from '../ingest/index.js';
import { openRange, type ByteRange } from './input-range.js';
import type { Rejection } from '../types.js';

export interface EventsRangeJob {
  format: 'jsonl' | 'csv';
  all: boolean;
  tz?: string;
  /** The line the range starts on (the parent counts the newlines before it). */
  startLine: number;
}

/** What the range holds, in order: rows as text, rejections, warnings. */
export type EventsSegment =
  | { kind: 'text'; text: string; rows: number }
  | { kind: 'rejected'; rejection: Rejection }
  | { kind: 'warning'; warning: Rejection };

export interface EventsRangeResult {
  segments: EventsSegment[];
  /** See RangeResult: whether the range ended with nothing left over, and how an EVTX read went. */
  clean: boolean;
  events: number;
  otherRoots: string[];
  evtx: EvtxReadStatus;
}

/** Text segments of about this many characters. */
const SEGMENT_CHARS = 256 * 1024;

export async function eventsRange(file: InputFile, range: ByteRange, job: EventsRangeJob): Promise<EventsRangeResult> {
  const ctx = { file: file.display, ...(job.all ? {} : { filter: { eventIds: ACTIVATION_EVENT_IDS } }), ...(job.tz ? { tz: job.tz } : {}) };
  const opened = openRange(file, range, ctx, job.startLine);
  const segments: EventsSegment[] = [];
  let pending: string[] = [];
  let chars = 0;
  let rows = 0;
  const flush = (): void => {
    if (rows === 0) return;
    segments.push({ kind: 'text', text: pending.join(''), rows });
    pending = [];
    chars = 0;
    rows = 0;
  };
  try {
    for await (const item of rowsOf(file.display, opened.items, { all: job.all })) {
      if (item.kind === 'row') {
        const text = job.format === 'csv' ? csvRow(item.row) : jsonlRow(item.row);
        pending.push(text);
        chars += text.length;
        rows++;
        if (chars >= SEGMENT_CHARS) flush();
      } else if (item.kind === 'rejected') {
        flush();
        segments.push({ kind: 'rejected', rejection: item.rejection });
      } else if (item.kind === 'warning') {
        flush();
        segments.push({ kind: 'warning', warning: item.warning });
      }
    }
    flush();
    return { segments, clean: opened.xml.clean ?? true, events: opened.xml.events ?? 0, otherRoots: opened.xml.otherRoots ?? [], evtx: opened.evtx };
  } finally {
    opened.close();
  }
}
