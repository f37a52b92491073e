// Archives read as the files they hold: places, accounting, limits named in rejections, hostile names as data.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyze, rejectedCount, type InputAccount } from '../../src/analyze.js';
import { openInputs, type ArchiveLimits } from '../../src/ingest/index.js';
import type { ReaderItem } from '../../src/types.js';
import { filesBelow, makeGzip, makeTar, makeZip } from '../helpers/archive-writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'volact-archives-'));
const example = filesBelow('fixtures/example');
const slmgr = example.find((f) => f.name === 'example/client01/slmgr-dlv.txt')!.data;
const xml = example.find((f) => f.name === 'example/client02/Application.xml')!.data;

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

interface ReadEntry {
  file: string;
  kind: string;
  items: ReaderItem[];
}

/** Every entry of one input, read through openInputs with the given limits. */
async function entries(file: string, limits: Partial<ArchiveLimits> = {}): Promise<ReadEntry[]> {
  const out: ReadEntry[] = [];
  for await (const opened of openInputs({ path: file, display: path.basename(file) }, {}, undefined, { limits })) {
    const items: ReaderItem[] = [];
    for await (const item of opened.items) items.push(item);
    out.push({ file: opened.file.display, kind: opened.kind, items });
  }
  return out;
}

const rejections = (e: ReadEntry): string[] => e.items.flatMap((i) => (i.kind === 'rejected' ? [`${i.rejection.where}: ${i.rejection.reason}`] : []));
const warnings = (e: ReadEntry): string[] => e.items.flatMap((i) => (i.kind === 'warning' ? [`${i.warning.where}: ${i.warning.reason}`] : []));
const balanced = (a: InputAccount): boolean => a.records === a.decoded + a.ignored + rejectedCount(a);

describe('an archive is read as the files it holds', () => {
  it('a zip, tar, tar.gz and gz of each kind give entries with places inside the archive', async () => {
    const zip = write('snap.zip', makeZip(example.map((f) => ({ name: f.name, data: f.data }))));
    const tarFile = write('snap.tar', await makeTar(example.map((f) => ({ name: f.name, data: f.data }))));
    const tgz = write('snap.tgz', makeGzip(await makeTar(example.map((f) => ({ name: f.name, data: f.data })))));
    const gz = write('client01-slmgr-dlv.txt.gz', makeGzip(slmgr));
    const names = example.map((f) => f.name);
    const kinds = ['xml-events', 'slmgr', 'xml-events', 'xml-events', 'slmgr'];
    for (const [file, base] of [[zip, 'snap.zip'], [tarFile, 'snap.tar'], [tgz, 'snap.tgz']] as const) {
      const read = await entries(file);
      expect(read.map((e) => e.file)).toEqual(names.map((n) => `${base}!${n}`));
      expect(read.map((e) => e.kind)).toEqual(kinds);
      expect(read.every((e) => rejections(e).length === 0)).toBe(true);
    }
    const single = await entries(gz);
    expect(single.map((e) => [e.file, e.kind])).toEqual([['client01-slmgr-dlv.txt.gz!client01-slmgr-dlv.txt', 'slmgr']]);
  });

  it('names the machine from folders and nested archives, as for a snapshot folder', async () => {
    const inner = makeZip([{ name: 'slmgr-dlv.txt', data: slmgr }]);
    const nested = write('customer.zip', makeZip([{ name: 'client07.zip', data: inner, method: 8 }, { name: 'logs/client08/slmgr-dli.txt', data: slmgr }]));
    const analysis = await analyze([nested], { now: '2024-03-07T12:00:00Z', threads: 0 });
    expect(analysis.inputs.map((i) => i.file)).toEqual([`${nested}!client07.zip!slmgr-dlv.txt`, `${nested}!logs/client08/slmgr-dli.txt`]);
    expect([...analysis.fleet.machines.values()].map((m) => m.name).sort()).toEqual(['client07', 'logs']);
    // One top folder that wraps everything is the snapshot folder itself: the folders below it are machines.
    const wrapped = write('wrapped.zip', makeZip([{ name: 'nightly/client07/slmgr-dlv.txt', data: slmgr }, { name: 'nightly/client08/slmgr-dlv.txt', data: slmgr }]));
    const second = await analyze([wrapped], { now: '2024-03-07T12:00:00Z', threads: 0 });
    expect([...second.fleet.machines.values()].map((m) => m.name).sort()).toEqual(['client07', 'client08']);
  });
});

