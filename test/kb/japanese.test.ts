// Japanese bodies: `<name>.ja.md` beside each hand-written article, checked by the loader and
// required for every article of every kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArticles, loadKb, renderMarkdown, type ArticleKind } from '../../src/kb/index.js';

const kb = loadKb();
const handWritten = kb.articles.filter((a) => a.origin !== 'generated');

describe('every hand-written article has a Japanese body', () => {
  it.each(['code', 'event', 'rule', 'procedure'] as ArticleKind[])('%s articles', (kind) => {
    const ofKind = handWritten.filter((a) => a.kind === kind);
    expect(ofKind.length).toBeGreaterThan(0);
    const missing = ofKind.filter((a) => (a.bodyJa ?? '').trim() === '').map((a) => a.origin.replace(/\.md$/, '.ja.md'));
    expect(missing, `Japanese bodies still to write:\n${missing.join('\n')}`).toEqual([]);
  });
});

const ENGLISH_ONLY_HEADING = /^#{1,6} [^\u3040-\u30FF\u3400-\u9FFF]*$/;

describe('Japanese bodies keep the shape of the English ones', () => {
  const written = handWritten.filter((a) => a.bodyJa !== undefined);

  it('has as many headings as the English body, each with Japanese text', () => {
    const off: string[] = [];
    for (const a of written) {
      // A `#` line inside a fenced block is a shell comment, not a heading.
      const headings = (md: string): string[] => md.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').match(/^#{1,6} .*$/gm) ?? [];
      const en = headings(a.body);
      const ja = headings(a.bodyJa as string);
      if (en.length !== ja.length) off.push(`${a.id}: ${en.length} headings in English, ${ja.length} in Japanese`);
      for (const h of ja) if (ENGLISH_ONLY_HEADING.test(h)) off.push(`${a.id}: heading not in Japanese: ${h}`);
    }
    expect(off).toEqual([]);
  });

  it('keeps every fenced command block of the English body unchanged', () => {
    const off: string[] = [];
    for (const a of written) {
      for (const block of a.body.match(/^```[^\n]*\n[\s\S]*?^```$/gm) ?? []) {
        if (!(a.bodyJa as string).includes(block)) off.push(`${a.id}: ${block.split('\n')[1]}`);
      }
    }
    expect(off).toEqual([]);
  });

  it('quotes only article ids that exist', () => {
    const broken: string[] = [];
    for (const a of written) {
      for (const m of (a.bodyJa as string).matchAll(/`((?:kms-client|kms-host|mak|genuine|oem|license|error|dns|network|input|procedure|event|code)\/[A-Za-z0-9-]+)`/g)) {
        if (!kb.has(m[1] as string)) broken.push(`${a.id} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('is written in Japanese (most letters are Japanese, not English)', () => {
    const english: string[] = [];
    for (const a of written) {
      // Code spans, code blocks and table pipes hold commands and values that stay as they are.
      const prose = (a.bodyJa as string).replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
      const ja = (prose.match(/[\u3040-\u30FF\u3400-\u9FFF]/g) ?? []).length;
      const latin = (prose.match(/[A-Za-z]/g) ?? []).length;
      if (ja < latin) english.push(`${a.id}: ${ja} Japanese characters, ${latin} Latin letters`);
    }
    expect(english).toEqual([]);
  });

  it('renders its bold text (CommonMark does not open ** between a Japanese letter and punctuation)', () => {
    const literal: string[] = [];
    for (const a of written) {
      const prose = (a.bodyJa as string).replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
      for (const line of renderMarkdown(prose).split('\n')) if (line.includes('**')) literal.push(`${a.id}: ${line.trim()}`);
    }
    expect(literal).toEqual([]);
  });
});

describe('generated code entries', () => {
  it('have a Japanese body in Japanese', () => {
    const generated = kb.articles.filter((a) => a.origin === 'generated');
    expect(generated.length).toBeGreaterThan(300);
    const missing = generated.filter((a) => !/[\u3040-\u30FF]/.test(a.bodyJa ?? '')).map((a) => a.id);
    expect(missing).toEqual([]);
  });
});

describe('the loader pairs .ja.md files with their article', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const english = ['---', 'id: event/12290', 'title: Event 12290', 'kind: event', 'title_ja: イベント 12290', 'keywords_ja: [イベント]', '---', '## Meaning', '', 'The host logged a request.', ''].join('\n');

  function kbWith(files: Record<string, string>): ReturnType<typeof loadArticles> {
    dir = mkdtempSync(join(tmpdir(), 'volact-kb-ja-'));
    mkdirSync(join(dir, 'events'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return loadArticles(dir);
  }
  const hand = (r: ReturnType<typeof loadArticles>) => r.articles.filter((a) => a.origin !== 'generated');

  it('attaches the Japanese body and does not make a second article', () => {
    const r = kbWith({
      'events/12290.md': english,
      'events/12290.ja.md': '---\nid: event/12290\ntitle: イベント 12290\n---\n## 意味\n\nホストが要求を記録しました。\n',
    });
    expect(r.problems).toEqual([]);
    expect(hand(r).map((a) => a.id)).toEqual(['event/12290']);
    expect(hand(r)[0]?.bodyJa).toBe('## 意味\n\nホストが要求を記録しました。\n');
    expect(hand(r)[0]?.body).toBe('## Meaning\n\nThe host logged a request.\n');
  });

  it('reports a .ja.md without an English article', () => {
    const r = kbWith({ 'events/12291.ja.md': '---\nid: event/12291\ntitle: イベント 12291\n---\n本文\n' });
    expect(r.problems).toEqual(['kb/events/12291.ja.md: no English article kb/events/12291.md beside it (a Japanese body needs its English original)']);
    expect(hand(r)).toEqual([]);
  });

  it('reports an id that differs from the English sibling and does not attach the body', () => {
    const r = kbWith({ 'events/12290.md': english, 'events/12290.ja.md': '---\nid: event/12289\ntitle: イベント 12290\n---\n本文\n' });
    expect(r.problems).toEqual(['kb/events/12290.ja.md: id event/12289 differs from event/12290 in kb/events/12290.md']);
    expect(hand(r)[0]?.bodyJa).toBeUndefined();
  });

  it('reports a title that differs from title_ja, keys that belong in the English file, and an empty body', () => {
    const r = kbWith({ 'events/12290.md': english, 'events/12290.ja.md': '---\nid: event/12290\ntitle: 別の題名\ntags: [x]\n---\n\n' });
    expect(r.problems).toEqual([
      'kb/events/12290.ja.md: "tags" belongs in the English article; a .ja.md holds only id and title',
      'kb/events/12290.ja.md: empty body',
    ]);
    const r2 = kbWith({ 'events/12290.md': english, 'events/12290.ja.md': '---\nid: event/12290\ntitle: 別の題名\n---\n本文\n' });
    expect(r2.problems).toEqual(['kb/events/12290.ja.md: title "別の題名" differs from title_ja "イベント 12290" in kb/events/12290.md']);
  });
});
