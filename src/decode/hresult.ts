// HRESULT handling: one normal form for every way a code is printed, and a description
// built from the data tables (data/hresults.tsv: our own meanings; data/hresults-ja.tsv: the same
// meanings written in Japanese; data/hresult-symbols.tsv: the symbolic names of the licensing codes).
import { loadTsv } from './data-files.js';

export interface HresultInfo {
  /** Normal form: '0x' + 8 upper-case hex digits. */
  code: string;
  symbol?: string;
  /** One or two sentences in our own words. */
  meaning?: string;
  /** The meaning in Japanese (data/hresults-ja.tsv), written for Japanese readers rather than translated word for word. */
  meaningJa?: string;
  /** kms | time | key | mak | network | dns | genuine | other | ok */
  category?: string;
  /** True when we have a symbol or a meaning for the code (directly or through `equivalent`). */
  known: boolean;
  /** Set when the entry was found under the same code with the other severity bit (0xC004F065 ≡ 0x4004F065). */
  equivalent?: string;
}

const HEX_CODE = /^(?:0x)?([0-9a-f]{1,8})$/i;
const DECIMAL = /^-?\d+$/;

function fromNumber(n: number): string | undefined {
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0xffffffff) return undefined;
  return '0x' + (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/**
 * Normal form of an HRESULT as printed anywhere: '0x0', '0x00000000', 'C004F074', 'hr=0x…', '(0x…)',
 * decimal '3221549172' or negative int32 '-1073418124'. A bare string of digits only is read as
 * decimal; a bare string with a hex letter is read as hex. Returns undefined for anything else.
 */
export function normalizeHresult(x: string | number): string | undefined {
  if (typeof x === 'number') return fromNumber(x);
  // A log holds a handful of distinct codes, each printed thousands of times: read each spelling once.
  // Only short spellings are remembered: V8 never makes a string under 13 characters a slice of a larger
  // one, so a remembered key cannot keep an event's text (and the read buffer behind it) alive.
  if (x.length > MAX_REMEMBERED_LENGTH) return parseHresult(x);
  const known = normalized.get(x);
  if (known !== undefined || normalized.has(x)) return known;
  const code = parseHresult(x);
  if (normalized.size >= MAX_REMEMBERED) normalized.clear();
  normalized.set(x, code);
  return code;
}

const MAX_REMEMBERED_LENGTH = 12;
const MAX_REMEMBERED = 10_000;
const normalized = new Map<string, string | undefined>();

function parseHresult(x: string): string | undefined {
  let s = x.trim();
  s = s.replace(/^\((.*)\)$/, '$1').trim();
  s = s.replace(/^hr\s*=\s*/i, '').replace(/\.$/, '');
  if (s === '') return undefined;
  if (/^0x/i.test(s) || /[a-f]/i.test(s)) {
    const m = HEX_CODE.exec(s);
    if (!m) return undefined;
    return '0x' + m[1].toUpperCase().padStart(8, '0');
  }
  if (DECIMAL.test(s)) return fromNumber(Number(s));
  return undefined;
}

interface Entry {
  symbol?: string;
  meaning?: string;
  meaningJa?: string;
  category?: string;
}

let table: Map<string, Entry> | undefined;

function entries(): Map<string, Entry> {
  if (table) return table;
  const map = new Map<string, Entry>();
  for (const row of loadTsv('hresult-symbols.tsv')) {
    const code = normalizeHresult(row.code);
    if (!code) continue;
    map.set(code, { symbol: row.symbol || undefined });
  }
  for (const row of loadTsv('hresults.tsv')) {
    const code = normalizeHresult(row.code);
    if (!code) continue;
    const prev = map.get(code) ?? {};
    map.set(code, {
      // The symbols file is the authority for names; our own table fills the gaps.
      symbol: prev.symbol || row.symbol || undefined,
      meaning: row.meaning || undefined,
      category: row.category || undefined,
    });
  }
  for (const row of loadTsv('hresults-ja.tsv')) {
    const code = normalizeHresult(row.code);
    const entry = code ? map.get(code) : undefined;
    // A Japanese meaning only completes an English one; the table test reports strays.
    if (entry?.meaning && row.meaning_ja) entry.meaningJa = row.meaning_ja;
  }
  table = map;
  return map;
}

/** Licensing codes (facility 4, 0xC004…/0x4004…) are printed with either severity bit; the other form. */
function otherSeverity(code: string): string | undefined {
  const n = parseInt(code.slice(2), 16);
  if (((n >>> 16) & 0x3fff) !== 0x0004) return undefined;
  return fromNumber((n ^ 0x80000000) >>> 0);
}

function toInfo(code: string, e: Entry | undefined, equivalent?: string): HresultInfo {
  const info: HresultInfo = { code, known: !!(e && (e.symbol || e.meaning)) };
  if (e?.symbol) info.symbol = e.symbol;
  if (e?.meaning) info.meaning = e.meaning;
  if (e?.meaningJa) info.meaningJa = e.meaningJa;
  if (e?.category) info.category = e.category;
  if (equivalent) info.equivalent = equivalent;
  return info;
}

/** What we know about a code. Unknown (or unreadable) codes come back with known: false. */
export function describeHresult(code: string | number): HresultInfo {
  const norm = normalizeHresult(code);
  if (!norm) return { code: String(code).trim(), known: false };
  const map = entries();
  const direct = map.get(norm);
  if (direct && (direct.symbol || direct.meaning)) return toInfo(norm, direct);
  const alt = otherSeverity(norm);
  const viaAlt = alt ? map.get(alt) : undefined;
  if (alt && viaAlt && (viaAlt.symbol || viaAlt.meaning)) return toInfo(norm, viaAlt, alt);
  return toInfo(norm, direct);
}

/** True when the normalized code is a success code (severity bit clear). */
export function isSuccessHresult(code: string): boolean {
  const n = normalizeHresult(code);
  // Severity is the top bit: the first hex digit is 0–7.
  return n !== undefined && n.charCodeAt(2) < 56 /* '8' */;
}

/** Every code we have a symbol or meaning for, sorted by code. Stable API: the KB generator uses it. */
export function allHresults(): HresultInfo[] {
  return [...entries().entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, e]) => toInfo(code, e))
    .filter((i) => i.known);
}

/**
 * Codes only a KMS client's activation produces: no KMS host answered or the answer said no (kms), the SRV
 * lookup failed (dns), the clocks differ (time). A machine whose paste holds one is a KMS client.
 */
export function isKmsClientCode(code: string): boolean {
  const category = describeHresult(code).category;
  return category === 'kms' || category === 'dns' || category === 'time';
}