describe('hostile archives are data', () => {
  it('names that climb out, start at a root or a drive, or hold controls are shown escaped, warned about and never used as paths', async () => {
    const before = readdirSync(dir).sort();
    const file = write('slip.zip', makeZip([
      { name: '../../evil/slmgr-dlv.txt', data: slmgr },
      { name: '/etc/cron.d/Application.xml', data: xml },
      { name: 'C:\\Windows\\System32\\x.xml', data: xml },
      { name: 'red\u001b[31m\u202eflipped.xml', data: xml },
    ]));
    const read = await entries(file);
    expect(read.map((e) => e.file)).toEqual([
      'slip.zip!../../evil/slmgr-dlv.txt',
      'slip.zip!/etc/cron.d/Application.xml',
      'slip.zip!C:/Windows/System32/x.xml',
      'slip.zip!red\\u{001b}[31m\\u{202e}flipped.xml',
    ]);
    expect(read.map((e) => warnings(e)[0])).toEqual([
      'entry name: the name holds ".." segments: shown as given, never used as a path',
      'entry name: the name holds an absolute path: shown as given, never used as a path',
      'entry name: the name holds a drive letter (C:): shown as given, never used as a path',
      'entry name: the name holds control or bidi characters (shown escaped): shown as given, never used as a path',
    ]);
    // The contents are read all the same (they are only bytes), and nothing was written anywhere.
    expect(read.map((e) => e.items.filter((i) => i.kind === 'event' || i.kind === 'document').length)).toEqual([1, 2, 2, 2]);
    expect(readdirSync(dir).sort()).toEqual([...before, 'slip.zip'].sort());
    expect(readdirSync(path.dirname(dir)).includes('evil')).toBe(false);
  });

  it('a declared zip bomb is not read, a lying one is stopped while it streams, and the rest of the archive counts', async () => {
    const zeros = Buffer.alloc(48 * 1024 * 1024);
    const file = write('bomb.zip', makeZip([
      { name: 'bomb.xml', data: zeros },
      // Starts like an export so a reader streams it: the bound must stop it mid-stream, whatever the header said.
      { name: 'liar.xml', data: Buffer.concat([Buffer.from('<Events>'), Buffer.alloc(48 * 1024 * 1024, 0x20)]), declaredSize: 1000 },
      { name: 'client01/slmgr-dlv.txt', data: slmgr },
    ]));
    const analysis = await analyze([file], { now: '2024-03-07T12:00:00Z', threads: 0 });
    const [bomb, liar, good] = analysis.inputs;
    expect(bomb.rejected[0].reason).toBe("not read: declares 1029:1 compression (48 MiB from 47.8 KiB), past 250:1: a zip bomb, not an export (limit maxRatio)");
    expect(liar.format).toBe('xml');
    expect(liar.rejected.at(-1)).toEqual({
      where: 'rest of file',
      reason: expect.stringMatching(/^read error: the entry expands \d+:1 \(32(\.\d)? MiB from 4\d\.\d KiB\), past 250:1: a zip bomb, not an export; the rest was not read \(limit maxRatio\)$/),
    });
    expect(good).toMatchObject({ file: `${file}!client01/slmgr-dlv.txt`, format: 'slmgr', records: 1, decoded: 1 });
    expect(analysis.inputs.every(balanced)).toBe(true);
  });

  it('per-entry and total sizes, entry count and nesting depth are bounded, each limit named', async () => {
    const many = write('many.zip', makeZip(Array.from({ length: 12 }, (_, i) => ({ name: `m${i}/slmgr-dlv.txt`, data: slmgr }))));
    const counted = await entries(many, { maxEntries: 10 });
    expect(counted).toHaveLength(11);
    expect(rejections(counted[10])).toEqual(['entry 11: 2 entries past the first 10 were not read (limit maxEntries)']);
    expect(counted[10].file).toBe('many.zip');

    const big = await entries(many, { maxEntryBytes: 100 });
    expect(rejections(big[0])[0]).toMatch(/declares \d+ bytes expanded, past 100 bytes \(limit maxEntryBytes\)$/);
    const total = await entries(many, { maxTotalBytes: slmgr.length * 3 });
    expect(total.filter((e) => rejections(e).length === 0)).toHaveLength(3);
    expect(rejections(total[4])[0]).toMatch(/total expanded size of .* \(limit maxTotalBytes\)$/);

    let nested = makeZip([{ name: 'slmgr-dlv.txt', data: slmgr }]);
    for (let i = 5; i >= 1; i--) nested = makeZip([{ name: `level${i}.zip`, data: nested }]);
    const deep = await entries(write('deep.zip', nested), { maxDepth: 4 });
    expect(deep.map((e) => [e.file, rejections(e)])).toEqual([
      ['deep.zip!level1.zip!level2.zip!level3.zip!level4.zip', ['whole file: an archive nested 5 deep, past 4 (limit maxDepth): not read']],
    ]);
    const shallow = await entries(write('shallow.zip', nested), { maxDepth: 7 });
    expect(shallow.map((e) => [e.file, e.kind])).toEqual([['shallow.zip!level1.zip!level2.zip!level3.zip!level4.zip!level5.zip!slmgr-dlv.txt', 'slmgr']]);
  });

  it('encrypted entries and unsupported methods are rejections with a reason; the other entries are read', async () => {
    const file = write('locked.zip', makeZip([
      { name: 'secret.xml', data: xml, method: 0, flags: 1 },
      { name: 'lzma.xml', data: xml, method: 14 },
      { name: 'open.xml', data: xml },
    ]));
    const read = await entries(file);
    expect(read.map((e) => [e.file, rejections(e)])).toEqual([
      ['locked.zip!secret.xml', ['whole file: encrypted (password-protected) entry: volact cannot read it; ask for the export without a password']],
      ['locked.zip!lzma.xml', [expect.stringMatching(/^whole file: compressed with method 14 \(LZMA\), which volact does not read/)]],
      ['locked.zip!open.xml', []],
    ]);
    expect(read[2].items.filter((i) => i.kind === 'event')).toHaveLength(2);
  });

  it('a truncated tar.gz keeps the entries read before the cut and says where it stopped', async () => {
    const whole = makeGzip(await makeTar(example.map((f) => ({ name: f.name, data: f.data }))));
    const read = await entries(write('cut.tgz', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect(read.map((e) => [e.file, rejections(e)])).toEqual([
      ['cut.tgz!example/client01/Application.xml', []],
      ['cut.tgz!example/client01/slmgr-dlv.txt', []],
      ['cut.tgz!example/client02/Application.xml', []],
      ['cut.tgz!example/kms01/KeyManagementService.xml', ['rest of file: read error: the archive ends inside this entry (truncated): what was read before the cut still counts']],
      ['cut.tgz', ['after entry 4: the archive ends early (truncated): entries read before the cut still count']],
    ]);
    // What was read of the cut entry still counts.
    expect(read[3].items.filter((i) => i.kind === 'event').length).toBeGreaterThan(0);
  });

  it('a tar link is not followed, 7z and cab are named with the commands that extract them', async () => {
    const linked = await entries(write('links.tar', await makeTar([{ name: 'passwd', type: 'symlink', linkname: '/etc/passwd' }, { name: 'a/slmgr-dlv.txt', data: slmgr }])));
    expect(linked.map((e) => [e.file, rejections(e)])).toEqual([
      ['links.tar!passwd', ['whole file: a symbolic link, not followed: volact reads only bytes inside the archive']],
      ['links.tar!a/slmgr-dlv.txt', []],
    ]);
    const seven = await entries(write('x.7z', Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), Buffer.alloc(64)])));
    expect(rejections(seven[0])[0]).toMatch(/7-Zip archive.*7z x FILE -oFOLDER/);
    const cab = await entries(write('x.cab', Buffer.concat([Buffer.from('MSCF\0\0\0\0', 'latin1'), Buffer.alloc(64)])));
    expect(rejections(cab[0])[0]).toMatch(/expand FILE -F:\* FOLDER; Linux: cabextract -d FOLDER FILE/);
  });

  it('an empty archive and a zip on standard input are accounted, not lost', async () => {
    const empty = await entries(write('empty.zip', makeZip([])));
    expect(empty.map((e) => [e.file, rejections(e)])).toEqual([['empty.zip', ['whole file: the archive holds no files']]]);
    const zip = makeZip([{ name: 'client01/slmgr-dlv.txt', data: slmgr }]);
    const fromStdin: string[] = [];
    for await (const opened of openInputs({ path: '-', display: '<stdin>' }, {}, Readable.from([zip]))) {
      for await (const item of opened.items) fromStdin.push(`${opened.file.display} ${item.kind}`);
    }
    expect(fromStdin).toEqual(['<stdin>!client01/slmgr-dlv.txt document']);
  });

  it('Shift_JIS names from Japanese Windows Explorer (no UTF-8 flag) are decoded', async () => {
    const name = Buffer.from([0x83, 0x6e, 0x83, 0x93, 0x83, 0x68, 0x2e, 0x78, 0x6d, 0x6c]); // "ハンド.xml"
    const read = await entries(write('sjis.zip', makeZip([{ name, data: xml }])));
    expect(read[0].file).toBe('sjis.zip!ハンド.xml');
  });
});

