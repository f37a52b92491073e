// ospp.vbs output as a block of a console paste: the splitter offers lines one by one, this reader takes the ones
// ospp prints and reads them at the end with parseOsppLines.
import type { SourceRef } from '../types.js';
import type { NumberedLine } from './network/lines.js';
import { MAX_LINE_CHARS, parseOsppLines, WRAP_WIDTH, type OsppOptions, type OsppParse } from './ospp.js';
import { displayWidth, matchOsppLine } from '../ingest/index.js';

/** A line as a block reader is offered it: its number in the whole file, and its text. */
export interface OfferedLine {
  no: number;
  text: string;
}

/**
 * ospp output read line by line, as a splitter of console pastes offers it: `read` takes the lines ospp prints
 * (and says no to the rest, which the splitter hands to another block or back here as `unknown`); `end` reads
 * what was taken. `command` is the ospp command of the prompt line that opened the block, when there was one.
 * A line after a console-wide ERROR DESCRIPTION is taken as its continuation unless it begins another output.
 */
export class OsppReader {
  private readonly lines: NumberedLine[] = [];
  private readonly listed: NumberedLine[] = [];
  private continues = false;

  constructor(
    private readonly source: SourceRef,
    private readonly options: OsppOptions = {},
    private readonly command?: string,
    /** Whether a line begins another output (the splitter knows): such a line never continues a wrapped value. */
    private readonly startsOther: (text: string) => boolean = () => false,
  ) {}

  read(line: OfferedLine): boolean {
    const t = line.text;
    if (t.trim() === '') {
      this.continues = false;
      this.lines.push(line);
      return true;
    }
    const m = t.length <= MAX_LINE_CHARS ? matchOsppLine(t) : undefined;
    // A value the console wrapped (only ERROR DESCRIPTION runs on) belongs to the line above.
    const owned = m !== undefined || (this.continues && !this.startsOther(t));
    this.continues = m ? m.key === 'errorDescription' && displayWidth(t) >= WRAP_WIDTH : this.continues;
    if (owned) this.lines.push(line);
    return owned;
  }

  unknown(line: OfferedLine): void {
    this.listed.push(line);
  }

  end(): OsppParse {
    const r = parseOsppLines(this.lines, this.source, this.command ? { ...this.options, command: this.command } : this.options);
    for (const l of this.listed) r.unknown.push(l);
    r.unknown.sort((a, b) => a.no - b.no);
    return r;
  }
}
