// "At a glance": the numbers a manager looks for first (how many machines are licensed, what expires this
// month, whether the KMS hosts are near their thresholds), as tiles and inline SVG charts.
import type { ExpiringLicense, ExpiryRange } from '../../fleet/types.js';
import type { Severity } from '../../types.js';
import type { ShownReport } from '../wording.js';
import { barChart, type Bar } from './charts/bar-chart.js';
import { emptyFigure, type Tone } from './charts/figure.js';
import { kmsCountChart } from './charts/kms-count-chart.js';
import { requestsChart } from './charts/requests-chart.js';
import { html, joinHtml, type Html } from './escape-html.js';
import { EXPIRY_RANGES, readFleetViews, type ChartableFleet } from './fleet-views.js';
import { formatTime } from '../../messages/index.js';
import { speaker as speakerFor, type Speaker } from '../speaker.js';
import { verdictOf } from '../verdict.js';

/** License status names (SoftwareLicensingProduct.LicenseStatus) in reading order, with their colour role. */
const STATUS_TONES: ReadonlyArray<readonly [string, Tone]> = [
  ['Licensed', 'good'],
  ['OOBGrace', 'warn'],
  ['OOTGrace', 'warn'],
  ['ExtendedGrace', 'warn'],
  ['NonGenuineGrace', 'bad'],
  ['Notification', 'bad'],
  ['Unlicensed', 'bad'],
  ['Unknown', 'neutral'],
];

const RANGE_TONES: Record<ExpiryRange, Tone> = {
  expired: 'bad',
  '0-7d': 'bad',
  '8-30d': 'warn',
  '31-60d': 'neutral',
  '61-90d': 'neutral',
  '>90d': 'good',
};

/** "This month": the ranges that end within 30 days, expired ones included. */
const SOON: ReadonlySet<ExpiryRange> = new Set(['expired', '0-7d', '8-30d']);

const SEVERITY_TONES: ReadonlyArray<readonly [Severity, Tone]> = [
  ['error', 'bad'],
  ['warning', 'warn'],
  ['info', 'neutral'],
];

const EXPIRING_ROWS = 50;

export function renderOverview(report: ShownReport, t: Speaker = speakerFor('en')): Html {
  const fleet = readFleetViews(report.fleet);
  return html`<section class="overview" aria-label="${t.t('html.glance')}"><h2>${t.t('html.glance')}</h2>${tiles(report, fleet, t)}<div class="charts">${joinHtml([
    statusChart(fleet, t),
    expiryChart(fleet, t),
    kmsCountChart(fleet.kmsHosts, t),
    findingsChart(report, t),
  ])}</div>${requestsChart(fleet.kmsHosts, t)}${expiringTable(fleet.expiring, t)}</section>`;
}

function tile(name: string, value: number | string, label: string, tone: Tone = 'neutral'): Html {
  return html`<div class="tile tile-${tone}" data-tile="${name}"><span class="tile-value">${value}</span><span class="tile-label">${label}</span></div>`;
}

/**
 * A tile is green only for what the evidence shows: licenses whose status is unknown are not counted either
 * way, a tile without data is neutral, and nothing is green when not every input could be read.
 */
function tiles(report: ShownReport, fleet: ChartableFleet, t: Speaker): Html {
  const v = verdictOf(report);
  const judged = v.status === 'attention' || v.status === 'clean';
  const good = (ok: boolean): Tone => (!judged ? 'neutral' : ok ? (v.unread > 0 ? 'neutral' : 'good') : 'warn');
  const parts: Html[] = [tile('machines', report.summary.machines, t.t('html.tiles.machines'))];
  if (v.unread > 0 || v.status === 'nothing-read') {
    parts.push(tile('unread', `${v.unread} / ${v.inputs}`, t.t('html.tiles.unread'), 'bad'));
  }
  if (fleet.statusCounts) {
    const { Unknown: unknown = 0, ...known } = fleet.statusCounts;
    const total = Object.values(known).reduce((a, b) => a + b, 0);
    const licensed = known.Licensed ?? 0;
    const label = unknown > 0 ? t.t('html.tiles.licensedUnknown', { n: { count: unknown } }) : t.t('html.tiles.licensed');
    parts.push(tile('licensed', `${licensed} / ${total}`, label, total === 0 ? 'neutral' : good(licensed === total)));
  }
  if (fleet.expiringByRange) {
    const byRange = fleet.expiringByRange;
    const soon = [...SOON].reduce((n, r) => n + byRange[r], 0);
    const dated = EXPIRY_RANGES.reduce((n, r) => n + byRange[r], 0);
    parts.push(tile('expiring-soon', soon, t.t('html.tiles.expiringSoon'), dated === 0 ? 'neutral' : good(soon === 0)));
  }
  if (fleet.kmsHosts) parts.push(tile('kms-hosts', fleet.kmsHosts.length, t.t('html.tiles.kmsHosts')));
  const errors = report.summary.findings.error;
  parts.push(tile('errors', errors, t.t('html.tiles.errors'), errors > 0 ? 'bad' : good(true)));
  return html`<div class="tiles">${parts}</div>`;
}

