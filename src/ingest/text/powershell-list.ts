// PowerShell `Format-List` text (Get-WinEvent, Get-EventLog): blocks separated by blank lines, each line
// "Name : value" with the colons aligned, long values continued on lines indented to the value column.
// The console wraps long values at its width, even mid-token, so a continuation line is joined without a
// line break when the line before it filled the console; otherwise the break was in the message itself.
import type { Reader, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt, unknownLine, type LooseEvent } from './build-event.js';
import { splitLines, type TextLine } from './lines.js';
import { zoneFor } from './zone.js';

const PROPERTY_LINE = /^([A-Za-z][A-Za-z0-9]*)(\s*) : ?(.*)$/;

/** Narrowest console Windows opens; a shorter line cannot have been wrapped. */
const MIN_CONSOLE_WIDTH = 80;

/** Format-List property → LooseEvent field (Get-WinEvent names first, then Get-EventLog's). */
const PROPERTIES: Readonly<Record<string, keyof LooseEvent>> = {
  timecreated: 'time', providername: 'provider', id: 'eventId', message: 'message', logname: 'channel',
  machinename: 'computer', recordid: 'recordId', level: 'level', leveldisplayname: 'levelName', qualifiers: 'qualifiers',
  timegenerated: 'time', source: 'provider', eventid: 'eventId', index: 'recordId', entrytype: 'levelName',
};

interface Property {
  name: string;
  /** Column where values start, for continuation lines. */
  column: number;
  lines: string[];
}

/** Console columns of a string: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    width += c >= 0x1100 && !(c >= 0xff61 && c <= 0xff9f) && (c <= 0x115f || c >= 0x2e80) ? 2 : 1;
  }
  return width;
}

export function makePowerShellListReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readPowerShellList(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    let block: TextLine[] = [];
    /** Widest line seen so far: the console width, once some value has wrapped. */
    let widest = 0;

    function* flush(): Generator<ReaderItem> {
      if (block.length === 0) return;
      const lines = block;
      block = [];
      for (const l of lines) widest = Math.max(widest, displayWidth(l.text));
      const parsed = parseBlock(lines, Math.max(MIN_CONSOLE_WIDTH - 1, widest - 1));
      // A line that is neither "Name : value" nor a continuation is listed; the event around it is still read.
      for (const u of parsed.unknown) yield unknownLine(u.line, u.text);
      if (!parsed.event) return;
      const first = parsed.first;
      yield itemFor(buildEvent(parsed.event, { file: ctx.file, format: 'text', line: first }, zone), first, ctx);
    }

    /** Blank lines seen since the last text line: a value may hold blank lines, so they end a block only
     * when the next text line is not a continuation. */
    let blanks: TextLine[] = [];
    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) {
          yield* flush();
          blanks = [];
          yield rejectedAt(l.line, 'a line longer than 4 MiB characters; skipped');
          continue;
        }
        if (l.text.trim() === '') {
          blanks.push(l);
          continue;
        }
        if (blanks.length > 0) {
          const continues = block.length > 0 && indentOf(l.text) > indentOf(block[0].text);
          if (continues) for (const b of blanks) block.push(b);
          else yield* flush();
          blanks = [];
        }
        block.push(l);
      }
    }
    yield* flush();
  };
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** `wrapWidth`: a line at least this wide was cut by the console, not by the message. */
function parseBlock(lines: TextLine[], wrapWidth: number): { event?: LooseEvent; first: number; unknown: TextLine[] } {
  const properties: Property[] = [];
  const unknown: TextLine[] = [];
  // Output pasted into a document is often indented as a whole; property names start at the first property's indent.
  const opening = lines.find((l) => PROPERTY_LINE.test(l.text.trimStart())) ?? lines[0];
  const base = indentOf(opening.text);
  let first = lines[0].line;
  let previousWidth = 0;
  for (const l of lines) {
    const text = indentOf(l.text) >= base ? l.text.slice(base) : l.text.trimStart();
    const m = PROPERTY_LINE.exec(text);
    const current = properties[properties.length - 1];
    if (m && !/^\s/.test(text)) {
      if (properties.length === 0) first = l.line;
      properties.push({ name: m[1], column: m[1].length + m[2].length + 3, lines: [m[3]] });
    } else if (current && text.trim() === '') {
      current.lines.push('');
    } else if (current && /^\s/.test(text)) {
      const piece = text.slice(Math.min(current.column, indentOf(text)));
      if (previousWidth >= wrapWidth) current.lines[current.lines.length - 1] += piece;
      else current.lines.push(piece);
    } else {
      unknown.push(l);
      // Not part of the event: it neither continues a value nor decides whether the next line was wrapped.
      continue;
    }
    previousWidth = displayWidth(l.text);
  }
  if (properties.length === 0) return { first, unknown };
  const loose: Record<string, string> = {};
  for (const p of properties) {
    const field = PROPERTIES[p.name.toLowerCase()];
    if (field && loose[field] === undefined) loose[field] = p.lines.join('\n');
  }
  return { event: loose as LooseEvent, first, unknown };
}
