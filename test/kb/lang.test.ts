// `--lang` for explain and search, and the language chosen from the locale when it is absent.
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerExplain } from '../../src/cli/explain.js';
import { chooseLanguage, languageFromEnv } from '../../src/cli/lang.js';
import { registerSearch } from '../../src/cli/search.js';
import { loadKb } from '../../src/kb/index.js';

const kb = loadKb();
const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;
const JAPANESE = /[\u3040-\u30FF\u4E00-\u9FFF]/;

async function run(argv: string[]) {
  let out = '';
  let err = '';
  let code = 0;
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  const program = new Command('volact').exitOverride();
  registerExplain(program, io, (c) => void (code = c));
  registerSearch(program, io, (c) => void (code = c));
  await program.parseAsync(argv, { from: 'user' });
  return { out, err, code };
}

// The commands read the real environment; each test sets the locale it needs and gets the old one back.
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(LOCALE_VARS.map((k) => [k, process.env[k]]));
  for (const k of LOCALE_VARS) delete process.env[k];
});
afterEach(() => {
  for (const k of LOCALE_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('language from the environment', () => {
  it.each([
    [{ LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ LANG: 'ja_JP.eucJP' }, 'ja'],
    [{ LANG: 'ja' }, 'ja'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'jam_JM' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }, 'ja'],
    [{ LC_ALL: 'C', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }, 'en'],
    [{ LC_ALL: '', LANG: 'ja_JP.UTF-8' }, 'ja'],
  ])('%j → %s', (env, lang) => {
    expect(languageFromEnv(env)).toBe(lang);
  });

  it('lets --lang win over the environment and rejects other languages', () => {
    expect(chooseLanguage('en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(chooseLanguage('ja', { LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(chooseLanguage(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(() => chooseLanguage('fr', {})).toThrow('--lang expects one of en, ja, found "fr"');
  });
});

describe('volact explain --lang ja', () => {
  it('prints the Japanese article for 0xC004F074, with the English title for reference', async () => {
    const article = kb.get('code/0xC004F074');
    const r = await run(['explain', '0xC004F074', '--lang', 'ja']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(article?.titleJa);
    expect(lines[1]).toBe('code/0xC004F074 · コード');
    expect(lines[2]).toBe(article?.title);
    expect(r.out).toContain('意味');
    expect(r.out).toContain('KMS クライアントはライセンス認証を試みましたが');
    expect(r.out).toContain('nslookup -type=srv _vlmcs._tcp.<domain>');
    expect(r.out).toContain('関連項目: kms-client/no-response、');
    expect(r.out).not.toContain('## Meaning');
    expect(r.out).not.toContain('The KMS client tried to activate');
  });

  it('follows LANG=ja_JP.UTF-8 when --lang is absent, and --lang en overrides it', async () => {
    process.env.LANG = 'ja_JP.UTF-8';
    expect((await run(['explain', '12290'])).out.split('\n')[0]).toBe(kb.get('event/12290')?.titleJa);
    const en = await run(['explain', '12290', '--lang', 'en']);
    expect(en.out.split('\n')[0]).toBe(kb.get('event/12290')?.title);
    expect(en.out).toContain('Where it is logged');
  });

  it('gives generated code entries a Japanese body too', async () => {
    const r = await run(['explain', '0xC004F06B', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('slui.exe 0x2a 0xC004F06B');
    expect(r.out).toContain('問題のコンピューターで');
  });

  it('rejects an unknown language as a usage error', async () => {
    await expect(run(['explain', '12290', '--lang', 'de'])).rejects.toThrow(/--lang expects one of en, ja/);
  });
});

describe('volact search --lang ja', () => {
  it('returns Japanese titles and excerpts taken from the Japanese body', async () => {
    const r = await run(['search', 'KMS ホストに接続できない', '--lang', 'ja', '--json', '--limit', '3']);
    const parsed = JSON.parse(r.out) as { lang: string; results: Array<{ id: string; title: string; excerpt: string }> };
    expect(parsed.lang).toBe('ja');
    const top = parsed.results.find((h) => h.id === 'code/0xC004F074');
    expect(top?.title).toBe(kb.get('code/0xC004F074')?.titleJa);
    for (const hit of parsed.results) expect(hit.title, hit.id).toBe(kb.get(hit.id)?.titleJa);
    // The excerpt is a sentence of the Japanese body, not the title repeated and not English.
    expect(kb.get('code/0xC004F074')?.bodyJa).toContain((top?.excerpt ?? '').replace(/…$/, ''));
    expect(top?.excerpt).toMatch(JAPANESE);
  });

  it('finds an article by words that only its Japanese body holds', () => {
    // "トークン ストア" is in the Japanese body of 0xC004E003, not in any title or keyword.
    const article = kb.get('code/0xC004E003');
    expect(article?.titleJa).not.toContain('トークン');
    expect(article?.keywordsJa.join(' ')).not.toContain('トークン');
    const hits = kb.search('トークン ストア', { lang: 'ja', limit: 3 });
    const hit = hits.find((h) => h.id === 'code/0xC004E003');
    expect(hit?.excerpt).toContain('トークン ストア');
  });

  it('keeps English titles and excerpts by default', async () => {
    const r = await run(['search', 'KMS ホストに接続できない', '--json', '--limit', '3']);
    const parsed = JSON.parse(r.out) as { lang: string; results: Array<{ id: string; title: string }> };
    expect(parsed.lang).toBe('en');
    for (const hit of parsed.results) expect(hit.title, hit.id).toBe(kb.get(hit.id)?.title);
  });

  it('prints Japanese titles in the terminal listing', async () => {
    const r = await run(['search', '時刻', 'ずれ', '--lang', 'ja', '--limit', '5']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${kb.get('code/0xC004F06C')?.titleJa}  [code/0xC004F06C]`);
  });
});

describe('knowledge-base appendix in Japanese', () => {
  it('uses the Japanese heading, titles and bodies', () => {
    const text = kb.appendixFor(['code/0xC004F074', 'code/0xC004F074'], 2, 'ja');
    expect(text.startsWith('## ナレッジ ベース\n\n### 0xC004F074 — KMS ホストに接続できない (`code/0xC004F074`)')).toBe(true);
    expect(text).toContain('#### 意味');
    expect(text.match(/### 0xC004F074/g)).toHaveLength(1);
  });
});
