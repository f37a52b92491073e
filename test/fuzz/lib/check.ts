// Runs one input through the real entry point (sniff → reader → decoder) and checks the properties every
// input must keep, whatever its bytes: nothing escapes, every item is well formed, every rejection has a
// place and a reason, the accounting adds up, a pre-filter never loses a wanted event, and how the bytes
// are cut into chunks does not change the result.
import { Readable } from 'node:stream';
import { rejectedCount } from '../../../src/accounts/index.js';
import { analyzeFile } from '../../../src/read/index.js';
import { ACTIVATION_EVENT_IDS, decodeEvent, decodeWmiObject, parseDocument, type DocumentParse } from '../../../src/decode/index.js';
import { openInput } from '../../../src/ingest/index.js';
import type { InputFormat, ReaderItem } from '../../../src/types.js';

export const FUZZ_DISPLAY = 'fuzz-input';

export interface Violation {
  property: 'exception' | 'internal-error' | 'item-shape' | 'accounting' | 'filter-lost-event' | 'chunking-changed-result';
  detail: string;
}

export interface ReadResult {
  kind: string;
  format: InputFormat;
  items: ReaderItem[];
  /** Set when something escaped the reader or the decoders. */
  thrown?: string;
}

export interface CheckOptions {
  /** Read with the activation event-id pre-filter, as `analyze` does. */
  filter: boolean;
  /** Size of the pieces the bytes are streamed in. */
  chunkSize: number;
  /** Also read without the filter and check no wanted event went missing. */
  compareFilter?: boolean;
  /** Also read in other-sized pieces and check the result is the same. */
  compareChunking?: boolean;
  /** Also run `analyzeFile` and compare its account with the items counted here. */
  compareAccount?: boolean;
}

export interface CheckResult {
  kind: string;
  records: number;
  events: number;
  rejected: number;
  ignored: number;
  documents: number;
  violations: Violation[];
}

export function pieces(input: Buffer, chunkSize: number): Buffer[] {
  if (input.length === 0) return [];
  const out: Buffer[] = [];
  for (let i = 0; i < input.length; i += chunkSize) out.push(input.subarray(i, i + chunkSize));
  return out;
}

