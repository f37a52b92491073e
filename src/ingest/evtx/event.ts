// A resolved <Event> element → the RawEvent fields every reader yields.
import type { RawEvent, SourceRef } from '../../types.js';
import { attr, childElements, textOf, type XElement } from './resolve.js';

export class EventShapeError extends Error {}

/** Normalizes a timestamp to ISO-8601 UTC with 7 fractional digits when it has a fraction. */
export function normalizeTime(t: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(t);
  if (!m) return t;
  return m[2] === undefined ? `${m[1]}Z` : `${m[1]}.${m[2].padEnd(7, '0').slice(0, 7)}Z`;
}

function intOrUndefined(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Leaf elements of UserData as name → text; attributes as `Element@attr` (xmlns skipped). First wins. */
function flattenUserData(e: XElement, out: Record<string, string>): void {
  for (const [k, v] of e.attrs) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const key = `${e.name}@${k}`;
    if (!(key in out)) out[key] = v;
  }
  const kids = childElements(e);
  if (kids.length === 0) {
    if (!(e.name in out)) out[e.name] = textOf(e.children);
    return;
  }
  for (const k of kids) flattenUserData(k, out);
}

export function findEvent(nodes: ReadonlyArray<XElement | string>): XElement | undefined {
  for (const n of nodes) if (typeof n !== 'string' && n.name === 'Event') return n;
  return undefined;
}

export function toRawEvent(ev: XElement, source: SourceRef): RawEvent {
  let provider = '';
  let providerGuid: string | undefined;
  let eventSourceName: string | undefined;
  let eventIdText: string | undefined;
  let qualifiers: number | undefined;
  let level: number | undefined;
  let channel = '';
  let computer = '';
  let recordId: number | undefined;
  let timeCreated = '';
  const data: string[] = [];
  let namedData: Record<string, string> | undefined;
  let binary: string | undefined;
  let userData: Record<string, string> | undefined;

  for (const part of childElements(ev)) {
    if (part.name === 'System') {
      for (const f of childElements(part)) {
        switch (f.name) {
          case 'Provider':
            provider = attr(f, 'Name') ?? '';
            providerGuid = attr(f, 'Guid');
            eventSourceName = attr(f, 'EventSourceName');
            break;
          case 'EventID':
            eventIdText = textOf(f.children);
            qualifiers = intOrUndefined(attr(f, 'Qualifiers'));
            break;
          case 'Level':
            level = intOrUndefined(textOf(f.children));
            break;
          case 'TimeCreated':
            timeCreated = normalizeTime(attr(f, 'SystemTime') ?? '');
            break;
          case 'EventRecordID':
            recordId = intOrUndefined(textOf(f.children));
            break;
          case 'Channel':
            channel = textOf(f.children);
            break;
          case 'Computer':
            computer = textOf(f.children);
            break;
        }
      }
    } else if (part.name === 'EventData') {
      for (const d of childElements(part)) {
        if (d.name === 'Data') {
          const value = textOf(d.children);
          data.push(value);
          const name = attr(d, 'Name');
          if (name !== undefined) (namedData ??= {})[name] = value;
        } else if (d.name === 'Binary') {
          binary = textOf(d.children);
        }
      }
    } else if (part.name === 'UserData') {
      userData = {};
      for (const u of childElements(part)) flattenUserData(u, userData);
    }
  }

  const eventId = intOrUndefined(eventIdText);
  if (eventId === undefined) throw new EventShapeError(eventIdText === undefined ? 'event has no System/EventID' : `EventID "${eventIdText}" is not a number`);

  const event: RawEvent = { source, provider, eventId, channel, computer, timeCreated, data };
  if (providerGuid !== undefined) event.providerGuid = providerGuid;
  if (eventSourceName !== undefined) event.eventSourceName = eventSourceName;
  if (qualifiers !== undefined) event.qualifiers = qualifiers;
  if (level !== undefined) event.level = level;
  if (recordId !== undefined) event.recordId = recordId;
  if (namedData) event.namedData = namedData;
  if (binary !== undefined) event.binary = binary;
  if (userData) event.userData = userData;
  return event;
}
