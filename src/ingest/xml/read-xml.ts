// Reader for XML event exports: Event Viewer "Save as XML", wevtutil qe /f:xml (rooted or not),
// PowerShell redirections in UTF-16LE, pretty-printed copies.
import type { Reader, ReaderContext, ReaderItem, SkippedRecords } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { eventFromXml } from './event-from-xml.js';
import { EventSplitter, type SplitPiece } from './split-events.js';
import { parseElement, XmlSyntaxError } from './tokenize-event.js';

const EVENT_ID = /<(?:\w+:)?EventID(?:\s[^>]*)?>\s*(\d+)\s*</;
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

export function makeXmlReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readXmlEvents(input, ctx): AsyncGenerator<ReaderItem> {
    const splitter = new EventSplitter();
    let events = 0;
    for await (const text of decodeText(input, encoding)) {
      for (const piece of splitter.push(text)) {
        if (piece.kind === 'event') events++;
        yield pieceToItem(piece, ctx);
      }
    }
    for (const piece of splitter.end()) {
      if (piece.kind === 'event') events++;
      yield pieceToItem(piece, ctx);
    }
    if (events === 0 && splitter.otherRoots.size > 0) {
      const names = [...splitter.otherRoots].slice(0, 3).map((n) => `<${n}>`).join(', ');
      yield {
        kind: 'rejected',
        rejection: { where: 'whole file', reason: `XML without any <Event> element (found ${names})` },
      };
    }
  };
}

function pieceToItem(piece: SplitPiece, ctx: ReaderContext): ReaderItem {
  if (piece.kind === 'junk') {
    return { kind: 'rejected', rejection: { where: `line ${piece.line}`, line: piece.line, reason: piece.reason } };
  }
  if (ctx.filter?.eventIds) {
    const id = EVENT_ID.exec(piece.xml);
    if (id && !ctx.filter.eventIds.has(Number(id[1]))) return { kind: 'ignored', count: 1, seen: skippedRecord(piece.xml) };
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

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