export async function readInput(input: Buffer, opts: Pick<CheckOptions, 'filter' | 'chunkSize'>): Promise<ReadResult> {
  const items: ReaderItem[] = [];
  let kind = 'unknown';
  let format: InputFormat = 'unknown';
  try {
    const ctx = opts.filter ? { filter: { eventIds: ACTIVATION_EVENT_IDS } } : {};
    const opened = await openInput({ path: '-', display: FUZZ_DISPLAY }, ctx, Readable.from(pieces(input, opts.chunkSize)));
    kind = opened.kind;
    format = opened.format;
    for await (const item of opened.items) items.push(item);
    return { kind, format, items };
  } catch (error) {
    return { kind, format, items, thrown: describe(error) };
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
export const INTERNAL = /reader failed|internal decoder error/i;

/** What is wrong with one item, or undefined. `display` is the place the item's input was opened as. */
export function itemProblem(item: ReaderItem, display = FUZZ_DISPLAY): string | undefined {
  switch (item.kind) {
    case 'event': {
      const e = item.event;
      if (!Number.isInteger(e.eventId) || e.eventId < 0 || e.eventId > 0xffff) return `event id ${e.eventId}`;
      for (const key of ['provider', 'channel', 'computer', 'timeCreated'] as const) {
        if (typeof e[key] !== 'string') return `event ${key} is ${typeof e[key]}`;
      }
      if (e.timeCreated !== '' && !ISO_UTC.test(e.timeCreated)) return `event time ${JSON.stringify(e.timeCreated)}`;
      if (!Array.isArray(e.data) || e.data.some((d) => typeof d !== 'string')) return 'event data is not a list of strings';
      if (e.source.file !== display) return `event source file ${JSON.stringify(e.source.file)}`;
      if (e.source.line === undefined && e.source.record === undefined && e.source.offset === undefined) return 'event without a place';
      return undefined;
    }
    case 'rejected': {
      const r = item.rejection;
      if (typeof r.where !== 'string' || r.where.trim() === '') return 'rejection without a place';
      if (typeof r.reason !== 'string' || r.reason.trim() === '') return `rejection at ${r.where} without a reason`;
      return undefined;
    }
    case 'warning': {
      const w = item.warning;
      if (typeof w.where !== 'string' || w.where.trim() === '') return 'warning without a place';
      return typeof w.reason === 'string' && w.reason.trim() !== '' ? undefined : `warning at ${w.where} without a reason`;
    }
    case 'ignored':
      return Number.isInteger(item.count) && item.count > 0 ? undefined : `ignored count ${item.count}`;
    case 'document':
      return typeof item.document.text === 'string' ? undefined : 'document without text';
    case 'object': {
      const o = item.object;
      if (o.source.file !== display) return `object source file ${JSON.stringify(o.source.file)}`;
      if (o.source.line === undefined) return 'object without a line';
      if (Object.values(o.properties).some((v) => typeof v !== 'string')) return 'object property value is not a string';
      return undefined;
    }
    case 'unknown-line':
      return Number.isInteger(item.line.line) && item.line.line > 0 && typeof item.line.text === 'string' ? undefined : `unknown line ${JSON.stringify(item.line)}`;
    default:
      return `unknown item kind ${JSON.stringify((item as { kind: unknown }).kind)}`;
  }
}

/** Records as `analyzeFile` counts them (a warning or a line outside any record costs no record). */
export function recordCount(items: readonly ReaderItem[]): number {
  let n = 0;
  for (const item of items) n += item.kind === 'ignored' ? item.count : item.kind === 'warning' || item.kind === 'unknown-line' ? 0 : 1;
  return n;
}

/** A comparable identity of an event: what it is and where it came from. */
function eventKey(item: ReaderItem): string | undefined {
  if (item.kind !== 'event') return undefined;
  const e = item.event;
  return `${e.eventId}@${e.source.record ?? ''}/${e.source.line ?? ''}/${e.source.offset ?? ''}`;
}

/** Items in a form two reads of the same bytes must agree on. */
export function fingerprint(items: readonly ReaderItem[]): string[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'event':
        return `E ${JSON.stringify(item.event)}`;
      case 'rejected':
        // Places must agree; a reason may quote a different amount of the junk it saw (a preview), so it is not compared.
        return `R ${item.rejection.where}`;
      case 'ignored':
        return `I ${item.count}`;
      case 'warning':
        return `W ${item.warning.where}`;
      case 'object':
        return `O ${JSON.stringify(item.object)}`;
      case 'unknown-line':
        return `U ${item.line.line} ${item.line.text}`;
      default:
        return `D ${item.document.text.length}`;
    }
  });
}

/** The two strings around where they first differ. */
export function difference(a: string | undefined, b: string | undefined): string {
  if (a === undefined || b === undefined) return `${JSON.stringify(a?.slice(0, 160) ?? null)} vs ${JSON.stringify(b?.slice(0, 160) ?? null)}`;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - 60);
  return `${JSON.stringify(a.slice(from, at + 100))} vs ${JSON.stringify(b.slice(from, at + 100))}`;
}

