// Epoch milliseconds of ISO-8601 UTC times, on the lowest floor (imports nothing) because every layer
// compares event times: ingest normalizes them, evidence orders them, rules compare them per fact.

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * The common shape `YYYY-MM-DDTHH:MM:SS[.f…]Z` read with arithmetic instead of Date.parse: rules compare
 * event times millions of times on a dense log. Gives exactly what Date.parse gives (fraction digits past
 * the third are cut, not rounded); any other shape, or a value Date.parse would roll over (Feb 30,
 * 24:00), returns undefined so the caller asks Date.parse.
 */
export function utcIsoMs(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = mo === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > monthDays) return undefined;
  let ms = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 /* . */ || n === 21) return undefined;
    let scale = 100;
    for (let i = 20; i < n - 1; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.trunc(ms);
  }
  // Days since 1970-01-01 (proleptic Gregorian), as Date.UTC counts them.
  const yearsBefore = y - 1;
  const days = 365 * (y - 1970) + (Math.floor(yearsBefore / 4) - Math.floor(yearsBefore / 100) + Math.floor(yearsBefore / 400)) - 477 + DAYS_BEFORE_MONTH[mo - 1] + (mo > 2 && leap ? 1 : 0) + d - 1;
  return ((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms;
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
