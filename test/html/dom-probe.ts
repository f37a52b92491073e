// What the browser test reads out of a rendered report, evaluated inside the page. Kept as plain JavaScript
// source (not a transpiled function) so what runs in the page is exactly what is written here.

export interface ProbedBar {
  label: string;
  value: number;
  /** The number drawn next to the bar. */
  text: string;
  /** Drawn width of the bar in SVG units. */
  width: number;
}

export interface ProbedChart {
  chart: string;
  empty: boolean;
  bars: ProbedBar[];
  hosts: Array<{ host: string; current: string; required: string | null; width: number }>;
  thresholds: Array<{ count: number; x: number }>;
  days: Array<{ host: string; day: string; requests: number; failed: number }>;
}

export interface DomProbe {
  tags: string[];
  scripts: number;
  /** Elements with an on* attribute, as "tag@attribute". */
  eventHandlers: string[];
  /** Every href/src/action-like attribute value in the document. */
  urls: string[];
  csp: string | null;
  styleElements: number;
  charts: ProbedChart[];
  tiles: Record<string, string>;
  text: string;
  pwned: boolean;
  colors: { background: string; text: string; good: string };
  hiddenCharts: number;
}

export const DOM_PROBE = `(() => {
  const all = [...document.querySelectorAll('*')];
  const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'ping', 'manifest'];
  const urls = [];
  const eventHandlers = [];
  for (const el of all) {
    for (const attr of el.attributes) {
      if (URL_ATTRS.includes(attr.name.toLowerCase())) urls.push(attr.value);
      if (/^on/i.test(attr.name)) eventHandlers.push(el.localName + '@' + attr.name);
    }
  }
  const num = (v) => Number(v);
  const charts = [...document.querySelectorAll('figure[data-chart]')].map((fig) => ({
    chart: fig.dataset.chart,
    empty: fig.dataset.empty === 'true',
    bars: [...fig.querySelectorAll('g.bar')].map((g) => ({
      label: g.dataset.label,
      value: num(g.dataset.value),
      text: g.querySelector('text.value').textContent,
      width: num(g.querySelector('rect').getAttribute('width')),
    })),
    hosts: [...fig.querySelectorAll('g.host')].map((g) => ({
      host: g.dataset.host,
      current: g.dataset.current,
      required: g.dataset.required ?? null,
      width: g.querySelector('rect') ? num(g.querySelector('rect').getAttribute('width')) : 0,
    })),
    thresholds: [...fig.querySelectorAll('g.threshold')].map((g) => ({
      count: num(g.dataset.threshold),
      x: num(g.querySelector('line').getAttribute('x1')),
    })),
    days: [...fig.querySelectorAll('svg.requests')].flatMap((svg) =>
      [...svg.querySelectorAll('g.day')].map((g) => ({
        host: svg.dataset.host,
        day: g.dataset.day,
        requests: num(g.dataset.requests),
        failed: num(g.dataset.failed),
      })),
    ),
  }));
  const tiles = {};
  for (const t of document.querySelectorAll('[data-tile]')) tiles[t.dataset.tile] = t.querySelector('.tile-value').textContent;
  const good = document.querySelector('svg .tone-good');
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return {
    tags: [...new Set(all.map((el) => el.localName))].sort(),
    scripts: document.scripts.length,
    eventHandlers,
    urls,
    csp: meta ? meta.getAttribute('content') : null,
    styleElements: document.querySelectorAll('style').length,
    charts,
    tiles,
    text: document.body.innerText,
    pwned: 'volactPwned' in window,
    colors: {
      background: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.body).color,
      good: good ? getComputedStyle(good).fill : '',
    },
    hiddenCharts: [...document.querySelectorAll('figure.chart')].filter((f) => getComputedStyle(f).display === 'none').length,
  };
})()`;

/** Relative luminance of an `rgb(r, g, b)` colour (WCAG). */
export function luminance(rgb: string): number {
  const parts = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = parts.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
