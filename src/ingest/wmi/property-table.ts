// PowerShell Format-Table text of the licensing classes (`… | Format-Table Name, LicenseStatus, PartialProductKey`):
// a header of property names, a line of dashes under each name (as long as the name), rows with each value in its
// column: text from the column's start, numbers right-aligned under the name. It is read only where that is
// unambiguous: a row whose text crosses the space before a column's dashes is not split by guessing (refused, with
// the reason), and a value cut short by the console ("…", "...") is left out, never taken whole.
import type { PropertyObject, SourceRef, UnknownLine } from '../../types.js';
import { isLicensingProperty, isPowerShellProperty, telling } from './properties.js';
import type { NumberedText } from './property-list.js';

interface Column {
  name: string;
  start: number;
  /** Exclusive end: the space before the next column (dashes are only as long as the name); the last runs to the end of the line. */
  end: number;
}

export interface TableParse {
  objects: PropertyObject[];
  unknown: UnknownLine[];
  /** Rows that could not be split into the columns, with why. */
  rejected: Array<{ line: number; reason: string }>;
}

const NAMES = /^[A-Za-z_][A-Za-z0-9_]*(?: +[A-Za-z_][A-Za-z0-9_]*)*$/;
const DASHES = /^-+(?: +-+)*$/;

/** The columns a header line and the dash line under it describe, when every name is a licensing or PowerShell property. */
export function tableColumns(header: string, dashes: string): Column[] | undefined {
  const h = header.trimEnd();
  const d = dashes.trimEnd();
  if (!NAMES.test(h.trim()) || !DASHES.test(d.trim())) return undefined;
  const groups = [...d.matchAll(/-+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const names = [...h.matchAll(/\S+/g)].map((m) => ({ name: m[0], start: m.index ?? 0 }));
  if (groups.length !== names.length || groups.length < 2) return undefined;
  const columns: Column[] = [];
  for (let i = 0; i < groups.length; i++) {
    const { name, start } = names[i];
    // A name sits over its dashes: left-aligned for text, right-aligned for numbers.
    if (start < groups[i].start || start + name.length > groups[i].end) return undefined;
    if (!isLicensingProperty(name) && !isPowerShellProperty(name)) return undefined;
    columns.push({ name, start: groups[i].start, end: i === groups.length - 1 ? Infinity : groups[i + 1].start - 1 });
  }
  // "Name Id" is a table of anything: one column only a licensing class has must be there.
  return telling(columns.map((c) => c.name)) >= 1 ? columns : undefined;
}

const CUT = /(?:\.\.\.|…)$/;

/** One row → its values, or why the row does not fit the columns. */
function splitRow(text: string, columns: readonly Column[]): Record<string, string> | string {
  for (let i = 1; i < columns.length; i++) {
    const gap = columns[i].start - 1;
    if (gap < text.length && text[gap] !== ' ') return `the row's text crosses the space between columns ${columns[i - 1].name} and ${columns[i].name}`;
  }
  const properties: Record<string, string> = {};
  for (const c of columns) {
    const value = text.slice(c.start, c.end === Infinity ? undefined : c.end).trim();
    if (CUT.test(value)) continue;
    properties[c.name] = value;
  }
  return properties;
}

/** Reads Format-Table lines: headers (repeated per group), rows, blank lines between groups. */
export class PropertyTableReader {
  private columns?: Column[];
  private pendingHeader?: NumberedText;

  constructor(private readonly source: Omit<SourceRef, 'line'>) {}

  line(l: NumberedText, out: TableParse): void {
    if (l.text.trim() === '') {
      this.flushHeader(out);
      return;
    }
    if (this.pendingHeader) {
      const columns = tableColumns(this.pendingHeader.text, l.text);
      if (columns) {
        this.columns = columns;
        this.pendingHeader = undefined;
        return;
      }
      this.flushHeader(out);
    }
    if (NAMES.test(l.text.trim()) && telling(l.text.trim().split(/ +/)) >= 1) {
      this.pendingHeader = l;
      return;
    }
    if (!this.columns) {
      out.unknown.push({ line: l.line, text: l.text.trimEnd() });
      return;
    }
    const row = splitRow(l.text.trimEnd(), this.columns);
    if (typeof row === 'string') out.rejected.push({ line: l.line, reason: row });
    // Text in the first column only is no row of these classes (LicenseStatus and the like always have a value):
    // a line of something else, listed rather than read as a product with nothing but a name.
    else if (this.columns.slice(1).every((c) => !row[c.name])) out.unknown.push({ line: l.line, text: l.text.trimEnd() });
    else out.objects.push({ source: { ...this.source, line: l.line }, properties: row });
  }

  end(out: TableParse): void {
    this.flushHeader(out);
  }

  /** A header-shaped line with no dash line under it was a line of something else. */
  private flushHeader(out: TableParse): void {
    if (!this.pendingHeader) return;
    out.unknown.push({ line: this.pendingHeader.line, text: this.pendingHeader.text.trimEnd() });
    this.pendingHeader = undefined;
  }
}
