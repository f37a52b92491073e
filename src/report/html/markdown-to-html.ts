// The Markdown report turned into HTML with marked. The `md` template already escapes input, so this is the
// second wall: marked itself passes raw HTML and any link or image through, so we override those renderers.
// Raw HTML becomes visible text, links may only point inside the page, images never load.
import { Marked, type Tokens } from 'marked';
import { escapeHtml, Html } from './escape-html.js';

/** Raw HTML our own Markdown writes on purpose (line breaks inside table cells); matched exactly. */
const ALLOWED_RAW_HTML = new Set(['<br>']);

/** In-page anchors only: nothing in a report should navigate away or run a `javascript:` URL. */
const IN_PAGE_LINK = /^#[A-Za-z0-9_-]+$/;

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
  },
});

/** Converts Markdown (volact's own, or anything else) into HTML that holds no input-made element. */
export function markdownToHtml(markdown: string): Html {
  return new Html(converter.parse(markdown, { async: false }));
}
