// The rows `volact events` prints: each record read, decoded where it is an activation event, as JSON lines or
// CSV. Shared by the command (events.ts) and the worker threads that read byte ranges of one large file.
import { decodeEvent, type Fact } from './decode/index.js';
import { neutralizeControls } from './report/escape.js';
import type { RawEvent, ReaderItem, Rejection } from './types.js';

export interface EventRow {
  event: RawEvent;
  /** Typed facts for activation events; absent for others. */
  decoded?: Fact[];
  /** Why an activation event could not be decoded. */
  decodeError?: string;
}

export type EventStreamItem =
  | { kind: 'row'; row: EventRow }
  | { kind: 'rejected'; file: string; rejection: Rejection }
  | { kind: 'warning'; file: string; warning: Rejection }
  /** Rows already written out as text (by a worker thread reading a byte range), `rows` of them. */
  | { kind: 'text'; text: string; rows: number };

/** The items of one input as rows (activation events; every event with `all`), rejections and warnings. */
export async function* rowsOf(file: string, items: AsyncIterable<ReaderItem>, options: { all?: boolean }): AsyncGenerator<EventStreamItem> {
  for await (const item of items) {
    if (item.kind === 'rejected') yield { kind: 'rejected', file, rejection: item.rejection };
    if (item.kind === 'warning') yield { kind: 'warning', file, warning: item.warning };
    if (item.kind !== 'event') continue;
    const result = decodeEvent(item.event);
    if (result.status === 'decoded') yield { kind: 'row', row: { event: item.event, decoded: result.facts } };
    else if (result.status === 'rejected') yield { kind: 'row', row: { event: item.event, decodeError: result.reason } };
    else if (options.all) yield { kind: 'row', row: { event: item.event } };
  }
}

const CSV_COLUMNS = ['file', 'format', 'recordId', 'eventId', 'qualifiers', 'level', 'timeCreated', 'provider', 'channel', 'computer', 'data', 'decoded'] as const;

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}

export function csvRow(row: EventRow): string {
  const e = row.event;
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    file: e.source.file,
    format: e.source.format,
    recordId: e.recordId?.toString() ?? '',
    eventId: String(e.eventId),
    qualifiers: e.qualifiers?.toString() ?? '',
    level: e.level?.toString() ?? '',
    timeCreated: e.timeCreated,
    provider: e.provider,
    channel: e.channel,
    computer: e.computer,
    data: JSON.stringify(e.data),
    decoded: row.decoded ? JSON.stringify(row.decoded.map(({ source: _s, ...rest }) => rest)) : (row.decodeError ?? ''),
  };
  return CSV_COLUMNS.map((c) => csvField(values[c])).join(',') + '\n';
}

function csvField(raw: string): string {
  // CSV often lands on a terminal: terminal controls and bidi overrides from input are made visible.
  const value = neutralizeControls(raw);
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula: prefix a quote to keep it data.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function jsonlRow(row: EventRow): string {
  const { source, ...event } = row.event;
  const out: Record<string, unknown> = { ...event, source };
  if (row.decoded) out.decoded = row.decoded.map(({ source: _s, ...rest }) => rest);
  if (row.decodeError) out.decodeError = row.decodeError;
  return JSON.stringify(out) + '\n';
}
