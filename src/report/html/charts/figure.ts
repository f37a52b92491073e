// Shared pieces of every chart: the figure around it, tones, and label shortening.
import { html, type Html } from '../escape-html.js';

/** Colour roles; the palette itself lives in the stylesheet so light, dark and print each pick their own. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/** Charts in the two-column grid are drawn at about the size they show, so 12px text stays 12px. */
export const HALF_WIDTH = 440;
export const FULL_WIDTH = 860;

/** A chart inside a captioned figure. `data-chart` names it for readers and tests. */
export function figure(chart: string, caption: string, body: Html, note?: string): Html {
  return html`<figure class="chart" data-chart="${chart}"><figcaption>${caption}</figcaption>${body}${note ? html`<p class="chart-note">${note}</p>` : undefined}</figure>`;
}

/** A chart with nothing to draw still appears, saying why, so a reader knows it was not forgotten. */
export function emptyFigure(chart: string, caption: string, reason: string): Html {
  return html`<figure class="chart" data-chart="${chart}" data-empty="true"><figcaption>${caption}</figcaption><p class="chart-empty">${reason}</p></figure>`;
}

/** Shortens a label to `max` characters (code points, so no surrogate pair is split). */
export function shorten(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** A round upper bound for an axis: 1, 2, 5 × a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Average advance of a 12px sans-serif glyph, generous so wide names are caught. */
const GLYPH_WIDTH = 7;

/**
 * A right-aligned label that never runs out of its column: long labels are shortened, and a label that would
 * still be wider than `width` is squeezed to fit (SVG textLength) rather than cut or spilled over the left edge.
 */
export function rightLabel(x: number, y: number, label: string, width: number): Html {
  const text = shorten(label, 26);
  const squeeze = Array.from(text).length * GLYPH_WIDTH > width;
  return squeeze
    ? html`<text class="label" x="${x}" y="${y}" text-anchor="end" textLength="${width}" lengthAdjust="spacingAndGlyphs">${text}</text>`
    : html`<text class="label" x="${x}" y="${y}" text-anchor="end">${text}</text>`;
}
