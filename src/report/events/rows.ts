// The rows `volact events` prints, as JSON lines or CSV. Written by the command and by the worker threads
// that read byte ranges of one large file (read/events-range.ts), so this module stays on a low floor: it
// imports only the escaping and the row's type.
import type { EventRow } from '../../accounts/index.js';
import { neutralizeControls } from '../escape.js';

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
    decoded: row.decoded ? JSON.stringify(row.decoded.map(withoutSource)) : (row.decodeError ?? ''),
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
  const out = withoutSource(row.event);
  out.source = row.event.source;
  if (row.decoded) out.decoded = row.decoded.map(withoutSource);
  if (row.decodeError) out.decodeError = row.decodeError;
  return JSON.stringify(out) + '\n';
}

/** A copy without `source`, keys in their order: a loop, as rest destructuring (`{ source, ...rest }`) took twice as long per row. */
function withoutSource(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key !== 'source') out[key] = (value as Record<string, unknown>)[key];
  return out;
}
