// The charts draw from `Report.fleet`. A report may come from an older run, a JSON file or a partial fleet
// computation, so each view is checked before use: a view that is missing or malformed is left out (its chart
// says so) instead of drawing NaN bars or throwing.
import type { ExpiringLicense, ExpiryRange, FleetViews, KmsHostView } from '../../fleet/types.js';

export const EXPIRY_RANGES: readonly ExpiryRange[] = ['expired', '0-7d', '8-30d', '31-60d', '61-90d', '>90d'];

/** The views the HTML report draws; each is present only when it was well-formed. */
export type ChartableFleet = Partial<Pick<FleetViews, 'statusCounts' | 'expiring' | 'expiringByRange' | 'kmsHosts'>>;

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function optionalCount(value: unknown): number | undefined {
  return isCount(value) ? value : undefined;
}

function isRange(value: unknown): value is ExpiryRange {
  return typeof value === 'string' && (EXPIRY_RANGES as readonly string[]).includes(value);
}

function readCounts(value: unknown): Record<string, number> | undefined {
  if (!isObject(value)) return undefined;
  const counts: Record<string, number> = {};
  for (const [key, n] of Object.entries(value)) if (isCount(n)) counts[key] = n;
  return counts;
}

function readExpiring(value: unknown): ExpiringLicense[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: ExpiringLicense[] = [];
  for (const item of value) {
    if (!isObject(item) || !isRange(item.range)) continue;
    const { machine, product, status, expires, minutesLeft } = item;
    if (typeof machine !== 'string' || typeof product !== 'string' || typeof expires !== 'string') continue;
    if (typeof minutesLeft !== 'number' || !Number.isFinite(minutesLeft)) continue;
    const source = isObject(item.source) && typeof item.source.file === 'string' ? { file: item.source.file } : { file: '' };
    out.push({ machine, product, status: typeof status === 'string' ? status : '', expires, minutesLeft, range: item.range, source });
  }
  return out;
}

function readRequestsPerDay(value: unknown): KmsHostView['requestsPerDay'] {
  if (!Array.isArray(value)) return [];
  const out: KmsHostView['requestsPerDay'] = [];
  for (const d of value) {
    if (!isObject(d) || typeof d.day !== 'string' || !isCount(d.requests)) continue;
    out.push({ day: d.day, requests: d.requests, failed: isCount(d.failed) ? Math.min(d.failed, d.requests) : 0 });
  }
  return out;
}

const COUNT_SOURCES: readonly KmsHostView['currentCountSource'][] = ['slmgr', '12290', 'unknown'];
const DNS_STATES: readonly KmsHostView['dnsPublishing'][] = ['ok', 'failed', 'disabled', 'enabled', 'unknown'];

function readKmsHosts(value: unknown): KmsHostView[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: KmsHostView[] = [];
  for (const h of value) {
    if (!isObject(h) || typeof h.name !== 'string') continue;
    const host: KmsHostView = {
      name: h.name,
      currentCountSource: COUNT_SOURCES.find((s) => s === h.currentCountSource) ?? 'unknown',
      clientsSeen: optionalCount(h.clientsSeen) ?? 0,
      dnsPublishing: DNS_STATES.find((s) => s === h.dnsPublishing) ?? 'unknown',
      requestsPerDay: readRequestsPerDay(h.requestsPerDay),
    };
    const current = optionalCount(h.currentCount);
    if (current !== undefined) host.currentCount = current;
    const required = optionalCount(h.requiredCount);
    if (required !== undefined) host.requiredCount = required;
    if (typeof h.lastActivity === 'string') host.lastActivity = h.lastActivity;
    out.push(host);
  }
  return out;
}

export function readFleetViews(fleet: unknown): ChartableFleet {
  if (!isObject(fleet)) return {};
  const views: ChartableFleet = {};
  const statusCounts = readCounts(fleet.statusCounts);
  if (statusCounts) views.statusCounts = statusCounts;
  const expiring = readExpiring(fleet.expiring);
  if (expiring) views.expiring = expiring;
  const byRange = readCounts(fleet.expiringByRange);
  if (byRange) {
    const ranges = Object.fromEntries(EXPIRY_RANGES.map((r) => [r, byRange[r] ?? 0])) as Record<ExpiryRange, number>;
    views.expiringByRange = ranges;
  }
  const kmsHosts = readKmsHosts(fleet.kmsHosts);
  if (kmsHosts) views.kmsHosts = kmsHosts;
  return views;
}
