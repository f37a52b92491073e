import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { afterLabel, allLabels, allStatusWords, displayWidth, matchLabel, SLMGR_LANGUAGES } from '../../src/ingest/index.js';
import { licenseStatusFromText } from '../../src/decode/index.js';

const dataDir = fileURLToPath(new URL('../../src/ingest/data/slmgr/', import.meta.url));
function tsv(lang: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(`${dataDir}${lang}.tsv`, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}
const allRows: Record<string, string>[] = SLMGR_LANGUAGES.flatMap((lang) => tsv(lang).map((r) => ({ ...r, lang })));

describe('slmgr vocabulary (one table per language)', () => {
  it('every label row is loaded and recognises its own line', () => {
    const rows = allRows.filter((r) => r.mode !== 'status');
    expect(allLabels()).toHaveLength(rows.length);
    expect(allStatusWords()).toHaveLength(allRows.length - rows.length);
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
    for (const r of allRows.filter((row) => row.mode === 'status')) expect(licenseStatusFromText(r.text), r.text).toBe(r.key);
    expect(licenseStatusFromText('Additional grace period (KMS license expired or hardware out of tolerance)')).toBe('OOTGrace');
    expect(licenseStatusFromText('ライセンスされていません')).toBe('Unlicensed');
    expect(licenseStatusFromText('whatever')).toBe('Unknown');
  });

  it('reads Chinese labels that run into their value, and full-width colons', () => {
    expect(matchLabel('正在激活Windows（R)，ProfessionalWorkstationedition (82bbc092-bc50-4e16-8e18-b74fc486aec3).')).toMatchObject({ label: { key: 'activating' }, rest: 'Windows（R)，ProfessionalWorkstationedition (82bbc092-bc50-4e16-8e18-b74fc486aec3).' });
    expect(matchLabel('错误：0xC004F074软件授权服务报告无法激活计算机。')).toMatchObject({ label: { key: 'errorLine' }, rest: '0xC004F074软件授权服务报告无法激活计算机。' });
    expect(matchLabel('许可证状态: 已授权')?.rest).toBe('已授权');
    expect(licenseStatusFromText('已授权')).toBe('Licensed');
  });

  it('counts East Asian characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('名前: x')).toBe(7);
  });
});

describe('matchLabel looks only at the labels that begin with the line’s first character', () => {
  // What matchLabel answered before it indexed the labels: every label tried, longest first.
  function everyLabel(line: string): { key: string; lang: string; rest: string } | undefined {
    const trimmed = line.trim();
    if (trimmed === '') return undefined;
    for (const label of allLabels()) {
      const rest = afterLabel(trimmed, label);
      if (rest !== undefined) return { key: label.key, lang: label.lang, rest };
    }
    return undefined;
  }

  it('gives the same label and value as trying every label, on every label text in several spellings', () => {
    const lines: string[] = ['', '   ', ':', '：value', 'not a label at all', 'İstanbul: 1', 'ﬁle name: x'];
    for (const label of allLabels()) {
      const t = label.text;
      lines.push(t, `${t} 42`, ` ${t.toUpperCase()}  value`, `:${t}`, `： ${t.replace(/\s+/g, '')}１`, `${t.slice(0, -1)}`, `x${t}`);
    }
    let matched = 0;
    for (const line of lines) {
      const m = matchLabel(line);
      const want = everyLabel(line);
      expect(m ? { key: m.label.key, lang: m.label.lang, rest: m.rest } : undefined, line).toEqual(want);
      if (want) matched++;
    }
    // The spellings above must hit labels, or the comparison says nothing.
    expect(matched).toBeGreaterThan(allLabels().length * 3);
  });
});
