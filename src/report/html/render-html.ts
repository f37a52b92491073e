// The HTML report: one self-contained file. The Markdown report through marked, with an overview of tiles
// and inline SVG charts after its introduction. No script, no external resource; the Content-Security-Policy
// forbids both, so even a bug in the escaping could not fetch or run anything.
import { renderMarkdown, type MarkdownOptions } from '../markdown/index.js';
import type { ShownReport } from '../wording.js';
import { html, trustedHtml, type Html } from './escape-html.js';
import { markdownToHtml } from './markdown-to-html.js';
import { renderOverview } from './overview.js';
import { STYLESHEET } from './style.js';
import { speaker } from '../speaker.js';

/** Nothing may load or run: styles only inline, images only as data: URLs (none are used today). */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The start of every page volact writes, up to <body>: its language, the policy, its title, the stylesheet. */
export function pageHead(lang: string, title: string, version: string): Html {
  return html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="volact ${version}">
<title>${title}</title>
<style>${trustedHtml(STYLESHEET)}</style>
</head>`;
}

export interface HtmlOptions {
  /** Passed to the Markdown renderer (KB links, appendix, language). */
  markdown?: MarkdownOptions;
}

export function renderHtml(report: ShownReport, options: HtmlOptions = {}): string {
  const text = speaker(options.markdown?.lang);
  const lang = text.lang;
  const { intro, body } = splitIntro(renderMarkdown(report, { ...options.markdown, anchors: true }));
  const title = text.t('html.title', { date: report.now ? report.now.slice(0, 10) : report.generatedAt.slice(0, 10) });
  const page = html`${pageHead(lang, title, report.tool.version)}
<body>
<header class="intro">${markdownToHtml(intro)}</header>
${renderOverview(report, text)}
<main class="report">${markdownToHtml(body)}</main>
<footer>${text.t('html.footer', { version: report.tool.version, schema: report.schemaVersion })}</footer>
</body>
</html>
`;
  return page.source;
}

/**
 * Splits the Markdown before its first second-level heading, so the charts sit under the title. A line that
 * starts with "## " is always ours: input is escaped (`#` becomes `\#`) and cannot start a line.
 */
function splitIntro(markdown: string): { intro: string; body: string } {
  const at = markdown.search(/^## /m);
  if (at <= 0) return { intro: '', body: markdown };
  return { intro: markdown.slice(0, at), body: markdown.slice(at) };
}