function statusChart(fleet: ChartableFleet, t: Speaker): Html {
  const caption = t.t('html.status.caption');
  if (!fleet.statusCounts) return emptyFigure('license-status', caption, t.t('html.status.none'));
  const counts = fleet.statusCounts;
  const known = STATUS_TONES.filter(([name]) => name in counts).map(([name, tone]): Bar => ({ label: name, value: counts[name], tone }));
  const others = Object.keys(counts)
    .filter((name) => !STATUS_TONES.some(([known]) => known === name))
    .sort()
    .map((name): Bar => ({ label: name, value: counts[name], tone: 'neutral' }));
  const bars = [...known, ...others];
  if (bars.length === 0) return emptyFigure('license-status', caption, t.t('html.status.noStatus'));
  return barChart('license-status', caption, bars, t.t('html.status.note'));
}

function expiryChart(fleet: ChartableFleet, t: Speaker): Html {
  const caption = t.t('html.expiry.caption');
  if (!fleet.expiringByRange) return emptyFigure('expiry-ranges', caption, t.t('html.expiry.none'));
  const byRange = fleet.expiringByRange;
  const bars = EXPIRY_RANGES.map((range): Bar => ({ label: t.t(`html.expiry.ranges.${range}`), value: byRange[range], tone: RANGE_TONES[range] }));
  return barChart('expiry-ranges', caption, bars);
}

function findingsChart(report: ShownReport, t: Speaker): Html {
  const bars = SEVERITY_TONES.map(([severity, tone]): Bar => ({ label: t.t(`html.findings.${severity}`), value: report.summary.findings[severity], tone }));
  return barChart('findings-severity', t.t('html.findings.caption'), bars);
}

function expiringTable(expiring: readonly ExpiringLicense[] | undefined, t: Speaker): Html | undefined {
  const soon = (expiring ?? []).filter((e) => SOON.has(e.range)).sort((a, b) => a.expires.localeCompare(b.expires));
  if (soon.length === 0) return undefined;
  const rows = soon.slice(0, EXPIRING_ROWS).map(
    (e) =>
      html`<tr data-range="${e.range}"><td>${e.machine}</td><td>${e.product}</td><td>${e.status}</td><td>${formatTime(e.expires, t.lang)}</td><td class="num">${daysLeft(e.minutesLeft, t)}</td></tr>`,
  );
  const more = soon.length > EXPIRING_ROWS ? html`<p class="chart-note">${t.t('html.expiring.more', { n: { count: soon.length - EXPIRING_ROWS } })}</p>` : undefined;
  const [machine, product, status, ends, days] = [0, 1, 2, 3, 4].map((i) => t.say({ id: `html.expiring.head.${i}` }));
  return html`<section class="expiring" data-table="expiring-soon"><h3>${t.t('html.expiring.title')}</h3><table><thead><tr><th>${machine}</th><th>${product}</th><th>${status}</th><th>${ends}</th><th class="num">${days}</th></tr></thead><tbody>${rows}</tbody></table>${more}</section>`;
}

function daysLeft(minutes: number, t: Speaker): string {
  return minutes <= 0 ? t.t('html.expiring.ended') : (minutes / 1440).toFixed(1);
}
