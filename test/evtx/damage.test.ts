// Damaged input: every case ends, never throws, rejects only the damaged part with its place and
// reason, and keeps reading after it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixAllCrcs, fixChunkCrcs, recordOffsets, v, writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';
import { read } from './support.js';

const CHUNK = 65536;
const event = (i: number): EventSpec => ({
  provider: 'Microsoft-Windows-Security-SPP', channel: 'Application', computer: 'PC1', recordId: i + 1,
  eventId: 12288 + (i % 3), timeCreated: '2024-03-01T10:00:00Z',
  eventData: [{ name: 'Text', value: v.string(`record ${i + 1} `.repeat(20)) }, { name: 'N', value: v.uint32(i) }],
});
/** Three chunks of records. */
const sample = (): Buffer => writeEvtx(Array.from({ length: 300 }, (_, i) => event(i)));
const chunkAt = (n: number): number => 4096 + n * CHUNK;

describe('EVTX damage handling', () => {
  it('reads the undamaged sample completely', async () => {
    const file = sample();
    expect(file.length).toBeGreaterThanOrEqual(4096 + 3 * CHUNK);
    const r = await read(file);
    expect(r.rejections).toEqual([]);
    expect(r.events).toHaveLength(300);
  });

  it('rejects a file that only claims to be EVTX, with a reason', async () => {
    const r1 = await read(Buffer.from('<Events><Event/></Events>'));
    expect(r1.events).toEqual([]);
    expect(r1.rejections).toHaveLength(1);
    expect(r1.rejections[0].reason).toMatch(/not an EVTX file.*found 3c4576656e74733e/);

    const r2 = await read(Buffer.alloc(0));
    expect(r2.rejections[0].reason).toMatch(/not an EVTX file.*empty file/);

    const r3 = await read(Buffer.from('ElfFile\0\x01\x02'));
    expect(r3.rejections[0].reason).toMatch(/file header truncated: 10 of 128 bytes/);

    // Signature followed by garbage: header damaged beyond use.
    const garbage = Buffer.alloc(4096 + 20 * CHUNK, 0x5a);
    garbage.write('ElfFile\0', 0, 'latin1');
    const r4 = await read(garbage);
    expect(r4.events).toEqual([]);
    expect(r4.rejections).toHaveLength(1);
    expect(r4.rejections[0].reason).toMatch(/header is damaged: checksum mismatch .* major version 23130/);
  });

  it('gives up on a valid header followed by no valid chunk at all', async () => {
    const file = Buffer.concat([sample().subarray(0, 4096), Buffer.alloc(40 * CHUNK, 0x77)]);
    const r = await read(file);
    expect(r.events).toEqual([]);
    expect(r.rejections.at(-1)!.reason).toMatch(/no valid chunk in the first 16 chunks/);
    expect(r.rejections.length).toBe(16);
  });

  it('reports a bad file header checksum and still reads the chunks', async () => {
    const file = sample();
    file.writeUInt32LE(file.readUInt32LE(124) ^ 1, 124);
    const r = await read(file);
    expect(r.events).toHaveLength(300);
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0]).toMatchObject({ where: 'file header at offset 0x0', offset: 0 });
    expect(r.rejections[0].reason).toMatch(/file header checksum mismatch: header says 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}/);
  });

  it('skips a chunk with a bad signature and reads the next one', async () => {
    const file = sample();
    file.write('XXXXXXXX', chunkAt(1), 'latin1');
    const r = await read(file);
    const firstChunk = (await read(sample())).events.filter((e) => e.source.offset! < chunkAt(1)).length;
    const secondChunk = (await read(sample())).events.filter((e) => e.source.offset! >= chunkAt(1) && e.source.offset! < chunkAt(2)).length;
    expect(r.events).toHaveLength(300 - secondChunk);
    expect(r.events[firstChunk].source.offset).toBe(chunkAt(2) + 512);
    expect(r.rejections).toEqual([{ where: `chunk 1 at offset 0x${chunkAt(1).toString(16)}`, offset: chunkAt(1), reason: expect.stringMatching(/bad chunk signature: expected 456c6643686e6b00.*found 5858585858585858/) }]);
  });

  it('reports a chunk header checksum mismatch and still reads its records', async () => {
    const file = sample();
    file[chunkAt(0) + 200] ^= 0xff; // inside the string table, covered by the header CRC
    const r = await read(file);
    expect(r.events).toHaveLength(300);
    // No record was lost: a warning, not a rejection (accounting counts rejections as records).
    expect(r.rejections).toHaveLength(0);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].reason).toMatch(/chunk header checksum mismatch/);
  });

  it('rejects a record with a broken size copy, skips the rest of its chunk, reads the next chunk', async () => {
    const file = sample();
    const offs = recordOffsets(file).filter((o) => o < chunkAt(1));
    const victim = offs[10];
    const size = file.readUInt32LE(victim + 4);
    file.writeUInt32LE(0xdead, victim + size - 4);
    const r = await read(file);
    expect(r.events).toHaveLength(300 - (offs.length - 10));
    expect(r.warnings.map((x) => x.reason)).toEqual([expect.stringMatching(/event records checksum mismatch/)]);
    const reasons = r.rejections.map((x) => x.reason);
    expect(reasons).toEqual([`record size copy mismatch: header says ${size}, trailer says ${0xdead}; rest of chunk skipped`]);
    expect(r.rejections[0].offset).toBe(victim);
    expect(r.rejections[0].where).toBe(`record 11 at offset 0x${victim.toString(16)} (chunk 0 at offset 0x1000)`);
    expect(r.events[10].source.offset).toBe(chunkAt(1) + 512);
  });

  it('rejects a record whose BinXML is broken but whose framing is sound, and reads the next record', async () => {
    const file = sample();
    const victim = recordOffsets(file)[5];
    file[victim + 24] = 0x77; // first BinXML token: not a fragment header or element
    fixChunkCrcs(file.subarray(chunkAt(0), chunkAt(1)));
    const r = await read(file);
    expect(r.events).toHaveLength(299);
    expect(r.events[5].recordId).toBe(7);
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0].reason).toMatch(/undecodable record: unexpected BinXML token 0x77/);
    expect(r.rejections[0].offset).toBe(victim);
  });

  it('reads a truncated file as far as it goes, and rejects the record the cut runs through (nothing is lost silently)', async () => {
    const file = sample();
    const offs = recordOffsets(file);
    const cut = offs[150] + 100; // in the middle of record 151
    const r = await read(file.subarray(0, cut));
    expect(r.events.map((e) => e.recordId)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0].where).toMatch(/^record 151 at offset 0x[0-9a-f]+ \(chunk \d+ at offset 0x[0-9a-f]+\)$/);
    expect(r.rejections[0].reason).toMatch(/^the file ends inside this record \(100 of \d+ bytes\): truncated file$/);
    // Cut inside a record's header: the chunk says where its records were lost.
    const inHeader = await read(file.subarray(0, offs[150] + 10));
    expect(inHeader.events).toHaveLength(150);
    expect(inHeader.rejections.map((x) => x.reason)).toEqual([expect.stringMatching(/^the file ends at offset 0x[0-9a-f]+, inside this chunk's records \(truncated file\): the records after offset 0x[0-9a-f]+ are lost$/)]);
  });

  it('treats a zero-filled tail as the end, not as damage', async () => {
    const file = Buffer.concat([writeEvtx(Array.from({ length: 10 }, (_, i) => event(i)), { zeroChunks: 5 }), Buffer.alloc(1234)]);
    const r = await read(file);
    expect(r.events).toHaveLength(10);
    expect(r.rejections).toEqual([]);
  });

  it('reads a dirty file (flag set, header chunk count stale) up to its last valid record', async () => {
    const file = sample();
    file.writeUInt32LE(1, 120); // dirty
    file.writeUInt16LE(1, 42); // header claims one chunk only
    fixAllCrcs(file);
    // The last chunk was being written: its second half is stale, its free-space offset beyond it.
    const last = chunkAt(2);
    const offs = recordOffsets(file).filter((o) => o >= last);
    file.fill(0, offs[3]);
    file.writeUInt32LE(CHUNK, last + 48);
    const r = await read(file);
    expect(r.events.at(-1)!.source.offset).toBe(offs[2]);
    expect(r.events).toHaveLength(300 - offs.length + 3);
  });

  it('ignores stored checksums when the file says it has none (flag 0x4)', async () => {
    const file = sample();
    file.writeUInt32LE(4, 120);
    for (const off of [124, chunkAt(0) + 52, chunkAt(0) + 124]) file.writeUInt32LE(0, off);
    const r = await read(file);
    expect(r.events).toHaveLength(300);
    expect(r.rejections).toEqual([]);
  });

  it('never throws or hangs on random damage, and accounts for what it read', async () => {
    const base = writeEvtx(Array.from({ length: 40 }, (_, i) => event(i)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (edits, fix) => {
          const file = Buffer.from(base);
          for (const [at, byte] of edits) file[at] = byte;
          if (fix) fixAllCrcs(file);
          const r = await read(file);
          expect(r.events.length).toBeLessThanOrEqual(40);
          for (const x of r.rejections) expect(x.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 20240301 },
    );
  });
});
