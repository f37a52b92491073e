import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, md, neutralizeControls, trusted } from '../../src/report/index.js';

describe('Markdown escaping', () => {
  it('leaves no markup, HTML or link from input', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** `code` | cell # h';
    const out = escapeMarkdown(hostile);
    expect(out).not.toMatch(/<img/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('\\[click\\](javascript:alert(1))');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('\\`code\\`');
    expect(out).toContain('\\|');
  });

  it('defuses autolinks and list markers', () => {
    expect(escapeMarkdown('http://evil.example/x')).toBe('http:\\/\\/evil.example/x');
    expect(escapeMarkdown('www.evil.example')).toBe('www\\.evil.example');
    expect(escapeMarkdown('a@b.example')).toBe('a\\@b.example');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
  });

  it('makes terminal controls and bidi overrides visible', () => {
    expect(neutralizeControls('a\u001b[31mred\u202eb')).toBe('a\\u{001b}[31mred\\u{202e}b');
    expect(escapeMarkdown('x\ny')).toBe('x y');
  });

  it('code spans survive backticks and pipes', () => {
    expect(codeSpan('a`b').source).toBe('``a`b``');
    expect(codeSpan('a|b').source).toBe('`a\\|b`');
  });

  it('md escapes interpolations but not literals or trusted parts', () => {
    const name = '*evil*';
    expect(md`**${name}** ${trusted('_ok_')}`.source).toBe('**\\*evil\\*** _ok_');
    expect(md`${12} ${undefined}`.source).toBe('12 ');
  });
});
