// Maps a parsed <Event> element to the RawEvent every reader yields. The tree and the streaming scanner
// (scan-event.ts) both reduce an event to the same EventParts, so one mapping decides for both.
import type { RawEvent, SourceRef } from '../../types.js';
import { normalizeIsoTime } from '../time.js';
import { child, type XmlElement } from './tokenize-event.js';

export type EventMapping = { ok: true; event: RawEvent } | { ok: false; reason: string };

/** What the mapping reads from an <Event>: the first of each element, as `child()` finds it. */
export interface EventParts {
  rootName: string;
  /** Whether the root has a <System> child; the fields below come from the first one. */
  hasSystem: boolean;
  /** Untrimmed text of the first <EventID> (undefined: none). */
  eventIdText?: string | undefined;
  qualifiers?: string | undefined;
  /** Name, Guid and EventSourceName attributes of the first <Provider>. */
  providerName?: string | undefined;
  providerGuid?: string | undefined;
  eventSourceName?: string | undefined;
  /** SystemTime of the first <TimeCreated> (undefined: no element or no attribute). */
  systemTime?: string | undefined;
  recordIdText?: string | undefined;
  channelText?: string | undefined;
  computerText?: string | undefined;
  levelText?: string | undefined;
  /** Children of the first <EventData>, in order: a string is a <Binary>, a pair a <Data> (Name, text). */
  eventData?: Array<DataItem | string> | undefined;
  /** Leaves of the first <UserData>, in document order. */
  userDataLeaves?: Array<[string, string]> | undefined;
  /** Untrimmed text of RenderingInfo/Message. */
  messageText?: string | undefined;
}

/** A <Data> element: its Name attribute (undefined: none) and its text. */
export type DataItem = [name: string | undefined, text: string];

function optionalInt(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) ? n : undefined;
}

export function eventFromXml(root: XmlElement, source: SourceRef): EventMapping {
  return eventFromParts(partsOfTree(root), source);
}

export function eventFromParts(parts: EventParts, source: SourceRef): EventMapping {
  if (parts.rootName !== 'Event') return { ok: false, reason: `expected <Event>, found <${parts.rootName}>` };
  if (!parts.hasSystem) return { ok: false, reason: 'the event has no <System> element' };
  const eventIdText = parts.eventIdText?.trim();
  const eventId = optionalInt(eventIdText);
  if (eventId === undefined || eventId < 0 || eventId > 0xffff) {
    return { ok: false, reason: `<EventID> must be a number from 0 to 65535, found ${JSON.stringify(eventIdText ?? null)}` };
  }
  const timeText = parts.systemTime ?? '';
  const timeCreated = timeText === '' ? '' : normalizeIsoTime(timeText);
  if (timeCreated === undefined) return { ok: false, reason: `TimeCreated SystemTime is not an ISO time: ${JSON.stringify(timeText)}` };
  const recordId = optionalInt(parts.recordIdText?.trim());

  const event: RawEvent = {
    source: recordId === undefined ? source : { ...source, record: recordId },
    provider: parts.providerName ?? '',
    eventId,
    channel: parts.channelText?.trim() ?? '',
    computer: parts.computerText?.trim() ?? '',
    timeCreated,
    data: [],
  };
  if (parts.providerGuid) event.providerGuid = parts.providerGuid;
  if (parts.eventSourceName) event.eventSourceName = parts.eventSourceName;
  const qualifiers = optionalInt(parts.qualifiers);
  if (qualifiers !== undefined) event.qualifiers = qualifiers;
  const level = optionalInt(parts.levelText?.trim());
  if (level !== undefined) event.level = level;
  if (recordId !== undefined) event.recordId = recordId;

  if (parts.eventData) {
    for (const item of parts.eventData) {
      if (typeof item === 'string') {
        event.binary = item.trim();
        continue;
      }
      // Data keeps its inner whitespace: values like "0x0, 0x8, …" are split later by the decoders.
      const [name, text] = item;
      event.data.push(text);
      if (name) (event.namedData ??= {})[name] = text;
    }
  }
  if (parts.userDataLeaves) {
    const out: Record<string, string> = {};
    for (const [name, text] of parts.userDataLeaves) out[name] = text;
    event.userData = out;
  }
  const message = parts.messageText?.trim();
  if (message) event.message = message;
  return { ok: true, event };
}

function partsOfTree(root: XmlElement): EventParts {
  const system = child(root, 'System');
  const eventIdEl = child(system, 'EventID');
  const provider = child(system, 'Provider');
  const eventData = child(root, 'EventData');
  const userData = child(root, 'UserData');
  return {
    rootName: root.name,
    hasSystem: system !== undefined,
    eventIdText: eventIdEl?.text,
    qualifiers: eventIdEl?.attrs.Qualifiers,
    providerName: provider?.attrs.Name,
    providerGuid: provider?.attrs.Guid,
    eventSourceName: provider?.attrs.EventSourceName,
    systemTime: child(system, 'TimeCreated')?.attrs.SystemTime,
    recordIdText: child(system, 'EventRecordID')?.text,
    channelText: child(system, 'Channel')?.text,
    computerText: child(system, 'Computer')?.text,
    levelText: child(system, 'Level')?.text,
    eventData: eventData ? dataItems(eventData) : undefined,
    userDataLeaves: userData ? leavesOf(userData) : undefined,
    messageText: child(child(root, 'RenderingInfo'), 'Message')?.text,
  };
}

function dataItems(eventData: XmlElement): Array<DataItem | string> {
  const items: Array<DataItem | string> = [];
  for (const item of eventData.children) {
    if (item.name === 'Data') items.push([item.attrs.Name, item.text]);
    else if (item.name === 'Binary') items.push(item.text);
  }
  return items;
}

/** UserData holds one manifest-defined element; its leaves become name → value. */
function leavesOf(element: XmlElement): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (c.children.length === 0) out.push([c.name, c.text.trim()]);
      else walk(c);
    }
  };
  walk(element);
  return out;
}
