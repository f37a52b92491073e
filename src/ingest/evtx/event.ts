// Resolved elements → the RawEvent fields every reader yields.
import type { RawEvent, SourceRef } from '../../types.js';
import { attr, childElements, textOf, type XElement } from './resolve.js';

export class EventShapeError extends Error {}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/** Normalizes a timestamp to ISO-8601 UTC with 7 fractional digits when it has a fraction. */
export function normalizeTime(t: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(t);
  if (!m) return t;
  if (m[2] !== undefined && m[2].length === 7) return t;
  return m[2] === undefined ? `${m[1]}Z` : `${m[1]}.${m[2].padEnd(7, '0').slice(0, 7)}Z`;
}

function intOrUndefined(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export interface EventFields {
  provider: string;
  providerGuid?: string;
  eventSourceName?: string;
  eventIdText?: string;
  qualifiers?: number;
  level?: number;
  channel: string;
  computer: string;
  recordId?: number;
  timeCreated: string;
  data: string[];
  namedData?: Record<string, string>;
  binary?: string;
  userData?: Record<string, string>;
}

export function newEventFields(): EventFields {
  return { provider: '', channel: '', computer: '', timeCreated: '', data: [] };
}

/** One child of <System>. */
export function readSystemField(f: XElement, e: EventFields): void {
  switch (f.name) {
    case 'Provider':
      e.provider = attr(f, 'Name') ?? '';
      e.providerGuid = attr(f, 'Guid');
      e.eventSourceName = attr(f, 'EventSourceName');
      break;
    case 'EventID':
      e.eventIdText = textOf(f.children);
      e.qualifiers = intOrUndefined(attr(f, 'Qualifiers'));
      break;
    case 'Level':
      e.level = intOrUndefined(textOf(f.children));
      break;
    case 'TimeCreated':
      e.timeCreated = normalizeTime(attr(f, 'SystemTime') ?? '');
      break;
    case 'EventRecordID':
      e.recordId = intOrUndefined(textOf(f.children));
      break;
    case 'Channel':
      e.channel = textOf(f.children);
      break;
    case 'Computer':
      e.computer = textOf(f.children);
      break;
  }
}

/** Leaf elements of UserData as name → text; attributes as `Element@attr` (xmlns skipped). First wins. */
function flattenUserData(x: XElement, out: Record<string, string>): void {
  for (const [k, v] of x.attrs) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const key = `${x.name}@${k}`;
    if (!(key in out)) out[key] = v;
  }
  const kids = childElements(x);
  if (kids.length === 0) {
    if (!(x.name in out)) out[x.name] = textOf(x.children);
    return;
  }
  for (const k of kids) flattenUserData(k, out);
}

/** A child of <Event> other than <System>: EventData or UserData (others carry nothing RawEvent holds). */
export function readPayload(part: XElement, e: EventFields): void {
  if (part.name === 'EventData') {
    for (const d of childElements(part)) {
      if (d.name === 'Data') {
        const value = textOf(d.children);
        e.data.push(value);
        const name = attr(d, 'Name');
        if (name !== undefined) (e.namedData ??= {})[name] = value;
      } else if (d.name === 'Binary') {
        e.binary = textOf(d.children);
      }
    }
  } else if (part.name === 'UserData') {
    e.userData ??= {};
    for (const u of childElements(part)) flattenUserData(u, e.userData);
  }
}

export function finishEvent(f: EventFields, source: SourceRef): RawEvent {
  const eventId = intOrUndefined(f.eventIdText);
  if (eventId === undefined) {
    throw new EventShapeError(f.eventIdText === undefined ? 'event has no System/EventID' : `EventID "${f.eventIdText}" is not a number`);
  }
  // Same bounds as the XML reader: a damaged record must not pass on an id like 1.5 or 70000, or a time like "+029653-…".
  if (!Number.isInteger(eventId) || eventId < 0 || eventId > 0xffff) throw new EventShapeError(`EventID "${f.eventIdText}" is not a number from 0 to 65535`);
  if (f.timeCreated !== '' && !ISO_UTC.test(f.timeCreated)) throw new EventShapeError(`TimeCreated SystemTime is not an ISO time: ${JSON.stringify(f.timeCreated)}`);
  const event: RawEvent = { source, provider: f.provider, eventId, channel: f.channel, computer: f.computer, timeCreated: f.timeCreated, data: f.data };
  if (f.providerGuid !== undefined) event.providerGuid = f.providerGuid;
  if (f.eventSourceName !== undefined) event.eventSourceName = f.eventSourceName;
  if (f.qualifiers !== undefined) event.qualifiers = f.qualifiers;
  if (f.level !== undefined) event.level = f.level;
  if (f.recordId !== undefined) event.recordId = f.recordId;
  if (f.namedData) event.namedData = f.namedData;
  if (f.binary !== undefined) event.binary = f.binary;
  if (f.userData) event.userData = f.userData;
  return event;
}
