// Reading the positional values of an activation event. Each reader method takes the field's
// index and name, returns the parsed value or undefined, and records why a value was refused,
// so a decoder can keep what is valid and report the rest.
import { normalizeHresult } from './hresult.js';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** '{ABC…}' or 'abc…' → lower-case bare GUID; undefined when not a GUID. */
export function parseGuid(s: string): string | undefined {
  const m = GUID.exec(s.trim());
  return m ? m[1].toLowerCase() : undefined;
}

function iso(y: number, mo: number, d: number, h: number, mi: number, s: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const dt = new Date(t);
  if (dt.getUTCDate() !== d || dt.getUTCMonth() !== mo - 1) return undefined; // 2023/02/30
  return dt.toISOString().replace('.000Z', 'Z');
}

/**
 * KMS client timestamps: 'yyyy/M/d H:mm' (real events, also unpadded as in '2006/1/14 2:30'),
 * 'M/d/yyyy H:mm' (older docs), optional seconds and AM/PM, or already ISO. Read as UTC.
 */
export function parseClientTime(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T]+(\d{1,2}):\s?(\d{2})(?::\s?(\d{2}))?(?:\.\d+)?\s*(AM|PM)?\s*Z?$/i.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3], hour12(+m[4], m[7]), +m[5], +(m[6] ?? 0));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):\s?(\d{2})(?::\s?(\d{2}))?\s*(AM|PM)?$/i.exec(s);
  if (m) return iso(+m[3], +m[1], +m[2], hour12(+m[4], m[7]), +m[5], +(m[6] ?? 0));
  return undefined;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toUpperCase() === 'PM';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** 'host:1688', '[fe80::1]:1688', '_key.management.server:_1688' (OSPP), or a bare host. */
export function parseHostPort(raw: string): { host: string; port?: number } | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const v6 = /^\[([^\]]+)\](?::_?(\d{1,5}))?$/.exec(s);
  if (v6) return v6[2] ? { host: v6[1], port: Number(v6[2]) } : { host: v6[1] };
  const m = /^(.*?):\s?_?(\d{1,5})$/.exec(s);
  if (m && m[1] !== '' && Number(m[2]) <= 65535) return { host: m[1], port: Number(m[2]) };
  if (/^[^\s:]+$/.test(s)) return { host: s };
  return undefined;
}

/** 'A=1;B=2' (also with ', ' separators inside 8233 text) → record; keys keep their case. */
export function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/;/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    if (!/^[A-Za-z][\w.-]*$/.test(key)) continue;
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Case-insensitive lookup in a key=value record. */
export function pick(fields: Record<string, string>, key: string): string | undefined {
  const k = Object.keys(fields).find((f) => f.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : fields[k];
}

/**
 * The positional fields of an event whose values may come as one comma-joined string
 * (12288/12289 always; 12290 in its first Data) or as one Data per field.
 */
export function positionalFields(data: readonly string[], fieldCount: number): string[] {
  if (data.length === 0) return [];
  if (data.length === 1) return data[0].split(',').map((v) => v.trim());
  // 12290 layout: Data[0] is the combined string, Data[1..] the same values one by one.
  if (data[0].includes(',') && data.length - 1 >= fieldCount - 1) return data.slice(1).map((v) => v.trim());
  return data.map((v) => v.trim());
}

export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly values: readonly string[]) {}

  get length(): number {
    return this.values.length;
  }

  raw(i: number): string | undefined {
    const v = this.values[i];
    return v === undefined ? undefined : v.trim();
  }

  /** True when the field is absent or empty (a trailing ', ' leaves an empty last field). */
  missing(i: number): boolean {
    const v = this.raw(i);
    return v === undefined || v === '';
  }

  private refuse(i: number, name: string, why: string): undefined {
    this.problems.push(`field ${i} (${name}): ${why}`);
    return undefined;
  }

  private show(i: number): string {
    const v = this.raw(i) ?? '';
    return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  }

  hresult(i: number, name: string): string | undefined {
    if (this.missing(i)) return undefined;
    const code = normalizeHresult(this.raw(i) as string);
    return code ?? this.refuse(i, name, `${this.show(i)} is not an HRESULT`);
  }

  /** Hex ('0x8', '0x04000000') or decimal flags word. */
  flags(i: number, name: string): number | undefined {
    if (this.missing(i)) return undefined;
    const code = normalizeHresult(this.raw(i) as string);
    return code ? parseInt(code.slice(2), 16) : this.refuse(i, name, `${this.show(i)} is not a flags word`);
  }

  int(i: number, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (this.missing(i)) return undefined;
    const s = this.raw(i) as string;
    if (!/^-?\d+$/.test(s)) return this.refuse(i, name, `${this.show(i)} is not a whole number`);
    const n = Number(s);
    if (n < min) return this.refuse(i, name, `${n} is less than ${min}`);
    if (n > max) return this.refuse(i, name, `${n} is more than ${max}`);
    return n;
  }

  bool01(i: number, name: string): boolean | undefined {
    if (this.missing(i)) return undefined;
    const s = this.raw(i) as string;
    if (s === '0' || s === '1') return s === '1';
    return this.refuse(i, name, `${this.show(i)} is neither 0 nor 1`);
  }

  guid(i: number, name: string): string | undefined {
    if (this.missing(i)) return undefined;
    return parseGuid(this.raw(i) as string) ?? this.refuse(i, name, `${this.show(i)} is not a GUID`);
  }

  time(i: number, name: string): string | undefined {
    if (this.missing(i)) return undefined;
    return parseClientTime(this.raw(i) as string) ?? this.refuse(i, name, `${this.show(i)} is not a date and time`);
  }

  text(i: number): string | undefined {
    return this.missing(i) ? undefined : this.raw(i);
  }

  note(problem: string): void {
    this.problems.push(problem);
  }
}
