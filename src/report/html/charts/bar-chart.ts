// Horizontal bars with a label and a value per row: license status, expiry ranges, findings by severity.
import { html, type Html } from '../escape-html.js';
import { HALF_WIDTH, figure, niceMax, rightLabel, type Tone } from './figure.js';

export interface Bar {
  /** Shown left of the bar; may come from input (a status name), so it is escaped like anything else. */
  label: string;
  value: number;
  tone: Tone;
}

const ROW = 26;
const LABEL_WIDTH = 164;
const BAR_X = 172;
const BAR_SPACE = HALF_WIDTH - BAR_X - 44;

export function barChart(chart: string, caption: string, bars: readonly Bar[], note?: string): Html {
  const scale = niceMax(bars.reduce((top, b) => Math.max(top, b.value), 0));
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const width = bar.value > 0 ? Math.max(2, (bar.value / scale) * BAR_SPACE) : 0;
    return html`<g class="bar" data-label="${bar.label}" data-value="${bar.value}"><title>${bar.label}: ${bar.value}</title>${rightLabel(LABEL_WIDTH, y + 17, bar.label, LABEL_WIDTH - 6)}<rect class="tone-${bar.tone}" x="${BAR_X}" y="${y + 4}" width="${width}" height="${ROW - 8}" rx="2"/><text class="value" x="${BAR_X + width + 6}" y="${y + 17}">${bar.value}</text></g>`;
  });
  const svg = html`<svg class="bars" viewBox="0 0 ${HALF_WIDTH} ${height}" width="${HALF_WIDTH}" height="${height}" role="img" aria-label="${caption}">${rows}</svg>`;
  return figure(chart, caption, svg, note);
}
