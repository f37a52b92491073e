// DNS and port-check text is told apart from the other text forms by its own lines, whatever the encoding.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/ingest/index.js';

describe('sniffing DNS and port-check text', () => {
  const files = readdirSync('fixtures/network').sort();

  it.each(files)('%s is text-network', (name) => {
    const s = sniffFormat(readFileSync(`fixtures/network/${name}`).subarray(0, 8192));
    expect([s.kind, s.format]).toEqual(['text-network', 'network']);
  });

  it('reports the encoding it read them in', () => {
    expect(sniffFormat(readFileSync('fixtures/network/tnc-ja-failed-utf16le.txt')).encoding.encoding).toBe('utf-16le');
    expect(sniffFormat(readFileSync('fixtures/network/nslookup-ja-answer-sjis.txt')).encoding.encoding).toBe('shift_jis');
  });

  it('leaves the other text forms alone', () => {
    for (const dir of ['fixtures/text-forms', 'fixtures/slmgr']) {
      for (const name of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'README.md').map((e) => e.name)) {
        expect(sniffFormat(readFileSync(`${dir}/${name}`).subarray(0, 8192)).kind, `${dir}/${name}`).not.toBe('text-network');
      }
    }
  });

  it('does not take a stray "Server:" line for nslookup', () => {
    expect(sniffFormat(Buffer.from('Server: web01\r\nStatus: OK\r\n')).kind).toBe('unknown');
  });
});
