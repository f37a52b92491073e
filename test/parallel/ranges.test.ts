// One large file read in byte ranges (src/read/parallel/ranges.ts, src/read/input-range.ts) must give exactly what
// one thread reading it whole gives: the same accounting (read = decoded + ignored + rejected), the same
// rejections with the same lines and offsets, the same facts in the same order, the same record ledger. The
// cuts are made small here so that every file is cut many times; where a byte scan cannot see that a cut is
// wrong (inside a comment, a CDATA section), the ranges must refuse to join so the file is read whole.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { rejectedCount, type FileResult } from '../../src/accounts/index.js';
import { analyzeFile, analyzeRange, type ByteRange } from '../../src/read/index.js';
import { joinRanges, planRanges } from '../../src/read/parallel/index.js';
import { denseExport } from '../helpers/dense-export.js';
import { writeEvtx, v, type EventSpec } from '../helpers/evtx-writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'volact-ranges-'));
let n = 0;
function fileOf(content: string | Buffer): { path: string; display: string } {
  const p = path.join(dir, `input-${n++}`);
  writeFileSync(p, content);
  return { path: p, display: path.basename(p) };
}

async function split(file: { path: string; display: string }, rangeBytes: number): Promise<{ ranges: ByteRange[]; joined: FileResult | undefined }> {
  const ranges = await planRanges(file, { minBytes: 0, rangeBytes });
  if (!ranges) throw new Error('the file was not split');
  const results = [];
  for (const r of ranges) results.push(await analyzeRange(file, r));
  return { ranges, joined: joinRanges(ranges, results) };
}

/** Split and whole give the same result, and the split really cut the file into several ranges. */
async function expectSameAsWhole(content: string | Buffer, rangeBytes: number, minRanges = 3): Promise<FileResult> {
  const file = fileOf(content);
  const whole = await analyzeFile(file);
  const { ranges, joined } = await split(file, rangeBytes);
  expect(ranges.length).toBeGreaterThanOrEqual(minRanges);
  expect(joined).toBeDefined();
  expect(joined!.account).toEqual(whole.account);
  expect(joined!.records).toEqual(whole.records);
  expect(joined!.facts).toEqual(whole.facts);
  const a = whole.account;
  expect(a.records).toBe(a.decoded + a.ignored + rejectedCount(a));
  return whole;
}

const EVENT = (rec: number, id: number, data: string, computer = 'pc01.contoso.test'): string =>
  `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-SPP" Guid="{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}" EventSourceName="Software Protection Platform Service"/><EventID Qualifiers="16384">${id}</EventID><Level>4</Level><TimeCreated SystemTime="2024-03-01T10:${String(rec % 60).padStart(2, '0')}:00.0000000Z"/><EventRecordID>${rec}</EventRecordID><Channel>Application</Channel><Computer>${computer}</Computer></System><EventData><Data>${data}</Data></EventData></Event>`;
const REQUEST = '0x0, 0x0, kms01.contoso.test:1688, 5d6c0001-1b2a-4c3d-8e4f-a5b6c7d8e9f0, 2024/03/01 10:00, 0, 2, 30240, 73111121-5638-40f6-bc11-f1d7b0d64300, 25';

