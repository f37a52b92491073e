// HTML and SVG are built the same way the Markdown is: the `html` tagged template escapes every interpolated
// value unless it is already `Html`. An `Html` value can only come from a literal in our code, from `html`
// itself, or from the Markdown converter (which refuses raw HTML), so input never becomes markup.
import { neutralizeControls } from '../escape.js';

export class Html {
  /** Use `html`, `trustedHtml` or the Markdown converter; never wrap input directly. */
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for both element content and quoted attribute values. Control and bidi characters are made
 * visible first, so a name cannot reorder the text around it or hide characters.
 */
export function escapeHtml(text: string): string {
  return neutralizeControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITY[c]);
}

/** Marks a string written by volact itself (a tag name, a CSS block) as HTML. Never for input. */
export function trustedHtml(source: string): Html {
  return new Html(source);
}

export type HtmlValue = Html | string | number | undefined | null | readonly Html[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.source;
  if (Array.isArray(value)) return value.map((v: Html) => v.source).join('');
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  return escapeHtml(String(value));
}

/** Numbers go into coordinates and text; a NaN or Infinity from bad input must not break the SVG. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}

/** Tagged template: literal parts are ours, every `${value}` is escaped unless it is `Html` already. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

export function joinHtml(parts: readonly Html[], separator = '\n'): Html {
  return new Html(parts.map((p) => p.source).join(separator));
}
