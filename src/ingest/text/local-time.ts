// Times in text exports are written in the exporting machine's locale and, mostly, its local zone without an
// offset. This module reads the common shapes (ja-JP y/M/d, en-US M/d/y with AM/PM, en-GB d/M/y, d.M.y, d-M-y,
// ISO with or without an offset) and turns them into ISO UTC, using the user's --tz when given.

export interface ExportTime {
  /** ISO-8601 UTC. */
  iso: string;
  /** True when the text had no offset and no zone was given, so it was read as if it were UTC. */
  isLocal: boolean;
}

/** A zone the user named: a fixed offset or an IANA name. */
export type TimeZone = { kind: 'offset'; minutes: number } | { kind: 'iana'; name: string; format: Intl.DateTimeFormat };

/** Parses `--tz`: `±HH:MM`, `±HHMM`, `UTC`/`Z`, or an IANA name such as `Asia/Tokyo`. Undefined when unknown. */
export function parseTimeZone(text: string): TimeZone | undefined {
  const t = text.trim();
  if (/^(z|utc|gmt)$/i.test(t)) return { kind: 'offset', minutes: 0 };
  const fixed = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return { kind: 'offset', minutes: fixed[1] === '-' ? -minutes : minutes };
  }
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: t,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    return { kind: 'iana', name: t, format };
  } catch {
    return undefined;
  }
}

/**
 * Offsets by zone and quarter hour: formatting through Intl costs microseconds per call, and a log holds many
 * events per quarter hour. Every real zone changes its offset on a quarter-hour boundary, so this is exact.
 */
const offsetCache = new WeakMap<Intl.DateTimeFormat, Map<number, number>>();
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED = 100_000;

/** Offset (local minus UTC, in minutes) of an IANA zone at the given UTC instant. */
function ianaOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  let cache = offsetCache.get(format);
  if (!cache) offsetCache.set(format, (cache = new Map()));
  const key = Math.floor(utcMs / QUARTER_HOUR_MS);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (cache.size >= MAX_CACHED) cache.clear();
  const offset = computeIanaOffset(format, key * QUARTER_HOUR_MS);
  cache.set(key, offset);
  return offset;
}

function computeIanaOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** UTC milliseconds of a wall-clock time (given as if UTC) in `zone`. */
function wallClockToUtc(wallMs: number, zone: TimeZone): number {
  if (zone.kind === 'offset') return wallMs - zone.minutes * 60_000;
  // Two rounds settle the offset except in the hour a DST change skips or repeats; there the earlier reading wins.
  const first = wallMs - ianaOffset(zone.format, wallMs) * 60_000;
  return wallMs - ianaOffset(zone.format, first) * 60_000;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written, with the dot ('' when none). */
  fraction: string;
  /** Minutes east of UTC when the text carried a zone. */
  offset?: number;
}

const MERIDIEM: Record<string, 'am' | 'pm'> = {
  am: 'am', 'a.m.': 'am', 午前: 'am', dop: 'am', 'dop.': 'am',
  pm: 'pm', 'p.m.': 'pm', 午後: 'pm', odp: 'pm', 'odp.': 'pm',
};

const SHAPE = new RegExp(
  '^(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})\\.?' + // date, three numbers with one separator
    '(?:\\s+|T)' +
    '(?:(午前|午後)\\s*)?' + // Japanese writes the meridiem before the time
    '(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?' +
    '(?:\\s*(AM|PM|a\\.m\\.|p\\.m\\.|午前|午後|dop\\.?|odp\\.?))?' +
    '\\s*(Z|[+-]\\d{2}:?\\d{2})?$',
  'i',
);

function parseParts(text: string): Parts | undefined {
  const m = SHAPE.exec(text.trim());
  if (!m) return undefined;
  const [, a, sep, b, c, before, hh, mm, ss = '0', fraction = '', after, zone] = m;
  const marker = (before ?? after)?.toLowerCase();
  const meridiem = marker ? MERIDIEM[marker] : undefined;
  let year: number;
  let month: number;
  let day: number;
  if (a.length === 4) {
    [year, month, day] = [Number(a), Number(b), Number(c)];
  } else {
    if (c.length !== 4) return undefined;
    year = Number(c);
    // en-US (with AM/PM) writes month first; en-GB, cs-CZ, de-DE and dd-MM-yyyy write day first.
    const monthFirst = sep === '/' && meridiem !== undefined;
    [month, day] = monthFirst ? [Number(a), Number(b)] : [Number(b), Number(a)];
    if (month > 12 && day <= 12) [month, day] = [day, month];
  }
  let hour = Number(hh);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const parts: Parts = { year, month, day, hour, minute: Number(mm), second: Number(ss), fraction };
  if (zone) {
    if (zone.toUpperCase() === 'Z') parts.offset = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      parts.offset = zone[0] === '-' ? -minutes : minutes;
    }
  }
  return valid(parts) ? parts : undefined;
}

function valid(p: Parts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 60) return false;
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return p.day <= daysInMonth && p.year >= 1601;
}

/**
 * Reads a date-time as an export wrote it. Without an offset in the text it is local time: converted with
 * `zone` when the user gave one, else read as UTC and flagged `isLocal`.
 */
export function readExportTime(text: string, zone?: TimeZone): ExportTime | undefined {
  const p = parseParts(text);
  if (!p) return undefined;
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, Math.min(p.second, 59));
  let utc: number;
  let isLocal = false;
  if (p.offset !== undefined) utc = wall - p.offset * 60_000;
  else if (zone) utc = wallClockToUtc(wall, zone);
  else {
    utc = wall;
    isLocal = true;
  }
  if (!Number.isFinite(utc)) return undefined;
  return { iso: new Date(utc).toISOString().slice(0, 19) + p.fraction + 'Z', isLocal };
}

/** Reads the `/Date(ms)/` form Windows PowerShell 5.1 writes in JSON (UTC milliseconds). */
export function readMsDate(text: string): string | undefined {
  const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(text.trim());
  if (!m) return undefined;
  const d = new Date(Number(m[1]));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
