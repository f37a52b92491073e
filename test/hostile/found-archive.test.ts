// Regression tests for what the fuzzer found in the archive family (inputs under fixtures/hostile/found/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchiveInput } from '../fuzz/lib/index.js';
import { analyzeInput } from '../../src/analyze.js';
import { Readable } from 'node:stream';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));

describe('archive fuzz findings stay fixed', () => {
  it('a zip entry whose deflate data ends long before its declared size says so instead of passing as a short file', async () => {
    // A zip without its directory; the one entry declares 9936 bytes and inflates to 65 (an XML header and <Events>).
    const bytes = found('archive-2158-short-entry.zip');
    const results = await analyzeInput({ path: '-', display: 'found.zip' }, { stdin: Readable.from([bytes]) });
    expect(results.map((r) => [r.account.file, r.account.records, r.account.rejected.map((x) => x.reason)])).toEqual([
      ['found.zip!example/client01/Application.xml', 1, ['read error: the entry expands to 65 bytes where the archive says 9936: it is damaged, and only what it held was read']],
      ['found.zip', 1, [expect.stringMatching(/central directory cannot be read .*1 entry was found from its own header$/)]],
    ]);
    const check = await checkArchiveInput(bytes, { filter: true, chunkSize: 7, compareChunking: true, compareAccount: true });
    expect(check.violations).toEqual([]);
  });
});
