// Test helper: reads a fixture file through openInput (sniffing included) and collects what the reader yields.
import type { RawEvent, ReaderContext, Rejection } from '../../src/types.js';
import { openInput, type InputKind } from '../../src/ingest/index.js';

export interface ReadResult {
  kind: InputKind;
  events: RawEvent[];
  rejections: Rejection[];
  ignored: number;
}

export async function readFixture(path: string, ctx: Omit<ReaderContext, 'file'> = {}): Promise<ReadResult> {
  const opened = await openInput({ path, display: path }, ctx);
  const result: ReadResult = { kind: opened.kind, events: [], rejections: [], ignored: 0 };
  for await (const item of opened.items) {
    if (item.kind === 'event') result.events.push(item.event);
    else if (item.kind === 'rejected') result.rejections.push(item.rejection);
    else if (item.kind === 'ignored') result.ignored += item.count;
  }
  return result;
}

/** A reader fed from strings or buffers split at the given points, to test chunk boundaries. */
export async function* chunks(parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
}
