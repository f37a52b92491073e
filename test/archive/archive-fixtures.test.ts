// The committed archives under fixtures/archives/ are exactly what test/archive/make-archive-fixtures.ts writes,
// and each hostile one is read as described: rejections name the limit or the reason, the rest still counts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, rejectedCount } from '../../src/analyze.js';
import { ARCHIVE_FIXTURES, archiveFixtures } from './make-archive-fixtures.js';

const NOW = '2024-03-07T12:00:00Z';
const fixture = (name: string): string => path.relative(process.cwd(), path.join(ARCHIVE_FIXTURES, name));

async function accounts(name: string): Promise<Array<[string, string, number, number, string[]]>> {
  const file = fixture(name);
  const { inputs } = await analyze([file], { now: NOW, threads: 0 });
  for (const i of inputs) expect(i.records).toBe(i.decoded + i.ignored + rejectedCount(i));
  return inputs.map((i) => [i.file.slice(file.length), i.format, i.records, i.decoded, i.rejected.map((r) => `${r.where}: ${r.reason}`)]);
}

describe('fixtures/archives', () => {
  it('are what the script writes', async () => {
    for (const [name, bytes] of await archiveFixtures()) expect(readFileSync(path.join(ARCHIVE_FIXTURES, name)).equals(bytes), name).toBe(true);
  });

  it('zip-slip names: read, shown escaped, never used as paths', async () => {
    expect((await accounts('hostile/slip-names.zip')).map((a) => a[0])).toEqual([
      '!../../evil/slmgr-dlv.txt', '!/etc/cron.d/Application.xml', '!C:/Windows/System32/x.xml', '!red\\u{001b}[31m\\u{202e}flipped.xml',
    ]);
  });

  it('bomb: the declared bomb is not read, the lying one stops at the ratio limit, the good entry counts', async () => {
    expect(await accounts('hostile/bomb.zip')).toEqual([
      ['!declared.xml', 'unknown', 1, 0, ['whole file: not read: declares 1028:1 compression (40.0 MiB from 39.8 KiB), past 250:1: a zip bomb, not an export (limit maxRatio)']],
      ['!lying.xml', 'xml', 1, 0, ['rest of file: read error: the entry expands 823:1 (32.0 MiB from 39.8 KiB), past 250:1: a zip bomb, not an export; the rest was not read (limit maxRatio)']],
      ['!client01/slmgr-dlv.txt', 'slmgr', 1, 1, []],
    ]);
  });

  it('encrypted and unsupported-method entries are rejections with reasons', async () => {
    const read = await accounts('hostile/encrypted.zip');
    expect(read.map((a) => [a[0], a[4][0]?.replace(/:.*/, '') ?? null, a[3]])).toEqual([
      ['!secret.xml', 'whole file', 0], ['!lzma.xml', 'whole file', 0], ['!client01/slmgr-dlv.txt', null, 1],
    ]);
    expect(read[0][4][0]).toMatch(/encrypted \(password-protected\)/);
    expect(read[1][4][0]).toMatch(/method 14 \(LZMA\)/);
  });

  it('truncated zip and tar.gz keep what was readable and say where they were cut', async () => {
    const zip = await accounts('hostile/truncated.zip');
    expect(zip.map((a) => [a[0], a[3]])).toEqual([
      ['!example/client01/Application.xml', 12], ['!example/client01/slmgr-dlv.txt', 1], ['!example/client02/Application.xml', 2], ['!example/kms01/slmgr-dlv.txt', 0], ['', 0],
    ]);
    expect(zip[3][4]).toEqual(['whole file: cannot read the entry: the data ends 660 bytes short (the archive was cut)']);
    expect(zip[4][4][0]).toMatch(/^central directory: the zip's central directory cannot be read .*; 4 entries were found from their own headers, then at entry 4: the zip ends inside this entry$/);
    const tgz = await accounts('hostile/truncated.tgz');
    expect(tgz.map((a) => [a[0], a[3], a[4]])).toEqual([
      ['!example/client01/Application.xml', 12, []],
      ['!example/client01/slmgr-dlv.txt', 1, []],
      ['!example/client02/Application.xml', 0, ['rest of file: read error: the archive ends inside this entry (truncated): what was read before the cut still counts']],
      ['', 0, ['after entry 3: the archive ends early (truncated): entries read before the cut still count']],
    ]);
  });

  it('nested archives: read as folders up to the depth limit, named past it', async () => {
    expect((await accounts('nested.zip')).map((a) => [a[0], a[1], a[3]])).toEqual([
      ['!client01.zip!slmgr-dlv.txt', 'slmgr', 1], ['!client01.zip!Application.xml', 'xml', 12], ['!client02.tgz!slmgr-dlv.txt', 'slmgr', 1],
    ]);
    const { fleet } = await analyze([fixture('nested.zip')], { now: NOW, threads: 0 });
    expect([...fleet.machines.values()].map((m) => m.name).sort()).toEqual(['client01.corp.contoso.com', 'client02']);
    expect(await accounts('hostile/nested-too-deep.zip')).toEqual([
      ['!level1.zip!level2.zip!level3.zip!level4.zip', 'unknown', 1, 0, ['whole file: an archive nested 5 deep, past 4 (limit maxDepth): not read']],
    ]);
  });
});
