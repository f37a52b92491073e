// The knowledge base must cover every rule, every code and every decoded event, and every
// link between articles must land somewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { allHresults } from '../../src/decode/hresult.js';
import { ACTIVATION_EVENT_IDS } from '../../src/decode/index.js';
import { expectedPath, loadKb } from '../../src/kb/index.js';

const kb = loadKb();
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const RULES_MD = `${SHARED}RULES.md`;
const ERROR_CODES_TSV = `${SHARED}reference/error-codes.tsv`;

/** Rule ids from the catalogue tables: first cell of each row, `area/name` in backticks. */
function ruleIdsFromCatalogue(markdown: string): string[] {
  const ids: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*([a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*)\s*\|/.exec(line);
    if (m?.[1]) ids.push(m[1]);
  }
  return ids;
}

describe('articles load cleanly', () => {
  it('has no front-matter or path problems', () => {
    expect(kb.problems).toEqual([]);
  });

  it('keeps every hand-written article at the path its id implies', () => {
    for (const a of kb.articles.filter((x) => x.origin !== 'generated')) {
      expect(a.origin, a.id).toBe(expectedPath(a));
    }
  });

  it('gives every hand-written article a Japanese title and Japanese keywords', () => {
    const missing = kb.articles
      .filter((a) => a.origin !== 'generated')
      .filter((a) => a.titleJa.trim() === '' || a.keywordsJa.length === 0)
      .map((a) => a.id);
    expect(missing).toEqual([]);
  });

  it('resolves every related id and every article id quoted in a body', () => {
    const broken: string[] = [];
    for (const a of kb.articles) {
      for (const r of a.related) if (!kb.has(r)) broken.push(`${a.id} related → ${r}`);
      for (const m of a.body.matchAll(/`((?:kms-client|kms-host|mak|genuine|oem|license|error|procedure|event|code)\/[A-Za-z0-9-]+)`/g)) {
        if (!kb.has(m[1] as string)) broken.push(`${a.id} body → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe.skipIf(lacks('../shared/RULES.md', existsSync(RULES_MD)))('rule articles match RULES.md', () => {
  const catalogue = existsSync(RULES_MD) ? ruleIdsFromCatalogue(readFileSync(RULES_MD, 'utf8')) : [];

  it('parses the 41 rules of the catalogue', () => {
    expect(catalogue).toHaveLength(41);
    expect(catalogue).toContain('kms-host/duplicate-cmid');
  });

  it('has an article for every rule', () => {
    expect(catalogue.filter((id) => kb.get(id)?.kind !== 'rule')).toEqual([]);
  });

  it('has no rule article for a rule that does not exist', () => {
    const known = new Set(catalogue);
    expect(kb.ofKind('rule').map((a) => a.id).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('rule articles match the rule files that exist', () => {
  it('has an article for each src/diagnose/rules/<area>/<name>.ts', () => {
    const root = fileURLToPath(new URL('../../src/diagnose/rules/', import.meta.url));
    const ids = existsSync(root)
      ? readdirSync(root, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/(^|[\\/])index\.ts$/.test(f))
          .map((f) => f.replace(/\\/g, '/').replace(/\.ts$/, ''))
          .filter((id) => id.split('/').length === 2)
      : [];
    expect(ids.filter((id) => !kb.has(id))).toEqual([]);
  });
});

describe('error codes', () => {
  it('has an entry for every code the decode table knows', () => {
    const codes = allHresults().map((h) => h.code);
    expect(codes.length).toBeGreaterThanOrEqual(300);
    expect(codes.filter((c) => !kb.has(`code/${c}`))).toEqual([]);
  });

  it.skipIf(lacks('../shared/reference/error-codes.tsv', existsSync(ERROR_CODES_TSV)))('has an entry for every code in reference/error-codes.tsv', () => {
    const rows = readFileSync(ERROR_CODES_TSV, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
    const codes = rows.map((l) => (l.split('\t')[0] ?? '').trim().toUpperCase().replace(/^0X/, '0x'));
    expect(codes.length).toBeGreaterThanOrEqual(80);
    expect(codes.filter((c) => !kb.resolve(c))).toEqual([]);
  });

  it('hand-writes the important activation codes', () => {
    const important = [
      '0xC004F074', '0xC004F038', '0xC004F035', '0xC004F06C', '0xC004F039', '0xC004F041', '0xC004F042',
      '0xC004C003', '0xC004C008', '0xC004C020', '0x8007232B', '0x8007267C', '0xC004F015', '0xC004E003',
      '0xC004F056', '0x80072EE7', '0xC004F050', '0xC004F069',
    ];
    const notHandWritten = important.filter((c) => kb.get(`code/${c}`)?.origin !== `kb/codes/${c}.md`);
    expect(notHandWritten).toEqual([]);
  });

  it('generates entries with the symbol and our meaning', () => {
    const generated = kb.get('code/0xC004F06B');
    expect(generated?.origin).toBe('generated');
    expect(generated?.title).toContain('SL_E_VL_KEY_MANAGEMENT_SERVICE_VM_NOT_SUPPORTED');
    expect(generated?.body).toMatch(/virtual machine/i);
  });
});

describe('event articles', () => {
  it('has an article for every event id the decoder handles', () => {
    const ids = [...ACTIVATION_EVENT_IDS].sort((a, b) => a - b);
    expect(ids).toContain(12290);
    expect(ids.filter((id) => kb.get(`event/${id}`)?.kind !== 'event')).toEqual([]);
  });
});

describe('procedures named in the issue', () => {
  it.each([
    'procedure/export-logs',
    'procedure/read-slmgr-dli-dlv',
    'procedure/check-srv-record',
    'procedure/kms-host-failover',
    'procedure/reset-cmid',
    'procedure/disable-anytime-upgrade',
    'procedure/activation-alternate-url',
    'procedure/vamt-proxy-activation',
    'procedure/uac-and-activation',
    'procedure/backup-kms-log',
  ])('%s exists', (id) => {
    expect(kb.get(id)?.kind).toBe('procedure');
  });

  it('covers the Key Management Service log in the export procedure', () => {
    const body = kb.get('procedure/export-logs')?.body ?? '';
    expect(body).toContain('wevtutil epl "Key Management Service"');
    expect(body).toContain('Get-WinEvent');
  });
});
