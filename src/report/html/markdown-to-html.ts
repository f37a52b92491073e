// The Markdown report turned into HTML with marked. The `md` template already escapes input, so this is the
// second wall: marked itself passes raw HTML and any link or image through, so we override those renderers.
// Raw HTML becomes visible text, links may only point inside the page, images never load.
import { Marked, type Tokens } from 'marked';
import { escapeHtml, Html } from './escape-html.js';

/** Raw HTML our own Markdown writes on purpose (line breaks inside table cells); matched exactly. */
const ALLOWED_RAW_HTML = new Set(['<br>']);

/** In-page anchors only: nothing in a report should navigate away or run a `javascript:` URL. */
const IN_PAGE_LINK = /^#[A-Za-z0-9_-]+$/;

/**
 * A heading's id, written by our Markdown as a trailing ` {#id}` (markdown/machine.ts). Input cannot forge one:
 * every `{` from input is escaped (`\{`), so only our own marker ends a heading's source this way.
 */
const HEADING_ID = / \{#([A-Za-z0-9_-]+)\}$/;

/** A rule id in a code span (`kms-client/no-response`): kept on one line. */
const RULE_ID = /^[a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The mark in a walk row's first cell, and the class its row gets (failing steps stand out). */
const STEP_ROW: Record<string, string> = { '✘': 'step-fail', '?': 'step-unknown', '✔': 'step-pass' };

const converter = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      if (!token.block && ALLOWED_RAW_HTML.has(token.text)) return token.text;
      return token.block ? `<p>${escapeHtml(token.text)}</p>\n` : escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const label = this.parser.parseInline(token.tokens);
      if (IN_PAGE_LINK.test(token.href)) return `<a href="${escapeHtml(token.href)}">${label}</a>`;
      // Keep the target readable for the reader, but as text: no element the browser would follow.
      return label === escapeHtml(token.href) ? label : `${label} (${escapeHtml(token.href)})`;
    },
    image(token: Tokens.Image): string {
      return `<span class="image-alt">[${escapeHtml(token.text)}]</span>`;
    },
    heading(token: Tokens.Heading): string {
      const id = HEADING_ID.exec(token.text)?.[1];
      let inner = this.parser.parseInline(token.tokens);
      if (id === undefined) return `<h${token.depth}>${inner}</h${token.depth}>\n`;
      inner = inner.replace(/ \{#[A-Za-z0-9_-]+\}$/, '');
      return `<h${token.depth} id="${id}">${inner}</h${token.depth}>\n`;
    },
    codespan(token: Tokens.Codespan): string {
      const text = escapeHtml(token.text);
      return RULE_ID.test(token.text) ? `<code class="rule-id">${text}</code>` : `<code>${text}</code>`;
    },
    /** A table without header words has no header row (the summary's); a walk row is classed by its mark. */
    table(token: Tokens.Table): string {
      const cell = (c: Tokens.TableCell, tag: 'th' | 'td'): string => `<${tag}${c.align ? ` align="${c.align}"` : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`;
      const head = token.header.every((c) => c.text.trim() === '') ? '' : `<thead>\n<tr>\n${token.header.map((c) => cell(c, 'th')).join('\n')}\n</tr>\n</thead>\n`;
      const rows = token.rows.map((row) => {
        const mark = STEP_ROW[row[0]?.text.trim() ?? ''];
        return `<tr${mark ? ` class="${mark}"` : ''}>\n${row.map((c) => cell(c, 'td')).join('\n')}\n</tr>\n`;
      });
      return `<table>\n${head}${rows.length ? `<tbody>${rows.join('')}</tbody>` : ''}</table>\n`;
    },
  },
});

/** Converts Markdown (volact's own, or anything else) into HTML that holds no input-made element. */
export function markdownToHtml(markdown: string): Html {
  return new Html(converter.parse(markdown, { async: false }));
}
