// The search index is built once: a prebuilt file is used when it matches the articles,
// and anything else (missing, stale, damaged) falls back to one in-memory build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KB_DIR, loadKb, writeIndexFile } from '../../src/kb/index.js';

const dir = mkdtempSync(join(tmpdir(), 'volact-kb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prebuilt index file', () => {
  const file = join(dir, 'kb-index.json');
  const reference = loadKb({ indexPath: null });
  writeIndexFile(file, reference.articles);

  it('is used when it was built from the same articles', () => {
    const kb = loadKb({ indexPath: file });
    expect(kb.indexSource).toBe('prebuilt');
  });

  it('gives the same ranking as an in-memory build', () => {
    const prebuilt = loadKb({ indexPath: file });
    for (const q of ['SRV レコード', 'duplicate CMID', '0xC004F074']) {
      expect(prebuilt.search(q, { limit: 5 }).map((h) => h.id)).toEqual(reference.search(q, { limit: 5 }).map((h) => h.id));
    }
  });

  it('is ignored when the articles changed since it was built', () => {
    const stale = join(dir, 'stale.json');
    writeIndexFile(stale, reference.articles.slice(1));
    const kb = loadKb({ indexPath: stale });
    expect(kb.indexSource).toBe('built-in-memory');
    expect(kb.search('duplicate CMID', { limit: 2 }).map((h) => h.id)).toContain('kms-host/duplicate-cmid');
  });

  it('is ignored when damaged or missing', () => {
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, readFileSync(file, 'utf8').slice(0, 1000));
    expect(loadKb({ indexPath: damaged }).indexSource).toBe('built-in-memory');
    expect(loadKb({ indexPath: join(dir, 'absent.json') }).indexSource).toBe('built-in-memory');
  });

  it('is loaded once per Kb, not per query', () => {
    const kb = loadKb({ indexPath: file });
    const first = kb.search('KMS', { limit: 1 });
    const again = kb.search('KMS', { limit: 1 });
    expect(again).toEqual(first);
    expect(kb.indexSource).toBe('prebuilt');
  });
});

describe('loadKb', () => {
  it('finds kb/ relative to the package root and caches the default instance', () => {
    expect(DEFAULT_KB_DIR.replace(/\\/g, '/')).toMatch(/\/kb\/$/);
    expect(loadKb()).toBe(loadKb());
  });

  it('loads from another folder and reports bad files without stopping', () => {
    const other = join(dir, 'kb');
    rmSync(other, { recursive: true, force: true });
    const write = (rel: string, text: string) => {
      const path = join(other, rel);
      rmSync(path, { force: true });
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    };
    write('procedures/good.md', '---\nid: procedure/good\ntitle: Good\nkind: procedure\ntitle_ja: 良い\n---\nFine.\n');
    write('procedures/bad.md', 'no front matter at all');
    write('rules/x/misplaced.md', '---\nid: x/elsewhere\ntitle: M\nkind: rule\ntitle_ja: M\n---\nBody.\n');
    const kb = loadKb({ kbDir: other, indexPath: null });
    expect(kb.get('procedure/good')?.title).toBe('Good');
    expect(kb.problems.some((p) => p.startsWith('kb/procedures/bad.md'))).toBe(true);
    expect(kb.problems.some((p) => p.includes('belongs at kb/rules/x/elsewhere.md'))).toBe(true);
  });

  it('gives Markdown for appending to a report, with nested headings', () => {
    const md = loadKb().markdownFor('kms-client/time-skew', 3) ?? '';
    expect(md.startsWith('### Client and KMS host clocks are too far apart (`kms-client/time-skew`)')).toBe(true);
    expect(md).toContain('\n##### What it means');
    expect(loadKb().pathOf('kms-client/time-skew')).toBe('kb/rules/kms-client/time-skew.md');
    expect(loadKb().pathOf('code/0xC004F06B')).toBeUndefined();
  });

  it('builds a report appendix of cited articles, each once, unknown ids skipped', () => {
    const md = loadKb().appendixFor(['kms-client/time-skew', 'code/0xC004F06C', 'kms-client/time-skew', 'nope/none']);
    expect(md.startsWith('## Knowledge base\n\n### ')).toBe(true);
    expect(md.match(/^### /gm)).toHaveLength(2);
    expect(md).toContain('(`code/0xC004F06C`)');
    expect(loadKb().appendixFor([])).toBe('');
  });
});
