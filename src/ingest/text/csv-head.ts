// The head of a PowerShell CSV export: an optional "#TYPE …" line, then the header, whose first separator says
// the delimiter (`-UseCulture` writes the locale's list separator, ";" in much of Europe). Text is held until
// the header line is complete, so where the input's chunks are cut never changes the verdict.
import { DelimitedSplitter, type DelimitedRow } from './delimited.js';

/** A "#TYPE System.…" line is short; a longer one is taken as the (bad) header, whatever the chunking. */
const MAX_TYPE_LINE = 4096;
const TYPE_LINE = new RegExp(`^\\s*#TYPE[^\\n]{0,${MAX_TYPE_LINE}}\\n`);
const TYPE_LINE_AT_END = new RegExp(`^\\s*#TYPE[^\\n]{0,${MAX_TYPE_LINE}}(?:\\n|$)`);
const MAX_HEAD_CHARS = 64 * 1024;

export interface CsvHead {
  /** The #TYPE line without "#TYPE", when there was one. */
  typeName?: string;
  delimiter: string;
  /** The text from the header on: what the row splitter reads. */
  rest: string;
  /** Lines before the header (the #TYPE line), to keep line numbers true. */
  lineOffset: number;
}

/** The header line decides the delimiter: the first character after the first (quoted) name. */
export function delimiterOf(headerLine: string): string {
  const m = /^"[^"]*"([,;\t])|^[^,;\t"]*([,;\t])/.exec(headerLine);
  return m?.[1] ?? m?.[2] ?? ',';
}

export class CsvHeadReader {
  private head = '';

  /** Adds text; returns the head once the header line is complete (or the head is too long to wait for). */
  push(text: string): CsvHead | undefined {
    this.head += text;
    const lead = this.head.trimStart();
    // Until the first non-blank line is complete (or cannot become "#TYPE" any more) it is not known
    // whether it is the #TYPE line.
    const mayBeTypeLine = lead.startsWith('#TYPE') ? !lead.includes('\n') && lead.length <= MAX_TYPE_LINE : '#TYPE'.startsWith(lead);
    if (mayBeTypeLine && this.head.length < MAX_HEAD_CHARS) return undefined;
    const typeLine = TYPE_LINE.exec(this.head);
    const rest = typeLine ? this.head.slice(typeLine[0].length) : this.head;
    if (!rest.includes('\n') && this.head.length < MAX_HEAD_CHARS) return undefined;
    return this.result(typeLine?.[0]);
  }

  /** The head at the end of the input, whatever it holds. */
  end(): CsvHead {
    return this.result(TYPE_LINE_AT_END.exec(this.head)?.[0]);
  }

  private result(typeLine: string | undefined): CsvHead {
    const rest = typeLine ? this.head.slice(typeLine.length) : this.head;
    const head: CsvHead = { delimiter: delimiterOf(rest), rest, lineOffset: typeLine ? typeLine.split('\n').length - 1 : 0 };
    if (typeLine) head.typeName = typeLine.trim().replace(/^#TYPE\s*/, '');
    return head;
  }
}

/** Rows of a PowerShell CSV export as they complete, line numbers counted from the top of the file. */
export interface CsvBatch {
  /** The #TYPE line without "#TYPE", when there was one. */
  typeName?: string;
  rows: DelimitedRow[];
}

/** Splits decoded text into rows: the head decides delimiter and line offset, then every piece gives its rows. */
export async function* csvRows(pieces: AsyncIterable<string>): AsyncGenerator<CsvBatch> {
  const head = new CsvHeadReader();
  let splitter: DelimitedSplitter | undefined;
  let offset = 0;
  let typeName: string | undefined;
  const batch = (rows: DelimitedRow[]): CsvBatch => {
    for (const row of rows) row.line += offset;
    return typeName !== undefined ? { typeName, rows } : { rows };
  };
  const start = (h: CsvHead): DelimitedSplitter => {
    offset = h.lineOffset;
    typeName = h.typeName;
    return new DelimitedSplitter(h.delimiter);
  };
  for await (const text of pieces) {
    if (splitter) {
      yield batch(splitter.push(text));
      continue;
    }
    const h = head.push(text);
    if (!h) continue;
    splitter = start(h);
    yield batch(splitter.push(h.rest));
  }
  if (!splitter) {
    const h = head.end();
    splitter = start(h);
    yield batch(splitter.push(h.rest));
  }
  yield batch(splitter.end());
}
