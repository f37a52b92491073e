// 12290 requests per UTC day for each KMS host, failed requests stacked at the bottom of each column.
import type { KmsHostView } from '../../../fleet/types.js';
import { html, joinHtml, type Html } from '../escape-html.js';
import { speaker, type Speaker } from '../../speaker.js';
import { FULL_WIDTH, emptyFigure, figure, niceMax, shorten } from './figure.js';

const HEIGHT = 150;
const PLOT = { left: 44, right: FULL_WIDTH - 10, top: 24, bottom: 118 };

function hostColumns(host: KmsHostView, text: Speaker): Html {
  const days = host.requestsPerDay;
  const scale = niceMax(days.reduce((most, d) => Math.max(most, d.requests), 1));
  const slot = (PLOT.right - PLOT.left) / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.8);
  const y = (n: number): number => PLOT.bottom - (n / scale) * (PLOT.bottom - PLOT.top);
  const columns = days.map((d, i) => {
    const left = PLOT.left + i * slot + (slot - barWidth) / 2;
    return html`<g class="day" data-day="${d.day}" data-requests="${d.requests}" data-failed="${d.failed}"><title>${text.t('html.requests.day', { day: d.day, requests: { count: d.requests }, failed: { count: d.failed } })}</title><rect class="tone-bad" x="${left}" y="${y(d.failed)}" width="${barWidth}" height="${PLOT.bottom - y(d.failed)}"/><rect class="tone-neutral" x="${left}" y="${y(d.requests)}" width="${barWidth}" height="${y(d.failed) - y(d.requests)}"/></g>`;
  });
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  const axis = html`<g class="axis"><line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/><text x="${PLOT.left - 6}" y="${PLOT.top + 4}" text-anchor="end">${scale}</text><text x="${PLOT.left - 6}" y="${PLOT.bottom}" text-anchor="end">0</text><text x="${PLOT.left}" y="${PLOT.bottom + 16}">${first}</text>${days.length > 1 ? html`<text x="${PLOT.right}" y="${PLOT.bottom + 16}" text-anchor="end">${last}</text>` : undefined}</g>`;
  const total = days.reduce((n, d) => n + d.requests, 0);
  const failed = days.reduce((n, d) => n + d.failed, 0);
  const title = html`<text class="host-name" x="${PLOT.left}" y="14">${shorten(host.name, 80)} · ${text.t('html.requests.perHost', { total: { count: total }, failed: { count: failed } })}</text>`;
  return html`<svg class="requests" data-host="${host.name}" viewBox="0 0 ${FULL_WIDTH} ${HEIGHT}" width="${FULL_WIDTH}" height="${HEIGHT}" role="img" aria-label="${text.t('html.requests.aria', { host: host.name })}">${title}${axis}${columns}</svg>`;
}

export function requestsChart(hosts: readonly KmsHostView[] | undefined, text: Speaker = speaker('en')): Html {
  const caption = text.t('html.requests.caption');
  if (!hosts) return emptyFigure('kms-requests', caption, text.t('html.requests.none'));
  const withDays = hosts.filter((h) => h.requestsPerDay.length > 0);
  if (withDays.length === 0) return emptyFigure('kms-requests', caption, text.t('html.requests.noEvents'));
  const legend = html`<p class="legend"><span class="swatch tone-neutral"></span> ${text.t('html.requests.answered')} <span class="swatch tone-bad"></span> ${text.t('html.requests.failed')}</p>`;
  return figure('kms-requests', caption, joinHtml([legend, ...withDays.map((h) => hostColumns(h, text))]));
}
