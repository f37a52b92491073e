// WMI values as PowerShell writes them in an inventory: numbers as text (unsigned, or signed for HRESULTs),
// 4294967295 (uint32 −1) for "not applicable", booleans as True/False, dates in the exporting machine's
// format (or WMI's own yyyymmddHHMMSS.ffffff±UUU, or /Date(ms)/ in JSON), 1601-01-01 for "none".
import { normalizeHresult } from './hresult.js';
import { parseGuid } from './fields.js';
import { readExportTime, readMsDate, type TimeZone } from '../ingest/index.js';

/** uint32 −1: WMI's "not applicable". */
const NOT_APPLICABLE = 4294967295;

/** Reads the properties of one object, case-insensitively, and records why a value was refused. */
export class WmiValues {
  readonly problems: string[] = [];
  private readonly byName = new Map<string, { name: string; value: string }>();

  constructor(
    properties: Record<string, string>,
    private readonly line: number,
    private readonly zone: TimeZone | undefined,
  ) {
    for (const [name, value] of Object.entries(properties)) this.byName.set(name.toLowerCase(), { name, value });
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The value as text, trimmed; undefined when absent or empty. */
  text(name: string): string | undefined {
    const v = this.byName.get(name.toLowerCase())?.value.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  /** A whole number; undefined when absent, empty, or "not applicable" (4294967295). */
  uint(name: string): number | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) return this.refuse(name, v, 'is not a whole number');
    const n = Number(v);
    return n === NOT_APPLICABLE ? undefined : n;
  }

  bool(name: string): boolean | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    if (/^(true|1)$/i.test(v)) return true;
    if (/^(false|0)$/i.test(v)) return false;
    return this.refuse(name, v, 'is neither True nor False');
  }

  guid(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    return parseGuid(v) ?? this.refuse(name, v, 'is not a GUID');
  }

  /** An HRESULT written as a decimal (unsigned or signed) or hex; 0 and "not applicable" are no code. */
  hresult(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined || v === '0' || v === String(NOT_APPLICABLE)) return undefined;
    const code = normalizeHresult(v);
    return code ?? this.refuse(name, v, 'is not an HRESULT');
  }

  /** ISO UTC; undefined for no date (empty, 1601-01-01 in any format). */
  date(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined || /\b1601\b|^16010101/.test(v)) return undefined;
    const wmi = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\.\d{6}([+-]\d{3})$/.exec(v);
    if (wmi) {
      const [, y, mo, d, h, mi, s, offset] = wmi;
      const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - Number(offset) * 60_000;
      return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : this.refuse(name, v, 'is not a date');
    }
    const fromJson = readMsDate(v);
    if (fromJson) return fromJson.replace('.000Z', 'Z');
    return readExportTime(v, this.zone)?.iso ?? this.refuse(name, v, 'is not a date');
  }

  private refuse(name: string, value: string, why: string): undefined {
    this.problems.push(`line ${this.line} (${this.byName.get(name.toLowerCase())?.name ?? name} ${JSON.stringify(value.slice(0, 80))} ${why})`);
    return undefined;
  }
}
