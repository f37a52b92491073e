// The worker-thread path only exists in compiled JS (dist/), which `npm test` builds first. It must
// yield exactly what in-thread decoding yields, in the same order.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import type { ReaderContext, ReaderItem } from '../../src/types.js';
import { v, writeEvtx } from '../helpers/evtx-writer.js';
import { pieces } from './support.js';

const DIST = new URL('../../dist/ingest/evtx/index.js', import.meta.url);
const built = existsSync(DIST);

type ReadWith = (input: AsyncIterable<Buffer>, ctx: ReaderContext, opts: { threads?: number; warmupChunks?: number }) => AsyncGenerator<ReaderItem>;

describe.skipIf(lacks('dist/ (npm run build)', built))('EVTX worker threads', () => {
  it('yield the same items in the same order as in-thread decoding', async () => {
    const { readEvtxWith } = (await import(DIST.href)) as { readEvtxWith: ReadWith };
    const events = Array.from({ length: 1500 }, (_, i) => ({
      provider: 'P', channel: 'Application', computer: 'PC1', recordId: i + 1, eventId: 12288 + (i % 7), timeCreated: '2024-03-01T10:00:00Z',
      eventData: [{ name: 'Text', value: v.string(`record ${i + 1} `.repeat(10)) }],
    }));
    const file = writeEvtx(events);
    file.write('BROKEN!!', 4096 + 3 * 65536, 'latin1'); // one damaged chunk in the middle
    const run = async (threads: number): Promise<ReaderItem[]> => {
      const out: ReaderItem[] = [];
      for await (const it of readEvtxWith(pieces(file, 10000), { file: 'x.evtx', filter: { eventIds: new Set([12288, 12290]) } }, { threads, warmupChunks: 1 })) out.push(it);
      return out;
    };
    const inThread = await run(0);
    const threaded = await run(2);
    expect(threaded).toEqual(inThread);
    expect(inThread.some((x) => x.kind === 'rejected')).toBe(true);
    expect(inThread.filter((x) => x.kind === 'event').length).toBeGreaterThan(300);
  });
});
