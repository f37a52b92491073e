// Messages between the file pool and its workers. Everything crossing the thread boundary is a plain object
// (structured clone): input file in, account and facts out.
import type { FileResult } from '../read-input-file.js';
import type { ByteRange, RangeResult } from '../read-input-range.js';
import type { InputFile } from '../ingest/index.js';

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
}

/** One result per file read (one for a plain file, one per entry for an archive), or one range's result. */
export type FileReply = { id: number; results: FileResult[] } | { id: number; range: RangeResult } | { id: number; error: string };
