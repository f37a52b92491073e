// A streaming splitter for delimited text (CSV, semicolon CSV, tab-delimited) as Windows tools write it:
// fields optionally in double quotes, "" for a quote inside, line breaks allowed inside quotes. Memory holds
// one row; a row longer than MAX_ROW_CHARS is reported and skipped up to the next line break (resync).

export type DelimitedRow =
  | { kind: 'row'; fields: string[]; line: number }
  | { kind: 'bad'; line: number; reason: string };

export const MAX_ROW_CHARS = 4 * 1024 * 1024;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class DelimitedSplitter {
  private readonly delimiter: number;
  private fields: string[] = [];
  private field: string[] = [];
  private fieldStarted = false;
  private inQuotes = false;
  /** A quote was the last character seen inside quotes: it ends the field unless another quote follows. */
  private quotePending = false;
  private skipping = false;
  private rowChars = 0;
  private line = 1;
  private rowLine = 1;
  private out: DelimitedRow[] = [];

  constructor(delimiter: string, private readonly maxRowChars = MAX_ROW_CHARS) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string): DelimitedRow[] {
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.skipping) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return this.drain();
        this.skipping = false;
        this.line++;
        this.startRow();
        i = nl + 1;
        continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.append('"');
          i++;
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.append(text.slice(i, end));
        if (q < 0) break;
        if (q + 1 < n) {
          if (text.charCodeAt(q + 1) === QUOTE) {
            this.append('"');
            i = q + 2;
          } else {
            this.inQuotes = false;
            i = q + 1;
          }
        } else {
          this.quotePending = true;
          i = n;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === this.delimiter) {
        this.endField();
        i++;
      } else if (c === LF) {
        this.endRow();
        this.line++;
        this.startRow();
        i++;
      } else if (c === CR) {
        i++;
      } else if (c === QUOTE && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === this.delimiter || d === LF || d === CR) break;
          j++;
        }
        this.append(text.slice(i, j));
        i = j;
      }
    }
    return this.drain();
  }

  end(): DelimitedRow[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      this.out.push({ kind: 'bad', line: this.rowLine, reason: 'the input ends inside a quoted field (truncated file?)' });
    } else if (!this.skipping) {
      this.endRow();
    }
    return this.drain();
  }

  private append(piece: string): void {
    if (piece.length === 0) return;
    this.fieldStarted = true;
    if (this.inQuotes) for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) this.line++;
    this.rowChars += piece.length;
    if (this.rowChars > this.maxRowChars) {
      this.out.push({ kind: 'bad', line: this.rowLine, reason: `a row longer than ${this.maxRowChars} characters; skipped to the next line` });
      this.inQuotes = false;
      this.quotePending = false;
      this.skipping = true;
      this.fields = [];
      this.field = [];
      return;
    }
    this.field.push(piece);
  }

  private endField(): void {
    this.fields.push(this.field.join(''));
    this.field = [];
    this.fieldStarted = false;
  }

  private endRow(): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    // A blank line is no row at all.
    if (fields.length === 1 && fields[0] === '') return;
    this.out.push({ kind: 'row', fields, line: this.rowLine });
  }

  private startRow(): void {
    this.inQuotes = false;
    this.quotePending = false;
    this.rowLine = this.line;
    this.rowChars = 0;
    this.fields = [];
    this.field = [];
    this.fieldStarted = false;
  }

  private drain(): DelimitedRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }
}
