// PowerShell `Format-List` text (Get-WinEvent, Get-EventLog): blocks separated by blank lines, each line
// "Name : value" with the colons aligned, long values continued on lines indented to the value column.
// The console wraps long values at its width, even mid-token, so a continuation line is joined without a
// line break when the line before it filled the console; otherwise the break was in the message itself.
import type { Reader, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt, type LooseEvent } from './build-event.js';
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
      const first = lines[0].line;
      if (typeof parsed === 'string') {
        yield rejectedAt(first, parsed);
        return;
      }
      yield itemFor(buildEvent(parsed, { file: ctx.file, format: 'text', line: first }, zone), first, ctx);
    }

    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) {
          yield* flush();
          yield rejectedAt(l.line, 'a line longer than 4 MiB characters; skipped');
          continue;
        }
        if (l.text.trim() === '') yield* flush();
        else block.push(l);
      }
    }
    yield* flush();
  };
}

/** `wrapWidth`: a line at least this wide was cut by the console, not by the message. */
function parseBlock(lines: TextLine[], wrapWidth: number): LooseEvent | string {
  const properties: Property[] = [];
  let previousWidth = 0;
  for (const l of lines) {
    const m = PROPERTY_LINE.exec(l.text);
    const current = properties[properties.length - 1];
    if (m && !/^\s/.test(l.text)) {
      properties.push({ name: m[1], column: m[1].length + m[2].length + 3, lines: [m[3]] });
    } else if (current && /^\s/.test(l.text)) {
      const piece = l.text.slice(Math.min(current.column, l.text.length - l.text.trimStart().length));
      if (previousWidth >= wrapWidth) current.lines[current.lines.length - 1] += piece;
      else current.lines.push(piece);
    } else {
      return `not a "Name : value" line of Format-List output: ${JSON.stringify(l.text.trim().slice(0, 40))}`;
    }
    previousWidth = displayWidth(l.text);
  }
  const loose: Record<string, string> = {};
  for (const p of properties) {
    const field = PROPERTIES[p.name.toLowerCase()];
    if (field && loose[field] === undefined) loose[field] = p.lines.join('\n');
  }
  return loose as LooseEvent;
}
