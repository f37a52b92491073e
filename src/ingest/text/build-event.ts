// Turns the loose strings a text export holds for one event into a RawEvent, or into the reason it cannot be one.
// Shared by every text reader so they agree on what is required (a provider and a numeric event id) and on
// how times, levels and missing channels are read.
import type { InputFormat, RawEvent, ReaderContext, ReaderItem, SkippedRecords } from '../../types.js';
import { normalizeIsoTime } from '../time.js';
import { inferChannel } from './channel.js';
import { readExportTime, readMsDate, type TimeZone } from './local-time.js';
import { isNoValue, levelFromName } from './vocabulary.js';

export interface LooseEvent {
  provider?: string;
  eventId?: string | number;
  qualifiers?: string | number | null;
  level?: string | number | null;
  /** A level display name, used when `level` is absent. */
  levelName?: string;
  channel?: string;
  computer?: string;
  recordId?: string | number | null;
  /** As written: locale text, ISO with or without offset, or PowerShell 5.1's /Date(ms)/. */
  time?: string;
  message?: string | null;
  data?: string[];
  namedData?: Record<string, string>;
  providerGuid?: string;
  binary?: string;
}

export interface Place {
  file: string;
  format: InputFormat;
  line: number;
}

export type Built = { ok: true; event: RawEvent } | { ok: false; reason: string };

function toInt(value: string | number | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function buildEvent(loose: LooseEvent, place: Place, zone: TimeZone | undefined): Built {
  const provider = (loose.provider ?? '').trim();
  if (!provider) return { ok: false, reason: 'no provider (Source) value' };
  const eventId = toInt(loose.eventId);
  if (eventId === undefined || eventId < 0 || eventId > 0xffff) {
    return { ok: false, reason: `the event id must be a number from 0 to 65535, found ${JSON.stringify(loose.eventId ?? null)}` };
  }
  const time = readTime(loose.time ?? '', zone);
  if (time === undefined) return { ok: false, reason: `unreadable date/time ${JSON.stringify(loose.time)}` };

  const givenChannel = (loose.channel ?? '').trim();
  const event: RawEvent = {
    source: { file: place.file, format: place.format, line: place.line },
    provider,
    eventId,
    channel: givenChannel && !isNoValue(givenChannel) ? givenChannel : inferChannel(provider, eventId),
    computer: (loose.computer ?? '').trim(),
    timeCreated: time.iso,
    data: loose.data ?? [],
  };
  if (time.isLocal) event.timeIsLocal = true;
  const qualifiers = toInt(loose.qualifiers);
  if (qualifiers !== undefined) event.qualifiers = qualifiers;
  const level = toInt(loose.level) ?? (loose.levelName ? levelFromName(loose.levelName) : undefined);
  if (level !== undefined) event.level = level;
  const recordId = toInt(loose.recordId);
  if (recordId !== undefined) {
    event.recordId = recordId;
    event.source.record = recordId;
  }
  const message = normalizeMessage(loose.message);
  if (message) event.message = message;
  if (loose.namedData && Object.keys(loose.namedData).length > 0) event.namedData = loose.namedData;
  const guid = loose.providerGuid?.trim().replace(/^\{?([0-9a-f-]{36})\}?$/i, (_m, g: string) => `{${g.toUpperCase()}}`);
  if (guid) event.providerGuid = guid;
  if (loose.binary) event.binary = loose.binary;
  return { ok: true, event };
}

function readTime(text: string, zone: TimeZone | undefined): { iso: string; isLocal: boolean } | undefined {
  const t = text.trim();
  if (t === '' || isNoValue(t)) return { iso: '', isLocal: false };
  const ms = readMsDate(t);
  if (ms) return { iso: ms, isLocal: false };
  const iso = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(t) ? normalizeIsoTime(t) : undefined;
  if (iso) return { iso, isLocal: false };
  return readExportTime(t, zone);
}

/** Line ends become \n; trailing blank lines go. Whitespace inside lines is kept: values may depend on it. */
function normalizeMessage(message: string | null | undefined): string {
  if (!message) return '';
  // trimEnd, not /\s+$/: that regex is quadratic on a message with a long run of blank lines.
  return message.replace(/\r\n?/g, '\n').trimEnd();
}

/** The item for a built (or failed) event, honouring the reader's event-id filter. */
export function itemFor(built: Built, line: number, ctx: ReaderContext): ReaderItem {
  if (!built.ok) return rejectedAt(line, built.reason);
  const ids = ctx.filter?.eventIds;
  if (ids && !ids.has(built.event.eventId)) return ignoredEvent(built.event);
  return { kind: 'event', event: built.event };
}

/** A line a reader did not understand: listed in the report, not a record, never part of a value. */
export function unknownLine(line: number, text: string): ReaderItem {
  return { kind: 'unknown-line', line: { line, text: text.trimEnd().slice(0, 4096) } };
}

export function rejectedAt(line: number, reason: string): ReaderItem {
  return { kind: 'rejected', rejection: { where: `line ${line}`, line, reason } };
}

/** A decoded event the filter does not want: counted, with what holes and the export's end need. */
export function ignoredEvent(event: RawEvent): ReaderItem {
  const seen: SkippedRecords = {};
  if (event.recordId !== undefined) seen.recordIds = [event.recordId];
  if (event.timeCreated) seen.newest = event.timeCreated;
  if (event.channel) seen.channel = event.channel;
  if (event.computer) seen.computer = event.computer;
  return { kind: 'ignored', count: 1, seen };
}