export async function checkInput(input: Buffer, opts: CheckOptions): Promise<CheckResult> {
  const violations: Violation[] = [];
  const read = await readInput(input, opts);
  if (read.thrown) violations.push({ property: 'exception', detail: `escaped the reader: ${read.thrown}` });

  let events = 0;
  let rejected = 0;
  let ignored = 0;
  let documents = 0;
  let objects = 0;
  for (const item of read.items) {
    const problem = itemProblem(item);
    if (problem) violations.push({ property: 'item-shape', detail: problem });
    const said = item.kind === 'rejected' ? item.rejection : item.kind === 'warning' ? item.warning : undefined;
    if (said && INTERNAL.test(said.reason)) {
      violations.push({ property: 'internal-error', detail: `${said.where}: ${said.reason}` });
    }
    try {
      if (item.kind === 'event') {
        events++;
        const result = decodeEvent(item.event);
        if (result.status === 'rejected' && !(typeof result.reason === 'string' && result.reason.trim() !== '')) {
          violations.push({ property: 'item-shape', detail: 'decoder rejection without a reason' });
        }
      } else if (item.kind === 'document') {
        documents++;
        const problem = pasteAccountingProblem(parseDocument(item.document));
        if (problem) violations.push({ property: 'accounting', detail: problem });
      } else if (item.kind === 'object') {
        objects++;
        const result = decodeWmiObject(item.object);
        if (result.status === 'rejected' && !(typeof result.reason === 'string' && result.reason.trim() !== '')) {
          violations.push({ property: 'item-shape', detail: 'object decoder rejection without a reason' });
        }
      } else if (item.kind === 'rejected') rejected++;
      else if (item.kind === 'ignored') ignored += item.count;
    } catch (error) {
      violations.push({ property: 'exception', detail: `escaped a decoder: ${describe(error)}` });
    }
  }
  const records = events + rejected + ignored + documents + objects;
  if (records !== recordCount(read.items)) violations.push({ property: 'accounting', detail: `items ${records} ≠ records ${recordCount(read.items)}` });

  if (opts.compareFilter && !read.thrown) {
    const other = await readInput(input, { ...opts, filter: !opts.filter });
    const [filtered, full] = opts.filter ? [read, other] : [other, read];
    if (!other.thrown) {
      if (recordCount(filtered.items) !== recordCount(full.items)) {
        violations.push({
          property: 'accounting',
          detail: `records with the pre-filter ${recordCount(filtered.items)} ≠ without it ${recordCount(full.items)}`,
        });
      }
      const kept = new Set(filtered.items.map(eventKey));
      for (const item of full.items) {
        if (item.kind !== 'event' || !ACTIVATION_EVENT_IDS.has(item.event.eventId)) continue;
        if (!kept.has(eventKey(item))) {
          violations.push({ property: 'filter-lost-event', detail: `event ${eventKey(item)} is read without the pre-filter but not with it` });
          break;
        }
      }
    }
  }

  if (opts.compareChunking && !read.thrown) {
    // Tiny pieces split every multi-byte character and token; they are only affordable on small inputs.
    const sizes = (input.length <= 2048 ? [1, 3, 4096, 65536] : input.length <= 16384 ? [7, 4096, 65536] : [4096, 65536]).concat(Math.max(1, input.length)).filter((s) => s !== opts.chunkSize);
    const size = sizes[input.length % sizes.length];
    const other = await readInput(input, { ...opts, chunkSize: size });
    const a = fingerprint(read.items);
    const b = fingerprint(other.items);
    const at = a.findIndex((x, i) => x !== b[i]);
    if (at >= 0 || a.length !== b.length) {
      const i = at >= 0 ? at : Math.min(a.length, b.length);
      violations.push({
        property: 'chunking-changed-result',
        detail: `pieces of ${opts.chunkSize} vs ${size} bytes differ at item ${i}: ${difference(a[i], b[i])}`,
      });
    }
  }

  if (opts.compareAccount && !read.thrown) {
    try {
      const { account } = await analyzeFile({ path: '-', display: FUZZ_DISPLAY }, { stdin: Readable.from(pieces(input, opts.chunkSize)) });
      const filtered = opts.filter ? read : await readInput(input, { ...opts, filter: true });
      const expected = recordCount(filtered.items);
      if (account.records !== expected || account.records !== account.decoded + account.ignored + rejectedCount(account)) {
        violations.push({
          property: 'accounting',
          detail: `analyzeFile: records ${account.records}, decoded ${account.decoded} + ignored ${account.ignored} + rejected ${rejectedCount(account)}; reader yielded ${expected}`,
        });
      }
      for (const r of account.rejected) {
        if (!r.where || !r.reason) violations.push({ property: 'accounting', detail: `analyzeFile rejection without place or reason: ${JSON.stringify(r)}` });
      }
    } catch (error) {
      violations.push({ property: 'exception', detail: `escaped analyzeFile: ${describe(error)}` });
    }
  }

  return { kind: read.kind, records, events, rejected, ignored, documents: documents + objects, violations };
}

/**
 * The paste splitter's promise: every line with text is owned by a reader, listed, or the console's own (prompt,
 * banner, message-box frame), and each line handed over to be listed is listed once.
 */
export function pasteAccountingProblem(parsed: DocumentParse): string | undefined {
  const { lines, owned, listed, console } = parsed.accounting;
  if (owned + listed + console !== lines) return `paste lines ${lines} ≠ owned ${owned} + listed ${listed} + console ${console}`;
  const numbers = parsed.unknownLines.map((l) => l.line);
  if (new Set(numbers).size !== numbers.length) return 'a paste line is listed twice as not understood';
  if (numbers.length < listed) return `${listed} paste lines were handed over to be listed, ${numbers.length} are`;
  return undefined;
}
