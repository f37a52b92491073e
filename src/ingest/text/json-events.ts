// Maps one JSON document describing an event to the loose fields of build-event, whatever tool wrote it:
// PowerShell ConvertTo-Json of Get-WinEvent (5.1 and 7) or of Get-EventLog, Winlogbeat / Elastic documents,
// and evtx_dump (the XML turned into JSON, attributes under "#attributes", repeated Data under "#text").
import type { LooseEvent } from './build-event.js';
import { dataFromJsonProperties, scalarText } from './powershell-values.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function get(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return undefined;
}

/** Which tool wrote the document, by the keys it has. */
const SHAPES: ReadonlyArray<{ test: (o: Json) => boolean; map: (o: Json) => LooseEvent }> = [
  { test: (o) => isObject(o.winlog), map: fromWinlogbeat },
  { test: (o) => isObject(o.Event) && isObject(get(o, 'Event.System')), map: (o) => fromEvtxDump(o.Event as Json) },
  { test: (o) => isObject(o.System), map: fromEvtxDump },
  { test: (o) => 'ProviderName' in o || ('Id' in o && 'TimeCreated' in o), map: fromGetWinEvent },
  { test: (o) => 'EventID' in o && ('Source' in o || 'TimeGenerated' in o), map: fromGetEventLog },
];

export function looseFromJson(value: unknown): LooseEvent | string {
  if (!isObject(value)) return `expected a JSON object for an event, found ${Array.isArray(value) ? 'an array' : typeof value}`;
  const shape = SHAPES.find((s) => s.test(value));
  if (!shape) return `a JSON object that is no known event shape (keys ${Object.keys(value).slice(0, 5).join(', ')})`;
  return shape.map(value);
}

function fromGetWinEvent(o: Json): LooseEvent {
  const loose: LooseEvent = {
    eventId: text(o.Id),
    provider: text(o.ProviderName),
    providerGuid: text(o.ProviderId),
    qualifiers: text(o.Qualifiers),
    level: text(o.Level),
    levelName: text(o.LevelDisplayName),
    channel: text(o.LogName),
    computer: text(o.MachineName),
    recordId: text(o.RecordId),
    time: text(o.TimeCreated),
    message: text(o.Message),
  };
  const data = dataFromJsonProperties(o.Properties);
  if (data) loose.data = data;
  return loose;
}

function fromGetEventLog(o: Json): LooseEvent {
  const loose: LooseEvent = {
    eventId: text(o.EventID),
    provider: text(o.Source),
    computer: text(o.MachineName),
    recordId: text(o.Index),
    time: text(o.TimeGenerated),
    message: text(o.Message),
  };
  const strings = o.ReplacementStrings ?? o.InsertionStrings;
  if (Array.isArray(strings)) loose.data = strings.map(scalarText);
  return loose;
}

function fromWinlogbeat(o: Json): LooseEvent {
  const w = o.winlog as Json;
  const loose: LooseEvent = {
    eventId: text(w.event_id) ?? text(get(o, 'event.code')),
    provider: text(w.provider_name) ?? text(get(o, 'event.provider')),
    providerGuid: text(w.provider_guid),
    channel: text(w.channel),
    computer: text(w.computer_name) ?? text(get(o, 'host.name')),
    recordId: text(w.record_id),
    time: text(w.time_created) ?? text(o['@timestamp']),
    levelName: text(get(o, 'log.level')) ?? text(w.level),
    message: text(o.message),
  };
  if (isObject(w.event_data)) {
    const { data, named, binary } = splitEventData(w.event_data);
    loose.data = data;
    if (named) loose.namedData = named;
    if (binary) loose.binary = binary;
  }
  return loose;
}

/**
 * Winlogbeat names unnamed Data "param1", "param2", … and keeps named ones by name. Either way the values are
 * positional in document order; param numbers, when present, give the order explicitly.
 */
function splitEventData(eventData: Json): { data: string[]; named?: Record<string, string>; binary?: string } {
  const entries = Object.entries(eventData).filter(([k]) => k !== 'Binary');
  const binary = text(eventData.Binary);
  const allParams = entries.length > 0 && entries.every(([k]) => /^param\d+$/.test(k));
  if (allParams) {
    entries.sort((a, b) => Number(a[0].slice(5)) - Number(b[0].slice(5)));
    return { data: entries.map(([, v]) => scalarText(v)), binary };
  }
  const named: Record<string, string> = {};
  for (const [k, v] of entries) named[k] = scalarText(v);
  return { data: entries.map(([, v]) => scalarText(v)), named, binary };
}

/** evtx_dump's rendering: an element is a value, or {"#attributes": {...}, "#text": value}. */
function elementText(v: unknown): string | undefined {
  if (isObject(v)) return text(v['#text']) ?? text(v.Value);
  return text(v);
}

function attribute(v: unknown, name: string): string | undefined {
  if (!isObject(v)) return undefined;
  return text(get(v, `#attributes.${name}`)) ?? text(v[name]);
}

function fromEvtxDump(event: Json): LooseEvent {
  const system = (event.System ?? {}) as Json;
  const loose: LooseEvent = {
    eventId: elementText(system.EventID),
    qualifiers: attribute(system.EventID, 'Qualifiers'),
    provider: attribute(system.Provider, 'Name'),
    providerGuid: attribute(system.Provider, 'Guid'),
    level: elementText(system.Level),
    channel: elementText(system.Channel),
    computer: elementText(system.Computer),
    recordId: elementText(system.EventRecordID),
    time: attribute(system.TimeCreated, 'SystemTime') ?? '',
    message: text(get(event, 'RenderingInfo.Message')),
  };
  const eventData = event.EventData;
  if (isObject(eventData)) {
    const { data, named } = evtxDumpData(eventData);
    loose.data = data;
    if (named) loose.namedData = named;
    const binary = elementText(eventData.Binary);
    if (binary) loose.binary = binary;
  }
  return loose;
}

/** Unnamed <Data> become "Data" (one value, or an array under "#text"); named ones become keys of EventData. */
function evtxDumpData(eventData: Json): { data: string[]; named?: Record<string, string> } {
  const unnamed = eventData.Data;
  if (unnamed !== undefined) {
    const inner = isObject(unnamed) ? (unnamed['#text'] ?? unnamed.Value) : unnamed;
    const values = Array.isArray(inner) ? inner : inner === undefined || inner === null ? [] : [inner];
    return { data: values.map(scalarText) };
  }
  const entries = Object.entries(eventData).filter(([k]) => k !== 'Binary' && k !== '#attributes');
  const named: Record<string, string> = {};
  for (const [k, v] of entries) named[k] = scalarText(isObject(v) ? v['#text'] : v);
  return { data: Object.values(named), named: entries.length > 0 ? named : undefined };
}
