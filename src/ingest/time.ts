// Event times as ISO-8601 UTC. Exports write 0 to 9 fraction digits and sometimes an offset instead of Z;
// the digits are kept as written (no rounding), only the zone is normalized.
import { utcIsoMs } from '../base/index.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Returns the time as `YYYY-MM-DDTHH:MM:SS[.f…]Z`, or undefined when `text` is not an ISO date-time. */
export function normalizeIsoTime(text: string): string | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  if (zone === 'Z') return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}Z`;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offsetMinutes * 60_000;
  if (!Number.isFinite(utc)) return undefined;
  return new Date(utc).toISOString().slice(0, 19) + fraction + 'Z';
}

/** Milliseconds since the epoch of a normalized time, NaN when empty or invalid. */
export function timeMs(iso: string): number {
  if (!iso) return NaN;
  const fast = utcIsoMs(iso);
  return fast === undefined ? Date.parse(iso) : fast;
}
