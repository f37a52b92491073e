// One <Event> read straight into EventParts, without building its element tree: the same grammar, checks and
// error messages (with offsets) as parseElement in tokenize-event.ts — no DTD, only the five predefined
// entities and character references, bounded depth, one root — but only the text and attributes the
// mapping reads are kept. Dense logs spend most of their reading time here, so nothing else is allocated.
import { eventFromParts, type DataItem, type EventMapping, type EventParts } from './event-from-xml.js';
import { decodeEntities, isNameChar, isSpace, localName, MAX_DEPTH, XmlSyntaxError } from './tokenize-event.js';
import type { SourceRef } from '../../types.js';

/** What an open element is to the mapping: which of its text and attributes are kept. */
const enum Role {
  Ignored,
  Root,
  System,
  EventId,
  Provider,
  TimeCreated,
  RecordId,
  Channel,
  Computer,
  Level,
  EventData,
  Data,
  Binary,
  UserData,
  /** Any element below <UserData>: a leaf's text is kept. */
  UserDataNode,
  RenderingInfo,
  Message,
}

type WantedAttribute = 'qualifiers' | 'providerName' | 'providerGuid' | 'eventSourceName' | 'systemTime' | 'dataName';

/** Which part an attribute (by local name) of an element of this role fills, if any. */
function wantedAttribute(role: Role, name: string): WantedAttribute | undefined {
  switch (role) {
    case Role.EventId:
      return name === 'Qualifiers' ? 'qualifiers' : undefined;
    case Role.Provider:
      return name === 'Name' ? 'providerName' : name === 'Guid' ? 'providerGuid' : name === 'EventSourceName' ? 'eventSourceName' : undefined;
    case Role.TimeCreated:
      return name === 'SystemTime' ? 'systemTime' : undefined;
    case Role.Data:
      return name === 'Name' ? 'dataName' : undefined;
    default:
      return undefined;
  }
}

/** Roles whose element text is collected. */
function keepsText(role: Role): boolean {
  return role >= Role.EventId && role !== Role.Provider && role !== Role.TimeCreated && role !== Role.EventData && role !== Role.UserData && role !== Role.RenderingInfo;
}

/** Reads one event; throws XmlSyntaxError exactly where and why parseElement would. */
export function scanEvent(xml: string, source: SourceRef): EventMapping {
  return eventFromParts(scanEventParts(xml), source);
}

