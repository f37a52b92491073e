import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allHresults, describeHresult, isSuccessHresult, normalizeHresult } from '../../src/decode/index.js';

const dataDir = fileURLToPath(new URL('../../src/decode/data/', import.meta.url));
function tsv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(dataDir + name, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}

describe('normalizeHresult', () => {
  it.each([
    ['0x0', '0x00000000'],
    ['0x00000000', '0x00000000'],
    ['0xc004f074', '0xC004F074'],
    ['C004F074', '0xC004F074'],
    [' hr=0x800704CF ', '0x800704CF'],
    ['(hr=0x80072EE7)', '0x80072EE7'],
    ['0x8', '0x00000008'],
    ['3221549172', '0xC004F074'],
    ['-1073418124', '0xC004F074'],
  ])('%s → %s', (input, want) => {
    expect(normalizeHresult(input)).toBe(want);
  });

  it('accepts numbers, including negative int32', () => {
    expect(normalizeHresult(0)).toBe('0x00000000');
    expect(normalizeHresult(-1073418124)).toBe('0xC004F074');
    expect(normalizeHresult(0xc004f038)).toBe('0xC004F038');
  });

  it.each(['', 'zz', '0x123456789', 'hr=', '1.5', '<DateTime>', '0xC004F07G'])('refuses %j', (bad) => {
    expect(normalizeHresult(bad)).toBeUndefined();
  });

  it('refuses out-of-range numbers', () => {
    expect(normalizeHresult(2 ** 33)).toBeUndefined();
    expect(normalizeHresult(1.5)).toBeUndefined();
  });
});

describe('describeHresult', () => {
  it('explains a KMS code with symbol, category and our meaning', () => {
    const d = describeHresult('0xc004f038');
    expect(d).toMatchObject({ code: '0xC004F038', symbol: 'SL_E_VL_NOT_ENOUGH_COUNT', category: 'kms', known: true });
    expect(d.meaning).toMatch(/25/);
  });

  it('treats 0xC004F065 and 0x4004F065 as the same condition', () => {
    expect(describeHresult('0xC004F065').symbol).toBe('SL_I_NONGENUINE_GRACE_PERIOD');
    expect(describeHresult('0x4004F065').symbol).toBe('SL_I_NONGENUINE_GRACE_PERIOD');
  });

  it('finds a licensing code under its other severity bit when only one form is listed', () => {
    // 0x4004F00C is listed; the error-bit form is not.
    const d = describeHresult('0xC004F00C');
    expect(d.known).toBe(true);
    expect(d.equivalent).toBe('0x4004F00C');
    expect(d.symbol).toBe('SL_I_OOB_GRACE_PERIOD');
  });

  it('does not flip the severity bit outside the licensing facility', () => {
    expect(describeHresult('0x00070005').known).toBe(false);
  });

  it('keeps unknown codes visible as unknown', () => {
    expect(describeHresult('0xDEADBEEF')).toEqual({ code: '0xDEADBEEF', known: false });
    expect(describeHresult('garbage')).toEqual({ code: 'garbage', known: false });
  });

  it('names 0x0 as success', () => {
    expect(describeHresult('0x0').symbol).toBe('S_OK');
    expect(isSuccessHresult('0x0')).toBe(true);
    expect(isSuccessHresult('0xC004F074')).toBe(false);
    expect(isSuccessHresult('0x4004F040')).toBe(true);
  });
});

describe('allHresults', () => {
  const all = allHresults();
  const byCode = new Map(all.map((h) => [h.code, h]));

  it('has at least 80 codes with a meaning', () => {
    expect(all.filter((h) => h.meaning).length).toBeGreaterThanOrEqual(80);
  });

  it('names every one of the 365 licensing codes of the symbol table', () => {
    const rows = tsv('hresult-symbols.tsv');
    expect(rows).toHaveLength(365);
    for (const row of rows) {
      const h = byCode.get(normalizeHresult(row.code) as string);
      expect(h, row.code).toBeDefined();
      expect(h?.symbol, row.code).toBeTruthy();
      if (row.symbol) expect(h?.symbol).toBe(row.symbol);
    }
  });

  it('uses every row of the meanings table', () => {
    for (const row of tsv('hresults.tsv')) {
      const h = byCode.get(normalizeHresult(row.code) as string);
      expect(h?.meaning, row.code).toBe(row.meaning);
      expect(h?.category).toBe(row.category);
    }
  });

  it('is sorted and normalized', () => {
    const codes = all.map((h) => h.code);
    expect([...codes].sort()).toEqual(codes);
    for (const c of codes) expect(c).toMatch(/^0x[0-9A-F]{8}$/);
  });
});

describe('Japanese meanings (hresults-ja.tsv)', () => {
  const english = tsv('hresults.tsv');
  const japanese = tsv('hresults-ja.tsv');

  it('has one Japanese meaning for every code we explain, and none for codes we do not', () => {
    const explained = english.filter((r) => r.meaning).map((r) => normalizeHresult(r.code));
    const translated = japanese.map((r) => normalizeHresult(r.code));
    expect(new Set(translated).size).toBe(translated.length);
    expect([...translated].sort()).toEqual([...explained].sort());
    expect(translated.length).toBeGreaterThanOrEqual(94);
  });

  it('writes each meaning in Japanese and keeps the codes it quotes', () => {
    const byCode = new Map(english.map((r) => [normalizeHresult(r.code), r.meaning ?? '']));
    for (const row of japanese) {
      const ja = row.meaning_ja ?? '';
      expect(ja, row.code).toMatch(/[\u3040-\u30FF]/);
      // A code or port number quoted in English (0xC004F042, 1688, 25/5) must survive in Japanese.
      for (const quoted of (byCode.get(normalizeHresult(row.code)) ?? '').match(/0x[0-9A-F]{8}|\b1688\b/g) ?? []) {
        expect(ja, `${row.code} should quote ${quoted}`).toContain(quoted);
      }
    }
  });

  it('reaches describeHresult, also through the other severity bit', () => {
    expect(describeHresult('0xC004F074').meaningJa).toContain('KMS ホスト');
    expect(describeHresult('0x4004F074').meaningJa).toBe(describeHresult('0xC004F074').meaningJa);
    expect(describeHresult('0xC004F06B').meaningJa).toContain('仮想マシン');
    expect(describeHresult('0x12345678').meaningJa).toBeUndefined();
  });
});
