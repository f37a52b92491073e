// KMS host current count against the activation thresholds: a host activates servers from a count of 5 and
// client operating systems from 25. Each host is one bar with both thresholds drawn across it.
import { speaker, type Speaker } from '../../speaker.js';
import type { KmsHostView } from '../../../fleet/types.js';
import { html, type Html } from '../escape-html.js';
import { HALF_WIDTH, emptyFigure, figure, rightLabel, type Tone } from './figure.js';

/** Counts the KMS host must reach before it activates each kind of client. */
export const KMS_THRESHOLDS = [
  { count: 5, kind: 'servers' },
  { count: 25, kind: 'clients' },
] as const;

const ROW = 30;
const TOP = 22;
const LABEL_WIDTH = 164;
const BAR_X = 172;
const BAR_SPACE = HALF_WIDTH - BAR_X - 58;

/** Good when the host meets what its clients ask for; without that, judged against the client threshold. */
export function countTone(current: number, required: number | undefined): Tone {
  if (required !== undefined) return current >= required ? 'good' : 'bad';
  if (current >= 25) return 'good';
  return current >= 5 ? 'warn' : 'bad';
}

export function kmsCountChart(hosts: readonly KmsHostView[] | undefined, text: Speaker = speaker('en')): Html {
  const caption = text.t('html.kmsCount.caption');
  if (!hosts) return emptyFigure('kms-count', caption, text.t('html.kmsCount.none'));
  if (hosts.length === 0) return emptyFigure('kms-count', caption, text.t('html.kmsCount.noHost'));
  const top = hosts.reduce((most, h) => Math.max(most, h.currentCount ?? 0, h.requiredCount ?? 0), 30);
  const scale = Math.ceil(top / 5) * 5;
  const x = (count: number): number => BAR_X + (count / scale) * BAR_SPACE;
  const height = TOP + hosts.length * ROW + 6;
  const thresholds = KMS_THRESHOLDS.map(
    (t) => html`<g class="threshold" data-threshold="${t.count}"><line x1="${x(t.count)}" x2="${x(t.count)}" y1="${TOP - 4}" y2="${height - 2}"/><text x="${x(t.count)}" y="${TOP - 8}" text-anchor="middle">${text.t(`html.kmsCount.threshold-${t.kind}`, { count: t.count })}</text></g>`,
  );
  const rows = hosts.map((host, i) => {
    const y = TOP + i * ROW;
    const label = rightLabel(LABEL_WIDTH, y + 19, host.name, LABEL_WIDTH - 6);
    const required = host.requiredCount !== undefined ? html` data-required="${host.requiredCount}"` : undefined;
    if (host.currentCount === undefined) {
      return html`<g class="host" data-host="${host.name}" data-current=""${required}><title>${text.t('html.kmsCount.hostUnknown', { host: host.name })}</title>${label}<text class="value" x="${BAR_X + 4}" y="${y + 19}">${text.t('html.kmsCount.unknown')}</text></g>`;
    }
    const width = Math.max(2, x(host.currentCount) - BAR_X);
    const needs = host.requiredCount !== undefined;
    return html`<g class="host" data-host="${host.name}" data-current="${host.currentCount}"${required}><title>${hostTitle(text, host.name, host.currentCount, host.requiredCount, host.currentCountSource ?? '')}</title>${label}<rect class="tone-${countTone(host.currentCount, host.requiredCount)}" x="${BAR_X}" y="${y + 6}" width="${width}" height="${ROW - 12}" rx="2"/><text class="value" x="${BAR_X + BAR_SPACE + 8}" y="${y + 19}">${host.currentCount}${needs ? ` / ${host.requiredCount}` : ''}</text></g>`;
  });
  const svg = html`<svg class="kms-count" viewBox="0 0 ${HALF_WIDTH} ${height}" width="${HALF_WIDTH}" height="${height}" role="img" aria-label="${caption}">${rows}${thresholds}</svg>`;
  return figure('kms-count', caption, svg, text.t('html.kmsCount.note'));
}

function hostTitle(text: Speaker, host: string, count: number, need: number | undefined, source: string): string {
  return need === undefined ? text.t('html.kmsCount.hostCount', { host, count, source }) : text.t('html.kmsCount.hostCountNeed', { host, count, need, source });
}
