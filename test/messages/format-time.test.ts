// Report times: "2024-03-01 10:00 UTC" (English), "2024/03/01 10:00 UTC" (Japanese). Four-digit years are cut
// from the ISO string rather than formatted by Intl (a report formats hundreds of thousands of times); both ways
// must give the same text, and other years still go through Intl.
import { describe, expect, it } from 'vitest';
import { formatTime, formatWindow } from '../../src/messages/index.js';

const formats = new Map(
  ['en-CA', 'ja-JP'].map((locale) => [locale, new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })]),
);
const intl = (ms: number, locale: string): string => {
  const f = formats.get(locale)!;
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return locale === 'ja-JP' ? `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute} UTC` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} UTC`;
};

describe('formatTime', () => {
  it('gives the literal forms', () => {
    expect(formatTime('2024-03-01T10:05:59.999Z', 'en')).toBe('2024-03-01 10:05 UTC');
    expect(formatTime('2024-03-01T10:05:00Z', 'ja')).toBe('2024/03/01 10:05 UTC');
    expect(formatWindow(Date.UTC(2024, 1, 29, 23, 0), Date.UTC(2024, 1, 29, 23, 59, 59), 'en')).toBe('2024-02-29 23:00–23:59 UTC');
    expect(formatTime('not a time', 'en')).toBe('not a time');
  });
  it('agrees with Intl on times across the four-digit years, their edges included', () => {
    const times = [Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(1601, 0, 1), Date.UTC(2038, 0, 19, 3, 14, 7)];
    for (let i = 0; i < 1000; i++) times.push(Date.UTC(1000, 0, 1) + ((i * 2_654_435_761) % 9000) * 365.2425 * 86_400_000 + i * 37_000);
    for (const ms of times) {
      expect(formatTime(ms, 'en')).toBe(intl(ms, 'en-CA'));
      expect(formatTime(ms, 'ja')).toBe(intl(ms, 'ja-JP'));
    }
  });
  it('leaves other years to Intl', () => {
    for (const ms of [Date.UTC(999, 11, 31, 23, 59), Date.UTC(10000, 0, 1), Date.UTC(-5, 5, 5)]) {
      expect(formatTime(ms, 'en')).toBe(intl(ms, 'en-CA'));
      expect(formatTime(ms, 'ja')).toBe(intl(ms, 'ja-JP'));
    }
  });
});
