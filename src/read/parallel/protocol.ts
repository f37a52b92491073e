// Messages between the file pool and its workers. Everything crossing the thread boundary is a plain object
// (structured clone): input file in, account and facts out.
import type { FileResult } from '../../accounts/index.js';
import type { EventsRangeJob, EventsRangeResult } from '../events-range.js';
import type { ByteRange, RangeResult } from '../input-range.js';
import type { InputFile } from '../../ingest/index.js';

export interface FileJobOptions {
  machine?: string;
  tz?: string;
}

export interface FileJob {
  id: number;
  file: InputFile;
  options: FileJobOptions;
  /** One byte range of a large file (see ranges.ts); absent: the whole input. */
  range?: ByteRange;
  /** With a range: its rows for `volact events` rather than its facts (see event-ranges.ts). */
  events?: EventsRangeJob;
}

/** One result per file read (one for a plain file, one per entry for an archive), or one range's result. */
export type FileReply =
  | { id: number; results: FileResult[] }
  | { id: number; range: RangeResult }
  | { id: number; events: EventsRangeResult }
  | { id: number; error: string };
