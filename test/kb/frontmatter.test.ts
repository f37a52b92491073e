import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/kb/index.js';
import { parseArticle } from '../../src/kb/article.js';

describe('parseFrontMatter', () => {
  it('reads scalars, quoted values, inline lists and block lists', () => {
    const fm = parseFrontMatter(
      '---\nid: kms-client/x\ntitle: "A: title"\ntags: [a, "b, c", \'d\']\nrelated:\n  - event/12288\n  - code/0xC004F074\n# comment\n---\n\nBody text\n',
    );
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({
      id: 'kms-client/x',
      title: 'A: title',
      tags: ['a', 'b, c', 'd'],
      related: ['event/12288', 'code/0xC004F074'],
    });
    expect(fm.body).toBe('Body text\n');
  });

  it('handles a BOM and CRLF line ends', () => {
    const fm = parseFrontMatter('\uFEFF---\r\nid: event/1\r\n---\r\nx\r\n');
    expect(fm.data.id).toBe('event/1');
    expect(fm.body).toBe('x\n');
  });

  it('reports problems with their line instead of guessing', () => {
    expect(parseFrontMatter('no front matter').problems[0]).toMatch(/no front matter/);
    expect(parseFrontMatter('---\nid: x\n').problems[0]).toMatch(/not closed/);
    const fm = parseFrontMatter('---\nid: x\nid: y\njust words\ntags: [a, b\n  - orphan\n---\n');
    expect(fm.problems).toEqual([
      'line 3: key "id" given twice',
      'line 4: not a "key: value" line',
      'line 5: inline list for "tags" is not closed',
      'line 6: list item without a key above it',
    ]);
  });
});

describe('parseArticle', () => {
  const ok = '---\nid: event/12288\ntitle: T\nkind: event\ntitle_ja: ジェイ\nkeywords_ja: [a]\n---\nbody\n';

  it('builds an article from valid front matter', () => {
    const { article, problems } = parseArticle(ok, 'kb/events/12288.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ id: 'event/12288', kind: 'event', titleJa: 'ジェイ', keywordsJa: ['a'], related: [] });
  });

  it.each([
    [ok.replace('kind: event', 'kind: blog'), /"kind" must be one of/],
    [ok.replace('id: event/12288', 'id: code/0xc004f074'), /does not fit kind/],
    [ok.replace('title_ja: ジェイ\n', ''), /missing "title_ja"/],
    [ok.replace('body\n', ''), /empty body/],
    [ok.replace('title: T', 'title: [a, b]'), /"title" must be a single value/],
  ])('rejects %#', (text, problem) => {
    const parsed = parseArticle(text, 'kb/x.md');
    expect(parsed.article).toBeUndefined();
    expect(parsed.problems.join('\n')).toMatch(problem);
  });
});
