// Shared helpers for the EVTX tests: feed a file image to the reader, collect what it yields.
import { readEvtx } from '../../src/ingest/evtx/index.js';
import type { EventFilter, RawEvent, ReaderItem, Rejection } from '../../src/types.js';

/** The image as a stream of pieces of `piece` bytes, like a file or stdin would deliver it. */
export async function* pieces(b: Buffer, piece = 65536): AsyncGenerator<Buffer> {
  for (let o = 0; o < b.length; o += piece) yield b.subarray(o, Math.min(b.length, o + piece));
}

export interface Collected {
  events: RawEvent[];
  rejections: Rejection[];
  warnings: Rejection[];
  ignored: number;
  items: ReaderItem[];
}

export async function collect(input: AsyncIterable<Buffer>, filter?: EventFilter, file = 'test.evtx'): Promise<Collected> {
  const out: Collected = { events: [], rejections: [], warnings: [], ignored: 0, items: [] };
  for await (const it of readEvtx(input, { file, filter })) {
    out.items.push(it);
    if (it.kind === 'event') out.events.push(it.event);
    else if (it.kind === 'rejected') out.rejections.push(it.rejection);
    else if (it.kind === 'warning') out.warnings.push(it.warning);
    else if (it.kind === 'ignored') out.ignored += it.count;
  }
  return out;
}

export const read = (b: Buffer, filter?: EventFilter, piece?: number): Promise<Collected> => collect(pieces(b, piece), filter);
