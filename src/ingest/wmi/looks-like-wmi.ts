// Whether a text is an inventory of the WMI licensing classes, and in which PowerShell form. Decided from the
// property names (data/wmi-properties.tsv): an export of other objects never reads as a licensing inventory.
import { classOfProperties, telling } from './properties.js';
import { tableColumns } from './property-table.js';

const LINES_LOOKED_AT = 60;
const LIST_LINE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+:(?:\s|$)/;

function firstLines(head: string): string[] {
  return head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, LINES_LOOKED_AT);
}

/** Two licensing properties beyond the generic names (Id, Name …), all of one class, tell a licensing object. */
function licensing(names: readonly string[]): boolean {
  return telling(names) >= 2 && classOfProperties(names) !== undefined;
}

/** Format-List: "Name : value" lines of licensing properties. */
export function looksLikeWmiList(head: string): boolean {
  const names: string[] = [];
  for (const line of firstLines(head)) {
    const m = LIST_LINE.exec(line);
    if (m) names.push(m[1]);
  }
  return licensing(names);
}

/** The text without its Format-List property lines ("Name : value", a space before the colon as PowerShell aligns it). */
export function withoutWmiListLines(head: string): string {
  return head
    .split(/\r\n|\r|\n/)
    .filter((line) => !LIST_LINE.test(line))
    .join('\n');
}

/** Format-Table: a header of property names with the dash line under it. */
export function looksLikeWmiTable(head: string): boolean {
  const lines = firstLines(head).filter((l) => l.trim() !== '');
  for (let i = 0; i + 1 < lines.length && i < 10; i++) if (tableColumns(lines[i], lines[i + 1])) return true;
  return false;
}

/**
 * Export-Csv: "#TYPE …SoftwareLicensing…", or a header (after any other #TYPE line, such as Select-Object's
 * "Selected.…CimInstance") naming three licensing properties of one class.
 */
export function looksLikeWmiCsv(head: string, firstLine: string): boolean {
  if (/^#TYPE\s.*SoftwareLicensing(?:Product|Service)\b/i.test(firstLine)) return true;
  const header = /^#TYPE\s/.test(firstLine) ? (head.split(/\r?\n/, 3).slice(1).find((l) => l.trim() !== '') ?? '') : firstLine;
  const fields = header.split(/[,;\t]/).map((f) => f.trim());
  // A header is property names only: a prompt line listing them after Select-Object is not one.
  if (!fields.every((f) => /^"?[A-Za-z_][A-Za-z0-9_]*"?$/.test(f))) return false;
  return licensing(fields.map((f) => f.replace(/^"|"$/g, '')));
}

/** ConvertTo-Json: an object or array whose first keys are licensing properties of one class. */
export function looksLikeWmiJson(head: string): boolean {
  if (!/^[[{]/.test(head)) return false;
  return licensing([...head.slice(0, 8192).matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"\s*:/g)].map((m) => m[1]));
}
