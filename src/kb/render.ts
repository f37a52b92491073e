// Articles rendered for a terminal: Markdown structure becomes indentation and (optionally)
// ANSI styling. Article text is data, so control characters in it are removed before we add
// our own escape sequences — a hostile or damaged file cannot move the cursor or recolor the screen.
import { Lexer, type Token, type Tokens } from 'marked';
import type { Article } from './article.js';
import type { KbLang } from './lang.js';

export interface RenderOptions {
  color: boolean;
  /** `ja`: Japanese title and body, the English title underneath for reference. Default `en`. */
  lang?: KbLang;
}

const SEE_ALSO: Record<KbLang, string> = { en: 'See also', ja: '関連項目' };
const KIND_JA: Record<Article['kind'], string> = { rule: 'ルール', code: 'コード', event: 'イベント', procedure: '手順' };
const SEVERITY_JA: Record<NonNullable<Article['severity']>, string> = { error: 'エラー', warning: '警告', info: '情報' };

interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  underline: (s: string) => string;
  code: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Style = { bold: ansi(1, 22), dim: ansi(2, 22), underline: ansi(4, 24), code: ansi(36, 39) };
const PLAIN: Style = { bold: (s) => s, dim: (s) => s, underline: (s) => s, code: (s) => s };

// C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that can disguise text.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

export function renderArticleForTerminal(article: Article, options: RenderOptions): string {
  const st = options.color ? COLOR : PLAIN;
  const lang = options.lang ?? 'en';
  const ja = lang === 'ja';
  const kind = ja ? KIND_JA[article.kind] : article.kind;
  const severity = article.severity ? (ja ? SEVERITY_JA[article.severity] : article.severity) : undefined;
  const head = [
    st.bold(stripControl(ja ? article.titleJa : article.title)),
    st.dim(`${stripControl(article.id)} · ${kind}${severity ? ` · ${severity}` : ''}`),
    // The Japanese page keeps the English title beside its own (the guide's English term); the English page is English only.
    ...(ja ? [st.dim(stripControl(article.title))] : []),
    '',
  ];
  const body = renderMarkdown(stripControl(ja ? (article.bodyJa ?? article.body) : article.body), st);
  const separator = ja ? '、' : ', ';
  const related = article.related.length > 0 ? ['', st.dim(`${SEE_ALSO[lang]}: ${article.related.map(stripControl).join(separator)}`)] : [];
  return [...head, body.trimEnd(), ...related, ''].join('\n');
}

export function renderMarkdown(markdown: string, st: Style = PLAIN): string {
  const tokens = new Lexer().lex(markdown);
  return blocks(tokens, st, '').replace(/\n{3,}/g, '\n\n');
}

function blocks(tokens: readonly Token[], st: Style, indent: string): string {
  const out: string[] = [];
  for (const token of tokens) {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        const text = inline(h.tokens, st);
        out.push(`${indent}${h.depth <= 2 ? st.bold(st.underline(text)) : st.bold(text)}`, '');
        break;
      }
      case 'paragraph':
        out.push(indentLines(inline((token as Tokens.Paragraph).tokens, st), indent), '');
        break;
      case 'code': {
        const code = unescapeHtml((token as Tokens.Code).text);
        out.push(indentLines(st.code(code).split('\n').join('\n'), `${indent}    `), '');
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, i) => {
          const marker = list.ordered ? `${start + i}. ` : '• ';
          const inner = blocks(item.tokens, st, '').trim();
          const pad = ' '.repeat(marker.length);
          const lines = inner.split('\n');
          out.push(`${indent}${marker}${lines[0] ?? ''}`);
          for (const line of lines.slice(1)) out.push(line === '' ? '' : `${indent}${pad}${line}`);
        });
        out.push('');
        break;
      }
      case 'blockquote':
        out.push(indentLines(blocks((token as Tokens.Blockquote).tokens, st, '').trim(), `${indent}│ `), '');
        break;
      case 'table':
        out.push(table(token as Tokens.Table, st, indent), '');
        break;
      case 'hr':
        out.push(`${indent}${st.dim('─'.repeat(40))}`, '');
        break;
      case 'text':
        // Text directly inside a tight list item.
        out.push(indentLines(t.tokens ? inline(t.tokens, st) : unescapeHtml(String(t.text)), indent));
        break;
      case 'space':
      case 'def':
        break;
      default:
        out.push(indentLines(unescapeHtml(String(t.text ?? t.raw)), indent), '');
    }
  }
  return out.join('\n');
}

function inline(tokens: readonly Token[] | undefined, st: Style): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      const t = token as Tokens.Generic;
      switch (t.type) {
        case 'strong':
          return st.bold(inline((token as Tokens.Strong).tokens, st));
        case 'em':
          return st.underline(inline((token as Tokens.Em).tokens, st));
        case 'codespan':
          return st.code(unescapeHtml((token as Tokens.Codespan).text));
        case 'link': {
          const link = token as Tokens.Link;
          const text = inline(link.tokens, st);
          return text === link.href ? st.underline(text) : `${text} (${st.underline(link.href)})`;
        }
        case 'br':
          return '\n';
        case 'del':
          return inline((token as Tokens.Del).tokens, st);
        default:
          return t.tokens ? inline(t.tokens, st) : unescapeHtml(String(t.text ?? t.raw));
      }
    })
    .join('');
}

function table(tok: Tokens.Table, st: Style, indent: string): string {
  const plainRows = [tok.header, ...tok.rows].map((row) => row.map((cell) => inline(cell.tokens, PLAIN)));
  const styledRows = [tok.header, ...tok.rows].map((row, r) =>
    row.map((cell) => (r === 0 ? st.bold(inline(cell.tokens, PLAIN)) : inline(cell.tokens, st))),
  );
  const widths = tok.header.map((_, c) => plainRows.reduce((w, row) => Math.max(w, displayWidth(row[c] ?? '')), 0));
  const lines = styledRows.map((row, r) =>
    row
      .map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(plainRows[r]?.[c] ?? ''))))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return indentLines(lines.join('\n'), indent);
}

/** East Asian wide characters take two columns; good enough for aligning our tables. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

function indentLines(text: string, indent: string): string {
  if (indent === '') return text;
  return text
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}
