// XML splitter: searches that hostile text made repeat (a run of '<', '<Event ' starts without '>'), one
// rejection per '<Event' start in a damaged stretch, and an unclosed <Event> swallowing the good event after it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput, readInput } from '../../src/fuzz/index.js';
import type { ReaderItem } from '../../src/types.js';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));
const events = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const rejections = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
const ALL_CHECKS = { filter: false, chunkSize: 4096, compareFilter: true, compareChunking: true, compareAccount: true } as const;

describe('fuzz findings stay fixed', () => {
  for (const name of ['xml-event-starts-without-end.xml', 'xml-run-of-lt.xml', 'xml-unclosed-event-before-good.xml']) {
    it(`${name}: the good event at the end is read, whatever the chunking`, async () => {
      const bytes = found(name);
      expect((await checkInput(bytes, ALL_CHECKS)).violations).toEqual([]);
      for (const chunkSize of [1, 4096, bytes.length]) {
        const r = await readInput(bytes, { filter: false, chunkSize });
        expect(events(r.items).map((e) => e.recordId)).toEqual([7]);
        expect(rejections(r.items)).toHaveLength(1);
      }
    });
  }

  it('an EventID the pre-filter cannot read alone ("1<EventID></EventID>2288" is 12288) is parsed, not skipped', async () => {
    const bytes = found('xml-event-id-split-by-a-child.xml');
    expect((await checkInput(bytes, { ...ALL_CHECKS, filter: true })).violations).toEqual([]);
    const r = await readInput(bytes, { filter: true, chunkSize: 4096 });
    expect(events(r.items).map((e) => e.eventId)).toEqual([12288]);
    const doubled = Buffer.from(`<Event><!--<EventID>1</EventID>--><System><EventID>12288</EventID></System><EventData><Data>x</Data></EventData></Event>`);
    expect(events((await readInput(doubled, { filter: true, chunkSize: 4096 })).items).map((e) => e.eventId)).toEqual([12288]);
  });

  it('a 21 MB run of "<Event " starts without any ">" is one rejection for the stretch (used to be quadratic: hours)', async () => {
    const bytes = Buffer.from(`<Events>${'<Event '.repeat(3_000_000)}</Events>`);
    const r = await readInput(bytes, { filter: false, chunkSize: 65536 });
    expect(rejections(r.items).map((x) => x.reason)).toEqual([
      expect.stringMatching(/an <Event> longer than 4194304 characters without <\/Event>/),
      expect.stringMatching(/the input ends inside this <Event>/),
    ]);
  });

  it('a 3 MB run of "<" is skipped in one pass', async () => {
    const good = found('xml-run-of-lt.xml').toString('utf8').replace(/^<Events><+/, '');
    const r = await readInput(Buffer.from(`<Events>${'<'.repeat(3_200_000)}${good}`), { filter: false, chunkSize: 65536 });
    expect(events(r.items).map((e) => e.recordId)).toEqual([7]);
  });
});