describe('a zip of the bundled example snapshot', () => {
  it('gives the same report as the folder, only the places differ', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const zip = write('example.zip', makeZip(example.map((f) => ({ name: f.name, data: f.data }))));
    const args = ['--now', '2024-03-07T12:00:00Z'];
    const folder = await runCli(['analyze', 'fixtures/example', ...args]);
    const zipped = await runCli(['analyze', zip, ...args]);
    expect([zipped.code, folder.code]).toEqual([0, 0]);
    expect(folder.stdout).toContain('client01');
    // Markdown escapes the "!" of a place outside code spans; the generation time is the only other difference.
    const same = (md: string): string => md.split(`${zip}\\!example/`).join('fixtures/example/').split(`${zip}!example/`).join('fixtures/example/').replace(/^Generated \S+/m, 'Generated');
    expect(same(zipped.stdout)).toBe(same(folder.stdout));
    const folderJson = JSON.parse((await runCli(['analyze', 'fixtures/example', '-f', 'json', ...args])).stdout);
    const zippedJson = JSON.parse((await runCli(['analyze', zip, '-f', 'json', ...args])).stdout.split(`${zip}!example/`).join('fixtures/example/'));
    delete folderJson.generatedAt;
    delete zippedJson.generatedAt;
    expect(zippedJson).toEqual(folderJson);
    expect(folderJson.findings.length).toBeGreaterThan(0);
  });
});

describe('volact events on an archive', () => {
  it('prints each record with its place inside the archive', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const zip = write('events.zip', makeZip([{ name: 'client02/Application.xml', data: xml }]));
    const run = await runCli(['events', zip]);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { file: string }; eventId: number });
    expect(rows.map((r) => [r.source.file, r.eventId])).toEqual([
      [`${zip}!client02/Application.xml`, 12288],
      [`${zip}!client02/Application.xml`, 12289],
    ]);
  });
});
