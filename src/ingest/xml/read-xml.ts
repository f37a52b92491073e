// Reader for XML event exports: Event Viewer "Save as XML", wevtutil qe /f:xml (rooted or not),
// PowerShell redirections in UTF-16LE, pretty-printed copies.
import type { Reader, ReaderContext, ReaderItem, SkippedRecords } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { eventFromXml } from './event-from-xml.js';
import { EventSplitter, type SplitPiece } from './split-events.js';
import { parseElement, XmlSyntaxError } from './tokenize-event.js';

// The pre-filter skips an event unread only when its <EventID> is plain: digits, then its own end tag, and no
// other EventID tag anywhere ("<EventID>1<EventID/>2288</EventID>" reads as 12288; a commented-out EventID
// comes first). Anything else is parsed and judged.
const PLAIN_EVENT_ID = /<(?:\w+:)?EventID(?:\s[^>]*)?>\s*(\d+)\s*<\/(?:\w+:)?EventID\s*>/g;
const RECORD_ID = /<(?:\w+:)?EventRecordID(?:\s[^>]*)?>\s*(\d+)\s*</;
const SYSTEM_TIME = /<(?:\w+:)?TimeCreated\s[^>]*SystemTime\s*=\s*["']([^"']+)["']/;
const CHANNEL = /<(?:\w+:)?Channel(?:\s[^>]*)?>([^<]*)</;
const COMPUTER = /<(?:\w+:)?Computer(?:\s[^>]*)?>([^<]*)</;

/** Record id, time, channel and computer of an event the filter skips, read without parsing it. */
function skippedRecord(xml: string): SkippedRecords {
  const seen: SkippedRecords = {};
  const id = RECORD_ID.exec(xml);
  if (id) seen.recordIds = [Number(id[1])];
  const time = SYSTEM_TIME.exec(xml);
  const ms = time ? Date.parse(time[1]) : NaN;
  if (Number.isFinite(ms)) seen.newest = new Date(ms).toISOString();
  const channel = CHANNEL.exec(xml);
  if (channel) seen.channel = channel[1].trim();
  const computer = COMPUTER.exec(xml);
  if (computer) seen.computer = computer[1].trim();
  return seen;
}

/**
 * What a reader of one byte range of a file reports back (see read/parallel/ranges.ts): the range is read like the
 * whole file would be from its first `<Event` on, and these tell whether the reads join up exactly.
 */
export interface XmlRangeReport {
  /** The range ends where the file ends (only then is the end of input the end of the document). */
  last: boolean;
  /** Filled in once the range is read: everything was consumed and no state carries over the cut. */
  clean?: boolean;
  /** The line the range starts on (default 1: the caller numbers later ranges' lines on from the earlier ones'). */
  startLine?: number;
  /** Newlines in the range's text: the lines of later ranges count on from here. */
  newlines?: number;
  events?: number;
  otherRoots?: string[];
}

/** Reads a whole XML export; with `range`, one byte range of it (see XmlRangeReport). */
export function makeXmlReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>, range?: XmlRangeReport): Reader {
  return async function* readXmlEvents(input, ctx): AsyncGenerator<ReaderItem> {
    const splitter = new EventSplitter(range?.startLine ?? 1);
    let events = 0;
    for await (const text of decodeText(input, encoding)) {
      for (const piece of splitter.push(text)) {
        if (piece.kind === 'event') events++;
        yield pieceToItem(piece, ctx);
      }
    }
    if (range && !range.last) {
      // Not the end of the document: what is still buffered belongs with the next range, so the cut was wrong.
      Object.assign(range, { clean: splitter.cleanAtCut(), newlines: splitter.lastLine() - (range.startLine ?? 1), events, otherRoots: [...splitter.otherRoots] });
      return;
    }
    for (const piece of splitter.end()) {
      if (piece.kind === 'event') events++;
      yield pieceToItem(piece, ctx);
    }
    if (range) {
      Object.assign(range, { clean: true, newlines: splitter.lastLine() - (range.startLine ?? 1), events, otherRoots: [...splitter.otherRoots] });
      return;
    }
    if (events === 0 && splitter.otherRoots.size > 0) yield noEventsRejection(splitter.otherRoots);
  };
}

/** A file with no <Event> at all, only other elements: said once, at its end. */
export function noEventsRejection(otherRoots: Iterable<string>): ReaderItem {
  const names = [...otherRoots].slice(0, 3).map((n) => `<${n}>`).join(', ');
  return { kind: 'rejected', rejection: { where: 'whole file', reason: `XML without any <Event> element (found ${names})` } };
}

function pieceToItem(piece: SplitPiece, ctx: ReaderContext): ReaderItem {
  if (piece.kind === 'junk') {
    return { kind: 'rejected', rejection: { where: `line ${piece.line}`, line: piece.line, reason: piece.reason } };
  }
  if (ctx.filter?.eventIds) {
    const id = plainEventId(piece.xml);
    if (id !== undefined && !ctx.filter.eventIds.has(id)) return { kind: 'ignored', count: 1, seen: skippedRecord(piece.xml) };
  }
  try {
    const root = parseElement(piece.xml);
    const mapped = eventFromXml(root, { file: ctx.file, format: 'xml', line: piece.line });
    if (mapped.ok) return { kind: 'event', event: mapped.event };
    return { kind: 'rejected', rejection: { where: `line ${piece.line}`, line: piece.line, reason: mapped.reason } };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const line = piece.line + countNewlines(piece.xml, error.offset);
    return {
      kind: 'rejected',
      rejection: { where: `line ${line}`, line, reason: `malformed event XML: ${error.message}` },
    };
  }
}

/** The event id when the event's only EventID element is plain digits; undefined when only parsing can tell. */
function plainEventId(xml: string): number | undefined {
  PLAIN_EVENT_ID.lastIndex = 0;
  const match = PLAIN_EVENT_ID.exec(xml);
  if (!match) return undefined;
  // "EventID" anywhere before or after the match may be another EventID element (or a split one): parse then.
  // Plain searches, not a regular expression: this runs for every event of every file.
  if (xml.indexOf('EventID') < match.index) return undefined;
  if (xml.indexOf('EventID', match.index + match[0].length) >= 0) return undefined;
  return Number(match[1]);
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
