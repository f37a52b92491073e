// Maps a parsed <Event> element to the RawEvent every reader yields.
import type { RawEvent, SourceRef } from '../../types.js';
import { normalizeIsoTime } from '../time.js';
import { child, type XmlElement } from './tokenize-event.js';

export type EventMapping = { ok: true; event: RawEvent } | { ok: false; reason: string };

function textOf(element: XmlElement | undefined): string | undefined {
  return element ? element.text.trim() : undefined;
}

function optionalInt(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) ? n : undefined;
}

export function eventFromXml(root: XmlElement, source: SourceRef): EventMapping {
  if (root.name !== 'Event') return { ok: false, reason: `expected <Event>, found <${root.name}>` };
  const system = child(root, 'System');
  if (!system) return { ok: false, reason: 'the event has no <System> element' };
  const eventIdEl = child(system, 'EventID');
  const eventIdText = textOf(eventIdEl);
  const eventId = optionalInt(eventIdText);
  if (eventId === undefined || eventId < 0 || eventId > 0xffff) {
    return { ok: false, reason: `<EventID> must be a number from 0 to 65535, found ${JSON.stringify(eventIdText ?? null)}` };
  }
  const provider = child(system, 'Provider');
  const timeText = child(system, 'TimeCreated')?.attrs.SystemTime ?? '';
  const timeCreated = timeText === '' ? '' : normalizeIsoTime(timeText);
  if (timeCreated === undefined) return { ok: false, reason: `TimeCreated SystemTime is not an ISO time: ${JSON.stringify(timeText)}` };
  const recordId = optionalInt(textOf(child(system, 'EventRecordID')));

  const event: RawEvent = {
    source: recordId === undefined ? source : { ...source, record: recordId },
    provider: provider?.attrs.Name ?? '',
    eventId,
    channel: textOf(child(system, 'Channel')) ?? '',
    computer: textOf(child(system, 'Computer')) ?? '',
    timeCreated,
    data: [],
  };
  if (provider?.attrs.Guid) event.providerGuid = provider.attrs.Guid;
  if (provider?.attrs.EventSourceName) event.eventSourceName = provider.attrs.EventSourceName;
  const qualifiers = optionalInt(eventIdEl?.attrs.Qualifiers);
  if (qualifiers !== undefined) event.qualifiers = qualifiers;
  const level = optionalInt(textOf(child(system, 'Level')));
  if (level !== undefined) event.level = level;
  if (recordId !== undefined) event.recordId = recordId;

  const eventData = child(root, 'EventData');
  if (eventData) readEventData(eventData, event);
  const userData = child(root, 'UserData');
  if (userData) event.userData = flattenLeaves(userData);
  const message = textOf(child(child(root, 'RenderingInfo'), 'Message'));
  if (message) event.message = message;
  return { ok: true, event };
}

function readEventData(eventData: XmlElement, event: RawEvent): void {
  for (const item of eventData.children) {
    if (item.name === 'Data') {
      // Data keeps its inner whitespace: values like "0x0, 0x8, …" are split later by the decoders.
      event.data.push(item.text);
      const name = item.attrs.Name;
      if (name) (event.namedData ??= {})[name] = item.text;
    } else if (item.name === 'Binary') {
      event.binary = item.text.trim();
    }
  }
}

/** UserData holds one manifest-defined element; its leaves become name → value. */
function flattenLeaves(element: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (c.children.length === 0) out[c.name] = c.text.trim();
      else walk(c);
    }
  };
  walk(element);
  return out;
}
