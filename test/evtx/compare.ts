// Field-by-field comparison of volact's RawEvent with a libevtx record. Two kinds of allowance:
//  1. normalizations that only undo rendering choices or XML parsing of libevtx's output
//     (timestamps 7 vs 9 digits, hex padding, SizeT hex vs decimal, float notation, CR LF → LF
//     and dropped C0 controls, which the XML parser applies to libevtx's text);
//  2. known libevtx 20181227 bugs, each recognised by its exact signature (classifyDiff), where
//     volact is right and not equal. Test support only.
import type { RawEvent } from '../../src/types.js';
import type { OracleRecord } from './libevtx-oracle.js';

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const DEC = /^\d+$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Brings one value to a canonical text so rendering choices do not count as differences. */
export function canon(v: string): string {
  const s = v.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  const t = ISO.exec(s);
  if (t) return `${t[1]}.${(t[2] ?? '').padEnd(9, '0').slice(0, 7)}Z`;
  if (HEX.test(s) && s.length <= 18) return 'n:' + BigInt(s).toString();
  // libevtx prints SizeT in decimal where Windows (and volact) print hex.
  if (DEC.test(s) && s.length <= 20) return 'n:' + BigInt(s).toString();
  if (/^-?\d+(\.\d+)?(e[+-]\d+)?$/i.test(s) && /[.e]/i.test(s)) return 'f:' + Number(s).toPrecision(6);
  return s;
}

export interface FieldDiff {
  field: string;
  ours: string;
  theirs: string;
}

export function diffRecord(ours: RawEvent, theirs: OracleRecord): FieldDiff[] {
  const d: FieldDiff[] = [];
  const cmp = (field: string, a: string, b: string): void => {
    if (a !== b && canon(a) !== canon(b)) d.push({ field, ours: a, theirs: b });
  };
  cmp('EventRecordID', String(ours.recordId ?? ''), theirs.recordId);
  cmp('EventID', String(ours.eventId), theirs.eventId);
  cmp('Qualifiers', String(ours.qualifiers ?? ''), theirs.qualifiers ?? '');
  cmp('TimeCreated', ours.timeCreated, theirs.timeCreated);
  cmp('Provider', ours.provider, theirs.provider);
  cmp('Channel', ours.channel, theirs.channel);
  cmp('Computer', ours.computer, theirs.computer);
  cmp('Data count', String(ours.data.length), String(theirs.data.length));
  const n = Math.min(ours.data.length, theirs.data.length);
  for (let i = 0; i < n; i++) cmp(`Data[${i}]`, ours.data[i], theirs.data[i]);
  const ou = ours.userData ?? {};
  for (const k of new Set([...Object.keys(ou), ...Object.keys(theirs.userData)])) {
    cmp(`UserData.${k}`, ou[k] ?? '<absent>', theirs.userData[k] ?? '<absent>');
  }
  cmp('Binary', ours.binary ?? '', theirs.binary ?? '');
  return d;
}

/** libevtx 2018 prints negative signed integers in sign-magnitude of the unsigned value. */
function isSignMagnitudeBug(ours: string, theirs: string): boolean {
  if (!/^-\d+$/.test(ours) || !/^-\d+$/.test(theirs)) return false;
  const v = BigInt(ours);
  for (const bits of [8n, 16n, 32n, 64n]) {
    const lim = 1n << (bits - 1n);
    if (v < -lim) continue;
    const unsigned = (1n << bits) + v;
    if (-(unsigned - lim) === BigInt(theirs)) return true;
  }
  return false;
}

/** libevtx 2018 swallows the code unit after a lone high surrogate into its U+FFFD. */
function isSurrogateSwallowBug(ours: string, theirs: string): boolean {
  if (!ours.includes('\uFFFD')) return false;
  let s = ours;
  for (let i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) s = s.slice(0, i + 1) + s.slice(i + 2);
  return s === theirs;
}

/** libevtx 2018 renders characters outside the BMP wrongly (😀 → 🈁). */
function isNonBmpBug(ours: string, theirs: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(ours) && ours.length === theirs.length &&
    ours.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '') === theirs.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '');
}

/**
 * The name of the known libevtx bug that explains a difference, or undefined. `raw` is libevtx's
 * XML text for the record.
 */
export function classifyDiff(d: FieldDiff, raw: string): string | undefined {
  if (isSignMagnitudeBug(d.ours, d.theirs)) return 'negative signed integer in sign-magnitude';
  if (isSurrogateSwallowBug(d.ours, d.theirs)) return 'invalid UTF-16 swallows the next character';
  if (isNonBmpBug(d.ours, d.theirs)) return 'character outside the BMP';
  // An ANSI string printed without escaping: its markup became elements in libevtx's XML, so the
  // element text differs, but the raw output holds volact's value verbatim.
  if (/[<>&]/.test(d.ours) && raw.includes(d.ours)) return 'ANSI string not XML-escaped';
  // libevtx's own text export (evtxexport without -f xml) shows these values as "\n"; only its
  // XML rendering prints an empty element. volact keeps the stored line break.
  if (/^[\r\n]+$/.test(d.ours) && d.theirs === '') return 'line-break-only value printed as empty element';
  return undefined;
}
