// Formatting with Intl, per language. English keeps the forms support engineers type into filters
// ("2024-03-01 10:00 UTC", "4.5 h"); Japanese uses its own units. Times are always shown in UTC and say so.
import type { Lang } from './types.js';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let f = numberFormats.get(key);
  // English reports print counts without separators, as they always have (scripts and filters match them).
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits, useGrouping: lang === 'ja' })));
  return f;
}

export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, 0).format(n);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: Record<Lang, { day: string; hour: string; minute: string }> = {
  en: { day: ' days', hour: ' h', minute: ' min' },
  ja: { day: ' 日', hour: ' 時間', minute: ' 分' },
};

/** A length of time, sign dropped: "4.5 h" / "4.5 時間". */
export function formatDuration(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  const u = UNITS[lang];
  if (abs >= 2 * DAY) return `${numberFormat(lang, 1).format(abs / DAY)}${u.day}`;
  if (abs >= HOUR) return `${numberFormat(lang, 1).format(abs / HOUR)}${u.hour}`;
  return `${numberFormat(lang, 0).format(Math.round(abs / MINUTE))}${u.minute}`;
}

const timeFormats = new Map<Lang, Intl.DateTimeFormat>();
/** Years Intl writes as four plain digits in both languages: these are cut from the ISO string, 6× faster. */
const FOUR_DIGIT_YEARS = [Date.UTC(1000, 0, 1), Date.UTC(10000, 0, 1)];

function timeParts(ms: number, lang: Lang): Record<string, string> {
  if (ms >= FOUR_DIGIT_YEARS[0] && ms < FOUR_DIGIT_YEARS[1]) {
    const iso = new Date(ms).toISOString();
    return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10), hour: iso.slice(11, 13), minute: iso.slice(14, 16) };
  }
  let f = timeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(lang, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

function dayOf(p: Record<string, string>, lang: Lang): string {
  return lang === 'ja' ? `${p.year}/${p.month}/${p.day}` : `${p.year}-${p.month}-${p.day}`;
}

/** A moment in UTC at minute precision: "2024-03-01 10:00 UTC" / "2024/03/01 10:00 UTC". ISO strings that do not parse stay as they are. */
export function formatTime(time: number | string, lang: Lang): string {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (Number.isNaN(ms)) return String(time);
  const p = timeParts(ms, lang);
  return `${dayOf(p, lang)} ${p.hour}:${p.minute} UTC`;
}

/** "2024-03-01 10:00–14:00 UTC", or two full stamps when the days differ. */
export function formatWindow(from: number, to: number, lang: Lang): string {
  const a = timeParts(from, lang);
  const b = timeParts(to, lang);
  if (dayOf(a, lang) === dayOf(b, lang)) return `${dayOf(a, lang)} ${a.hour}:${a.minute}–${b.hour}:${b.minute} UTC`;
  return `${formatTime(from, lang)} – ${formatTime(to, lang)}`;
}