describe('XML in byte ranges', () => {
  it('joins the dense export (clients, a host, unrelated events; one event per line) exactly', async () => {
    const whole = await expectSameAsWhole(denseExport({ clients: 40, targetBytes: 300_000 }), 20_000, 10);
    expect(whole.facts.length).toBeGreaterThan(200);
    expect(whole.account.ignored).toBeGreaterThan(50);
  });

  it('cuts inside events: every nominal cut moves on to the next <Event> start', async () => {
    const text = denseExport({ clients: 5, targetBytes: 100_000 });
    const file = fileOf(text);
    const ranges = (await planRanges(file, { minBytes: 0, rangeBytes: 7_000 }))!;
    for (const r of ranges.slice(1)) expect(text.slice(r.start, r.start + 7)).toMatch(/^<Event[\s>/]/);
    await expectSameAsWhole(text, 7_000);
  });

  it('numbers lines across ranges: rejections and facts in later ranges keep the whole file\'s lines (pretty-printed, wevtutil without a root)', async () => {
    const events: string[] = [];
    for (let i = 1; i <= 400; i++) {
      if (i % 50 === 0) events.push(EVENT(i, 12288, REQUEST).replace('<EventID Qualifiers="16384">12288', '<EventID Qualifiers="16384">12x88'));
      else if (i % 77 === 0) events.push(EVENT(i, 12288, REQUEST).replace('</Data>', '</Dta>'));
      else if (i % 31 === 0) events.push('junk between events\n' + EVENT(i, 12288, REQUEST));
      else events.push(EVENT(i, i % 3 === 0 ? 12288 : 1033, REQUEST));
    }
    const pretty = events.map((e) => e.replace(/></g, '>\r\n  <')).join('\r\n') + '\r\n';
    const whole = await expectSameAsWhole(pretty, 9_000, 8);
    const lines = whole.account.rejected.map((r) => r.line);
    expect(lines.length).toBeGreaterThan(10);
    expect(Math.max(...(lines as number[]))).toBeGreaterThan(5000);
    expect(whole.facts.some((f) => (f.fact.source.line ?? 0) > 5000)).toBe(true);
  });

  it('keeps the first 1000 rejections and counts the rest the same way', async () => {
    const events = Array.from({ length: 1600 }, (_, i) => EVENT(i + 1, 12288, REQUEST).replace('>12288<', '>-1<'));
    const whole = await expectSameAsWhole(`<Events>\n${events.join('\n')}\n</Events>\n`, 40_000, 5);
    expect(whole.account.rejected).toHaveLength(1000);
    expect(whole.account.rejectedOmitted).toBe(600);
  });

  it('reads UTF-16LE with a BOM (PowerShell 5.1 redirection), Japanese text included', async () => {
    const events = Array.from({ length: 300 }, (_, i) => EVENT(i + 1, 12288 + (i % 2), i % 2 ? '0x0, 0x0, 1, 0, 30, 120, 10080, 2024/03/01 10:00' : REQUEST, `クライアント${i % 7}.contoso.test`));
    const text = `<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>\r\n${events.join('\r\n')}\r\n</Events>\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const whole = await expectSameAsWhole(bytes, 30_000, 5);
    expect(whole.facts.length).toBeGreaterThan(250);
    const file = fileOf(bytes);
    const ranges = (await planRanges(file, { minBytes: 0, rangeBytes: 30_000 }))!;
    for (const r of ranges.slice(1)) {
      expect(r.start % 2).toBe(0);
      expect(bytes.toString('utf16le', r.start, r.start + 12)).toBe('<Event');
    }
  });

  it('refuses to join when a cut lands inside a comment, and the fallback read is the whole read', async () => {
    const before = Array.from({ length: 60 }, (_, i) => EVENT(i + 1, 12288, REQUEST)).join('\n');
    // A comment full of <Event> start tags: byte scanning finds cuts inside it.
    const comment = `<!-- ${Array.from({ length: 300 }, (_, i) => `<Event id="${i}">`).join(' ')} -->`;
    const after = Array.from({ length: 60 }, (_, i) => EVENT(i + 61, 12289, '0x0, 0x0, 1, 0, 30, 120, 10080, 2024/03/01 10:00')).join('\n');
    const text = `<Events>\n${before}\n${comment}\n${after}\n</Events>\n`;
    const file = fileOf(text);
    const { ranges, joined } = await split(file, 4_000);
    const cutInComment = ranges.some((r) => r.start > text.indexOf('<!--') && r.start < text.indexOf('-->'));
    expect(cutInComment).toBe(true);
    expect(joined).toBeUndefined();
  });

  it('refuses to join when a cut lands inside a CDATA section of an event', async () => {
    const cdata = `<![CDATA[${Array.from({ length: 2000 }, () => '<Event >').join('')}]]>`;
    const events = Array.from({ length: 80 }, (_, i) => EVENT(i + 1, 12288, i === 40 ? cdata : REQUEST)).join('\n');
    const text = `<Events>\n${events}\n</Events>\n`;
    const file = fileOf(text);
    const { ranges, joined } = await split(file, 5_000);
    const start = text.indexOf('<![CDATA[');
    expect(ranges.some((r) => r.start > start && r.start < text.indexOf(']]>'))).toBe(true);
    expect(joined).toBeUndefined();
  });

  it('an <Event> that never ends: a cut right after it refuses to join, a cut elsewhere joins exactly', async () => {
    const events = Array.from({ length: 100 }, (_, i) => EVENT(i + 1, 12288, REQUEST));
    events[50] = events[50].replace('</Event>', '');
    const text = `<Events>\n${events.join('\n')}\n</Events>\n`;
    const file = fileOf(text);
    const whole = await analyzeFile(file);
    expect(whole.account.rejected.map((r) => r.reason)).toEqual(['an <Event> without </Event> before the next <Event>']);
    // Ranges shorter than one event: every event starts a range, so the broken one's range ends inside it.
    const everyEvent = await split(file, 300);
    expect(everyEvent.ranges.some((r) => r.start === text.indexOf(events[51]))).toBe(true);
    expect(everyEvent.joined).toBeUndefined();
    // Two ranges, the broken event far from the cut.
    await expectSameAsWhole(text, text.length / 2 - 10_000, 2);
  });

  it('a file with no <Event> at all is not split', async () => {
    const file = fileOf(`<Other>${'<x/>'.repeat(20_000)}</Other>`);
    expect(await planRanges(file, { minBytes: 0, rangeBytes: 10_000 })).toBeUndefined();
  });
});

describe('EVTX in chunk ranges', () => {
  const spp = { provider: 'Microsoft-Windows-Security-SPP', providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}', channel: 'Application', computer: 'PC1.contoso.test' };
  const events: EventSpec[] = Array.from({ length: 3000 }, (_, i) => ({
    ...spp,
    recordId: i + 1,
    eventId: i % 4 === 0 ? 12288 : 1000 + (i % 7),
    qualifiers: 16384,
    level: 4,
    timeCreated: `2024-03-01T10:${String(i % 60).padStart(2, '0')}:00.1234567Z`,
    eventData: [{ value: v.string(REQUEST) }, { value: v.string(`padding ${'x'.repeat(i % 200)}`) }],
  }));

  it('joins a many-chunk file exactly, damage in a later range included', async () => {
    const bytes = writeEvtx(events);
    const chunks = (bytes.length - 4096) / 65536;
    expect(chunks).toBeGreaterThan(8);
    // A broken record in chunk 6, a broken chunk signature in chunk 8: rejections with absolute offsets.
    bytes.writeUInt32LE(0xdeadbeef, 4096 + 6 * 65536 + 512 + 4000);
    bytes.write('XXXX', 4096 + 8 * 65536, 'latin1');
    const whole = await expectSameAsWhole(bytes, 2 * 65536, 4);
    expect(whole.account.rejected.some((r) => (r.offset ?? 0) >= 4096 + 8 * 65536)).toBe(true);
    expect(whole.facts.length).toBeGreaterThan(100);
  });

  it('stops where the whole read stops: a file that only claims to be EVTX', async () => {
    const junk = Buffer.alloc(4096 + 40 * 65536, 0x41);
    writeEvtx([events[0]]).copy(junk, 0, 0, 4096);
    // The first range holds the 16 bad chunks after which the whole read gives up: it stops there too.
    const whole = await expectSameAsWhole(junk, 20 * 65536, 2);
    expect(whole.account.rejected.at(-1)?.reason).toMatch(/reading stopped/);
    // Shorter ranges: the run of bad chunks goes on past the first, so the ranges refuse to join.
    expect((await split(fileOf(junk), 6 * 65536)).joined).toBeUndefined();
  });

  const samples = path.resolve('../shared/samples/evtx/omerbenamram-evtx');
  it.skipIf(lacks('../shared/samples/evtx', existsSync(samples)))('joins real logs exactly (../shared samples)', async () => {
    for (const name of ['samples__security.evtx', 'samples__2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx', 'samples__sample_with_a_bad_chunk_magic.evtx']) {
      const whole = await expectSameAsWhole(readFileSync(path.join(samples, name)), 4 * 65536, 3);
      expect(whole.account.records).toBeGreaterThan(100);
    }
  });
});

describe('XML in byte ranges, generated inputs', () => {
  // Events, broken events, comments and CDATA holding <Event> tags, junk text, processing instructions, in any
  // order, cut at random range sizes: the ranges either join to exactly the whole read or refuse to join.
  const piece = fc.oneof(
    fc.integer({ min: 1, max: 9999 }).map((rec) => EVENT(rec, [12288, 12289, 1033][rec % 3], REQUEST)),
    fc.integer({ min: 1, max: 9999 }).map((rec) => EVENT(rec, 12288, REQUEST).replace('</Event>', '')),
    fc.integer({ min: 1, max: 9999 }).map((rec) => EVENT(rec, 12290, '<![CDATA[<Event > <Event/>]]>')),
    fc.integer({ min: 1, max: 40 }).map((n) => `<!-- ${'<Event a="1"> '.repeat(n)} -->`),
    fc.constantFrom('junk', '<?pi x?>', '<Other/>', '</Events>', '<Event/>', '&amp;', '\r\n', '\n\n', '<Event'),
  );
  it('joins exactly or refuses, never differs', async () => {
    const tally = { joined: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 5, maxLength: 60 }), fc.integer({ min: 200, max: 6000 }), fc.boolean(), async (pieces, rangeBytes, wide) => {
        const text = `<Events>\n${pieces.join('\n')}\n</Events>\n`;
        const content = wide ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : text;
        const file = fileOf(content);
        const whole = await analyzeFile(file);
        const ranges = await planRanges(file, { minBytes: 0, rangeBytes });
        if (!ranges) return;
        const results = [];
        for (const r of ranges) results.push(await analyzeRange(file, r));
        const joined = joinRanges(ranges, results);
        tally[joined ? 'joined' : 'refused']++;
        if (!joined) return;
        expect(joined.account).toEqual(whole.account);
        expect(joined.records).toEqual(whole.records);
        expect(joined.facts).toEqual(whole.facts);
      }),
      // A fixed seed: the same 150 inputs every run (found a failure? run with other seeds and pin it here).
      { numRuns: 150, seed: 20241207 },
    );
    // The property means something only if both outcomes happen.
    expect(tally.joined).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
  });
});
