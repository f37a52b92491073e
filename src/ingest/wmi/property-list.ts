// PowerShell Format-List text of objects (`Get-CimInstance SoftwareLicensingProduct | Format-List`, the same with
// Get-WmiObject, console copies and `> file` redirections): objects separated by blank lines, each line
// "Name   : value" with the colons aligned, a long value continued on lines indented to the value column (joined
// without a break when the line before filled the console). A line that is neither is listed, and the object
// goes on: it never becomes part of a value, and it never loses the object its neighbours belong to.
import type { PropertyObject, SourceRef, UnknownLine } from '../../types.js';
import { displayWidth } from '../text/powershell-list.js';

/** Narrowest console Windows opens; a shorter line cannot have been wrapped. */
const MIN_CONSOLE_WIDTH = 80;
/** "Name : value": padded names, a colon after at least one space, the value after ": " (or nothing). */
const PROPERTY_LINE = /^([A-Za-z_][A-Za-z0-9_]*)(\s+):(?: (.*))?$/;

export interface NumberedText {
  line: number;
  text: string;
}

export interface ListParse {
  objects: PropertyObject[];
  unknown: UnknownLine[];
}

interface Building {
  line: number;
  /** The last line that belongs to the object (unknown lines do not). */
  last: number;
  properties: Record<string, string>;
  /** The property continuation lines belong to, and the column its values start at. */
  current?: { name: string; column: number };
  /** Width of the last line that belongs to the object (unknown lines do not count). */
  lastWidth: number;
}

/**
 * Reads Format-List lines into objects. Feed lines in order with `line`, and `end` at the end; objects come out
 * as soon as they are complete. `wrapWidth` grows with the widest line seen (the console width).
 */
export class PropertyListReader {
  private building?: Building;
  private widest = 0;
  /** Indent of the first property line: a paste indented as a whole keeps its names at that column. */
  private base?: number;

  constructor(private readonly source: Omit<SourceRef, 'line'>) {}

  line(l: NumberedText, out: ListParse): void {
    const text = l.text;
    if (text.trim() === '') {
      this.finish(out);
      return;
    }
    const width = displayWidth(text);
    const indent = text.length - text.trimStart().length;
    const body = this.base !== undefined && indent >= this.base ? text.slice(this.base) : text.trimStart();
    const m = indent <= (this.base ?? indent) ? PROPERTY_LINE.exec(body.trimEnd()) : null;
    if (m) {
      this.base ??= indent;
      const name = m[1];
      if (this.building && Object.prototype.hasOwnProperty.call(this.building.properties, name)) this.finish(out);
      const b = (this.building ??= { line: l.line, last: l.line, properties: {}, lastWidth: 0 });
      b.last = l.line;
      b.properties[name] = (m[3] ?? '').trim();
      b.current = { name, column: name.length + m[2].length + 2 };
      b.lastWidth = width;
      this.widest = Math.max(this.widest, width);
      return;
    }
    const b = this.building;
    if (b?.current && indent > (this.base ?? 0)) {
      // A continuation: wrapped by the console (joined as is) or a line break in the value (kept).
      const piece = text.trim();
      const wrapped = b.lastWidth >= Math.max(MIN_CONSOLE_WIDTH, this.widest) - 1;
      const value = b.properties[b.current.name];
      b.properties[b.current.name] = value === '' ? piece : wrapped ? value + piece : `${value}\n${piece}`;
      b.lastWidth = width;
      b.last = l.line;
      this.widest = Math.max(this.widest, width);
      return;
    }
    out.unknown.push({ line: l.line, text: text.trimEnd() });
  }

  end(out: ListParse): void {
    this.finish(out);
  }

  /** The first line of the object being read, if one is open. */
  openLine(): number {
    return this.building?.line ?? Infinity;
  }

  private finish(out: ListParse): void {
    const b = this.building;
    this.building = undefined;
    if (!b) return;
    out.objects.push({ source: { ...this.source, line: b.line }, properties: b.properties, ...(b.last > b.line ? { lineEnd: b.last } : {}) });
  }
}

/** A block of Format-List lines (with the whole file's line numbers) → objects and the lines not understood. */
export function parsePropertyList(lines: readonly NumberedText[], source: Omit<SourceRef, 'line'>): ListParse {
  const out: ListParse = { objects: [], unknown: [] };
  const reader = new PropertyListReader(source);
  for (const l of lines) reader.line(l, out);
  reader.end(out);
  return out;
}
