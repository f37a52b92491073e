// Hostile EVTX: structures that loop, nest into themselves, multiply or claim impossible sizes. Each must end
// with a clear rejection of the damaged record (or chunk) and the records around it still decoded.
import { describe, expect, it } from 'vitest';
import { checkInput, EVTX_MUTATORS, readInput, recordStarts, chunkStarts, fixEvtxCrcs, Rng } from '../fuzz/lib/index.js';
import type { ReaderItem } from '../../src/types.js';
import { writeEvtx } from '../helpers/evtx-writer.js';
import { sppEvents } from '../fuzz/evtx-seeds.js';
import { fileWithRecords, stringArray, templateRecord, utf16, type FragmentBuilder } from './binxml-builder.js';

const events = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const rejections = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
const read = (file: Buffer) => readInput(file, { filter: false, chunkSize: 65536 });
const ALL_CHECKS = { filter: false, chunkSize: 4096, compareFilter: true, compareChunking: true, compareAccount: true } as const;

/** <Event><System><EventID>{value 1}</EventID><Computer>PC</Computer></System><EventData>…</EventData></Event> */
function eventTemplate(payload: (t: FragmentBuilder) => void) {
  return (t: FragmentBuilder): void => {
    t.open('Event').open('System').open('EventID').sub(1, 0x01).close().open('Computer').text('PC').close().close();
    t.open('EventData');
    payload(t);
    t.close().close();
  };
}
const good = (at: number, id: number): Buffer =>
  templateRecord(at, id, eventTemplate((t) => t.open('Data').sub(0, 0x01).close()), [utf16(`good ${id}`), utf16('12288')]);

/** Records built one after another at their chunk offsets. */
function records(...makers: Array<(at: number, id: number) => Buffer>): Buffer {
  return fileWithRecords((start) => {
    const out: Buffer[] = [];
    let at = start;
    makers.forEach((make, i) => {
      const rec = make(at, i + 1);
      out.push(rec);
      at += rec.length;
    });
    return out;
  });
}

describe('hostile EVTX', () => {
  it('rejects a record whose array substitutions nest into 1000^8 elements, and reads the records around it', async () => {
    const bomb = (at: number, id: number): Buffer =>
      templateRecord(at, id, eventTemplate((t) => {
        for (let d = 0; d < 8; d++) t.open('Data').sub(0, 0x81);
        for (let d = 0; d < 8; d++) t.close();
      }), [stringArray(Array.from({ length: 1000 }, (_, i) => `v${i}`)), utf16('12288')]);
    const file = records(good, bomb, good);
    const r = await read(file);
    expect(events(r.items).map((e) => e.data)).toEqual([['good 1'], ['good 3']]);
    expect(rejections(r.items)).toHaveLength(1);
    expect(rejections(r.items)[0].where).toMatch(/^record 2 at offset 0x/);
    expect(rejections(r.items)[0].reason).toMatch(/expands to more than 50000 elements/);
  });

  it('stops a chunk whose records each expand just under the record bound, and still accounts for every record', async () => {
    // 40 records of about 45 000 elements each: past the chunk bound of 10^6 after some 22 of them.
    const heavy = (at: number, id: number): Buffer =>
      templateRecord(at, id, eventTemplate((t) => t.open('Data').sub(0, 0x81).open('Data').sub(0, 0x81).close().close()), [
        stringArray(Array.from({ length: 150 }, (_, i) => `${i}`)), utf16('12288'),
      ]);
    const file = records(...Array.from({ length: 40 }, () => heavy));
    const r = await read(file);
    expect(events(r.items).length + rejections(r.items).length).toBe(40);
    expect(rejections(r.items).at(-1)!.reason).toMatch(/chunk's records expand to more than 1000000 elements/);
    expect(events(r.items).length).toBeGreaterThan(10);
  });

  it('rejects a template that contains an instance of itself, every time it is used', async () => {
    const selfNested = (at: number, id: number): Buffer =>
      templateRecord(at, id, eventTemplate((t) => t.selfInstance()), [utf16('x'), utf16('12288')]);
    const r = await read(records(good, selfNested, good, selfNested));
    expect(events(r.items).map((e) => e.data[0])).toEqual(['good 1', 'good 3']);
    expect(rejections(r.items).map((x) => x.reason)).toEqual([expect.stringMatching(/template refers to itself/), expect.stringMatching(/template refers to itself/)]);
  });

  it('reads every record of a chunk that claims 2^32 records', async () => {
    const file = writeEvtx(sppEvents(30));
    const c = chunkStarts(file)[0];
    file.writeBigUInt64LE(file.readBigUInt64LE(c + 8) + 0x1_0000_0000n, c + 16);
    file.writeBigUInt64LE(file.readBigUInt64LE(c + 24) + 0x1_0000_0000n, c + 32);
    file.writeUInt32LE(0xffffffff, c + 44);
    fixEvtxCrcs(file);
    const r = await read(file);
    expect(events(r.items)).toHaveLength(30);
    expect(rejections(r.items)).toEqual([]);
  });

  it('rejects a record whose size runs past the chunk, after reading the records before it', async () => {
    const file = writeEvtx(sppEvents(30));
    const recs = recordStarts(file, chunkStarts(file)[0]);
    file.writeUInt32LE(0xffffffff, recs[10] + 4);
    fixEvtxCrcs(file);
    const r = await read(file);
    expect(events(r.items)).toHaveLength(10);
    expect(rejections(r.items)).toHaveLength(1);
    expect(rejections(r.items)[0].reason).toMatch(/record size 4294967295 does not fit the chunk/);
  });

  it('splices: N good records around one with broken BinXML give N events and one rejection', async () => {
    const file = writeEvtx(sppEvents(31));
    const recs = recordStarts(file, chunkStarts(file)[0]);
    file[recs[15] + 24] = 0xff; // the first token of the record body
    fixEvtxCrcs(file);
    const r = await read(file);
    expect(events(r.items)).toHaveLength(30);
    expect(events(r.items).map((e) => e.recordId)).not.toContain(16);
    expect(rejections(r.items)).toEqual([expect.objectContaining({ where: expect.stringMatching(/^record 16 at offset/), reason: expect.stringMatching(/unexpected BinXML token 0xff/) })]);
  });

  it('survives offsets at themselves, looping string tables and self-nesting templates (seeded structural mutations)', async () => {
    const base = writeEvtx(sppEvents(12));
    for (const mutator of EVTX_MUTATORS) {
      for (let seed = 1; seed <= 12; seed++) {
        const input = mutator.apply(base, new Rng(seed * 7919), { others: [], dictionary: [] });
        const result = await checkInput(input, ALL_CHECKS);
        expect(result.violations, `${mutator.name} seed ${seed}`).toEqual([]);
        expect(result.records, `${mutator.name} seed ${seed}`).toBeGreaterThan(0);
      }
    }
  });
});
