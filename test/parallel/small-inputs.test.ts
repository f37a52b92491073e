// A few small inputs are read in this thread (workers would cost more to start than the reading): the judgement
// sums sizes up to the limit and never calls an archive small, whatever its size.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_WORKER_BYTES, smallInputs } from '../../src/read/parallel/small-inputs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'volact-small-'));
const file = (name: string, bytes: Buffer | string): { path: string; display: string } => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return { path: p, display: name };
};
const xml = (n: number): string => '<Events>' + '<Event/>'.repeat(n) + '</Events>';

describe('smallInputs', () => {
  const a = file('a.xml', xml(100)); // 817 bytes
  const b = file('b.xml', xml(200)); // 1617 bytes

  it('inputs under the limit in all: small', async () => {
    expect(await smallInputs([a, b], 2500)).toBe(true);
    expect(await smallInputs([a, b])).toBe(true);
    expect(await smallInputs([a, b], MIN_WORKER_BYTES)).toBe(true);
  });
  it('inputs reaching the limit together, though each is under it: not small', async () => {
    expect(await smallInputs([a, b], 2434)).toBe(false);
    expect(await smallInputs([a, b], 2435)).toBe(true);
  });
  it('a small gzip, zip or tar holds an unknown amount: not small', async () => {
    const gz = file('logs.gz', gzipSync(xml(10)));
    const zip = file('export.bin', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60)]));
    const tar = file('t.tar', Buffer.concat([Buffer.alloc(257), Buffer.from('ustar\0', 'latin1'), Buffer.alloc(250)]));
    for (const archive of [gz, zip, tar]) expect(await smallInputs([a, archive])).toBe(false);
  });
  it('an entry inside an archive: not small', async () => {
    expect(await smallInputs([{ ...a, entryPath: ['x', 'a.xml'] }])).toBe(false);
  });
  it('a file that cannot be read counts nothing (its reader reports it)', async () => {
    expect(await smallInputs([a, { path: path.join(dir, 'missing.xml'), display: 'missing.xml' }], 1000)).toBe(true);
  });
});
