// "At a glance": the numbers a manager looks for first (how many machines are licensed, what expires this
// month, whether the KMS hosts are near their thresholds), as tiles and inline SVG charts.
import type { ExpiringLicense, ExpiryRange } from '../../fleet/types.js';
import type { Severity } from '../../types.js';
import type { Report } from '../model.js';
import { barChart, type Bar } from './charts/bar-chart.js';
import { emptyFigure, type Tone } from './charts/figure.js';
import { kmsCountChart } from './charts/kms-count-chart.js';
import { requestsChart } from './charts/requests-chart.js';
import { html, joinHtml, type Html } from './escape-html.js';
import { EXPIRY_RANGES, readFleetViews, type ChartableFleet } from './fleet-views.js';

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

const RANGE_LABELS: Record<ExpiryRange, string> = {
  expired: 'expired',
  '0-7d': 'within 7 days',
  '8-30d': '8–30 days',
  '31-60d': '31–60 days',
  '61-90d': '61–90 days',
  '>90d': 'after 90 days',
};

/** "This month": the ranges that end within 30 days, expired ones included. */
const SOON: ReadonlySet<ExpiryRange> = new Set(['expired', '0-7d', '8-30d']);

const SEVERITY_BARS: ReadonlyArray<readonly [Severity, string, Tone]> = [
  ['error', 'errors', 'bad'],
  ['warning', 'warnings', 'warn'],
  ['info', 'info', 'neutral'],
];

const EXPIRING_ROWS = 50;

export function renderOverview(report: Report): Html {
  const fleet = readFleetViews(report.fleet);
  return html`<section class="overview" aria-label="At a glance"><h2>At a glance</h2>${tiles(report, fleet)}<div class="charts">${joinHtml([
    statusChart(fleet),
    expiryChart(fleet),
    kmsCountChart(fleet.kmsHosts),
    findingsChart(report),
  ])}</div>${requestsChart(fleet.kmsHosts)}${expiringTable(fleet.expiring)}</section>`;
}

function tile(name: string, value: number | string, label: string, tone: Tone = 'neutral'): Html {
  return html`<div class="tile tile-${tone}" data-tile="${name}"><span class="tile-value">${value}</span><span class="tile-label">${label}</span></div>`;
}

function tiles(report: Report, fleet: ChartableFleet): Html {
  const parts: Html[] = [tile('machines', report.summary.machines, 'machines')];
  if (fleet.statusCounts) {
    const total = Object.values(fleet.statusCounts).reduce((a, b) => a + b, 0);
    const licensed = fleet.statusCounts.Licensed ?? 0;
    parts.push(tile('licensed', `${licensed} / ${total}`, 'licenses activated', licensed === total ? 'good' : 'warn'));
  }
  if (fleet.expiringByRange) {
    const soon = [...SOON].reduce((n, r) => n + fleet.expiringByRange![r], 0);
    parts.push(tile('expiring-soon', soon, 'expired or expiring within 30 days', soon > 0 ? 'warn' : 'good'));
  }
  if (fleet.kmsHosts) parts.push(tile('kms-hosts', fleet.kmsHosts.length, 'KMS hosts'));
  const errors = report.summary.findings.error;
  parts.push(tile('errors', errors, 'error findings', errors > 0 ? 'bad' : 'good'));
  return html`<div class="tiles">${parts}</div>`;
}

function statusChart(fleet: ChartableFleet): Html {
  const caption = 'Licenses by status';
  if (!fleet.statusCounts) return emptyFigure('license-status', caption, 'The report holds no license status counts.');
  const counts = fleet.statusCounts;
  const known = STATUS_TONES.filter(([name]) => name in counts).map(([name, tone]): Bar => ({ label: name, value: counts[name], tone }));
  const others = Object.keys(counts)
    .filter((name) => !STATUS_TONES.some(([known]) => known === name))
    .sort()
    .map((name): Bar => ({ label: name, value: counts[name], tone: 'neutral' }));
  const bars = [...known, ...others];
  if (bars.length === 0) return emptyFigure('license-status', caption, 'No license status in the inputs (slmgr /dlv output or 8230 events give it).');
  return barChart('license-status', caption, bars, 'A machine counts once per product.');
}

function expiryChart(fleet: ChartableFleet): Html {
  const caption = 'Activations and grace periods ending';
  if (!fleet.expiringByRange) return emptyFigure('expiry-ranges', caption, 'The report holds no expiry ranges.');
  const byRange = fleet.expiringByRange;
  const bars = EXPIRY_RANGES.map((range): Bar => ({ label: RANGE_LABELS[range], value: byRange[range], tone: RANGE_TONES[range] }));
  return barChart('expiry-ranges', caption, bars);
}

function findingsChart(report: Report): Html {
  const bars = SEVERITY_BARS.map(([severity, label, tone]): Bar => ({ label, value: report.summary.findings[severity], tone }));
  return barChart('findings-severity', 'Findings by severity', bars);
}

function expiringTable(expiring: readonly ExpiringLicense[] | undefined): Html | undefined {
  const soon = (expiring ?? []).filter((e) => SOON.has(e.range)).sort((a, b) => a.expires.localeCompare(b.expires));
  if (soon.length === 0) return undefined;
  const rows = soon.slice(0, EXPIRING_ROWS).map(
    (e) =>
      html`<tr data-range="${e.range}"><td>${e.machine}</td><td>${e.product}</td><td>${e.status}</td><td>${formatTime(e.expires)}</td><td class="num">${daysLeft(e.minutesLeft)}</td></tr>`,
  );
  const more = soon.length > EXPIRING_ROWS ? html`<p class="chart-note">${soon.length - EXPIRING_ROWS} more in the JSON report.</p>` : undefined;
  return html`<section class="expiring" data-table="expiring-soon"><h3>Expired or expiring within 30 days</h3><table><thead><tr><th>Machine</th><th>Product</th><th>Status</th><th>Ends</th><th class="num">Days left</th></tr></thead><tbody>${rows}</tbody></table>${more}</section>`;
}

function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso;
}

function daysLeft(minutes: number): string {
  return minutes <= 0 ? 'ended' : (minutes / 1440).toFixed(1);
}