export function scanEventParts(xml: string): EventParts {
  const parts: EventParts = { rootName: '', hasSystem: false };
  const len = xml.length;
  const names: string[] = [];
  const roles: Role[] = [];
  const texts: string[] = [];
  /** Below <UserData>: whether the open element has had a child (only leaves are kept). */
  const hasChild: boolean[] = [];
  let depth = 0;
  let rootSeen = false;
  // First-of-a-kind flags: child() finds the first match, later ones are ignored.
  let seen = 0;
  /** The Name attribute of an open <Data>. */
  const dataNames: Array<string | undefined> = [];
  // Next '&' and '<' at or after the last place looked from (-1: none left): each is searched for once per stretch.
  let nextAmp = -2;
  let nextLt = -2;
  let pos = 0;

  while (pos < len) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? len : lt;
    if (textEnd > pos) {
      if (depth > 0) {
        const role = roles[depth - 1];
        if (nextAmp !== -1 && nextAmp < pos) nextAmp = xml.indexOf('&', pos);
        const hasAmp = nextAmp >= 0 && nextAmp < textEnd;
        if (keepsText(role)) {
          const raw = xml.slice(pos, textEnd);
          texts[depth - 1] += hasAmp ? decodeEntities(raw, pos) : raw;
        } else if (hasAmp) {
          decodeEntities(xml.slice(pos, textEnd), pos);
        }
      } else if (xml.slice(pos, textEnd).trim() !== '') {
        throw new XmlSyntaxError(`text outside the root element`, pos);
      }
    }
    if (lt < 0) break;
    pos = lt;
    const next = xml.charCodeAt(pos + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', pos)) {
        const end = xml.indexOf('-->', pos + 4);
        if (end < 0) throw new XmlSyntaxError('unterminated comment', pos);
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos + 9);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', pos);
        if (depth === 0) throw new XmlSyntaxError('CDATA outside the root element', pos);
        if (keepsText(roles[depth - 1])) texts[depth - 1] += xml.slice(pos + 9, end);
        pos = end + 3;
      } else {
        throw new XmlSyntaxError(`markup declaration inside an event (DTDs are not processed)`, pos);
      }
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', pos);
      pos = end + 2;
    } else if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated end tag', pos);
      const name = localName(xml.slice(pos + 2, end).trim());
      if (depth === 0) throw new XmlSyntaxError(`end tag </${name}> without a start tag`, pos);
      depth--;
      if (names[depth] !== name) throw new XmlSyntaxError(`expected </${names[depth]}>, found </${name}>`, pos);
      close(depth);
      pos = end + 1;
    } else {
      pos = readStartTag(pos);
    }
  }
  if (depth > 0) throw new XmlSyntaxError(`input ends inside <${names[depth - 1]}>`, len);
  if (!rootSeen) throw new XmlSyntaxError('no element found', 0);
  return parts;

  function systemRole(name: string): Role {
    switch (name) {
      case 'EventID':
        return Role.EventId;
      case 'Provider':
        return Role.Provider;
      case 'TimeCreated':
        return Role.TimeCreated;
      case 'EventRecordID':
        return Role.RecordId;
      case 'Channel':
        return Role.Channel;
      case 'Computer':
        return Role.Computer;
      case 'Level':
        return Role.Level;
      default:
        return Role.Ignored;
    }
  }

  function roleOf(name: string): Role {
    if (depth === 0) return Role.Root;
    const parent = roles[depth - 1];
    switch (parent) {
      case Role.Root:
        return firstOf(name === 'System' ? Role.System : name === 'EventData' ? Role.EventData : name === 'UserData' ? Role.UserData : name === 'RenderingInfo' ? Role.RenderingInfo : Role.Ignored);
      case Role.System:
        return firstOf(systemRole(name));
      case Role.EventData:
        return name === 'Data' ? Role.Data : name === 'Binary' ? Role.Binary : Role.Ignored;
      case Role.UserData:
      case Role.UserDataNode:
        return Role.UserDataNode;
      case Role.RenderingInfo:
        return firstOf(name === 'Message' ? Role.Message : Role.Ignored);
      default:
        return Role.Ignored;
    }
  }

  /** The first element of a role (below the first parent of its role) keeps it; later ones are ignored. */
  function firstOf(role: Role): Role {
    if (role === Role.Ignored) return role;
    const bit = 1 << role;
    if (seen & bit) return Role.Ignored;
    seen |= bit;
    return role;
  }

  function readStartTag(start: number): number {
    let p = start + 1;
    const nameStart = p;
    while (p < len && isNameChar(xml.charCodeAt(p))) p++;
    if (p === nameStart) throw new XmlSyntaxError(`'<' not followed by an element name`, start);
    const name = localName(xml.slice(nameStart, p));
    // Deciding the role first changes nothing when a check below fails: the whole event is rejected then.
    const role = roleOf(name);
    let dataName: string | undefined;
    for (;;) {
      while (p < len && isSpace(xml.charCodeAt(p))) p++;
      if (p >= len) throw new XmlSyntaxError(`unterminated start tag <${name}>`, start);
      const c = xml.charCodeAt(p);
      if (c === 0x3e /* > */) {
        open(name, role, dataName, start);
        return p + 1;
      }
      if (c === 0x2f /* / */ && xml.charCodeAt(p + 1) === 0x3e) {
        open(name, role, dataName, start);
        depth--;
        close(depth);
        return p + 2;
      }
      const attrStart = p;
      while (p < len && isNameChar(xml.charCodeAt(p))) p++;
      if (p === attrStart) throw new XmlSyntaxError(`unexpected '${xml[p]}' in start tag <${name}>`, p);
      const attrName = xml.slice(attrStart, p);
      while (p < len && isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== 0x3d /* = */) throw new XmlSyntaxError(`attribute ${attrName} has no value`, p);
      p++;
      while (p < len && isSpace(xml.charCodeAt(p))) p++;
      const quote = xml[p];
      if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`attribute ${attrName}: expected a quote, found '${quote ?? 'end of input'}'`, p);
      const valueEnd = xml.indexOf(quote, p + 1);
      if (valueEnd < 0) throw new XmlSyntaxError(`attribute ${attrName}: unterminated value`, p);
      if (nextLt < p + 1) nextLt = xml.indexOf('<', p + 1);
      if (nextLt >= 0 && nextLt < valueEnd) throw new XmlSyntaxError(`attribute ${attrName}: '<' in value`, p);
      if (!attrName.startsWith('xmlns')) {
        if (nextAmp !== -1 && nextAmp < p + 1) nextAmp = xml.indexOf('&', p + 1);
        const hasAmp = nextAmp >= 0 && nextAmp < valueEnd;
        const wanted = role === Role.Ignored ? undefined : wantedAttribute(role, localName(attrName));
        if (wanted !== undefined) {
          // Later duplicates win, as they do in the tree's attribute object.
          const raw = xml.slice(p + 1, valueEnd);
          const value = hasAmp ? decodeEntities(raw, p + 1) : raw;
          if (wanted === 'dataName') dataName = value;
          else parts[wanted] = value;
        } else if (hasAmp) {
          decodeEntities(xml.slice(p + 1, valueEnd), p + 1);
        }
      }
      p = valueEnd + 1;
    }
  }

  function open(name: string, role: Role, dataName: string | undefined, at: number): void {
    if (depth === 0) {
      if (rootSeen) throw new XmlSyntaxError(`a second root element <${name}>`, at);
    } else if (roles[depth - 1] === Role.UserDataNode) {
      hasChild[depth - 1] = true;
    }
    if (depth >= MAX_DEPTH) throw new XmlSyntaxError(`elements nested deeper than ${MAX_DEPTH}`, at);
    if (depth === 0) {
      rootSeen = true;
      parts.rootName = name;
    }
    names[depth] = name;
    roles[depth] = role;
    texts[depth] = '';
    hasChild[depth] = false;
    dataNames[depth] = dataName;
    depth++;
  }

  function close(at: number): void {
    const role = roles[at];
    const text = texts[at];
    switch (role) {
      case Role.System:
        parts.hasSystem = true;
        break;
      case Role.EventId:
        parts.eventIdText = text;
        break;
      case Role.RecordId:
        parts.recordIdText = text;
        break;
      case Role.Channel:
        parts.channelText = text;
        break;
      case Role.Computer:
        parts.computerText = text;
        break;
      case Role.Level:
        parts.levelText = text;
        break;
      case Role.EventData:
        parts.eventData ??= [];
        break;
      case Role.Data:
        (parts.eventData ??= []).push([dataNames[at], text] satisfies DataItem);
        break;
      case Role.Binary:
        (parts.eventData ??= []).push(text);
        break;
      case Role.UserData:
        parts.userDataLeaves ??= [];
        break;
      case Role.UserDataNode:
        if (!hasChild[at]) (parts.userDataLeaves ??= []).push([names[at], text.trim()]);
        break;
      case Role.Message:
        parts.messageText = text;
        break;
      default:
        break;
    }
  }
}
