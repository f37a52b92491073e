// Event Viewer "Copy details as text" (and the General tab pasted as text): localized "Label: value" lines
// starting with the log name, a description (the message), and in a copy an "Event Xml:" part with the
// event's XML. Users paste several one after another. When the XML is there and readable it is the better
// source (exact UTC time, record id, Data); the description then only supplies the message.
import type { RawEvent, Reader, ReaderContext, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { eventFromXml, parseElement, XmlSyntaxError } from '../xml/index.js';
import { buildEvent, ignoredEvent, itemFor, rejectedAt, unknownLine } from './build-event.js';
import { BlockFields, matchLabel } from './labelled-block.js';
import { splitLines } from './lines.js';
import type { TimeZone } from './local-time.js';
import { zoneFor } from './zone.js';

/** Longest Event Xml part we collect; a real one is a few kilobytes. */
const MAX_XML_CHARS = 1024 * 1024;

class DetailsBlock extends BlockFields {
  xml: string[] | undefined;
  xmlChars = 0;
  xmlDone = false;
}

export function makeEventViewerDetailsReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readEventViewerDetails(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    let block: DetailsBlock | undefined;

    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) {
          yield rejectedAt(l.line, 'a line longer than 4 MiB characters; skipped');
          continue;
        }
        const label = matchLabel(l.text);
        // A log-name label always opens the next event, also right after a description or an XML part.
        if (label?.field === 'logName' && !(block?.xml && !block.xmlDone)) {
          if (block) yield finish(block, ctx, zone);
          block = new DetailsBlock(l.line);
          block.header(l.text);
          continue;
        }
        // A line before the first "Log Name:", or a header line no label explains: listed, never read into a value.
        if (!block) {
          if (l.text.trim() !== '') yield unknownLine(l.line, l.text);
          continue;
        }
        if (block.xml) {
          if (block.xmlDone) continue;
          block.xmlChars += l.text.length + 1;
          if (block.xmlChars > MAX_XML_CHARS) {
            block.xml = [];
            block.xmlDone = true;
            continue;
          }
          block.xml.push(l.text);
          if (/<\/(?:\w+:)?Event>\s*$/.test(l.text)) block.xmlDone = true;
          continue;
        }
        if (label?.field === 'eventXml') {
          block.xml = [];
          if (label.value) block.xml.push(label.value);
          continue;
        }
        if (block.inDescription) block.description.push(l.text);
        else if (l.text.trim() !== '' && !block.header(l.text)) yield unknownLine(l.line, l.text);
      }
    }
    if (block) yield finish(block, ctx, zone);
  };
}

function finish(block: DetailsBlock, ctx: ReaderContext, zone: TimeZone | undefined): ReaderItem {
  const fromXml = block.xml && block.xml.length > 0 ? eventFromXmlPart(block, ctx) : undefined;
  if (fromXml) {
    const ids = ctx.filter?.eventIds;
    if (ids && !ids.has(fromXml.eventId)) return ignoredEvent(fromXml);
    return { kind: 'event', event: fromXml };
  }
  // No XML part, or one we could not read: the labelled fields still make an event.
  return itemFor(buildEvent(block.loose(), { file: ctx.file, format: 'text', line: block.line }, zone), block.line, ctx);
}

function eventFromXmlPart(block: DetailsBlock, ctx: ReaderContext): RawEvent | undefined {
  // Pastes from the XML view carry "- " tree glyphs before elements; they are not part of the XML.
  const xml = (block.xml ?? []).map((line) => line.replace(/^\s*-\s+(?=<)/, '')).join('\n');
  try {
    const mapped = eventFromXml(parseElement(xml), { file: ctx.file, format: 'text', line: block.line });
    if (!mapped.ok) return undefined;
    const event = mapped.event;
    // trimEnd, not /\s+$/: that regex is quadratic on a description with a long run of blank lines.
    const message = block.loose().message?.trimEnd();
    if (!event.message && message) event.message = message;
    return event;
  } catch (error) {
    if (error instanceof XmlSyntaxError) return undefined;
    throw error;
  }
}
