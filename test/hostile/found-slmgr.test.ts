// slmgr label matching on a very long line: it used to spread the line into an array once per label (about
// 3 µs per character, 13 s for the 4 MiB the slmgr reader accepts). The line must be kept, not dropped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSlmgr } from '../../src/decode/index.js';
import { checkInput } from '../fuzz/lib/index.js';

describe('fuzz findings stay fixed', () => {
  it('parses slmgr text around a 300 KB line and keeps that line as unknown', async () => {
    const bytes = readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found/slmgr-long-line.txt'));
    const result = await checkInput(bytes, { filter: false, chunkSize: 65536, compareChunking: true, compareAccount: true });
    expect(result.kind).toBe('slmgr');
    expect(result.violations).toEqual([]);
    const parsed = parseSlmgr(bytes.toString('utf8'), { file: 'x', format: 'slmgr' });
    expect(parsed.facts).toHaveLength(1);
    expect(parsed.unknownLines.map((l) => [l.line, l.text.length])).toEqual([[3, 300_000]]);
  });

  it('gets through the largest slmgr document the reader accepts, one 4 MiB line', () => {
    const text = `Name: Windows(R), ServerStandard edition\r\n${'ライ'.repeat(2_000_000)}\r\nLicense Status: Licensed\r\n`;
    const parsed = parseSlmgr(text, { file: 'x', format: 'slmgr' });
    expect(parsed.unknownLines).toHaveLength(1);
    expect(parsed.facts).toHaveLength(1);
  });
});
