import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/kb/index.js';
import { loadKb, renderArticleForTerminal, renderMarkdown, stripControl } from '../../src/kb/index.js';

const article = (body: string, title = 'Title'): Article => ({
  id: 'procedure/test',
  title,
  kind: 'procedure',
  tags: [],
  related: ['procedure/export-logs'],
  titleJa: 'テスト',
  keywordsJa: [],
  keywords: [],
  body,
  origin: 'kb/procedures/test.md',
});

describe('renderArticleForTerminal', () => {
  it('renders headings, lists, code and tables without Markdown markup when color is off', () => {
    const text = renderArticleForTerminal(
      article('## Steps\n\n1. Run `slmgr /dlv`.\n2. Read **Current count**.\n\n```\nnslookup -type=srv _vlmcs._tcp\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'),
      { color: false },
    );
    expect(text).toContain('Steps');
    expect(text).not.toContain('##');
    expect(text).toContain('1. Run slmgr /dlv.');
    expect(text).toContain('2. Read Current count.');
    expect(text).toContain('    nslookup -type=srv _vlmcs._tcp');
    expect(text).toMatch(/a\s+b\n─+\s+─+\n1\s+2/);
    expect(text).toContain('See also: procedure/export-logs');
    expect(text).not.toMatch(/\u001b/);
  });

  it('styles with ANSI sequences when color is on', () => {
    const text = renderArticleForTerminal(article('Some **bold** and `code`.'), { color: true });
    expect(text).toContain('\u001b[1mbold\u001b[22m');
    expect(text).toContain('\u001b[36mcode\u001b[39m');
  });

  it('removes control characters that come from article text', () => {
    const hostile = article('Line \u001b[2J cleared\u0007 and \u009b31m C1 and \u202Eevil', 'Bad\u001b]0;title\u0007 title');
    for (const color of [false, true]) {
      const text = renderArticleForTerminal(hostile, { color });
      const withoutOurs = text.replace(/\u001b\[(1|2|4|22|24|36|39)m/g, '');
      expect(withoutOurs).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
      expect(withoutOurs).toContain('Bad]0;title title');
    }
  });

  it('renders every real article without throwing', () => {
    for (const a of loadKb().articles) {
      expect(renderArticleForTerminal(a, { color: true }).length).toBeGreaterThan(a.title.length);
    }
  });

  it('keeps link targets visible', () => {
    expect(renderMarkdown('See [the docs](https://example.com/x).')).toContain('the docs (https://example.com/x)');
  });

  it('stripControl keeps newlines and tabs', () => {
    expect(stripControl('a\tb\r\nc\u0000d')).toBe('a\tb\ncd');
  });
});
