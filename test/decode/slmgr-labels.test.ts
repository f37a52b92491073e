import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { afterLabel, allLabels, displayWidth, matchLabel } from '../../src/ingest/index.js';
import { licenseStatusFromText } from '../../src/decode/slmgr-status.js';

const dataDirs: Record<string, string> = {
  'slmgr-labels.tsv': fileURLToPath(new URL('../../src/ingest/data/', import.meta.url)),
  'slmgr-status.tsv': fileURLToPath(new URL('../../src/decode/data/', import.meta.url)),
};
function tsv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(dataDirs[name] + name, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}

describe('slmgr label table', () => {
  it('every row is loaded and recognises its own line', () => {
    const rows = tsv('slmgr-labels.tsv');
    expect(allLabels()).toHaveLength(rows.length);
    for (const r of rows) {
      const line = r.mode === 'exact' ? r.text : `${r.text} 42`;
      expect(matchLabel('    ' + line)?.label.key, line).toBe(r.key);
    }
  });

  it('ignores spacing and colon style', () => {
    expect(matchLabel('残りのWindows猶予期限リセット可能回数:1001')).toMatchObject({ label: { key: 'rearmWindows' }, rest: '1001' });
    expect(matchLabel('ライセンスの状態：ライセンスされています')).toMatchObject({ label: { key: 'licenseStatus' }, rest: 'ライセンスされています' });
    expect(matchLabel('LICENSE STATUS:   Licensed')?.rest).toBe('Licensed');
  });

  it('needs a boundary after a prefix label', () => {
    const name = allLabels().find((l) => l.key === 'name' && l.lang === 'en');
    expect(name && afterLabel('Names: x', name)).toBeUndefined();
    expect(name && afterLabel('Name: x', name)).toBe('x');
    expect(matchLabel('Nameless thing')).toBeUndefined();
  });

  it('every status text maps to its status', () => {
    for (const r of tsv('slmgr-status.tsv')) expect(licenseStatusFromText(r.text), r.text).toBe(r.status);
    expect(licenseStatusFromText('Additional grace period (KMS license expired or hardware out of tolerance)')).toBe('OOTGrace');
    expect(licenseStatusFromText('ライセンスされていません')).toBe('Unlicensed');
    expect(licenseStatusFromText('whatever')).toBe('Unknown');
  });

  it('counts East Asian characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('名前: x')).toBe(7);
  });
});
