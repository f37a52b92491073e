// Messages between the file pool and its workers. Everything crossing the thread boundary is a plain object
// (structured clone): input file in, account and facts out.
import type { FileResult } from '../analyze.js';
import type { InputFile } from '../ingest/index.js';

export interface FileJobOptions {
  machine?: string;
  tz?: string;
}

export interface FileJob {
  id: number;
  file: InputFile;
  options: FileJobOptions;
}

export type FileReply = { id: number; result: FileResult } | { id: number; error: string };
